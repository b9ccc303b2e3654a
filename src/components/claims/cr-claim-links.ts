import { LitElement, html, css, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { LINK_RELATIONS, type Link, type LinkRelation } from '../../store/index.ts';
import { routeHash } from '../../app/route.ts';
import { NotifyEvent } from '../shared/events.ts';
import { EditDraft } from '../shared/edit-draft.ts';
import { RELATION_LOOK, badge, badgeStyles } from '../shared/relations.ts';
import { SET_ASIDE } from '../shared/set-aside.ts';
import { controlStyles } from '../shared/control-styles.ts';
import { RELATION_MEANING, linkSide } from '../../map/words.ts';
import { StoreController } from '../store/store-controller.ts';
import { foreignLook, looksOf } from '../layers/layer-look.ts';
import { layerMarkStyles, layerTag } from '../layers/layer-marks.ts';
import '../annotate/cr-note.ts';

/**
 * A claim's links in and out, each read from this claim: relation badge with
 * its direction in words ("supports →", "← supported by"; "contradicts", symmetric, has no arrow), the other claim
 * (a link to it) and the rationale. Links can be edited in place (relation,
 * rationale; a refused change shows the store's message and keeps the form)
 * and deleted (Undo in the toast). A link of another layer (ADR 0013) names its layer and
 * offers neither.
 *
 * @fires cr-notify - after deleting a link (with Undo), or when an action failed
 */
@customElement('cr-claim-links')
export class CrClaimLinks extends LitElement {
  static override styles = [
    controlStyles,
    badgeStyles,
    layerMarkStyles,
    css`
      :host { display: block; }
      ol { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.5rem; }
      li { border-top: 1px solid var(--cr-rule); padding-top: 0.45rem; }
      .line { display: flex; gap: 0.45rem; align-items: baseline; flex-wrap: wrap; }
      cr-note { font-size: 0.85rem; color: var(--cr-ink-soft); margin: 0.25rem 0; }
      .relations { display: flex; gap: 0.8rem; flex-wrap: wrap; }
      .relations label { display: flex; gap: 0.3rem; align-items: center; color: var(--cr-ink); }
    `,
  ];

  /** The claim whose links are shown. */
  @property() accessor claimId = '';

  readonly #data = new StoreController(this);
  /** The link being edited. */
  #editing = '';
  // Relation and rationale being edited: kept when another tab changes the link meanwhile.
  readonly #draft = new EditDraft<Link>(this, {
    record: () => this.#data.store?.getLink(this.#editing),
    form: () => this.renderRoot.querySelector<HTMLFormElement>('form.edit'),
    what: 'link',
    discard: () => void this.#edit(''),
    fields: [
      { name: 'rationale', label: 'Rationale', read: (l) => l.rationale ?? '' },
      { name: 'relation', label: 'Relation', read: (l) => l.relation },
    ],
  });

  override render() {
    const stored = this.#data.store?.linksOf(this.claimId) ?? [];
    // Deleted in another tab while being edited: its editor stays, last, until saved or discarded.
    const gone = this.#draft.deleted;
    const links = gone && !stored.some((l) => l.id === gone.id) ? [...stored, gone] : stored;
    if (links.length === 0) {
      const theirs = !!foreignLook(looksOf(this.#data.store), this.#data.store?.getClaim(this.claimId)?.layer ?? '');
      return html`<p class="hint" tabindex="-1">${theirs ? 'No links yet. Use “Link a claim of mine…” to say how a claim of yours bears on this one.'
        : 'No links yet. Use “Link to…” to say which claims this one supports, contradicts or qualifies.'}</p>`;
    }
    return html`<ol>${links.map((l) => (l.id === this.#editing && this.#draft.editing ? this.#form(l) : this.#link(l)))}</ol>`;
  }

  #link(link: Link) {
    const side = linkSide(link, this.claimId);
    const other = this.#data.store?.getClaim(side.other);
    const look = foreignLook(looksOf(this.#data.store), link.layer);
    return html`<li data-link=${link.id}>
      <div class="line">
        ${badge({ ...RELATION_LOOK[link.relation], label: side.words }, RELATION_MEANING[link.relation])}
        ${other
          ? html`<a href=${routeHash({ view: 'claims', claim: side.other })}>${other.statement}</a>`
          : html`<span class="set-aside">${this.#data.store?.isQuarantined('claims', side.other) ? SET_ASIDE.claims : '(missing claim)'}</span>`}
        ${layerTag(look)}
      </div>
      ${link.rationale ? html`<cr-note .text=${link.rationale}></cr-note>` : nothing}
      ${look ? nothing : html`<div class="actions">
        <button type="button" @click=${() => this.#edit(link.id)} aria-label="Edit link: ${side.words} ${other?.statement ?? ''}">Edit</button>
        <button type="button" @click=${() => this.#delete(link)} aria-label="Delete link: ${side.words} ${other?.statement ?? ''}">Delete</button>
      </div>`}
    </li>`;
  }

  #form(link: Link) {
    const side = linkSide(link, this.claimId);
    const other = this.#data.store?.getClaim(side.other);
    const d = this.#draft;
    return html`<li data-link=${link.id}>
      <form class="edit" @submit=${(e: Event) => this.#save(e, link)} @keydown=${this.#formKey}>
        <p class="hint">Link with “${other?.statement ?? ''}”</p>
        <fieldset>
          <legend>Relation (from the claim that links: ${link.from === this.claimId ? 'this one' : 'the other'})</legend>
          <div class="relations">
            ${LINK_RELATIONS.map((r) => html`<label title=${RELATION_MEANING[r]}>
              <input type="radio" name="relation" value=${r} .checked=${live(r === d.text('relation'))} />${badge(RELATION_LOOK[r])}</label>`)}
          </div>
        </fieldset>
        <label>Rationale <textarea name="rationale" .value=${live(d.text('rationale'))}></textarea></label>
        ${d.notice()}
        <div class="actions">
          <button class="primary">Save</button>
          <button type="button" @click=${() => this.#edit('')}>Cancel</button>
        </div>
      </form>
    </li>`;
  }

  async #edit(id: string): Promise<void> {
    const was = this.#editing;
    this.#editing = id;
    if (id) this.#draft.start();
    else this.#draft.stop();
    await this.updateComplete;
    const target = id ? 'input[name=relation]:checked' : `[data-link="${CSS.escape(was)}"] button`;
    // No row: the link was deleted in another tab and its editor discarded; the next link's, or the "no links" line.
    (this.renderRoot.querySelector<HTMLElement>(target) ?? this.renderRoot.querySelector<HTMLElement>('li button, p.hint'))?.focus();
  }

  #formKey(e: KeyboardEvent): void {
    if (e.key === 'Escape') {
      e.preventDefault();
      void this.#edit('');
    }
  }

  // Writes only what the reader changed, so what another tab changed meanwhile stays.
  async #save(e: Event, link: Link): Promise<void> {
    e.preventDefault();
    const changes = this.#draft.changes();
    try {
      const store = this.#data.store;
      const change = { relation: changes.relation as LinkRelation | undefined, rationale: changes.rationale };
      if (store && this.#draft.deleted) await this.#draft.restore((l) => store.restore('links', l, change));
      else if (Object.keys(changes).length) await store?.updateLink(link.id, change);
      await this.#edit('');
    } catch (err) {
      this.#draft.refused(err);
    }
  }

  async #delete(link: Link): Promise<void> {
    const store = this.#data.store;
    if (!store) return;
    try {
      const result = await store.deleteLinks([link.id]);
      this.dispatchEvent(new NotifyEvent('Link deleted', result));
    } catch (err) {
      this.dispatchEvent(new NotifyEvent((err as Error).message));
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cr-claim-links': CrClaimLinks;
  }
}
