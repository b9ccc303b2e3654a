/**
 * A read file (`Incoming`) handed from the checking worker to the page in slices, as ADR 0009
 * hands a document over: one structured clone of a 3,000-claim map (9,000 records, 6 MB) would
 * cost the page one long task; a slice of records costs a few milliseconds. The records come
 * first, in batch order; the rest last, with each map's records given as places in the batch
 * (the reader's maps and batch share their record objects, and so do the assembled ones). Pure.
 */
import type { MapFile } from '../map-file/format.ts';
import type { Incoming } from '../incoming.ts';
import type { IncomingRecord } from '../../store/index.ts';

type Read = Extract<Incoming, { ok: true }>;
type Lists = 'annotations' | 'claims' | 'links' | 'events';
const LISTS: readonly Lists[] = ['annotations', 'claims', 'links', 'events'];

/** A map without its records: their places in the batch instead. */
type MapHead = Omit<MapFile, Lists> & { at: Record<Lists, number[]> };

/** One message of a read file. */
export type IncomingSlice =
  | { slice: 'records'; put: IncomingRecord[] }
  | { slice: 'rest'; rest: Omit<Read, 'batch' | 'map' | 'maps'> & { batch: Omit<Read['batch'], 'put'>; map?: MapHead; maps?: MapHead[] } };

/** Records per slice: about 300 KB of a typical map. */
export const RECORDS_PER_SLICE = 500;

/** A read file cut into slices; the last one is `rest`, which completes it. */
export function* sliceIncoming(read: Read, size = RECORDS_PER_SLICE): Generator<IncomingSlice> {
  const put = read.batch.put ?? [];
  for (let i = 0; i < put.length; i += size) yield { slice: 'records', put: put.slice(i, i + size) };
  const place = new Map(put.map((p, i) => [p.record, i]));
  const head = (m: MapFile): MapHead => {
    const { annotations: _a, claims: _c, links: _l, events: _e, ...rest } = m;
    const at = Object.fromEntries(LISTS.map((l) => [l, m[l].map((r) => place.get(r) ?? -1)])) as MapHead['at'];
    return { ...rest, at };
  };
  const { batch: { put: _put, ...batch }, map, maps, ...rest } = read;
  yield { slice: 'rest', rest: { ...rest, batch, ...(map ? { map: head(map) } : {}), ...(maps ? { maps: maps.map(head) } : {}) } };
}

/** Puts a read file together again from its slices, in the order they were cut. */
export class IncomingAssembler {
  readonly #put: IncomingRecord[] = [];

  /** Records received so far. */
  get records(): number {
    return this.#put.length;
  }

  /** Take one slice; returns the read file when the slice completes it. */
  add(s: IncomingSlice): Read | undefined {
    if (s.slice === 'records') {
      for (const p of s.put) this.#put.push(p);
      return undefined;
    }
    const { batch, map, maps, ...rest } = s.rest;
    const full = (h: MapHead): MapFile => {
      const { at, ...m } = h;
      const lists = Object.fromEntries(LISTS.map((l) => [l, at[l].map((i) => this.#put[i]!.record)]));
      return { ...m, ...lists } as MapFile;
    };
    return { ...rest, batch: { ...batch, put: this.#put }, ...(map ? { map: full(map) } : {}), ...(maps ? { maps: maps.map(full) } : {}) };
  }
}
