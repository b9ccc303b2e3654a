// The store's logic over MemoryPersistence; IndexedDB specifics are in test/browser/store/.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  ANONYMOUS,
  CrossreadStore,
  MemoryPersistence,
  StoreError,
  emptyState,
  noteOf,
  tagsOf,
  type StoreDiff,
  type StoreState,
} from '../../src/store/index.ts';
import { askStoragePersistence, type StoragePersistence } from '../../src/store/persistence.ts';
import type { CommitMode, Committed } from '../../src/store/commit-plan.ts';
import { draft, fixedId, target } from './store-fixtures.ts';
import { makeStore } from './claims-fixtures.ts';
import { checkedState } from '../shared/state-of.ts';

let counter = 0;

/** A persistence whose next commit fails with `error`, leaving its data untouched. */
class FailingPersistence extends MemoryPersistence {
  failWith: Error | undefined;
  override async commit(diff: StoreDiff, mode?: CommitMode): Promise<Committed> {
    const error = this.failWith;
    this.failWith = undefined;
    if (error) throw error;
    return super.commit(diff, mode);
  }
}

describe('actions', () => {
  it('creates, edits, deletes, and tells subscribers', async () => {
    const { store, changes, persistence } = await makeStore();
    const a = (await store.createAnnotation(draft(1))).value;
    expect(store.getAnnotation(a.id)).toBe(a);
    expect(a.creator.name).toBe('Anonymous');
    const b = (await store.updateAnnotation(a.id, { note: null, tags: ['x', ' x ', 'y'] })).value;
    expect(b.motivation).toBe('tagging');
    expect(tagsOf(store.getAnnotation(a.id)!)).toEqual(['x', 'y']);
    const { removed } = await store.deleteAnnotations([a.id, 'urn:uuid:unknown']);
    expect(removed).toEqual([b]);
    expect(store.annotations.size).toBe(0);
    expect(changes.map(([d, o]) => [Object.keys(d.annotations!.added).length, Object.keys(d.annotations!.updated).length, Object.keys(d.annotations!.removed).length, o]))
      .toEqual([[1, 0, 0, 'local'], [0, 1, 0, 'local'], [0, 0, 1, 'local']]);
    expect((await persistence.loadAll()).annotations.size).toBe(0);
  });

  it('freezes what it hands out', async () => {
    const { store } = await makeStore();
    const a = (await store.createAnnotation(draft(1))).value;
    expect(Object.isFrozen(a) && Object.isFrozen(a.body[0]) && Object.isFrozen(a.target.selector[1])).toBe(true);
  });

  it('names each step in the reader\'s words, for toasts and undo: a highlight, a note, tags, a passage', async () => {
    const { store } = await makeStore();
    const labels: string[] = [];
    for (const extra of [{ note: undefined, tags: [] }, { note: ' ', tags: ['claim'] }, { note: 'Why', tags: [] }]) {
      labels.push((await store.createAnnotation(draft(labels.length, extra))).label);
    }
    expect(labels).toEqual(['Highlight passage', 'Tag passage', 'Add note']);
    const [first] = [...store.annotations.keys()];
    expect((await store.updateAnnotation(first!, { note: 'Later' })).label).toBe('Edit passage');
    expect((await store.deleteAnnotations([first!])).label).toBe('Delete passage');
  });

  it('saves nothing for a no-op edit and for deleting nothing', async () => {
    const { store, changes } = await makeStore();
    const a = (await store.createAnnotation(draft(1))).value;
    expect((await store.updateAnnotation(a.id, { tags: ['claim', ' claim'] })).value).toBe(a);
    const result = await store.deleteAnnotations(['urn:uuid:nope']);
    expect(result.removed).toEqual([]);
    expect((await result.undo()).done).toBe(false);
    expect(changes).toHaveLength(1);
    expect(store.undoLabel).toBe('Add note');
  });

  it('rejects invalid input as `invalid` without an event or a change', async () => {
    const { store, events, changes } = await makeStore();
    const bad = { ...draft(1), target: { ...target(), selector: [target().selector[0], { type: 'TextPositionSelector', start: 5, end: 1 }] } } as never;
    await expect(store.createAnnotation(bad)).rejects.toMatchObject({ kind: 'invalid' });
    await expect(store.updateAnnotation('urn:uuid:nope', { note: 'x' })).rejects.toMatchObject({ kind: 'invalid' });
    expect(events).toEqual([]);
    expect(changes).toEqual([]);
    expect(store.canUndo).toBe(false);
  });

  it('runs actions in call order, each from the state the previous left', async () => {
    const { store } = await makeStore();
    const a = (await store.createAnnotation(draft(1))).value;
    const edits = [store.updateAnnotation(a.id, { note: 'one' }), store.updateAnnotation(a.id, { note: 'two' })];
    await Promise.all(edits);
    expect(noteOf(store.getAnnotation(a.id)!)).toBe('two');
    await store.undo();
    expect(noteOf(store.getAnnotation(a.id)!)).toBe('one');
    await store.undo();
    expect(noteOf(store.getAnnotation(a.id)!)).toBe('Note 1');
  });

  it('lists a document’s annotations in text order and tracks changes', async () => {
    const { store } = await makeStore();
    const late = (await store.createAnnotation({ target: target('doc-a', 50) })).value;
    const early = (await store.createAnnotation({ target: target('doc-a', 5), tags: ['t'] })).value;
    await store.createAnnotation({ target: target('doc-b', 0) });
    expect(store.annotationsOf('doc-a')).toEqual([early, late]);
    await store.deleteAnnotations([early.id]);
    expect(store.annotationsOf('doc-a')).toEqual([late]);
    expect(store.annotationsOf('nope')).toEqual([]);
    expect(store.annotationsTagged('t')).toEqual([]);
  });
});

describe('creator name', () => {
  it('is saved, used for new annotations, and not undoable', async () => {
    const { store, persistence } = await makeStore();
    await store.setCreatorName('  Ada Lovelace ');
    expect(store.creatorName).toBe('Ada Lovelace');
    expect(((await store.createAnnotation(draft(1))).value).creator.name).toBe('Ada Lovelace');
    await store.undo();
    expect(store.creatorName).toBe('Ada Lovelace');
    expect(store.canUndo).toBe(false);
    const again = await makeStore({ persistence });
    expect(again.store.creatorName).toBe('Ada Lovelace');
  });

  it('is cleared by a blank name (Settings): new annotations are by Anonymous again, after a reload too', async () => {
    const { store, persistence } = await makeStore();
    await store.setCreatorName('Ada');
    await store.setCreatorName('   ');
    expect(store.creatorName).toBe(undefined);
    expect(((await store.createAnnotation(draft(1))).value).creator.name).toBe(ANONYMOUS);
    await store.setCreatorName(''); // nothing to clear: no error
    const again = await makeStore({ persistence });
    expect(again.store.creatorName).toBe(undefined);
  });
});

describe('undo and redo', () => {
  it('undoes and redoes create, edit and delete', async () => {
    const { store, changes } = await makeStore();
    const a = (await store.createAnnotation(draft(1))).value;
    await store.updateAnnotation(a.id, { note: 'edited' });
    await store.deleteAnnotations([a.id]);
    expect(store.undoLabel).toBe('Delete passage');
    expect((await store.undo()).done).toBe(true);
    expect(noteOf(store.getAnnotation(a.id)!)).toBe('edited');
    expect((await store.undo()).done).toBe(true);
    // Content as created; the version moved on, since undo is one more write (ADR 0004).
    const replica = store.replica!;
    expect(store.getAnnotation(a.id)).toEqual({ ...a, version: { [replica]: 4 } });
    expect(a.version).toEqual({ [replica]: 1 });
    expect((await store.undo()).done).toBe(true);
    expect(store.annotations.size).toBe(0);
    expect((await store.undo()).done).toBe(false);
    expect((await store.redo()).done).toBe(true);
    expect(store.getAnnotation(a.id)).toEqual({ ...a, version: { [replica]: 5 } });
    expect(store.redoLabel).toBe('Edit passage');
    expect(changes.map(([, o]) => o)).toEqual(['local', 'local', 'local', 'undo', 'undo', 'undo', 'redo']);
  });

  it('restores a deletion from its result even after later actions', async () => {
    const { store } = await makeStore();
    const [a, b] = [(await store.createAnnotation(draft(1))).value, (await store.createAnnotation(draft(2))).value];
    const deleted = await store.deleteAnnotations([a.id, b.id]);
    const c = (await store.createAnnotation(draft(3))).value;
    expect((await deleted.undo()).done).toBe(true);
    expect([...store.annotations.keys()].sort()).toEqual([a.id, b.id, c.id].sort());
    expect(store.undoLabel).toBe('Add note');
    expect((await deleted.undo()).done).toBe(false);
  });

  it('keeps the last 100 actions by default', async () => {
    const { store } = await makeStore();
    for (let i = 0; i < 103; i++) await store.createAnnotation(draft(i));
    let undone = 0;
    while ((await store.undo()).done) undone++;
    expect(undone).toBe(100);
    expect(store.annotations.size).toBe(3);
  });
});

describe('failures', () => {
  it.each([
    ['quota', new DOMException('full', 'QuotaExceededError')],
    ['write-failed', new DOMException('disk', 'UnknownError')],
  ] as const)('reports %s, rejects, and changes nothing', async (kind, error) => {
    const persistence = new FailingPersistence();
    const { store, events, changes } = await makeStore({ persistence });
    const a = (await store.createAnnotation(draft(1))).value;
    const before = await persistence.loadAll();
    persistence.failWith = error;
    const failed = store.updateAnnotation(a.id, { note: 'lost?' });
    await expect(failed).rejects.toBeInstanceOf(StoreError);
    await expect(failed).rejects.toMatchObject({ kind });
    expect(events.map((e) => [e.kind, e.message.length > 20])).toEqual([[kind, true]]);
    expect(store.getAnnotation(a.id)).toBe(a);
    expect(await persistence.loadAll()).toEqual(before);
    expect(changes).toHaveLength(1);
    expect(store.undoLabel).toBe('Add note');
    // A failed undo keeps the entry so the reader can try again.
    persistence.failWith = error;
    await expect(store.undo()).rejects.toMatchObject({ kind });
    expect(store.getAnnotation(a.id)).toBe(a);
    expect((await store.undo()).done).toBe(true);
    expect(store.annotations.size).toBe(0);
  });

  it('falls back to memory with a warning when storage cannot open', async () => {
    const { store, events } = await makeStore({
      name: 'node-unavailable',
      openPersistence: () => Promise.reject(new DOMException('private mode', 'InvalidStateError')),
    });
    expect(store.mode).toBe('memory');
    expect(store.warning?.kind).toBe('unavailable');
    expect(events.map((e) => e.kind)).toEqual(['unavailable']);
    const a = (await store.createAnnotation(draft(1))).value;
    expect(store.getAnnotation(a.id)).toBe(a);
  });

  it('rejects actions before open()', async () => {
    const store = new CrossreadStore();
    await expect(store.createAnnotation(draft(1))).rejects.toMatchObject({ kind: 'closed' });
  });
});

describe('two stores on one database (tabs)', () => {
  async function pair() {
    const state = emptyState();
    const name = `shared-${++counter}`;
    const a = await makeStore({ name, persistence: new MemoryPersistence({ state, shared: true }) });
    const b = await makeStore({ name, persistence: new MemoryPersistence({ state, shared: true }), newId: () => fixedId(1000 + ++counter) });
    return { a, b };
  }

  /** Resolves on the store's next change. */
  function nextChange(store: CrossreadStore): Promise<void> {
    return new Promise((resolve) => {
      const off = store.subscribe(() => {
        off();
        resolve();
      });
    });
  }

  it('shows one tab’s edit in the other as `remote`', async () => {
    const { a, b } = await pair();
    const arrived = nextChange(b.store);
    const x = (await a.store.createAnnotation(draft(1))).value;
    await arrived;
    expect(b.store.getAnnotation(x.id)).toEqual(x);
    expect(b.changes.at(-1)![1]).toBe('remote');
    expect(b.store.canUndo).toBe(false);
  });

  it('drops undo entries for records another tab changed', async () => {
    const { a, b } = await pair();
    let arrived = nextChange(a.store);
    const x = (await b.store.createAnnotation(draft(1))).value;
    const y = (await b.store.createAnnotation(draft(2))).value;
    await arrived;
    arrived = nextChange(b.store);
    await a.store.updateAnnotation(x.id, { note: 'from tab a' });
    await arrived;
    expect(noteOf(b.store.getAnnotation(x.id)!)).toBe('from tab a');
    // Undoing b's creation of x would delete a's edit; only y's creation is still undoable.
    expect((await b.store.undo()).done).toBe(true);
    expect(b.store.getAnnotation(y.id)).toBeUndefined();
    expect((await b.store.undo()).done).toBe(false);
    expect(b.store.getAnnotation(x.id)).toBeDefined();
  });
});

describe('fuzz: memory always equals storage; undo/redo follow a model of past states', () => {
  type Op =
    | { kind: 'create'; n: number; tags: string[] }
    | { kind: 'edit'; pick: number; note: string | null }
    | { kind: 'delete'; picks: number[] }
    | { kind: 'undo' }
    | { kind: 'redo' };
  const op: fc.Arbitrary<Op> = fc.oneof(
    fc.record({ kind: fc.constant('create' as const), n: fc.nat(1000), tags: fc.array(fc.constantFrom('a', 'b', ' c'), { maxLength: 3 }) }),
    fc.record({ kind: fc.constant('edit' as const), pick: fc.nat(), note: fc.option(fc.string({ maxLength: 8 })) }),
    fc.record({ kind: fc.constant('delete' as const), picks: fc.array(fc.nat(), { maxLength: 3 }) }),
    fc.constant({ kind: 'undo' as const }),
    fc.constant({ kind: 'redo' as const }),
  );
  const plain = (s: StoreState) => [...s.annotations.values()].sort((x, y) => x.id.localeCompare(y.id));

  it('holds for random action sequences', async () => {
    await fc.assert(
      fc.asyncProperty(op.chain((first) => fc.array(op, { maxLength: 30 }).map((rest) => [first, ...rest])), async (ops) => {
        const { store, persistence } = await makeStore({ undoLimit: 1000 });
        const ids = () => [...store.annotations.keys()];
        const all = () => [...store.annotations.values()].sort((x, y) => x.id.localeCompare(y.id));
        // The model holds content: undo restores it, while versions move on (ADR 0004).
        const now = () => all().map((a) => ({ ...a, version: undefined }));
        // Model of undo: the states before each action, and the states undone.
        const past: ReturnType<typeof now>[] = [];
        let future: ReturnType<typeof now>[] = [];
        for (const o of ops) {
          const before = now();
          if (o.kind === 'undo') {
            expect((await store.undo()).done).toBe(past.length > 0);
            if (past.length) {
              future.push(before);
              expect(now()).toEqual(past.pop());
            }
          } else if (o.kind === 'redo') {
            expect((await store.redo()).done).toBe(future.length > 0);
            if (future.length) {
              past.push(before);
              expect(now()).toEqual(future.pop());
            }
          } else {
            if (o.kind === 'create') await store.createAnnotation({ target: target('doc', o.n), tags: o.tags });
            else if (o.kind === 'edit' && ids().length) await store.updateAnnotation(ids()[o.pick % ids().length]!, { note: o.note });
            else if (o.kind === 'delete') await store.deleteAnnotations(o.picks.map((p) => ids()[p % Math.max(1, ids().length)] ?? ''));
            if (JSON.stringify(now()) !== JSON.stringify(before)) {
              past.push(before);
              future = [];
            }
          }
          expect(all()).toEqual(plain(checkedState(await persistence.loadAll())));
        }
        while ((await store.undo()).done);
        expect(store.annotations.size).toBe(0);
        expect((await persistence.loadAll()).annotations.size).toBe(0);
        store.close();
      }),
      {
        numRuns: 60,
        seed: 20250101,
        // Found by this test when `reverseDiff` did not swap from/to; kept as a regression case.
        examples: [[[{ kind: 'create', n: 994, tags: [] }, { kind: 'edit', pick: 0, note: '!' }, { kind: 'undo' }]]],
      },
    );
  });
});

describe('persistent storage', () => {
  const manager = (persisted: boolean | Error, granted: boolean | Error) => {
    const asked: string[] = [];
    const answer = (v: boolean | Error) => (v instanceof Error ? Promise.reject(v) : Promise.resolve(v));
    return {
      asked,
      storage: {
        persisted: () => (asked.push('persisted'), answer(persisted)),
        persist: () => (asked.push('persist'), answer(granted)),
      },
    };
  };

  it('asks the browser only when the data is not kept already, and reads its answer', async () => {
    const kept = manager(true, false);
    expect(await askStoragePersistence(kept.storage)).toBe('persisted');
    expect(kept.asked).toEqual(['persisted']);
    const granted = manager(false, true);
    expect(await askStoragePersistence(granted.storage)).toBe('persisted');
    expect(granted.asked).toEqual(['persisted', 'persist']);
    expect(await askStoragePersistence(manager(false, false).storage)).toBe('best-effort');
  });

  it('says `unsupported` without the Storage API or when it throws', async () => {
    expect(await askStoragePersistence(undefined)).toBe('unsupported');
    expect(await askStoragePersistence({} as never)).toBe('unsupported');
    expect(await askStoragePersistence(manager(new Error('insecure'), true).storage)).toBe('unsupported');
  });

  it('asks once on open and keeps the answer for the UI', async () => {
    let asked = 0;
    class Granting extends MemoryPersistence {
      override requestPersistence(): Promise<StoragePersistence> {
        asked++;
        return Promise.resolve('persisted');
      }
    }
    const { store } = await makeStore({ persistence: new Granting() });
    expect(await store.requestPersistentStorage()).toBe('persisted');
    expect(store.storagePersistence).toBe('persisted');
    await store.requestPersistentStorage();
    expect(asked).toBe(1);
    // Memory mode keeps nothing in the browser.
    const { store: memory } = await makeStore();
    expect(await memory.requestPersistentStorage()).toBe('unsupported');
    expect(memory.storagePersistence).toBe('unsupported');
  });

  it('no longer points the reader at an Export that does not exist', () => {
    for (const kind of ['unavailable', 'quota'] as const) expect(new StoreError(kind).message).not.toMatch(/export/i);
  });
});
