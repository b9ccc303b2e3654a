/**
 * Read models the UI asks for synchronously: a document's annotations and
 * claims, claims by tag, event, creator and cited annotation, a claim's links,
 * an event's annotations, the timeline. Built from the whole state in one pass
 * the first time something is asked after a change; lists are frozen.
 * Pure; tested in Node through the store.
 */
import { byCreated } from './actions.ts';
import type { StoreState } from './diff.ts';
import type { Claim, EventRecord, Link } from './claim-records.ts';
import { compareRanges } from './partial-date.ts';
import { eventsOf, type Annotation } from './records.ts';

/** Lists by key, each frozen; missing keys read as empty. */
export class Lists<R> {
  readonly #map = new Map<string, R[]>();

  /** Appends a record under a key. */
  push(key: string, record: R): void {
    const list = this.#map.get(key);
    if (list) list.push(record);
    else this.#map.set(key, [record]);
  }

  /** Sorts and freezes every list; call once after the last push. */
  seal(order: (list: R[]) => R[]): this {
    for (const list of this.#map.values()) Object.freeze(order(list));
    return this;
  }

  /** The list for a key (frozen), or an empty one. */
  get(key: string): readonly R[] {
    return this.#map.get(key) ?? EMPTY;
  }
}

const EMPTY: readonly never[] = Object.freeze([]);

function inTextOrder(list: Annotation[]): Annotation[] {
  return list.sort((x, y) => x.target.selector[1].start - y.target.selector[1].start || x.target.selector[1].end - y.target.selector[1].end);
}

/** Every derived list the store serves. */
export interface StoreIndex {
  annotationsBySource: Lists<Annotation>;
  annotationsByEvent: Lists<Annotation>;
  claimsBySource: Lists<Claim>;
  claimsByAnnotation: Lists<Claim>;
  claimsByTag: Lists<Claim>;
  claimsByEvent: Lists<Claim>;
  claimsByCreator: Lists<Claim>;
  linksByClaim: Lists<Link>;
  eventsByStart: readonly EventRecord[];
}

/** Builds every list from a state. */
export function buildIndex(state: StoreState): StoreIndex {
  const annotationsBySource = new Lists<Annotation>();
  const annotationsByEvent = new Lists<Annotation>();
  for (const a of state.annotations.values()) {
    annotationsBySource.push(a.target.source, a);
    for (const e of eventsOf(a)) annotationsByEvent.push(e, a);
  }
  const claimsBySource = new Lists<Claim>();
  const claimsByAnnotation = new Lists<Claim>();
  const claimsByTag = new Lists<Claim>();
  const claimsByEvent = new Lists<Claim>();
  const claimsByCreator = new Lists<Claim>();
  for (const claim of state.claims.values()) {
    const sources = new Set<string>();
    for (const e of claim.evidence) {
      claimsByAnnotation.push(e.annotation, claim);
      const source = state.annotations.get(e.annotation)?.target.source;
      if (source !== undefined) sources.add(source);
    }
    for (const source of sources) claimsBySource.push(source, claim);
    for (const tag of claim.tags) claimsByTag.push(tag, claim);
    for (const event of claim.events) claimsByEvent.push(event, claim);
    claimsByCreator.push(claim.creator.name, claim);
  }
  const linksByClaim = new Lists<Link>();
  for (const link of state.links.values()) {
    linksByClaim.push(link.from, link);
    linksByClaim.push(link.to, link);
  }
  return {
    annotationsBySource: annotationsBySource.seal(inTextOrder),
    annotationsByEvent: annotationsByEvent.seal(byCreated),
    claimsBySource: claimsBySource.seal(byCreated),
    claimsByAnnotation: claimsByAnnotation.seal(byCreated),
    claimsByTag: claimsByTag.seal(byCreated),
    claimsByEvent: claimsByEvent.seal(byCreated),
    claimsByCreator: claimsByCreator.seal(byCreated),
    linksByClaim: linksByClaim.seal(byCreated),
    eventsByStart: Object.freeze([...state.events.values()].sort((a, b) => compareRanges(a, b) || a.name.localeCompare(b.name))),
  };
}
