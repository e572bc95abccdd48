// Counts and shares over a few hundred stations stay within the ranges the demo data, the
// benchmarks and the scoring tests rely on. Bounds are wide enough for sampling noise at
// this size and narrow enough to catch a broken generator.
import { daysBetween } from '../../domain/dates.js';
import type { StationBundle } from '../../domain/station-data.js';
import { generateProvince } from '../index.js';

const AS_OF = '2025-06-15';
const STATIONS = 600;
let bundles: StationBundle[];

beforeAll(() => {
  bundles = [...generateProvince({ stations: STATIONS, seed: 'distributions', asOf: AS_OF }).stations()];
});

const share = (n: number, d: number) => n / d;
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const mean = (xs: number[]) => sum(xs) / xs.length;
const stationShare = (pred: (b: StationBundle) => boolean) => share(bundles.filter(pred).length, bundles.length);
/** The items failing a predicate (checked once with toEqual([]): one expect per item is slow). */
const offenders = <T>(items: readonly T[], ok: (x: T) => boolean): T[] => items.filter((x) => !ok(x)).slice(0, 5);

describe('profile', () => {
  it('approved headcount is 8-14 and duties always include food and market entry', () => {
    const profiles = bundles.map((b) => b.profile);
    expect(offenders(profiles, (p) => p.approvedHeadcount >= 8 && p.approvedHeadcount <= 14)).toEqual([]);
    expect(offenders(profiles, (p) => p.duties.includes('FOOD') && p.duties.includes('MARKET_ENTRY'))).toEqual([]);
    expect(offenders(profiles, (p) => p.premises.internet && p.premises.rooms.includes('OFFICE'))).toEqual([]);
    expect(new Set(profiles.map((p) => p.approvedHeadcount)).size).toBe(7);
  });

  it('about 85% have special equipment duty; premises mostly independent and complete', () => {
    expect(stationShare((b) => b.profile.duties.includes('SPECIAL_EQUIPMENT'))).toBeGreaterThan(0.78);
    expect(stationShare((b) => b.profile.duties.includes('SPECIAL_EQUIPMENT'))).toBeLessThan(0.92);
    expect(stationShare((b) => b.profile.premises.independent)).toBeGreaterThan(0.8);
    expect(stationShare((b) => b.profile.premises.privateNetwork)).toBeGreaterThan(0.85);
    const allRooms = stationShare((b) => b.profile.premises.rooms.length === 14);
    expect(allRooms).toBeGreaterThan(0.4);
    expect(allRooms).toBeLessThan(0.85);
    expect(Math.min(...bundles.map((b) => b.profile.premises.rooms.length))).toBeGreaterThanOrEqual(10);
  });
});

describe('personnel', () => {
  it('10-15 people, about 12 on average', () => {
    const sizes = bundles.map((b) => b.personnel.length);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(10);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(15);
    expect(mean(sizes)).toBeGreaterThan(11.5);
    expect(mean(sizes)).toBeLessThan(13);
  });

  it('one director (rarely none), one or two deputies', () => {
    const directors = bundles.map((b) => b.personnel.filter((p) => p.position === 'DIRECTOR').length);
    expect(Math.max(...directors)).toBe(1);
    expect(share(directors.filter((d) => d === 1).length, bundles.length)).toBeGreaterThan(0.96);
    for (const b of bundles) {
      const deputies = b.personnel.filter((p) => p.position === 'DEPUTY_DIRECTOR').length;
      expect(deputies).toBeGreaterThanOrEqual(1);
      expect(deputies).toBeLessThanOrEqual(2);
    }
  });

  it('15-25% auxiliary staff, the rest over the established types', () => {
    const people = bundles.flatMap((b) => b.personnel);
    const aux = share(people.filter((p) => p.staffingType === 'AUXILIARY').length, people.length);
    expect(aux).toBeGreaterThanOrEqual(0.15);
    expect(aux).toBeLessThanOrEqual(0.25);
    const types = new Set(people.map((p) => p.staffingType));
    expect(types.size).toBe(6);
    // Auxiliary staff never hold an enforcement certificate and never lead.
    expect(
      offenders(
        people.filter((x) => x.staffingType === 'AUXILIARY'),
        (p) => p.enforcementCertNo === null && p.position === 'STAFF',
      ),
    ).toEqual([]);
  });

  it('education mostly bachelor, with some master and associate, few secondary, rare doctorate', () => {
    const people = bundles.flatMap((b) => b.personnel);
    const of = (e: string) => share(people.filter((p) => p.education === e).length, people.length);
    expect(of('BACHELOR')).toBeGreaterThan(0.55);
    expect(of('MASTER')).toBeGreaterThan(0.05);
    expect(of('ASSOCIATE')).toBeGreaterThan(0.1);
    expect(of('SECONDARY_OR_BELOW')).toBeGreaterThan(0.02);
    expect(of('SECONDARY_OR_BELOW')).toBeLessThan(0.1);
    expect(of('DOCTORATE')).toBeLessThan(0.01);
    expect(new Set(people.map((p) => p.majorCategory)).size).toBe(7);
    // Majors are named in Chinese.
    expect(people.filter((p) => p.major !== null).every((p) => /^[\u4e00-\u9fff]+$/.test(p.major!))).toBe(true);
  });

  it('ages 24-58 at asOf; hired after 21, some within the last 2 years', () => {
    const people = bundles.flatMap((b) => b.personnel);
    const ageAtAsOf = (birthMonth: string) => 2025 - Number(birthMonth.slice(0, 4)) - (Number(birthMonth.slice(5)) > 6 ? 1 : 0);
    expect(offenders(people, (p) => ageAtAsOf(p.birthMonth!) >= 24 && ageAtAsOf(p.birthMonth!) <= 58)).toEqual([]);
    expect(offenders(people, (p) => Number(p.hiredOn!.slice(0, 4)) - Number(p.birthMonth!.slice(0, 4)) >= 21)).toEqual([]);
    const ages = people.map((p) => ageAtAsOf(p.birthMonth!));
    expect(Math.min(...ages)).toBeLessThanOrEqual(26);
    expect(Math.max(...ages)).toBeGreaterThanOrEqual(56);
    const recent = share(people.filter((p) => daysBetween(p.hiredOn!, AS_OF) < 730).length, people.length);
    expect(recent).toBeGreaterThan(0.05);
    expect(recent).toBeLessThan(0.25);
  });

  it('most established staff hold an enforcement certificate', () => {
    const established = bundles.flatMap((b) => b.personnel).filter((p) => p.staffingType !== 'AUXILIARY');
    const certified = share(established.filter((p) => p.enforcementCertNo !== null).length, established.length);
    expect(certified).toBeGreaterThan(0.8);
    expect(certified).toBeLessThan(0.99);
    expect(established.filter((p) => p.enforcementCertNo).every((p) => /^冀执\d{11}$/.test(p.enforcementCertNo!))).toBe(true);
  });

  it('special-equipment stations have 1-3 inspector certificates, some expired', () => {
    const se = bundles.filter((b) => b.profile.duties.includes('SPECIAL_EQUIPMENT'));
    for (const b of se) {
      const holders = b.personnel.filter((p) => p.specialEquipmentCert !== null);
      expect(holders.length).toBeGreaterThanOrEqual(1);
      expect(holders.length).toBeLessThanOrEqual(3);
      expect(holders.every((p) => p.staffingType !== 'AUXILIARY')).toBe(true);
    }
    const certs = se.flatMap((b) => b.personnel.flatMap((p) => (p.specialEquipmentCert ? [p.specialEquipmentCert] : [])));
    const expired = share(certs.filter((c) => c.expiresOn < AS_OF).length, certs.length);
    expect(expired).toBeGreaterThan(0.05);
    expect(expired).toBeLessThan(0.25);
    expect(share(certs.filter((c) => c.class === 'B').length, certs.length)).toBeGreaterThan(0.9);
    // About a sixth of those stations end up with fewer than two valid class-B certificates.
    const enough = share(
      se.filter(
        (b) => b.personnel.filter((p) => p.specialEquipmentCert?.class === 'B' && p.specialEquipmentCert.expiresOn >= AS_OF).length >= 2,
      ).length,
      se.length,
    );
    expect(enough).toBeGreaterThan(0.5);
    expect(enough).toBeLessThan(0.85);
  });

  it('secondment mostly 0, occasionally 1-8 months', () => {
    const months = bundles.flatMap((b) => b.personnel.map((p) => p.secondedMonths));
    expect(Math.max(...months)).toBeLessThanOrEqual(8);
    const seconded = share(months.filter((m) => m > 0).length, months.length);
    expect(seconded).toBeGreaterThan(0.01);
    expect(seconded).toBeLessThan(0.06);
  });

  it('trainings for Y−1 and Y−2 within the stated ranges; directors attend provincial trainings', () => {
    const people = bundles.flatMap((b) => b.personnel);
    // Someone hired this year has no training year on file yet.
    expect(offenders(people, (p) => (p.hiredOn! < '2025-01-01' ? p.trainings.length >= 1 : p.trainings.length === 0))).toEqual([]);
    const trainings = people.flatMap((p) => p.trainings);
    expect(
      offenders(trainings, (t) => {
        const byDays = t.offlineDays >= 5 && t.offlineDays <= 20 && t.offlineHours === 0;
        const byHours = t.offlineHours >= 40 && t.offlineHours <= 120 && t.offlineDays === 0;
        return (t.year === 2023 || t.year === 2024) && (byDays || byHours) && t.onlineHours >= 10 && t.onlineHours <= 80 && t.provincialTrainings <= 2;
      }),
    ).toEqual([]);
    // Some meet the 12-day / 90-hour target, some do not.
    const meets = share(trainings.filter((t) => t.offlineDays >= 12 || t.offlineHours + t.onlineHours >= 90).length, trainings.length);
    expect(meets).toBeGreaterThan(0.8);
    expect(meets).toBeLessThan(0.98);
    const directors = bundles.flatMap((b) => b.personnel.filter((p) => p.position === 'DIRECTOR'));
    const trainedBoth = share(
      directors.filter((d) => d.trainings.length === 2 && d.trainings.every((t) => t.provincialTrainings >= 1)).length,
      directors.length,
    );
    expect(trainedBoth).toBeGreaterThan(0.4);
    expect(trainedBoth).toBeLessThan(0.9);
  });

  it('health checks within the last year for most; one or two information administrators', () => {
    const people = bundles.flatMap((b) => b.personnel);
    const checked = share(
      people.filter((p) => p.lastHealthCheckOn !== null && daysBetween(p.lastHealthCheckOn, AS_OF) <= 365).length,
      people.length,
    );
    expect(checked).toBeGreaterThan(0.85);
    for (const b of bundles) {
      const admins = b.personnel.filter((p) => p.informationAdministrator).length;
      expect([1, 2]).toContain(admins);
    }
  });

  it('disciplinary records at about 2% of stations, within 3 years', () => {
    const disciplined = bundles.filter((b) => b.personnel.some((p) => p.disciplinaryRecords.length > 0));
    expect(share(disciplined.length, bundles.length)).toBeGreaterThan(0.003);
    expect(share(disciplined.length, bundles.length)).toBeLessThan(0.05);
    for (const r of disciplined.flatMap((b) => b.personnel.flatMap((p) => p.disciplinaryRecords))) {
      expect(daysBetween(r.date, AS_OF)).toBeLessThan(3 * 365);
      expect(['警告', '记过', '记大过', '降级']).toContain(r.kind);
    }
  });
});

describe('equipment', () => {
  it('28-32 rows, about 10% broken or retired, with the core kinds present', () => {
    const rows = bundles.map((b) => b.equipment.length);
    expect(Math.min(...rows)).toBeGreaterThanOrEqual(28);
    expect(Math.max(...rows)).toBeLessThanOrEqual(33);
    const all = bundles.flatMap((b) => b.equipment);
    const down = share(all.filter((e) => e.status !== 'IN_SERVICE').length, all.length);
    expect(down).toBeGreaterThan(0.07);
    expect(down).toBeLessThan(0.13);
    expect(stationShare((b) => b.equipment.some((e) => e.type === 'CAR' || e.type === 'MOTORCYCLE'))).toBeGreaterThan(0.85);
    expect(stationShare((b) => b.equipment.some((e) => e.type === 'DESKTOP_COMPUTER'))).toBe(1);
    expect(new Set(all.map((e) => e.type)).size).toBe(19);
  });

  it('protective equipment mostly at special-equipment stations', () => {
    const has = (b: StationBundle) => b.equipment.some((e) => e.type === 'PROTECTIVE_EQUIPMENT');
    const se = bundles.filter((b) => b.profile.duties.includes('SPECIAL_EQUIPMENT'));
    const other = bundles.filter((b) => !b.profile.duties.includes('SPECIAL_EQUIPMENT'));
    expect(share(se.filter(has).length, se.length)).toBeGreaterThan(0.8);
    expect(share(other.filter(has).length, other.length)).toBeLessThan(0.4);
  });
});

describe('cases', () => {
  it('about 36 per station over the last ~15 months, ~65% general', () => {
    const counts = bundles.map((b) => b.cases.length);
    expect(mean(counts)).toBeGreaterThan(33);
    expect(mean(counts)).toBeLessThan(39);
    const all = bundles.flatMap((b) => b.cases);
    const general = share(all.filter((c) => c.procedure === 'GENERAL').length, all.length);
    expect(general).toBeGreaterThan(0.6);
    expect(general).toBeLessThan(0.7);
    expect(offenders(all, (c) => daysBetween(c.filedOn!, AS_OF) <= 470)).toEqual([]);
  });

  it('open cases are recent; entry mostly within 7 days of the decision', () => {
    const all = bundles.flatMap((b) => b.cases);
    const open = all.filter((c) => c.closedOn === null);
    expect(share(open.length, all.length)).toBeGreaterThan(0.03);
    expect(share(open.length, all.length)).toBeLessThan(0.2);
    expect(offenders(open, (c) => daysBetween(c.filedOn!, AS_OF) < 220)).toEqual([]);
    const decided = all.filter((c) => c.decidedOn !== null);
    const onTime = decided.filter((c) => c.enteredOn !== null && daysBetween(c.decidedOn!, c.enteredOn) <= 7);
    expect(share(onTime.length, decided.length)).toBeGreaterThan(0.95);
    expect(onTime.length).toBeLessThan(decided.length); // some are late
  });

  it('flags: major ~10% and mostly legally reviewed; reviews mostly not done, rare failures and overturns', () => {
    const all = bundles.flatMap((b) => b.cases);
    const major = all.filter((c) => c.majorDecision);
    expect(share(major.length, all.length)).toBeGreaterThan(0.06);
    expect(share(major.length, all.length)).toBeLessThan(0.14);
    expect(share(major.filter((c) => c.legalReviewed).length, major.length)).toBeGreaterThan(0.9);
    const of = (r: string) => share(all.filter((c) => c.fileReview === r).length, all.length);
    expect(of('NOT_REVIEWED')).toBeGreaterThan(0.7);
    expect(of('PASSED')).toBeGreaterThan(0.1);
    expect(of('FAILED')).toBeGreaterThan(0);
    expect(of('FAILED')).toBeLessThan(0.02);
    expect(share(all.filter((c) => c.overturned).length, all.length)).toBeLessThan(0.01);
    const closed = all.filter((c) => c.closedOn !== null);
    expect(share(closed.filter((c) => c.archived).length, closed.length)).toBeGreaterThan(0.9);
    expect(share(all.filter((c) => c.fullProcessRecorded).length, all.length)).toBeGreaterThan(0.9);
  });

  it('amounts: exempted cases fined nothing, simple-procedure fines at most 3,000 yuan', () => {
    const all = bundles.flatMap((b) => b.cases);
    const exempted = all.filter((c) => c.minorViolationExempted);
    expect(exempted.length).toBeGreaterThan(0);
    expect(exempted.every((c) => c.fineAmount === '0.00' && c.confiscationAmount === '0.00')).toBe(true);
    expect(offenders(all.filter((x) => x.procedure === 'SIMPLE'), (c) => Number(c.fineAmount) <= 3000)).toEqual([]);
    expect(all.some((c) => c.confiscationAmount !== '0.00' && !c.confiscationAmount.endsWith('00'))).toBe(true);
  });
});

describe('complaint figures', () => {
  it('the 24 complete months before asOf, 0-40 a month', () => {
    const months = Array.from({ length: 24 }, (_, k) => {
      const i = 2025 * 12 + 5 - 24 + k;
      return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
    }).join();
    expect(months.slice(0, 7)).toBe('2023-06');
    expect(offenders(bundles, (b) => b.complaintFigures.map((f) => f.period).join() === months)).toEqual([]);
    const figures = bundles.flatMap((b) => b.complaintFigures);
    expect(offenders(figures, (f) => f.complaintsReceived <= 40 && f.reportsReceived <= 40)).toEqual([]);
    expect(mean(figures.map((f) => f.complaintsReceived))).toBeGreaterThan(3);
  });

  it('most stations at 100% on time in Y−1, some below', () => {
    const punctual = stationShare((b) => {
      const y = b.complaintFigures.filter((f) => f.period.startsWith('2024'));
      return y.every((f) => f.complaintsCheckedOnTime === f.complaintsReceived && f.complaintsClosedOnTime === f.complaintsClosed);
    });
    expect(punctual).toBeGreaterThan(0.6);
    expect(punctual).toBeLessThan(0.95);
  });
});

describe('events', () => {
  it('certifications for Y−1 and Y, mostly yes, certified by the county bureau', () => {
    const items = bundles.flatMap((b) => b.certifications.flatMap((c) => Object.values(c.items)));
    expect(share(items.filter((v) => v).length, items.length)).toBeGreaterThan(0.9);
    expect(items.some((v) => !v)).toBe(true);
    for (const b of bundles) {
      expect(b.certifications.map((c) => c.year)).toEqual([2024, 2025]);
      for (const c of b.certifications) expect(c.certifiedBy).toMatch(/市场监督管理局$/);
    }
  });

  it('0-4 bonus events, OTHER with 0.5-2 points, within 5 years', () => {
    for (const b of bundles) {
      expect(b.bonusEvents.length).toBeLessThanOrEqual(4);
      for (const e of b.bonusEvents) {
        expect(daysBetween(e.date, AS_OF)).toBeLessThan(5 * 365);
        expect(e.eventKey.startsWith(`B-${b.code}-`)).toBe(true);
        if (e.category === 'OTHER') {
          expect(e.points).toBeGreaterThanOrEqual(0.5);
          expect(e.points).toBeLessThanOrEqual(2);
        }
      }
    }
    expect(stationShare((b) => b.bonusEvents.length === 0)).toBeGreaterThan(0.2);
    expect(stationShare((b) => b.bonusEvents.some((e) => e.subject !== 'COLLECTIVE'))).toBeGreaterThan(0.05);
  });

  it('vetoes at about 2% of stations, never ANNUAL_REVIEW_FAILED, within 2 years', () => {
    const vetoed = stationShare((b) => b.vetoEvents.length > 0);
    expect(vetoed).toBeGreaterThan(0.005);
    expect(vetoed).toBeLessThan(0.05);
    for (const v of bundles.flatMap((b) => b.vetoEvents)) {
      expect(v.kind).not.toBe('ANNUAL_REVIEW_FAILED');
      expect(daysBetween(v.date, AS_OF)).toBeLessThan(730);
    }
  });

  it('station reviews for Y−2 and Y−1: ~30% excellent, rare incompetent; some persons for Y−1', () => {
    const station = bundles.flatMap((b) => b.annualReviews.filter((r) => r.subject === 'STATION'));
    expect(station).toHaveLength(2 * bundles.length);
    const excellent = share(station.filter((r) => r.result === 'EXCELLENT').length, station.length);
    expect(excellent).toBeGreaterThan(0.24);
    expect(excellent).toBeLessThan(0.36);
    expect(share(station.filter((r) => r.result === 'INCOMPETENT').length, station.length)).toBeLessThan(0.02);
    const persons = bundles.flatMap((b) => b.annualReviews.filter((r) => r.subject !== 'STATION'));
    expect(persons.every((r) => r.year === 2024)).toBe(true);
    expect(persons.length / bundles.length).toBeGreaterThan(2);
  });
});
