import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { UndoOutcome } from '../../store/index.ts';
import type { NotifyAction } from '../shared/events.ts';

/**
 * The app's one status toast: a short message, announced to screen readers, with at most one
 * action (Undo of the step it reports, or another named action). A new message replaces the
 * one shown; each goes after its time.
 */
export class Toasts implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  #message = '';
  #action: NotifyAction | undefined;
  #timer = 0;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.#timer);
  }

  /** Show `message` for `ms`, with `action` as its button. */
  say(message: string, ms = 2500, action?: NotifyAction): void {
    this.#message = message;
    this.#action = action;
    clearTimeout(this.#timer);
    this.#timer = window.setTimeout(() => {
      this.#message = '';
      this.#host.requestUpdate();
    }, ms);
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

  /** The toast, if one is showing (styled by the host as `.toast`). */
  render() {
    if (!this.#message) return nothing;
    const action = this.#action;
    return html`<div class="toast" role="status">${this.#message}${action
      ? html`<button @click=${this.#act}>${'undo' in action ? 'Undo' : action.label}</button>`
      : nothing}</div>`;
  }

  #act = (): void => {
    const action = this.#action;
    this.#message = '';
    this.#host.requestUpdate();
    if (!action) return;
    if ('undo' in action) void this.report(() => action.undo(), 'Undone');
    else action.run();
  };
}
