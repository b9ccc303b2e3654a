import { LitElement, html, css, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import type { Claim } from '../../store/index.ts';
import { ClaimPickEvent } from './claim-events.ts';
import { searchClaims, searchable, type Match, type Searchable } from '../../search/claim-search.ts';
import { controlStyles } from '../shared/control-styles.ts';
import { StoreController } from '../store/store-controller.ts';

/** Most options shown at once; typing more narrows the list. */
const MAX_OPTIONS = 40;

/**
 * A type-ahead combobox over the store's claims (ARIA 1.2 combobox with a
 * listbox popup, list autocomplete with automatic selection): typing filters
 * claims by statement, tags and the quotes of their evidence (`search/claim-search.ts`);
 * ArrowDown/ArrowUp move through the options (and open the list), Enter or a
 * click picks, Escape closes the list. Focusing the element focuses its input.
 *
 * @fires cr-claim-pick - a claim was picked; `claimId` says which
 */
@customElement('cr-claim-picker')
export class CrClaimPicker extends LitElement {
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  static override styles = [
    controlStyles,
    css`
      :host { display: block; position: relative; }
      input { width: 100%; box-sizing: border-box; }
      [role='listbox'] {
        position: absolute; z-index: 5; left: 0; right: 0; margin: 0.15rem 0 0; padding: 0.2rem; list-style: none;
        max-height: 16rem; overflow: auto; background: var(--cr-card); border: 1px solid var(--cr-rule); border-radius: 6px; box-shadow: var(--cr-shadow);
      }
      [role='listbox'][hidden] { display: none; }
      [role='option'] { padding: 0.35rem 0.5rem; border-radius: 4px; cursor: pointer; display: grid; gap: 0.1rem; }
      [role='option'][aria-selected='true'] { background: var(--cr-hover); outline: 2px solid var(--cr-focus); outline-offset: -2px; }
      .why { font-size: 0.72rem; color: var(--cr-ink-faint); }
      .none { position: absolute; left: 0; right: 0; z-index: 5; margin: 0.15rem 0 0; padding: 0.4rem 0.6rem; background: var(--cr-card); border: 1px solid var(--cr-rule); border-radius: 6px; }
    `,
  ];

  /** Ids of claims not to offer (e.g. the claim being linked). */
  @property({ attribute: false }) accessor exclude: readonly string[] = [];
  /** Offer only the reader's own claims: the pick will change the claim (merge into it, add
   * evidence, link from it), and other layers' claims are read-only (ADR 0013). */
  @property({ type: Boolean }) accessor mine = false;
  /** Visible label of the input. */
  @property() accessor label = 'Claim';
  /** Placeholder of the input. */
  @property() accessor placeholder = 'Type to find a claim…';

  @state() private accessor query = '';
  @state() private accessor open = false;
  @state() private accessor active = -1;

  @query('input') private accessor input!: HTMLInputElement;

  // A change of claims (or of store) makes the search index stale.
  readonly #data = new StoreController(this, () => (this.#index = undefined));

  #index: Searchable[] | undefined;

  /** Empties the input and closes the list, e.g. before the picker is shown again. */
  clear(): void {
    this.query = '';
    this.open = false;
    this.active = -1;
  }

  /** Shows claim `claimId` as the one chosen, without announcing a pick (the caller chose it). */
  show(claimId: string): void {
    this.query = this.#data.store?.getClaim(claimId)?.statement ?? '';
    this.open = false;
    this.active = -1;
  }

  protected override updated(): void {
    if (this.open && this.active >= 0) this.renderRoot.querySelector(`#opt-${this.active}`)?.scrollIntoView({ block: 'nearest' });
  }

  override render() {
    const matches = this.open ? this.#matches() : [];
    const shown = matches.slice(0, MAX_OPTIONS);
    const expanded = this.open && shown.length > 0;
    return html`<label id="label" for="input">${this.label}</label>
      <input id="input" type="text" role="combobox" aria-labelledby="label" autocomplete="off" spellcheck="false"
        aria-autocomplete="list" aria-controls="listbox" aria-expanded=${expanded ? 'true' : 'false'}
        aria-activedescendant=${expanded && this.active >= 0 ? `opt-${this.active}` : nothing}
        placeholder=${this.placeholder} .value=${live(this.query)}
        @input=${this.#onInput} @keydown=${this.#onKey} @blur=${() => (this.open = false)} />
      <ul id="listbox" role="listbox" aria-label=${this.label} ?hidden=${!expanded}>
        ${shown.map((m, i) => this.#option(m, i))}
      </ul>
      ${this.open && shown.length === 0 ? html`<p class="none hint">${this.#claims().length ? 'No claim matches.' : this.mine ? 'You have no claims of your own yet.' : 'No claims to choose from yet.'}</p>` : nothing}
      <div class="visually-hidden" role="status">${this.open ? this.#announce(matches.length) : ''}</div>`;
  }

  #option(m: Match, i: number) {
    const why = m.field === 'quotes' ? 'found in a quoted passage' : m.claim.tags.length ? m.claim.tags.join(', ') : '';
    return html`<li id="opt-${i}" role="option" aria-selected=${i === this.active ? 'true' : 'false'} data-id=${m.claim.id}
      @mousedown=${(e: Event) => e.preventDefault()} @click=${() => this.#pick(m.claim)}>
      <span>${m.claim.statement}</span>${why ? html`<span class="why">${why}</span>` : nothing}
    </li>`;
  }

  #announce(n: number): string {
    if (n === 0) return 'No claim matches.';
    return n > MAX_OPTIONS ? `${n} claims match; the first ${MAX_OPTIONS} are listed.` : `${n} ${n === 1 ? 'claim matches' : 'claims match'}.`;
  }

  #claims(): Claim[] {
    return [...(this.#data.store?.claims.values() ?? [])].filter(this.#offered());
  }

  #offered(): (c: Claim) => boolean {
    const skip = new Set(this.exclude);
    const local = this.#data.store?.localLayer;
    return (c) => !skip.has(c.id) && (!this.mine || c.layer === local) && (this.#data.store?.isShown(c) ?? true);
  }

  #matches(): Match[] {
    const store = this.#data.store;
    if (!store) return [];
    this.#index ??= [...store.claims.values()].map((c) => searchable(c, store.evidenceOf(c.id).map((e) => e.annotation.target.selector[0].exact)));
    const offered = this.#offered();
    return searchClaims(this.#index.filter((i) => offered(i.claim)), this.query);
  }

  #onInput(e: Event): void {
    this.query = (e.target as HTMLInputElement).value;
    this.open = true;
    this.active = this.query.trim() ? 0 : -1;
  }

  #onKey(e: KeyboardEvent): void {
    const n = Math.min(this.#matches().length, MAX_OPTIONS);
    switch (e.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        e.preventDefault();
        const down = e.key === 'ArrowDown';
        if (!this.open || e.altKey) {
          this.open = true;
          if (!e.altKey) this.active = n ? (down ? 0 : n - 1) : -1;
          return;
        }
        if (n) this.active = down ? (this.active + 1) % n : (this.active - 1 + n) % n;
        return;
      }
      case 'Enter': {
        if (!this.open || this.active < 0 || this.active >= n) return;
        e.preventDefault();
        const m = this.#matches()[this.active];
        if (m) this.#pick(m.claim);
        return;
      }
      case 'Escape':
        // With the list open, Escape only closes it (not the dialog around the picker).
        if (!this.open) return;
        e.preventDefault();
        e.stopPropagation();
        this.open = false;
        this.active = -1;
        return;
      default:
    }
  }

  #pick(claim: Claim): void {
    this.query = claim.statement;
    this.open = false;
    this.active = -1;
    this.input.focus();
    this.dispatchEvent(new ClaimPickEvent(claim.id));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cr-claim-picker': CrClaimPicker;
  }
}
