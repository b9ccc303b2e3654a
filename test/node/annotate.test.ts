import { describe, it, expect } from 'vitest';
import { readFile } from 'node:fs/promises';
import { buildDocument } from '../../src/corpus/index.ts';
import { CORPUS_DIR } from '../../scripts/corpus-files.ts';
import * as annotate from '../../src/annotate/anchored.ts';
import { annotationsAt, colourOf, highlightOn, placeAnnotations, targetFor, type Placed } from '../../src/annotate/anchored.ts';
import { buildAnnotation, type Annotation } from '../../src/store/index.ts';
import { LAYER } from './store-fixtures.ts';

function annotation(target: Annotation['target'], tags: string[] = [], creatorName = 'Ann'): Annotation {
  return buildAnnotation({ target, tags }, { id: `urn:uuid:${crypto.randomUUID()}`, now: '2026-01-01T00:00:00.000Z', creatorName, layer: LAYER });
}

describe('placing annotations', () => {
  it('exports its public API', () => {
    expect(Object.keys(annotate).sort()).toEqual(['COLOURS', 'annotationsAt', 'colourOf', 'highlightOn', 'placeAnnotations', 'targetFor']);
  });

  it('finds the layer\u2019s bare highlight on exactly a span, and nothing else', () => {
    const t = { source: 's', sourceHash: 'h', selector: [{ type: 'TextQuoteSelector', exact: 'x' }] } as unknown as Annotation['target'];
    const at = (a: Annotation, start: number, end: number): Placed => ({ annotation: a, start, end, method: 'position' });
    const bare = at(annotation(t), 10, 20);
    const tagged = at(annotation(t, ['kz']), 30, 40);
    const placed = [bare, tagged];
    expect(highlightOn(placed, 10, 20, LAYER)).toBe(bare);
    expect(highlightOn(placed, 10, 21, LAYER)).toBe(undefined); // not the same span
    expect(highlightOn(placed, 30, 40, LAYER)).toBe(undefined); // has a body: a highlight would add to it
    expect(highlightOn(placed, 10, 20, 'urn:uuid:other')).toBe(undefined); // someone else's
  });

  it('re-anchors after a corpus edit, and orphans what the edit destroyed, keeping it', async () => {
    const md = await readFile(`${CORPUS_DIR}anisin-2026.md`, 'utf8');
    const v1 = buildDocument(md, { fileName: 'anisin-2026.md' });
    const para = (n: number) => v1.blocks.find((b) => b.numbered && b.n === n)!;
    const [p10, p20, p30] = [para(10), para(20), para(30)];
    const span = (p: typeof p10, from: number, len: number) => [p.start + from, p.start + from + len] as const;
    const a = annotation(targetFor(v1, ...span(p10, 0, 80)));
    const b = annotation(targetFor(v1, ...span(p20, 20, 120)));
    const c = annotation(targetFor(v1, ...span(p30, 0, p30.end - p30.start)));

    // Edit: a new paragraph early on (shifts everything), a word changed inside b, c's paragraph deleted.
    const textOf = (p: typeof p10) => v1.text.slice(p.start, p.end);
    const bText = v1.text.slice(...span(p20, 20, 120));
    const word = bText.split(' ')[3]!;
    expect(md).toContain(bText.slice(0, 60));
    const edited = md
      .replace(textOf(para(2)).slice(0, 40), `An inserted paragraph.\n\n${textOf(para(2)).slice(0, 40)}`)
      .replace(bText, bText.replace(` ${word} `, ` ${word.toUpperCase()}X `))
      .replace(textOf(p30), '');
    const v2 = buildDocument(edited, { fileName: 'anisin-2026.md' });
    expect(v2.hash).not.toBe(v1.hash);

    const { placed, orphans } = placeAnnotations(v2, [c, b, a]);
    expect(orphans.map((o) => o.id)).toEqual([c.id]);
    expect(placed.map((p) => p.annotation.id)).toEqual([a.id, b.id]); // reading order
    const pa = placed[0]!;
    expect(v2.text.slice(pa.start, pa.end)).toBe(a.target.selector[0].exact);
    expect(pa.method).toBe('quote');
    const pb = placed[1]!;
    expect(pb.method).toBe('fuzzy');
    expect(Math.abs(v2.text.slice(pb.start, pb.end).length - bText.length)).toBeLessThanOrEqual(2);
  });

  it('finds the innermost annotation under an offset', () => {
    const doc = buildDocument('One two three four five six seven eight nine ten.');
    const outer = annotation(targetFor(doc, 0, 30));
    const inner = annotation(targetFor(doc, 8, 13));
    const { placed } = placeAnnotations(doc, [outer, inner]);
    expect(annotationsAt(placed, 10).map((p) => p.annotation.id)).toEqual([inner.id, outer.id]);
    expect(annotationsAt(placed, 35)).toEqual([]);
  });

  it('colours by first tag or by person, the same key always the same colour', () => {
    const doc = buildDocument('Some text to annotate here.');
    const t = targetFor(doc, 0, 4);
    expect(colourOf(annotation(t))).toBe(0);
    const x = colourOf(annotation(t, ['Violence', 'x']));
    expect(x).toBeGreaterThan(0);
    expect(colourOf(annotation(t, ['violence']))).toBe(x);
    expect(colourOf(annotation(t, [], 'Bea'), 'author')).toBe(colourOf(annotation(t, ['z'], 'Bea'), 'author'));
    const slots = new Set(['Ann', 'Bea', 'Chen', 'Dana', 'Erlan', 'Farida'].map((n) => colourOf(annotation(t, [], n), 'author')));
    expect(slots.size).toBeGreaterThan(2);
  });
});
