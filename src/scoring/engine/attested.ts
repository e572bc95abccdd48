// 附件3 (county certification): the certification used is the latest whose year is ≤ Y
// (the first in canonical order when a year was pushed twice); it vouches only for Y and
// Y−1 (rubric certificationValidYears): an older one is expired and every item counts as no
// ("证明已过期"). An item that is absent or blank counts as no and reads "否" like an
// explicit no (the service stores 12 booleans, so a blank and a no are the same input and
// hash alike); no certification at all → every item counts as no.
import type { Certification } from '../../domain/station-data.js';
import type { CertificationItemNo } from '../../rubric/model/rubric.js';
import type { StationFacts } from './facts.js';

export function selectCertification(facts: Pick<StationFacts, 'certifications'>, year: number): Certification | null {
  let best: Certification | null = null;
  const certifications = facts.certifications;
  for (let i = 0; i < certifications.length; i++) {
    const c = certifications[i];
    if (c.year <= year && (best === null || c.year > best.year)) best = c;
  }
  return best;
}

const ANSWER = ['否', '是'] as const;
const ITEM_KEYS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'] as (keyof Certification['items'])[];

/** Single-item reasons by (certification year, item, answer): a few dozen distinct strings. */
const SINGLE = new Map<number, string>();
/** "附件3证明已过期（2023年度），第…项视同否" by year and items. */
const EXPIRED = new Map<string, string>();
/** "无附件3证明，第…项视同否" by item list (the rubric's frozen arrays). */
const NONE = new Map<readonly CertificationItemNo[], string>();

/** The attestations of one evaluation's certification (reused between evaluations). */
export class Attester {
  private cert: Certification | null = null;
  private expired = false;
  /** Bit i set when item i is yes. */
  private yes = 0;

  /** `expired`: the certification is too old to vouch for anything (its items count as no). */
  reset(cert: Certification | null, expired = false): this {
    this.cert = cert;
    this.expired = cert !== null && expired;
    let yes = 0;
    const items = cert?.items;
    if (items !== undefined && items !== null && !this.expired) for (let i = 1; i <= 12; i++) if (items[ITEM_KEYS[i]] === true) yes |= 1 << i;
    this.yes = yes;
    return this;
  }

  /** Every listed item is yes. */
  ok(items: readonly CertificationItemNo[]): boolean {
    if (this.cert === null || this.expired) return false;
    for (let i = 0; i < items.length; i++) if ((this.yes & (1 << items[i])) === 0) return false;
    return true;
  }

  reason(items: readonly CertificationItemNo[]): string {
    const cert = this.cert;
    if (cert !== null && this.expired) {
      const key = `${cert.year}:${items.join(',')}`;
      let text = EXPIRED.get(key);
      if (text === undefined) {
        text = `附件3证明已过期（${cert.year}年度），第${items.join('、')}项视同否`;
        if (EXPIRED.size < 1024) EXPIRED.set(key, text);
      }
      return text;
    }
    if (cert === null) {
      let text = NONE.get(items);
      if (text === undefined) NONE.set(items, (text = `无附件3证明，第${items.join('、')}项视同否`));
      return text;
    }
    if (items.length !== 1) return attest(cert, items).reason;
    const item = items[0];
    const yes = (this.yes & (1 << item)) !== 0;
    const year = cert.year;
    if (!(Number.isInteger(year) && year >= 0 && year < 100000)) return `附件3第${item}项：${ANSWER[yes ? 1 : 0]}（${year}年度证明）`;
    const key = (year * 16 + item) * 2 + (yes ? 1 : 0);
    let text = SINGLE.get(key);
    if (text === undefined) SINGLE.set(key, (text = `附件3第${item}项：${ANSWER[yes ? 1 : 0]}（${year}年度证明）`));
    return text;
  }
}

export function attest(cert: Certification | null, items: readonly CertificationItemNo[]): { ok: boolean; reason: string } {
  const list = items.join('、');
  if (cert === null) return { ok: false, reason: `无附件3证明，第${list}项视同否` };
  let ok = true;
  const parts: string[] = [];
  for (const item of items) {
    const yes = cert.items?.[`${item}`] === true;
    if (!yes) ok = false;
    parts.push(`第${item}项：${ANSWER[yes ? 1 : 0]}`);
  }
  return { ok, reason: `附件3${parts.join('，')}（${cert.year}年度证明）` };
}
