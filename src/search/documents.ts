/**
 * What the search box finds, as documents of one index: a source's blocks (one per paragraph,
 * heading, list item or cell), claims, annotation notes, tags and events. Each carries a
 * `title` (short, boosted) and a `text`, and a `target` saying what opening it means. Pure.
 */
import type { DocModel } from '../corpus/types.ts';
import { apparatusBlocks } from '../corpus/apparatus.ts';
import { formatRange } from '../store/date-words.ts';
import { noteOf, type Annotation, type Claim, type EventRecord } from '../store/index.ts';

/** The kinds of thing found, in the order the results list them. */
export const KINDS = ['passage', 'claim', 'note', 'tag', 'event'] as const;

/** A kind of thing found. */
export type Kind = (typeof KINDS)[number];

/** A block of a source: opened in the reader at its ¶. */
export interface PassageTarget {
  kind: 'passage';
  source: string;
  /** Index of the block in `DocModel.blocks`. */
  block: number;
  /** The ¶ number readers see (`Block.n`, the one ¶ index). */
  n: number;
  /** A heading (of the section ¶n opens), said as such: it is not ¶n's text. */
  heading?: true;
  /** Apparatus (corpus/apparatus.ts: a bibliography entry, a keywords line): ranked after the text. */
  apparatus?: true;
}

/** A claim: opened in the claims view. */
export interface ClaimTarget {
  kind: 'claim';
  claim: string;
  /** Who made it: two students' claims may say the same. */
  by: string;
}

/** An annotation's note: opened in the reader on its passage. */
export interface NoteTarget {
  kind: 'note';
  annotation: string;
  source: string;
  /** The annotated passage, to show what the note is about. */
  quote: string;
  /** Where the passage started when annotated (text position selector), for its ¶. */
  start: number;
}

/** A tag on claims or passages: opens the claims carrying it. */
export interface TagTarget {
  kind: 'tag';
  tag: string;
  claims: number;
  passages: number;
}

/** An event: opens its comparison view. */
export interface EventTarget {
  kind: 'event';
  event: string;
}

/** What opening a found document means. */
export type Target = PassageTarget | ClaimTarget | NoteTarget | TagTarget | EventTarget;

/** One document of the index. */
export interface SearchDoc {
  /** Unique across kinds: `<kind>:<id>`. */
  id: string;
  /** Short and boosted: a claim's statement, a tag, an event's name; empty for passages and notes. */
  title: string;
  /** The body: a block's text, a claim's note, an annotation's note, an event's dates. */
  text: string;
  target: Target;
}

/** The id of a source's block in the index. */
export const passageId = (source: string, block: number): string => `passage:${source}:${block}`;

/** The document of a source's `i`th block. */
export function passageDoc(doc: DocModel, i: number): SearchDoc {
  const b = doc.blocks[i]!;
  const target: PassageTarget = { kind: 'passage', source: doc.meta.id, block: i, n: b.n };
  if (b.kind === 'heading') target.heading = true;
  if (apparatusBlocks(doc)[i]) target.apparatus = true;
  return { id: passageId(doc.meta.id, i), title: '', text: doc.text.slice(b.start, b.end), target };
}

/** One document per block of a source, in reading order. */
export function passageDocs(doc: DocModel): SearchDoc[] {
  return doc.blocks.map((_, i) => passageDoc(doc, i));
}

/** A claim: its statement (title) and note. */
export function claimDoc(claim: Claim): SearchDoc {
  return { id: `claim:${claim.id}`, title: claim.statement, text: claim.note ?? '', target: { kind: 'claim', claim: claim.id, by: claim.creator.name } };
}

/** An annotation's note, or nothing for an annotation without one (highlights, tags only). */
export function noteDoc(annotation: Annotation): SearchDoc | undefined {
  const note = noteOf(annotation);
  if (!note?.trim()) return undefined;
  const [quote, position] = annotation.target.selector;
  return {
    id: `note:${annotation.id}`,
    title: '',
    text: note,
    target: { kind: 'note', annotation: annotation.id, source: annotation.target.source, quote: quote.exact, start: position.start },
  };
}

/** A tag with how many claims and passages carry it. */
export function tagDoc(tag: string, claims: number, passages: number): SearchDoc {
  return { id: `tag:${tag}`, title: tag, text: '', target: { kind: 'tag', tag, claims, passages } };
}

/** An event: its name (title) and its dates in words, so "January 2022" finds it. */
export function eventDoc(event: EventRecord): SearchDoc {
  return { id: `event:${event.id}`, title: event.name, text: formatRange(event.start, event.end), target: { kind: 'event', event: event.id } };
}
