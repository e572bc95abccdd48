// The separate worker's own health endpoint (`npm run start:worker` with WORKER_HEALTH_PORT):
// a bare HTTP listener, since the worker has no web server, answering
//   GET /health/live    200 while the process runs
//   GET /health/ready   200 when the database and the queue answer and the recompute worker
//                       takes jobs; 503 with the failing part otherwise
// in the shape of the API's /health/ready. `scorecard health --worker` asks it (compose).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { Inject, Injectable, Logger, ServiceUnavailableException, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { RecomputeWorker } from '../recompute/recompute.worker.js';
import { QueueHealthIndicator } from './queue.health.js';

@Injectable()
export class WorkerHealthServer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('WorkerHealth');
  private server: Server | null = null;

  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly queue: QueueHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    private readonly worker: RecomputeWorker,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const server = createServer((request, response) => void this.answer(request, response));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.config.worker.healthPort, this.config.host, () => resolve());
    });
    this.server = server;
    const address = server.address();
    this.logger.log(`health on http://${this.config.host}:${typeof address === 'object' && address ? address.port : this.config.worker.healthPort}/health/ready`);
  }

  /** Stops answering first: an orchestrator sees the worker go while its jobs finish. */
  async beforeApplicationShutdown(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = (request.url ?? '').split('?')[0];
    const [status, body] =
      request.method !== 'GET' ? [405, { status: 'error', message: 'GET only' }] :
      path === '/health/live' ? [200, { status: 'ok' }] :
      path === '/health/ready' ? await this.ready() :
      [404, { status: 'error', message: 'GET /health/live or /health/ready' }];
    response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
  }

  private async ready(): Promise<[number, unknown]> {
    try {
      return [
        200,
        await this.health.check([
          () => this.database.pingCheck('database', { timeout: 2000 }),
          () => this.queue.isHealthy('queue'),
          () => this.workerRunning('worker'),
        ]),
      ];
    } catch (error) {
      if (error instanceof ServiceUnavailableException) return [503, error.getResponse()];
      return [503, { status: 'error', message: error instanceof Error ? error.message : String(error) }];
    }
  }

  private workerRunning(key: string) {
    const indicator = this.indicators.check(key);
    return this.worker.isRunning() ? indicator.up({ concurrency: this.config.worker.concurrency }) : indicator.down({ message: 'the recompute worker is not taking jobs' });
  }
}
