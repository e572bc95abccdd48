// Data rules on the roster, annual reviews and disciplinary records (R = 2025-06-30, Y = 2025).
import type { Person } from '../../../domain/station-data.js';
import type { StationFacts } from '../facts.js';
import { auxiliary, byId, context, criterion, people, person, POLICY, scoreWith, training, withParameters } from './support/perfect-station.js';

/** n established staff, the first k with `yes`, the rest with `no`, plus two auxiliaries with `yes`. */
function roster(f: StationFacts, n: number, k: number, yes: Partial<Person>, no: Partial<Person>): void {
  const list: Person[] = [];
  for (let i = 0; i < n; i++) list.push(person(`S${String(i).padStart(3, '0')}`, i < k ? yes : no));
  list.push(auxiliary('X1', yes), auxiliary('X2', yes));
  f.personnel = list;
}

function check(code: string, mutate: (f: StationFacts) => void) {
  return criterion(scoreWith(mutate), code);
}

describe('30② director: bachelor or higher and an enforcement certificate', () => {
  it.each<[string, (f: StationFacts) => void, number, RegExp]>([
    ['master with cert (perfect)', () => {}, 0.5, /所长硕士研究生学历且持执法证/],
    ['bachelor with cert', (f) => void (byId(f, 'P01').education = 'BACHELOR'), 0.5, /本科/],
    ['doctorate with cert', (f) => void (byId(f, 'P01').education = 'DOCTORATE'), 0.5, /博士/],
    ['associate degree', (f) => void (byId(f, 'P01').education = 'ASSOCIATE'), 0, /所长学历为大专，未达本科/],
    ['no certificate', (f) => void (byId(f, 'P01').enforcementCertNo = null), 0, /所长无执法证/],
    ['blank certificate', (f) => void (byId(f, 'P01').enforcementCertNo = '  '), 0, /无执法证/],
    ['both missing', (f) => Object.assign(byId(f, 'P01'), { education: 'SECONDARY_OR_BELOW', enforcementCertNo: null }), 0, /中专及以下，未达本科，无执法证/],
    ['no director on the roster', (f) => void (byId(f, 'P01').position = 'DEPUTY_DIRECTOR'), 0, /未登记所长/],
    [
      'two directors, one qualified',
      (f) => {
        byId(f, 'P01').education = 'ASSOCIATE';
        byId(f, 'P02').position = 'DIRECTOR';
      },
      0.5,
      /本科/,
    ],
    [
      'two directors, none qualified',
      (f) => {
        byId(f, 'P01').education = 'ASSOCIATE';
        Object.assign(byId(f, 'P02'), { position: 'DIRECTOR', enforcementCertNo: null });
      },
      0,
      /所长 2 人均未/,
    ],
  ])('%s → %p', (_n, mutate, points, reason) => {
    const c = check('30②', mutate);
    expect(c.points).toBe(points);
    expect(c.status).toBe(points > 0 ? 'MET' : 'NOT_MET');
    expect(c.reason).toMatch(reason);
  });
});

describe('31① established staff ≥ approved headcount', () => {
  it.each<[string, (f: StationFacts) => void, number, string]>([
    ['10 established, headcount 10 (equal)', () => {}, 1, '在编 10 人，编制 10 人，已配齐'],
    ['headcount 9', (f) => void (f.profile.approvedHeadcount = 9), 1, '在编 10 人，编制 9 人，已配齐'],
    ['headcount 11 (auxiliaries do not fill it)', (f) => void (f.profile.approvedHeadcount = 11), 0, '在编 10 人，编制 11 人，未配齐'],
    ['headcount 0', (f) => void (f.profile.approvedHeadcount = 0), 0, '在编 10 人，未核定编制数'],
  ])('%s', (_n, mutate, points, reason) => {
    const c = check('31①', mutate);
    expect([c.points, c.reason]).toEqual([points, reason]);
  });
});

describe('31③ secondments ≤ 10% of headcount and ≤ 6 months in total, and 附件3 item 10', () => {
  const second = (f: StationFacts, months: number[], headcount = 10) => {
    f.profile.approvedHeadcount = headcount;
    f.personnel.forEach((p) => ((p as Person).secondedMonths = 0));
    months.forEach((m, i) => ((f.personnel[i + 1] as Person).secondedMonths = m));
  };
  it.each<[string, (f: StationFacts) => void, number, RegExp]>([
    ['nobody seconded', (f) => second(f, []), 2, /近2年无借出人员；附件3第10项：是/],
    ['1 of 10 for 6 months (both limits exactly)', (f) => second(f, [6]), 2, /借出 1 人≤编制 10 人的10%，累计借出 6 个月≤6个月/],
    ['1 of 10 for 7 months', (f) => second(f, [7]), 0, /累计借出 7 个月>6个月/],
    ['2 of 20 (exactly 10%)', (f) => second(f, [3, 3], 20), 2, /借出 2 人≤编制 20 人的10%，累计借出 6 个月≤6个月/],
    ['2 of 19 (just above 10%)', (f) => second(f, [1, 1], 19), 0, /借出 2 人>编制 19 人的10%/],
    ['2 of 10', (f) => second(f, [1, 1]), 0, /借出 2 人>编制 10 人的10%/],
    ['2 of 20 with 3 + 4 months', (f) => second(f, [3, 4], 20), 0, /累计借出 7 个月>6个月/],
    [
      'an auxiliary seconded 12 months is not counted',
      (f) => {
        second(f, []);
        byId(f, 'A01').secondedMonths = 12;
      },
      2,
      /近2年无借出人员/,
    ],
    ['item 10 no', (f) => void (f.certifications[0].items['10'] = false), 0, /借出 1 人.*；附件3第10项：否（2025年度证明）/],
    ['item 10 blank', (f) => void delete f.certifications[0].items['10'], 0, /附件3第10项：否（2025年度证明）/],
  ])('%s', (_n, mutate, points, reason) => {
    const c = check('31③', mutate);
    expect(c.points).toBe(points);
    expect(c.reason).toMatch(reason);
  });
});

describe('32① ≥ 60% of established staff bachelor or higher', () => {
  const yes: Partial<Person> = { education: 'BACHELOR' };
  const no: Partial<Person> = { education: 'ASSOCIATE' };
  it.each<[number, number, number, string]>([
    [10, 6, 0.5, '本科及以上 6/10 = 60% ≥ 60%'],
    [10, 5, 0, '本科及以上 5/10 = 50% < 60%'],
    [5, 3, 0.5, '本科及以上 3/5 = 60% ≥ 60%'],
    [100, 59, 0, '本科及以上 59/100 = 59% < 60%'],
    [100, 61, 0.5, '本科及以上 61/100 = 61% ≥ 60%'],
    [3, 2, 0.5, '本科及以上 2/3 = 66.6% ≥ 60%'],
    [0, 0, 0, '无在编人员，比例无法计算'],
  ])('%i established, %i bachelor+ (plus 2 auxiliary bachelors) → %p', (n, k, points, reason) => {
    const c = check('32①', (f) => roster(f, n, k, yes, no));
    expect([c.points, c.reason]).toEqual([points, reason]);
  });
  it('counts master and doctorate as bachelor or higher', () => {
    const c = check('32①', (f) => {
      roster(f, 5, 0, {}, { education: 'ASSOCIATE' });
      (f.personnel[0] as Person).education = 'MASTER';
      (f.personnel[1] as Person).education = 'DOCTORATE';
      (f.personnel[2] as Person).education = 'BACHELOR';
    });
    expect(c.reason).toBe('本科及以上 3/5 = 60% ≥ 60%');
  });
});

describe('32② ≥ 40% of established staff with a relevant major', () => {
  const no: Partial<Person> = { majorCategory: 'OTHER' };
  it.each<[number, number, number, string]>([
    [10, 4, 1, '相关专业背景 4/10 = 40% ≥ 40%'],
    [10, 3, 0, '相关专业背景 3/10 = 30% < 40%'],
    [5, 2, 1, '相关专业背景 2/5 = 40% ≥ 40%'],
    [100, 39, 0, '相关专业背景 39/100 = 39% < 40%'],
    [100, 41, 1, '相关专业背景 41/100 = 41% ≥ 40%'],
    [0, 0, 0, '无在编人员，比例无法计算'],
  ])('%i established, %i relevant → %p', (n, k, points, reason) => {
    const c = check('32②', (f) => roster(f, n, k, { majorCategory: 'LAW' }, no));
    expect([c.points, c.reason]).toEqual([points, reason]);
  });
  it.each(['LAW', 'FOOD', 'DRUG', 'MEDICINE', 'INDUSTRIAL_PRODUCT', 'SPECIAL_EQUIPMENT'] as const)('%s is relevant', (major) => {
    expect(check('32②', (f) => roster(f, 5, 2, { majorCategory: major }, no)).points).toBe(1);
  });
});

describe('32③ ≥ 2 established staff with a class B certificate valid on R', () => {
  const cert = (cls: 'A' | 'B', expiresOn: string) => ({ number: 'T', class: cls, expiresOn });
  it.each<[string, (f: StationFacts) => void, number, RegExp]>([
    ['two valid B (perfect)', () => {}, 1, /持有效B类安全监察员证 2 人 ≥ 2 人/],
    ['one expires on R (still valid)', (f) => void (byId(f, 'P02').specialEquipmentCert = cert('B', '2025-06-30')), 1, /2 人 ≥ 2 人/],
    ['one expired the day before R', (f) => void (byId(f, 'P02').specialEquipmentCert = cert('B', '2025-06-29')), 0, /1 人 < 2 人（已过期B类证 1 人不计）/],
    ['one is class A', (f) => void (byId(f, 'P02').specialEquipmentCert = cert('A', '2030-01-01')), 0, /1 人 < 2 人（A类证 1 人不计）/],
    [
      'the second valid B is held by an auxiliary',
      (f) => {
        byId(f, 'P02').specialEquipmentCert = null;
        byId(f, 'A01').specialEquipmentCert = cert('B', '2030-01-01');
      },
      0,
      /1 人 < 2 人/,
    ],
    ['three valid B', (f) => void (byId(f, 'P03').specialEquipmentCert = cert('B', '2026-01-01')), 1, /3 人 ≥ 2 人/],
  ])('%s', (_n, mutate, points, reason) => {
    const c = check('32③', mutate);
    expect(c.points).toBe(points);
    expect(c.reason).toMatch(reason);
  });

  it('is a missing item (re-based) when the station has no special equipment duty', () => {
    const r = scoreWith((f) => {
      f.profile.duties = ['FOOD', 'DRUG'];
      byId(f, 'P02').specialEquipmentCert = null; // would fail if it were scored
    });
    const c = criterion(r, '32③');
    expect([c.points, c.status, c.reason]).toEqual([0, 'MISSING_ITEM', '未承担特种设备安全监管职责，合理缺项']);
    expect(r.applicable).toBe(99);
    expect(r.missingItems).toEqual([{ id: '4.15.32.3', code: '32③', max: 1, reason: '未承担特种设备安全监管职责，合理缺项' }]);
  });
});

describe('33 enforcement certificate for every civil servant (行政编, 参公编) hired more than 2 years before R', () => {
  // the perfect station's civil servants: P01 P02 P05 P06 P09 P10 (行政编) and P03 (参公编); P10 was hired in 2024
  it.each<[string, (f: StationFacts) => void, number, RegExp]>([
    ['perfect: P10 hired 2024 without certificate is exempt', () => {}, 1, /^2年前录用的公务员 6 人全部持执法证（2年内新录用 1 人除外）$/],
    [
      'hired exactly addYears(R, −2) = 2023-06-30 without certificate: exempt',
      (f) => Object.assign(byId(f, 'P09'), { hiredOn: '2023-06-30', enforcementCertNo: null }),
      1,
      /5 人全部持执法证（2年内新录用 2 人除外）/,
    ],
    [
      'hired one day earlier (2023-06-29) without certificate',
      (f) => Object.assign(byId(f, 'P09'), { hiredOn: '2023-06-29', enforcementCertNo: null }),
      0,
      /持执法证 5\/6 = 83.3% < 100%/,
    ],
    ['no hire date (long-serving) without certificate', (f) => Object.assign(byId(f, 'P09'), { hiredOn: null, enforcementCertNo: null }), 0, /5\/6/],
    ['a 参公编 member without certificate costs it', (f) => Object.assign(byId(f, 'P03'), { enforcementCertNo: null }), 0, /持执法证 5\/6/],
    ['a 事业编 member without certificate does not', (f) => Object.assign(byId(f, 'P04'), { enforcementCertNo: null }), 1, /6 人全部持执法证/],
    ['a 工勤编 member without certificate does not', (f) => Object.assign(byId(f, 'P07'), { enforcementCertNo: null }), 1, /6 人全部持执法证/],
    ['an 其他编制 member without certificate does not', (f) => Object.assign(byId(f, 'P08'), { enforcementCertNo: null }), 1, /6 人全部持执法证/],
    ['an auxiliary without certificate does not', (f) => void people(f).push(auxiliary('A9', { hiredOn: '2010-01-01' })), 1, /6 人全部持执法证/],
    ['a civil servant who left without certificate does not', (f) => Object.assign(byId(f, 'P09'), { enforcementCertNo: null, leftOn: '2025-06-30' }), 1, /5 人全部持执法证/],
    ['a civil servant leaving after R still counts', (f) => Object.assign(byId(f, 'P09'), { enforcementCertNo: null, leftOn: '2025-07-01' }), 0, /5\/6/],
    [
      'all civil servants hired within 2 years, none certified',
      (f) => {
        f.personnel = [person('N1', { hiredOn: '2024-01-01', enforcementCertNo: null }), person('N2', { hiredOn: '2025-06-30', enforcementCertNo: null })];
      },
      1,
      /公务员 2 人均为2年内新录用，全部豁免/,
    ],
    ['no civil servants, only 事业编 staff', (f) => void (f.personnel = [person('X1', { staffingType: 'PUBLIC_INSTITUTION', enforcementCertNo: null })]), 0, /^无公务员（行政编、参公编）$/],
    ['no established staff at all', (f) => void (f.personnel = [auxiliary('X1')]), 0, /无公务员/],
  ])('%s', (_n, mutate, points, reason) => {
    const c = check('33', mutate);
    expect(c.points).toBe(points);
    expect(c.reason).toMatch(reason);
  });

  it('follows the rubric parameter newHireExemptYears', () => {
    const rubric = withParameters('ENFORCEMENT_CERT_COVERAGE', { newHireExemptYears: 3 });
    const mutate = (f: StationFacts) => Object.assign(byId(f, 'P09'), { hiredOn: '2023-01-01', enforcementCertNo: null });
    expect(criterion(scoreWith(mutate), '33').points).toBe(0);
    expect(criterion(scoreWith(mutate, context(undefined, POLICY, rubric)), '33')).toMatchObject({ points: 1, reason: '3年前录用的公务员 5 人全部持执法证（3年内新录用 2 人除外）' });
  });
});

describe('36① training in Y−1 (2024): offline days ≥ 12 or offline + online hours ≥ 90', () => {
  const trainP05 = (...t: ReturnType<typeof training>[]) => (f: StationFacts) => void (byId(f, 'P05').trainings = t);
  it.each<[string, (f: StationFacts) => void, number]>([
    ['12 days', trainP05(training(2024, { offlineDays: 12 })), 0.5],
    ['11 days', trainP05(training(2024, { offlineDays: 11 })), 0],
    ['90 hours (60 offline + 30 online)', trainP05(training(2024, { offlineHours: 60, onlineHours: 30 })), 0.5],
    ['90 online hours', trainP05(training(2024, { onlineHours: 90 })), 0.5],
    ['89 hours', trainP05(training(2024, { offlineHours: 59, onlineHours: 30 })), 0],
    ['11 days and 89 hours (never converted)', trainP05(training(2024, { offlineDays: 11, offlineHours: 50, onlineHours: 39 })), 0],
    ['only a 2023 row', trainP05(training(2023, { offlineDays: 30 })), 0],
    ['only a 2025 row', trainP05(training(2025, { offlineDays: 30 })), 0],
    ['no row at all', trainP05(), 0],
    ['two 2024 rows adding up to 12 days', trainP05(training(2024, { offlineDays: 6 }), training(2024, { offlineDays: 6 })), 0.5],
    ['hired 2025-01-01 without training: not yet due', (f) => Object.assign(byId(f, 'P05'), { hiredOn: '2025-01-01', trainings: [] }), 0.5],
    ['hired 2024-12-31 without training: due', (f) => Object.assign(byId(f, 'P05'), { hiredOn: '2024-12-31', trainings: [] }), 0],
    ['auxiliary without training is ignored', (f) => void (byId(f, 'A01').trainings = []), 0.5],
  ])('%s → %p', (_n, mutate, points) => {
    expect(check('36①', mutate).points).toBe(points);
  });

  it('explains the count', () => {
    expect(check('36①', trainP05()).reason).toBe('2024年度培训达标（脱产≥12天或脱产加线上≥90学时）9/10 人，未全部达标');
    expect(check('36①', () => {}).reason).toBe('2024年度培训达标（脱产≥12天或脱产加线上≥90学时）10/10 人');
  });

  it('is not met when no established member was on staff by the end of Y−1', () => {
    const c = check('36①', (f) => void (f.personnel = [person('N1', { hiredOn: '2025-02-01' })]));
    expect([c.points, c.reason]).toEqual([0, '无2024年底前在编的工作人员，无法考核2024年度培训']);
  });

  it('says so when nobody has training figures of 2024 (after 31 March)', () => {
    const c = check('36①', (f) => people(f).forEach((p) => (p.trainings = p.trainings.filter((t) => t.year !== 2024))));
    expect([c.points, c.reason]).toEqual([0, '2024年度培训数据未报送']);
  });

  it('leaves out people who have left', () => {
    expect(check('36①', (f) => Object.assign(byId(f, 'P05'), { trainings: [], leftOn: '2025-01-31' })).points).toBe(0.5);
    expect(check('36①', (f) => Object.assign(byId(f, 'P05'), { trainings: [], leftOn: '2025-07-01' })).points).toBe(0);
  });

  it('follows the rubric parameters minOfflineDays and minTotalHours', () => {
    const rubric = withParameters('ANNUAL_TRAINING', { minOfflineDays: 15, minTotalHours: 120 });
    const c = criterion(scoreWith(() => {}, context(undefined, POLICY, rubric)), '36①');
    // P01 15 days; P09 90 hours and P10 90 online hours no longer reach 120; the others have 12 days
    expect([c.points, c.reason]).toEqual([0, '2024年度培训达标（脱产≥15天或脱产加线上≥120学时）1/10 人，未全部达标']);
  });
});

describe('36② director at provincial-level training in both Y−1 and Y−2', () => {
  const dir = (t2024: number, t2023: number, t2025 = 0) => (f: StationFacts) =>
    void (byId(f, 'P01').trainings = [
      training(2025, { provincialTrainings: t2025 }),
      training(2024, { offlineDays: 12, provincialTrainings: t2024 }),
      training(2023, { provincialTrainings: t2023 }),
    ]);
  it.each<[string, (f: StationFacts) => void, number, RegExp]>([
    ['1 and 1', dir(1, 1), 1, /所长2024、2023年度均参加/],
    ['1 and 0', dir(1, 0), 0, /2024年度 1 次、2023年度 0 次/],
    ['0 and 3', dir(0, 3), 0, /2024年度 0 次、2023年度 3 次/],
    ['only in 2025 (Y) does not count', dir(0, 0, 5), 0, /2024年度 0 次、2023年度 0 次/],
    ['no director', (f) => void (byId(f, 'P01').position = 'STAFF'), 0, /未登记所长/],
    ['the director has left', (f) => void (byId(f, 'P01').leftOn = '2025-06-01'), 0, /未登记所长/],
  ])('%s', (_n, mutate, points, reason) => {
    const c = check('36②', mutate);
    expect(c.points).toBe(points);
    expect(c.reason).toMatch(reason);
  });
});

describe('37① every established member had a health check in [2024-06-30, 2025-06-30]', () => {
  it.each<[string, string | null, number]>([
    ['on the window start 2024-06-30', '2024-06-30', 1],
    ['one day before, 2024-06-29', '2024-06-29', 0],
    ['on R', '2025-06-30', 1],
    ['after R', '2025-07-01', 0],
    ['never', null, 0],
  ])('P05 checked %s', (_n, date, points) => {
    expect(check('37①', (f) => void (byId(f, 'P05').lastHealthCheckOn = date)).points).toBe(points);
  });
  it('ignores auxiliaries and explains the count', () => {
    const c = check('37①', (f) => void (byId(f, 'P05').lastHealthCheckOn = null));
    expect(c.reason).toBe('近1年体检 9/10 人');
    expect(check('37①', () => {}).reason).toBe('近1年体检 10/10 人'); // A01/A02 have none
  });
  it('is not met with no established staff', () => {
    expect(check('37①', (f) => void (f.personnel = [auxiliary('X1', { lastHealthCheckOn: '2025-01-01' })])).reason).toBe('无在编人员');
  });
});

describe('36② follows the rubric parameters years and minPerYear', () => {
  it('asks for 3 years of 2 trainings each', () => {
    const rubric = withParameters('DIRECTOR_PROVINCIAL_TRAINING', { minPerYear: 2, years: 3 });
    const mutate = (f: StationFacts) =>
      void (byId(f, 'P01').trainings = [training(2024, { offlineDays: 12, provincialTrainings: 2 }), training(2023, { provincialTrainings: 2 }), training(2022, { provincialTrainings: 1 })]);
    const c = criterion(scoreWith(mutate, context(undefined, POLICY, rubric)), '36②');
    expect([c.points, c.reason]).toEqual([0, '所长省级以上示范培训或跨地区交流：2024年度 2 次、2023年度 2 次、2022年度 1 次，未达每年不少于2次']);
  });
});

describe('46① at least one information administrator', () => {
  it('counts anyone on the roster, auxiliaries included', () => {
    const c = check('46①', (f) => {
      byId(f, 'P05').informationAdministrator = false;
      byId(f, 'A02').informationAdministrator = true;
    });
    expect([c.points, c.reason]).toEqual([0.5, '配有信息管理员 1 人']);
  });
  it('is not met with none', () => {
    const c = check('46①', (f) => void (byId(f, 'P05').informationAdministrator = false));
    expect([c.points, c.status, c.reason]).toEqual([0, 'NOT_MET', '未配备信息管理员']);
  });
  it('does not count an administrator who has left', () => {
    expect(check('46①', (f) => void (byId(f, 'P05').leftOn = '2025-06-30')).points).toBe(0);
  });
});

describe('18② no disciplinary record of established staff (党员干部) in 近2年, and 附件3 item 5', () => {
  const record = (date: string) => ({ date, kind: '警告', description: '违反工作纪律' });
  it.each<[string, (f: StationFacts) => void, number, RegExp]>([
    ['none (perfect)', () => {}, 1, /^近2年在编人员无违规违纪记录；附件3第5项：是/],
    ['dated on the window start 2023-06-30', (f) => void (byId(f, 'P03').disciplinaryRecords = [record('2023-06-30')]), 0, /违规违纪记录 1 条（1 人）/],
    ['dated 2023-06-29, outside', (f) => void (byId(f, 'P03').disciplinaryRecords = [record('2023-06-29')]), 1, /无违规违纪记录/],
    ['dated after R', (f) => void (byId(f, 'P03').disciplinaryRecords = [record('2025-07-01')]), 1, /无违规违纪记录/],
    ['on an auxiliary, in window: 附件3 item 11\'s matter, not this one', (f) => void (byId(f, 'A01').disciplinaryRecords = [record('2025-01-01'), record('2024-01-01')]), 1, /无违规违纪记录/],
    ['two on one member, in window', (f) => void (byId(f, 'P03').disciplinaryRecords = [record('2025-01-01'), record('2024-01-01')]), 0, /在编人员违规违纪记录 2 条（1 人）/],
    ['on a member who has left since, in window', (f) => Object.assign(byId(f, 'P03'), { disciplinaryRecords: [record('2024-05-01')], leftOn: '2024-06-01' }), 0, /1 条（1 人）/],
    ['on an auxiliary who has left', (f) => Object.assign(byId(f, 'A01'), { disciplinaryRecords: [record('2024-05-01')], leftOn: '2024-06-01' }), 1, /无违规违纪记录/],
    ['item 5 no', (f) => void (f.certifications[0].items['5'] = false), 0, /无违规违纪记录；附件3第5项：否（2025年度证明）/],
  ])('%s', (_n, mutate, points, reason) => {
    const c = check('18②', mutate);
    expect(c.points).toBe(points);
    expect(c.reason).toMatch(reason);
  });
});

describe('29③ station rated excellent in Y−1 or Y−2', () => {
  it.each<[string, StationFacts['annualReviews'], number, string]>([
    ['2024 excellent', [{ year: 2024, subject: 'STATION', result: 'EXCELLENT' }], 1.5, '2024年度考核获优秀等次'],
    ['2023 excellent', [{ year: 2023, subject: 'STATION', result: 'EXCELLENT' }], 1.5, '2023年度考核获优秀等次'],
    ['2022 excellent only', [{ year: 2022, subject: 'STATION', result: 'EXCELLENT' }], 0, '2024、2023年度考核结果未报送'],
    ['2025 (Y) excellent only', [{ year: 2025, subject: 'STATION', result: 'EXCELLENT' }], 0, '2024、2023年度考核结果未报送'],
    ['2024 competent', [{ year: 2024, subject: 'STATION', result: 'COMPETENT' }], 0, '2024、2023年度考核均未获优秀等次'],
    ['2023 competent, 2024 not reported', [{ year: 2023, subject: 'STATION', result: 'COMPETENT' }], 0, '2024、2023年度考核均未获优秀等次'],
    ['a person excellent, not the station', [{ year: 2024, subject: 'P01', result: 'EXCELLENT' }], 0, '2024、2023年度考核结果未报送'],
  ])('%s', (_n, reviews, points, reason) => {
    const c = check('29③', (f) => void (f.annualReviews = reviews));
    expect([c.points, c.reason]).toEqual([points, reason]);
  });
});

describe('people who have left (leftOn ≤ R) are in no ratio', () => {
  it('drops them from 31① and 32①, on the day they leave and not before', () => {
    // P06 holds a doctorate: 9 of 10 established staff are bachelors or higher
    const leaves = (leftOn: string) => (f: StationFacts) => void (byId(f, 'P06').leftOn = leftOn);
    expect(criterion(scoreWith(leaves('2025-07-01')), '31①')).toMatchObject({ points: 1, reason: '在编 10 人，编制 10 人，已配齐' });
    expect(criterion(scoreWith(leaves('2025-06-30')), '31①')).toMatchObject({ points: 0, reason: '在编 9 人，编制 10 人，未配齐' });
    expect(criterion(scoreWith(leaves('2025-06-30')), '32①').reason).toBe('本科及以上 9/9 = 100% ≥ 60%');
  });

  it('keeps a departed member out of 41① and 42②', () => {
    const c = criterion(scoreWith((f) => void (byId(f, 'P06').leftOn = '2025-01-01')), '41①');
    expect(c.reason).toBe('在用计算机 11 台 ≥ 在编 9 人');
  });
});

describe('rule thresholds come from the rubric data', () => {
  it('32① minSharePct', () => {
    const mutate = (f: StationFacts) => roster(f, 10, 6, { education: 'BACHELOR' }, { education: 'ASSOCIATE' });
    expect(criterion(scoreWith(mutate), '32①').points).toBe(0.5);
    const c = criterion(scoreWith(mutate, context(undefined, POLICY, withParameters('BACHELOR_SHARE', { minSharePct: 61 }))), '32①');
    expect([c.points, c.reason]).toEqual([0, '本科及以上 6/10 = 60% < 61%']);
  });

  it('31③ maxSharePct and maxTotalMonths', () => {
    const mutate = (f: StationFacts) => void (byId(f, 'P04').secondedMonths = 6);
    expect(criterion(scoreWith(mutate), '31③').points).toBe(2);
    const c = criterion(scoreWith(mutate, context(undefined, POLICY, withParameters('SECONDMENT_LIMITS', { maxSharePct: 5, maxTotalMonths: 5 }))), '31③');
    expect([c.points, c.reason]).toEqual([0, '借出 1 人>编制 10 人的5%，累计借出 6 个月>5个月；附件3第10项：是（2025年度证明）']);
  });

  it('32③ minInspectors', () => {
    const c = criterion(scoreWith(() => {}, context(undefined, POLICY, withParameters('SPECIAL_EQUIPMENT_INSPECTORS', { minInspectors: 3 }))), '32③');
    expect([c.points, c.reason]).toEqual([0, '在编人员持有效B类安全监察员证 2 人 < 3 人']);
  });

  it('42② officersPerGroup', () => {
    // 9 officers: groups of 2 need 5 of each (the station has 5); groups of 1 need 9
    const c = criterion(scoreWith(() => {}, context(undefined, POLICY, withParameters('TERMINALS_AND_CAMERAS', { officersPerGroup: 1 }))), '42②');
    expect(c.points).toBe(0);
    expect(c.reason).toMatch(/^执法人员 9 人，每组1人需各 9 台：手持执法终端 5 台（不足）/);
  });
});
