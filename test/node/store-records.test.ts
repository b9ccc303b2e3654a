import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import * as store from '../../src/store/index.ts';
import {
  AnnotationSchema,
  RECORD_ID_PATTERN,
  SettingSchema,
  buildAnnotation,
  changeAnnotation,
  makeBody,
  motivationFor,
  newRecordId,
  normalizeTags,
  noteOf,
  tagsOf,
  type Annotation,
} from '../../src/store/index.ts';
import { LAYER, annotation, draft, fixedId } from './store-fixtures.ts';

it('exports a fixed public API', () => {
  expect(Object.keys(store).sort()).toEqual([
    'ANNOTATION_CONTEXT', 'ANONYMOUS', 'AnnotationSchema', 'CHANNEL_NAME', 'COLLECTION_NAMES', 'ClaimSchema',
    'CreatorNameSettingSchema', 'CrossreadStore', 'DB_NAME', 'DB_VERSION', 'DEFAULT_UNDO_LIMIT',
    'EventRecordSchema', 'EvidenceSchema', 'LINK_RELATIONS', 'LayerIdSchema', 'LinkSchema', 'MAX_NAME_LENGTH', 'MAX_NOTE_LENGTH',
    'MAX_SOURCE_CHARS', 'MAX_SOURCE_TITLE', 'MAX_STATEMENT_LENGTH', 'MAX_TAG_LENGTH', 'MapPositionSettingSchema', 'MemoryPersistence', 'PARTIAL_DATE_PATTERN', 'RECORD_ID_PATTERN',
    'RecordIdSchema', 'RecordSchemas', 'SHARED_COLLECTIONS', 'SOURCE_ID_PATTERN', 'STANCES', 'SettingSchema', 'SourceRecordSchema', 'StoreError', 'StoreErrorEvent',
    'TextChangeSeenSettingSchema', 'TextPositionSelectorSchema', 'TextQuoteSelectorSchema', 'UndoHistory', 'VersionSchema', 'applyDiff',
    'buildAnnotation', 'buildSource', 'byCreated', 'changeAnnotation', 'compareRanges', 'compareVersions', 'deletionMessage', 'describeIssues', 'diffIds', 'emptyState', 'eventsOf', 'formatDate', 'formatRange', 'freeColour', 'hiddenLayers',
    'integrityIssues', 'isEmptyDiff', 'isPartialDate', 'layerRemovalMessage', 'layerSettingId', 'layerSettings', 'layersChanged', 'layersOf', 'linkKey', 'makeBody', 'modifiedAt', 'motivationFor', 'newRecordId',
    'normalizeTags', 'noteOf', 'periodEnd', 'periodStart', 'precisionOf', 'previewRemoval', 'referencesOf', 'reverseDiff',
    'sortRecords', 'splitTags', 'stableRecordId', 'stateIssues', 'tagsOf',
  ]);
  expect(store.COLLECTION_NAMES).toEqual(['annotations', 'settings', 'claims', 'links', 'events', 'sources']);
});

describe('motivation', () => {
  it('derives from the body: note → commenting, tags only → tagging, neither → highlighting', () => {
    expect(motivationFor(makeBody('a note', ['t']))).toBe('commenting');
    expect(motivationFor(makeBody('a note', []))).toBe('commenting');
    expect(motivationFor(makeBody(undefined, ['t']))).toBe('tagging');
    expect(motivationFor(makeBody('   \n', ['  ']))).toBe('highlighting');
    expect(motivationFor([])).toBe('highlighting');
  });

  it('follows edits', () => {
    const a = annotation(1);
    expect(a.motivation).toBe('commenting');
    const tagged = changeAnnotation(a, { note: null }, '2025-02-01T00:00:00.000Z');
    expect(tagged.motivation).toBe('tagging');
    expect(changeAnnotation(tagged, { tags: [] }, '2025-02-01T00:00:00.000Z').motivation).toBe('highlighting');
  });
});

describe('building records', () => {
  it('builds a W3C annotation that passes its schema', () => {
    const a = annotation(3);
    expect(v.parse(AnnotationSchema, a)).toEqual(a);
    expect(a).toMatchObject({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: fixedId(3),
      type: 'Annotation',
      creator: { type: 'Person', name: 'Ada' },
      body: [
        { type: 'TextualBody', purpose: 'commenting', value: 'Note 3', format: 'text/markdown' },
        { type: 'TextualBody', purpose: 'tagging', value: 'claim' },
      ],
    });
    expect(a.target.selector.map((s) => s.type)).toEqual(['TextQuoteSelector', 'TextPositionSelector']);
  });

  it('normalizes tags: trimmed, no blanks, no duplicates, order kept', () => {
    expect(normalizeTags([' b ', 'a', '', 'b', '  ', 'a '])).toEqual(['b', 'a']);
  });

  it('keeps notes verbatim and does not alias the draft', () => {
    const d = draft(0, { note: '  indented\n\n- list  ' });
    const a = buildAnnotation(d, { id: fixedId(0), now: '2025-01-01T00:00:00.000Z', creatorName: 'A', layer: LAYER });
    expect(noteOf(a)).toBe('  indented\n\n- list  ');
    d.target.selector[1].start = 999;
    expect(a.target.selector[1].start).toBe(0);
  });

  it('changes without mutating and never lets modified precede created', () => {
    const a = annotation(0);
    const before = structuredClone(a);
    const b = changeAnnotation(a, { tags: ['x', 'y'] }, '2025-03-01T00:00:00.000Z');
    expect(a).toEqual(before);
    expect(tagsOf(b)).toEqual(['x', 'y']);
    expect(noteOf(b)).toBe('Note 0');
    expect(b.modified).toBe('2025-03-01T00:00:00.000Z');
    expect(changeAnnotation(a, { note: 'x' }, '1999-01-01T00:00:00.000Z').modified).toBe(a.created);
  });

  it('makes urn:uuid ids, also without crypto.randomUUID (insecure contexts)', () => {
    const ids = new Set(Array.from({ length: 200 }, newRecordId));
    expect(ids.size).toBe(200);
    for (const id of ids) expect(id).toMatch(RECORD_ID_PATTERN);
    // Shadow the prototype method with an own property, as in a page without a secure context.
    Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true });
    try {
      const id = newRecordId();
      expect(id).toMatch(RECORD_ID_PATTERN);
      expect(id[23]).toBe('4'); // version nibble
    } finally {
      delete (crypto as { randomUUID?: unknown }).randomUUID;
    }
    expect(typeof crypto.randomUUID).toBe('function');
  });
});

describe('schemas reject malformed records', () => {
  const valid = annotation(7);
  type Mutation = (a: Record<string, unknown> & Annotation) => unknown;
  const cases: [string, Mutation][] = [
    ['missing id', ({ id: _id, ...rest }) => rest],
    ['id not a urn:uuid', (a) => ({ ...a, id: 'anno-7' })],
    ['id in upper case', (a) => ({ ...a, id: 'urn:uuid:ABCDEF00-0000-4000-8000-000000000007' })],
    ['wrong @context', (a) => ({ ...a, '@context': 'http://example.com' })],
    ['wrong type', (a) => ({ ...a, type: 'Note' })],
    ['unknown key', (a) => ({ ...a, extra: 1 })],
    ['motivation not matching body', (a) => ({ ...a, motivation: 'highlighting' })],
    ['unknown motivation', (a) => ({ ...a, motivation: 'bookmarking' })],
    ['bad timestamp', (a) => ({ ...a, created: 'yesterday' })],
    ['modified before created', (a) => ({ ...a, modified: '2000-01-01T00:00:00.000Z' })],
    ['creator without name', (a) => ({ ...a, creator: { type: 'Person' } })],
    ['two notes', (a) => ({ ...a, body: [a.body[0], a.body[0]] })],
    ['duplicate tags', (a) => ({ ...a, body: [a.body[1], a.body[1]], motivation: 'tagging' })],
    ['blank tag', (a) => ({ ...a, body: [{ type: 'TextualBody', purpose: 'tagging', value: '' }], motivation: 'tagging' })],
    ['untrimmed tag', (a) => ({ ...a, body: [{ type: 'TextualBody', purpose: 'tagging', value: ' x' }], motivation: 'tagging' })],
    ['note without format', (a) => ({ ...a, body: [{ type: 'TextualBody', purpose: 'commenting', value: 'x' }] })],
    ['unknown body purpose', (a) => ({ ...a, body: [{ type: 'TextualBody', purpose: 'linking', value: 'x' }] })],
    ['body not an array', (a) => ({ ...a, body: 'note' })],
    ['target without source', (a) => ({ ...a, target: { ...a.target, source: '' } })],
    ['target without hash', ({ target: { sourceHash: _h, ...t }, ...a }) => ({ ...a, target: t })],
    ['selectors in the wrong order', (a) => ({ ...a, target: { ...a.target, selector: [a.target.selector[1], a.target.selector[0]] } })],
    ['one selector only', (a) => ({ ...a, target: { ...a.target, selector: [a.target.selector[0]] } })],
    ['empty quote', (a) => ({ ...a, target: { ...a.target, selector: [{ ...a.target.selector[0], exact: '' }, a.target.selector[1]] } })],
    ['start after end', (a) => ({ ...a, target: { ...a.target, selector: [a.target.selector[0], { type: 'TextPositionSelector', start: 9, end: 2 }] } })],
    ['negative offset', (a) => ({ ...a, target: { ...a.target, selector: [a.target.selector[0], { type: 'TextPositionSelector', start: -1, end: 2 }] } })],
    ['fractional offset', (a) => ({ ...a, target: { ...a.target, selector: [a.target.selector[0], { type: 'TextPositionSelector', start: 0.5, end: 2 }] } })],
    ['null', () => null],
    ['array', (a) => [a]],
    ['string', (a) => JSON.stringify(a)],
  ];

  it('accepts the unmodified fixture', () => {
    expect(v.safeParse(AnnotationSchema, valid).success).toBe(true);
  });

  it.each(cases)('rejects %s', (_name, mutate) => {
    const input = mutate(structuredClone(valid) as Record<string, unknown> & Annotation);
    const result = v.safeParse(AnnotationSchema, input);
    expect(result.success).toBe(false);
  });

  it('rejects settings that are unknown or blank', () => {
    expect(v.safeParse(SettingSchema, { id: 'creatorName', value: 'Ada' }).success).toBe(true);
    expect(v.safeParse(SettingSchema, { id: 'creatorName', value: '' }).success).toBe(false);
    expect(v.safeParse(SettingSchema, { id: 'creatorName', value: ' Ada' }).success).toBe(false);
    expect(v.safeParse(SettingSchema, { id: 'theme', value: 'dark' }).success).toBe(false);
  });
});

describe('user text is data', () => {
  const hostile = [
    '<script>alert(1)</script><img src=x onerror=alert(2)>',
    '{"@context":"http://www.w3.org/ns/anno.jsonld","id":"urn:uuid:x"}',
    '__proto__', 'constructor', '${process.exit()}', '{{7*7}}', "'; DROP TABLE annotations; --",
    '[link](javascript:alert(1))', 'emoji 👩🏽‍🔬 and RTL \u202Eevil', 'nul\u0000byte', 'lone surrogate \uD800',
  ];

  it.each(hostile)('keeps %j byte for byte through build, JSON and schema', (text) => {
    const a = buildAnnotation(
      { target: { ...annotation(0).target, selector: [{ type: 'TextQuoteSelector', exact: text, prefix: text, suffix: '' }, { type: 'TextPositionSelector', start: 0, end: text.length }] }, note: text, tags: [text.trim()] },
      { id: fixedId(1), now: '2025-01-01T00:00:00.000Z', creatorName: text.trim(), layer: LAYER },
    );
    const parsed = v.parse(AnnotationSchema, JSON.parse(JSON.stringify(a)));
    expect(noteOf(parsed)).toBe(text);
    expect(tagsOf(parsed)).toEqual([text.trim()]);
    expect(parsed.creator.name).toBe(text.trim());
    expect(parsed.target.selector[0].exact).toBe(text);
    expect(parsed).toEqual(a);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('rejects a __proto__ key in JSON input without polluting anything', () => {
    const json = JSON.stringify(annotation(2)).replace('"type":"Annotation"', '"type":"Annotation","__proto__":{"polluted":true}');
    expect(v.safeParse(AnnotationSchema, JSON.parse(json)).success).toBe(false);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});
