import { html, css } from 'lit';
import { RELATION_WORDS, STANCE_WORDS, relationPhrase, type LinkDirection } from '../../map/words.ts';
import type { Link, LinkRelation, Stance } from '../../store/index.ts';

/** How a stance or relation looks everywhere: a text label, an icon (shape) and a colour, so
 * meaning never rests on colour alone. */
export interface Look {
  label: string;
  icon: string;
  /** CSS class carrying the colour. */
  cls: string;
}

/** Stance of an evidence passage toward a claim. */
export const STANCE_LOOK: Record<Stance, Look> = {
  asserts: { label: STANCE_WORDS.asserts, icon: '✓', cls: 'pos' },
  'argues-against': { label: STANCE_WORDS['argues-against'], icon: '✕', cls: 'neg' },
  mentions: { label: STANCE_WORDS.mentions, icon: '•', cls: 'neu' },
};

/** Relation of a link; `supports` and `qualifies` point from one claim to another. Labels are
 * the relation's words (`map/words.ts`); this adds only the icon and colour. */
export const RELATION_LOOK: Record<LinkRelation, Look> = {
  supports: { label: RELATION_WORDS.supports.active, icon: '▲', cls: 'pos' },
  contradicts: { label: RELATION_WORDS.contradicts.active, icon: '⨯', cls: 'neg' },
  qualifies: { label: RELATION_WORDS.qualifies.active, icon: '◆', cls: 'qual' },
};

/** A badge for a stance or relation: icon + label, coloured by class. */
export function badge(look: Look, title?: string) {
  return html`<span class="badge ${look.cls}" title=${title ?? look.label}><span aria-hidden="true">${look.icon}</span> ${look.label}</span>`;
}

/** A link read from the claim on its left: the relation's badge with an arrow where it points one
 * way, and the same in words for screen readers (`sr-only`, styled by the host). */
export function linkBadge(view: { link: Pick<Link, 'relation'>; direction: LinkDirection }) {
  return html`<span aria-hidden="true">${view.direction === 'in' ? '← ' : ''}${badge(RELATION_LOOK[view.link.relation])}${view.direction === 'out' ? ' →' : ''}</span><span class="sr-only">${relationPhrase(view)}</span>`;
}

/** Styles for `badge()`; include in any component that renders badges. */
export const badgeStyles = css`
  .badge { display: inline-flex; align-items: center; gap: 0.25em; font: 600 0.72rem/1.2 var(--cr-sans); padding: 0.12rem 0.45rem; border-radius: 999px; border: 1px solid currentColor; white-space: nowrap; }
  .badge.pos { color: var(--cr-pos); }
  .badge.neg { color: var(--cr-neg); }
  .badge.qual { color: var(--cr-qual); }
  .badge.neu { color: var(--cr-ink-faint); }
`;
