// CPU and memory accounting from /proc (Linux): a process, the machine, PostgreSQL backends.
import { readdirSync, readFileSync } from 'node:fs';

/** CPU seconds the whole machine spent busy and in total (all cores). */
export function machineSeconds(): { busy: number; total: number } {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const idle = fields[3] + (fields[4] ?? 0);
  const total = fields.slice(0, 8).reduce((a, b) => a + b, 0);
  return { busy: (total - idle) / 100, total: total / 100 };
}

/** CPU seconds (user + system) a process has used. */
export function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** Resident set now (VmRSS) and its peak so far (VmHWM) of a process (default: this one), in MB. */
export function memoryOf(pid: number | 'self' = 'self'): { rssMb: number; peakMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
}

/**
 * CPU seconds (user + system) of each PostgreSQL process, by pid: the backends serving
 * `database`, or every one (server and backends) without it.
 */
export function postgresSeconds(database?: string): Map<number, number> {
  const out = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (!stat.includes('(postgres)')) continue;
      // A backend's title names its database: "postgres: 15/main: postgres <db> [local] idle".
      if (database !== undefined && !readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(` ${database} `)) continue;
      const fields = stat.split(') ')[1].split(' ');
      out.set(Number(entry), (Number(fields[11]) + Number(fields[12])) / 100);
    } catch {
      // the process ended meanwhile
    }
  }
  return out;
}

/**
 * CPU seconds the backends used between two readings. A backend that exited in between
 * (the pool closes idle connections) is not counted after its last reading: a lower bound.
 */
export function postgresSecondsBetween(before: Map<number, number>, after: Map<number, number>): number {
  let sum = 0;
  for (const [pid, seconds] of after) sum += seconds - (before.get(pid) ?? 0);
  return sum;
}
