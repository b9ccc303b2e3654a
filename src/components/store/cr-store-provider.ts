import { LitElement, html, css } from 'lit';
import { customElement } from 'lit/decorators.js';
import { ContextProvider } from '@lit/context';
import type { CrossreadStore } from '../../store/index.ts';
import { storeContext } from './store-context.ts';

/**
 * Provides a store to every element inside it (ADR 0005). `cr-app` wraps its views in one with
 * the store it owns; a test wraps a single view in one with a store on a database of its own.
 * It takes no room in the layout.
 *
 * @slot - the views that read and write this store
 */
@customElement('cr-store-provider')
export class CrStoreProvider extends LitElement {
  static override styles = css`:host { display: contents; }`;

  // Set from the property setter, not in an update: elements inside that connect in the same
  // render already get the store when they ask.
  readonly #provider = new ContextProvider(this, { context: storeContext });

  /** The store provided; changing it moves every consumer inside to the new store. */
  get store(): CrossreadStore | undefined {
    return this.#provider.value;
  }

  set store(store: CrossreadStore | undefined) {
    this.#provider.setValue(store);
  }

  override render() {
    return html`<slot></slot>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cr-store-provider': CrStoreProvider;
  }
}
