/**
 * ISO 8601 calendar dates of year, month or day precision (`2020`,
 * `2022-01`, `2022-01-04`): how an event's start and end record what is
 * known, no more. A partial date stands for its whole period, so
 * `start: '2020', end: '2020'` is "in 2020". Pure; tested in Node.
 */

/** How precise a partial date is; its length says it. */
export type DatePrecision = 'year' | 'month' | 'day';

/** Shape of a partial date; {@link isPartialDate} also checks the day exists. */
export const PARTIAL_DATE_PATTERN = /^(\d{4})(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$/;

function daysIn(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** True for `YYYY`, `YYYY-MM` and real days `YYYY-MM-DD` (no 2021-02-29). */
export function isPartialDate(value: string): boolean {
  const m = PARTIAL_DATE_PATTERN.exec(value);
  if (!m) return false;
  return m[3] === undefined || Number(m[3]) <= daysIn(Number(m[1]), Number(m[2]));
}

/** `year`, `month` or `day`. */
export function precisionOf(date: string): DatePrecision {
  return date.length === 4 ? 'year' : date.length === 7 ? 'month' : 'day';
}

/** First day of the period, `YYYY-MM-DD`. */
export function periodStart(date: string): string {
  return date.length === 4 ? `${date}-01-01` : date.length === 7 ? `${date}-01` : date;
}

/** Last day of the period, `YYYY-MM-DD`. */
export function periodEnd(date: string): string {
  if (date.length === 10) return date;
  if (date.length === 4) return `${date}-12-31`;
  const day = daysIn(Number(date.slice(0, 4)), Number(date.slice(5, 7)));
  return `${date}-${String(day).padStart(2, '0')}`;
}

/**
 * True when a range from `start` to `end` is possible: the end period does not
 * finish before the start period begins (`2020-05` to `2020` is fine).
 */
export function isOrderedRange(start: string, end: string | undefined): boolean {
  return end === undefined || periodEnd(end) >= periodStart(start);
}

/** Order of a timeline: earlier start first, then earlier end (open ends last), then the less precise. */
export function compareRanges(a: { start: string; end?: string }, b: { start: string; end?: string }): number {
  const byStart = periodStart(a.start).localeCompare(periodStart(b.start));
  if (byStart !== 0) return byStart;
  const endA = a.end === undefined ? '\uffff' : periodEnd(a.end);
  const endB = b.end === undefined ? '\uffff' : periodEnd(b.end);
  return endA.localeCompare(endB) || a.start.length - b.start.length;
}
