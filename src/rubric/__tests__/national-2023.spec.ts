// Integrity of the national-2023 rubric against the document (002, 附件1 and 附件3). The
// tables below are transcribed from the document independently of the data file.
import { BONUS_CATEGORIES, BONUS_LEVELS, STAFFING_TYPES, VETO_KINDS } from '../../domain/vocabulary.js';
import {
  DATA_RULE_IDS,
  DATA_RULE_PARAMETER_INFO,
  findCriterion,
  findIndicator,
  getRubric,
  getRubricIndex,
  LARGEST_RUBRIC,
  NATIONAL_2023,
  RUBRIC_VERSIONS,
  RubricError,
  UnknownRubricVersionError,
  type RubricCriterion,
} from '../index.js';

const rubric = getRubric('national-2023');
const index = getRubricIndex(rubric);
const half = (p: number): number => Math.round(p * 2);
const sumHalf = (xs: readonly { points: number }[]): number => xs.reduce((s, x) => s + half(x.points), 0);

/** Every criterion's points, from the document (评分细则 column). */
const DOCUMENT_POINTS: Record<string, number> = {
  '1①': 1, '1②': 0.5, '1③': 0.5,
  '2①': 0.5, '2②': 1, '2③': 0.5,
  '3①': 0.5, '3②': 1, '3③': 1,
  '4①': 1, '4②': 1, '4③': 0.5,
  '5①': 1, '5②': 1, '5③': 1,
  '6①': 1, '6②': 1,
  '7①': 0.5, '7②': 1, '7③': 1, '7④': 0.5,
  '8①': 0.5, '8②': 0.5, '8③': 0.5,
  '9①': 0.5, '9②': 0.5,
  '10①': 1, '10②': 1, '10③': 1,
  '11①': 0.5, '11②': 0.5,
  '12': 0.5,
  '13①': 0.5, '13②': 0.5,
  '14①': 1, '14②': 1,
  '15①': 1, '15②': 0.5, '15③': 0.5, '15④': 0.5, '15⑤': 0.5,
  '16①': 0.5, '16②': 1,
  '17①': 0.5, '17②': 0.5, '17③': 0.5,
  '18①': 1, '18②': 1,
  '19': 1,
  '20①': 1, '20②': 0.5,
  '21①': 1, '21②': 0.5, '21③': 0.5, '21④': 0.5,
  '22①': 2, '22②': 1,
  '23①': 0.5, '23②': 0.5, '23③': 1,
  '24': 1,
  '25①': 1, '25②': 0.5, '25③': 0.5, '25④': 0.5, '25⑤': 0.5, '25⑥': 1, '25⑦': 1,
  '26①': 1, '26②': 1,
  '27①': 0.5, '27②': 0.5,
  '28①': 0.5, '28②': 0.5,
  '29①': 0.5, '29②': 1, '29③': 1.5, '29④': 1,
  '30①': 1, '30②': 0.5, '30③': 1, '30④': 0.5,
  '31①': 1, '31②': 1, '31③': 2,
  '32①': 0.5, '32②': 1, '32③': 1,
  '33': 1,
  '34': 0.5,
  '35①': 0.5, '35②': 1,
  '36①': 0.5, '36②': 1,
  '37①': 1, '37②': 1,
  '38①': 1, '38②': 2,
  '39①': 1, '39②': 2, '39③': 1, '39④': 1,
  '40①': 1, '40②': 1, '40③': 1,
  '41①': 1, '41②': 0.5, '41③': 0.5,
  '42①': 2, '42②': 1, '42③': 0.5,
  '43①': 0.5, '43②': 0.5, '43③': 0.5,
  '44': 2,
  '45①': 0.5, '45②': 0.5,
  '46①': 0.5, '46②': 1.5, '46③': 1, '46④': 1,
};

/** Third-level indicators' declared points and ※, from the 三级指标 column. */
const DOCUMENT_INDICATORS: Record<number, [points: number, starred: boolean]> = {
  1: [2, true], 2: [2, true], 3: [2.5, true], 4: [2.5, true], 5: [3, true], 6: [2, true], 7: [3, true], 8: [1.5, true],
  9: [1, false], 10: [3, true], 11: [1, true], 12: [0.5, false], 13: [1, true], 14: [2, true], 15: [3, true],
  16: [1.5, false], 17: [1.5, false], 18: [2, true], 19: [1, true], 20: [1.5, false], 21: [2.5, true], 22: [3, false],
  23: [2, true], 24: [1, true], 25: [5, true], 26: [2, false], 27: [1, true], 28: [1, true], 29: [4, true], 30: [3, false],
  31: [4, false], 32: [2.5, true], 33: [1, true], 34: [0.5, false], 35: [1.5, false], 36: [1.5, true], 37: [2, false],
  38: [3, true], 39: [5, true], 40: [3, false], 41: [2, true], 42: [3.5, true], 43: [1.5, false], 44: [2, false],
  45: [1, true], 46: [4, false],
};

/** Second-level: number → [name, points, first-level number, third-level numbers]. */
const DOCUMENT_SECOND: Record<number, [string, number, number, number[]]> = {
  1: ['市场准入', 2, 1, [1]],
  2: ['日常监管', 12, 1, [2, 3, 4, 5, 6]],
  3: ['执法办案', 5.5, 1, [7, 8, 9]],
  4: ['投诉举报', 3, 1, [10]],
  5: ['惠民利企', 2.5, 1, [11, 12, 13]],
  6: ['支部建设', 2, 2, [14]],
  7: ['组织生活', 6, 2, [15, 16, 17]],
  8: ['党风廉政', 7, 2, [18, 19, 20, 21]],
  9: ['事权划分', 3, 3, [22]],
  10: ['岗位职责', 2, 3, [23]],
  11: ['制度运行', 6, 3, [24, 25]],
  12: ['文化建设', 2, 3, [26]],
  13: ['行为规范', 2, 3, [27, 28]],
  14: ['班子建设', 7, 4, [29, 30]],
  15: ['人员配备', 8, 4, [31, 32, 33, 34]],
  16: ['教育培训', 3, 4, [35, 36]],
  17: ['激励保障', 2, 4, [37]],
  18: ['形象标识', 3, 5, [38]],
  19: ['办公条件', 8, 5, [39, 40]],
  20: ['设施装备', 9, 5, [41, 42, 43, 44]],
  21: ['信息化建设', 5, 5, [45, 46]],
};

const DATA_CRITERIA: Record<string, { rule: string; items: number[] }> = {
  '7④': { rule: 'CASE_ENTRY_AND_ARCHIVING', items: [] },
  '8①': { rule: 'CASE_PUBLICITY', items: [] },
  '8②': { rule: 'CASE_FULL_PROCESS_RECORD', items: [] },
  '8③': { rule: 'CASE_LEGAL_REVIEW', items: [] },
  '9①': { rule: 'CASE_FILE_REVIEW', items: [] },
  '9②': { rule: 'NO_OVERTURNED_CASES', items: [4] },
  '10①': { rule: 'COMPLAINT_HANDLING', items: [] },
  '10②': { rule: 'REPORT_HANDLING', items: [] },
  '18②': { rule: 'NO_DISCIPLINARY_RECORDS', items: [5] },
  '29③': { rule: 'STATION_RATED_EXCELLENT', items: [] },
  '30②': { rule: 'DIRECTOR_QUALIFIED', items: [] },
  '31①': { rule: 'STAFF_COMPLEMENT', items: [] },
  '31③': { rule: 'SECONDMENT_LIMITS', items: [10] },
  '32①': { rule: 'BACHELOR_SHARE', items: [] },
  '32②': { rule: 'RELEVANT_MAJOR_SHARE', items: [] },
  '32③': { rule: 'SPECIAL_EQUIPMENT_INSPECTORS', items: [] },
  '33': { rule: 'ENFORCEMENT_CERT_COVERAGE', items: [] },
  '36①': { rule: 'ANNUAL_TRAINING', items: [] },
  '36②': { rule: 'DIRECTOR_PROVINCIAL_TRAINING', items: [] },
  '37①': { rule: 'HEALTH_CHECKS', items: [] },
  '39①': { rule: 'INDEPENDENT_PREMISES', items: [] },
  '39②': { rule: 'FUNCTIONAL_ROOMS', items: [] },
  '39③': { rule: 'LIVING_FACILITIES', items: [] },
  '41①': { rule: 'COMPUTERS_PER_STAFF', items: [] },
  '41②': { rule: 'PRINT_COPY_SCAN', items: [] },
  '41③': { rule: 'VIDEO_CONFERENCE', items: [] },
  '42①': { rule: 'ENFORCEMENT_VEHICLE', items: [] },
  '42②': { rule: 'TERMINALS_AND_CAMERAS', items: [] },
  '42③': { rule: 'PORTABLE_FIELD_KIT', items: [] },
  '43①': { rule: 'SURVEILLANCE_SYSTEM', items: [] },
  '43②': { rule: 'FIRE_CONTROL_SYSTEM', items: [] },
  '43③': { rule: 'HEATING_COOLING', items: [] },
  '45②': { rule: 'NETWORKS', items: [] },
  '46①': { rule: 'INFORMATION_ADMINISTRATOR', items: [] },
};

/** 附件3 item → attested criteria (domain guide). */
const ATTESTED_CRITERIA: Record<string, number[]> = {
  '3①': [1], '3②': [2], '3③': [3], '25⑥': [6], '25⑦': [7], '30④': [8], '31②': [9], '34': [11], '27①': [12], '28①': [12],
};

describe('rubric national-2023: registry', () => {
  it('lists its version and returns the same object', () => {
    expect(RUBRIC_VERSIONS).toEqual(['national-2023']);
    expect(getRubric('national-2023')).toBe(NATIONAL_2023);
    expect(rubric.version).toBe('national-2023');
    expect(rubric.title).toBe('五星市场监督管理所评定指标');
  });

  it('throws a typed error for an unknown version', () => {
    expect(() => getRubric('national-2019')).toThrow(UnknownRubricVersionError);
    try {
      getRubric('nope');
      throw new Error('expected a throw');
    } catch (e) {
      expect(e).toBeInstanceOf(RubricError);
      expect((e as RubricError).code).toBe('UNKNOWN_RUBRIC_VERSION');
      expect((e as Error).message).toContain('nope');
    }
  });

  it('is deeply frozen', () => {
    expect(Object.isFrozen(rubric.firstLevel[0].children[0].indicators[0].criteria[0])).toBe(true);
    expect(Object.isFrozen(rubric.bonus.categories)).toBe(true);
  });
});

describe('rubric national-2023: tree and points', () => {
  it('has the five first-level indicators with 25/15/15/20/25 = 100', () => {
    expect(rubric.firstLevel.map((f) => [f.id, f.code, f.name, f.points])).toEqual([
      ['1', '一', '履职绩效', 25],
      ['2', '二', '党建引领', 15],
      ['3', '三', '内部管理', 15],
      ['4', '四', '队伍建设', 20],
      ['5', '五', '基础保障', 25],
    ]);
    expect(sumHalf(rubric.firstLevel)).toBe(200);
    expect(rubric.parameters.totalPoints).toBe(100);
  });

  it('has 21 second-level indicators as in the document, each summing to its first-level parent', () => {
    expect(index.secondLevel).toHaveLength(21);
    for (const second of index.secondLevel) {
      const [name, points, first, thirds] = DOCUMENT_SECOND[second.number];
      expect([second.name, second.points, second.parentId, second.id]).toEqual([name, points, String(first), `${first}.${second.number}`]);
      expect(second.indicators.map((t) => t.number)).toEqual(thirds);
    }
    for (const first of rubric.firstLevel) expect(sumHalf(first.children)).toBe(half(first.points));
    expect(findIndicator(rubric, '(十五)')?.id).toBe('4.15');
    expect(findIndicator(rubric, '(二十一)')?.id).toBe('5.21');
    expect(findIndicator(rubric, '(十)')?.id).toBe('3.10');
  });

  it('has 46 third-level indicators numbered 1..46 with the document points and ※', () => {
    expect(index.thirdLevel.map((t) => t.number)).toEqual(Array.from({ length: 46 }, (_, i) => i + 1));
    for (const third of index.thirdLevel) {
      const [points, starred] = DOCUMENT_INDICATORS[third.number];
      expect({ n: third.number, points: third.points, starred: third.starred }).toEqual({ n: third.number, points, starred });
      expect(third.code).toBe(String(third.number));
      expect(third.id).toBe(`${third.parentId}.${third.number}`);
    }
    for (const second of index.secondLevel) expect(sumHalf(second.indicators)).toBe(half(second.points));
  });

  it('has 121 criteria whose points match the document one by one', () => {
    expect(index.criteria).toHaveLength(121);
    expect(Object.keys(DOCUMENT_POINTS)).toHaveLength(121);
    const actual = Object.fromEntries(index.criteria.map((c) => [c.code, c.points]));
    expect(actual).toEqual(DOCUMENT_POINTS);
    for (const third of index.thirdLevel) expect(sumHalf(third.criteria)).toBe(half(third.points));
    expect(sumHalf(index.criteria)).toBe(200);
  });

  it('uses steps of 0.5 everywhere', () => {
    for (const c of index.criteria) {
      expect(c.points).toBeGreaterThan(0);
      expect(Number.isInteger(c.points * 2)).toBe(true);
    }
  });

  it('marks exactly the 30 ※ indicators, summing to 67.5', () => {
    const starred = index.thirdLevel.filter((t) => t.starred).map((t) => t.number);
    expect(starred).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 13, 14, 15, 18, 19, 21, 23, 24, 25, 27, 28, 29, 32, 33, 36, 38, 39, 41, 42, 45]);
    expect(sumHalf(index.thirdLevel.filter((t) => t.starred)) / 2).toBe(67.5);
  });
});

describe('rubric national-2023: ids and codes', () => {
  it('gives hierarchical, unique ASCII ids', () => {
    const ids = [...index.indicatorById.keys(), ...index.criteria.map((c) => c.id)];
    expect(new Set(ids).size).toBe(5 + 21 + 46 + 121);
    for (const id of ids) expect(id).toMatch(/^\d+(\.\d+){0,3}$/);
    for (const c of index.criteria) {
      expect(c.id.startsWith(`${c.indicatorId}.`)).toBe(true);
      expect(c.id).toBe(`${c.indicatorId}.${c.ordinal}`);
    }
  });

  it('names criteria like the document: 32③ is 4.15.32.3, 33 is 4.15.33.1', () => {
    expect(findCriterion(rubric, '32③')?.id).toBe('4.15.32.3');
    expect(findCriterion(rubric, '4.15.32.3')?.code).toBe('32③');
    expect(findCriterion(rubric, '33')?.id).toBe('4.15.33.1');
    expect(findCriterion(rubric, '12')?.id).toBe('1.5.12.1');
    expect(findCriterion(rubric, '19')?.id).toBe('2.8.19.1');
    expect(findCriterion(rubric, '7④')?.id).toBe('1.3.7.4');
    expect(findCriterion(rubric, '46④')?.id).toBe('5.21.46.4');
    expect(findCriterion(rubric, '99')).toBeUndefined();
    expect(findIndicator(rubric, '32')?.id).toBe('4.15.32');
    expect(findIndicator(rubric, '四')?.id).toBe('4');
    expect(index.criterionByCode.size).toBe(121);
  });

  it('keeps the document texts without line breaks, points or circled digits', () => {
    for (const c of index.criteria) {
      expect(c.text).not.toMatch(/[\n①②③④⑤⑥⑦]|分）$|\s/);
      expect(c.text.length).toBeGreaterThan(4);
    }
    expect(findCriterion(rubric, '32③')?.text).toBe('承担特种设备安全监管职责的市场监管所至少有2名人员持有B类安全监察员证。');
    expect(findIndicator(rubric, '33')?.name).toBe('监管执法人员会监管、会办案、会服务、会维权，实现“一专多能”。');
    expect(index.thirdLevel.filter((t) => t.materials.length === 0).map((t) => t.number)).toEqual([24, 27, 28, 33, 44, 45]);
  });
});

describe('rubric national-2023: sources', () => {
  const byCode = (code: string): RubricCriterion => {
    const c = findCriterion(rubric, code);
    if (!c) throw new Error(code);
    return c;
  };

  it('declares the 34 DATA criteria with their rules and extra 附件3 items', () => {
    const data = index.criteria.filter((c) => c.source === 'DATA');
    expect(data.map((c) => c.code).sort()).toEqual(Object.keys(DATA_CRITERIA).sort());
    for (const [code, { rule, items }] of Object.entries(DATA_CRITERIA)) {
      const c = byCode(code);
      if (c.source !== 'DATA') throw new Error(code);
      expect([code, c.rule, [...c.attestedItems]]).toEqual([code, rule, items]);
    }
    // every rule id is used by exactly one criterion
    expect(data.map((c) => (c.source === 'DATA' ? c.rule : '')).sort()).toEqual([...DATA_RULE_IDS].sort());
  });

  it('gives every DATA criterion exactly the parameters its rule declares, with the document numbers', () => {
    const found: Record<string, Readonly<Record<string, number>>> = {};
    for (const c of index.criteria) {
      if (c.source !== 'DATA') continue;
      expect([c.code, Object.keys(c.parameters).sort()]).toEqual([c.code, Object.keys(DATA_RULE_PARAMETER_INFO[c.rule]).sort()]);
      if (Object.keys(c.parameters).length > 0) found[c.code] = c.parameters;
    }
    // transcribed from the document's 评分细则
    expect(found).toEqual({
      '9①': { minPassPct: 100 },
      '10①': { minCheckedOnTimePct: 100, minClosedOnTimePct: 100 },
      '10②': { minVerifiedOnTimePct: 100, minNotifiedPct: 100 },
      '29③': { years: 2 },
      '31③': { maxSharePct: 10, maxTotalMonths: 6 },
      '32①': { minSharePct: 60 },
      '32②': { minSharePct: 40 },
      '32③': { minInspectors: 2 },
      '33': { newHireExemptYears: 2 },
      '36①': { minOfflineDays: 12, minTotalHours: 90 },
      '36②': { minPerYear: 1, years: 2 },
      '41①': { computersPerStaff: 1 },
      '42②': { officersPerGroup: 2 },
    });
  });

  it('declares the 10 ATTESTED criteria with their 附件3 items', () => {
    const att = index.criteria.filter((c) => c.source === 'ATTESTED');
    expect(att.map((c) => c.code).sort()).toEqual(Object.keys(ATTESTED_CRITERIA).sort());
    for (const [code, items] of Object.entries(ATTESTED_CRITERIA)) {
      const c = byCode(code);
      expect(c.source === 'ATTESTED' ? [...c.attestedItems] : null).toEqual(items);
    }
  });

  it('leaves the other 77 criteria ASSESSED', () => {
    expect(index.criteria.filter((c) => c.source === 'ASSESSED')).toHaveLength(77);
  });

  it('uses every 附件3 item (1..12) and lists their texts', () => {
    const used = new Set<number>();
    for (const c of index.criteria) if (c.source !== 'ASSESSED') c.attestedItems.forEach((i) => used.add(i));
    expect([...used].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(rubric.certificationItems.map((i) => i.item)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(rubric.certificationItems[9].text).toBe('近2年所内被借出人员被借调时间累计不超过半年。');
  });

  it('makes only 32③ depend on the special equipment duty', () => {
    expect(index.criteria.filter((c) => c.requiresDuty !== null).map((c) => [c.code, c.requiresDuty])).toEqual([['32③', 'SPECIAL_EQUIPMENT']]);
  });
});

describe('rubric national-2023: bonus, vetoes, notes, parameters', () => {
  const EXPECTED_POINTS: Record<string, [number, number, number, number] | 'EVENT'> = {
    AWARD: [5, 4, 3, 0],
    COMMENDATION: [3, 3, 2, 0],
    INNOVATION_ADOPTED: [3, 3, 2, 1],
    TALENT_POOL: [2, 2, 1, 0],
    TYPICAL_CASE: [3, 3, 2, 0],
    EXPERIENCE_SHARING: [2, 2, 1, 0],
    COMPETITION_TOP3: [2, 2, 1, 0],
    OTHER: 'EVENT',
  };

  it('has the 8 bonus categories with points by level, windows and texts', () => {
    expect(rubric.bonus.categories.map((c) => c.category)).toEqual([...BONUS_CATEGORIES]);
    expect(rubric.bonus.categories.map((c) => c.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    for (const cat of rubric.bonus.categories) {
      const expected = EXPECTED_POINTS[cat.category];
      if (expected === 'EVENT') expect(cat.points).toEqual({ kind: 'EVENT', min: 0, max: 10, step: 0.5 });
      else expect(cat.points.kind === 'TABLE' ? BONUS_LEVELS.map((l) => cat.points.kind === 'TABLE' && cat.points.byLevel[l]) : null).toEqual(expected);
      expect(cat.windowYears).toBe(cat.category === 'AWARD' ? 5 : 2);
      expect(cat.text.length).toBeGreaterThan(5);
    }
    expect(rubric.bonus.cap).toBe(10);
    expect(rubric.bonus.sameEventOnce).toBe(true);
    expect(rubric.bonus.categories[0].levelBodies.NATIONAL).toBe('党中央、国务院、中央军委');
  });

  it('has the 5 veto kinds in document order', () => {
    expect(rubric.vetoKinds.map((v) => v.kind)).toEqual([...VETO_KINDS]);
    expect(rubric.vetoKinds[3].text).toBe('在评定工作中弄虚作假。');
  });

  it('has notes 1-12 and their parameters', () => {
    expect(rubric.notes.map((n) => n.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(rubric.notes[5].text).toBe('五星所总分必须达到90分以上；');
    expect(rubric.notes[9].text).toContain('近2年指的是2021年5月31日至2023年5月31日');
    expect(rubric.parameters.fiveStarMinimum).toBe(90);
    expect(rubric.parameters.windowYears).toEqual({ recent5: 5, recent2: 2, recent1: 1 });
    expect(rubric.parameters.defaultWindowYears).toBe(2);
    expect([...rubric.parameters.establishedStaffingTypes]).toEqual(STAFFING_TYPES.filter((t) => t !== 'AUXILIARY'));
    expect([...rubric.parameters.civilServantStaffingTypes]).toEqual(['ADMINISTRATIVE', 'CIVIL_SERVANT_MANAGED']);
    expect(rubric.parameters.caseSampleMonths).toBe(4); // "2023年2月至5月" for the cut-off 2023-05-31
    expect(rubric.parameters.previousYearFallbackUntil).toEqual({ month: 3, day: 31 });
    expect(rubric.parameters.certificationValidYears).toBe(2);
    expect(rubric.parameters.starThresholdsIncludeBonus).toBe(true);
  });
});

describe('rubric sizes (bounds of GraphQL list costs and arguments)', () => {
  it('the largest rubric is national-2023 while it is the only version: 5 / 21 / 46 indicators, 121 criteria', () => {
    expect(RUBRIC_VERSIONS).toEqual(['national-2023']);
    expect(LARGEST_RUBRIC).toEqual({ firstLevel: 5, secondLevel: 21, thirdLevel: 46, indicators: 72, criteria: 121 });
    expect(LARGEST_RUBRIC.criteria).toBe(index.criteria.length);
  });
});
