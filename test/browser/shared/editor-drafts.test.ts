// What the reader is typing is theirs (issue 8): every editor of a saved record, driven as a
// reader would, while a second store on the same database plays another tab.
import { expect } from '@open-wc/testing';
import type { LitElement } from 'lit';
import { StoreError, noteOf, tagsOf, type CrossreadStore, type StoreOptions } from '../../../src/store/index.ts';
import { targetFor } from '../../../src/annotate/anchored.ts';
import type { CrDraftNotice } from '../../../src/components/shared/cr-draft-notice.ts';
import { makeStore, openReader, testDbName } from '../helpers.ts';
import { tampered } from '../store/helpers.ts';
import { $, card, claimFrom, corpus, focused, mount, paragraph, type, until } from '../claims/harness.ts';

type TextField = HTMLInputElement | HTMLTextAreaElement;

/** One editor, open on a saved record, as a test drives it. */
interface Editor {
  /** The element whose render holds the editor. */
  host: LitElement;
  /** The text field under test. */
  field: () => TextField;
  /** Whether the editor is still open. */
  isOpen: () => boolean;
  /** The field's value as a store holds it. */
  stored: (s: CrossreadStore) => string | undefined;
  /** Another tab saves `text` in the field. */
  setTheirs: (other: CrossreadStore, text: string) => Promise<unknown>;
  /** Another tab changes another field of the record (tags, relation, date). */
  changeOther: (other: CrossreadStore) => Promise<unknown>;
  /** Whether a store holds that other change. */
  otherSeen: (s: CrossreadStore) => boolean;
  /** Whether the editor's control of that other field shows it. */
  otherShown: () => boolean;
}

interface EditorCase {
  name: string;
  /** Makes the record through `other`, mounts the editor on `store` and opens it. */
  open: (store: CrossreadStore, other: CrossreadStore) => Promise<Editor>;
}

const root = (host: Element) => host.shadowRoot!;
const click = (host: Element, selector: string) => (root(host).querySelector(selector) as HTMLElement).click();

const cases: EditorCase[] = [
  {
    name: 'annotation note',
    async open(store, other) {
      const source = 'duvanova-junisbai-2022';
      const p = paragraph(await corpus.document(source), 4);
      const a = (await other.createAnnotation({ target: targetFor(await corpus.document(source), p.start, p.start + 60), note: 'Original note', tags: ['mine'] })).value;
      await until(() => store.getAnnotation(a.id), 'this tab has the annotation');
      const { panel } = await openReader(source, store);
      const host = panel as LitElement;
      const cardEl = await until(() => root(host).querySelector(`[data-id="${a.id}"]`), 'card');
      (cardEl.querySelector('.quote') as HTMLElement).click();
      const edit = await until(() => [...cardEl.querySelectorAll('button')].find((b) => b.textContent === 'Edit'), 'Edit button');
      edit.click();
      await until(() => root(host).querySelector('#edit-note'), 'edit form');
      return {
        host,
        field: () => root(host).querySelector<HTMLTextAreaElement>('#edit-note')!,
        isOpen: () => !!root(host).querySelector('#edit-note'),
        stored: (s) => { const x = s.getAnnotation(a.id); return x && (noteOf(x) ?? ''); },
        setTheirs: (o, text) => o.updateAnnotation(a.id, { note: text }),
        changeOther: (o) => o.updateAnnotation(a.id, { tags: ['elsewhere'] }),
        otherSeen: (s) => tagsOf(s.getAnnotation(a.id)!).join() === 'elsewhere',
        otherShown: () => root(host).querySelector<HTMLInputElement>('#edit-tags')?.value === 'elsewhere',
      };
    },
  },
  ...(['statement', 'note'] as const).map((name): EditorCase => ({
    name: `claim ${name}`,
    async open(store, other) {
      const claim = await claimFrom(other, 'anisin-2026', 5, 'Original statement', { tags: ['mine'] });
      await other.updateClaim(claim.id, { note: 'Original note' });
      await until(() => store.getClaim(claim.id)?.note, 'this tab has the claim');
      const view = await mount(store, claim.id);
      const host = await card(view, claim.id);
      (await until(() => $<HTMLElement>(host, 'button.edit'), 'edit button')).click();
      const selector = name === 'statement' ? 'input[name=statement]' : 'textarea[name=note]';
      await until(() => $(host, selector), 'edit form');
      return {
        host,
        field: () => $<TextField>(host, selector)!,
        isOpen: () => !!$(host, selector),
        stored: (s) => { const c = s.getClaim(claim.id); return c && (name === 'statement' ? c.statement : c.note ?? ''); },
        setTheirs: (o, text) => o.updateClaim(claim.id, { [name]: text }),
        changeOther: (o) => o.updateClaim(claim.id, { tags: ['elsewhere'] }),
        otherSeen: (s) => s.getClaim(claim.id)!.tags.join() === 'elsewhere',
        otherShown: () => $<HTMLInputElement>(host, 'input[name=tags]')?.value === 'elsewhere',
      };
    },
  })),
  {
    name: 'link rationale',
    async open(store, other) {
      const a = await claimFrom(other, 'anisin-2026', 5, 'The CSTO came because the regime faced a popular uprising');
      const b = await claimFrom(other, 'duvanova-junisbai-2022', 3, 'Elites organised the Almaty violence');
      const link = (await other.createLink({ relation: 'contradicts', from: a.id, to: b.id, rationale: 'Original rationale' })).value;
      await until(() => store.getLink(link.id), 'this tab has the link');
      const view = await mount(store, a.id);
      const claimCard = await card(view, a.id);
      const host = await until(() => $<LitElement>(claimCard, 'cr-claim-links'), 'links');
      (await until(() => [...root(host).querySelectorAll<HTMLElement>(`[data-link="${link.id}"] button`)].find((x) => x.textContent === 'Edit'), 'Edit')).click();
      await until(() => $(host, 'textarea[name=rationale]'), 'edit form');
      return {
        host,
        field: () => $<TextField>(host, 'textarea[name=rationale]')!,
        isOpen: () => !!$(host, 'textarea[name=rationale]'),
        stored: (s) => { const l = s.getLink(link.id); return l && (l.rationale ?? ''); },
        setTheirs: (o, text) => o.updateLink(link.id, { rationale: text }),
        changeOther: (o) => o.updateLink(link.id, { relation: 'qualifies' }),
        otherSeen: (s) => s.getLink(link.id)!.relation === 'qualifies',
        otherShown: () => $<HTMLInputElement>(host, 'input[name=relation]:checked')?.value === 'qualifies',
      };
    },
  },
  {
    name: 'event name',
    async open(store, other) {
      const event = (await other.createEvent({ name: 'Original name', start: '2022-01-04' })).value;
      await until(() => store.getEvent(event.id), 'this tab has the event');
      const view = await mount(store);
      const host = await until(() => $<LitElement>(view, 'cr-events-manager'), 'events manager');
      (await until(() => $<HTMLElement>(host, `li[data-event="${event.id}"] button.edit`), 'Edit')).click();
      await until(() => $(host, 'form.edit input[name=name]'), 'edit form');
      return {
        host,
        field: () => $<TextField>(host, 'form.edit input[name=name]')!,
        isOpen: () => !!$(host, 'form.edit'),
        stored: (s) => s.getEvent(event.id)?.name,
        setTheirs: (o, text) => o.updateEvent(event.id, { name: text }),
        changeOther: (o) => o.updateEvent(event.id, { start: '2022-01-05' }),
        otherSeen: (s) => s.getEvent(event.id)!.start === '2022-01-05',
        otherShown: () => $<HTMLInputElement>(host, 'form.edit input[name=start]')?.value === '2022-01-05',
      };
    },
  },
];

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
const choose = (e: Editor, choice: 'mine' | 'theirs' | 'see-both') => click(notice(e), `button.${choice}`);
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
  });
}
