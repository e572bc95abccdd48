// The equipment ledger: about 30 rows of office, enforcement and premises equipment, with
// about one row in ten broken or retired.
import type { Equipment, Person } from '../domain/station-data.js';
import type { EquipmentStatus, EquipmentType } from '../domain/vocabulary.js';
import { EQUIPMENT_TYPES } from '../domain/vocabulary.js';
import { isoDay, pad } from './calendar.js';
import type { StationContext } from './context.js';
import { isEnforcementOfficer, isEstablished } from './personnel.js';
import type { Rng } from './random.js';

// Read once: global lookups are slow inside a vm context (Jest), see random.ts.
const { ceil, max, min } = Math;

interface Row {
  type: EquipmentType;
  quantity: number;
  status: EquipmentStatus;
}

export const MIN_EQUIPMENT_ROWS = 28;
export const MAX_EQUIPMENT_ROWS = 32;

export function generateEquipment(ctx: StationContext, personnel: readonly Person[]): Equipment[] {
  const rng = ctx.rng.fork('equipment');
  const traits = ctx.traits;
  const established = personnel.filter(isEstablished).length;
  const officers = personnel.filter(isEnforcementOfficer).length;
  const kitNeeded = max(1, ceil(officers / 2));

  const rows: Row[] = [];
  const add = (type: EquipmentType, quantity: number) => rows.push({ type, quantity, status: 'IN_SERVICE' });
  const repeat = (type: EquipmentType, count: number, qty: () => number) => {
    for (let i = 0; i < count; i++) add(type, qty());
  };

  repeat('LAPTOP', rng.int(1, 3), () => rng.int(1, 2));
  repeat('PRINTER', rng.int(1, 3), () => rng.int(1, 3));
  const mfp = rng.chance(0.6);
  if (mfp) repeat('MULTIFUNCTION_PRINTER', rng.int(1, 2), () => rng.int(1, 2));
  if (rng.chance(mfp ? 0.5 : 0.85)) add('COPIER', 1);
  if (rng.chance(mfp ? 0.45 : 0.85)) add('SCANNER', rng.int(1, 2));
  if (rng.chance(0.88)) add('VIDEO_CONFERENCE', 1);
  if (rng.chance(0.88)) repeat('CAR', rng.int(1, 2), () => 1);
  if (rng.chance(0.25)) add('MOTORCYCLE', rng.int(1, 2));
  if (rng.chance(0.6)) repeat('E_BIKE', rng.int(1, 2), () => rng.int(1, 4));
  splitInto(rng, rows, 'HANDHELD_TERMINAL', kitQuantity(rng, traits.fieldKitEnough, kitNeeded));
  splitInto(rng, rows, 'BODY_CAMERA', kitQuantity(rng, traits.fieldKitEnough, kitNeeded + rng.int(0, 2)));
  if (rng.chance(0.9)) add('PORTABLE_PRINTER', rng.int(1, 3));
  if (rng.chance(0.85)) repeat('RAPID_TEST_KIT', rng.int(1, 2), () => rng.int(1, 3));
  if (rng.chance(traits.specialEquipmentDuty ? 0.9 : 0.2)) repeat('PROTECTIVE_EQUIPMENT', rng.int(1, 2), () => rng.int(2, 10));
  if (rng.chance(0.92)) add('SURVEILLANCE_SYSTEM', 1);
  if (rng.chance(0.9)) add('FIRE_CONTROL_SYSTEM', 1);
  if (rng.chance(0.95)) repeat('HVAC', rng.int(1, 3), () => rng.int(1, 8));

  // Desktops fill the ledger up to its target length: one per person (plus an internet
  // machine or two) where the station is equipped, fewer where it is not.
  const target = rng.int(MIN_EQUIPMENT_ROWS, MAX_EQUIPMENT_ROWS);
  const desktops = traits.computersEnough ? established + rng.int(0, 2) : max(1, established - rng.int(2, 4));
  const desktopRows = max(1, min(desktops, target - rows.length));
  const perRow = splitQuantity(rng, desktops, desktopRows);
  for (const q of perRow) add('DESKTOP_COMPUTER', q);
  while (rows.length < target) add('OTHER', rng.int(1, 6)); // filing cabinets, shredders, water dispensers …

  for (const row of rows) {
    if (rng.chance(0.1)) row.status = rng.chance(0.6) ? 'BROKEN' : 'RETIRED';
  }
  // A well-equipped station replaces what broke: keep its working counts up to need.
  if (traits.computersEnough) topUp(rows, ['DESKTOP_COMPUTER', 'LAPTOP'], 'DESKTOP_COMPUTER', established);
  if (traits.fieldKitEnough) {
    topUp(rows, ['HANDHELD_TERMINAL'], 'HANDHELD_TERMINAL', kitNeeded);
    topUp(rows, ['BODY_CAMERA'], 'BODY_CAMERA', kitNeeded);
  }

  rows.sort((a, b) => TYPE_ORDER[a.type] - TYPE_ORDER[b.type]);
  const asOfDay = ctx.province.asOfDay;
  return rows.map((row, i) => ({
    externalId: `E${pad(i + 1, 4)}`,
    type: row.type,
    quantity: row.quantity,
    status: row.status,
    acquiredOn: rng.chance(0.03) ? null : isoDay(asOfDay - acquiredAgo(rng, row.status)),
  }));
}

const TYPE_ORDER = Object.fromEntries(EQUIPMENT_TYPES.map((t, i) => [t, i])) as Record<EquipmentType, number>;

function acquiredAgo(rng: Rng, status: EquipmentStatus): number {
  switch (status) {
    case 'IN_SERVICE':
      return rng.int(30, 8 * 365);
    case 'BROKEN':
      return rng.int(2 * 365, 10 * 365);
    case 'RETIRED':
      return rng.int(6 * 365, 12 * 365);
  }
}

function kitQuantity(rng: Rng, enough: boolean, needed: number): number {
  return enough ? needed + rng.int(0, 2) : max(0, needed - rng.int(1, 2));
}

/** One or two rows of a type holding `total` items (none when total is 0). */
function splitInto(rng: Rng, rows: Row[], type: EquipmentType, total: number): void {
  if (total <= 0) return;
  for (const q of splitQuantity(rng, total, total >= 4 && rng.chance(0.5) ? 2 : 1)) {
    rows.push({ type, quantity: q, status: 'IN_SERVICE' });
  }
}

/** `total` split into `parts` positive quantities: mostly ones, the rest in a group or two. */
function splitQuantity(rng: Rng, total: number, parts: number): number[] {
  const n = max(1, min(parts, total));
  const out = new Array<number>(n).fill(1);
  for (let left = total - n; left > 0; left--) {
    // Extra items pile up in the first rows, the way a batch purchase is booked as one line.
    out[rng.int(0, min(n - 1, 1))]++;
  }
  return out;
}

/** Raise working quantity of `types` to `needed` by adding to a working row of `into`. */
function topUp(rows: Row[], types: readonly EquipmentType[], into: EquipmentType, needed: number): void {
  const working = rows.filter((r) => r.status === 'IN_SERVICE' && types.includes(r.type));
  const have = working.reduce((sum, r) => sum + r.quantity, 0);
  if (have >= needed) return;
  const row = working.find((r) => r.type === into) ?? rows.find((r) => r.type === into);
  if (!row) return;
  row.status = 'IN_SERVICE';
  row.quantity += needed - have;
}
