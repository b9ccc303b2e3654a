import type { Undoable } from '../../store/index.ts';

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

/** Fired when the user cancels opening a file of their own. */
export class OpenCancelEvent extends Event {
  static readonly eventName = 'cr-open-cancel';
  constructor() {
    super(OpenCancelEvent.eventName, { bubbles: true, composed: true });
  }
}

/** What the user wants to do with a selected passage (`related`: see what other sources say of it). */
export type AnnotateIntent = 'highlight' | 'note' | 'tag' | 'claim' | 'evidence' | 'related';

/** Fired when the user asks to annotate the selected passage [start, end) of a document. */
export class AnnotateRequestEvent extends Event {
  static readonly eventName = 'cr-annotate';
  constructor(readonly docId: string, readonly start: number, readonly end: number, readonly intent: AnnotateIntent) {
    super(AnnotateRequestEvent.eventName, { bubbles: true, composed: true });
  }
}

/** Fired when annotations are chosen (a click on a highlight, a card in the panel). */
export class AnnotationActivateEvent extends Event {
  static readonly eventName = 'cr-annotation-activate';
  constructor(readonly ids: readonly string[], readonly reveal = false) {
    super(AnnotationActivateEvent.eventName, { bubbles: true, composed: true });
  }
}

/** A toast's button that does something other than undo ("Open"). */
export type NamedAction = { label: string; run: () => void };
/** A toast's button: a labelled callback, or an action's own undo handle (the button says "Undo"). */
export type NotifyAction = NamedAction | Undoable;

/**
 * Asks the app to show a message, optionally with an action button. With an
 * undo handle the button undoes that action (not whatever happened last) and the
 * app says what came of it; `also` is a second, named action beside Undo
 * ("Claim saved — Undo · Open").
 */
export class NotifyEvent extends Event {
  static readonly eventName = 'cr-notify';
  constructor(readonly message: string, readonly action?: NotifyAction, readonly also?: NamedAction) {
    super(NotifyEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    [CiteCopiedEvent.eventName]: CiteCopiedEvent;
    [ParagraphFocusEvent.eventName]: ParagraphFocusEvent;
    [OpenFileEvent.eventName]: OpenFileEvent;
    [OpenCancelEvent.eventName]: OpenCancelEvent;
    [AnnotateRequestEvent.eventName]: AnnotateRequestEvent;
    [AnnotationActivateEvent.eventName]: AnnotationActivateEvent;
    [NotifyEvent.eventName]: NotifyEvent;
  }
}
