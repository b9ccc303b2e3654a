// Sources the reader adds (ADR 0014): the record's schema, adding and removing through the store
// with the reader's passages and claims, and undo of both.
import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { libraryEntries, sourceEntry } from '../../src/app/own-sources.ts';
import { buildDocument } from '../../src/corpus/pipeline.ts';
import { slugify, userSourceId } from '../../src/corpus/source-id.ts';
import { MAX_SOURCE_CHARS, SourceRecordSchema, buildSource, previewRemoval, type SourceDraft, type SourceRecord } from '../../src/store/index.ts';
import * as sourceRecords from '../../src/store/source-records.ts';
import { importMapFile } from '../../src/exchange/map-file/import.ts';
import { readMapFile, type ReadContext } from '../../src/exchange/map-file/read.ts';
import { writeMapFile } from '../../src/exchange/map-file/write.ts';
import { makeStore, snapshot } from './claims-fixtures.ts';
import { LAYER, target } from './store-fixtures.ts';
import { renderedHash } from '../../src/corpus/user-file/text-hash.ts';

const TEXT = '# Field notes\n\nThe bazaar closed early on the fifth.\n\nPolice were absent from the square.\n';

/** A draft the way the app makes one: id and hash from the rendered text. */
function sourceDraft(text = TEXT, title = 'Field notes', extra: Partial<SourceDraft> = {}): SourceDraft {
  const doc = buildDocument(text, { format: 'markdown' });
  return { id: userSourceId(slugify(title), doc.text), title, authors: ['A. Writer'], year: 2023, format: 'markdown', text, hash: doc.hash, ...extra };
}

const saved = (d: SourceDraft) => ({ ...buildSource(d, { now: '2025-01-01T00:00:00.000Z', layer: LAYER }), version: { [LAYER]: 1 } });

describe('source records', () => {
  it('exports its public API', () => {
    expect(Object.keys(sourceRecords).sort()).toEqual(['MAX_SOURCE_AUTHORS', 'MAX_SOURCE_CHARS', 'MAX_SOURCE_TITLE', 'SOURCE_ID_PATTERN', 'buildSource', 'changeSource']);
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

  it('renames a source, or changes its authors or year, as one undoable action; its id, text and passages stay', async () => {
    const { store } = await makeStore();
    const source = (await store.addSource({ ...sourceDraft(), authors: ['A. Author'], year: 2021 })).value;
    const passage = (await store.createAnnotation({ target: target(source.id, 0) })).value;
    const edited = await store.updateSource(source.id, { title: '  Field notes, Almaty  ', authors: ['A. Author', ' B. Author ', ''], year: null });
    expect(edited.value).toMatchObject({ id: source.id, text: source.text, hash: source.hash, title: 'Field notes, Almaty', authors: ['A. Author', 'B. Author'] });
    expect('year' in edited.value).toBe(false);
    expect(v.safeParse(SourceRecordSchema, edited.value).success).toBe(true);
    expect(store.annotations.get(passage.id)?.target.source).toBe(source.id);
    expect(store.undoLabel).toBe('Edit source');
    // Nothing changed, nothing written: no undo step.
    const same = await store.updateSource(source.id, { title: 'Field notes, Almaty' });
    expect(same.value).toBe(store.sources.get(source.id));
    expect(store.undoLabel).toBe('Edit source');
    await edited.undo();
    expect(store.sources.get(source.id)).toMatchObject({ title: source.title, authors: ['A. Author'], year: 2021 });
    await expect(store.updateSource(source.id, { title: '   ' })).rejects.toThrow(/needs a title/);
  });

  it('refuses to rename a source another layer’s map carried', async () => {
    const { store } = await makeStore();
    const theirs = { ...saved(sourceDraft(TEXT, 'Their notes')), layer: 'urn:uuid:00000000-0000-4000-8000-00000000cccc', version: { 'urn:uuid:00000000-0000-4000-8000-00000000cccc': 1 } };
    await store.receive({ put: [{ collection: 'sources', record: theirs }] }, 'import');
    await expect(store.updateSource(theirs.id, { title: 'Mine now' })).rejects.toThrow(/someone else's map/);
    expect(store.sources.get(theirs.id)?.title).toBe('Their notes');
  });
});

describe('a source carried by another layer', () => {
  it('goes when its layer is removed, unless passages of the reader are on it; undo brings it back', async () => {
    const { store } = await makeStore();
    const them = 'urn:uuid:00000000-0000-4000-8000-00000000dddd';
    const of = (title: string, text: string) => ({ ...saved(sourceDraft(text, title)), layer: them, version: { [them]: 1 } });
    const lone = of('lone', TEXT);
    const read = of('read', `${TEXT}\n\nMore.`);
    await store.receive({ put: [{ collection: 'sources', record: lone }, { collection: 'sources', record: read }], layers: [{ id: them, name: 'Ana', role: 'instructor' }] }, 'import');
    await store.createAnnotation({ target: target(read.id, 0) });
    const removed = await store.removeLayer(them);
    expect(removed.value.removed.sources).toBe(1);
    expect(store.sources.has(lone.id)).toBe(false);
    expect(store.sources.has(read.id)).toBe(true);
    await removed.undo();
    expect(store.sources.has(lone.id)).toBe(true);
  });
});

describe('a source of one’s own in a claim-map file', () => {
  /** A reader's map with a claim on a source they added; the receiver has only the built-in library. */
  async function sharedMap() {
    const { store } = await makeStore();
    const draft = sourceDraft();
    const source = (await store.addSource(draft)).value;
    const doc = { ...buildDocument(source.text, { format: 'markdown' }), meta: { ...buildDocument(source.text).meta, id: source.id, cite: 'Writer 2023' } };
    const start = doc.text.indexOf('Police were absent');
    await store.createClaimFromPassage({ target: { source: source.id, sourceHash: doc.hash, selector: [
      { type: 'TextQuoteSelector', exact: 'Police were absent', prefix: '', suffix: '' },
      { type: 'TextPositionSelector', start, end: start + 'Police were absent'.length },
    ] } }, { statement: 'The police were absent', stance: 'asserts' });
    const file = writeMapFile({
      layer: { id: store.localLayer!, name: 'Ada', role: 'student' }, docs: [doc], builtIn: new Set([source.id]), sources: [...store.sources.values()],
      annotations: [...store.annotations.values()], claims: [...store.claims.values()], links: [], events: [], now: '2026-01-01T00:00:00.000Z',
    });
    return { store, source, doc, file, text: JSON.stringify(file) };
  }

  it('carries the source whole, and an import adds it with the passages, all undone together', async () => {
    const { source, file, text, store } = await sharedMap();
    const { type: _type, ...fields } = source;
    expect(file.sources).toEqual([{ ...fields, cite: 'Writer 2023' }]);
    const { store: other } = await makeStore({ idBase: 1000 });
    const r = await importMapFile(other, text, []);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.notes).toContain('Adds a source to your library: “Field notes”.');
    expect(r.result.summary).toMatchObject({ added: 3, conflicts: 0 });
    expect(other.sources.get(source.id)).toEqual(store.sources.get(source.id));
    expect(snapshot(other)).toEqual(snapshot(store));
    // Re-importing changes nothing; undoing the first import takes the source with the passages.
    expect((await importMapFile(other, text, [])).ok).toBe(true);
    expect(other.sources.size).toBe(1);
    expect((await r.result.undo()).done).toBe(true);
    expect(other.sources.size).toBe(0);
    expect(other.annotations.size).toBe(0);
  });

  it('is not added again where the library has it, and a carried source that is not a whole record is refused at its path', async () => {
    const { source, file, text } = await sharedMap();
    const { store: other } = await makeStore({ idBase: 1000 });
    const r = await importMapFile(other, text, [{ id: source.id, hash: source.hash }]);
    expect(r.ok && r.result.summary).toMatchObject({ added: 2 });
    expect(other.sources.size).toBe(0);
    const problems = (change: (s: (typeof file.sources)[number]) => void) => {
      const damaged = structuredClone(file);
      change(damaged.sources[0]!);
      damaged.annotations[0]!.target.source = damaged.sources[0]!.id;
      const bad = readMapFile(JSON.stringify(damaged), { sources: [], has: () => false, hashOf: renderedHash });
      return bad.ok ? [] : bad.problems;
    };
    expect(problems((s) => delete s.created)).toEqual([{ path: 'sources[0].created', message: 'A source carried with its text needs this field too.' }]);
    expect(problems((s) => (s.id = 'user-field-notes-0000000000'))).toEqual([{ path: 'sources[0]', message: 'The source’s id does not match its content hash.' }]);
  });

  it('tells of a carried text that is not the one its hash names, or that cannot be read, and keeps it', async () => {
    const { file, source } = await sharedMap();
    const read = (change: (s: (typeof file.sources)[number]) => void, hashOf: ReadContext['hashOf'] = renderedHash) => {
      const damaged = structuredClone(file);
      change(damaged.sources[0]!);
      const r = readMapFile(JSON.stringify(damaged), { sources: [], has: () => false, hashOf });
      if (!r.ok) throw new Error(JSON.stringify(r.problems));
      return { notes: r.notes.filter((n) => n.startsWith('The text carried')), text: (r.batch.put![0]!.record as SourceRecord).text };
    };
    expect(source.hash).toBe(renderedHash(source.text, 'markdown'));
    expect(read(() => {}).notes).toEqual([]);
    // One word changed after the map was made: kept as carried, and said.
    const changed = read((s) => (s.text = s.text!.replace('Police were absent', 'Police were present')));
    expect(changed.text).toContain('Police were present');
    expect(changed.notes).toEqual([
      'The text carried for “Field notes” is not the one its hash names: it was changed after the map was made, or another version of Crossread read it. Its passages are placed by their quotes; any not found are listed in the reader.',
    ]);
    // Markdown and plain text render differently: the same text under the other format is another text.
    expect(read((s) => (s.format = 'text')).notes).toHaveLength(1);
    expect(read(() => {}, () => undefined).notes).toEqual(['The text carried for “Field notes” is one Crossread cannot read; its passages are kept but cannot be opened.']);
    // Where nothing can check (the sample map, on the page), nothing is said.
    expect(read((s) => (s.text = `${s.text} more`), null).notes).toEqual([]);
  });
});

describe('the one list of sources', () => {
  const builtIn = [{ id: 'b-2020', title: 'B', authors: [], venue: 'V', kind: 'article', cite: 'B 2020', wordCount: 10, readingMinutes: 1, hash: 'h' }];

  it('lists the built-in sources in the index’s order, then the reader’s own by when they were added, then files opened in this tab', () => {
    const later = { ...saved(sourceDraft(TEXT, 'Later')), created: '2025-02-01T00:00:00.000Z', modified: '2025-02-01T00:00:00.000Z' };
    const first = saved(sourceDraft(TEXT, 'First', { authors: ['Aigerim Sadykova', 'John Smith', 'Li Wei'], year: 2021 }));
    const opened = [{ ...sourceEntry(first), kind: 'your file' }, { ...builtIn[0]!, id: 'user-tab-file-0123456789', kind: 'your file' }];
    const list = libraryEntries(builtIn, [later, first], opened);
    expect(list.map((e) => e.id)).toEqual(['b-2020', first.id, later.id, 'user-tab-file-0123456789']);
    expect(list[1]).toMatchObject({ title: 'First', kind: 'your source', cite: 'Sadykova et al. 2021', year: 2021, venue: '', hash: first.hash });
    // Words are those of the text, Markdown marks aside: "# Field notes" is two words.
    expect(list[1]!.wordCount).toBe(buildDocument(TEXT).meta.wordCount);
  });
});
