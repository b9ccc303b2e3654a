import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CrossreadStore } from '../../store/index.ts';

/**
 * Re-renders its host after every store change (this tab, undo, another tab).
 * Subscribes while the host is connected, to whatever store the host has now;
 * follows a change of store on the next update.
 */
export class StoreController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #store: () => CrossreadStore | undefined;
  #subscribed: CrossreadStore | undefined;
  #unsubscribe: (() => void) | undefined;
  #connected = false;

  /** `store` reads the host's current store. */
  constructor(host: ReactiveControllerHost, store: () => CrossreadStore | undefined, readonly onChange?: () => void) {
    this.#host = host;
    this.#store = store;
    host.addController(this);
  }

  hostConnected(): void {
    this.#connected = true;
    this.#follow();
  }

  hostUpdate(): void {
    this.#follow();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#unsubscribe?.();
    this.#unsubscribe = this.#subscribed = undefined;
  }

  #follow(): void {
    const store = this.#connected ? this.#store() : undefined;
    if (store === this.#subscribed) return;
    this.#unsubscribe?.();
    this.#subscribed = store;
    this.#unsubscribe = store?.subscribe(() => {
      this.onChange?.();
      this.#host.requestUpdate();
    });
  }
}
