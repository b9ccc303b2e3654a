import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ContextConsumer } from '@lit/context';
import type { ChangeOrigin, CrossreadStore, StoreDiff } from '../../store/index.ts';
import { storeContext } from './store-context.ts';

/** One change of the store, as its subscribers are told. */
export interface StoreChange {
  /** What changed, per collection. */
  diff: StoreDiff;
  /** Why: this tab, undo, redo or another tab. */
  origin: ChangeOrigin;
}

/**
 * Called after each store change, before the host's update; with `undefined` when the host
 * (re)attaches to a store, because whatever happened while it was detached is unknown.
 */
export type StoreChangeCallback = (change: StoreChange | undefined) => void;

type Host = ReactiveControllerHost & HTMLElement;

/**
 * How every component reaches the store (ADR 0005): it takes the store from the nearest
 * `cr-store-provider` (Lit context, following a change of store), subscribes to it while the
 * host is connected, and re-renders the host after every change — this tab, undo, redo or
 * another tab. Subscribing on connect rather than once means a host moved in the DOM (which
 * disconnects and reconnects it) keeps following the store.
 */
export class StoreController implements ReactiveController {
  readonly #host: Host;
  readonly #onChange: StoreChangeCallback | undefined;
  readonly #context: ContextConsumer<typeof storeContext, Host>;
  #subscribed: CrossreadStore | undefined;
  #unsubscribe: (() => void) | undefined;
  #connected = false;

  /** `onChange` lets a host derive state from the change (e.g. place annotations) before it renders. */
  constructor(host: Host, onChange?: StoreChangeCallback) {
    this.#host = host;
    this.#onChange = onChange;
    this.#context = new ContextConsumer(host, { context: storeContext, subscribe: true, callback: () => this.#follow() });
    host.addController(this);
  }

  /** The store provided to the host; `undefined` outside any provider. */
  get store(): CrossreadStore | undefined {
    return this.#context.value;
  }

  hostConnected(): void {
    this.#connected = true;
    this.#follow();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#unsubscribe?.();
    this.#unsubscribe = this.#subscribed = undefined;
  }

  #follow(): void {
    const store = this.#connected ? this.#context.value : undefined;
    if (store === this.#subscribed) return;
    this.#unsubscribe?.();
    this.#subscribed = store;
    this.#unsubscribe = store?.subscribe((diff, origin) => {
      this.#onChange?.({ diff, origin });
      this.#host.requestUpdate();
    });
    if (store) this.#onChange?.(undefined);
    this.#host.requestUpdate();
  }
}
