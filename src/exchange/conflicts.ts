/**
 * The conflicts an import left undecided (ADR 0004: a record changed both here and in the file
 * since they last agreed), said in the reader's words: which record (a claim by its statement, a
 * passage by its quote, a link by its claims, an event by its name), why it is a conflict, and
 * each field that differs as plain text, mine beside theirs. And where a conflict stands now,
 * from the store's records, so a resolution undone (by its toast or Ctrl+Z) reopens it. Pure.
 */
import { eventsOf, noteOf, tagsOf, type Annotation, type Claim, type Conflict, type EventRecord, type Link, type SharedRecord, type SourceRecord } from '../store/index.ts';
import { RELATION_WORDS, STANCE_WORDS } from '../map/words.ts';
import { deepEqual } from '../store/equal.ts';

/** One field whose text differs between the two sides. */
export interface FieldDifference {
  /** What the reader calls the field ("Statement"). */
  label: string;
  /** The text here. */
  mine: string;
  /** The text in the file. */
  theirs: string;
}

/** A conflict as the reader sees it. */
export interface ConflictWords {
  /** What kind of record: "claim", "passage", "link", "event". */
  what: string;
  /** Which one: the statement, the quote, "A supports B", the name (as it is here). */
  title: string;
  /** Why choosing is needed, in a sentence. */
  why: string;
  /** The fields that differ; empty for a deletion (the whole record is the difference). */
  fields: FieldDifference[];
  /** False for an id in two layers: no choice settles it (ADR 0004). */
  choosable: boolean;
}

/** Names of records a conflicting one refers to, as this installation has them. */
export interface Names {
  claim(id: string): string | undefined;
  event(id: string): string | undefined;
  passage(id: string): string | undefined;
}

const WHAT = { claims: 'claim', annotations: 'passage', links: 'link', events: 'event', sources: 'source' } as const;

const WHY: Record<Conflict['reason'], string> = {
  concurrent: 'Changed here and in the file since they last agreed.',
  diverged: 'The file holds other content under the same version: one of the two copies was altered outside Crossread.',
  layer: 'This id belongs to another map here. No choice settles it: the file reuses an id of someone else’s records.',
  'changed-since-deleted': 'Deleted in the file, but changed here since it was deleted there.',
};

const quoted = (s: string | undefined) => (s === undefined ? '(not here)' : `\u201c${s}\u201d`);

/** The fields of a record as the reader reads them, in order. */
function fieldsOf(collection: Conflict['collection'], r: SharedRecord, names: Names): Array<[string, string]> {
  switch (collection) {
    case 'claims': {
      const c = r as Claim;
      return [
        ['Statement', c.statement],
        ['Note', c.note ?? ''],
        ['Tags', c.tags.join(', ')],
        ['Events', c.events.map((id) => names.event(id) ?? id).join('; ')],
        ['Evidence', c.evidence.map((e) => `${quoted(names.passage(e.annotation))} (${STANCE_WORDS[e.stance]})`).join('\n')],
      ];
    }
    case 'annotations': {
      const a = r as Annotation;
      return [
        ['Passage', `${quoted(a.target.selector[0].exact)} in ${a.target.source}`],
        ['Note', noteOf(a) ?? ''],
        ['Tags', tagsOf(a).join(', ')],
        ['Events', eventsOf(a).map((id) => names.event(id) ?? id).join('; ')],
      ];
    }
    case 'links': {
      const l = r as Link;
      return [
        ['Relation', `${quoted(names.claim(l.from))} ${RELATION_WORDS[l.relation].active} ${quoted(names.claim(l.to))}`],
        ['Rationale', l.rationale ?? ''],
      ];
    }
    case 'events': {
      const e = r as EventRecord;
      return [
        ['Name', e.name],
        ['Dates', e.end ? `${e.start} to ${e.end}` : e.start],
      ];
    }
    case 'sources': {
      const s = r as SourceRecord;
      return [
        ['Title', s.title],
        ['Authors', s.authors.join('; ')],
        ['Year', s.year === undefined ? '' : String(s.year)],
        ['Text', s.text],
      ];
    }
  }
}

/** Which record `r` is, in a line. */
function titleOf(collection: Conflict['collection'], r: SharedRecord, names: Names): string {
  return fieldsOf(collection, r, names)[0]![1];
}

/** A conflict in the reader's words. */
export function conflictWords(c: Conflict, names: Names): ConflictWords {
  const mine = fieldsOf(c.collection, c.local, names);
  const theirs = c.incoming ? fieldsOf(c.collection, c.incoming, names) : undefined;
  const fields = theirs ? mine.map(([label, text], i) => ({ label, mine: text, theirs: theirs[i]![1] })).filter((f) => f.mine !== f.theirs) : [];
  return { what: WHAT[c.collection], title: titleOf(c.collection, c.local, names), why: WHY[c.reason], fields, choosable: c.reason !== 'layer' };
}

/** Where a conflict stands: still to decide, or settled one way. */
export type ConflictState = 'open' | 'mine' | 'theirs';

const content = (r: SharedRecord) => ({ ...r, version: undefined });

/**
 * Where `c` stands given the record here now (`current`, absent if deleted) and, if the reader
 * kept theirs, the record that choice wrote (`kept`). Taken theirs: the record here is theirs
 * (or gone, for a deletion). Kept mine: the record is still the one that choice wrote. Anything
 * else, e.g. after the resolution was undone, is open again, against the record as it is now.
 */
export function conflictState(c: Conflict, current: SharedRecord | undefined, kept: SharedRecord | undefined): { state: ConflictState; conflict: Conflict } {
  if (c.reason !== 'layer' && (c.incoming ? current !== undefined && deepEqual(content(current), content(c.incoming)) : current === undefined)) return { state: 'theirs', conflict: c };
  if (kept && current && deepEqual(current, kept)) return { state: 'mine', conflict: c };
  return { state: 'open', conflict: current && !deepEqual(current, c.local) ? { ...c, local: current } : c };
}
