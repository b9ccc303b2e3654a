// A small claim map on the real corpus, made through the store's actions, for the export tests.
import { targetFor } from '../../src/annotate/anchored.ts';
import type { DocModel } from '../../src/corpus/types.ts';
import type { ExportData } from '../../src/exchange/formats/export-data.ts';
import type { CrossreadStore, Stance } from '../../src/store/index.ts';
import { loadCorpus } from '../../scripts/corpus-files.ts';
import { makeStore } from './claims-fixtures.ts';

let corpus: Promise<DocModel[]> | undefined;
/** The three built-in sources, loaded once per test file. */
export const corpusDocs = () => (corpus ??= loadCorpus());

/** The doc with `id`. */
export function docOf(docs: readonly DocModel[], id: string): DocModel {
  const d = docs.find((x) => x.meta.id === id);
  if (!d) throw new Error(`no source ${id}`);
  return d;
}

/** The passage of `doc` that is exactly `quote` (its first occurrence). */
export function passage(doc: DocModel, quote: string) {
  const start = doc.text.indexOf(quote);
  if (start < 0) throw new Error(`not in ${doc.meta.id}: ${quote}`);
  return { target: targetFor(doc, start, start + quote.length) };
}

/** A claim made from a quote of a source, through the store. */
export async function claimFrom(store: CrossreadStore, doc: DocModel, quote: string, statement: string, extra: { stance?: Stance; tags?: string[]; events?: string[] } = {}) {
  const { stance = 'asserts', ...rest } = extra;
  return (await store.createClaimFromPassage(passage(doc, quote), { statement, stance, ...rest })).value;
}

/** The store's records with the corpus, as a format reads them. */
export function exportData(store: CrossreadStore, docs: readonly DocModel[]): ExportData {
  const s = store;
  return { annotations: [...s.annotations.values()], claims: [...s.claims.values()], links: [...s.links.values()], events: [...s.events.values()], docs };
}

/**
 * The disagreement in miniature: Duvanova & Junisbai's stood-down forces against Anisin's
 * collapse, with a supporting and a qualifying claim and an event.
 */
export async function seminarMap() {
  const docs = await corpusDocs();
  const { store } = await makeStore();
  const dj = docOf(docs, 'duvanova-junisbai-2022');
  const an = docOf(docs, 'anisin-2026');
  const ku = docOf(docs, 'kurmashev-et-al-2018');
  const event = (await store.createEvent({ name: 'Almaty violence, January 2022', start: '2022-01' })).value;
  const labelled = await claimFrom(store, dj, 'By labeling protestors international terrorists, Tokayev sought to justify the use of military force', 'The "international terrorist" label justified repression', { tags: ['framing'], events: [event.id] });
  const collapse = await claimFrom(store, an, 'coercive', 'The coercive apparatus collapsed', { tags: ['security forces', 'csto'] });
  const middle = await claimFrom(store, ku, 'middle power', 'Kazakhstan acts as a middle power');
  await store.createLink({ relation: 'contradicts', from: labelled.claim.id, to: collapse.claim.id, rationale: 'Disloyal <em>or</em> collapsed?' });
  await store.createLink({ relation: 'supports', from: middle.claim.id, to: labelled.claim.id });
  await store.createLink({ relation: 'qualifies', from: collapse.claim.id, to: middle.claim.id, rationale: 'Only when forces fail' });
  return { store, docs, event, labelled, collapse, middle };
}
