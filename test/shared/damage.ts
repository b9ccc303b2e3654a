/**
 * Kinds of damage a Crossread database has been seen with (issue 8: 9 of 20
 * damaged databases blanked the views), as raw records to store over a valid
 * world. Node tests sort them in memory; Chromium tests put them into real
 * IndexedDB databases with `idb`. Each says which words its reason must have.
 */
import type { Annotation, Claim, CollectionName, EventRecord, Link } from '../../src/store/index.ts';

/** Valid records to damage: at least two passages, two claims (the second citing the second passage), a link and an event. */
export interface World {
  annotations: readonly Annotation[];
  claims: readonly Claim[];
  links: readonly Link[];
  events: readonly EventRecord[];
}

/** One raw record to store as it is. */
export interface RawPut {
  collection: CollectionName;
  value: unknown;
}

/** A damaged database: what to store, and what must come of it. */
export interface Damage {
  /** Raw records to store (a record with the id of a valid one replaces it). */
  puts: RawPut[];
  /** Words every set-aside record's reason must contain, in the order of `puts`. */
  reasons: RegExp[];
  /** Valid records that cite a damaged one and must still load: `collection id`. */
  citing?: string[];
}

// Fresh ids for added damaged records, distinct from any the world made.
const damagedId = (n: number) => `urn:uuid:dddddddd-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

function without<R extends object>(record: R, ...keys: string[]): Record<string, unknown> {
  const copy = { ...record } as Record<string, unknown>;
  for (const k of keys) delete copy[k];
  return copy;
}

/** Every kind of damage, by name. */
export const DAMAGES = {
  'claim without evidence': (w: World): Damage => ({
    puts: [{ collection: 'claims', value: without({ ...w.claims[0]!, id: damagedId(1) }, 'evidence') }],
    reasons: [/evidence is missing/],
  }),
  'evidence that is not a list': (w: World): Damage => ({
    puts: [{ collection: 'claims', value: { ...w.claims[0]!, id: damagedId(2), evidence: w.annotations[0]!.id } }],
    reasons: [/evidence is not a list/],
  }),
  'annotation without a selector': (w: World): Damage => ({
    puts: [{ collection: 'annotations', value: { ...w.annotations[1]!, target: without(w.annotations[1]!.target, 'selector') } }],
    reasons: [/position of the passage in the text is missing/],
    citing: [`claims ${w.claims[1]!.id}`],
  }),
  'empty selector list': (w: World): Damage => ({
    puts: [{ collection: 'annotations', value: { ...w.annotations[1]!, target: { ...w.annotations[1]!.target, selector: [] } } }],
    reasons: [/position of the passage in the text is missing/],
    citing: [`claims ${w.claims[1]!.id}`],
  }),
  'body that is not a list': (w: World): Damage => ({
    puts: [{ collection: 'annotations', value: { ...w.annotations[0]!, id: damagedId(3), body: 'a note' } }],
    reasons: [/body \(note and tags\) is not a list/],
  }),
  'unknown record shapes in a store': (w: World): Damage => ({
    puts: [
      { collection: 'claims', value: { id: damagedId(4), type: 'Bookmark', page: 12 } },
      { collection: 'events', value: { ...w.annotations[0]!, id: damagedId(5) } },
    ],
    reasons: [/kind of record this version of Crossread does not know \(“Bookmark”\)/, /It is a passage, stored among the events/],
  }),
  'event with bad dates': (w: World): Damage => ({
    puts: [
      { collection: 'events', value: { ...w.events[0]!, id: damagedId(6), start: '2022-13-45' } },
      { collection: 'events', value: { ...w.events[0]!, id: damagedId(7), start: '2022-01-06', end: '2022-01-02' } },
    ],
    reasons: [/start date must be an ISO date: YYYY, YYYY-MM or YYYY-MM-DD/, /The end date must not precede the start date/],
  }),
  'records missing layer and version': (w: World): Damage => ({
    puts: [{ collection: 'links', value: without({ ...w.links[0]!, id: damagedId(8), relation: 'qualifies' }, 'layer', 'version') }],
    reasons: [/layer \(whose work it is\) is missing; the version is missing/],
  }),
  'garbage and wrong types': (w: World): Damage => ({
    puts: [
      { collection: 'claims', value: { id: damagedId(9) } },
      { collection: 'annotations', value: { id: 42, text: 'not a passage' } },
      { collection: 'claims', value: { ...w.claims[0]!, id: damagedId(10), statement: 7, tags: 'x' } },
    ],
    reasons: [/^Most of what a claim needs is missing \(\d+ of its fields\)\.$/, /^Most of what a passage needs is missing/, /statement is not valid; the tags are not a list/],
  }),
  'link to a missing claim': (w: World): Damage => ({
    puts: [{ collection: 'links', value: { ...w.links[0]!, id: damagedId(11), relation: 'qualifies', to: damagedId(99) } }],
    reasons: [/links a claim that is not in this browser’s data/],
  }),
  'fields this version does not know': (w: World): Damage => ({
    puts: [
      { collection: 'claims', value: { ...w.claims[0]!, id: damagedId(12), futureField: { x: 1 } } },
      { collection: 'claims', value: { ...w.claims[0]!, id: damagedId(13), evidence: [{ ...w.claims[0]!.evidence[0]!, weight: 0.5 }] } },
    ],
    reasons: [/^It has a field this version of Crossread does not know \(“futureField”\)\.$/, /^The evidence has a field this version of Crossread does not know \(“weight”\)\.$/],
  }),
} satisfies Record<string, (w: World) => Damage>;

/** Name of a kind of damage. */
export type DamageName = keyof typeof DAMAGES;

/** Every kind at once; a record damaged twice is damaged the later way. */
export function allDamage(w: World): Damage {
  const all = Object.values(DAMAGES).map((d) => d(w));
  const byRecord = new Map<string, [RawPut, RegExp]>();
  for (const d of all) d.puts.forEach((put, i) => byRecord.set(`${put.collection} ${JSON.stringify((put.value as { id?: unknown }).id)}`, [put, d.reasons[i]!]));
  const kept = [...byRecord.values()];
  return { puts: kept.map(([put]) => put), reasons: kept.map(([, reason]) => reason), citing: [...new Set(all.flatMap((d) => d.citing ?? []))] };
}
