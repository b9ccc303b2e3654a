import { describe, expect, it } from 'vitest';
import * as slices from '../../src/exchange/in-worker/slices.ts';
import { IncomingAssembler, sliceIncoming } from '../../src/exchange/in-worker/slices.ts';
import { readIncoming } from '../../src/exchange/incoming.ts';
import { writeBackup } from '../../src/exchange/map-file/backup.ts';
import { largeMap } from '../shared/large-map.ts';
import { corpusDocs, docOf } from './exchange-fixtures.ts';
import { renderedHash } from '../../src/corpus/user-file/text-hash.ts';

/** What the page gets: the slices after a structured clone each, as postMessage hands them over. */
function handOver(read: Extract<ReturnType<typeof readIncoming>, { ok: true }>) {
  const assembler = new IncomingAssembler();
  const cut = [...sliceIncoming(read)];
  const got = cut.map((s) => assembler.add(structuredClone(s)));
  return { cut, got, done: got.at(-1)! };
}

describe('handing a checked file from the worker to the page in slices', () => {
  it('pins the exports', () => {
    expect(Object.keys(slices).sort()).toEqual(['IncomingAssembler', 'RECORDS_PER_SLICE', 'sliceIncoming']);
  });

  it('cuts a 1,200-claim map into small slices and puts it together again unchanged, maps sharing the batch records', async () => {
    const docs = await corpusDocs();
    const text = JSON.stringify(largeMap(docOf(docs, 'anisin-2026'), 1200));
    const read = readIncoming(text, { docs, has: () => false, hashOf: renderedHash });
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    const { cut, got, done } = handOver(read);
    expect(cut.length).toBe(Math.ceil(3599 / slices.RECORDS_PER_SLICE) + 1);
    for (const s of cut.slice(0, -1)) expect(JSON.stringify(s).length).toBeLessThan(600_000);
    expect(got.slice(0, -1).every((x) => x === undefined)).toBe(true);
    expect(done).toEqual(read);
    // One copy of each record, as in the worker: the map's lists are the batch's records.
    expect(done.map!.claims[7]).toBe(done.batch.put!.find((p) => p.collection === 'claims' && (p.record as { id: string }).id === done.map!.claims[7]!.id)!.record);
  });

  it('hands a backup over with each map whole', async () => {
    const docs = await corpusDocs();
    const a = largeMap(docOf(docs, 'anisin-2026'), 20, 1);
    const b = largeMap(docOf(docs, 'kurmashev-et-al-2018'), 10, 2, 'urn:uuid:0000beef-0000-4000-8000-000000000001', 'urn:uuid:0000beef-0000-4000-8000-000000000002');
    const backup = writeBackup({ ...a, annotations: [...a.annotations, ...b.annotations], claims: [...a.claims, ...b.claims], links: [...a.links, ...b.links], events: [], positions: [], sources: [], docs, builtIn: new Set(docs.map((d) => d.meta.id)), localLayer: a.layer.id, localName: 'Me', now: a.exported });
    const read = readIncoming(JSON.stringify(backup), { docs, has: () => false, hashOf: renderedHash });
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    expect(handOver(read).done).toEqual(read);
  });
});
