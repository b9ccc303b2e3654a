// Claim, link and event records: schemas, partial dates, link identity, the integrity checker.
import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import {
  AnnotationSchema,
  ClaimSchema,
  EventRecordSchema,
  LinkSchema,
  applyDiff,
  buildAnnotation,
  compareRanges,
  emptyState,
  integrityIssues,
  isPartialDate,
  linkKey,
  periodEnd,
  periodStart,
  precisionOf,
  stateIssues,
  type Claim,
  type EventRecord,
  type Link,
  type StoreDiff,
} from '../../src/store/index.ts';
import { LAYER, annotation, draft, fixedId } from './store-fixtures.ts';

const T = '2025-01-02T03:04:05.000Z';
const person = { type: 'Person' as const, name: 'Ada' };
const claim = (n: number, extra: Partial<Claim> = {}): Claim => ({
  id: fixedId(n), type: 'Claim', statement: `Claim ${n}`, tags: [], events: [],
  evidence: [{ annotation: annotation(0).id, stance: 'asserts' }], creator: person, created: T, modified: T, layer: LAYER, version: {}, ...extra,
});
const link = (n: number, from: number, to: number, extra: Partial<Link> = {}): Link => ({
  id: fixedId(n), type: 'Link', relation: 'supports', from: fixedId(from), to: fixedId(to), creator: person, created: T, modified: T, layer: LAYER, version: {}, ...extra,
});
const event = (n: number, extra: Partial<EventRecord> = {}): EventRecord => ({
  id: fixedId(n), type: 'Event', name: 'Almaty violence', start: '2022-01-04', end: '2022-01-06', creator: person, created: T, modified: T, layer: LAYER, version: {}, ...extra,
});
const ok = (schema: v.GenericSchema<unknown>, value: unknown) => v.safeParse(schema, value).success;

describe('schemas', () => {
  it('accept well-formed claims, links and events, including optional fields left out', () => {
    expect(ok(ClaimSchema, claim(1))).toBe(true);
    expect(ok(ClaimSchema, claim(1, { note: '# Why', tags: ['kz'], events: [fixedId(9)], evidence: [] }))).toBe(true);
    expect(ok(LinkSchema, link(1, 2, 3, { rationale: 'because' }))).toBe(true);
    expect(ok(EventRecordSchema, event(1))).toBe(true);
    expect(ok(EventRecordSchema, event(1, { start: '2020', end: '2020' }))).toBe(true);
    const { end: _end, ...open } = event(1);
    expect(ok(EventRecordSchema, open)).toBe(true);
  });

  it.each([
    ['unknown key', { ...claim(1), extra: 1 }],
    ['blank statement', claim(1, { statement: ' ' })],
    ['untrimmed statement', claim(1, { statement: ' x' })],
    ['long statement', claim(1, { statement: 'x'.repeat(501) })],
    ['blank note', claim(1, { note: '  ' })],
    ['duplicate tags', claim(1, { tags: ['a', 'a'] })],
    ['duplicate events', claim(1, { events: [fixedId(9), fixedId(9)] })],
    ['unknown stance', claim(1, { evidence: [{ annotation: fixedId(0), stance: 'believes' as never }] })],
    ['annotation cited twice', claim(1, { evidence: [{ annotation: fixedId(0), stance: 'asserts' }, { annotation: fixedId(0), stance: 'mentions' }] })],
    ['evidence id not a urn:uuid', claim(1, { evidence: [{ annotation: 'a1', stance: 'asserts' }] })],
    ['modified before created', claim(1, { modified: '2020-01-01T00:00:00.000Z' })],
  ])('reject a claim with %s', (_, value) => {
    expect(ok(ClaimSchema, value)).toBe(false);
  });

  it.each([
    ['self-link', link(1, 2, 2)],
    ['unknown relation', link(1, 2, 3, { relation: 'refutes' as never })],
    ['blank rationale', link(1, 2, 3, { rationale: '' })],
    ['wrong type', { ...link(1, 2, 3), type: 'Annotation' }],
  ])('reject a link: %s', (_, value) => {
    expect(ok(LinkSchema, value)).toBe(false);
  });

  it.each([
    ['month 13', event(1, { start: '2022-13', end: undefined })],
    ['29 February 2021', event(1, { start: '2021-02-29', end: undefined })],
    ['two-digit year', event(1, { start: '22', end: undefined })],
    ['full timestamp', event(1, { start: '2022-01-04T00:00:00Z', end: undefined })],
    ['end before start', event(1, { start: '2022-01-06', end: '2022-01-04' })],
    ['end year before start month', event(1, { start: '2021-03', end: '2020' })],
    ['blank name', event(1, { name: '' })],
  ])('reject an event: %s', (_, value) => {
    expect(ok(EventRecordSchema, JSON.parse(JSON.stringify(value)))).toBe(false);
  });

  it('an annotation about events stays a valid W3C annotation with motivation classifying', () => {
    const a = buildAnnotation({ ...draft(1), note: undefined, tags: [], events: [fixedId(9), fixedId(9)] }, { id: fixedId(1), now: T, creatorName: 'Ada', layer: LAYER });
    expect(a.body).toEqual([{ type: 'SpecificResource', purpose: 'classifying', source: fixedId(9) }]);
    expect(a.motivation).toBe('classifying');
    expect(ok(AnnotationSchema, a)).toBe(true);
    expect(ok(AnnotationSchema, { ...a, body: [...a.body, ...a.body] })).toBe(false);
  });
});

describe('partial dates', () => {
  it('know their precision and period', () => {
    expect(['2020', '2020-02', '2020-02-29'].map(precisionOf)).toEqual(['year', 'month', 'day']);
    expect(['2020', '2020-02', '2021-02', '2020-02-29'].map(periodEnd)).toEqual(['2020-12-31', '2020-02-29', '2021-02-28', '2020-02-29']);
    expect(periodStart('2020-02')).toBe('2020-02-01');
    expect(isPartialDate('2000-02-29') && !isPartialDate('1900-02-29') && !isPartialDate('2020-04-31')).toBe(true);
  });

  it('sort a timeline by start, then end, open ends last', () => {
    const events = [
      { start: '2022-01-04', end: '2022-01-06' },
      { start: '2020' },
      { start: '2020', end: '2020' },
      { start: '2020-08-09' },
      { start: '2022-01' },
    ];
    expect([...events].sort(compareRanges)).toEqual([
      { start: '2020', end: '2020' }, { start: '2020' }, { start: '2020-08-09' }, { start: '2022-01' }, { start: '2022-01-04', end: '2022-01-06' },
    ]);
  });
});

describe('links', () => {
  it('contradicts is one link whichever way round; supports and qualifies are directed', () => {
    expect(linkKey({ relation: 'contradicts', from: 'a', to: 'b' })).toBe(linkKey({ relation: 'contradicts', from: 'b', to: 'a' }));
    expect(linkKey({ relation: 'supports', from: 'a', to: 'b' })).not.toBe(linkKey({ relation: 'supports', from: 'b', to: 'a' }));
    expect(linkKey({ relation: 'supports', from: 'a', to: 'b' })).not.toBe(linkKey({ relation: 'qualifies', from: 'a', to: 'b' }));
  });
});

describe('integrity checker', () => {
  function state() {
    const s = emptyState();
    s.annotations.set(annotation(0).id, annotation(0));
    s.claims.set(fixedId(1), claim(1));
    s.annotations.set(annotation(50).id, annotation(50));
    s.claims.set(fixedId(2), claim(2, { evidence: [{ annotation: annotation(50).id, stance: 'mentions' }] }));
    s.links.set(fixedId(3), link(3, 1, 2, { relation: 'contradicts' }));
    s.events.set(fixedId(4), event(4));
    return s;
  }
  const part = <R>(p: Partial<{ added: Record<string, R>; updated: Record<string, [R, R]>; removed: Record<string, R> }>) => ({ added: {}, updated: {}, removed: {}, ...p });

  it('accepts a consistent state and diffs that keep it so', () => {
    expect(stateIssues(state())).toEqual([]);
    const diff: StoreDiff = { links: part({ removed: { [fixedId(3)]: link(3, 1, 2) } }), claims: part({ removed: { [fixedId(2)]: claim(2) } }) };
    expect(integrityIssues(state(), diff)).toEqual([]);
  });

  it.each<[string, StoreDiff]>([
    ['removing a cited annotation', { annotations: part({ removed: { [annotation(0).id]: annotation(0) } }) }],
    ['removing a linked claim', { claims: part({ removed: { [fixedId(1)]: claim(1) } }) }],
    ['a claim citing nothing that exists', { claims: part({ added: { [fixedId(5)]: claim(5, { evidence: [{ annotation: fixedId(99), stance: 'asserts' }] }) } }) }],
    ['a claim about a missing event', { claims: part({ updated: { [fixedId(1)]: [claim(1), claim(1, { events: [fixedId(98)] })] } }) }],
    ['a link to a missing claim', { links: part({ added: { [fixedId(6)]: link(6, 1, 97) } }) }],
    ['a self-link', { links: part({ added: { [fixedId(6)]: link(6, 1, 1) } }) }],
    ['a reversed duplicate contradicts', { links: part({ added: { [fixedId(6)]: link(6, 2, 1, { relation: 'contradicts' }) } }) }],
  ])('refuses %s', (_, diff) => {
    expect(integrityIssues(state(), diff)).toHaveLength(1);
    const after = state();
    applyDiff(after, diff);
    expect(stateIssues(after)).toHaveLength(1);
  });

  it('catches removing an event an annotation is about', () => {
    const s = state();
    const about = buildAnnotation({ ...draft(7), events: [fixedId(4)] }, { id: fixedId(7), now: T, creatorName: 'Ada', layer: LAYER });
    s.annotations.set(about.id, about);
    expect(stateIssues(s)).toEqual([]);
    expect(integrityIssues(s, { events: part({ removed: { [fixedId(4)]: event(4) } }) })).toEqual([
      `annotations ${about.id} refers to removed events ${fixedId(4)}`,
    ]);
  });
});
