/** Which column of the compare view. */
export type Side = 'left' | 'right';

/** Fired when the reader selects a claim card, or one of its links, in a column's margin. */
export class CompareSelectEvent extends Event {
  static readonly eventName = 'cr-compare-select';
  constructor(
    /** Column whose margin holds the card. */
    readonly side: Side,
    /** The card's claim. */
    readonly claimId: string,
    /** The card's evidence passage (an annotation id) in that column. */
    readonly annotationId: string,
    /** Set when a link of the claim was chosen rather than the claim itself. */
    readonly linkId?: string,
  ) {
    super(CompareSelectEvent.eventName, { bubbles: true, composed: true });
  }
}

/** Fired when the reader picks another source for a column. */
export class CompareSourceEvent extends Event {
  static readonly eventName = 'cr-compare-source';
  constructor(readonly side: Side, readonly source: string) {
    super(CompareSourceEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    [CompareSelectEvent.eventName]: CompareSelectEvent;
    [CompareSourceEvent.eventName]: CompareSourceEvent;
  }
}
