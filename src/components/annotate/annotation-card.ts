import { html, nothing } from 'lit';
import type { Annotation, Claim, CrossreadStore, Stance } from '../../store/index.ts';
import { eventsOf, noteOf, tagsOf } from '../../store/index.ts';
import { routeHash } from '../../app/route.ts';
import { badge, STANCE_LOOK } from '../shared/relations.ts';
import { SET_ASIDE } from '../shared/set-aside.ts';
import { colourOf, type ColourBy } from '../../annotate/anchored.ts';
import type { LayerLook } from '../layers/layer-look.ts';
import { layerTag, readOnlyNote } from '../layers/layer-marks.ts';
import './cr-note.ts';

/** A claim citing an annotation, with the passage's stance toward it. */
export interface Citation {
  claim: Claim;
  stance: Stance;
}

/** What a card shows besides its annotation, and what its buttons do. */
export interface CardContext {
  /** The passage is no longer in the text. */
  orphan: boolean;
  /** The annotation is the selected one: its buttons show. */
  active: boolean;
  colourBy: ColourBy;
  /** ¶ of the passage, when placed. */
  paragraph: number | undefined;
  /** The annotation's layer when it is not the reader's own: named, and read-only (ADR 0013). */
  look: LayerLook | undefined;
  /** The store, for event names and the claims citing the annotation. */
  store: CrossreadStore | undefined;
  // Callbacks, typed as properties (not methods): they are passed on detached, so must not rely on `this`.
  /** The card was chosen (not a link inside it). */
  choose: () => void;
  edit: () => void;
  reattach: () => void;
  remove: () => void;
}

/** Claims citing an annotation, each with the passage's stance toward it. */
export function citationsOf(store: CrossreadStore | undefined, annotationId: string): Citation[] {
  return (store?.claimsCitingAnnotation(annotationId) ?? []).flatMap((claim) => {
    const stance = claim.evidence.find((e) => e.annotation === annotationId)?.stance;
    return stance ? [{ claim, stance }] : [];
  });
}

// A card's buttons act on the card without also choosing it.
const button = (label: string, run: () => void) => html`<button @click=${(e: Event) => { e.stopPropagation(); run(); }}>${label}</button>`;

/**
 * One annotation in the panel: its quote (a button that shows the passage), note, ¶, tags,
 * events, author and date, the claims it is evidence for (with the stance), and, when selected
 * or orphaned, Edit or Re-attach and Delete; for another layer's annotation, its layer's name and
 * colour (underlined, as its passage is) and, instead of those buttons, a read-only line.
 */
export function annotationCard(a: Annotation, c: CardContext) {
  const note = noteOf(a);
  const quote = a.target.selector[0].exact;
  const choose = (e: Event) => {
    if (!e.composedPath().some((n) => n instanceof HTMLAnchorElement)) c.choose(); // not a link in the note
  };
  const layer = c.look ? `; --layer: ${c.look.colour}` : '';
  return html`<li class="card ${c.look ? 'other' : ''}" data-id=${a.id} style="--slot: var(--cr-slot-${colourOf(a, c.colourBy)})${layer}"
      aria-current=${c.active ? 'true' : nothing} @click=${choose}>
    <button class="quote" type="button" title=${c.orphan ? 'Passage not found in this version' : 'Show the passage in the text'}>${quote}</button>
    ${note ? html`<cr-note .text=${note}></cr-note>` : nothing}
    <div class="meta">
      ${c.paragraph ? html`<span>¶${c.paragraph}</span>` : nothing}
      ${tagsOf(a).map((t) => html`<span class="tag">${t}</span>`)}
      ${eventsOf(a).map((id) => html`<span class="tag event">◷ ${c.store?.getEvent(id)?.name ?? (c.store?.isQuarantined('events', id) ? SET_ASIDE.events : 'event')}</span>`)}
      ${c.look ? layerTag(c.look) : html`<span>${a.creator.name}</span>`}
      <time datetime=${a.modified}>${new Date(a.modified).toLocaleDateString()}</time>
    </div>
    ${cites(citationsOf(c.store, a.id))}
    ${c.look ? (c.active || c.orphan ? readOnlyNote(c.look) : nothing) : c.active || c.orphan
      ? html`<div class="actions">
          ${c.orphan ? button('Re-attach to selection', c.reattach) : button('Edit', c.edit)}
          ${button('Delete', c.remove)}
        </div>`
      : nothing}
  </li>`;
}

function cites(list: readonly Citation[]) {
  if (!list.length) return nothing;
  return html`<ul class="cites" aria-label="Evidence for">
    ${list.map((c) => html`<li><a href=${routeHash({ view: 'claims', claim: c.claim.id })} @click=${(e: Event) => e.stopPropagation()}>${badge(STANCE_LOOK[c.stance])} <span>${c.claim.statement}</span></a></li>`)}
  </ul>`;
}
