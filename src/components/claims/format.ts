/**
 * Words for the claims view: readable date ranges for events and the
 * direction of a link seen from one of its claims. Pure functions.
 */
import type { Link, LinkRelation } from '../../store/index.ts';

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
  const monthA = MONTHS[a.m - 1]!;
  if (a.d === undefined) return a.y === b.y ? `${monthA}–${formatDate(end)}` : `${formatDate(start)} – ${formatDate(end)}`;
  if (a.y !== b.y) return `${formatDate(start)} – ${formatDate(end)}`;
  if (a.m === b.m) return `${a.d}–${formatDate(end)}`;
  return `${a.d} ${monthA} – ${formatDate(end)}`;
}

const PASSIVE: Record<LinkRelation, string> = {
  supports: 'supported by',
  contradicts: 'contradicted by',
  qualifies: 'qualified by',
};

/** A link seen from one claim: the words before the other claim and which claim that is. */
export interface LinkSide {
  /** `supports →` when the link goes out of the claim, `← supported by` when it comes in. */
  words: string;
  /** Id of the claim at the other end. */
  other: string;
  /** True when the claim is the link's `from`. */
  outgoing: boolean;
}

/** How `link` reads from `claimId`'s side. */
export function linkSide(link: Link, claimId: string): LinkSide {
  const outgoing = link.from === claimId;
  return outgoing
    ? { words: `${link.relation} →`, other: link.to, outgoing }
    : { words: `← ${PASSIVE[link.relation]}`, other: link.from, outgoing };
}

/** What choosing each relation means, said from the claim being linked. */
export const RELATION_MEANING: Record<LinkRelation, string> = {
  supports: 'This claim supports the other',
  contradicts: 'This claim and the other contradict each other (both ways)',
  qualifies: 'This claim qualifies the other',
};

/** `1 link`, `2 links`. */
export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
