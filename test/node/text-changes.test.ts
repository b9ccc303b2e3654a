import { describe, it, expect } from 'vitest';
import { readFile } from 'node:fs/promises';
import * as v from 'valibot';
import fc from 'fast-check';
import { buildDocument } from '../../src/corpus/index.ts';
import type { DocModel } from '../../src/corpus/types.ts';
import { CORPUS_DIR } from '../../scripts/corpus-files.ts';
import { placeAnnotations, targetFor } from '../../src/annotate/anchored.ts';
import * as api from '../../src/annotate/text-changes.ts';
import { changedIds, changeHeadline, isNews, seenAfter, textChanges } from '../../src/annotate/text-changes.ts';
import * as diffApi from '../../src/annotate/word-diff.ts';
import { wordDiff, MAX_DIFF_WORDS } from '../../src/annotate/word-diff.ts';
import { buildAnnotation, MemoryPersistence, SettingSchema, type Annotation } from '../../src/store/index.ts';
import { makeStore } from './claims-fixtures.ts';
import { LAYER } from './store-fixtures.ts';

let n = 0;
function annotation(target: Annotation['target']): Annotation {
  const id = `urn:uuid:00000000-0000-4000-8000-${(++n).toString(16).padStart(12, '0')}`;
  return buildAnnotation({ target }, { id, now: '2026-01-01T00:00:00.000Z', creatorName: 'Ann', layer: LAYER });
}

// anisin-2026 as annotated (v1) and after an edit (v2): a paragraph inserted early (everything
// moves), two words of one passage changed, one passage's paragraph deleted.
async function editedSource() {
  const md = await readFile(`${CORPUS_DIR}anisin-2026.md`, 'utf8');
  const v1 = buildDocument(md, { fileName: 'anisin-2026.md' });
  const para = (n: number) => v1.blocks.find((b) => b.numbered && b.n === n)!;
  const textOf = (p: ReturnType<typeof para>) => v1.text.slice(p.start, p.end);
  const at = (p: ReturnType<typeof para>, from: number, len: number) => targetFor(v1, p.start + from, p.start + from + len);
  const moved = annotation(at(para(10), 0, 80));
  const edited = annotation(at(para(20), 20, 120));
  const deleted = annotation(at(para(30), 0, textOf(para(30)).length));
  const quote = edited.target.selector[0].exact;
  const [w3, w6] = [quote.split(' ')[3]!, quote.split(' ')[6]!];
  const md2 = md
    .replace(textOf(para(2)).slice(0, 40), `An inserted paragraph.\n\n${textOf(para(2)).slice(0, 40)}`)
    .replace(quote, quote.replace(` ${w3} `, ` ${w3}ish `).replace(` ${w6} `, ' sundry '))
    .replace(textOf(para(30)), '');
  const v2 = buildDocument(md2, { fileName: 'anisin-2026.md' });
  return { v1, v2, moved, edited, deleted };
}

describe('what became of annotations made on an earlier text', () => {
  it('exports its public API', () => {
    expect(Object.keys(api).sort()).toEqual(['changeHeadline', 'changedIds', 'isNews', 'madeOnOtherText', 'seenAfter', 'textChanges']);
  });

  it('sorts them into exact, fuzzy and not found; annotations made on the current text do not count', async () => {
    const { v2, moved, edited, deleted } = await editedSource();
    const p = v2.blocks.find((b) => b.numbered && b.n === 12)!;
    const current = annotation(targetFor(v2, p.start, p.start + 50));
    const c = textChanges(v2, placeAnnotations(v2, [deleted, current, edited, moved]));
    expect(c.text).toBe(v2.hash);
    expect(c.exact.map((x) => x.annotation.id)).toEqual([moved.id]);
    expect(c.fuzzy.map((x) => x.annotation.id)).toEqual([edited.id]);
    expect(c.missing.map((a) => a.id)).toEqual([deleted.id]);
    const [f] = c.fuzzy;
    expect(v2.text.slice(f!.start, f!.end)).toContain('sundry');
    expect(changedIds(c)).toEqual([moved.id, edited.id, deleted.id].sort());
    expect(changeHeadline(c)).toBe('This text changed since 3 annotations were made on it.');
  });

  it('an unchanged text, or annotations all made on the current one, is no news', async () => {
    const { v1, moved, edited, deleted } = await editedSource();
    const c = textChanges(v1, placeAnnotations(v1, [moved, edited, deleted]));
    expect(changedIds(c)).toEqual([]);
    expect(isNews(c, undefined)).toBe(false);
  });

  it('a passage found exactly but with its ends adjusted counts as fuzzy', () => {
    const v1 = buildDocument('Alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigma tau.');
    const a = annotation(targetFor(v1, 11, 40));
    const v2: DocModel = { ...v1, hash: 'other' };
    const placed = [{ annotation: a, start: 11, end: 42, method: 'quote' as const }];
    expect(textChanges(v2, { placed, orphans: [] }).fuzzy).toHaveLength(1);
    expect(textChanges(v2, { placed: [{ ...placed[0]!, end: 40 }], orphans: [] }).exact).toHaveLength(1);
  });

  it('tells once per text, again for another text or for annotations not covered before', async () => {
    const { v2, moved, edited, deleted } = await editedSource();
    const first = textChanges(v2, placeAnnotations(v2, [moved, edited]));
    expect(isNews(first, undefined)).toBe(true);
    const seen = seenAfter(first, undefined);
    expect(seen).toEqual({ text: v2.hash, ids: [moved.id, edited.id].sort() });
    expect(isNews(first, seen)).toBe(false);

    // The fuzzy one accepted: it is made on the current text now, so it leaves the changes.
    const accepted = annotation(targetFor(v2, 0, 10));
    const after = textChanges(v2, placeAnnotations(v2, [moved, { ...edited, target: accepted.target }]));
    expect(changedIds(after)).toEqual([moved.id]);
    expect(isNews(after, seen)).toBe(false);
    // …and undoing that brings back one already covered.
    expect(isNews(first, seenAfter(after, seen))).toBe(false);
    expect(seenAfter(after, seen).ids).toEqual(seen.ids);

    // An annotation of an earlier text arrives (an import, another tab): news, and then covered too.
    const more = textChanges(v2, placeAnnotations(v2, [moved, edited, deleted]));
    expect(isNews(more, seen)).toBe(true);
    expect(isNews(more, seenAfter(more, seen))).toBe(false);

    // The text changes again: news, and what was covered for the old text does not carry over.
    const again = { ...first, text: 'another-hash' };
    expect(isNews(again, seen)).toBe(true);
    expect(seenAfter(again, { text: 'old', ids: ['urn:uuid:00000000-0000-4000-8000-0000000000ff'] }).ids).toEqual(seen.ids);
  });
});

describe('remembering what the reader was told', () => {
  it('keeps it in a settings record per source, across a reload, not undoable', async () => {
    const persistence = new MemoryPersistence();
    const { store } = await makeStore({ persistence });
    expect(store.textChangeSeen('anisin-2026')).toBeUndefined();
    const seen = { text: 'h2', ids: ['urn:uuid:00000000-0000-4000-8000-000000000001'] };
    await store.rememberTextChangeSeen('anisin-2026', seen);
    expect(store.textChangeSeen('anisin-2026')).toEqual(seen);
    expect(store.textChangeSeen('duvanova-junisbai-2022')).toBeUndefined();
    expect(store.canUndo).toBe(false);
    await store.setCreatorName('Ann');
    expect(store.creatorName).toBe('Ann');
    const { store: reloaded } = await makeStore({ persistence });
    expect(reloaded.textChangeSeen('anisin-2026')).toEqual(seen);
    expect(reloaded.creatorName).toBe('Ann');
  });

  it('refuses a malformed record', () => {
    const ok = { id: 'textChangeSeen:anisin-2026', value: { text: 'h', ids: [] } };
    expect(v.safeParse(SettingSchema, ok).success).toBe(true);
    for (const bad of [
      { ...ok, id: 'textChangeSeen:' },
      { ...ok, id: 'somethingElse' },
      { ...ok, value: { text: '', ids: [] } },
      { ...ok, value: { text: 'h', ids: ['not-an-id'] } },
      { ...ok, value: { text: 'h', ids: [], extra: 1 } },
    ]) expect(v.safeParse(SettingSchema, bad).success, JSON.stringify(bad)).toBe(false);
  });
});

describe('word diff of a stored quote and the text now', () => {
  it('exports its public API', () => {
    expect(Object.keys(diffApi).sort()).toEqual(['MAX_DIFF_WORDS', 'wordDiff']);
  });

  it('marks the words each side has that the other lacks, each side keeping its spacing', () => {
    const d = wordDiff('the protests began in Zhanaozen on 2 January', 'the unrest began in  Zhanaozen town on 2 January')!;
    expect(d.before).toEqual([
      { text: 'the ', changed: false },
      { text: 'protests ', changed: true },
      { text: 'began in Zhanaozen on 2 January', changed: false },
    ]);
    expect(d.after).toEqual([
      { text: 'the ', changed: false },
      { text: 'unrest ', changed: true },
      { text: 'began in  Zhanaozen ', changed: false },
      { text: 'town ', changed: true },
      { text: 'on 2 January', changed: false },
    ]);
  });

  it('for any pair: each side joins back to its text, and the unchanged words are the same on both', () => {
    const text = fc.array(fc.constantFrom('the', 'CSTO', 'of', 'Almaty', 'and', 'the', ' ', '  ', '\n'), { maxLength: 30 }).map((w) => w.join(' '));
    const join = (p: readonly diffApi.DiffPiece[]) => p.map((x) => x.text).join('');
    const kept = (p: readonly diffApi.DiffPiece[]) => p.filter((x) => !x.changed).flatMap((x) => x.text.split(/\s+/).filter(Boolean));
    fc.assert(
      fc.property(text, text, (before, after) => {
        const d = wordDiff(before, after)!;
        expect(join(d.before)).toBe(before);
        expect(join(d.after)).toBe(after);
        expect(kept(d.before)).toEqual(kept(d.after));
        // Neighbouring pieces of a side differ: runs are merged.
        for (const side of [d.before, d.after]) side.slice(1).forEach((p, i) => expect(p.changed).not.toBe(side[i]!.changed));
      }),
      { seed: 20260111, numRuns: 300 },
    );
  });

  it('gives up on very long texts rather than take quadratic time', () => {
    const long = 'word '.repeat(MAX_DIFF_WORDS + 1);
    expect(wordDiff(long, 'word')).toBeUndefined();
    expect(wordDiff('a b', 'a b')).toEqual({ before: [{ text: 'a b', changed: false }], after: [{ text: 'a b', changed: false }] });
  });
});
