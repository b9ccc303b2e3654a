import { describe, expect, it } from 'vitest';
import { EXPORT_FORMATS } from '../../src/exchange/formats/index.ts';
import { readIncoming, sniffKind } from '../../src/exchange/incoming.ts';
import { writeMapFile } from '../../src/exchange/map-file/write.ts';
import { toW3cCollection } from '../../src/exchange/w3c/export.ts';
import { exportData, seminarMap } from './exchange-fixtures.ts';
import { renderedHash } from '../../src/corpus/user-file/text-hash.ts';

describe('exchange: formats offered and files recognised', () => {
  it('every export format writes the map, with each claim in it', async () => {
    const { store, docs } = await seminarMap();
    const data = exportData(store, docs);
    expect(new Set(EXPORT_FORMATS.map((f) => f.id)).size).toBe(EXPORT_FORMATS.length);
    for (const f of EXPORT_FORMATS) {
      const out = f.write(data);
      if (f.id === 'bibtex' || f.id === 'csl-json') expect(out, f.id).toContain('Anisin');
      else if (f.id === 'links-csv') expect(out.split('\r\n').length - 2, f.id).toBe(data.links.length);
      // each claim's last word: punctuation is escaped differently by each format
      else for (const c of data.claims) expect(out, f.id).toContain(c.statement.split(' ').at(-1));
    }
  });

  it('tells a claim map, a Hypothesis export and W3C annotations apart by content, and reads each', async () => {
    const { store, docs } = await seminarMap();
    const map = JSON.stringify(writeMapFile({ layer: { id: store.localLayer!, name: 'A', role: 'student' }, ...exportData(store, docs), builtIn: new Set(docs.map((d) => d.meta.id)), now: '2026-01-01T00:00:00.000Z' }));
    const w3c = JSON.stringify(toW3cCollection([...store.annotations.values()], docs, 'urn:uuid:00000000-0000-4000-8000-0000000000ff', 'x'));
    const hyp = JSON.stringify({ total: 0, rows: [] });
    expect([sniffKind(map), sniffKind(w3c), sniffKind(hyp), sniffKind('{"a":1}')]).toEqual(['crossread-map', 'w3c', 'hypothesis', 'unknown']);
    const ctx = { docs, has: () => false, hashOf: renderedHash };
    expect(readIncoming(map, ctx)).toMatchObject({ ok: true, kind: 'crossread-map' });
    expect(readIncoming(w3c, ctx)).toMatchObject({ ok: true, kind: 'w3c' });
    expect(readIncoming(hyp, ctx)).toMatchObject({ ok: true, kind: 'hypothesis' });
    const unknown = readIncoming('{"a":1}', ctx);
    expect(unknown.ok === false && unknown.problems[0]!.message).toMatch(/cannot read this file/);
  });
});

describe('recognising a claim map whose format field is not first', () => {
  it('finds the marker anywhere, but not inside a string', () => {
    const late = JSON.stringify({ claims: [], note: 'x'.repeat(5000), format: 'crossread-map' });
    expect(sniffKind(late)).toBe('crossread-map');
    expect(sniffKind(JSON.stringify({ type: 'Annotation', bodyValue: '"format": "crossread-map"' }))).toBe('w3c');
  });
});
