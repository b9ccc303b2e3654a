/**
 * Passage heat: per ¶ of a source, which students marked something in it. A student counts
 * once per ¶ however many of their passages overlap there, so the number reads "marked by 3
 * of 5 students", not "5 highlights". A passage over several ¶s counts in each (the one ¶
 * index, `corpus/paragraphs.ts`, says which). The ¶'s quote is the stretch of it that most of
 * them marked, so a reader sees what drew them, not the whole paragraph. Pure.
 */
import type { Placed } from '../../annotate/anchored.ts';
import { paragraphsOfSpan, spanOfParagraph } from '../../corpus/paragraphs.ts';
import { clip } from '../../corpus/clip.ts';
import type { DocModel } from '../../corpus/types.ts';

/** One ¶ that students marked. */
export interface ParagraphHeat {
  source: string;
  paragraph: number;
  /** Ids of the student layers with a passage in this ¶, sorted. */
  layers: string[];
  /** The stretch of the ¶ marked by the most of them (at most {@link QUOTE_CHARS}, cut at a word). */
  quote: string;
}

/** Longest quote a heat entry carries: a sentence or two, enough to recognise the passage. */
export const QUOTE_CHARS = 280;

interface Mark {
  start: number;
  end: number;
  layer: string;
}

/**
 * The ¶s of `doc` that passages of `students` cover, in reading order. `placed` are the
 * source's passages as placed in its current text (`placeAnnotations`); others' passages and
 * orphans (not in the text) count for nothing.
 */
export function heatOf(doc: DocModel, placed: readonly Placed[], students: ReadonlySet<string>): ParagraphHeat[] {
  const marks = new Map<number, Mark[]>();
  for (const p of placed) {
    const layer = p.annotation.layer;
    if (!students.has(layer)) continue;
    const range = paragraphsOfSpan(doc.blocks, p.start, p.end);
    if (!range) continue;
    for (let n = range.from; n <= range.to; n++) {
      const list = marks.get(n);
      const mark = { start: p.start, end: p.end, layer };
      if (list) list.push(mark);
      else marks.set(n, [mark]);
    }
  }
  return [...marks]
    .sort(([a], [b]) => a - b)
    .map(([paragraph, ms]) => ({
      source: doc.meta.id,
      paragraph,
      layers: [...new Set(ms.map((m) => m.layer))].sort(),
      quote: hottest(doc, paragraph, ms),
    }));
}

/** Students per ¶ number: what the reader's heat strip shows. */
export function heatByParagraph(heat: readonly ParagraphHeat[]): Map<number, number> {
  return new Map(heat.map((h) => [h.paragraph, h.layers.length]));
}

// The first longest run of text inside ¶n covered by the most students.
function hottest(doc: DocModel, n: number, marks: readonly Mark[]): string {
  const span = spanOfParagraph(doc.blocks, n);
  const clipped = marks
    .map((m) => ({ ...m, start: Math.max(m.start, span?.start ?? m.start), end: Math.min(m.end, span?.end ?? m.end) }))
    .filter((m) => m.end > m.start);
  if (clipped.length === 0) return cut(doc.text.slice(marks[0]!.start, marks[0]!.end));
  const bounds = [...new Set(clipped.flatMap((m) => [m.start, m.end]))].sort((a, b) => a - b);
  let best = { count: 0, start: 0, end: 0 };
  let run = { count: 0, start: 0, end: 0 };
  for (let i = 0; i + 1 < bounds.length; i++) {
    const [s, e] = [bounds[i]!, bounds[i + 1]!];
    const count = new Set(clipped.filter((m) => m.start <= s && e <= m.end).map((m) => m.layer)).size;
    run = count === run.count && run.end === s ? { count, start: run.start, end: e } : { count, start: s, end: e };
    if (run.count > best.count || (run.count === best.count && run.start === best.start && run.end > best.end)) best = { ...run };
  }
  return cut(doc.text.slice(best.start, best.end));
}

function cut(text: string): string {
  return clip(text.replace(/\s+/g, ' ').trim(), QUOTE_CHARS);
}
