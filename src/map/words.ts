/**
 * How the claims map is said in words: each relation read from either of its claims, whether
 * it has a direction at all, what choosing it means, and counts of things. The one place that
 * says "supports / contradicts / qualifies"; views add icons and colours (components/shared/
 * relations.ts) but take their words from here. Pure.
 */
import type { Link, LinkRelation, Stance } from '../store/index.ts';
import { clip } from '../corpus/clip.ts';

/** A relation in words: active ("supports") and passive ("supported by") voice. */
export interface RelationWords {
  active: string;
  passive: string;
  /** True when the relation reads the same from both ends (no arrow, no passive voice). */
  symmetric: boolean;
}

/** How a passage stands toward a claim, in words; the badges (components/shared/relations.ts) take their labels from here. */
export const STANCE_WORDS: Readonly<Record<Stance, string>> = {
  asserts: 'asserts',
  'argues-against': 'argues against',
  mentions: 'mentions',
};

/** Every relation in words. `contradicts` is symmetric: A contradicts B is B contradicts A. */
export const RELATION_WORDS: Readonly<Record<LinkRelation, RelationWords>> = {
  supports: { active: 'supports', passive: 'supported by', symmetric: false },
  contradicts: { active: 'contradicts', passive: 'contradicts', symmetric: true },
  qualifies: { active: 'qualifies', passive: 'qualified by', symmetric: false },
};

/** True when a relation has no direction (`contradicts`). */
export function isSymmetric(relation: LinkRelation): boolean {
  return RELATION_WORDS[relation].symmetric;
}

/** How a link runs seen from one of its claims: `out` of it, `in` to it, or `mutual` (symmetric). */
export type LinkDirection = 'out' | 'in' | 'mutual';

/** The direction of `link` seen from `claimId`. */
export function linkDirection(link: Pick<Link, 'relation' | 'from'>, claimId: string): LinkDirection {
  if (isSymmetric(link.relation)) return 'mutual';
  return link.from === claimId ? 'out' : 'in';
}

/** How a link reads as a verb from the claim it is seen from: "supports", "is supported by", "contradicts". */
export function relationPhrase(view: { link: Pick<Link, 'relation'>; direction: LinkDirection }): string {
  const words = RELATION_WORDS[view.link.relation];
  return view.direction === 'in' ? `is ${words.passive}` : words.active;
}

/** A link seen from one claim: the words before the other claim and which claim that is. */
export interface LinkSide {
  /** `supports →` out of the claim, `← supported by` into it, `contradicts` either way. */
  words: string;
  /** Id of the claim at the other end. */
  other: string;
  /** True when the claim is the link's `from`. */
  outgoing: boolean;
}

/** How `link` reads from `claimId`'s side. */
export function linkSide(link: Link, claimId: string): LinkSide {
  const outgoing = link.from === claimId;
  const other = outgoing ? link.to : link.from;
  const words = RELATION_WORDS[link.relation];
  const direction = linkDirection(link, claimId);
  const said = direction === 'mutual' ? words.active : direction === 'out' ? `${words.active} →` : `← ${words.passive}`;
  return { words: said, other, outgoing };
}

/** What choosing `relation` means, said of the claim linked (`from`) and the other (`to`). */
export function relationMeaning(relation: LinkRelation, from = 'This claim', to = 'the other'): string {
  const words = RELATION_WORDS[relation];
  return words.symmetric ? `${from} and ${to} ${words.active.replace(/s$/, '')} each other (both ways)` : `${from} ${words.active} ${to}`;
}

/** What choosing each relation means, said from the claim being linked. */
export const RELATION_MEANING: Readonly<Record<LinkRelation, string>> = {
  supports: relationMeaning('supports'),
  contradicts: relationMeaning('contradicts'),
  qualifies: relationMeaning('qualifies'),
};

/** `1 link`, `2 links`: a count with its noun (regular plurals only). */
export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** A claim as a toast names it, quoted and cut at a word ("Claim saved: “…”"): toasts stack, so
 * each says whose Undo it is. Two in one toast take `max` 40 each. */
export function claimName(statement: string, max = 48): string {
  return `“${clip(statement, max)}”`;
}
