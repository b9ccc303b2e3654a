/**
 * An EventTarget whose listeners are typed for the store's events
 * ({@link StoreEventMap}): overloads of EventTarget's own methods, kept apart
 * from the engine's machinery.
 */
import type { StoreEventMap } from './errors.ts';

export class StoreEvents extends EventTarget {
  override addEventListener<K extends keyof StoreEventMap>(
    type: K,
    listener: (event: StoreEventMap[K]) => void,
    options?: boolean | AddEventListenerOptions,
  ): void;
  override addEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions): void;
  override addEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions): void {
    super.addEventListener(type, listener, options);
  }

  override removeEventListener<K extends keyof StoreEventMap>(
    type: K,
    listener: (event: StoreEventMap[K]) => void,
    options?: boolean | EventListenerOptions,
  ): void;
  override removeEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | EventListenerOptions): void;
  override removeEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | EventListenerOptions): void {
    super.removeEventListener(type, listener, options);
  }
}
