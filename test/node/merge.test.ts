// The three-way merge of one record (merge.ts) and what a commit writes given the database (commit-plan.ts).
// Store-level, two stores on one database: store-merge.test.ts; IndexedDB: test/browser/store/merge.test.ts.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as merge from '../../src/store/merge.ts';
import * as plan from '../../src/store/commit-plan.ts';
import { conflictMessage, mergeList, mergeRecord, rebaseLists } from '../../src/store/merge.ts';
import { currentIds, missingCitations, planCommit, shownDiff } from '../../src/store/commit-plan.ts';
import * as v from 'valibot';
import { collectionDiff } from '../../src/store/diff.ts';
import {
  ClaimSchema,
  STANCES,
  emptyState,
  StoreError,
  changeAnnotation,
  noteOf,
  tagsOf,
  type Claim,
  type EventRecord,
  type Evidence,
  type Stance,
  type StoreDiff,
} from '../../src/store/index.ts';
import { LAYER, annotation, fixedId } from './store-fixtures.ts';

const R = 'urn:uuid:00000000-0000-4000-8000-00000000cccc';
const T0 = '2025-01-01T00:00:00.000Z';
const at = (s: number) => new Date(Date.UTC(2025, 0, 3, 0, 0, s)).toISOString();
const person = { type: 'Person' as const, name: 'Ada' };

function claim(extra: Partial<Claim> = {}): Claim {
  return {
    id: fixedId(1), type: 'Claim', statement: 'Aimed at Tokayev', tags: ['kz'], events: [],
    evidence: [{ annotation: fixedId(10), stance: 'asserts' }], creator: person, created: T0, modified: T0,
    layer: LAYER, version: { [R]: 3 }, ...extra,
  };
}

function event(extra: Partial<EventRecord> = {}): EventRecord {
  return { id: fixedId(2), type: 'Event', name: 'Bloody January', start: '2022-01-02', end: '2022-01-11', creator: person, created: T0, modified: T0, layer: LAYER, version: { [R]: 1 }, ...extra };
}

const record = <R>(result: { record: R } | { conflict: unknown }): R => {
  if (!('record' in result)) throw new Error(`expected a merge, got ${JSON.stringify(result)}`);
  return result.record;
};

it('exports its public API', () => {
  expect(Object.keys(merge).sort()).toEqual(['conflictMessage', 'mergeList', 'mergeRecord', 'rebaseLists']);
  expect(Object.keys(plan).sort()).toEqual(['currentIds', 'missingCitations', 'newlyCited', 'planCommit', 'shownDiff']);
});

describe('mergeRecord', () => {
  it('keeps both sides’ tags, evidence and events, theirs’ order first', () => {
    const base = claim();
    const mine = claim({ tags: ['kz', 'mine'], evidence: [...base.evidence, { annotation: fixedId(11), stance: 'mentions' }], modified: at(2), version: { [R]: 4 } });
    const theirs = claim({ tags: ['theirs', 'kz'], evidence: [...base.evidence, { annotation: fixedId(12), stance: 'asserts' }], events: [fixedId(5)], modified: at(1), version: { [R]: 4 } });
    expect(record(mergeRecord('claims', base, mine, theirs))).toEqual(claim({
      tags: ['theirs', 'kz', 'mine'],
      evidence: [base.evidence[0]!, { annotation: fixedId(12), stance: 'asserts' }, { annotation: fixedId(11), stance: 'mentions' }],
      events: [fixedId(5)],
      modified: at(2),
      version: { [R]: 4 },
    }));
  });

  it('removes what one side removed, and takes a field only one side changed', () => {
    const base = claim({ tags: ['a', 'b', 'c'], note: 'old note' });
    const mine = claim({ tags: ['a', 'c'], statement: 'Aimed at Nazarbayev', note: 'old note' });
    const theirs = claim({ tags: ['a', 'b'], note: 'new note' });
    expect(record(mergeRecord('claims', base, mine, theirs))).toMatchObject({ tags: ['a'], statement: 'Aimed at Nazarbayev', note: 'new note' });
    // A note one side removed stays removed; none, not `note: undefined`.
    expect(Object.keys(record(mergeRecord('claims', base, claim({ tags: base.tags }), base)))).not.toContain('note');
  });

  it('refuses two different changes of one text, naming the field and both values', () => {
    const base = claim();
    expect(mergeRecord('claims', base, claim({ statement: 'Mine' }), claim({ statement: 'Theirs' }))).toEqual({
      conflict: { field: 'statement', mine: 'Mine', theirs: 'Theirs' },
    });
    // The same change on both sides is no conflict.
    expect(record(mergeRecord('claims', base, claim({ statement: 'Same' }), claim({ statement: 'Same' }))).statement).toBe('Same');
    // Removing a note the other side changed is a conflict too.
    expect(mergeRecord('claims', claim({ note: 'n' }), claim(), claim({ note: 'n2' }))).toEqual({ conflict: { field: 'note', mine: undefined, theirs: 'n2' } });
  });

  it('merges evidence item by item: a stance both changed differently is a conflict, removed vs changed too', () => {
    const e = (stance: Stance): Evidence => ({ annotation: fixedId(10), stance });
    const base = claim();
    expect(mergeRecord('claims', base, claim({ evidence: [e('mentions')] }), claim({ evidence: [e('argues-against')] }))).toEqual({
      conflict: { field: 'evidence', mine: e('mentions'), theirs: e('argues-against') },
    });
    expect(mergeRecord('claims', base, claim({ evidence: [] }), claim({ evidence: [e('mentions')] }))).toMatchObject({ conflict: { field: 'evidence' } });
    expect(record(mergeRecord('claims', base, claim({ evidence: [e('mentions')] }), claim({ tags: ['x'] })))).toMatchObject({ evidence: [e('mentions')], tags: ['x'] });
  });

  it('merges an annotation’s body: tags as a set, the note as one value; motivation follows', () => {
    const base = annotation(1, { note: undefined, tags: ['a'] });
    const withNote = changeAnnotation(base, { note: 'Mine' }, at(1));
    const tagged = changeAnnotation(base, { tags: ['a', 'b'] }, at(2));
    const merged = record(mergeRecord('annotations', base, withNote, tagged));
    expect([noteOf(merged), tagsOf(merged), merged.motivation, merged.modified]).toEqual(['Mine', ['a', 'b'], 'commenting', at(2)]);
    // The note comes first in the body, as `makeBody` puts it.
    expect(merged.body.map((b) => b.purpose)).toEqual(['commenting', 'tagging', 'tagging']);
    const other = changeAnnotation(base, { note: 'Theirs' }, at(3));
    expect(mergeRecord('annotations', base, withNote, other)).toEqual({ conflict: { field: 'note', mine: 'Mine', theirs: 'Theirs' } });
    const moved = changeAnnotation(base, { target: { ...base.target, sourceHash: 'other' } }, at(1));
    const movedElsewhere = changeAnnotation(base, { target: { ...base.target, sourceHash: 'third' } }, at(1));
    expect(mergeRecord('annotations', base, moved, movedElsewhere)).toMatchObject({ conflict: { field: 'target' } });
  });

  it('treats an event’s dates as one value, so a merge never reverses them', () => {
    const base = event();
    const later = event({ start: '2022-01-12', end: '2022-01-20' });
    const shorter = event({ end: '2022-01-05' });
    expect(mergeRecord('events', base, later, shorter)).toMatchObject({ conflict: { field: 'dates' } });
    expect(record(mergeRecord('events', base, event({ name: 'Qandy Qantar' }), later))).toMatchObject({ name: 'Qandy Qantar', start: '2022-01-12' });
  });

  it('takes `modified` from the side that changed it (an undo restores an older one), the later if both did', () => {
    const base = claim({ modified: at(5) });
    expect(record(mergeRecord('claims', base, claim({ modified: at(1), tags: [] }), base)).modified).toBe(at(1));
    expect(record(mergeRecord('claims', base, claim({ modified: at(6) }), claim({ modified: at(7) }))).modified).toBe(at(7));
  });
});

describe('conflictMessage', () => {
  it('says what changed where, in the reader’s words', () => {
    expect(conflictMessage('claims', { field: 'statement', mine: 'Mine', theirs: 'Theirs' })).toBe(
      'This claim’s statement was changed in another tab (to “Theirs”), so your change (to “Mine”) was not saved. Look at it again and redo your change if you still want it.',
    );
    expect(conflictMessage('annotations', { field: 'note', mine: undefined, theirs: undefined })).toMatch(/^This passage’s note was removed in another tab, so removing it here was not saved/);
    expect(conflictMessage('annotations', { field: 'target', mine: {}, theirs: {} })).toMatch(/^This passage’s place in the text was changed in another tab, so your change was not saved/);
    expect(conflictMessage('events', undefined)).toBe('This event was deleted in another tab, so your change to it was not saved.');
    expect(conflictMessage('links', { field: 'rationale', mine: 'x'.repeat(200), theirs: 'y' })).toContain(`“${'x'.repeat(79)}…”`);
  });
});

describe('rebaseLists', () => {
  it('applies what an edit added and removed to the lists as they are now', () => {
    const seen = { tags: ['a', 'b'], events: [fixedId(1)] };
    const now = { tags: ['a', 'b', 'c'], events: [] };
    expect(rebaseLists({ tags: [' a', 'd'], note: 'x' }, seen, now)).toEqual({ tags: ['a', 'c', 'd'], events: undefined, note: 'x' });
    expect(rebaseLists({ events: [fixedId(1), fixedId(2)] }, seen, now)).toEqual({ tags: undefined, events: [fixedId(2)] });
  });
});

// Random concurrent edits of one claim from one base: tags, evidence (add, drop, restance), statement, note.
const POOL = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
const CITED = [10, 11, 12, 13, 14, 15].map(fixedId);
const evidenceOf = fc.uniqueArray(fc.record({ annotation: fc.constantFrom(...CITED), stance: fc.constantFrom(...STANCES) }), { selector: (e) => e.annotation, maxLength: 6 });
const claimArb = fc.record({
  tags: fc.uniqueArray(fc.constantFrom(...POOL), { maxLength: 8 }),
  evidence: evidenceOf,
  statement: fc.constantFrom('S0', 'S1', 'S2'),
  note: fc.constantFrom(undefined, 'N1', 'N2'),
  s: fc.nat(50),
}).map(({ s, note, ...rest }) => claim({ ...rest, ...(note ? { note } : {}), modified: at(s) }));
// A side's edit of `base`; `whose` decides which evidence items and text fields it may touch, so two edits can be kept apart.
const edit = (base: Claim, whose: 0 | 1 | 'any') =>
  fc.record({ tags: fc.uniqueArray(fc.constantFrom(...POOL), { maxLength: 8 }), evidence: evidenceOf, statement: fc.constantFrom('S0', 'S1', 'S2', 'S3'), s: fc.nat(50) }).map(({ tags, evidence, statement, s }) => {
    const mine = (id: string) => whose === 'any' || CITED.indexOf(id) % 2 === whose;
    const kept = base.evidence.filter((e) => !mine(e.annotation) || evidence.some((x) => x.annotation === e.annotation)).map((e) => (mine(e.annotation) ? evidence.find((x) => x.annotation === e.annotation)! : e));
    const added = evidence.filter((e) => mine(e.annotation) && !base.evidence.some((x) => x.annotation === e.annotation));
    return claim({ ...base, tags, evidence: [...kept, ...added], statement: whose === 1 ? base.statement : statement, modified: at(50 + s), version: { [R]: 4 } });
  });
const same = (x: Claim, y: Claim) => {
  const norm = (c: Claim) => ({ ...c, tags: [...c.tags].sort(), evidence: [...c.evidence].sort((a, b) => a.annotation.localeCompare(b.annotation)) });
  return expect(norm(x)).toEqual(norm(y));
};

describe('mergeRecord, for random concurrent edits from one base', () => {
  it('keeps every addition and removal of each side when they touch different items and fields', () => {
    fc.assert(
      fc.property(claimArb.chain((base) => fc.tuple(fc.constant(base), edit(base, 0), edit(base, 1))), ([base, mine, theirs]) => {
        const merged = record(mergeRecord('claims', base, mine, theirs));
        for (const [side, other] of [[mine, theirs], [theirs, mine]] as const) {
          for (const t of side.tags) if (!base.tags.includes(t)) expect(merged.tags).toContain(t);
          for (const t of base.tags) if (!side.tags.includes(t)) expect(merged.tags).not.toContain(t);
          for (const e of side.evidence) if (!base.evidence.some((x) => x.annotation === e.annotation && x.stance === e.stance)) expect(merged.evidence).toContainEqual(e);
          for (const e of base.evidence) if (!side.evidence.some((x) => x.annotation === e.annotation)) expect(merged.evidence.map((x) => x.annotation)).not.toContain(e.annotation);
          if (side.statement !== base.statement) expect(merged.statement).toBe(side.statement);
          void other;
        }
        // What neither touched stays as it was.
        for (const t of base.tags) if (mine.tags.includes(t) && theirs.tags.includes(t)) expect(merged.tags).toContain(t);
        expect(v.safeParse(ClaimSchema, merged).success).toBe(true);
        // The other way round, the same content.
        same(record(mergeRecord('claims', base, theirs, mine)), merged);
      }),
      { seed: 808, numRuns: 400 },
    );
  });

  it('is the identity on an unchanged side: merge(base, x, base) = x and merge(base, base, y) = y', () => {
    fc.assert(
      fc.property(claimArb.chain((base) => fc.tuple(fc.constant(base), edit(base, 'any'))), ([base, x]) => {
        expect(mergeRecord('claims', base, x, base)).toEqual({ record: x });
        expect(mergeRecord('claims', base, base, x)).toEqual({ record: x });
        expect(mergeRecord('claims', base, x, x)).toEqual({ record: x });
      }),
      { seed: 809, numRuns: 300 },
    );
  });

  it('conflicts only over a field or item both sides changed differently, and symmetrically', () => {
    let conflicts = 0;
    fc.assert(
      fc.property(claimArb.chain((base) => fc.tuple(fc.constant(base), edit(base, 'any'), edit(base, 'any'))), ([base, mine, theirs]) => {
        const result = mergeRecord('claims', base, mine, theirs);
        const flipped = mergeRecord('claims', base, theirs, mine);
        expect('conflict' in flipped).toBe('conflict' in result);
        if (!('conflict' in result)) {
          same(record(flipped), result.record);
          return;
        }
        conflicts++;
        const { field } = result.conflict;
        const item = (c: Claim, id: string) => c.evidence.find((e) => e.annotation === id);
        if (field === 'statement') expect(new Set([base.statement, mine.statement, theirs.statement]).size).toBe(3);
        else {
          expect(field).toBe('evidence');
          const id = ((result.conflict.mine ?? result.conflict.theirs) as Evidence).annotation;
          expect(item(mine, id)).not.toEqual(item(base, id));
          expect(item(theirs, id)).not.toEqual(item(base, id));
          expect(item(mine, id)).not.toEqual(item(theirs, id));
        }
      }),
      { seed: 810, numRuns: 400 },
    );
    expect(conflicts).toBeGreaterThan(20);
  });
});

describe('mergeList', () => {
  it('is theirs, plus mine’s additions, less mine’s removals', () => {
    expect(mergeList(['a', 'b'], ['b', 'c'], ['d', 'a', 'b'], (x) => x)).toEqual(['d', 'b', 'c']);
  });
});

describe('planCommit', () => {
  const updated = (from: Claim, to: Claim): StoreDiff => collectionDiff('claims', { updated: { [from.id]: [from, to] } });
  const db = (records: Claim[]) => (_c: string, id: string) => records.find((r) => r.id === id);

  it('writes the record as is when the database still holds the one it was made from', () => {
    const from = claim();
    const to = claim({ tags: ['kz', 'x'], version: { [R]: 4 } });
    expect(planCommit(updated(from, to), db([from]), 'merge', R)).toEqual(updated(from, to));
    expect(currentIds(updated(from, to))).toEqual({ claims: [from.id] });
  });

  it('merges with a record another tab wrote since, one write past both (the tabs share a replica)', () => {
    const from = claim();
    const to = claim({ tags: ['kz', 'mine'], version: { [R]: 4 } });
    const theirs = claim({ tags: ['kz', 'theirs'], version: { [R]: 4 } });
    const written = planCommit(updated(from, to), db([theirs]), 'merge', R);
    expect(written.claims!.updated[from.id]).toEqual([theirs, claim({ tags: ['kz', 'theirs', 'mine'], version: { [R]: 5 } })]);
    // Memory and subscribers go from this tab's record to the merged one.
    expect(shownDiff(updated(from, to), written).claims!.updated[from.id]).toEqual([from, written.claims!.updated[from.id]![1]]);
  });

  it('refuses with detail: a text both changed, a record deleted there; received records are never merged', () => {
    const from = claim();
    const to = claim({ statement: 'Mine', version: { [R]: 4 } });
    const error = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        expect(e).toBeInstanceOf(StoreError);
        return e as StoreError;
      }
      throw new Error('expected a refusal');
    };
    const e1 = error(() => planCommit(updated(from, to), db([claim({ statement: 'Theirs', version: { [R]: 4 } })]), 'merge', R));
    expect([e1.kind, e1.detail]).toEqual(['conflict', { collection: 'claims', id: from.id, field: 'statement', mine: 'Mine', theirs: 'Theirs' }]);
    const e2 = error(() => planCommit(updated(from, to), db([]), 'merge', R));
    expect([e2.kind, e2.detail, e2.message]).toEqual(['conflict', { collection: 'claims', id: from.id }, 'This claim was deleted in another tab, so your change to it was not saved.']);
    const e3 = error(() => planCommit(updated(from, claim({ tags: [], version: { [R]: 4 } })), db([claim({ version: { [R]: 4 } })]), 'exact', R));
    expect([e3.kind, e3.detail]).toEqual(['conflict', undefined]);
  });

  it('removes what the database holds, and leaves out what is already gone', () => {
    const mine = claim();
    const theirs = claim({ tags: ['newer'], version: { [R]: 4 } });
    const removal = collectionDiff('claims', { removed: { [mine.id]: mine } });
    expect(planCommit(removal, db([theirs]), 'merge', R).claims!.removed).toEqual({ [mine.id]: theirs });
    expect(planCommit(removal, db([]), 'merge', R).claims!.removed).toEqual({});
  });
});

describe('missingCitations', () => {
  it('lists what records read from another tab cite and this tab lacks', () => {
    const state = emptyState();
    const cites = claim({ events: [fixedId(20)] });
    expect(missingCitations(state, { claims: new Map([[cites.id, cites]]) })).toEqual({ annotations: [fixedId(10)], events: [fixedId(20)] });
    state.annotations.set(fixedId(10), annotation(10));
    expect(missingCitations(state, { claims: new Map([[cites.id, cites]]), events: new Map([[fixedId(20), undefined]]) })).toEqual({});
  });
});
