// 12315 figures per month for the 24 complete months before asOf's month, and the national
// average mediation success rates (province reference data).
import type { ComplaintFigures, MediationAverage } from '../domain/station-data.js';
import { isoMonth } from './calendar.js';
import type { StationContext } from './context.js';
import { Rng } from './random.js';

// Read once: global lookups are slow inside a vm context (Jest), see random.ts.
const { floor, min, round } = Math;

export const COMPLAINT_MONTHS = 24;
export const MAX_MONTHLY_COMPLAINTS = 40;

/** Complaints run higher around the Spring Festival, 3·15, the October holiday and 双11. */
const SEASON = [1.1, 1.15, 1.2, 0.95, 0.95, 1.0, 1.05, 1.05, 0.95, 1.1, 1.05, 1.0];

export function generateComplaintFigures(ctx: StationContext): ComplaintFigures[] {
  const rng = ctx.rng.fork('complaints');
  const t = ctx.traits;
  const urban = ctx.county.kind === 'DISTRICT' ? 1.5 : 1;
  const complaintRate = rng.real(1.5, 14) * urban;
  const reportRate = rng.real(0.3, 5) * urban;
  const attemptShare = rng.real(0.4, 0.8);
  const successRate = rng.real(0.5, 0.9);
  const realNameShare = rng.real(0.3, 0.7);

  const out: ComplaintFigures[] = [];
  const { year, month } = ctx.province;
  for (let k = COMPLAINT_MONTHS; k >= 1; k--) {
    const index = year * 12 + (month - 1) - k;
    const y = floor(index / 12);
    const m = (index % 12) + 1;
    const received = min(MAX_MONTHLY_COMPLAINTS, rng.poisson(complaintRate * SEASON[m - 1]));
    const closed = received - (rng.chance(0.3) ? rng.int(0, min(2, received)) : 0);
    const attempted = rng.binomial(received, attemptShare);
    const reports = min(MAX_MONTHLY_COMPLAINTS, rng.poisson(reportRate));
    const realName = rng.binomial(reports, realNameShare);
    out.push({
      period: isoMonth(y, m),
      complaintsReceived: received,
      complaintsCheckedOnTime: shortfall(rng, received, t.complaintsOnTime),
      complaintsClosed: closed,
      complaintsClosedOnTime: shortfall(rng, closed, t.complaintsOnTime),
      mediationsAttempted: attempted,
      mediationsSucceeded: rng.binomial(attempted, successRate),
      reportsReceived: reports,
      reportsVerifiedOnTime: shortfall(rng, reports, t.reportsOnTime),
      realNameReports: realName,
      realNameReportersNotified: shortfall(rng, realName, t.reportersNotified),
    });
  }
  return out;
}

/** The whole when the station is punctual; otherwise now and then one or two short. */
function shortfall(rng: Rng, whole: number, punctual: boolean): number {
  if (punctual || whole === 0 || !rng.chance(0.2)) return whole;
  return whole - rng.int(1, min(2, whole));
}

/**
 * National average mediation success rates for Y−3..Y−1, fractions with 4 decimals. They
 * are national figures: they depend on the seed and the year only, not on the province.
 */
export function generateMediationAverages(seed: string, year: number): MediationAverage[] {
  const out: MediationAverage[] = [];
  for (let y = year - 3; y <= year - 1; y++) {
    // One stream per year, so a year's average does not change as asOf moves on.
    const rng = new Rng(`${seed}|mediation-average|${y}`);
    out.push({ year: y, rate: round(rng.real(0.6, 0.75) * 10_000) / 10_000 });
  }
  return out;
}
