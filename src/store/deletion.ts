/**
 * The words for what a deletion took with it, one rule for every view:
 * "Passage deleted with 1 claim and 1 link". Pure; tested in Node.
 */
import type { DeleteResult } from './store.ts';

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/**
 * `what` is the subject as the reader knows it ("Passage", "Claim", "Event “Almaty”").
 * Counts the claims and links deleted in the same step; records merely updated
 * (a claim that lost one of several passages) are not deletions and not named.
 */
export function deletionMessage(what: string, result: Pick<DeleteResult<unknown>, 'alsoRemoved'>): string {
  const also = [
    ...(result.alsoRemoved.claims.length ? [plural(result.alsoRemoved.claims.length, 'claim')] : []),
    ...(result.alsoRemoved.links.length ? [plural(result.alsoRemoved.links.length, 'link')] : []),
  ];
  return also.length ? `${what} deleted with ${also.join(' and ')}` : `${what} deleted`;
}
