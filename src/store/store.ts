/**
 * The one store of the app: queries and actions over annotations, settings,
 * claims, links and events. The machinery (commit, undo, tabs) is in
 * `engine.ts`; what each action changes is in `claim-actions.ts` and
 * `event-actions.ts`; what it answers at once (lookups, derived lists, layers)
 * in `store-reads.ts`.
 *
 * Records made elsewhere (an import file, later a sync engine) enter through
 * one door, `receive(batch, origin)` (engine.ts, rules in `receive.ts`, ADR
 * 0004): the whole batch validated, merged by version, checked and committed
 * together or not at all; subscribers see `origin` `import` or `sync`.
 */
import { buildContext, need, type ActionContext } from './actions.ts';
import type { ChangeSet } from './changeset.ts';
import * as claims from './claim-actions.ts';
import type { OrphanedClaims } from './claim-actions.ts';
import type {
  Claim,
  ClaimChange,
  ClaimDraft,
  Evidence,
  EventChange,
  EventDraft,
  EventRecord,
  Link,
  LinkChange,
  LinkDraft,
  Stance,
} from './claim-records.ts';
import type { Done } from './engine.ts';
import { StoreReads } from './store-reads.ts';
import type { Undoable } from './undo.ts';
import * as events from './event-actions.ts';
import { resolveConflict, type Conflict, type ConflictChoice, type SharedRecord } from './receive.ts';
import { rebaseLists } from './merge.ts';
import { restoreRecord, type Restorable, type Restored } from './restore-actions.ts';
import {
  ANONYMOUS,
  buildAnnotation,
  changeAnnotation,
  eventsOf,
  tagsOf,
  textChangeSeenId,
  type Annotation,
  type AnnotationChange,
  type AnnotationDraft,
  type CollectionName,
  type MapPosition,
  type TextChangeSeen,
} from './records.ts';
import { putPositions } from './map-positions.ts';
import * as sources from './source-actions.ts';
import type { SourceChange, SourceDraft, SourceRecord } from './source-records.ts';
import * as layers from './layer-actions.ts';
import type { LayerRemoval } from './layer-actions.ts';
import type { LayerView } from './layers.ts';

export type { ChangeOrigin, StoreListener, StoreOptions } from './engine.ts';
export type { Restorable, Restored } from './restore-actions.ts';
export type { LayerRemoval } from './layer-actions.ts';
export type { EvidenceItem } from './store-reads.ts';

const RESTORED: { [C in keyof Restorable]: string } = { annotations: 'annotation', claims: 'claim', links: 'link', events: 'event' };

/**
 * What an action made, with its own undo handle: `undo()` reverts this action,
 * not whatever happened last, also after later unrelated actions.
 */
export interface ActionResult<T> extends Undoable {
  /** The record(s) the action made or changed, as saved. */
  readonly value: T;
}

/** What a deletion did, e.g. for a toast ("Deleted 1 claim and 2 links — Undo"). */
export interface DeleteResult<R = Annotation> extends Undoable {
  /** The records that were deleted (ids that did not exist are skipped). */
  removed: readonly R[];
  /** Deleted with them in the same step: links of deleted claims, claims left without evidence when asked. */
  alsoRemoved: { claims: readonly Claim[]; links: readonly Link[] };
  /** Records changed in the same step to drop references to what was deleted, as they are now. */
  updated: { annotations: readonly Annotation[]; claims: readonly Claim[] };
}

/** Options of {@link CrossreadStore.deleteAnnotations}. */
export interface DeleteAnnotationsOptions {
  /**
   * Claims whose only evidence is among the deleted annotations: `keep` them
   * without evidence (default) or `delete` them with their links.
   */
  orphanedClaims?: OrphanedClaims;
}

/** `Delete claim`, `Delete 3 claims`: labels for undo menus. */
const deleting = (n: number, noun: string) => (n === 1 ? `Delete ${noun}` : `Delete ${n} ${noun}s`);

/** What making an annotation is called where the reader sees it (toasts, undo): a note, tags, or a highlight. */
const annotating = (draft: AnnotationDraft) => (draft.note?.trim() ? 'Add note' : draft.tags?.some((t) => t.trim()) ? 'Tag passage' : 'Highlight passage');

/**
 * The app's data. Create it, listen for `store-error`, `await open()`, then
 * hand it down to components, which read synchronously and call actions.
 * Actions run one at a time in call order; each resolves after its change
 * is saved and visible, or rejects with a `StoreError` having changed
 * nothing, in memory or on disk. No action, undo or redo ever leaves a
 * reference to a record that does not exist (ADR 0003).
 */
export class CrossreadStore extends StoreReads {
  /** Creates an annotation by the current reader. Resolves with the saved record. */
  createAnnotation(draft: AnnotationDraft): Promise<ActionResult<Annotation>> {
    return this.#do(annotating(draft), (cs, ctx) => this.#putAnnotation(cs, draft, ctx));
  }

  /**
   * Changes note, tags, events or target of an annotation. A change that changes nothing saves nothing.
   * Tags and events are read as for {@link CrossreadStore.updateClaim}.
   */
  updateAnnotation(id: string, change: AnnotationChange): Promise<ActionResult<Annotation>> {
    const seen = this.state.annotations.get(id);
    return this.#do('Edit passage', (cs, ctx) => {
      const from = need(cs, 'annotations', id);
      const lists = (a: Annotation) => ({ tags: tagsOf(a), events: eventsOf(a) });
      const rebased = seen && seen !== from ? rebaseLists(change, lists(seen), lists(from)) : change;
      return claims.put(cs, 'annotations', from, changeAnnotation(from, rebased, ctx.now));
    });
  }

  /**
   * Deletes annotations as one undoable action; unknown ids are skipped.
   * Claims citing them lose that evidence (see {@link DeleteAnnotationsOptions}).
   */
  async deleteAnnotations(ids: readonly string[], options: DeleteAnnotationsOptions = {}): Promise<DeleteResult> {
    const done = await this.change<Annotation[]>(
      (removed) => deleting(removed.length, 'passage'),
      (cs, ctx) => claims.deleteAnnotations(cs, ids, options.orphanedClaims ?? 'keep', ctx),
    );
    return this.#deleted(done, 'annotations', 'Delete passage');
  }

  /** Sets the reader's display name for future records. Not undoable: it is a preference. */
  async setCreatorName(name: string): Promise<void> {
    await this.change('Set name', (cs) => {
      const value = name.trim();
      if (value) cs.put('settings', { id: 'creatorName', value });
      // Cleared (in Settings), the name is gone: new records are by Anonymous again.
      else if (cs.get('settings', 'creatorName')) cs.remove('settings', 'creatorName');
    }, false);
  }

  /** Remembers what the reader was told about a source's changed text. Not undoable: like the
   * name, it is a note about the reader, not their work. */
  async rememberTextChangeSeen(source: string, seen: TextChangeSeen): Promise<void> {
    await this.change('Remember text change', (cs) => cs.put('settings', { id: textChangeSeenId(source), value: seen }), false);
  }

  /**
   * Stores where a layout placed claims, and forgets positions of claims that are gone. Not
   * undoable: the reader did not do it, and undo must not take a map apart.
   */
  async placeOnMap(positions: ReadonlyMap<string, MapPosition>): Promise<void> {
    await this.change('Place on map', (cs) => putPositions(cs, positions, true), false);
  }

  /** Moves claims on the map (a drag, a tidy-up: `label` says which), as one undoable action; resolves with the positions written. */
  moveOnMap(positions: ReadonlyMap<string, MapPosition>, label = positions.size === 1 ? 'Move claim' : 'Move claims'): Promise<ActionResult<ReadonlyMap<string, MapPosition>>> {
    return this.#do(label, (cs) => putPositions(cs, positions, false));
  }

  /** Creates a claim from a passage (its first evidence). */
  createClaim(draft: ClaimDraft): Promise<ActionResult<Claim>> {
    return this.#do('Create claim', (cs, ctx) => claims.createClaim(cs, draft, ctx));
  }

  /**
   * Saves a passage and makes it the first evidence of a new claim: one action,
   * one transaction, one undo step; if it fails, neither exists.
   */
  createClaimFromPassage(
    passage: AnnotationDraft,
    claim: Omit<ClaimDraft, 'evidence'> & { stance: Stance },
  ): Promise<ActionResult<{ annotation: Annotation; claim: Claim }>> {
    return this.#do('Create claim', (cs, ctx) => {
      const annotation = this.#putAnnotation(cs, passage, ctx);
      const { stance, ...draft } = claim;
      return { annotation, claim: claims.createClaim(cs, { ...draft, evidence: { annotation: annotation.id, stance } }, ctx) };
    });
  }

  /** Saves a passage and adds it to a claim's evidence, as one action. */
  addPassageAsEvidence(claimId: string, passage: AnnotationDraft, stance: Stance): Promise<ActionResult<{ annotation: Annotation; claim: Claim }>> {
    return this.#do('Add evidence', (cs, ctx) => {
      const annotation = this.#putAnnotation(cs, passage, ctx);
      return { annotation, claim: claims.addEvidence(cs, claimId, { annotation: annotation.id, stance }, ctx) };
    });
  }

  /**
   * Changes statement, note, tags or events of a claim. Tags and events are read as what the
   * caller added and removed, applied to the claim as it is when the action runs ({@link rebaseLists}).
   */
  updateClaim(id: string, change: ClaimChange): Promise<ActionResult<Claim>> {
    const seen = this.state.claims.get(id);
    return this.#do('Edit claim', (cs, ctx) => {
      const now = cs.get('claims', id);
      return claims.updateClaim(cs, id, seen && now && seen !== now ? rebaseLists(change, seen, now) : change, ctx);
    });
  }

  /** Adds a passage to a claim's evidence (or changes its stance if already there). */
  addEvidence(claimId: string, evidence: Evidence): Promise<ActionResult<Claim>> {
    return this.#do('Add evidence', (cs, ctx) => claims.addEvidence(cs, claimId, evidence, ctx));
  }

  /** Removes a passage from a claim's evidence; the claim stays, possibly without evidence. */
  removeEvidence(claimId: string, annotationId: string): Promise<ActionResult<Claim>> {
    return this.#do('Remove evidence', (cs, ctx) => claims.removeEvidence(cs, claimId, annotationId, ctx));
  }

  /** Changes the stance of a passage that is already evidence of the claim. */
  setStance(claimId: string, annotationId: string, stance: Stance): Promise<ActionResult<Claim>> {
    return this.#do('Change stance', (cs, ctx) => claims.setStance(cs, claimId, annotationId, stance, ctx));
  }

  /** Deletes claims and, in the same step, every link to or from them. */
  async deleteClaims(ids: readonly string[]): Promise<DeleteResult<Claim>> {
    const done = await this.change<Claim[]>((removed) => deleting(removed.length, 'claim'), (cs) => claims.deleteClaims(cs, ids));
    return this.#deleted(done, 'claims', 'Delete claim');
  }

  /** Merges `dropId` into `keepId` (see `mergeClaims` in claim-actions.ts); resolves with the kept claim. */
  mergeClaims(keepId: string, dropId: string): Promise<ActionResult<Claim>> {
    return this.#do('Merge claims', (cs, ctx) => claims.mergeClaims(cs, keepId, dropId, ctx));
  }

  /** Links two different claims; a duplicate link is refused as `invalid`. */
  createLink(draft: LinkDraft): Promise<ActionResult<Link>> {
    return this.#do('Link claims', (cs, ctx) => claims.createLink(cs, draft, ctx));
  }

  /** Changes relation or rationale of a link. */
  updateLink(id: string, change: LinkChange): Promise<ActionResult<Link>> {
    return this.#do('Edit link', (cs, ctx) => claims.updateLink(cs, id, change, ctx));
  }

  /** Deletes links. */
  async deleteLinks(ids: readonly string[]): Promise<DeleteResult<Link>> {
    const done = await this.change<Link[]>((removed) => deleting(removed.length, 'link'), (cs) => claims.deleteLinks(cs, ids));
    return this.#deleted(done, 'links', 'Delete link');
  }

  /** Creates an event. */
  createEvent(draft: EventDraft): Promise<ActionResult<EventRecord>> {
    return this.#do('Create event', (cs, ctx) => events.createEvent(cs, draft, ctx));
  }

  /** Renames or re-dates an event. */
  updateEvent(id: string, change: EventChange): Promise<ActionResult<EventRecord>> {
    return this.#do('Edit event', (cs, ctx) => events.updateEvent(cs, id, change, ctx));
  }

  /** Merges `dropId` into `keepId`: every claim and annotation about `dropId` is now about `keepId`. */
  mergeEvents(keepId: string, dropId: string): Promise<ActionResult<EventRecord>> {
    return this.#do('Merge events', (cs, ctx) => events.mergeEvents(cs, keepId, dropId, ctx));
  }

  /** Deletes an event and removes it from every claim and annotation, in one step. */
  async deleteEvent(id: string): Promise<DeleteResult<EventRecord>> {
    const done = await this.change('Delete event', (cs, ctx) => events.deleteEvent(cs, id, ctx));
    return this.#deleted(done, 'events', 'Delete event');
  }

  /**
   * Adds back a record another tab deleted while this tab was editing it (`record`: as this
   * tab last saw it), with the reader's `change` applied: one undoable action. What it cited
   * that is gone too is dropped and named in `lost` (`restore-actions.ts`).
   */
  restore<C extends keyof Restorable>(c: C, record: Restorable[C]['record'], change: Restorable[C]['change']): Promise<ActionResult<Restored<Restorable[C]['record']>>> {
    return this.#do(`Restore ${RESTORED[c]}`, (cs, ctx) => restoreRecord(cs, c, record, change, (k, id) => cs.get(k, id) !== undefined || this.isQuarantined(k, id), ctx));
  }

  /**
   * Settles a conflict that `receive()` reported (ADR 0004): keep `mine` or
   * take `theirs`, as one undoable step whose version is newer than both, so
   * the conflict does not come back. Resolves with the record kept (`undefined`
   * when taking theirs deleted it); refused as `invalid` if the record changed
   * since the conflict was reported.
   */
  resolveConflict(conflict: Conflict, keep: ConflictChoice): Promise<ActionResult<SharedRecord | undefined>> {
    return this.#do('Resolve conflict', (cs) => resolveConflict(cs, conflict, keep), 'any');
  }

  /** Hides (or shows again) another layer's records in every view, as one undoable step (ADR 0013). */
  setLayerHidden(layerId: string, hidden: boolean): Promise<ActionResult<LayerView>> {
    return this.#do(hidden ? 'Hide map' : 'Show map', (cs, ctx) => layers.setLayerHidden(cs, layerId, hidden, ctx));
  }

  /** What {@link removeLayer} would take now (nothing is changed); refused as it would be. */
  previewRemoveLayer(layerId: string): LayerRemoval {
    return layers.removalPreview(this.state, layerId, this.localLayer ?? '', this.creatorName ?? ANONYMOUS);
  }

  /** Removes another layer and what of the reader's work would dangle, as one undoable step (`layer-actions.ts`). */
  removeLayer(layerId: string): Promise<ActionResult<LayerRemoval>> {
    return this.#do((r) => `Remove ${r.layer.name}’s map`, (cs, ctx) => layers.removeLayer(cs, layerId, ctx), 'any');
  }

  /** Settles several conflicts the same way ("Keep mine for all") as one undoable step; refused whole if any is. */
  resolveConflicts(conflicts: readonly Conflict[], keep: ConflictChoice): Promise<ActionResult<Array<SharedRecord | undefined>>> {
    const n = conflicts.length;
    return this.#do(`Resolve ${n} conflict${n === 1 ? '' : 's'}`, (cs) => conflicts.map((c) => resolveConflict(cs, c, keep)), 'any');
  }

  /** Adds a source to the library, as one undoable action (ADR 0014). */
  addSource(draft: SourceDraft): Promise<ActionResult<SourceRecord>> {
    return this.#do('Add source', (cs, ctx) => sources.addSource(cs, draft, ctx));
  }

  /** Renames a source of the reader's own, or changes its authors or year, as one undoable action. */
  updateSource(id: string, change: SourceChange): Promise<ActionResult<SourceRecord>> {
    return this.#do('Edit source', (cs, ctx) => sources.updateSource(cs, id, change, ctx));
  }

  /**
   * Removes a source of the reader's own with their passages on it, in one undoable step;
   * claims citing those passages lose that evidence and are kept (`updated` in the result).
   */
  removeSource(id: string): Promise<ActionResult<sources.SourceRemoval> & Pick<DeleteResult, 'updated'>> {
    return this.change('Remove source', (cs, ctx) => sources.removeSource(cs, id, ctx)).then(({ value, diff, entry }) => ({
      value,
      updated: { annotations: [], claims: Object.values(diff.claims?.updated ?? {}).map(([, to]) => to) },
      ...this.handle('Remove source', entry),
    }));
  }

  async #do<T>(label: string | ((value: T) => string), plan: (cs: ChangeSet, ctx: ActionContext) => T, scope?: 'any'): Promise<ActionResult<T>> {
    const { value, entry } = await this.change(label, plan, true, scope);
    return { value, ...this.handle(entry?.label ?? (typeof label === 'string' ? label : label(value)), entry) };
  }

  #putAnnotation(cs: ChangeSet, draft: AnnotationDraft, ctx: ActionContext): Annotation {
    const annotation = buildAnnotation(draft, buildContext(ctx));
    cs.put('annotations', annotation);
    return annotation;
  }

  #deleted<R>(done: Done<R[]>, primary: CollectionName, label: string): DeleteResult<R> {
    const { diff, entry } = done;
    const removed = <C extends 'claims' | 'links'>(c: C) => (c === primary ? [] : Object.values(diff[c]?.removed ?? {}));
    return {
      removed: done.value,
      alsoRemoved: { claims: removed('claims'), links: removed('links') },
      updated: {
        annotations: Object.values(diff.annotations?.updated ?? {}).map(([, to]) => to),
        claims: Object.values(diff.claims?.updated ?? {}).map(([, to]) => to),
      },
      ...this.handle(entry?.label ?? label, entry),
    };
  }
}
