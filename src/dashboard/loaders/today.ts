// Today's civil date in the configured time zone, as todayIn() computes it, without building
// an Intl.DateTimeFormat on every request (that costs more than the rest of a small query).
const FORMATS = new Map<string, Intl.DateTimeFormat>();

export function today(timeZone: string, now: Date = new Date()): string {
  let format = FORMATS.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    FORMATS.set(timeZone, format);
  }
  return format.format(now);
}
