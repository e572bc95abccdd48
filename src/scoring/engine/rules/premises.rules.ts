// Data rules on the premises: 39①②③ and 45②.
//
// Interpretations decided for this product:
// - 39① premises.independent (独立或相对独立 is one flag pushed by the county).
// - 39② the 11 named rooms; partial credit by the share present, rounded down to a
//   multiple of 0.5: points = floor(2 × max × present / 11) / 2 (for max 2: floor(4·present/11)/2).
// - 39③ 临时休息室, 食堂 and 卫生间 all present (all or nothing).
// - 45② internet AND business private network (or e-government extranet, one flag).
import type { Room } from '../../../domain/vocabulary.js';
import { fmt, toHalf } from '../util.js';
import { ROOM_BIT, set, type RuleFn } from './rule-input.js';

export const FUNCTIONAL_ROOMS: readonly Room[] = [
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
export const LIVING_ROOMS: readonly Room[] = ['REST_ROOM', 'CANTEEN', 'TOILET'];

export const ROOM_LABEL: Readonly<Record<Room, string>> = {
  OFFICE: '办公室',
  SERVICE_HALL: '综合服务大厅',
  EQUIPMENT_STORE: '执法装备库',
  INTERVIEW_ROOM: '问询室',
  MEDIATION_ROOM: '调解室',
  RAPID_TEST_LAB: '快检室',
  CONFISCATED_GOODS_STORE: '罚没物品库',
  PARTY_ROOM: '党建活动室',
  ARCHIVE_ROOM: '档案室',
  MEETING_ROOM: '会议室',
  DUTY_ROOM: '值班室',
  REST_ROOM: '临时休息室',
  CANTEEN: '食堂',
  TOILET: '卫生间',
};

const FUNCTIONAL_BITS = FUNCTIONAL_ROOMS.map((r) => ROOM_BIT[r]);
const LIVING_BITS = LIVING_ROOMS.map((r) => ROOM_BIT[r]);
const FUNCTIONAL_TEXT = new Map<number, { points: number; reason: string }>();

export const independentPremises: RuleFn = (x, max, out) => {
  if (x.facts.profile.premises.independent === true) set(out, max, '有独立或相对独立的工作场所');
  else set(out, 0, '无独立或相对独立的工作场所');
};

export const functionalRooms: RuleFn = (x, max, out) => {
  let present = 0;
  let mask = 0;
  for (let i = 0; i < FUNCTIONAL_BITS.length; i++) {
    if ((x.rooms & FUNCTIONAL_BITS[i]) !== 0) {
      present++;
      mask |= 1 << i;
    }
  }
  // the outcome depends only on which rooms are present and the maximum: built once
  const key = mask * 1024 + toHalf(max);
  let hit = FUNCTIONAL_TEXT.get(key);
  if (hit === undefined) {
    const missing = FUNCTIONAL_ROOMS.filter((_, i) => (mask & (1 << i)) === 0);
    const half = Math.floor((toHalf(max) * present) / FUNCTIONAL_ROOMS.length);
    const points = half / 2;
    const gap = missing.length > 0 ? `（缺${missing.map((r) => ROOM_LABEL[r]).join('、')}）` : '';
    hit = { points, reason: `功能用房 ${present}/${FUNCTIONAL_ROOMS.length} 间${gap}，得 ${fmt(points)}/${fmt(max)} 分` };
    if (FUNCTIONAL_TEXT.size < 65536 && max === toHalf(max) / 2) FUNCTIONAL_TEXT.set(key, hit);
  }
  set(out, hit.points, hit.reason);
};

const LIVING_TEXT: string[] = [];

export const livingFacilities: RuleFn = (x, max, out) => {
  let mask = 0;
  for (let i = 0; i < LIVING_BITS.length; i++) if ((x.rooms & LIVING_BITS[i]) === 0) mask |= 1 << i;
  if (mask === 0) return set(out, max, '临时休息室、食堂、卫生间齐全');
  set(out, 0, (LIVING_TEXT[mask] ??= `缺${LIVING_ROOMS.filter((_, i) => (mask & (1 << i)) !== 0).map((r) => ROOM_LABEL[r]).join('、')}`));
};

const NETWORK_GAPS = ['已开通互联网和业务专网（或电子政务外网）', '未开通业务专网（或电子政务外网）', '未开通互联网', '未开通互联网、业务专网（或电子政务外网）'];

export const networks: RuleFn = (x, max, out) => {
  const { internet, privateNetwork } = x.facts.profile.premises;
  const gaps = (internet !== true ? 2 : 0) | (privateNetwork !== true ? 1 : 0);
  set(out, gaps === 0 ? max : 0, NETWORK_GAPS[gaps]);
};
