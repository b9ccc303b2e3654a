import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { UndoOutcome } from '../../store/index.ts';
import type { NamedAction, NotifyAction } from '../shared/events.ts';

/** Toasts with a button kept on screen at once; an older one goes when a fourth comes. */
export const MAX_TOASTS = 3;

interface Toast {
  id: number;
  message: string;
  action: NotifyAction | undefined;
  also: NamedAction | undefined;
  ms: number;
  timer: number;
}

/**
 * The app's status toasts: a short message, announced to screen readers, with an action (Undo
 * of the step it reports, or another named action) and at most one more named action. A toast
 * with a button stays beside later ones (up to three, newest at the bottom), so its Undo can
 * still be used after later changes; one without a button is news, replaced by the next.
 * Each goes after its time, which stops while the pointer or focus is on the toasts.
 */
export class Toasts implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  #toasts: Toast[] = [];
  #seq = 0;
  #held = false;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  hostDisconnected(): void {
    for (const t of this.#toasts) clearTimeout(t.timer);
  }

  /** Show `message` for `ms`, with `action` as its button and `also` beside it. */
  say(message: string, ms = 2500, action?: NotifyAction, also?: NamedAction): void {
    const kept = this.#toasts.filter((t) => t.action || t.also);
    for (const t of this.#toasts) if (!kept.includes(t)) clearTimeout(t.timer);
    const toast: Toast = { id: ++this.#seq, message, action, also, ms, timer: 0 };
    this.#toasts = [toast, ...kept];
    for (const old of this.#toasts.splice(MAX_TOASTS)) clearTimeout(old.timer);
    this.#time(toast);
    this.#host.requestUpdate();
  }

  /** Runs undo or redo (`verb`) and says what it did, or why it could not. */
  async report(run: () => Promise<UndoOutcome>, verb: 'Undone' | 'Redone'): Promise<void> {
    try {
      const outcome = await run();
      this.say(outcome.done ? `${verb}: ${outcome.label}` : outcome.reason, outcome.done ? 4000 : 8000);
    } catch (err) {
      // Storage refused the write; the store changed nothing and also reported it as a store-error.
      this.say(`Could not ${verb === 'Undone' ? 'undo' : 'redo'}: ${(err as Error).message}`, 8000);
    }
  }

  /** The toasts, newest first in the document (styled by the host: `.toasts`, each `.toast`). */
  render() {
    return html`<div class="toasts" role="status" @pointerenter=${() => this.#hold(true)} @pointerleave=${() => this.#hold(false)}
      @focusin=${() => this.#hold(true)} @focusout=${() => this.#hold(false)}>${this.#toasts.length
        ? repeat(this.#toasts, (t) => t.id, (t) => html`<div class="toast"><span class="message">${t.message}</span>${t.action
          ? html`<button @click=${() => this.#act(t, t.action!)}>${'undo' in t.action ? 'Undo' : t.action.label}</button>`
          : nothing}${t.also ? html`<button @click=${() => this.#act(t, t.also!)}>${t.also.label}</button>` : nothing}</div>`)
        : nothing}</div>`;
  }

  #time(t: Toast): void {
    clearTimeout(t.timer);
    if (!this.#held) t.timer = window.setTimeout(() => this.#close(t), t.ms);
  }

  // Reading a toast, or reaching for its button, stops it going; leaving starts its time again.
  #hold(held: boolean): void {
    this.#held = held;
    for (const t of this.#toasts) {
      if (held) clearTimeout(t.timer);
      else this.#time(t);
    }
  }

  #close(t: Toast): void {
    clearTimeout(t.timer);
    this.#toasts = this.#toasts.filter((x) => x !== t);
    this.#host.requestUpdate();
  }

  // The toast acted on goes, and with it any hold: its button, which held focus, is gone.
  #act(t: Toast, action: NotifyAction): void {
    this.#close(t);
    this.#hold(false);
    if ('undo' in action) void this.report(() => action.undo(), 'Undone');
    else action.run();
  }
}
