import { getRubric, NATIONAL_DEFAULT_POLICY, validateStarPolicy, type StarPolicy } from '../index.js';

const rubric = getRubric('national-2023');
const starredIds = (): string[] =>
  rubric.firstLevel.flatMap((f) => f.children.flatMap((s) => s.indicators.filter((t) => t.starred).map((t) => t.id)));
const withLevels = (levels: StarPolicy['levels'], extra: Partial<StarPolicy> = {}): StarPolicy => ({
  ...NATIONAL_DEFAULT_POLICY,
  id: 'p',
  provinceCode: '130000',
  levels,
  ...extra,
});

describe('star policy defaults', () => {
  it('ships 5★ ALL ≥ 90, 4★ ※ ≥ 85, 3★ ※ ≥ 75 with bonus and a 7-day case entry limit', () => {
    expect(NATIONAL_DEFAULT_POLICY).toEqual({
      id: 'national-default',
      name: '全国默认星级标准',
      provinceCode: null,
      rubricVersion: 'national-2023',
      levels: [
        { stars: 5, indicatorSet: 'ALL', threshold: 90, includeBonus: true },
        { stars: 4, indicatorSet: 'STARRED', threshold: 85, includeBonus: true },
        { stars: 3, indicatorSet: 'STARRED', threshold: 75, includeBonus: true },
      ],
      caseEntryDeadlineDays: 7,
    });
    expect(validateStarPolicy(NATIONAL_DEFAULT_POLICY, rubric)).toEqual([]);
  });

  it('accepts a province policy with explicit ids that include every ※ indicator', () => {
    const ids = [...starredIds(), '1.3.9'];
    const p = withLevels([
      { stars: 5, indicatorSet: 'ALL', threshold: 92, includeBonus: true },
      { stars: 4, indicatorSet: ids, threshold: 80, includeBonus: true },
      { stars: 1, indicatorSet: ['1.1.1'], threshold: 50, includeBonus: true },
    ]);
    expect(validateStarPolicy(p, rubric)).toEqual([]);
  });

  it('refuses a level without the bonus: every threshold compares the total including it', () => {
    expect(rubric.parameters.starThresholdsIncludeBonus).toBe(true);
    const p = withLevels([
      { stars: 5, indicatorSet: 'ALL', threshold: 90, includeBonus: true },
      { stars: 3, indicatorSet: 'STARRED', threshold: 75, includeBonus: false },
    ]);
    expect(validateStarPolicy(p, rubric)).toEqual(['3★ includeBonus must be true: every star level compares its threshold with the total including the bonus (rubric national-2023)']);
  });

  it.each<[string, StarPolicy, RegExp]>([
    ['unknown indicator', withLevels([{ stars: 2, indicatorSet: ['9.9.99'], threshold: 60, includeBonus: true }]), /unknown third-level indicator "9.9.99"/],
    ['criterion id is not an indicator', withLevels([{ stars: 2, indicatorSet: ['4.15.32.3'], threshold: 60, includeBonus: true }]), /unknown third-level/],
    ['threshold above 110', withLevels([{ stars: 3, indicatorSet: 'STARRED', threshold: 111, includeBonus: true }]), /outside 0\.\.110/],
    ['negative threshold', withLevels([{ stars: 3, indicatorSet: 'STARRED', threshold: -1, includeBonus: true }]), /outside 0\.\.110/],
    ['NaN threshold', withLevels([{ stars: 3, indicatorSet: 'STARRED', threshold: NaN, includeBonus: true }]), /outside/],
    [
      'duplicate level',
      withLevels([
        { stars: 3, indicatorSet: 'STARRED', threshold: 75, includeBonus: true },
        { stars: 3, indicatorSet: 'STARRED', threshold: 70, includeBonus: true },
      ]),
      /3★ is defined more than once/,
    ],
    ['5★ below 90', withLevels([{ stars: 5, indicatorSet: 'ALL', threshold: 88, includeBonus: true }]), /below the minimum of 90/],
    ['5★ on ※ only', withLevels([{ stars: 5, indicatorSet: 'STARRED', threshold: 90, includeBonus: true }]), /5★ must use ALL/],
    ['empty set', withLevels([{ stars: 2, indicatorSet: [], threshold: 60, includeBonus: true }]), /indicator set is empty/],
    ['no levels', withLevels([]), /no star levels/],
    ['4★ without all ※', withLevels([{ stars: 4, indicatorSet: ['1.1.1'], threshold: 85, includeBonus: true }]), /leaves out ※ indicators/],
    ['wrong rubric', withLevels(NATIONAL_DEFAULT_POLICY.levels, { rubricVersion: 'x' }), /rubric "x"/],
    ['bad province', withLevels(NATIONAL_DEFAULT_POLICY.levels, { provinceCode: '130100' }), /province code/],
    ['bad deadline', withLevels(NATIONAL_DEFAULT_POLICY.levels, { caseEntryDeadlineDays: -1 }), /caseEntryDeadlineDays/],
    ['star 6', withLevels([{ stars: 6 as 5, indicatorSet: 'ALL', threshold: 95, includeBonus: true }]), /not one of 1\.\.5/],
    ['duplicate id in set', withLevels([{ stars: 2, indicatorSet: ['1.1.1', '1.1.1'], threshold: 60, includeBonus: true }]), /twice/],
  ])('reports %s', (_name, policy, problem) => {
    const problems = validateStarPolicy(policy, rubric);
    expect(problems.some((p) => problem.test(p))).toBe(true);
  });
});
