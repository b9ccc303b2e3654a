import { beforeAll, describe as group, expect, it } from 'vitest';
import { anchor, anchorAll, describe, type Anchor } from '../../src/anchoring/index.ts';
import { loadCorpus } from '../../scripts/corpus-files.ts';
import { rng } from '../shared/rng.ts';

let texts: Record<string, string> = {};
beforeAll(async () => {
  texts = Object.fromEntries((await loadCorpus()).map((d) => [d.meta.id, d.text]));
});

function placeOf(a: Anchor): [number, number] | string {
  return a.status === 'anchored' ? [a.start, a.end] : `orphan (${a.reason})`;
}

/** `n` word-aligned passages of 15–300 characters starting at or after `from`, drawn with `seed`. */
function passages(text: string, n: number, seed: number, from = 0): Array<[number, number]> {
  const r = rng(seed);
  const words = [...text.matchAll(/\S+/g)].map((m) => [m.index, m.index + m[0].length] as const).filter(([s]) => s >= from);
  const out: Array<[number, number]> = [];
  while (out.length < n) {
    const i = Math.floor(r() * words.length);
    const target = 15 + Math.floor(r() * 286);
    let j = i;
    while (j + 1 < words.length && words[j + 1]![1] - words[i]![0] <= target) j++;
    out.push([words[i]![0], words[j]![1]]);
  }
  return out;
}

group('anchorAll', () => {
  // Kurmashev et al. repeat the titles of laws and programmes; text added before the passages
  // leaves each passage's stored position pointing at another mention of the same words.
  // Each case: the edit (text → edited text), how far it moves the passages, the seed, where the
  // passages may start, and whether the original length is known (the reader does not know it).
  const moves: Array<[string, (text: string) => string, number, number, number, boolean]> = [
    ['pushed far by text added before them', (t) => texts['anisin-2026']!.slice(0, 20000) + t, 20000, 1, 0, true],
    ['moved by a preface, without the original length, as the reader anchors', (t) => texts['anisin-2026']!.slice(0, 5000) + t, 5000, 2, 0, false],
    ['after a cut at the start of the text', (t) => t.slice(5000), -5000, 3, 5200, false],
  ];
  it.each(moves)('finds passages %s, where one at a time orphans some', (_, edit, shift, seed, from, known) => {
    const text = texts['kurmashev-et-al-2018']!;
    const edited = edit(text);
    const spans = passages(text, 300, seed, from);
    const sels = spans.map(([s, e]) => describe(text, s, e));
    const options = known ? { originalLength: text.length } : {};
    expect(sels.filter((sel) => anchor(edited, sel, options).status === 'orphan').length).toBeGreaterThan(0);
    const together = anchorAll(edited, sels, options);
    together.forEach((a, i) => expect(placeOf(a), `passage ${i}`).toEqual([spans[i]![0] + shift, spans[i]![1] + shift]));
  });

  it('keeps a deleted passage an orphan while the text around it moved', () => {
    const text = texts['kurmashev-et-al-2018']!;
    const spans = passages(text, 150, 4);
    // Delete one passage of more than a few words; the rest moved by the preface.
    const gone = spans.findIndex(([s, e]) => e - s > 120);
    const [gs, ge] = spans[gone]!;
    const edited = texts['anisin-2026']!.slice(0, 8000) + text.slice(0, gs) + text.slice(ge);
    const together = anchorAll(edited, spans.map(([s, e]) => describe(text, s, e)), { originalLength: text.length });
    expect(together[gone]!.status).toBe('orphan');
  });

  it('expects a passage where the text on its own side moved: the paragraph before it moved away', () => {
    const text = texts['kurmashev-et-al-2018']!;
    const q = text.indexOf('Kazakhstan’s diplomacy has made');
    const p = text.lastIndexOf('\n', q - 2) + 1;
    // The paragraph before the passage moved to the end of the text.
    const moved = text.slice(0, p) + text.slice(q) + '\n' + text.slice(p, q - 1);
    const edited = moved.replace('steps to promote peace', 'steps to promote peeace');
    const word = (at: number): [number, number] => {
      const s = text.indexOf(' ', at) + 1;
      return [s, text.indexOf(' ', text.indexOf(' ', s + 15))];
    };
    // Three sure passages at the end of the moved paragraph, two a little further into the next.
    const neighbours = [q - 300, q - 200, q - 100, q + 250, q + 350].map(word);
    // A phrase a few words into the paragraph: its outer context was the moved paragraph's end.
    const at = text.indexOf('several important steps', q);
    const target: [number, number] = [at, at + 'several important steps'.length];
    const spans = [target, ...neighbours];
    const sels = spans.map(([s, e]) => describe(text, s, e));
    const options = { originalLength: text.length };
    // Alone, it is orphaned: far from the expected place, the paragraph before it gone, a word
    // after it misspelt.
    expect(anchor(edited, sels[0]!, options).status).toBe('orphan');
    const together = anchorAll(edited, sels, options);
    expect(together.slice(1).map((a) => a.status === 'anchored' && a.method !== 'fuzzy')).toEqual([true, true, true, true, true]);
    // Most of its nearest neighbours moved with the paragraph; the ones after it say where it is.
    expect(placeOf(together[0]!)).toEqual([target[0] - (q - p), target[1] - (q - p)]);
  });

  it('leaves to the context the words that replaced its word beside a passage, with other passages or without', () => {
    const text = texts['anisin-2026']!;
    const phrase = 'member states in comparison to interventions';
    const at = text.indexOf(phrase);
    const target = describe(text, at + 'member states '.length, at + 'member states in comparison to'.length);
    // "states" replaced by two words, "interventions" by two: one edit at each end, outside it.
    const edited = text.replace(phrase, 'member to enough in comparison to armed forays');
    const from = edited.indexOf('in comparison to armed');
    const want = [from, from + 'in comparison to'.length];
    const options = { originalLength: text.length };
    expect(placeOf(anchorAll(edited, [target], options)[0]!)).toEqual(want);
    expect(placeOf(anchor(edited, target, options))).toEqual(want);
    // The same with passages ending and starting at those words.
    const before = describe(text, at - 'into its '.length, at + 'member states'.length);
    const after = describe(text, at + 'member states in comparison to '.length, at + phrase.length);
    expect(placeOf(anchorAll(edited, [before, target, after], options)[1]!)).toEqual(want);
  });

  it('leaves passages without a position, and an empty list, as anchor does', () => {
    const text = texts['duvanova-junisbai-2022']!;
    const [q] = describe(text, 100, 160);
    expect(anchorAll(text, [[q]])).toEqual([anchor(text, [q])]);
    expect(anchorAll(text, [])).toEqual([]);
  });
});
