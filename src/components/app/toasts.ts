import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { UndoOutcome } from '../../store/index.ts';
import type { NamedAction, NotifyAction } from '../shared/events.ts';

/**
 * The app's one status toast: a short message, announced to screen readers, with an action
 * (Undo of the step it reports, or another named action) and at most one more named action.
 * A new message replaces the one shown; each goes after its time.
 */
export class Toasts implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  #message = '';
  #action: NotifyAction | undefined;
  #also: NamedAction | undefined;
  #timer = 0;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.#timer);
  }

  /** Show `message` for `ms`, with `action` as its button and `also` beside it. */
  say(message: string, ms = 2500, action?: NotifyAction, also?: NamedAction): void {
    this.#message = message;
    this.#action = action;
    this.#also = also;
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
    const also = this.#also;
    return html`<div class="toast" role="status">${this.#message}${action
      ? html`<button @click=${() => this.#act(action)}>${'undo' in action ? 'Undo' : action.label}</button>`
      : nothing}${also ? html`<button @click=${() => this.#act(also)}>${also.label}</button>` : nothing}</div>`;
  }

  #act(action: NotifyAction): void {
    this.#message = '';
    this.#host.requestUpdate();
    if ('undo' in action) void this.report(() => action.undo(), 'Undone');
    else action.run();
  }
}
