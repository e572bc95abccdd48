import type { Logger } from '@nestjs/common';

/** A warning that repeats itself: logged at once, then at most once per interval with a count. */
export class ThrottledWarning {
  private lastAt = 0;
  private suppressed = 0;

  constructor(
    private readonly logger: Logger,
    private readonly what: string,
    private readonly intervalMs: number,
  ) {}

  report(message: string): void {
    const now = Date.now();
    if (now - this.lastAt < this.intervalMs) {
      this.suppressed++;
      return;
    }
    this.logger.warn(`${this.what}: ${message}${this.suppressed > 0 ? ` (and ${this.suppressed} more since the last report)` : ''}`);
    this.lastAt = now;
    this.suppressed = 0;
  }
}
