/**
 * Placing a source's annotations survives an anchoring engine that throws on one passage (as
 * repairStart once did): the others are placed, that one is an orphan, kept.
 */
import { expect, it, vi } from 'vitest';
import { readFile } from 'node:fs/promises';
import type { Selector } from '../../src/anchoring/index.ts';
import { buildDocument } from '../../src/corpus/index.ts';
import { CORPUS_DIR } from '../../scripts/corpus-files.ts';
import { placeAnnotations, targetFor } from '../../src/annotate/anchored.ts';
import { buildAnnotation } from '../../src/store/index.ts';
import { LAYER } from './store-fixtures.ts';

const POISON = 'Provocateurs';
const poisoned = (sel: readonly Selector[]): boolean => sel.some((s) => s.type === 'TextQuoteSelector' && s.exact === POISON);

vi.mock('../../src/anchoring/index.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/anchoring/index.ts')>();
  const bug = (): never => {
    throw new TypeError("Cannot read properties of undefined (reading '0')");
  };
  return {
    ...real,
    anchor: (text: string, sel: readonly Selector[]) => (poisoned(sel) ? bug() : real.anchor(text, sel)),
    anchorAll: (text: string, sels: ReadonlyArray<readonly Selector[]>) => (sels.some(poisoned) ? bug() : real.anchorAll(text, sels)),
  };
});

it('places the other annotations and keeps the one anchoring threw on as an orphan', async () => {
  const doc = buildDocument(await readFile(`${CORPUS_DIR}duvanova-junisbai-2022.md`, 'utf8'), { fileName: 'duvanova-junisbai-2022.md' });
  const make = (phrase: string) => {
    const at = doc.text.indexOf(phrase);
    return buildAnnotation({ target: targetFor(doc, at, at + phrase.length), tags: [] }, { id: `urn:uuid:${crypto.randomUUID()}`, now: '2026-01-01T00:00:00.000Z', creatorName: 'Ann', layer: LAYER });
  };
  const good = make('legitimate, spontaneous protests');
  const bad = make(POISON);
  const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
  const { placed, orphans } = placeAnnotations(doc, [good, bad]);
  expect(placed.map((p) => [p.annotation.id, doc.text.slice(p.start, p.end)])).toEqual([[good.id, 'legitimate, spontaneous protests']]);
  expect(orphans).toEqual([bad]);
  expect(errors).toHaveBeenCalledOnce();
  errors.mockRestore();
});
