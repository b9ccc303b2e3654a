/**
 * The words for what a deletion took with it, one rule for every view:
 * "Passage deleted with 1 claim and 1 link". Pure; tested in Node.
 */
import type { LayerRemoval } from './layer-actions.ts';
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

/**
 * "Removed Ana’s map: 12 claims, 30 passages, 8 links (and 2 of your links; 1 of your claims
 * lost evidence)": what removing a layer took, its own records and the reader's.
 */
export function layerRemovalMessage(r: LayerRemoval): string {
  const { annotations, claims, links, events, sources } = r.removed;
  const parts = [plural(claims, 'claim'), plural(annotations, 'passage'), plural(links, 'link'), ...(events ? [plural(events, 'event')] : []), ...(sources ? [plural(sources, 'source')] : [])];
  const yours = [
    ...(r.yoursRemoved.links ? [`${r.yoursRemoved.links} of your links`] : []),
    ...(r.yoursUpdated.claims ? [`${r.yoursUpdated.claims} of your claims lost evidence`] : []),
  ];
  return `Removed ${r.layer.name}’s map: ${parts.join(', ')}${yours.length ? ` (and ${yours.join('; ')})` : ''}`;
}
