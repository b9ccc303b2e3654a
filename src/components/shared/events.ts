/** Fired when a citation (paragraph link or copied passage) was put on the clipboard. */
export class CiteCopiedEvent extends Event {
  static readonly eventName = 'cr-cite-copied';
  constructor(
    /** What was copied. */
    readonly text: string,
    /** Whether the clipboard accepted it (it may refuse without a user gesture). */
    readonly ok: boolean,
  ) {
    super(CiteCopiedEvent.eventName, { bubbles: true, composed: true });
  }
}

/** Fired when the reader's current paragraph changes (j/k, deep link, focus). */
export class ParagraphFocusEvent extends Event {
  static readonly eventName = 'cr-paragraph-focus';
  constructor(readonly docId: string, readonly n: number) {
    super(ParagraphFocusEvent.eventName, { bubbles: true, composed: true });
  }
}

/** Fired when the user picks a file of their own to read. */
export class OpenFileEvent extends Event {
  static readonly eventName = 'cr-open-file';
  constructor(readonly file: File) {
    super(OpenFileEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    [CiteCopiedEvent.eventName]: CiteCopiedEvent;
    [ParagraphFocusEvent.eventName]: ParagraphFocusEvent;
    [OpenFileEvent.eventName]: OpenFileEvent;
  }
}
