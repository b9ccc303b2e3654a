/**
 * A map made on another version of a built-in source (its content hash differs from the
 * library's): its passages are kept as made and placed, like every annotation, by the reader's
 * one placement on the current text (`placeAnnotations`, sorted by `textChanges` as the reader's
 * notice sorts them, ADR 0007). This says before the import what that placement will make of
 * them, so the summary lists the passages whose quote is no longer in the text (orphans, by
 * quote) and those found only approximately. Nothing is dropped or rewritten: an orphan is
 * imported, and listed in the reader's panel to re-attach. Pure.
 */
import { placeAnnotations } from '../../annotate/anchored.ts';
import { madeOnOtherText, textChanges } from '../../annotate/text-changes.ts';
import type { DocModel } from '../../corpus/types.ts';
import type { Annotation } from '../../store/index.ts';
import type { Orphan } from '../foreign.ts';

/** What the current texts make of passages made on other versions of them. */
export interface Reanchored {
  /** Passages made on another version of their source's text. */
  changed: number;
  /** Of those, found only by an approximate match. */
  fuzzy: number;
  /** Of those, not found in the current text. */
  orphans: Orphan[];
}

/** Places `annotations` made on another text of a library source than the current one. */
export function reanchor(annotations: readonly Annotation[], docs: readonly DocModel[]): Reanchored {
  const out: Reanchored = { changed: 0, fuzzy: 0, orphans: [] };
  for (const doc of docs) {
    const ofDoc = annotations.filter((a) => a.target.source === doc.meta.id);
    const changed = ofDoc.filter((a) => madeOnOtherText(doc, a)).length;
    if (changed === 0) continue;
    // All of them, as the reader places a source's annotations together: those made on the
    // current text say where it moved around the others (anchor-all.ts).
    const c = textChanges(doc, placeAnnotations(doc, ofDoc));
    out.changed += changed;
    out.fuzzy += c.fuzzy.length;
    for (const a of c.missing) out.orphans.push({ id: a.id, source: doc.meta.id, quote: a.target.selector[0].exact });
  }
  return out;
}
