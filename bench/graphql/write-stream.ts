// The second load of the "under writes" scenarios: roster pushes (REST PUT …/personnel with
// the bench's key) at a fixed rate to stations the readers do not ask for, each followed by
// the station's recompute, run in this process with StationScoringService as the bench's
// load does (the worker is off in the bench's API), so that scores, rankings and summaries
// change under the readers. At most a few pushes are in flight; a tick that finds them all
// busy is counted as skipped, so the achieved rate is reported, not assumed.

const MAX_IN_FLIGHT = 8;

export interface WriteStreamStats {
  pushed: number;
  failed: number;
  skipped: number;
  /** The first failure, if any. */
  firstError: string | null;
  seconds: number;
  /** Push (HTTP) and recompute milliseconds, p50 and p95. */
  pushMs: { p50: number; p95: number };
  scoreMs: { p50: number; p95: number };
}

export interface WriteStream {
  stop(): Promise<WriteStreamStats>;
}

/** One person of a pushed roster (the county API's shape, docs/county-api.md). */
function person(i: number): Record<string, unknown> {
  return {
    externalId: `W${String(i).padStart(4, '0')}`,
    name: ['张伟', '王芳', '李娜', '刘洋'][i % 4],
    position: i === 0 ? 'DIRECTOR' : 'STAFF',
    birthMonth: '1985-07',
    education: i % 2 === 0 ? 'BACHELOR' : 'ASSOCIATE',
    major: '法学',
    majorCategory: 'LAW',
    staffingType: i % 5 === 4 ? 'AUXILIARY' : 'ADMINISTRATIVE',
    enforcementCertNo: `1301022019${String(i).padStart(4, '0')}`,
    specialEquipmentCert: null,
    hiredOn: '2012-08-01',
    secondedMonths: 0,
    trainings: [{ year: 2025, offlineDays: 12, offlineHours: 0, onlineHours: 36.5, provincialTrainings: 1 }],
    lastHealthCheckOn: '2025-11-15',
    informationAdministrator: i === 1,
    disciplinaryRecords: [],
  };
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] * 10) / 10;
}

/** Starts pushing `perSecond` rosters a second to `codes` in turn; `score` recomputes a station. */
export function startWriteStream(baseUrl: string, apiKey: string, codes: readonly string[], perSecond: number, score: (code: string) => Promise<void>): WriteStream {
  const started = performance.now();
  const pushMs: number[] = [];
  const scoreMs: number[] = [];
  const counts = { pushed: 0, failed: 0, skipped: 0 };
  let firstError: string | null = null;
  const inFlight = new Set<Promise<void>>();
  // A random start and roster size, so that a run on a database of an earlier one (--reuse)
  // does not push the rosters that run already pushed (an unchanged roster changes nothing).
  let turn = Math.floor(Math.random() * codes.length);
  const salt = Math.floor(Math.random() * 6);
  const push = async (code: string, size: number): Promise<void> => {
    const t0 = performance.now();
    const res = await fetch(`${baseUrl}/api/v1/stations/${code}/personnel`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
      body: JSON.stringify({ items: Array.from({ length: size }, (_, i) => person(i)) }),
    });
    const text = await res.text();
    if (res.status !== 200) throw new Error(`push ${code}: ${res.status} ${text.slice(0, 300)}`);
    const t1 = performance.now();
    await score(code);
    pushMs.push(t1 - t0);
    scoreMs.push(performance.now() - t1);
    counts.pushed++;
  };
  const timer = setInterval(() => {
    if (inFlight.size >= MAX_IN_FLIGHT) {
      counts.skipped++;
      return;
    }
    const n = turn++;
    // Another roster size each time the station comes round again, so the score moves.
    const job = push(codes[n % codes.length], 2 + ((Math.floor(n / codes.length) + salt) % 6))
      .catch((error: unknown) => {
        counts.failed++;
        firstError ??= error instanceof Error ? error.message : String(error);
      })
      .finally(() => inFlight.delete(job));
    inFlight.add(job);
  }, 1000 / perSecond);
  return {
    async stop() {
      clearInterval(timer);
      await Promise.all(inFlight);
      return {
        ...counts,
        firstError,
        seconds: (performance.now() - started) / 1000,
        pushMs: { p50: percentile(pushMs, 50), p95: percentile(pushMs, 95) },
        scoreMs: { p50: percentile(scoreMs, 50), p95: percentile(scoreMs, 95) },
      };
    },
  };
}
