/**
 * What adding, renaming and removing a source of the reader's own changes (ADR 0014). Removing takes the
 * reader's passages on it with it, through the one deletion cascade of annotations
 * (`deleteAnnotations`: claims citing them lose that evidence and are kept), in one step.
 * Pure over a ChangeSet; tested in Node through the store.
 */
import { invalid, need, type ActionContext } from './actions.ts';
import type { ChangeSet } from './changeset.ts';
import { deleteAnnotations } from './claim-actions.ts';
import type { Claim } from './claim-records.ts';
import type { Annotation } from './records.ts';
import { onlyTouched } from './record-base.ts';
import { buildSource, changeSource, type SourceChange, type SourceDraft, type SourceRecord } from './source-records.ts';

/** What removing a source took with it. */
export interface SourceRemoval {
  source: SourceRecord;
  /** The reader's passages on it, deleted with it. */
  annotations: Annotation[];
}

/** What removing a source would take with it, for the warning before it (counts of the present state). */
export interface RemovalPreview {
  /** The reader's passages on the source. */
  annotations: number;
  /** Claims that would be left without any evidence (they are kept, empty). */
  claimsLeftEmpty: number;
  /** Claims that would lose some of their evidence but keep the rest. */
  claimsLosingEvidence: number;
  /** Passages of other layers on the source: theirs, so they stay, unplaced until the source is back. */
  othersKept: number;
}

/** Adds a source; the same text under the same title (the same id) is refused, not doubled. */
export function addSource(cs: ChangeSet, draft: SourceDraft, ctx: ActionContext): SourceRecord {
  const there = cs.get('sources', draft.id);
  if (there) throw invalid(`“${there.title}” is already in your library, with the same text.`);
  const source = buildSource(draft, ctx);
  cs.put('sources', source);
  return source;
}

/** Renames a source of the reader's own layer, or changes its authors or year (not its text). */
export function updateSource(cs: ChangeSet, id: string, change: SourceChange, ctx: ActionContext): SourceRecord {
  const source = need(cs, 'sources', id);
  if (source.layer !== ctx.layer) throw invalid(`“${source.title}” came with someone else's map; its details are theirs.`);
  if (change.title !== undefined && change.title.trim() === '') throw invalid('A source needs a title.');
  const next = changeSource(source, change, ctx.now);
  if (onlyTouched(source, next)) return source;
  cs.put('sources', next);
  return next;
}

/** Removes a source of the reader's own layer with their passages on it. */
export function removeSource(cs: ChangeSet, id: string, ctx: ActionContext): SourceRemoval {
  const source = need(cs, 'sources', id);
  if (source.layer !== ctx.layer) throw invalid(`“${source.title}” came with someone else's map; it goes when that layer is removed.`);
  const ids = [...cs.values('annotations')].filter((a) => a.target.source === id && a.layer === ctx.layer).map((a) => a.id);
  const annotations = deleteAnnotations(cs, ids, 'keep', ctx);
  cs.remove('sources', id);
  return { source, annotations };
}

/** What {@link removeSource} would take with it, counted in `annotations` and `claims` as they are now. */
export function previewRemoval(id: string, layer: string, annotations: Iterable<Annotation>, claims: Iterable<Claim>): RemovalPreview {
  const mine = new Set<string>();
  let othersKept = 0;
  for (const a of annotations) {
    if (a.target.source !== id) continue;
    if (a.layer === layer) mine.add(a.id);
    else othersKept++;
  }
  let claimsLeftEmpty = 0;
  let claimsLosingEvidence = 0;
  for (const c of claims) {
    const lost = c.evidence.filter((e) => mine.has(e.annotation)).length;
    if (lost === 0) continue;
    if (lost === c.evidence.length) claimsLeftEmpty++;
    else claimsLosingEvidence++;
  }
  return { annotations: mine.size, claimsLeftEmpty, claimsLosingEvidence, othersKept };
}
