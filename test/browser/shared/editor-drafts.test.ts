// What the reader is typing is theirs (issue 8): every editor of a saved record, driven as a
// reader would, while a second store on the same database plays another tab.
import { expect } from '@open-wc/testing';
import { StoreError, type StoreOptions } from '../../../src/store/index.ts';
import type { CrDraftNotice } from '../../../src/components/shared/cr-draft-notice.ts';
import { makeStore, testDbName } from '../helpers.ts';
import { tampered } from '../store/helpers.ts';
import { focused, notices, type, until } from '../claims/harness.ts';
import { cases, click, root, type Editor, type TextField } from './editor-cases.ts';

/** What this tab's persistence refuses its next writes with, while set. */
let refusal: (() => Error) | undefined;
const refusing: StoreOptions = {
  openPersistence: tampered((diff) => {
    if (refusal) throw refusal();
    return diff;
  }),
};

afterEach(() => {
  refusal = undefined;
  document.querySelector('main.test')?.remove();
  document.querySelector('cr-app')?.remove();
});

/** Two tabs on one database: `store` (refusing on demand) under the editor, `other` beside it. */
async function tabs() {
  const name = testDbName();
  const other = await makeStore({ name });
  const store = await makeStore({ name, ...refusing });
  return { name, store, other };
}

/** Types `text` over the field's content, for real. */
async function typeOver(field: TextField, text: string): Promise<void> {
  field.focus();
  field.select();
  await type(text);
  expect(field.value).to.equal(text);
}

const notice = (e: Editor) => root(e.host).querySelector<CrDraftNotice>('cr-draft-notice')!;
const noticeText = (e: Editor, selector: string) => notice(e)?.shadowRoot?.querySelector(selector)?.textContent ?? '';
const changedShown = (e: Editor) => noticeText(e, '[role=status]').includes('changed in another tab');
const deletedShown = (e: Editor) => noticeText(e, '[role=status]').includes('deleted in another tab');
const choose = (e: Editor, choice: 'mine' | 'theirs' | 'see-both' | 'restore' | 'discard') => click(notice(e), `button.${choice}`);
const save = (e: Editor) => (e.field().form!.querySelector('button.primary') as HTMLElement).click();

/** What a store freshly opened on the database reads: what is on disk. */
async function onDisk(name: string, e: Editor): Promise<string | undefined> {
  const fresh = await makeStore({ name });
  const value = e.stored(fresh);
  fresh.close();
  return value;
}

const MINE = 'Typed here, in this tab';
const THEIRS = 'Saved in the other tab';

for (const c of cases) {
  describe(`${c.name} editor`, () => {
    // Types, then the other tab changes the same field; resolves once this tab has their change.
    async function changedUnder() {
      const { name, store, other } = await tabs();
      const e = await c.open(store, other);
      await typeOver(e.field(), MINE);
      await e.setTheirs(other, THEIRS);
      await until(() => e.stored(store) === THEIRS, 'their change reached this tab');
      await until(() => changedShown(e), 'notice shown');
      expect(e.field().value).to.equal(MINE);
      expect(focused() === e.field(), 'focus in the field').to.equal(true);
      return { name, store, other, e };
    }

    it('keeps the typed text when another tab changes the field, says so; "Keep mine" saves it over theirs (undoable)', async () => {
      const { name, store, other, e } = await changedUnder();
      choose(e, 'mine');
      await until(() => e.stored(store) === MINE && !e.isOpen(), 'saved, editor closed');
      await until(() => e.stored(other) === MINE, 'the other tab has it');
      expect(await onDisk(name, e)).to.equal(MINE);
      expect((await store.undo()).done).to.equal(true);
      expect(e.stored(store)).to.equal(THEIRS);
    });

    it('"Take theirs" drops the typed text for the other tab’s, focus in the field', async () => {
      const { name, store, e } = await changedUnder();
      choose(e, 'theirs');
      await until(() => e.field().value === THEIRS && !changedShown(e), 'their text in the editor');
      expect(focused() === e.field(), 'focus in the field').to.equal(true);
      expect(e.isOpen()).to.equal(true);
      expect(e.stored(store)).to.equal(THEIRS);
      expect(await onDisk(name, e)).to.equal(THEIRS);
    });

    it('"See both" shows the two texts as inert text, keeping the editor as it was', async () => {
      const { name, store, e } = await changedUnder();
      choose(e, 'see-both');
      const both = await until(() => notice(e).shadowRoot!.querySelector('.both'), 'both shown');
      expect(both.querySelector('.mine .text')!.textContent).to.equal(MINE);
      expect(both.querySelector('.theirs .text')!.textContent).to.equal(THEIRS);
      expect(both.querySelector('input, textarea, [contenteditable]')).to.equal(null);
      expect(notice(e).shadowRoot!.querySelector('button.see-both')!.getAttribute('aria-expanded')).to.equal('true');
      expect(e.field().value).to.equal(MINE);
      expect(e.stored(store)).to.equal(THEIRS);
      expect(await onDisk(name, e)).to.equal(THEIRS);
    });

    it('says nothing when the other tab changes another field, or saves the same text; saving keeps their other change', async () => {
      const { name, store, other } = await tabs();
      const e = await c.open(store, other);
      await typeOver(e.field(), MINE);
      await e.changeOther(other);
      await until(() => e.otherSeen(store), 'their change reached this tab');
      await e.host.updateComplete;
      await until(() => e.otherShown(), 'the untouched field follows');
      expect(changedShown(e)).to.equal(false);
      expect(e.field().value).to.equal(MINE);
      await e.setTheirs(other, MINE);
      await until(() => e.stored(store) === MINE, 'the same text reached this tab');
      await e.host.updateComplete;
      expect(changedShown(e)).to.equal(false);
      expect(e.field().value).to.equal(MINE);
      await typeOver(e.field(), `${MINE}, more`);
      save(e);
      await until(() => !e.isOpen(), 'saved');
      expect(e.stored(store)).to.equal(`${MINE}, more`);
      expect(e.otherSeen(store)).to.equal(true);
      expect(await onDisk(name, e)).to.equal(`${MINE}, more`);
    });

    it('a full disk keeps the editor open with the text and says why; saving again works', async () => {
      const { name, store, other } = await tabs();
      const e = await c.open(store, other);
      const before = e.stored(store);
      await typeOver(e.field(), MINE);
      refusal = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      save(e);
      await until(() => noticeText(e, '.error[role=alert]').includes('no storage space'), 'error shown');
      expect(e.isOpen()).to.equal(true);
      expect(e.field().value).to.equal(MINE);
      expect(e.stored(store)).to.equal(before);
      expect(await onDisk(name, e)).to.equal(before);
      refusal = undefined;
      save(e);
      await until(() => e.stored(store) === MINE && !e.isOpen(), 'saved');
    });

    it('a save refused as a conflict with another tab keeps the text and offers the same choices', async () => {
      const { name, store, other } = await tabs();
      const e = await c.open(store, other);
      await typeOver(e.field(), MINE);
      refusal = () => new StoreError('conflict');
      await e.setTheirs(other, THEIRS);
      save(e); // before or after their change reaches this tab: the same end
      await until(() => changedShown(e), 'notice shown');
      expect(e.isOpen()).to.equal(true);
      expect(e.field().value).to.equal(MINE);
      await until(() => e.stored(store) === THEIRS, 'their change reached this tab');
      refusal = undefined;
      choose(e, 'mine');
      await until(() => e.stored(store) === MINE && !e.isOpen(), 'saved');
      expect(await onDisk(name, e)).to.equal(MINE);
    });

    // Types, then the other tab deletes the record (`more`: and what it cites); resolves once this tab has heard.
    async function deletedUnder(more = false) {
      const { name, store, other } = await tabs();
      const e = await c.open(store, other);
      await typeOver(e.field(), MINE);
      await (more ? e.removeWithMore!.run(other) : e.remove(other));
      await until(() => e.stored(store) === undefined, 'the deletion reached this tab');
      await until(() => deletedShown(e), 'notice shown');
      expect(e.isOpen(), 'editor open').to.equal(true);
      expect(e.field().value).to.equal(MINE);
      expect(focused() === e.field(), 'focus in the field').to.equal(true);
      return { name, store, other, e };
    }

    it('keeps the editor and the typed text when another tab deletes the record; "Restore with my text" adds it back with the text (undoable)', async () => {
      const { name, store, other, e } = await deletedUnder();
      choose(e, 'restore');
      await until(() => e.stored(store) === MINE && !e.isOpen(), 'restored, editor closed');
      expect(e.intact(store), 'what it had besides the text').to.equal(true);
      expect(notices.at(-1)?.message).to.match(/restored with your text\.$/);
      await until(() => e.stored(other) === MINE, 'the other tab has it');
      expect(await onDisk(name, e)).to.equal(MINE);
      expect((await store.undo()).done).to.equal(true);
      expect(e.stored(store)).to.equal(undefined);
    });

    it('"Discard" closes the editor of a record another tab deleted; focus stays in the page', async () => {
      const { name, store, e } = await deletedUnder();
      choose(e, 'discard');
      await until(() => !e.isOpen(), 'editor closed');
      await until(() => focused() !== document.body && focused() !== null, 'focus somewhere');
      expect(e.stored(store)).to.equal(undefined);
      expect(await onDisk(name, e)).to.equal(undefined);
    });

    // A claim whose passage went too; a link whose other claim went too.
    if (c.name === 'claim statement' || c.name === 'link rationale') {
      it('a restore says what it could not bring back; the text stays when nothing can be restored', async () => {
        const { name, store, e } = await deletedUnder(true);
        const lost = e.removeWithMore!.lost;
        choose(e, 'restore');
        if (lost) {
          await until(() => e.stored(store) === MINE && !e.isOpen(), 'restored');
          expect(notices.at(-1)?.message).to.include(`Deleted too, so not restored: ${lost}.`);
          expect(await onDisk(name, e)).to.equal(MINE);
        } else {
          await until(() => noticeText(e, '.error[role=alert]').includes('cannot be restored'), 'says why');
          expect(e.field().value).to.equal(MINE);
          expect(e.stored(store)).to.equal(undefined);
          choose(e, 'discard');
          await until(() => !e.isOpen(), 'editor closed');
        }
      });
    }
  });
}
