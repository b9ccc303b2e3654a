/**
 * Claims, links and events (schema v3; ADR 0003) and pure functions that
 * build them. They are Crossread's own records, not W3C annotations; they
 * point at annotations, at each other and at events by id only, and the
 * store keeps every such reference resolvable (`integrity.ts`).
 */
import { modifiedAt, normalizeTags, type BuildContext, type Creator, type Version } from './record-base.ts';

/** How a passage relates to a claim. */
export type Stance = 'asserts' | 'argues-against' | 'mentions';

/** Every stance, in the order a menu shows them. */
export const STANCES: readonly Stance[] = ['asserts', 'argues-against', 'mentions'];

/** One passage backing (or attacking) a claim. */
export interface Evidence {
  /** Id of an annotation. A claim cites an annotation at most once. */
  annotation: string;
  stance: Stance;
}

/** A short proposition backed by evidence passages, possibly in several sources. */
export interface Claim {
  /** `urn:uuid:` id, like every record. */
  id: string;
  type: 'Claim';
  /** The proposition itself, one line; trimmed, never blank. */
  statement: string;
  /** Longer Markdown note; absent when there is none. */
  note?: string;
  /** Normalized tags (see `normalizeTags`). */
  tags: string[];
  /** Ids of events the claim is about. */
  events: string[];
  /**
   * Passages with their stance, in the order they were added. Never empty when
   * created; may become empty when the reader removes the last one or deletes
   * its annotation and keeps the claim (an "unsupported" claim).
   */
  evidence: Evidence[];
  creator: Creator;
  created: string;
  modified: string;
  /** Whose map (ADR 0004). */
  layer: string;
  /** Which writes of this record (ADR 0004). */
  version: Version;
}

/** How one claim bears on another. */
export type LinkRelation = 'supports' | 'contradicts' | 'qualifies';

/** Every relation, in menu order. */
export const LINK_RELATIONS: readonly LinkRelation[] = ['supports', 'contradicts', 'qualifies'];

/**
 * A relation between two different claims, in the same source or not.
 * `supports` and `qualifies` point from `from` to `to`; `contradicts` is
 * symmetric: stored with the ends as created but compared as a pair, so at
 * most one `contradicts` joins any two claims.
 */
export interface Link {
  id: string;
  type: 'Link';
  relation: LinkRelation;
  /** Id of a claim. */
  from: string;
  /** Id of another claim. */
  to: string;
  /** Why the relation holds, in Markdown; absent when there is none. */
  rationale?: string;
  creator: Creator;
  created: string;
  modified: string;
  /** Whose map (ADR 0004). */
  layer: string;
  /** Which writes of this record (ADR 0004). */
  version: Version;
}

/**
 * A named happening with a date range of year, month or day precision
 * (`partial-date.ts`). "Belarus protests, 2020" is `start: '2020', end: '2020'`;
 * no `end` means a single day/month/year or still ongoing — the name says which.
 */
export interface EventRecord {
  id: string;
  type: 'Event';
  name: string;
  /** Partial ISO date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  start: string;
  /** Partial ISO date whose period does not end before `start` begins. */
  end?: string;
  creator: Creator;
  created: string;
  modified: string;
  /** Whose map (ADR 0004). */
  layer: string;
  /** Which writes of this record (ADR 0004). */
  version: Version;
}

/** What a user supplies to create a claim. */
export interface ClaimDraft {
  statement: string;
  /** The passage the claim is made from; a claim starts with one piece of evidence. */
  evidence: Evidence;
  note?: string;
  tags?: readonly string[];
  events?: readonly string[];
}

/** A change to a claim; omitted fields stay as they are. */
export interface ClaimChange {
  statement?: string;
  /** New note; `null` or blank removes it. */
  note?: string | null;
  /** Replaces all tags. */
  tags?: readonly string[];
  /** Replaces all event ids. */
  events?: readonly string[];
}

/** What a user supplies to link two claims. */
export interface LinkDraft {
  relation: LinkRelation;
  from: string;
  to: string;
  rationale?: string;
}

/** A change to a link; the ends never change (delete and link again instead). */
export interface LinkChange {
  relation?: LinkRelation;
  /** `null` or blank removes it. */
  rationale?: string | null;
}

/** What a user supplies to create an event. */
export interface EventDraft {
  name: string;
  start: string;
  end?: string;
}

/** A change to an event: rename or re-date. `end: null` removes the end. */
export interface EventChange {
  name?: string;
  start?: string;
  end?: string | null;
}

/** Text kept verbatim unless blank; blank means absent. */
function text(value: string | null | undefined): string | undefined {
  return value == null || value.trim() === '' ? undefined : value;
}

/** Ids in order, duplicates dropped. */
export function uniqueIds(ids: Iterable<string>): string[] {
  return [...new Set(ids)];
}

/** A new claim from a draft. */
export function buildClaim(draft: ClaimDraft, ctx: BuildContext): Claim {
  return claimRecord({
    id: ctx.id,
    statement: draft.statement.trim(),
    note: text(draft.note),
    tags: normalizeTags(draft.tags ?? []),
    events: uniqueIds(draft.events ?? []),
    evidence: [{ annotation: draft.evidence.annotation, stance: draft.evidence.stance }],
    creator: { type: 'Person', name: ctx.creatorName },
    created: ctx.now,
    modified: ctx.now,
    layer: ctx.layer,
    version: {},
  });
}

/** A claim with every field given; `note` dropped when absent. */
export function claimRecord(c: Omit<Claim, 'type'>): Claim {
  const { id, statement, note, tags, events, evidence, creator, created, modified, layer, version } = c;
  return {
    id, type: 'Claim', statement, ...(note === undefined ? {} : { note }),
    tags: [...tags], events: [...events], evidence: evidence.map((e) => ({ ...e })),
    creator: { ...creator }, created, modified, layer, version: { ...version },
  };
}

/** `claim` with `change` applied and `modified` bumped; the input is not mutated. */
export function changeClaim(claim: Claim, change: ClaimChange, now: string): Claim {
  return claimRecord({
    ...claim,
    statement: change.statement?.trim() ?? claim.statement,
    note: change.note === undefined ? claim.note : text(change.note),
    tags: change.tags ? normalizeTags(change.tags) : claim.tags,
    events: change.events ? uniqueIds(change.events) : claim.events,
    modified: modifiedAt(claim, now),
  });
}

/** A link with every field given; `rationale` dropped when absent. */
export function linkRecord(l: Omit<Link, 'type'>): Link {
  const { id, relation, from, to, rationale, creator, created, modified, layer, version } = l;
  return {
    id, type: 'Link', relation, from, to, ...(rationale === undefined ? {} : { rationale }),
    creator: { ...creator }, created, modified, layer, version: { ...version },
  };
}

/** A new link from a draft. */
export function buildLink(draft: LinkDraft, ctx: BuildContext): Link {
  return linkRecord({
    id: ctx.id, relation: draft.relation, from: draft.from, to: draft.to, rationale: text(draft.rationale),
    creator: { type: 'Person', name: ctx.creatorName }, created: ctx.now, modified: ctx.now, layer: ctx.layer, version: {},
  });
}

/** `link` with `change` applied and `modified` bumped. */
export function changeLink(link: Link, change: LinkChange, now: string): Link {
  return linkRecord({
    ...link,
    relation: change.relation ?? link.relation,
    rationale: change.rationale === undefined ? link.rationale : text(change.rationale),
    modified: modifiedAt(link, now),
  });
}

/**
 * What makes two links the same: relation plus ends, the ends unordered for
 * `contradicts`. Two links with one key are duplicates.
 */
export function linkKey(link: Pick<Link, 'relation' | 'from' | 'to'>): string {
  const [a, b] = link.relation === 'contradicts' && link.to < link.from ? [link.to, link.from] : [link.from, link.to];
  return `${link.relation} ${a} ${b}`;
}

/** An event with every field given; `end` dropped when absent. */
export function eventRecord(e: Omit<EventRecord, 'type'>): EventRecord {
  const { id, name, start, end, creator, created, modified, layer, version } = e;
  return {
    id, type: 'Event', name, start, ...(end === undefined ? {} : { end }),
    creator: { ...creator }, created, modified, layer, version: { ...version },
  };
}

/** A new event from a draft. */
export function buildEvent(draft: EventDraft, ctx: BuildContext): EventRecord {
  return eventRecord({
    id: ctx.id, name: draft.name.trim(), start: draft.start, end: draft.end,
    creator: { type: 'Person', name: ctx.creatorName }, created: ctx.now, modified: ctx.now, layer: ctx.layer, version: {},
  });
}

/** `event` renamed or re-dated, `modified` bumped. */
export function changeEvent(event: EventRecord, change: EventChange, now: string): EventRecord {
  return eventRecord({
    ...event,
    name: change.name?.trim() ?? event.name,
    start: change.start ?? event.start,
    end: change.end === undefined ? event.end : change.end ?? undefined,
    modified: modifiedAt(event, now),
  });
}
