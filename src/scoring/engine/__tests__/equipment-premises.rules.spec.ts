// Data rules on equipment (41, 42, 43) and premises (39, 45). The perfect station has
// 10 established staff, 9 of them enforcement officers, and the SPECIAL_EQUIPMENT duty.
import type { Equipment } from '../../../domain/station-data.js';
import type { EquipmentType, Room } from '../../../domain/vocabulary.js';
import type { StationFacts } from '../facts.js';
import { byId, criterion, equipment, scoreWith } from './support/perfect-station.js';

function check(code: string, mutate: (f: StationFacts) => void) {
  return criterion(scoreWith(mutate), code);
}
function setEquipment(f: StationFacts, type: EquipmentType, quantity: number, status: Equipment['status'] = 'IN_SERVICE'): void {
  f.equipment = [...f.equipment.filter((e) => e.type !== type), ...(quantity > 0 ? [equipment(`X-${type}`, type, quantity, { status })] : [])];
}
function without(f: StationFacts, ...types: EquipmentType[]): void {
  f.equipment = f.equipment.filter((e) => !types.includes(e.type));
}

describe('41① in-service computers (desktops + laptops) ≥ established staff', () => {
  it.each<[string, (f: StationFacts) => void, number, string]>([
    ['8 desktops + 3 laptops for 10 (retired desktops ignored)', () => {}, 1, '在用计算机 11 台 ≥ 在编 10 人'],
    ['7 + 3 = 10 (exactly)', (f) => setEquipment(f, 'DESKTOP_COMPUTER', 7), 1, '在用计算机 10 台 ≥ 在编 10 人'],
    ['6 + 3 = 9', (f) => setEquipment(f, 'DESKTOP_COMPUTER', 6), 0, '在用计算机 9 台 < 在编 10 人'],
    ['7 broken desktops + 3 laptops', (f) => setEquipment(f, 'DESKTOP_COMPUTER', 7, 'BROKEN'), 0, '在用计算机 3 台 < 在编 10 人'],
    ['laptops only, 10 of them', (f) => (setEquipment(f, 'DESKTOP_COMPUTER', 0), setEquipment(f, 'LAPTOP', 10)), 1, '在用计算机 10 台 ≥ 在编 10 人'],
    ['no established staff', (f) => void (f.personnel = f.personnel.filter((p) => p.staffingType === 'AUXILIARY')), 0, '在用计算机 11 台，无在编人员'],
  ])('%s', (_n, mutate, points, reason) => {
    const c = check('41①', mutate);
    expect([c.points, c.reason]).toEqual([points, reason]);
  });
});

describe('41② printer, copier and scanner (a multifunction printer is all three)', () => {
  it.each<[string, (f: StationFacts) => void, number, string]>([
    ['one MFP', () => {}, 0.5, '打印机、复印机、扫描仪齐全（含多功能一体机 1 台）'],
    [
      'separate printer, copier, scanner',
      (f) => {
        without(f, 'MULTIFUNCTION_PRINTER');
        f.equipment = [...f.equipment, equipment('P', 'PRINTER'), equipment('C', 'COPIER'), equipment('S', 'SCANNER')];
      },
      0.5,
      '打印机、复印机、扫描仪齐全',
    ],
    [
      'printer and copier only',
      (f) => {
        without(f, 'MULTIFUNCTION_PRINTER');
        f.equipment = [...f.equipment, equipment('P', 'PRINTER'), equipment('C', 'COPIER')];
      },
      0,
      '缺在用扫描仪',
    ],
    ['a broken MFP', (f) => setEquipment(f, 'MULTIFUNCTION_PRINTER', 1, 'BROKEN'), 0, '缺在用打印机、复印机、扫描仪'],
  ])('%s', (_n, mutate, points, reason) => {
    const c = check('41②', mutate);
    expect([c.points, c.reason]).toEqual([points, reason]);
  });
});

describe('single-item rules: 41③ video conference, 43① surveillance, 43② fire control, 43③ HVAC', () => {
  it.each<[string, EquipmentType, string]>([
    ['41③', 'VIDEO_CONFERENCE', '视频会议系统'],
    ['43①', 'SURVEILLANCE_SYSTEM', '电子监控系统'],
    ['43②', 'FIRE_CONTROL_SYSTEM', '消防安全控制系统'],
    ['43③', 'HVAC', '采暖制冷设备'],
  ])('%s needs one in-service %s', (code, type, label) => {
    expect(check(code, () => {})).toMatchObject({ points: 0.5, status: 'MET', reason: `在用${label} 1 套` });
    expect(check(code, (f) => without(f, type))).toMatchObject({ points: 0, status: 'NOT_MET', reason: `无在用${label}` });
    expect(check(code, (f) => setEquipment(f, type, 2, 'BROKEN')).points).toBe(0);
    expect(check(code, (f) => setEquipment(f, type, 1, 'RETIRED')).points).toBe(0);
  });
});

describe('42① an enforcement vehicle: car or motorcycle (e-bikes do not count)', () => {
  it.each<[string, (f: StationFacts) => void, number]>([
    ['a car', () => {}, 2],
    ['a motorcycle only', (f) => (without(f, 'CAR'), setEquipment(f, 'MOTORCYCLE', 1)), 2],
    ['e-bikes only', (f) => without(f, 'CAR'), 0],
    ['a retired car', (f) => setEquipment(f, 'CAR', 1, 'RETIRED'), 0],
  ])('%s → %p', (_n, mutate, points) => {
    expect(check('42①', mutate).points).toBe(points);
  });
  it('says e-bikes do not count', () => {
    expect(check('42①', (f) => without(f, 'CAR')).reason).toBe('无在用执法执勤机动车（汽车、摩托车；电动自行车不计）');
  });
});

describe('42② terminals and body cameras, one per two officers; protective equipment with special equipment duty', () => {
  const certify = (f: StationFacts, officers: number) =>
    f.personnel.forEach((p, i) => void (Object.assign(p, { enforcementCertNo: i < officers && p.staffingType !== 'AUXILIARY' ? `Z${i}` : null })));
  it.each<[string, (f: StationFacts) => void, number]>([
    ['9 officers need 5 each: 5 and 5', () => {}, 1],
    ['9 officers, 4 terminals', (f) => setEquipment(f, 'HANDHELD_TERMINAL', 4), 0],
    ['9 officers, 4 cameras', (f) => setEquipment(f, 'BODY_CAMERA', 4), 0],
    ['10 officers still need 5', (f) => void (byId(f, 'P10').enforcementCertNo = 'Z10'), 1],
    ['certificates of auxiliaries do not make officers', (f) => void (byId(f, 'A01').enforcementCertNo = 'ZA'), 1],
    [
      '11 officers need 6',
      (f) => {
        byId(f, 'P10').enforcementCertNo = 'Z10';
        byId(f, 'A01').staffingType = 'ADMINISTRATIVE';
        byId(f, 'A01').enforcementCertNo = 'ZA';
      },
      0,
    ],
    ['0 officers still need 1 each', (f) => (certify(f, 0), setEquipment(f, 'HANDHELD_TERMINAL', 1), setEquipment(f, 'BODY_CAMERA', 1)), 1],
    ['0 officers and no terminal', (f) => (certify(f, 0), without(f, 'HANDHELD_TERMINAL')), 0],
    ['broken cameras do not count', (f) => setEquipment(f, 'BODY_CAMERA', 5, 'BROKEN'), 0],
    ['no protective equipment with the special equipment duty', (f) => without(f, 'PROTECTIVE_EQUIPMENT'), 0],
    [
      'no protective equipment without the duty',
      (f) => {
        without(f, 'PROTECTIVE_EQUIPMENT');
        f.profile.duties = ['FOOD'];
      },
      1,
    ],
  ])('%s → %p', (_n, mutate, points) => {
    expect(check('42②', mutate).points).toBe(points);
  });
  it('explains the arithmetic', () => {
    expect(check('42②', () => {}).reason).toBe('执法人员 9 人，每组2人需各 5 台：手持执法终端 5 台，执法记录仪 5 台，个人防护装备 2 套');
    expect(check('42②', (f) => (setEquipment(f, 'BODY_CAMERA', 4), without(f, 'PROTECTIVE_EQUIPMENT'))).reason).toBe(
      '执法人员 9 人，每组2人需各 5 台：手持执法终端 5 台，执法记录仪 4 台（不足），无个人防护装备（承担特种设备安全监管职责）',
    );
  });
});

describe('42③ portable computer, portable printer and rapid-test kit', () => {
  it.each<[string, (f: StationFacts) => void, number, string]>([
    ['all (a laptop is the portable computer)', () => {}, 0.5, '便携式计算机 3 台、便携式打印机 1 台、快速检测装备 2 套'],
    ['no laptop', (f) => without(f, 'LAPTOP'), 0, '缺在用便携式计算机'],
    ['no portable printer', (f) => without(f, 'PORTABLE_PRINTER'), 0, '缺在用便携式打印机'],
    ['broken rapid-test kits', (f) => setEquipment(f, 'RAPID_TEST_KIT', 3, 'BROKEN'), 0, '缺在用快速检测装备'],
  ])('%s', (_n, mutate, points, reason) => {
    const c = check('42③', mutate);
    expect([c.points, c.reason]).toEqual([points, reason]);
  });
  it('counts one laptop both as a computer (41①) and a portable computer (42③)', () => {
    const r = scoreWith((f) => (setEquipment(f, 'DESKTOP_COMPUTER', 9), setEquipment(f, 'LAPTOP', 1)));
    expect(criterion(r, '41①').reason).toBe('在用计算机 10 台 ≥ 在编 10 人');
    expect(criterion(r, '42③').points).toBe(0.5);
  });
});

describe('39 premises and 45② networks', () => {
  const FUNCTIONAL: Room[] = [
    'OFFICE',
    'SERVICE_HALL',
    'EQUIPMENT_STORE',
    'INTERVIEW_ROOM',
    'MEDIATION_ROOM',
    'RAPID_TEST_LAB',
    'CONFISCATED_GOODS_STORE',
    'PARTY_ROOM',
    'ARCHIVE_ROOM',
    'MEETING_ROOM',
    'DUTY_ROOM',
  ];
  it('39① independent premises', () => {
    expect(check('39①', () => {}).points).toBe(1);
    const c = check('39①', (f) => void (f.profile.premises.independent = false));
    expect([c.points, c.reason]).toEqual([0, '无独立或相对独立的工作场所']);
  });

  // points = floor(4 × present / 11) / 2
  it.each<[number, number, string]>([
    [11, 2, 'MET'],
    [10, 1.5, 'PARTLY_MET'], // floor(40/11) = 3
    [9, 1.5, 'PARTLY_MET'], // floor(36/11) = 3
    [8, 1, 'PARTLY_MET'], // floor(32/11) = 2
    [6, 1, 'PARTLY_MET'], // floor(24/11) = 2
    [5, 0.5, 'PARTLY_MET'], // floor(20/11) = 1
    [3, 0.5, 'PARTLY_MET'], // floor(12/11) = 1
    [2, 0, 'NOT_MET'], // floor(8/11) = 0
    [0, 0, 'NOT_MET'],
  ])('39② %i of 11 rooms → %p', (present, points, status) => {
    const c = check('39②', (f) => void (f.profile.premises.rooms = [...FUNCTIONAL.slice(0, present), 'REST_ROOM', 'CANTEEN', 'TOILET']));
    expect([c.points, c.status]).toEqual([points, status]);
  });
  it('39② names the missing rooms and ignores repeats', () => {
    const c = check('39②', (f) => void (f.profile.premises.rooms = [...FUNCTIONAL.slice(0, 9), 'OFFICE', 'OFFICE']));
    expect(c.reason).toBe('功能用房 9/11 间（缺会议室、值班室），得 1.5/2 分');
  });
  it('39③ rest room, canteen and toilet, all or nothing', () => {
    expect(check('39③', () => {}).points).toBe(1);
    const c = check('39③', (f) => void (f.profile.premises.rooms = f.profile.premises.rooms.filter((r) => r !== 'CANTEEN')));
    expect([c.points, c.reason]).toEqual([0, '缺食堂']);
  });
  it.each<[boolean, boolean, number, string]>([
    [true, true, 0.5, '已开通互联网和业务专网（或电子政务外网）'],
    [false, true, 0, '未开通互联网'],
    [true, false, 0, '未开通业务专网（或电子政务外网）'],
    [false, false, 0, '未开通互联网、业务专网（或电子政务外网）'],
  ])('45② internet %p, private network %p → %p', (internet, privateNetwork, points, reason) => {
    const c = check('45②', (f) => Object.assign(f.profile.premises, { internet, privateNetwork }));
    expect([c.points, c.reason]).toEqual([points, reason]);
  });
});
