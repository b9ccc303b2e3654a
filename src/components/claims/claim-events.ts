/**
 * Events of the claims components. Each is an `Event` subclass that bubbles
 * and crosses shadow roots, typed in `HTMLElementEventMap`.
 */
import type { Claim } from '../../store/index.ts';

/** Fired by `<cr-claim-picker>` when the user picks a claim (Enter or click on an option). */
export class ClaimPickEvent extends Event {
  static readonly eventName = 'cr-claim-pick';
  constructor(
    /** Id of the picked claim. */
    readonly claimId: string,
  ) {
    super(ClaimPickEvent.eventName, { bubbles: true, composed: true });
  }
}

/** Fired by a claim card to expand a claim (`claimId`) or collapse it (`''`). */
export class ClaimSelectEvent extends Event {
  static readonly eventName = 'cr-claim-select';
  constructor(
    /** Claim to show expanded; `''` for none. */
    readonly claimId: string,
  ) {
    super(ClaimSelectEvent.eventName, { bubbles: true, composed: true });
  }
}

/** What a claim card asks its view to do: each opens a dialog there. */
export type ClaimIntent = 'link' | 'merge' | 'delete';

/** Fired by a claim card when the user chooses "Link to…", "Merge into…" or "Delete…". */
export class ClaimIntentEvent extends Event {
  static readonly eventName = 'cr-claim-intent';
  constructor(
    /** What to do. */
    readonly intent: ClaimIntent,
    /** The claim to do it to. */
    readonly claimId: string,
  ) {
    super(ClaimIntentEvent.eventName, { bubbles: true, composed: true });
  }
}

/**
 * Fired by a claim card when its editor opens or closes, so its view keeps the card while it
 * is being edited, also after another tab deleted the claim (issue 8: the typed text is kept).
 */
export class ClaimEditingEvent extends Event {
  static readonly eventName = 'cr-claim-editing';
  constructor(
    /** The claim edited, as the card shows it. */
    readonly claim: Claim,
    /** Whether the editor is open now. */
    readonly editing: boolean,
  ) {
    super(ClaimEditingEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    [ClaimPickEvent.eventName]: ClaimPickEvent;
    [ClaimSelectEvent.eventName]: ClaimSelectEvent;
    [ClaimIntentEvent.eventName]: ClaimIntentEvent;
    [ClaimEditingEvent.eventName]: ClaimEditingEvent;
  }
}
