/**
 * Claim, evidence and link actions, and the annotation deletion that
 * cascades into claims. Each changes a {@link ChangeSet}; the store turns it
 * into one diff, validates it and commits it as one undoable step.
 * Pure; tested in Node through the store.
 */
import { buildContext, byCreated, invalid, need, type ActionContext } from './actions.ts';
import type { ChangeSet } from './changeset.ts';
import {
  buildClaim,
  buildLink,
  changeClaim,
  changeLink,
  claimRecord,
  linkKey,
  uniqueIds,
  type Claim,
  type ClaimChange,
  type ClaimDraft,
  type Evidence,
  type Link,
  type LinkChange,
  type LinkDraft,
  type Stance,
} from './claim-records.ts';
import { dropPositions } from './map-positions.ts';
import { modifiedAt, normalizeTags, onlyTouched } from './record-base.ts';
import type { Annotation, Collections } from './records.ts';

/** What happens to claims whose last evidence is deleted with its annotation. */
export type OrphanedClaims = 'keep' | 'delete';

/** Every link of a claim, in either direction, oldest first. */
export function linksTouching(cs: ChangeSet, claimId: string): Link[] {
  return byCreated([...cs.values('links')].filter((l) => l.from === claimId || l.to === claimId));
}

/** Puts `to` unless it differs from `from` only in `modified` (the created/modified rule,
 * `record-base.ts`); returns what is in the view. */
export function put<C extends 'annotations' | 'claims' | 'links' | 'events'>(cs: ChangeSet, c: C, from: Collections[C], to: Collections[C]): Collections[C] {
  if (onlyTouched<Collections[C]>(from, to)) return from;
  cs.put(c, to);
  return to;
}

function withEvidence(claim: Claim, evidence: Evidence[], now: string): Claim {
  return claimRecord({ ...claim, evidence, modified: modifiedAt(claim, now) });
}

/** Creates a claim with its first evidence. */
export function createClaim(cs: ChangeSet, draft: ClaimDraft, ctx: ActionContext): Claim {
  need(cs, 'annotations', draft.evidence.annotation);
  for (const id of draft.events ?? []) need(cs, 'events', id);
  const claim = buildClaim(draft, buildContext(ctx));
  cs.put('claims', claim);
  return claim;
}

/** Changes statement, note, tags or events. */
export function updateClaim(cs: ChangeSet, id: string, change: ClaimChange, ctx: ActionContext): Claim {
  for (const e of change.events ?? []) need(cs, 'events', e);
  const from = need(cs, 'claims', id);
  return put(cs, 'claims', from, changeClaim(from, change, ctx.now));
}

/** Adds a passage as evidence, or changes its stance if it is evidence already. */
export function addEvidence(cs: ChangeSet, claimId: string, evidence: Evidence, ctx: ActionContext): Claim {
  const claim = need(cs, 'claims', claimId);
  need(cs, 'annotations', evidence.annotation);
  const i = claim.evidence.findIndex((e) => e.annotation === evidence.annotation);
  const next = i < 0 ? [...claim.evidence, evidence] : claim.evidence.map((e, j) => (j === i ? evidence : e));
  return put(cs, 'claims', claim, withEvidence(claim, next, ctx.now));
}

/** Changes the stance of existing evidence. */
export function setStance(cs: ChangeSet, claimId: string, annotationId: string, stance: Stance, ctx: ActionContext): Claim {
  const claim = need(cs, 'claims', claimId);
  if (!claim.evidence.some((e) => e.annotation === annotationId)) throw invalid(`That passage is not evidence of claim ${claimId}.`);
  return addEvidence(cs, claimId, { annotation: annotationId, stance }, ctx);
}

/** Removes a passage from a claim's evidence; the claim stays even without evidence. */
export function removeEvidence(cs: ChangeSet, claimId: string, annotationId: string, ctx: ActionContext): Claim {
  const claim = need(cs, 'claims', claimId);
  const next = claim.evidence.filter((e) => e.annotation !== annotationId);
  if (next.length === claim.evidence.length) return claim;
  const updated = withEvidence(claim, next, ctx.now);
  cs.put('claims', updated);
  return updated;
}

/** Deletes claims and every link to or from them; unknown ids are skipped. */
export function deleteClaims(cs: ChangeSet, ids: readonly string[]): Claim[] {
  const removed: Claim[] = [];
  for (const id of uniqueIds(ids)) {
    const claim = cs.get('claims', id);
    if (!claim) continue;
    for (const link of linksTouching(cs, id)) cs.remove('links', link.id);
    cs.remove('claims', id);
    dropPositions(cs, [id]);
    removed.push(claim);
  }
  return removed;
}

/**
 * Merges `drop` into `keep`: evidence united (an annotation cited by both
 * keeps the keeper's stance), tags and events united, notes joined, links of
 * `drop` re-pointed to `keep`; links that become self-links or duplicates of
 * an existing link are deleted. `drop` is deleted.
 */
export function mergeClaims(cs: ChangeSet, keepId: string, dropId: string, ctx: ActionContext): Claim {
  if (keepId === dropId) throw invalid('A claim cannot be merged into itself.');
  const keep = need(cs, 'claims', keepId);
  const drop = need(cs, 'claims', dropId);
  const cited = new Set(keep.evidence.map((e) => e.annotation));
  const notes = uniqueIds([keep.note, drop.note].filter((n): n is string => n !== undefined));
  const merged = claimRecord({
    ...keep,
    note: notes.length ? notes.join('\n\n') : undefined,
    tags: normalizeTags([...keep.tags, ...drop.tags]),
    events: uniqueIds([...keep.events, ...drop.events]),
    evidence: [...keep.evidence, ...drop.evidence.filter((e) => !cited.has(e.annotation))],
    modified: modifiedAt(keep, ctx.now),
  });
  const dropLinks = linksTouching(cs, dropId);
  const dropLinkIds = new Set(dropLinks.map((l) => l.id));
  const keys = new Set([...cs.values('links')].filter((l) => !dropLinkIds.has(l.id)).map(linkKey));
  for (const link of dropLinks) {
    const from = link.from === dropId ? keepId : link.from;
    const to = link.to === dropId ? keepId : link.to;
    const key = linkKey({ relation: link.relation, from, to });
    if (from === to || keys.has(key)) {
      cs.remove('links', link.id);
      continue;
    }
    keys.add(key);
    cs.put('links', { ...link, from, to, modified: modifiedAt(link, ctx.now) });
  }
  cs.remove('claims', dropId);
  dropPositions(cs, [dropId]);
  cs.put('claims', merged);
  return merged;
}

function assertNewLink(cs: ChangeSet, link: Pick<Link, 'id' | 'relation' | 'from' | 'to'>): void {
  if (link.from === link.to) throw invalid('A claim cannot be linked to itself.');
  const key = linkKey(link);
  if ([...cs.values('links')].some((l) => l.id !== link.id && linkKey(l) === key)) {
    throw invalid(`These claims are already linked (${link.relation}).`);
  }
}

/** Links two claims. A duplicate (same relation and ends; either order for `contradicts`) is refused. */
export function createLink(cs: ChangeSet, draft: LinkDraft, ctx: ActionContext): Link {
  need(cs, 'claims', draft.from);
  need(cs, 'claims', draft.to);
  const link = buildLink(draft, buildContext(ctx));
  assertNewLink(cs, link);
  cs.put('links', link);
  return link;
}

/** Changes relation or rationale of a link. */
export function updateLink(cs: ChangeSet, id: string, change: LinkChange, ctx: ActionContext): Link {
  const from = need(cs, 'links', id);
  const link = changeLink(from, change, ctx.now);
  assertNewLink(cs, link);
  return put(cs, 'links', from, link);
}

/** Deletes links; unknown ids are skipped. */
export function deleteLinks(cs: ChangeSet, ids: readonly string[]): Link[] {
  const removed: Link[] = [];
  for (const id of uniqueIds(ids)) {
    const link = cs.get('links', id);
    if (!link) continue;
    cs.remove('links', id);
    removed.push(link);
  }
  return removed;
}

/**
 * Deletes annotations. Claims citing them lose those evidence entries; a
 * claim left without evidence is kept or, with `orphaned: 'delete'`, deleted
 * with its links. Claims that had no evidence before are never deleted here.
 */
export function deleteAnnotations(cs: ChangeSet, ids: readonly string[], orphaned: OrphanedClaims, ctx: ActionContext): Annotation[] {
  const removed: Annotation[] = [];
  for (const id of uniqueIds(ids)) {
    const a = cs.get('annotations', id);
    if (!a) continue;
    cs.remove('annotations', id);
    removed.push(a);
  }
  const gone = new Set(removed.map((a) => a.id));
  if (gone.size === 0) return removed;
  for (const claim of [...cs.values('claims')]) {
    const left = claim.evidence.filter((e) => !gone.has(e.annotation));
    if (left.length === claim.evidence.length) continue;
    if (left.length === 0 && orphaned === 'delete') deleteClaims(cs, [claim.id]);
    else cs.put('claims', withEvidence(claim, left, ctx.now));
  }
  return removed;
}
