// 否定项目 (note 7): a veto event blocks when it is not lifted and dated in 近2年
// [addYears(R, −2), R] (note 10: materials without a stated period use 近2年). Any blocking
// veto makes the station ineligible for every star level, whatever its score.
import type { IsoDate, VetoEvent } from '../../domain/station-data.js';
import { inWindow, windowFrom } from './windows.js';

export function blockingVetoes(events: readonly VetoEvent[], cutOff: IsoDate, windowYears: number): VetoEvent[] {
  const out: VetoEvent[] = [];
  if (events.length === 0) return out;
  const from = windowFrom(cutOff, windowYears);
  for (const v of events) {
    if (v.lifted !== true && inWindow(v.date, from, cutOff)) {
      out.push({ id: v.id, kind: v.kind, date: v.date, description: v.description, personExternalId: v.personExternalId ?? null, lifted: false });
    }
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
