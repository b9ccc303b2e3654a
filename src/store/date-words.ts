/**
 * Partial dates (`partial-date.ts`) in words, for events: `4 January 2022`, and ranges with
 * the shared parts said once, `4–6 January 2022`. Pure; English month names.
 */

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

interface Parts {
  y: string;
  m?: number;
  d?: number;
}

function parts(date: string): Parts {
  const [y = date, m, d] = date.split('-');
  return { y, m: m ? Number(m) : undefined, d: d ? Number(d) : undefined };
}

/** A partial ISO date in words: `2020`, `March 2005`, `4 January 2022`. */
export function formatDate(date: string): string {
  const { y, m, d } = parts(date);
  if (m === undefined) return y;
  const month = MONTHS[m - 1] ?? String(m);
  return d === undefined ? `${month} ${y}` : `${d} ${month} ${y}`;
}

/**
 * An event's range in words, shared parts said once: `4–6 January 2022`,
 * `28 January – 3 February 2022`, `January–March 2022`, `2019–2020`, and
 * `2020` for `2020`…`2020`. Precisions that differ are written out in full.
 */
export function formatRange(start: string, end?: string): string {
  if (end === undefined || end === start) return formatDate(start);
  const a = parts(start);
  const b = parts(end);
  if (start.length !== end.length) return `${formatDate(start)} – ${formatDate(end)}`;
  if (a.m === undefined) return `${a.y}–${b.y}`;
  const monthA = MONTHS[a.m - 1] ?? String(a.m);
  if (a.d === undefined) return a.y === b.y ? `${monthA}–${formatDate(end)}` : `${formatDate(start)} – ${formatDate(end)}`;
  if (a.y !== b.y) return `${formatDate(start)} – ${formatDate(end)}`;
  if (a.m === b.m) return `${a.d}–${formatDate(end)}`;
  return `${a.d} ${monthA} – ${formatDate(end)}`;
}
