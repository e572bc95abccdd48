// View models shared by the forms: plain data, no database, no Nest. A renderer reads only
// these, so the live endpoints and (later) a rating round's frozen results fill the same
// forms through different builders.
import type { IsoDate } from '../../domain/station-data.js';

/** A station as a form's header names it. */
export interface FormStation {
  readonly code: string;
  readonly name: string;
  readonly countyCode: string;
  readonly countyName: string;
  readonly cityCode: string;
  readonly cityName: string;
  readonly provinceName: string;
}

/** Which evaluation a form shows: the rolling live one, or a rating round's frozen result. */
export type FormEvaluation =
  | {
      readonly kind: 'LIVE';
      /** When the current score was last evaluated. */
      readonly evaluatedAt: Date;
    }
  | {
      readonly kind: 'ROUND';
      readonly roundId: string;
      readonly roundName: string;
      /** What the sheet shows of the round, e.g. "评定等级五星；公示中；申报提交于 2026-06-20 10:00". */
      readonly detail?: string;
    };

/** The county bureau (县级市场监管部门) that fills and seals 附件2 and 附件3. */
export function countyBureau(station: FormStation): string {
  return `${station.countyName}市场监督管理局`;
}

/** "2026-06-30" → "2026年6月30日". */
export function chineseDate(date: IsoDate): string {
  return `${Number(date.slice(0, 4))}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}

/** An instant as "2026-06-30 14:05" in the given time zone (forms print civil times). */
export function civilTime(at: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}
