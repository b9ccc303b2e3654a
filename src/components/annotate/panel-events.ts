/**
 * Events of the annotation panel. Under ADR 0005 they carry no data to save (the panel saves
 * through the store itself); they tell the reader what only it keeps: the pending draft and
 * the colour mode, and that the notice of a changed text is done with.
 */

/** Fired when the pending draft is done with: saved (its annotation is then activated) or abandoned. */
export class DraftCloseEvent extends Event {
  static readonly eventName = 'cr-draft-close';
  /** Whether the draft was saved; if not (Cancel, Escape), focus goes back to its passage. */
  readonly saved: boolean;
  constructor(saved: boolean) {
    super(DraftCloseEvent.eventName, { bubbles: true, composed: true });
    this.saved = saved;
  }
}

/** Fired when the reader chooses what highlight colours stand for. */
export class ColourByEvent extends Event {
  static readonly eventName = 'cr-colour-by';
  constructor(readonly by: 'tag' | 'author') {
    super(ColourByEvent.eventName, { bubbles: true, composed: true });
  }
}

/** Fired when the notice of a changed text was dismissed: focus goes on to the panel. */
export class TextChangeDoneEvent extends Event {
  static readonly eventName = 'cr-text-change-done';
  constructor() {
    super(TextChangeDoneEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    [DraftCloseEvent.eventName]: DraftCloseEvent;
    [ColourByEvent.eventName]: ColourByEvent;
    [TextChangeDoneEvent.eventName]: TextChangeDoneEvent;
  }
}
