/**
 * Which blocks of a document are apparatus, not argument: a section that a bibliography or notes
 * heading opens (to the next heading of its level or above), and a publication's own lines
 * (keywords, dates, DOI, licence). Related passages leave them out; search ranks them after
 * the text. One rule for both. Pure; computed once per model.
 */
import type { DocModel } from './types.ts';

/** Headings that open apparatus sections. */
const SECTION = /^(references|bibliography|works cited|literature|sources|notes|endnotes)$/i;
/** A publication's lines: a keyword list is all names and, short, outranked the argument it lists. */
const LINE = /^(key ?words?\s*:|first published\b|published online\b|(received|accepted|revised)\s*:|doi\s*:|https?:\/\/doi\.org|to cite this\b|copyright\b|©|corresponding author\b)/i;

const cache = new WeakMap<DocModel, readonly boolean[]>();

/** Per block of `doc`, whether it is apparatus (an apparatus section's heading included). */
export function apparatusBlocks(doc: DocModel): readonly boolean[] {
  let flags = cache.get(doc);
  if (flags) return flags;
  let section = 0; // level of the apparatus heading we are under, 0 when none
  flags = doc.blocks.map((b) => {
    const text = doc.text.slice(b.start, b.end).trim();
    if (b.kind === 'heading') {
      const level = b.level ?? 1;
      if (section && level <= section) section = 0;
      if (!section && SECTION.test(text)) section = level;
    }
    return section > 0 || LINE.test(text);
  });
  cache.set(doc, flags);
  return flags;
}
