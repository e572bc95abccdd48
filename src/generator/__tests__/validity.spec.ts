// A validity sweep: every rule the county push interface enforces (county-api.md), checked
// independently of how the generator works, over a few hundred stations.
import { isIsoDate, isIsoMonth } from '../../domain/dates.js';
import { COMPLAINT_PART_WHOLE, type ComplaintCounts, type StationBundle } from '../../domain/station-data.js';
import {
  ANNUAL_REVIEW_RESULTS,
  BONUS_CATEGORIES,
  BONUS_LEVELS,
  CASE_PROCEDURES,
  COLLECTIVE_SUBJECT,
  DUTIES,
  EDUCATIONS,
  EQUIPMENT_STATUSES,
  EQUIPMENT_TYPES,
  FILE_REVIEW_RESULTS,
  MAJOR_CATEGORIES,
  POSITIONS,
  ROOMS,
  SPECIAL_EQUIPMENT_CERT_CLASSES,
  STAFFING_TYPES,
  STATION_SUBJECT,
  VETO_KINDS,
} from '../../domain/vocabulary.js';
import { generateProvince, type RegionSeed } from '../index.js';

const COUNT_KEYS: ReadonlyArray<keyof ComplaintCounts> = [
  'complaintsReceived',
  'complaintsCheckedOnTime',
  'complaintsClosed',
  'complaintsClosedOnTime',
  'mediationsAttempted',
  'mediationsSucceeded',
  'reportsReceived',
  'reportsVerifiedOnTime',
  'realNameReports',
  'realNameReportersNotified',
];
const CASE_NUMBER = /^[A-Za-z0-9_-]{1,64}$/;
const MONEY = /^\d+\.\d{2}$/;
const ITEM_KEYS = new Set(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12']);

/** Every violation of the push interface's rules in one bundle, as readable strings. */
function bundleViolations(b: StationBundle, asOf: string, countyCodes: ReadonlySet<string>): string[] {
  const errors: string[] = [];
  const bad = (path: string, why: string) => errors.push(`${b.code} ${path}: ${why}`);
  const oneOf = (path: string, value: unknown, list: readonly unknown[]) => {
    if (!list.includes(value)) bad(path, `${String(value)} not in vocabulary`);
  };
  const date = (path: string, value: unknown, nullable: boolean) => {
    if (value === null && nullable) return;
    if (!isIsoDate(value)) bad(path, `invalid date ${String(value)}`);
  };
  const bool = (path: string, value: unknown) => {
    if (typeof value !== 'boolean') bad(path, 'not a boolean');
  };
  const text = (path: string, value: unknown, nullable = false) => {
    if (value === null && nullable) return;
    if (typeof value !== 'string' || value.trim() === '') bad(path, 'empty or not a string');
  };
  const count = (path: string, value: unknown) => {
    if (!Number.isInteger(value) || (value as number) < 0) bad(path, `not an integer ≥ 0: ${String(value)}`);
  };
  const unique = (path: string, keys: string[]) => {
    const seen = new Set<string>();
    for (const k of keys) {
      if (seen.has(k)) bad(path, `duplicate key ${k}`);
      seen.add(k);
    }
  };
  const year = Number(asOf.slice(0, 4));

  // Station
  if (!/^\d{9}$/.test(b.code)) bad('code', 'not 9 digits');
  const p = b.profile;
  text('profile.name', p.name);
  if (!/^\d{6}$/.test(p.countyCode)) bad('profile.countyCode', 'not 6 digits');
  if (!b.code.startsWith(p.countyCode)) bad('profile.countyCode', 'station code does not start with it');
  if (!countyCodes.has(p.countyCode)) bad('profile.countyCode', 'not a county of the province');
  count('profile.approvedHeadcount', p.approvedHeadcount);
  p.duties.forEach((d, i) => oneOf(`profile.duties[${i}]`, d, DUTIES));
  unique('profile.duties', p.duties);
  bool('premises.independent', p.premises.independent);
  bool('premises.internet', p.premises.internet);
  bool('premises.privateNetwork', p.premises.privateNetwork);
  p.premises.rooms.forEach((r, i) => oneOf(`premises.rooms[${i}]`, r, ROOMS));
  unique('premises.rooms', p.premises.rooms);

  // Personnel
  const roster = new Set(b.personnel.map((x) => x.externalId));
  unique('personnel', b.personnel.map((x) => x.externalId));
  b.personnel.forEach((x, i) => {
    const at = `personnel[${i}]`;
    text(`${at}.externalId`, x.externalId);
    text(`${at}.name`, x.name);
    oneOf(`${at}.position`, x.position, POSITIONS);
    if (x.birthMonth !== null && !isIsoMonth(x.birthMonth)) bad(`${at}.birthMonth`, `invalid month ${x.birthMonth}`);
    oneOf(`${at}.education`, x.education, EDUCATIONS);
    text(`${at}.major`, x.major, true);
    oneOf(`${at}.majorCategory`, x.majorCategory, MAJOR_CATEGORIES);
    oneOf(`${at}.staffingType`, x.staffingType, STAFFING_TYPES);
    text(`${at}.enforcementCertNo`, x.enforcementCertNo, true);
    if (x.specialEquipmentCert !== null) {
      text(`${at}.specialEquipmentCert.number`, x.specialEquipmentCert.number);
      oneOf(`${at}.specialEquipmentCert.class`, x.specialEquipmentCert.class, SPECIAL_EQUIPMENT_CERT_CLASSES);
      date(`${at}.specialEquipmentCert.expiresOn`, x.specialEquipmentCert.expiresOn, false);
    }
    date(`${at}.hiredOn`, x.hiredOn, true);
    count(`${at}.secondedMonths`, x.secondedMonths);
    if (x.secondedMonths > 24) bad(`${at}.secondedMonths`, 'more than the 24 months of the window');
    unique(`${at}.trainings`, x.trainings.map((t) => String(t.year)));
    x.trainings.forEach((t, k) => {
      if (!Number.isInteger(t.year) || t.year > year) bad(`${at}.trainings[${k}].year`, `bad year ${t.year}`);
      for (const f of ['offlineDays', 'offlineHours', 'onlineHours', 'provincialTrainings'] as const) {
        count(`${at}.trainings[${k}].${f}`, t[f]);
      }
    });
    date(`${at}.lastHealthCheckOn`, x.lastHealthCheckOn, true);
    bool(`${at}.informationAdministrator`, x.informationAdministrator);
    x.disciplinaryRecords.forEach((r, k) => {
      date(`${at}.disciplinaryRecords[${k}].date`, r.date, false);
      text(`${at}.disciplinaryRecords[${k}].kind`, r.kind);
      text(`${at}.disciplinaryRecords[${k}].description`, r.description);
    });
  });

  // Equipment
  unique('equipment', b.equipment.map((e) => e.externalId));
  b.equipment.forEach((e, i) => {
    const at = `equipment[${i}]`;
    text(`${at}.externalId`, e.externalId);
    oneOf(`${at}.type`, e.type, EQUIPMENT_TYPES);
    if (!Number.isInteger(e.quantity) || e.quantity < 1) bad(`${at}.quantity`, `not a positive integer: ${e.quantity}`);
    oneOf(`${at}.status`, e.status, EQUIPMENT_STATUSES);
    date(`${at}.acquiredOn`, e.acquiredOn, true);
  });

  // Cases
  unique('cases', b.cases.map((c) => c.caseNumber));
  b.cases.forEach((c, i) => {
    const at = `cases[${i}]`;
    if (!CASE_NUMBER.test(c.caseNumber)) bad(`${at}.caseNumber`, `not URL-safe: ${c.caseNumber}`);
    oneOf(`${at}.procedure`, c.procedure, CASE_PROCEDURES);
    text(`${at}.target`, c.target);
    text(`${at}.violation`, c.violation, true);
    date(`${at}.filedOn`, c.filedOn, true);
    date(`${at}.decidedOn`, c.decidedOn, true);
    date(`${at}.closedOn`, c.closedOn, true);
    date(`${at}.enteredOn`, c.enteredOn, true);
    if (c.filedOn && c.decidedOn && c.filedOn > c.decidedOn) bad(at, 'filedOn after decidedOn');
    if (c.decidedOn && c.closedOn && c.decidedOn > c.closedOn) bad(at, 'decidedOn after closedOn');
    if (c.filedOn && c.closedOn && c.filedOn > c.closedOn) bad(at, 'filedOn after closedOn');
    if (c.closedOn && !c.decidedOn) bad(at, 'closed without a decision');
    if (c.enteredOn && c.filedOn && c.enteredOn < c.filedOn) bad(at, 'entered before it was filed');
    for (const f of ['archived', 'publicised', 'fullProcessRecorded', 'majorDecision', 'legalReviewed', 'overturned', 'minorViolationExempted'] as const) {
      bool(`${at}.${f}`, c[f]);
    }
    oneOf(`${at}.fileReview`, c.fileReview, FILE_REVIEW_RESULTS);
    if (!MONEY.test(c.fineAmount)) bad(`${at}.fineAmount`, `not a 2-decimal amount: ${c.fineAmount}`);
    if (!MONEY.test(c.confiscationAmount)) bad(`${at}.confiscationAmount`, `not a 2-decimal amount: ${c.confiscationAmount}`);
    if (c.minorViolationExempted && c.fineAmount !== '0.00') bad(at, 'exempted but fined');
  });

  // Complaint figures
  unique('complaintFigures', b.complaintFigures.map((f) => f.period));
  b.complaintFigures.forEach((f, i) => {
    const at = `complaintFigures[${i}]`;
    if (!isIsoMonth(f.period) && !/^\d{4}$/.test(f.period)) bad(`${at}.period`, `bad period ${f.period}`);
    if (f.period >= asOf.slice(0, 7)) bad(`${at}.period`, 'not a complete period before asOf');
    for (const k of COUNT_KEYS) count(`${at}.${k}`, f[k]);
    for (const [part, whole] of COMPLAINT_PART_WHOLE) {
      if (f[part] > f[whole]) bad(`${at}.${part}`, `${f[part]} exceeds ${whole} ${f[whole]}`);
    }
  });

  // Certifications
  unique('certifications', b.certifications.map((c) => String(c.year)));
  b.certifications.forEach((c, i) => {
    const at = `certifications[${i}]`;
    if (!Number.isInteger(c.year) || c.year > year) bad(`${at}.year`, `bad year ${c.year}`);
    for (const [k, v] of Object.entries(c.items)) {
      if (!ITEM_KEYS.has(k)) bad(`${at}.items`, `unknown item ${k}`);
      bool(`${at}.items.${k}`, v);
    }
    text(`${at}.certifiedBy`, c.certifiedBy, true);
    date(`${at}.certifiedOn`, c.certifiedOn, true);
    if (c.certifiedOn && Number(c.certifiedOn.slice(0, 4)) !== c.year) bad(`${at}.certifiedOn`, 'not in its year');
  });

  // Bonus events
  unique('bonusEvents', b.bonusEvents.map((e) => e.eventKey));
  b.bonusEvents.forEach((e, i) => {
    const at = `bonusEvents[${i}]`;
    text(`${at}.eventKey`, e.eventKey);
    oneOf(`${at}.category`, e.category, BONUS_CATEGORIES);
    oneOf(`${at}.level`, e.level, BONUS_LEVELS);
    date(`${at}.date`, e.date, false);
    if (e.subject !== COLLECTIVE_SUBJECT && !roster.has(e.subject)) bad(`${at}.subject`, `${e.subject} not on the roster`);
    text(`${at}.description`, e.description);
    if (e.category === 'OTHER') {
      if (typeof e.points !== 'number' || e.points <= 0 || (e.points * 2) % 1 !== 0) bad(`${at}.points`, `bad points ${e.points}`);
    } else if (e.points !== null) bad(`${at}.points`, 'points outside category OTHER');
  });

  // Veto events
  b.vetoEvents.forEach((v, i) => {
    const at = `vetoEvents[${i}]`;
    oneOf(`${at}.kind`, v.kind, VETO_KINDS);
    date(`${at}.date`, v.date, false);
    text(`${at}.description`, v.description);
    if (v.personExternalId !== null && !roster.has(v.personExternalId)) bad(`${at}.personExternalId`, 'not on the roster');
  });

  // Annual reviews
  unique('annualReviews', b.annualReviews.map((r) => `${r.year}/${r.subject}`));
  b.annualReviews.forEach((r, i) => {
    const at = `annualReviews[${i}]`;
    if (!Number.isInteger(r.year) || r.year > year) bad(`${at}.year`, `bad year ${r.year}`);
    if (r.subject !== STATION_SUBJECT && !roster.has(r.subject)) bad(`${at}.subject`, `${r.subject} not on the roster`);
    oneOf(`${at}.result`, r.result, ANNUAL_REVIEW_RESULTS);
  });

  // Nothing dated after asOf, anywhere (a certificate's expiry date is not an event).
  walkStrings(b, '', (path, value) => {
    if (/^\d{4}-\d{2}-\d{2}$/.test(value) && value > asOf && !path.endsWith('specialEquipmentCert.expiresOn')) {
      bad(path, `${value} is after asOf ${asOf}`);
    }
    if (/^\d{4}-\d{2}$/.test(value) && value > asOf.slice(0, 7)) bad(path, `${value} is after asOf ${asOf}`);
  });
  return errors;
}

function walkStrings(value: unknown, path: string, visit: (path: string, value: string) => void): void {
  if (typeof value === 'string') visit(path, value);
  else if (Array.isArray(value)) value.forEach((v, i) => walkStrings(v, `${path}[${i}]`, visit));
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) walkStrings(v, path ? `${path}.${k}` : k, visit);
  }
}

function regionViolations(regions: readonly RegionSeed[], provinceCode: string): string[] {
  const errors: string[] = [];
  const byCode = new Map<string, RegionSeed>();
  for (const r of regions) {
    if (!/^\d{6}$/.test(r.code)) errors.push(`${r.code}: not 6 digits`);
    if (byCode.has(r.code)) errors.push(`${r.code}: duplicate`);
    byCode.set(r.code, r);
    if (!r.name) errors.push(`${r.code}: no name`);
  }
  const namesUnder = new Map<string, Set<string>>();
  for (const r of regions) {
    const parent = r.parentCode === null ? null : byCode.get(r.parentCode);
    switch (r.level) {
      case 'PROVINCE':
        if (r.code !== provinceCode || r.parentCode !== null) errors.push(`${r.code}: not the province`);
        break;
      case 'CITY':
        if (!r.code.endsWith('00') || r.code.endsWith('0000')) errors.push(`${r.code}: not a city code PPCC00`);
        if (parent?.level !== 'PROVINCE' || r.code.slice(0, 2) !== r.parentCode!.slice(0, 2)) {
          errors.push(`${r.code}: parent ${r.parentCode} is not its province`);
        }
        break;
      case 'COUNTY':
        if (r.code.endsWith('00') || r.code.endsWith('01')) errors.push(`${r.code}: not a county code (XX from 02)`);
        if (parent?.level !== 'CITY' || r.code.slice(0, 4) !== r.parentCode!.slice(0, 4)) {
          errors.push(`${r.code}: parent ${r.parentCode} is not its city`);
        }
        break;
    }
    const key = r.parentCode ?? '';
    const names = namesUnder.get(key) ?? new Set<string>();
    if (names.has(r.name)) errors.push(`${r.code}: name ${r.name} not unique under ${key}`);
    names.add(r.name);
    namesUnder.set(key, names);
  }
  if (regions.filter((r) => r.level === 'PROVINCE').length !== 1) errors.push('not exactly one province');
  return errors;
}

describe('validity under the county push interface', () => {
  const cases: Array<{ seed: string | number; stations: number; asOf: string; provinceCode?: string }> = [
    { seed: 'validity', stations: 300, asOf: '2025-06-15' },
    // New Year's Day: the current year has just begun, so its dates squeeze against asOf.
    { seed: 7, stations: 150, asOf: '2024-01-01', provinceCode: '440000' },
    // A leap day as asOf.
    { seed: 'leap', stations: 100, asOf: '2028-02-29', provinceCode: '510000' },
  ];

  it.each(cases)('every station of seed $seed at $asOf passes every rule', (opts) => {
    const province = generateProvince(opts);
    expect(regionViolations(province.regions, province.provinceCode)).toEqual([]);
    const counties = new Set(province.regions.filter((r) => r.level === 'COUNTY').map((r) => r.code));
    const errors: string[] = [];
    const codes: string[] = [];
    for (const bundle of province.stations()) {
      codes.push(bundle.code);
      errors.push(...bundleViolations(bundle, opts.asOf, counties));
    }
    expect(errors.slice(0, 20)).toEqual([]);
    expect(codes).toEqual(province.stationCodes);
    expect(new Set(codes).size).toBe(codes.length);
    // Station names are unique within their county.
    const names = new Set<string>();
    for (const b of province.stations()) names.add(`${b.profile.countyCode}/${b.profile.name}`);
    expect(names.size).toBe(codes.length);
  });

  it('mediation averages are fractions with at most 4 decimals for Y−3..Y−1', () => {
    const province = generateProvince({ seed: 'validity', stations: 1, asOf: '2025-06-15' });
    expect(province.mediationAverages.map((m) => m.year)).toEqual([2022, 2023, 2024]);
    for (const m of province.mediationAverages) {
      expect(m.rate).toBeGreaterThanOrEqual(0.6);
      expect(m.rate).toBeLessThanOrEqual(0.75);
      expect(Math.round(m.rate * 10_000) / 10_000).toBe(m.rate);
    }
  });

  // The checker must be able to fail: break a valid bundle in ways the API rejects.
  it('the checker reports broken bundles', () => {
    const province = generateProvince({ seed: 'validity', stations: 5, asOf: '2025-06-15' });
    const counties = new Set(province.regions.filter((r) => r.level === 'COUNTY').map((r) => r.code));
    const fresh = (): StationBundle => structuredClone(province.station(0));
    expect(bundleViolations(fresh(), '2025-06-15', counties)).toEqual([]);

    const breakers: Array<[string, (b: StationBundle) => void]> = [
      ['unknown duty', (b) => (b.profile.duties as string[]).push('FISHING')],
      ['bad date', (b) => (b.personnel[0].hiredOn = '2023-02-30')],
      ['duplicate externalId', (b) => (b.equipment[1].externalId = b.equipment[0].externalId)],
      ['part over whole', (b) => (b.complaintFigures[0].complaintsClosed = b.complaintFigures[0].complaintsReceived + 1)],
      ['closed before decided', (b) => {
        const c = b.cases.find((x) => x.decidedOn !== null)!;
        c.closedOn = '2000-01-01';
      }],
      ['subject off the roster', (b) => b.annualReviews.push({ year: 2024, subject: 'P9999', result: 'COMPETENT' })],
      ['date after asOf', (b) => (b.personnel[0].lastHealthCheckOn = '2025-06-16')],
      ['non-ASCII case number', (b) => (b.cases[0].caseNumber = '冀市监处罚〔2025〕1号')],
      ['fine without cents', (b) => (b.cases[0].fineAmount = '200')],
      ['foreign county', (b) => (b.profile.countyCode = '990101')],
    ];
    for (const [what, breakIt] of breakers) {
      const b = fresh();
      breakIt(b);
      expect({ what, reported: bundleViolations(b, '2025-06-15', counties).length > 0 }).toEqual({ what, reported: true });
    }
    const regions = structuredClone(province.regions);
    regions[regions.length - 1].parentCode = '130000';
    expect(regionViolations(regions, '130000').length).toBeGreaterThan(0);
  });
});
