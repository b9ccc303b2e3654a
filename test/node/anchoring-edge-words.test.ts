/**
 * The word-by-word edge repair (src/anchoring/edge-words.ts) on its own: seeded properties over
 * corpus passages whose surroundings were edited (it moves an end only to another word boundary
 * within two words, and leaves verbatim ends alone), and the cases it is for.
 */
import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import * as api from '../../src/anchoring/edge-words.ts';
import { repairEnd, repairStart } from '../../src/anchoring/edge-words.ts';
import { loadCorpus } from '../../scripts/corpus-files.ts';

const SEED = 20261130;
let text = '';
beforeAll(async () => {
  text = (await loadCorpus()).find((d) => d.meta.id === 'anisin-2026')!.text;
});

/** The probe for text[s, e) as anchor() builds it: 32 characters of context a side. */
const probe = (t: string, s: number, e: number) => ({ text: t, exact: t.slice(s, e), prefix: t.slice(Math.max(0, s - 32), s), suffix: t.slice(e, e + 32) });
const boundaries = (t: string): number[] => [...t.matchAll(/\S+/g)].flatMap((m) => [m.index, m.index + m[0].length]);

it('exports its public API', () => {
  expect(Object.keys(api).sort()).toEqual(['repairEnd', 'repairStart']);
});

it('leaves ends alone where quote and context are verbatim', () => {
  fc.assert(
    fc.property(fc.nat(), fc.integer({ min: 3, max: 30 }), (at, n) => {
      const words = [...text.matchAll(/\S+/g)];
      const i = 10 + (at % (words.length - n - 20));
      const s = words[i]!.index;
      const e = words[i + n]!.index + words[i + n]![0].length;
      const p = probe(text, s, e);
      expect([repairStart(p, s, e), repairEnd(p, s, e)]).toEqual([s, e]);
    }),
    { seed: SEED, numRuns: 200 },
  );
});

it('moves an end only to a word boundary within two words, never past the other end', () => {
  fc.assert(
    fc.property(fc.nat(), fc.integer({ min: 3, max: 30 }), fc.constantFrom('now', 'the', 'of', 'Kazakhstan', 'indeed,'), fc.nat(4), (at, n, word, where) => {
      const words = [...text.matchAll(/\S+/g)];
      const i = 10 + (at % (words.length - n - 20));
      const s0 = words[i]!.index;
      const e0 = words[i + n]!.index + words[i + n]![0].length;
      const p = probe(text, s0, e0);
      // A word added, or a context word replaced, around one of the ends.
      const spots = [s0 - 1, s0, e0, e0 + 1, words[i - 1]!.index];
      const k = spots[where]!;
      const edited = where === 4 ? text.slice(0, k) + word + text.slice(k + words[i - 1]![0].length) : text.slice(0, k) + `${word} ` + text.slice(k);
      const shift = (x: number) => (x >= k ? x + edited.length - text.length : x);
      const [s, e] = [shift(s0), shift(e0)];
      const q = { ...p, text: edited };
      const rs = repairStart(q, s, e);
      const re = repairEnd(q, rs, e);
      const b = boundaries(edited);
      for (const [x, from] of [[rs, s], [re, e]] as const) {
        if (x === from) continue;
        expect(b).toContain(x);
        const between = edited.slice(Math.min(x, from), Math.max(x, from)).match(/\S+/g) ?? [];
        expect(between.length).toBeLessThanOrEqual(2);
      }
      expect(rs).toBeLessThan(re);
    }),
    { seed: SEED, numRuns: 300 },
  );
});
