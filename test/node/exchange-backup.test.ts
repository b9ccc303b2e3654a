import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readIncoming, sniffKind } from '../../src/exchange/incoming.ts';
import { readBackup, writeBackup } from '../../src/exchange/map-file/backup.ts';
import { importMapFile } from '../../src/exchange/map-file/import.ts';
import { heldIn } from '../../src/exchange/map-file/read.ts';
import { makeStore, snapshot } from './claims-fixtures.ts';
import { exportData, seminarMap } from './exchange-fixtures.ts';
import { renderedHash } from '../../src/corpus/user-file/text-hash.ts';

/** A profile with two layers: the reader's own map and the imported sample map; and its backup. */
async function twoLayers() {
  const made = await seminarMap();
  const { store, docs } = made;
  const sources = docs.map((d) => ({ id: d.meta.id, hash: d.hash }));
  const sample = readFileSync(new URL('../../corpus/maps/seminar-sample.json', import.meta.url), 'utf8');
  expect((await importMapFile(store, sample, sources)).ok).toBe(true);
  await store.moveOnMap(new Map([[made.labelled.claim.id, { x: 5, y: 7 }]]));
  const backup = writeBackup({
    ...exportData(store, docs), positions: [...store.mapPositions()].map(([claim, p]) => ({ claim, ...p })),
    builtIn: new Set(docs.map((d) => d.meta.id)), localLayer: store.localLayer!, localName: 'Ada', layers: store.layers(), now: '2026-01-01T00:00:00.000Z',
  });
  return { ...made, sources, backup, text: JSON.stringify(backup) };
}

describe('backup: every layer, restored all or nothing', () => {
  it('holds one map per layer, the reader\u2019s own first', async () => {
    const { backup, store } = await twoLayers();
    expect(backup.maps.map((m) => m.layer.name)).toEqual(['Ada', 'Seminar instructor (sample)']);
    expect(backup.maps[0]!.claims).toHaveLength(3);
    expect(backup.maps[1]!.claims).toHaveLength(13);
    expect(backup.maps.flatMap((m) => m.positions)).toHaveLength(store.mapPositions().size);
  });

  it('restores into an empty profile: the same records, versions included; restoring again changes nothing', async () => {
    const { store, text, docs } = await twoLayers();
    const { store: fresh } = await makeStore({ idBase: 5000 });
    const r = readIncoming(text, { docs, has: heldIn(fresh), hashOf: renderedHash });
    expect(r.ok && r.kind).toBe('crossread-backup');
    if (!r.ok) return;
    const result = await fresh.receive(r.batch, 'import');
    expect(result.summary.conflicts).toBe(0);
    expect(snapshot(fresh)).toEqual(snapshot(store));
    // Each map's layer is named as the backed-up profile knew it, role included.
    expect(fresh.layers().map((l) => [l.name, l.role, l.local])).toEqual([['Anonymous', 'student', true], ['Ada', 'student', false], ['Seminar instructor (sample)', 'instructor', false]]);
    const again = await fresh.receive(r.batch, 'import');
    expect(again.summary).toMatchObject({ added: 0, updated: 0 });
  });

  it('refuses the whole backup when one map is damaged, naming the map and the place', async () => {
    const { backup, sources } = await twoLayers();
    const damaged = structuredClone(backup);
    (damaged.maps[1]!.claims[0] as unknown as Record<string, unknown>).statement = '';
    const r = readBackup(JSON.stringify(damaged), { sources, has: () => false, hashOf: renderedHash });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problems[0]!.path).toBe('maps[1].claims[0].statement');
    expect(sniffKind(JSON.stringify({ format: 'crossread-backup', version: 2, maps: [] }))).toBe('crossread-backup');
    const newer = readBackup(JSON.stringify({ format: 'crossread-backup', version: 2, maps: [] }), { sources, has: () => false, hashOf: renderedHash });
    expect(!newer.ok && newer.problems[0]!.message).toMatch(/newer Crossread/);
  });
});
