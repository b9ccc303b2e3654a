// A large claim map over one source, for the import's progress tests and its bench: `n` claims,
// each with a passage of the source (a sentence-sized slice) and a link to the one before.
import { describe } from '../../src/anchoring/index.ts';
import { MAP_FORMAT, MAP_VERSION, type MapFile } from '../../src/exchange/map-file/format.ts';
import { claimRecord, linkRecord } from '../../src/store/claim-records.ts';
import { ANNOTATION_CONTEXT, type Annotation } from '../../src/store/index.ts';
import { rng } from './rng.ts';

/** The part of a source a map needs. */
export interface MapSourceDoc {
  meta: { id: string; title: string };
  hash: string;
  text: string;
}

const id = (kind: number, n: number) => `urn:uuid:${kind.toString(16).padStart(8, '0')}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

/** A map by a student (`layer`, written once by `replica`) of `n` claims on `doc`, seeded. */
export function largeMap(doc: MapSourceDoc, n: number, seed = 1, layer = id(0xfeed, 1), replica = id(0xfeed, 2)): MapFile {
  const random = rng(seed);
  const version = { [replica]: 1 };
  const now = '2026-01-01T00:00:00.000Z';
  const creator = { type: 'Person' as const, name: 'A student' };
  const annotations: Annotation[] = [];
  const claims = [];
  const links = [];
  for (let i = 0; i < n; i++) {
    const start = Math.floor(random() * (doc.text.length - 200));
    const end = start + 40 + Math.floor(random() * 120);
    annotations.push({
      '@context': ANNOTATION_CONTEXT, id: id(1, i), type: 'Annotation', motivation: 'commenting', created: now, modified: now, creator,
      body: [{ type: 'TextualBody', purpose: 'commenting', value: `Why passage ${i} matters.`, format: 'text/markdown' }],
      target: { source: doc.meta.id, sourceHash: doc.hash, selector: describe(doc.text, start, end) }, layer, version,
    });
    claims.push(claimRecord({ id: id(2, i), statement: `Claim ${i}: ${doc.text.slice(start, start + 60).trim()}`, tags: [`t${i % 20}`], events: [], evidence: [{ annotation: id(1, i), stance: 'asserts' }], creator, created: now, modified: now, layer, version }));
    if (i > 0) links.push(linkRecord({ id: id(3, i), relation: 'supports', from: id(2, i), to: id(2, i - 1), creator, created: now, modified: now, layer, version }));
  }
  return {
    format: MAP_FORMAT, version: MAP_VERSION, exported: now, layer: { id: layer, name: 'A student', role: 'student' },
    sources: [{ id: doc.meta.id, title: doc.meta.title, hash: doc.hash }], annotations, claims, links, events: [], positions: [],
  };
}
