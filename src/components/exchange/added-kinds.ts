import { SHARED_COLLECTIONS, type StoreDiff } from '../../store/index.ts';

// The reader's words for the kinds of record a file brings (an annotation is a passage here).
const NOUN: Record<(typeof SHARED_COLLECTIONS)[number], string> = { claims: 'claim', links: 'link', events: 'event', annotations: 'passage', sources: 'source' };
const ORDER = ['claims', 'links', 'events', 'annotations', 'sources'] as const;

/** What an import adds, kind by kind: "5 claims, 1 link, 1 event and 9 passages"; '' for nothing. */
export function addedKinds(diff: StoreDiff): string {
  const parts = ORDER.flatMap((c) => {
    const n = Object.keys(diff[c]?.added ?? {}).length;
    return n ? [`${n} ${NOUN[c]}${n === 1 ? '' : 's'}`] : [];
  });
  return parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)!}` : (parts[0] ?? '');
}
