import { describe, expect, it } from 'vitest';
import { placeAnnotations } from '../../src/annotate/anchored.ts';
import { readIncoming } from '../../src/exchange/incoming.ts';
import { reanchor } from '../../src/exchange/map-file/reanchor.ts';
import { heldIn } from '../../src/exchange/map-file/read.ts';
import { writeMapFile } from '../../src/exchange/map-file/write.ts';
import { makeStore } from './claims-fixtures.ts';
import { claimFrom, docOf, exportData, seminarMap } from './exchange-fixtures.ts';
import { renderedHash } from '../../src/corpus/user-file/text-hash.ts';

/**
 * The seminar map as if made on an earlier text of Anisin: its hash differs from the library's,
 * and one of its passages was edited away in the current text (its quote is not there).
 */
async function madeOnAnEarlierText() {
  const { store, docs, collapse } = await seminarMap();
  const anisin = docOf(docs, 'anisin-2026');
  await claimFrom(store, anisin, 'Belarus', 'Belarus 2020 saw no intervention'); // a passage that still anchors
  const file = structuredClone(writeMapFile({ layer: { id: store.localLayer!, name: 'Dr. Example', role: 'instructor' }, ...exportData(store, docs), builtIn: new Set(docs.map((d) => d.meta.id)), now: '2026-01-01T00:00:00.000Z' }));
  const gone = 'the armouries of the Almaty garrison were sealed before dawn';
  for (const s of file.sources) if (s.id === anisin.meta.id) s.hash = 'sha256-an-earlier-text';
  for (const a of file.annotations) {
    if (a.target.source !== anisin.meta.id) continue;
    a.target.sourceHash = 'sha256-an-earlier-text';
    if (a.id === collapse.claim.evidence[0]!.annotation) a.target.selector[0] = { ...a.target.selector[0], exact: gone, prefix: 'In the night ', suffix: ', witnesses said' };
  }
  return { docs, anisin, file, gone, orphanId: collapse.claim.evidence[0]!.annotation };
}

describe('a map made on another version of a built-in source', () => {
  it('pins the module: reanchor', async () => {
    expect(typeof (await import('../../src/exchange/map-file/reanchor.ts')).reanchor).toBe('function');
  });

  it('counts only passages made on another text, and lists those not found by quote', async () => {
    const { docs, file, gone, orphanId } = await madeOnAnEarlierText();
    const r = reanchor(file.annotations, docs);
    expect(r.changed).toBe(file.annotations.filter((a) => a.target.source === 'anisin-2026').length);
    expect(r.orphans).toEqual([{ id: orphanId, source: 'anisin-2026', quote: gone }]);
    // Passages on texts whose hash is the library's are not counted at all.
    expect(reanchor(file.annotations.filter((a) => a.target.source !== 'anisin-2026'), docs)).toEqual({ changed: 0, fuzzy: 0, orphans: [] });
  });

  it('still imports: the summary lists the orphan by quote, every passage is kept, the rest anchor on the current text', async () => {
    const { docs, anisin, file, gone, orphanId } = await madeOnAnEarlierText();
    const { store } = await makeStore({ idBase: 1000 });
    const incoming = readIncoming(JSON.stringify(file), { docs, has: heldIn(store), hashOf: renderedHash });
    expect(incoming.ok).toBe(true);
    if (!incoming.ok) return;
    expect(incoming.findings.join('\n')).toMatch(/another version of “anisin-2026”/);
    expect(incoming.findings.find((f) => f.includes('not found in this version'))).toBe(`1 passage not found in this version of the text, imported all the same and listed in the reader to re-attach: \u201c${gone}\u201d`);
    const result = await store.receive(incoming.batch, 'import');
    expect(result.summary).toMatchObject({ added: 12, conflicts: 0 });
    // Kept as made (not dropped, not rewritten): the reader's placement lists it as an orphan.
    expect(store.annotations.get(orphanId)).toEqual(file.annotations.find((a) => a.id === orphanId));
    const placement = placeAnnotations(anisin, [...store.annotations.values()].filter((a) => a.target.source === anisin.meta.id));
    expect(placement.orphans.map((a) => a.id)).toEqual([orphanId]);
    expect(placement.placed.length).toBeGreaterThan(0);
    for (const p of placement.placed) expect(anisin.text.slice(p.start, p.end)).toBe(p.annotation.target.selector[0].exact);
  });
});
