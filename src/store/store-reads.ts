/**
 * What the store answers at once, without saving anything: its collections, lookups, the
 * derived lists (`queries.ts`), layers (ADR 0013) and map positions (ADR 0011). `store.ts`
 * puts the actions on top; the machinery (commit, undo, tabs) is `engine.ts`.
 */
import type { Claim, EventRecord, Link, Stance } from './claim-records.ts';
import type { StoreDiff } from './diff.ts';
import { StoreEngine } from './engine.ts';
import { hiddenLayers, layersOf, type LayerView } from './layers.ts';
import { positionsOf } from './map-positions.ts';
import { buildIndex, type StoreIndex } from './queries.ts';
import { ANONYMOUS, tagsOf, textChangeSeenId, type Annotation, type MapPosition, type TextChangeSeen, type TextChangeSeenSetting } from './records.ts';
import type { SourceRecord } from './source-records.ts';

/** An evidence entry with its annotation, for showing a claim's passages. */
export interface EvidenceItem {
  annotation: Annotation;
  stance: Stance;
}

/** The store's reading side; {@link CrossreadStore} (`store.ts`) is the one to use. */
export class StoreReads extends StoreEngine {
  #index: StoreIndex | undefined;
  #layers: readonly LayerView[] | undefined;
  #hidden: ReadonlySet<string> | undefined;

  /** All annotations by id. Read-only view of live state; records are frozen. */
  get annotations(): ReadonlyMap<string, Annotation> {
    return this.state.annotations;
  }

  /** All claims by id. */
  get claims(): ReadonlyMap<string, Claim> {
    return this.state.claims;
  }

  /** All links by id. */
  get links(): ReadonlyMap<string, Link> {
    return this.state.links;
  }

  /** All events by id. */
  get events(): ReadonlyMap<string, EventRecord> {
    return this.state.events;
  }

  /** Sources the reader added (ADR 0014), by id; the built-in ones are the corpus index's. */
  get sources(): ReadonlyMap<string, SourceRecord> {
    return this.state.sources;
  }

  /** One annotation, or `undefined`. */
  getAnnotation(id: string): Annotation | undefined {
    return this.state.annotations.get(id);
  }

  /** One claim, or `undefined`. */
  getClaim(id: string): Claim | undefined {
    return this.state.claims.get(id);
  }

  /** One link, or `undefined`. */
  getLink(id: string): Link | undefined {
    return this.state.links.get(id);
  }

  /** One event, or `undefined`. */
  getEvent(id: string): EventRecord | undefined {
    return this.state.events.get(id);
  }

  /** The annotations of one document, in text order. */
  annotationsOf(source: string): readonly Annotation[] {
    return this.lists().annotationsBySource.get(source);
  }

  /** Annotations carrying a tag (exact match), in no particular order. */
  annotationsTagged(tag: string): Annotation[] {
    return [...this.state.annotations.values()].filter((a) => tagsOf(a).includes(tag));
  }

  /** Annotations about an event, oldest first. */
  annotationsOfEvent(eventId: string): readonly Annotation[] {
    return this.lists().annotationsByEvent.get(eventId);
  }

  /** Claims with evidence in a document, oldest first. */
  claimsOf(source: string): readonly Claim[] {
    return this.lists().claimsBySource.get(source);
  }

  /** Claims carrying a tag (exact match), oldest first. */
  claimsTagged(tag: string): readonly Claim[] {
    return this.lists().claimsByTag.get(tag);
  }

  /** Claims about an event, oldest first. */
  claimsOfEvent(eventId: string): readonly Claim[] {
    return this.lists().claimsByEvent.get(eventId);
  }

  /** Claims by a creator name, oldest first. */
  claimsBy(creatorName: string): readonly Claim[] {
    return this.lists().claimsByCreator.get(creatorName);
  }

  /** Claims citing an annotation: ask before deleting it, to warn the reader. */
  claimsCitingAnnotation(annotationId: string): readonly Claim[] {
    return this.lists().claimsByAnnotation.get(annotationId);
  }

  /** Links to and from a claim, oldest first; `link.from === claimId` tells the direction. */
  linksOf(claimId: string): readonly Link[] {
    return this.lists().linksByClaim.get(claimId);
  }

  /** A claim's evidence with the annotations, in the claim's order; empty for an unknown claim. */
  evidenceOf(claimId: string): EvidenceItem[] {
    return (this.state.claims.get(claimId)?.evidence ?? []).flatMap((e) => {
      const annotation = this.state.annotations.get(e.annotation);
      // Absent only in data saved before commits re-checked references across tabs (ADR 0003): show what exists.
      return annotation ? [{ annotation, stance: e.stance }] : [];
    });
  }

  /**
   * How many of a claim's passages are damaged records set aside on load
   * ({@link StoreEngine.quarantined}): {@link evidenceOf} cannot list them, so
   * views say they exist instead of dropping them silently.
   */
  setAsideEvidence(claimId: string): number {
    return (this.state.claims.get(claimId)?.evidence ?? []).filter((e) => this.isQuarantined('annotations', e.annotation)).length;
  }

  /** Every event, earliest start first (then earliest end, open ends last). */
  eventsByStart(): readonly EventRecord[] {
    return this.lists().eventsByStart;
  }

  /** What the reader was last told about changes to a source's text (`annotate/text-changes.ts`). */
  textChangeSeen(source: string): TextChangeSeen | undefined {
    const setting = this.state.settings.get(textChangeSeenId(source));
    return setting?.id.startsWith('textChangeSeen:') ? (setting as TextChangeSeenSetting).value : undefined;
  }

  /** Every layer here, the reader's own first (`layersOf`): the one list views show, colour and hide by. */
  layers(): readonly LayerView[] {
    const s = this.state;
    const from = { settings: s.settings.values(), annotations: s.annotations.values(), claims: s.claims.values(), links: s.links.values(), events: s.events.values() };
    return (this.#layers ??= layersOf(from, this.localLayer ?? '', this.creatorName ?? ANONYMOUS));
  }

  /** Whether views show a record: those of a hidden layer are left out of every list (ADR 0013). Bound, for `filter`. */
  readonly isShown = (record: { readonly layer: string }): boolean => !(this.#hidden ??= hiddenLayers(this.state.settings.values())).has(record.layer);

  /** Where each claim stands on the argument map, by claim id (ADR 0011); claims never placed are absent. */
  mapPositions(): ReadonlyMap<string, MapPosition> {
    return positionsOf(this.state.settings.values(), this.state.claims);
  }

  protected override changed(diff: StoreDiff): void {
    if (diff.annotations || diff.claims || diff.links || diff.events) this.#index = undefined;
    this.#layers = this.#hidden = undefined;
  }

  /** The derived lists (`queries.ts`), built once per change. */
  protected lists(): StoreIndex {
    return (this.#index ??= buildIndex(this.state));
  }
}
