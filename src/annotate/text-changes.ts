import type { DocModel } from '../corpus/types.ts';
import type { Annotation, TextChangeSeen } from '../store/index.ts';
import type { Placed, Placement } from './anchored.ts';

/**
 * What became of the annotations made on an earlier text of a source (their `sourceHash` is
 * not the current text's hash). Annotations made on the current text are not counted: they
 * anchor where they were made, and an unchanged text says nothing.
 */
export interface TextChanges {
  /** Hash of the current text. */
  text: string;
  /** Found with the stored quote unchanged (it may have moved). */
  exact: Placed[];
  /** Found by approximate match: the text there now differs from the stored quote. */
  fuzzy: Placed[];
  /** Not found in the current text: the panel lists them as orphans, to re-attach. */
  missing: Annotation[];
}

/** Whether an annotation was made on another text of its source than `doc`'s. */
export function madeOnOtherText(doc: Pick<DocModel, 'hash'>, a: Annotation): boolean {
  return a.target.sourceHash !== doc.hash;
}

/**
 * Sorts the annotations made on other texts by what anchoring made of them, from the reader's
 * placement (`placeAnnotations`). Exact means the text at the place is the stored quote,
 * whichever way the anchor was found; a place whose ends were adjusted is fuzzy.
 */
export function textChanges(doc: Pick<DocModel, 'hash' | 'text'>, placement: Placement): TextChanges {
  const exact: Placed[] = [];
  const fuzzy: Placed[] = [];
  for (const p of placement.placed) {
    if (!madeOnOtherText(doc, p.annotation)) continue;
    (doc.text.slice(p.start, p.end) === p.annotation.target.selector[0].exact ? exact : fuzzy).push(p);
  }
  const missing = placement.orphans.filter((a) => madeOnOtherText(doc, a));
  return { text: doc.hash, exact, fuzzy, missing };
}

/** Ids of every annotation the changes cover, sorted. */
export function changedIds(c: TextChanges): string[] {
  return [...c.exact, ...c.fuzzy].map((p) => p.annotation.id).concat(c.missing.map((a) => a.id)).sort();
}

/**
 * Whether the reader is to be told (the "once" rule): there are annotations made on other
 * texts, and either the text is not the one last told about or some of them were not covered
 * then (an import, another tab). Accepting a new place takes an annotation out of the changes,
 * and undoing that brings back one already covered: neither is news.
 */
export function isNews(c: TextChanges, seen: TextChangeSeen | undefined): boolean {
  const ids = changedIds(c);
  if (ids.length === 0) return false;
  if (!seen || seen.text !== c.text) return true;
  const known = new Set(seen.ids);
  return ids.some((id) => !known.has(id));
}

/** What to remember once the reader was told: the text, and every annotation covered so far. */
export function seenAfter(c: TextChanges, seen: TextChangeSeen | undefined): TextChangeSeen {
  const ids = new Set(seen?.text === c.text ? seen.ids : []);
  for (const id of changedIds(c)) ids.add(id);
  return { text: c.text, ids: [...ids].sort() };
}

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** One line for the notice: "The text changed since 3 annotations were made on it." */
export function changeHeadline(c: TextChanges): string {
  const n = c.exact.length + c.fuzzy.length + c.missing.length;
  return `This text changed since ${count(n, 'annotation')} ${n === 1 ? 'was' : 'were'} made on it.`;
}
