import { LitElement, html, css, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { conflictState, conflictWords, type ConflictState, type Names } from '../../exchange/conflicts.ts';
import type { ActionResult, Conflict, ConflictChoice, CrossreadStore, SharedRecord } from '../../store/index.ts';
import { deepEqual } from '../../store/equal.ts';
import { clip } from '../../corpus/clip.ts';
import { controlStyles } from '../shared/control-styles.ts';
import { NotifyEvent } from '../shared/events.ts';
import { StoreController } from '../store/store-controller.ts';

const key = (c: Conflict) => `${c.collection} ${c.id}`;
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const short = (s: string) => clip(s, 60);

/**
 * The records an import found changed both here and in the file (ADR 0004), to settle one by
 * one or all at once: each names its record, says why, and shows every field that differs,
 * yours beside the file's, as inert text. "Keep mine" and "Take theirs" are store actions, each
 * with its own toast and Undo; a row follows the store, so an undone choice opens it again.
 * Focus goes to the next row still to settle, then to the summary.
 *
 * @fires cr-notify - after each choice, with its undo handle
 */
@customElement('cr-import-conflicts')
export class CrImportConflicts extends LitElement {
  static override styles = [
    controlStyles,
    css`
      :host { display: block; }
      .summary { margin: 0; font-weight: 600; }
      ol { list-style: none; margin: 0.5rem 0 0; padding: 0; display: grid; gap: 0.6rem; }
      li { border: 1px solid var(--cr-rule); border-radius: 6px; padding: 0.5rem 0.7rem; display: grid; gap: 0.35rem; background: var(--cr-bg); }
      li.settled { opacity: 0.75; }
      h4 { margin: 0; font: 600 0.9rem var(--cr-sans); overflow-wrap: anywhere; }
      .what { font-size: 0.72rem; text-transform: uppercase; letter-spacing: 0.08em; color: var(--cr-ink-faint); margin-right: 0.3rem; }
      .why, .outcome { margin: 0; font-size: 0.82rem; color: var(--cr-ink-soft); }
      .pair { display: grid; grid-template-columns: repeat(auto-fit, minmax(11rem, 1fr)); gap: 0.5rem; }
      h5 { margin: 0; font-size: 0.72rem; color: var(--cr-ink-faint); }
      figure { margin: 0; }
      figcaption { font-size: 0.75rem; color: var(--cr-ink-soft); }
      .text { white-space: pre-wrap; overflow-wrap: anywhere; border: 1px solid var(--cr-rule); border-radius: 5px; padding: 0.3rem 0.45rem; font-size: 0.85rem; }
      .empty { color: var(--cr-ink-faint); font-style: italic; }
    `,
  ];

  /** The conflicts the import reported, as it reported them. */
  @property({ attribute: false }) accessor conflicts: readonly Conflict[] = [];
  /** The records kept by "Keep mine", by conflict: a row stays settled while its record is that one. */
  @state() private accessor kept = new Map<string, SharedRecord | undefined>();
  @state() private accessor busy = false;

  readonly #data = new StoreController(this);

  /** Moves focus to the first row still to settle, or to the summary. */
  override focus() {
    (this.renderRoot.querySelector<HTMLElement>('li.open button') ?? this.renderRoot.querySelector<HTMLElement>('.summary'))?.focus();
  }

  override render() {
    const store = this.#data.store;
    if (!store) return nothing;
    const rows = this.conflicts.map((c) => ({ original: c, ...conflictState(c, store[c.collection].get(c.id), this.kept.get(key(c))) }));
    const open = rows.filter((r) => r.state === 'open' && r.conflict.reason !== 'layer');
    const names = namesIn(store);
    return html`<p class="summary" tabindex="-1" role="status">${open.length
        ? `${plural(open.length, 'record')} changed both here and in the file: yours are kept until you choose.`
        : this.conflicts.length ? 'No conflicts left: every record is settled.' : 'No conflicts.'}</p>
      ${open.length > 1
        ? html`<div class="actions all" role="group" aria-label="For every conflict">
            <button type="button" class="all-mine" ?disabled=${this.busy} @click=${() => void this.#choose(open.map((r) => r.conflict), 'mine')}>Keep mine for all ${open.length}</button>
            <button type="button" class="all-theirs" ?disabled=${this.busy} @click=${() => void this.#choose(open.map((r) => r.conflict), 'theirs')}>Take theirs for all ${open.length}</button>
          </div>`
        : nothing}
      ${rows.length ? html`<ol>${rows.map((r) => this.#row(r.conflict, r.state, names))}</ol>` : nothing}`;
  }

  #row(c: Conflict, at: ConflictState, names: Names) {
    const w = conflictWords(c, names);
    const text = (t: string) => (t.trim() ? html`<div class="text">${t}</div>` : html`<div class="text empty">(empty)</div>`);
    const label = `${w.what} ${short(w.title)}`;
    return html`<li class=${at === 'open' ? 'open' : 'settled'} data-id=${c.id}>
      <h4><span class="what">${w.what}</span>${w.title}</h4>
      ${at === 'open'
        ? html`<p class="why">${w.why}</p>
            ${c.incoming
              ? w.fields.map((f) => html`<section>
                  <h5>${f.label}</h5>
                  <div class="pair">
                    <figure class="mine"><figcaption>Yours</figcaption>${text(f.mine)}</figure>
                    <figure class="theirs"><figcaption>In the file</figcaption>${text(f.theirs)}</figure>
                  </div>
                </section>`)
              : nothing}
            ${w.choosable
              ? html`<div class="actions" role="group" aria-label=${`Settle the ${label}`}>
                  <button type="button" class="mine" ?disabled=${this.busy} @click=${() => void this.#choose([c], 'mine')}>Keep mine</button>
                  <button type="button" class="theirs" ?disabled=${this.busy} @click=${() => void this.#choose([c], 'theirs')}>${c.incoming ? 'Take theirs' : 'Take theirs (delete it)'}</button>
                </div>`
              : nothing}`
        : html`<p class="outcome">${at === 'mine' ? 'Kept yours.' : c.incoming ? 'Took the file’s.' : 'Deleted, as in the file.'}</p>`}
    </li>`;
  }

  async #choose(conflicts: Conflict[], keep: ConflictChoice) {
    const store = this.#data.store;
    if (!store || this.busy) return;
    this.busy = true;
    try {
      const one = conflicts.length === 1;
      const done: ActionResult<Array<SharedRecord | undefined>> = one
        ? await store.resolveConflict(conflicts[0]!, keep).then((r) => ({ ...r, value: [r.value] }))
        : await store.resolveConflicts(conflicts, keep);
      if (keep === 'mine') {
        const kept = new Map(this.kept);
        conflicts.forEach((c, i) => kept.set(key(c), done.value[i]));
        this.kept = kept;
      }
      const w = one ? conflictWords(conflicts[0]!, namesIn(store)) : undefined;
      const what = w ? `${w.what} “${short(w.title)}”` : plural(conflicts.length, 'conflicting record');
      // Keeping mine where mine has already seen theirs (e.g. after "Take theirs" was undone) writes nothing: no Undo to offer.
      const wrote = keep === 'theirs' || conflicts.some((c, i) => !deepEqual(done.value[i], c.local));
      this.dispatchEvent(new NotifyEvent(keep === 'mine' ? `Kept your ${what}` : `Took the file’s ${what}`, wrote ? done : undefined));
    } catch (e) {
      this.dispatchEvent(new NotifyEvent(`Could not settle it: ${(e as Error).message}`));
    } finally {
      this.busy = false;
    }
    await this.updateComplete;
    this.focus();
  }
}

/** How the rows name the records a conflicting one refers to: as this installation has them. */
function namesIn(store: CrossreadStore): Names {
  return {
    claim: (id) => store.claims.get(id)?.statement,
    event: (id) => store.events.get(id)?.name,
    passage: (id) => store.annotations.get(id)?.target.selector[0].exact,
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'cr-import-conflicts': CrImportConflicts;
  }
}
