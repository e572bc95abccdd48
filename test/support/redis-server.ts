// A redis-server of a test's own (never the shared one), to kill and start again on the
// same port: an outage and a return of the queue, with nothing kept across the restart.
import { spawn, type ChildProcess } from 'node:child_process';
import { canConnect, freePort } from './ports.js';

export interface OwnRedis {
  url: string;
  port: number;
  /** SIGKILL: the queue is gone at once, as in a crash. */
  kill(): Promise<void>;
  /** Starts it again on the same port (empty) and resolves once it accepts connections. */
  start(): Promise<void>;
}

export async function startOwnRedis(): Promise<OwnRedis> {
  const port = await freePort();
  let child: ChildProcess | null = null;
  const redis: OwnRedis = {
    url: `redis://127.0.0.1:${port}`,
    port,
    kill: async () => {
      const running = child;
      child = null;
      if (!running || running.exitCode !== null) return;
      const exited = new Promise((resolve) => running.once('exit', resolve));
      running.kill('SIGKILL');
      await exited;
    },
    start: async () => {
      child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
      for (let i = 0; i < 200; i++) {
        if (await canConnect(port)) return;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      throw new Error(`redis-server on port ${port} did not start`);
    },
  };
  await redis.start();
  return redis;
}
