// Every editor of a saved record, opened as a reader would, with what a test of drafts needs
// to drive it while a second store on the same database plays another tab.
import type { LitElement } from 'lit';
import { noteOf, tagsOf, type CrossreadStore } from '../../../src/store/index.ts';
import { targetFor } from '../../../src/annotate/anchored.ts';
import { openReader } from '../helpers.ts';
import { $, card, claimFrom, corpus, mount, paragraph, until } from '../claims/harness.ts';

export type TextField = HTMLInputElement | HTMLTextAreaElement;

/** One editor, open on a saved record, as a test drives it. */
export interface Editor {
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
  /** Another tab deletes the record. */
  remove: (other: CrossreadStore) => Promise<unknown>;
  /** Whether a store holds the record with what it had besides the edited text (an annotation its target, a claim its evidence). */
  intact: (s: CrossreadStore) => boolean;
  /** Another tab deletes the record and something it cites; `lost`: what a restore says it could not bring back ('' when it refuses). */
  removeWithMore?: { run: (other: CrossreadStore) => Promise<unknown>; lost: string };
}

export interface EditorCase {
  name: string;
  /** Makes the record through `other`, mounts the editor on `store` and opens it. */
  open: (store: CrossreadStore, other: CrossreadStore) => Promise<Editor>;
}

export const root = (host: Element) => host.shadowRoot!;
export const click = (host: Element, selector: string) => (root(host).querySelector(selector) as HTMLElement).click();

/** One case per editor kind (annotation note, claim statement and note, link rationale, event name). */
export const cases: EditorCase[] = [
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
        remove: (o) => o.deleteAnnotations([a.id]),
        intact: (s) => JSON.stringify(s.getAnnotation(a.id)?.target) === JSON.stringify(a.target) && tagsOf(s.getAnnotation(a.id)!).join() === 'mine',
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
        remove: (o) => o.deleteClaims([claim.id]),
        intact: (s) => s.getClaim(claim.id)?.evidence.map((x) => x.annotation).join() === claim.evidence[0]!.annotation,
        removeWithMore: { run: (o) => o.deleteAnnotations([claim.evidence[0]!.annotation], { orphanedClaims: 'delete' }), lost: '1 passage of its evidence' },
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
        remove: (o) => o.deleteLinks([link.id]),
        intact: (s) => s.getLink(link.id)?.from === a.id && s.getLink(link.id)?.relation === 'contradicts',
        removeWithMore: { run: (o) => o.deleteClaims([b.id]), lost: '' },
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
        remove: (o) => o.deleteEvent(event.id),
        intact: (s) => s.getEvent(event.id)?.start === '2022-01-04',
      };
    },
  },
];
