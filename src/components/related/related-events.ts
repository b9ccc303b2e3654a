/** Fired when the reader closes the list of related passages. */
export class RelatedCloseEvent extends Event {
  static readonly eventName = 'cr-related-close';
  constructor() {
    super(RelatedCloseEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    [RelatedCloseEvent.eventName]: RelatedCloseEvent;
  }
}
