/**
 * The claims graph as views read it: claims, the links between them and where each claim's
 * evidence lies, source by source. The start of the map layer; pure (no DOM, no store instance,
 * only a few of its queries), so it runs in Node and a claims map or an export may reuse it.
 */
import type { Claim, EvidenceItem, Link } from '../store/index.ts';
import { linkDirection, type LinkDirection } from './words.ts';

/** The store queries the graph reads (`CrossreadStore` has them all). */
export interface GraphData {
  claimsOf(source: string): readonly Claim[];
  evidenceOf(claimId: string): EvidenceItem[];
  linksOf(claimId: string): readonly Link[];
  getClaim(id: string): Claim | undefined;
}

/** Evidence of one claim in one source: the source and its annotation ids, in the claim's order. */
export interface EvidenceSource {
  source: string;
  annotations: string[];
}

/** One link seen from one of its claims. */
export interface LinkView {
  link: Link;
  /** The claim at the other end. */
  other: Claim;
  /** `out`: this claim → other; `in`: other → this claim; `mutual` for a symmetric relation. */
  direction: LinkDirection;
  /** Where the other claim's evidence lies, sources in order of first evidence. */
  evidence: EvidenceSource[];
}

/** A claim's evidence grouped by source, sources in order of first evidence. */
export function evidenceSources(data: GraphData, claimId: string): EvidenceSource[] {
  const bySource = new Map<string, string[]>();
  for (const { annotation } of data.evidenceOf(claimId)) {
    const list = bySource.get(annotation.target.source);
    if (list) list.push(annotation.id);
    else bySource.set(annotation.target.source, [annotation.id]);
  }
  return [...bySource].map(([source, annotations]) => ({ source, annotations }));
}

/**
 * The sources a claim is made in: those with a passage that asserts or mentions it. A passage
 * that argues against a claim is evidence in its source, but does not make the claim that
 * source's own.
 */
export function homeSources(data: GraphData, claimId: string): Set<string> {
  return new Set(data.evidenceOf(claimId).filter((e) => e.stance !== 'argues-against').map((e) => e.annotation.target.source));
}

/** A claim's links as seen from it, oldest first; links to a missing claim are skipped. */
export function linkViews(data: GraphData, claimId: string): LinkView[] {
  return data.linksOf(claimId).flatMap((link) => {
    const otherId = link.from === claimId ? link.to : link.from;
    const other = data.getClaim(otherId);
    if (!other) return [];
    return [{ link, other, direction: linkDirection(link, claimId), evidence: evidenceSources(data, otherId) }];
  });
}

/** A link joining a claim with evidence in the left source to one with evidence in the right. */
export interface CrossLink {
  link: Link;
  /** The end with evidence in the left source. */
  left: Claim;
  /** The end with evidence in the right source. */
  right: Claim;
  /** How the link reads from the left end. */
  direction: LinkDirection;
}

/**
 * Every link between `left` and `right`, oldest first, each once. A link is between them when
 * one end has evidence in `left` and the other in `right`, and the two ends are not claims made
 * in one same source ({@link homeSources}): two claims of one source, linked, stay that
 * source's own reasoning even when one of them also has a passage in the other source. The end
 * made in the left source stands on the left; failing that, the end with evidence there.
 */
export function crossLinks(data: GraphData, left: string, right: string): CrossLink[] {
  const seen = new Set<string>();
  const homes = new Map<string, Set<string>>();
  const homeOf = (id: string) => {
    let h = homes.get(id);
    if (!h) homes.set(id, (h = homeSources(data, id)));
    return h;
  };
  const out: CrossLink[] = [];
  for (const claim of data.claimsOf(left)) {
    for (const view of linkViews(data, claim.id)) {
      if (seen.has(view.link.id) || !view.evidence.some((e) => e.source === right)) continue;
      seen.add(view.link.id);
      const [here, there] = [homeOf(claim.id), homeOf(view.other.id)];
      if ([...here].some((s) => there.has(s))) continue;
      // Both ends have evidence on both sides: the one made in the left source goes left.
      const swap = !here.has(left) && there.has(left) && evidenceSources(data, claim.id).some((e) => e.source === right);
      out.push(swap
        ? { link: view.link, left: view.other, right: claim, direction: linkDirection(view.link, view.other.id) }
        : { link: view.link, left: claim, right: view.other, direction: view.direction });
    }
  }
  return out.sort((a, b) => (a.link.created < b.link.created ? -1 : a.link.created > b.link.created ? 1 : 0));
}
