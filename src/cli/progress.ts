// A progress bar on a terminal; plain lines (at every tenth, at most every 5 s) otherwise,
// so that logs of CI or cron stay readable.
import type { Writable } from 'node:stream';

export interface Progress {
  done: number;
  total: number;
  detail: string;
  elapsedMs: number;
}

const WIDTH = 30;

export class ProgressReporter {
  private lastTenth = -1;
  private lastLineAt = 0;

  constructor(private readonly out: Writable & { isTTY?: boolean }) {}

  update(p: Progress): void {
    const fraction = p.total > 0 ? Math.min(1, p.done / p.total) : 0;
    if (this.out.isTTY) {
      const filled = Math.round(fraction * WIDTH);
      this.out.write(`\r[${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${(fraction * 100).toFixed(0).padStart(3)}% ${p.done}/${p.total} ${p.detail} ${(p.elapsedMs / 1000).toFixed(1)} s`);
      return;
    }
    const tenth = Math.floor(fraction * 10);
    if (p.total > 0 && (tenth > this.lastTenth || p.elapsedMs - this.lastLineAt >= 5000)) {
      this.lastTenth = tenth;
      this.lastLineAt = p.elapsedMs;
      this.out.write(`${(fraction * 100).toFixed(0)}% ${p.done}/${p.total} ${p.detail} ${(p.elapsedMs / 1000).toFixed(1)} s\n`);
    }
  }

  finish(message: string): void {
    this.out.write(`${this.out.isTTY ? '\n' : ''}${message}\n`);
  }
}
