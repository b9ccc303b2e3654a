import type { Stance } from '../../store/index.ts';

/** Fired to save a note, tags and events: on an existing annotation (`id`) or on the pending draft. */
export class AnnotationSaveEvent extends Event {
  static readonly eventName = 'cr-annotation-save';
  constructor(readonly id: string | null, readonly note: string, readonly tags: string[], readonly events: string[] = []) {
    super(AnnotationSaveEvent.eventName, { bubbles: true, composed: true });
  }
}

/** Fired to delete an annotation. */
export class AnnotationDeleteEvent extends Event {
  static readonly eventName = 'cr-annotation-delete';
  constructor(readonly id: string) {
    super(AnnotationDeleteEvent.eventName, { bubbles: true, composed: true });
  }
}

/** Fired to re-attach an orphan to the passage currently selected in the text. */
export class ReattachEvent extends Event {
  static readonly eventName = 'cr-reattach';
  constructor(readonly id: string) {
    super(ReattachEvent.eventName, { bubbles: true, composed: true });
  }
}

/** Fired when the reader sets the display name put on their annotations. */
export class CreatorNameEvent extends Event {
  static readonly eventName = 'cr-creator-name';
  constructor(readonly name: string) {
    super(CreatorNameEvent.eventName, { bubbles: true, composed: true });
  }
}

/** Fired when the pending draft is abandoned. */
export class DraftCancelEvent extends Event {
  static readonly eventName = 'cr-draft-cancel';
  constructor() {
    super(DraftCancelEvent.eventName, { bubbles: true, composed: true });
  }
}

/** Fired when the reader chooses what highlight colours stand for. */
export class ColourByEvent extends Event {
  static readonly eventName = 'cr-colour-by';
  constructor(readonly by: 'tag' | 'author') {
    super(ColourByEvent.eventName, { bubbles: true, composed: true });
  }
}

/** Fired to make a claim from the pending passage: the passage becomes its first evidence. */
export class ClaimDraftSaveEvent extends Event {
  static readonly eventName = 'cr-claim-draft-save';
  constructor(readonly statement: string, readonly stance: Stance, readonly tags: string[]) {
    super(ClaimDraftSaveEvent.eventName, { bubbles: true, composed: true });
  }
}

/** Fired to add the pending passage as evidence to an existing claim. */
export class EvidenceDraftSaveEvent extends Event {
  static readonly eventName = 'cr-evidence-draft-save';
  constructor(readonly claimId: string, readonly stance: Stance) {
    super(EvidenceDraftSaveEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    [AnnotationSaveEvent.eventName]: AnnotationSaveEvent;
    [AnnotationDeleteEvent.eventName]: AnnotationDeleteEvent;
    [ReattachEvent.eventName]: ReattachEvent;
    [CreatorNameEvent.eventName]: CreatorNameEvent;
    [DraftCancelEvent.eventName]: DraftCancelEvent;
    [ColourByEvent.eventName]: ColourByEvent;
    [ClaimDraftSaveEvent.eventName]: ClaimDraftSaveEvent;
    [EvidenceDraftSaveEvent.eventName]: EvidenceDraftSaveEvent;
  }
}
