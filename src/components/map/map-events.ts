/**
 * Events of the map's components, fired up to the map view, which owns the store's writes
 * (ADR 0005). Each bubbles and crosses shadow roots, typed in `HTMLElementEventMap`.
 */

/** A claim was chosen on the map (click, Enter) or in the side panel; `''` for none. */
export class MapSelectEvent extends Event {
  static readonly eventName = 'cr-map-select';
  constructor(readonly claimId: string) {
    super(MapSelectEvent.eventName, { bubbles: true, composed: true });
  }
}

/** A node was dragged to a new place: its box's top-left corner, in map units. */
export class MapMoveEvent extends Event {
  static readonly eventName = 'cr-map-move';
  constructor(readonly claimId: string, readonly x: number, readonly y: number) {
    super(MapMoveEvent.eventName, { bubbles: true, composed: true });
  }
}

/** The reader asked to link `from` to `to` (handle dragged onto a node, or L then Enter); `to` is `''` to pick in the dialog. */
export class MapLinkEvent extends Event {
  static readonly eventName = 'cr-map-link';
  constructor(readonly from: string, readonly to: string) {
    super(MapLinkEvent.eventName, { bubbles: true, composed: true });
  }
}

/** The reader asked to delete a claim (Delete on its node, or the panel's button). */
export class MapDeleteEvent extends Event {
  static readonly eventName = 'cr-map-delete';
  constructor(readonly claimId: string) {
    super(MapDeleteEvent.eventName, { bubbles: true, composed: true });
  }
}

/** A press or drag in the overview: centre the view on map point (x, y). */
export class MinimapPanEvent extends Event {
  static readonly eventName = 'cr-minimap-pan';
  constructor(readonly x: number, readonly y: number) {
    super(MinimapPanEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    [MapSelectEvent.eventName]: MapSelectEvent;
    [MapMoveEvent.eventName]: MapMoveEvent;
    [MapLinkEvent.eventName]: MapLinkEvent;
    [MapDeleteEvent.eventName]: MapDeleteEvent;
    [MinimapPanEvent.eventName]: MinimapPanEvent;
  }
}
