// Runs one autocannon scenario in its own process (so the load generator does not share the
// API's event loop) and sends the result back to the parent over IPC.
import autocannon from 'autocannon';
import { PROVINCE_RANKING, PROVINCE_SUMMARY, STATION_DETAIL, STATION_HEADLINE } from './queries.js';

export type ScenarioName = 'detail' | 'headline' | 'ranking' | 'summary' | 'mixed' | 'typename';

export interface ScenarioRequest {
  url: string;
  apiKey: string;
  provinceCode: string;
  stationCodes: string[];
  scenario: ScenarioName;
  connections: number;
  duration: number;
}

export interface ScenarioResult {
  scenario: ScenarioName;
  connections: number;
  duration: number;
  requests: number;
  rps: number;
  latency: { p50: number; p90: number; p99: number; max: number; mean: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  /** 200 answers whose body carried GraphQL errors. */
  graphqlErrors: number;
  bytesPerSecond: number;
  /** CPU milliseconds the load generator itself used. */
  clientCpuMs: number;
}

function body(scenario: Exclude<ScenarioName, 'mixed'>, request: ScenarioRequest): string {
  // The floor: what the server answers when there is nothing to read.
  if (scenario === 'typename') return JSON.stringify({ query: '{ __typename }' });
  if (scenario === 'detail' || scenario === 'headline') {
    const code = request.stationCodes[Math.floor(Math.random() * request.stationCodes.length)];
    return JSON.stringify({ query: scenario === 'detail' ? STATION_DETAIL : STATION_HEADLINE, variables: { code } });
  }
  return JSON.stringify({ query: scenario === 'ranking' ? PROVINCE_RANKING : PROVINCE_SUMMARY, variables: { region: request.provinceCode } });
}

async function run(request: ScenarioRequest): Promise<ScenarioResult> {
  let graphqlErrors = 0;
  let turn = 0;
  const cpu0 = process.cpuUsage();
  const kinds = ['detail', 'ranking', 'summary'] as const;
  const result = await autocannon({
    url: request.url,
    connections: request.connections,
    duration: request.duration,
    timeout: 30,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${request.apiKey}` },
        // A new body per request: a random station for the detail, the three in turn for mixed.
        setupRequest: (req) => ({ ...req, body: body(request.scenario === 'mixed' ? kinds[turn++ % 3] : request.scenario, request) }),
        onResponse: (_status, text) => {
          if (text.includes('"errors"')) graphqlErrors++;
        },
      },
    ],
  });
  return {
    scenario: request.scenario,
    connections: request.connections,
    duration: request.duration,
    requests: result.requests.total,
    rps: result.requests.average,
    latency: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max, mean: result.latency.mean },
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    graphqlErrors,
    bytesPerSecond: result.throughput.average,
    clientCpuMs: (process.cpuUsage(cpu0).user + process.cpuUsage(cpu0).system) / 1000,
  };
}

process.once('message', (message) => {
  run(message as ScenarioRequest).then(
    (result) => process.send!(result, () => process.exit(0)),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
});
