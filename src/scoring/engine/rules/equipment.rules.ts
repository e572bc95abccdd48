// Data rules on equipment: 41①②③, 42①②③, 43①②③.
//
// Interpretations decided for this product:
// - Only status IN_SERVICE counts, summing `quantity`; broken or retired items count for nothing.
// - A LAPTOP is a computer (41①) and a portable computer (42③); a MULTIFUNCTION_PRINTER is a
//   printer, a copier and a scanner (41②).
// - 41① DESKTOP_COMPUTER + LAPTOP ≥ computersPerStaff × established staff (计算机每人至少1台);
//   none established → not met.
// - 41③ VIDEO_CONFERENCE ≥ 1.
// - 42① CAR + MOTORCYCLE ≥ 1 (电动自行车按需配备, so E_BIKE does not count).
// - 42② 执法人员 = established staff with an enforcement certificate; "每人1台或每组1台" with
//   groups of officersPerGroup (2): required = max(1, ceil(officers / 2)) handheld terminals
//   AND body cameras;
//   PROTECTIVE_EQUIPMENT ≥ 1 only when the station has the SPECIAL_EQUIPMENT duty.
// - 42③ LAPTOP ≥ 1, PORTABLE_PRINTER ≥ 1 and RAPID_TEST_KIT ≥ 1.
// - 43①②③ SURVEILLANCE_SYSTEM, FIRE_CONTROL_SYSTEM, HVAC each ≥ 1 (按需配置 is read as "has one").
import type { EquipmentType } from '../../../domain/vocabulary.js';
import { DUTY_BIT } from '../bits.js';
import { ReasonCache, ReasonCachesByParameters, reasonKey } from '../util.js';
import { EQUIPMENT_INDEX as I, set, type RuleFn } from './rule-input.js';

// Reasons built from a few small integers are cached by those integers (util.ts ReasonCache).

const SPECIAL_EQUIPMENT_DUTY = DUTY_BIT.get('SPECIAL_EQUIPMENT')!;

export const computersPerStaff: RuleFn<'COMPUTERS_PER_STAFF'> = (x, max, out, p) => {
  const n = x.established;
  const computers = x.inService[I.DESKTOP_COMPUTER] + x.inService[I.LAPTOP];
  if (n === 0) return set(out, 0, `在用计算机 ${computers} 台，无在编人员`);
  const needed = p.computersPerStaff * n;
  const ok = computers >= needed;
  const cache = COMPUTERS.for(p);
  const key = reasonKey(computers, n);
  const per = p.computersPerStaff === 1 ? '' : `×${p.computersPerStaff}`;
  set(out, ok ? max : 0, cache.get(key) ?? cache.put(key, `在用计算机 ${computers} 台 ${ok ? '≥' : '<'} 在编 ${n} 人${per}`));
};
const COMPUTERS = new ReasonCachesByParameters();

const PRINT_COPY_SCAN = ['打印机、复印机、扫描仪齐全', '缺在用扫描仪', '缺在用复印机', '缺在用复印机、扫描仪', '缺在用打印机', '缺在用打印机、扫描仪', '缺在用打印机、复印机', '缺在用打印机、复印机、扫描仪'];

export const printCopyScan: RuleFn = (x, max, out) => {
  const s = x.inService;
  const mfp = s[I.MULTIFUNCTION_PRINTER];
  const missing = (s[I.PRINTER] + mfp < 1 ? 4 : 0) | (s[I.COPIER] + mfp < 1 ? 2 : 0) | (s[I.SCANNER] + mfp < 1 ? 1 : 0);
  const text = PRINT_COPY_SCAN[missing];
  if (mfp <= 0) return set(out, missing === 0 ? max : 0, text);
  const key = reasonKey(missing, mfp);
  set(out, missing === 0 ? max : 0, MFP.get(key) ?? MFP.put(key, `${text}（含多功能一体机 ${mfp} 台）`));
};
const MFP = new ReasonCache();

function singleItem(type: EquipmentType, label: string, unit: string): RuleFn {
  const index = I[type];
  const none = `无在用${label}`;
  const texts = new ReasonCache();
  return (x, max, out) => {
    const k = x.inService[index];
    if (k >= 1) set(out, max, texts.get(reasonKey(k)) ?? texts.put(reasonKey(k), `在用${label} ${k} ${unit}`));
    else set(out, 0, none);
  };
}

export const videoConference: RuleFn = singleItem('VIDEO_CONFERENCE', '视频会议系统', '套');
export const surveillanceSystem: RuleFn = singleItem('SURVEILLANCE_SYSTEM', '电子监控系统', '套');
export const fireControlSystem: RuleFn = singleItem('FIRE_CONTROL_SYSTEM', '消防安全控制系统', '套');
export const heatingCooling: RuleFn = singleItem('HVAC', '采暖制冷设备', '套');

const VEHICLES = new ReasonCache();
export const enforcementVehicle: RuleFn = (x, max, out) => {
  const k = x.inService[I.CAR] + x.inService[I.MOTORCYCLE];
  if (k >= 1) set(out, max, VEHICLES.get(reasonKey(k)) ?? VEHICLES.put(reasonKey(k), `在用执法执勤机动车（汽车、摩托车）${k} 辆`));
  else set(out, 0, '无在用执法执勤机动车（汽车、摩托车；电动自行车不计）');
};

const TERMINALS = new ReasonCachesByParameters();
export const terminalsAndCameras: RuleFn<'TERMINALS_AND_CAMERAS'> = (x, max, out, p) => {
  const officers = x.officers;
  const group = Math.max(1, p.officersPerGroup);
  const required = Math.max(1, Math.ceil(officers / group));
  const terminals = x.inService[I.HANDHELD_TERMINAL];
  const cameras = x.inService[I.BODY_CAMERA];
  const special = (x.duties & SPECIAL_EQUIPMENT_DUTY) !== 0;
  const protective = special ? x.inService[I.PROTECTIVE_EQUIPMENT] : 0;
  const ok = terminals >= required && cameras >= required && (!special || protective >= 1);
  // `required` follows from officers; the protective count matters only with the duty (+1: 0 differs from no duty)
  const key = reasonKey(officers, terminals, cameras, special ? protective + 1 : 0);
  const cache = TERMINALS.for(p);
  set(out, ok ? max : 0, cache.get(key) ?? cache.put(key, terminalsText(officers, group, required, terminals, cameras, special, protective)));
};

function terminalsText(officers: number, group: number, required: number, terminals: number, cameras: number, special: boolean, protective: number): string {
  let reason =
    `执法人员 ${officers} 人，每组${group}人需各 ${required} 台：手持执法终端 ${terminals} 台${terminals >= required ? '' : '（不足）'}` +
    `，执法记录仪 ${cameras} 台${cameras >= required ? '' : '（不足）'}`;
  if (special) reason += protective >= 1 ? `，个人防护装备 ${protective} 套` : '，无个人防护装备（承担特种设备安全监管职责）';
  return reason;
}

const KITS = new ReasonCache();
export const portableFieldKit: RuleFn = (x, max, out) => {
  const laptops = x.inService[I.LAPTOP];
  const printers = x.inService[I.PORTABLE_PRINTER];
  const kits = x.inService[I.RAPID_TEST_KIT];
  if (laptops >= 1 && printers >= 1 && kits >= 1) {
    const key = reasonKey(laptops, printers, kits);
    return set(out, max, KITS.get(key) ?? KITS.put(key, `便携式计算机 ${laptops} 台、便携式打印机 ${printers} 台、快速检测装备 ${kits} 套`));
  }
  const missing: string[] = [];
  if (laptops < 1) missing.push('便携式计算机');
  if (printers < 1) missing.push('便携式打印机');
  if (kits < 1) missing.push('快速检测装备');
  set(out, 0, `缺在用${missing.join('、')}`);
};
