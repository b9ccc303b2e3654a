import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { placeAnnotations } from '../../src/annotate/anchored.ts';
import { importMapFile } from '../../src/exchange/map-file/import.ts';
import type { MapFile } from '../../src/exchange/map-file/format.ts';
import { buildSampleMap } from '../../scripts/sample-map/build.ts';
import { makeStore } from './claims-fixtures.ts';
import { corpusDocs, docOf } from './exchange-fixtures.ts';

const committed = () => JSON.parse(readFileSync(new URL('../../corpus/maps/seminar-sample.json', import.meta.url), 'utf8')) as MapFile;

describe('sample seminar map (corpus/maps/seminar-sample.json)', () => {
  it('is what scripts/sample-map builds from its spec (npm run sample-map)', async () => {
    expect(JSON.parse(JSON.stringify(await buildSampleMap(await corpusDocs())))).toEqual(committed());
  });

  it('teaches across all three readings: ≥ 12 claims, evidence from each source, ≥ 10 links of every kind, both events', () => {
    const map = committed();
    expect(map.layer.role).toBe('instructor');
    expect(map.claims.length).toBeGreaterThanOrEqual(12);
    const sourceOf = new Map(map.annotations.map((a) => [a.id, a.target.source]));
    const evidenced = new Set(map.claims.flatMap((c) => c.evidence.map((e) => sourceOf.get(e.annotation))));
    expect([...evidenced].sort()).toEqual(['anisin-2026', 'duvanova-junisbai-2022', 'kurmashev-et-al-2018']);
    expect(map.claims.every((c) => c.evidence.length > 0)).toBe(true);
    expect(map.links.length).toBeGreaterThanOrEqual(10);
    expect(new Set(map.links.map((l) => l.relation))).toEqual(new Set(['supports', 'contradicts', 'qualifies']));
    const names = new Map(map.events.map((e) => [e.name, e.id]));
    for (const name of ['Almaty violence, January 2022', 'CSTO deployment to Kazakhstan, January 2022']) {
      expect(map.claims.some((c) => c.events.includes(names.get(name)!)), name).toBe(true);
    }
    // the disagreement the map is for: stood down on purpose, contradicted by a collapse
    const claim = (re: RegExp) => map.claims.find((c) => re.test(c.statement))!.id;
    expect(map.links).toContainEqual(expect.objectContaining({ relation: 'contradicts', from: claim(/stood down/), to: claim(/police units collapsed/) }));
    expect(map.claims.some((c) => c.evidence.some((e) => e.stance === 'argues-against'))).toBe(true);
  });

  it('every evidence passage is real and anchors exactly where it was made', async () => {
    const docs = await corpusDocs();
    for (const a of committed().annotations) {
      const doc = docOf(docs, a.target.source);
      expect(a.target.sourceHash).toBe(doc.hash);
      const [quote, position] = a.target.selector;
      expect(doc.text.slice(position.start, position.end)).toBe(quote.exact);
      const placed = placeAnnotations(doc, [a]).placed[0];
      expect(placed && [placed.start, placed.end, placed.method]).toEqual([position.start, position.end, 'position']);
    }
  });

  it('imports into an empty profile through the one door, whole', async () => {
    const docs = await corpusDocs();
    const { store } = await makeStore();
    const text = readFileSync(new URL('../../corpus/maps/seminar-sample.json', import.meta.url), 'utf8');
    const r = await importMapFile(store, text, docs.map((d) => ({ id: d.meta.id, hash: d.hash })));
    expect(r.ok).toBe(true);
    const map = committed();
    expect(store.claims.size).toBe(map.claims.length);
    expect(store.links.size).toBe(map.links.length);
  });
});
