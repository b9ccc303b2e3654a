/**
 * The store's queries as views show them: records of hidden layers left out (ADR 0013), so the
 * pure models that read queries (`graph.ts`, `topic.ts`, the compare margins) hide a layer the
 * same way the lists do, through the store's one test (`isShown`). Pure over what it is given.
 */
import type { Annotation, Claim, EvidenceItem, Link } from '../store/index.ts';
import type { TopicData } from './topic.ts';

/** What {@link shownData} wraps: the queries, and the store's test of a record. */
export interface ShowableData extends TopicData {
  isShown(record: { readonly layer: string }): boolean;
}

/**
 * `data` without hidden layers' records: claims, passages and links of a hidden layer are not
 * listed, and a link shows only when both its claims do. A shown claim keeps all its evidence
 * (a passage of a hidden map it cites is part of it); `getClaim` still finds every claim.
 */
export function shownData(data: ShowableData): TopicData {
  const shown = <R extends { readonly layer: string }>(rs: readonly R[]): readonly R[] => {
    const out = rs.filter((r) => data.isShown(r));
    return out.length === rs.length ? rs : out;
  };
  const claimShown = (id: string) => {
    const c = data.getClaim(id);
    return !!c && data.isShown(c);
  };
  return {
    getClaim: (id: string): Claim | undefined => data.getClaim(id),
    evidenceOf: (claimId: string): EvidenceItem[] => data.evidenceOf(claimId),
    claimsOf: (source: string): readonly Claim[] => shown(data.claimsOf(source)),
    linksOf: (claimId: string): readonly Link[] => shown(data.linksOf(claimId)).filter((l) => claimShown(l.from) && claimShown(l.to)),
    annotationsOf: (source: string): readonly Annotation[] => shown(data.annotationsOf(source)),
    annotationsOfEvent: (id: string): readonly Annotation[] => shown(data.annotationsOfEvent(id)),
    annotationsTagged: (tag: string): readonly Annotation[] => shown(data.annotationsTagged(tag)),
    claimsOfEvent: (id: string): readonly Claim[] => shown(data.claimsOfEvent(id)),
    claimsTagged: (tag: string): readonly Claim[] => shown(data.claimsTagged(tag)),
    claimsCitingAnnotation: (id: string): readonly Claim[] => shown(data.claimsCitingAnnotation(id)),
  };
}
