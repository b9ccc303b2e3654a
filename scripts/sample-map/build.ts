/**
 * Builds the sample seminar map from `spec.ts` through the store's own actions (so it is made
 * exactly as a reader would make it), with fixed ids and clock so the file is reproducible,
 * and returns it as a claim-map file. Throws if a quote is not found exactly once.
 */
import { targetFor } from '../../src/annotate/anchored.ts';
import type { DocModel } from '../../src/corpus/types.ts';
import type { MapFile } from '../../src/exchange/map-file/format.ts';
import { writeMapFile } from '../../src/exchange/map-file/write.ts';
import { CrossreadStore, MemoryPersistence, stableRecordId } from '../../src/store/index.ts';
import { AGAINST, CLAIMS, COURSE, EVENTS, LAYER_NAME, LINKS, type EventKey, type PassageSpec } from './spec.ts';

export const SAMPLE_LAYER = stableRecordId('crossread:sample-seminar-map:layer');
const EXPORTED = '2026-11-30T12:00:00.000Z';

/** Where `quote` stands in its source; it must stand there exactly once. */
export function locate(doc: DocModel, quote: string): { start: number; end: number } {
  const start = doc.text.indexOf(quote);
  if (start < 0) throw new Error(`sample map: not in ${doc.meta.id}: ${quote}`);
  if (doc.text.indexOf(quote, start + 1) >= 0) throw new Error(`sample map: more than once in ${doc.meta.id}: ${quote}`);
  return { start, end: start + quote.length };
}

export async function buildSampleMap(docs: readonly DocModel[]): Promise<MapFile> {
  const doc = (id: string) => docs.find((d) => d.meta.id === id) ?? (() => { throw new Error(`sample map: no source ${id}`); })();
  let n = 0;
  let t = Date.parse('2026-11-30T09:00:00.000Z');
  const store = new CrossreadStore({
    openPersistence: () => Promise.resolve(new MemoryPersistence({ identity: { replica: SAMPLE_LAYER, layer: SAMPLE_LAYER } })),
    newId: () => stableRecordId(`crossread:sample-seminar-map:${++n}`),
    now: () => new Date((t += 60_000)).toISOString(),
  });
  await store.open();
  await store.setCreatorName(LAYER_NAME);
  const events = {} as Record<EventKey, string>;
  for (const [key, e] of Object.entries(EVENTS) as Array<[EventKey, (typeof EVENTS)[EventKey]]>) events[key] = (await store.createEvent(e)).value.id;

  const passages = new Map<string, string>(); // source + quote → annotation id
  const passage = (p: Pick<PassageSpec, 'source' | 'quote'>) => {
    const d = doc(p.source);
    const { start, end } = locate(d, p.quote);
    return { key: `${p.source}\n${p.quote}`, draft: { target: targetFor(d, start, end) } };
  };
  const claims = new Map<string, string>();
  for (const c of CLAIMS) {
    const [first, ...rest] = c.passages;
    const p = passage(first!);
    const made = (await store.createClaimFromPassage(p.draft, { statement: c.statement, stance: first!.stance, tags: c.tags, events: (c.events ?? []).map((e) => events[e]), note: c.note })).value;
    passages.set(p.key, made.annotation.id);
    claims.set(c.key, made.claim.id);
    for (const r of rest) {
      const q = passage(r);
      const added = (await store.addPassageAsEvidence(made.claim.id, q.draft, r.stance)).value;
      passages.set(q.key, added.annotation.id);
    }
  }
  for (const [claim, source, quote] of AGAINST) {
    const p = passage({ source, quote });
    const existing = passages.get(p.key);
    if (existing) await store.addEvidence(claims.get(claim)!, { annotation: existing, stance: 'argues-against' });
    else await store.addPassageAsEvidence(claims.get(claim)!, p.draft, 'argues-against');
  }
  for (const l of LINKS) await store.createLink({ from: claims.get(l.from)!, to: claims.get(l.to)!, relation: l.relation, rationale: l.rationale });

  const file = writeMapFile({
    layer: { id: SAMPLE_LAYER, name: LAYER_NAME, role: 'instructor', course: COURSE },
    annotations: [...store.annotations.values()],
    claims: [...store.claims.values()],
    links: [...store.links.values()],
    events: [...store.events.values()],
    docs,
    builtIn: new Set(docs.map((d) => d.meta.id)),
    now: EXPORTED,
  });
  store.close();
  return file;
}
