// Sources the reader adds (ADR 0014): the record's schema, adding and removing through the store
// with the reader's passages and claims, and undo of both.
import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { buildDocument } from '../../src/corpus/pipeline.ts';
import { slugify, userSourceId } from '../../src/corpus/source-id.ts';
import { MAX_SOURCE_CHARS, SourceRecordSchema, buildSource, previewRemoval, type SourceDraft } from '../../src/store/index.ts';
import * as sourceRecords from '../../src/store/source-records.ts';
import { makeStore, snapshot } from './claims-fixtures.ts';
import { LAYER, target } from './store-fixtures.ts';

const TEXT = '# Field notes\n\nThe bazaar closed early on the fifth.\n\nPolice were absent from the square.\n';

/** A draft the way the app makes one: id and hash from the rendered text. */
function sourceDraft(text = TEXT, title = 'Field notes', extra: Partial<SourceDraft> = {}): SourceDraft {
  const doc = buildDocument(text, { format: 'markdown' });
  return { id: userSourceId(slugify(title), doc.text), title, authors: ['A. Writer'], year: 2023, format: 'markdown', text, hash: doc.hash, ...extra };
}

const saved = (d: SourceDraft) => ({ ...buildSource(d, { now: '2025-01-01T00:00:00.000Z', layer: LAYER }), version: { [LAYER]: 1 } });

describe('source records', () => {
  it('exports its public API', () => {
    expect(Object.keys(sourceRecords).sort()).toEqual(['MAX_SOURCE_AUTHORS', 'MAX_SOURCE_CHARS', 'MAX_SOURCE_TITLE', 'SOURCE_ID_PATTERN', 'buildSource']);
  });

  it('accepts a source built from a draft, and the id carries the hash of the text', () => {
    const record = saved(sourceDraft());
    expect(v.safeParse(SourceRecordSchema, record).success).toBe(true);
    expect(record.id).toMatch(/^user-field-notes-[0-9a-z]{10}$/);
    expect(record.id.endsWith(record.hash.slice(-10))).toBe(true);
  });

  it('refuses what a source must not be', () => {
    const good = saved(sourceDraft());
    const bad: Array<[string, Record<string, unknown>]> = [
      ['blank title', { title: ' ' }],
      ['untrimmed title', { title: ' Notes' }],
      ['blank text', { text: ' \n ' }],
      ['oversize text', { text: 'x'.repeat(MAX_SOURCE_CHARS + 1) }],
      ['unknown format', { format: 'html' }],
      ['id not a slug', { id: 'urn:uuid:x' }],
      ['id of another text', { id: 'user-field-notes-0000000000' }],
      ['fractional year', { year: 2023.5 }],
      ['an unknown key', { extra: 1 }],
      ['a blank author', { authors: [''] }],
    ];
    for (const [what, change] of bad) expect(v.safeParse(SourceRecordSchema, { ...good, ...change }).success, what).toBe(false);
  });
});

describe('adding and removing a source', () => {
  it('adds a source as one undoable action and refuses the same text under the same title twice', async () => {
    const { store } = await makeStore();
    const added = await store.addSource(sourceDraft());
    expect(store.sources.get(added.value.id)).toEqual(added.value);
    expect(added.value).toMatchObject({ title: 'Field notes', authors: ['A. Writer'], year: 2023, layer: store.localLayer });
    await expect(store.addSource(sourceDraft())).rejects.toThrow(/already in your library/);
    expect((await added.undo()).done).toBe(true);
    expect(store.sources.size).toBe(0);
  });

  it('removes a source with the reader’s passages, keeps claims that lose their evidence, and undo brings all back', async () => {
    const { store } = await makeStore();
    const source = (await store.addSource(sourceDraft())).value;
    const other = (await store.createAnnotation({ target: target('doc-b', 0) })).value;
    const { annotation, claim } = (await store.createClaimFromPassage({ target: target(source.id, 20) }, { statement: 'The bazaar closed', stance: 'asserts' })).value;
    const shared = (await store.createClaim({ statement: 'Two sources agree', evidence: { annotation: other.id, stance: 'asserts' } })).value;
    await store.addEvidence(shared.id, { annotation: annotation.id, stance: 'mentions' });
    await store.createAnnotation({ target: target(source.id, 60), note: 'A highlight' });
    expect(previewRemoval(source.id, store.localLayer!, store.annotations.values(), store.claims.values())).toEqual({
      annotations: 2, claimsLeftEmpty: 1, claimsLosingEvidence: 1, othersKept: 0,
    });
    const before = snapshot(store);

    const removed = await store.removeSource(source.id);
    expect(removed.value.annotations).toHaveLength(2);
    expect(store.sources.has(source.id)).toBe(false);
    expect(store.annotationsOf(source.id)).toEqual([]);
    expect(store.getAnnotation(other.id)).toBeDefined();
    expect(store.getClaim(claim.id)?.evidence).toEqual([]);
    expect(store.getClaim(shared.id)?.evidence.map((e) => e.annotation)).toEqual([other.id]);
    expect(removed.updated.claims.map((c) => c.id).sort()).toEqual([claim.id, shared.id].sort());

    expect((await removed.undo()).done).toBe(true);
    expect(snapshot(store)).toEqual(before);
    expect(store.sources.get(source.id)?.title).toBe('Field notes');
  });

  it('leaves passages of other layers on the source, and refuses to remove a source of another layer', async () => {
    const { store } = await makeStore();
    const source = (await store.addSource(sourceDraft())).value;
    const theirs = { ...saved(sourceDraft(TEXT, 'Their notes')), layer: 'urn:uuid:00000000-0000-4000-8000-00000000cccc', version: { 'urn:uuid:00000000-0000-4000-8000-00000000cccc': 1 } };
    await store.receive({ put: [{ collection: 'sources', record: theirs }] }, 'import');
    expect(store.sources.has(theirs.id)).toBe(true);
    await expect(store.removeSource(theirs.id)).rejects.toThrow(/someone else's map/);
    expect((await store.removeSource(source.id)).value.source.id).toBe(source.id);
  });
});
