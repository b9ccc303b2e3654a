import { html, css, nothing } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { badge, badgeStyles, RELATION_LOOK, STANCE_LOOK } from '../shared/relations.ts';
import type { LinkView } from '../../map/graph.ts';
import type { MarginEntry } from './layout.ts';
import type { Side } from './compare-events.ts';
import type { LayerLook } from '../layers/layer-look.ts';
import { layerMarkStyles, layerTag } from '../layers/layer-marks.ts';

/** What a card needs to know about its surroundings. */
export interface CardContext {
  side: Side;
  /** Source of this column and of the other one. */
  source: string;
  otherSource: string;
  /** Short citation of a source ("Anisin 2026"). */
  cite: (source: string) => string;
  /** ¶ number of an annotation's passage in a source shown in a column, if known. */
  paragraphOf: (source: string, annotationId: string) => number | undefined;
  /** Key of the selected card, if any. */
  selectedKey: string;
  /** The layer of a record, when not the reader's own (ADR 0013): its card names it. */
  look: (layer: string) => LayerLook | undefined;
  /** Called when the claim (no link) or one of its links is chosen. */
  select: (entry: MarginEntry, link?: LinkView) => void;
}

/** Default height of a card before it has been measured (px). */
export const ESTIMATED_CARD_HEIGHT = 96;

const OTHER_SIDE: Record<Side, string> = { left: 'right', right: 'left' };

/** "Anisin 2026 ¶8, right column; ¶3 in this text; Kurmashev et al. 2018": where a linked claim's evidence lies. */
export function whereLabel(view: LinkView, ctx: CardContext): string {
  if (!view.evidence.length) return 'no evidence yet';
  return view.evidence
    .map(({ source, annotations }) => {
      const ns = [...new Set(annotations.map((a) => ctx.paragraphOf(source, a)).filter((n) => n !== undefined))];
      const paras = ns.length ? ` ¶${ns.slice(0, 3).join(', ¶')}` : '';
      if (source === ctx.otherSource && source !== ctx.source) return `${ctx.cite(source)}${paras}, ${OTHER_SIDE[ctx.side]} column`;
      if (source === ctx.source) return paras ? `${paras.trim()} in this text` : 'in this text';
      return ctx.cite(source);
    })
    .join('; ');
}

function linkItem(entry: MarginEntry, view: LinkView, ctx: CardContext) {
  const look = RELATION_LOOK[view.link.relation];
  const here = view.evidence.some((e) => e.source === ctx.otherSource && e.source !== ctx.source);
  const statement = html`<span class="other">“${view.other.statement}”</span>`;
  // Reads as a sentence: "supports “X”", or "“X” supports this" for an incoming link.
  const line = view.direction === 'in'
    ? html`${statement}<span class="rel">${badge(look)} <span class="this">this claim</span></span>`
    : html`<span class="rel">${badge(look)}</span>${statement}`;
  return html`<li>
    <button type="button" class="link" title=${view.link.rationale ?? ''} @click=${() => ctx.select(entry, view)}>
      ${line}<span class="where ${here ? 'here' : ''}"><span aria-hidden="true">${here ? '→ ' : ''}</span>${whereLabel(view, ctx)}</span>
    </button>
  </li>`;
}

/** One margin card, absolutely placed at `top` (px) in the margin. */
export function cardTemplate(entry: MarginEntry, top: number, ctx: CardContext) {
  const stance = STANCE_LOOK[entry.stance];
  const n = ctx.paragraphOf(ctx.source, entry.passage.annotation.id);
  const selected = entry.key === ctx.selectedKey;
  const look = ctx.look(entry.claim.layer);
  return html`<li class="card ${stance.cls} ${selected ? 'selected' : ''} ${look ? 'other' : ''}" data-key=${entry.key}
      style=${styleMap({ top: `${top}px`, '--layer': look?.colour })}>
    <button type="button" class="claim" aria-current=${selected ? 'true' : nothing} @click=${() => ctx.select(entry)}>
      <span class="statement">${entry.claim.statement}</span>
    </button>
    <div class="meta">${badge(stance, `This passage ${stance.label} the claim`)}${n ? html`<span class="para">¶${n}</span>` : nothing}${layerTag(look)}</div>
    ${entry.links.length
      ? html`<ul class="links" aria-label="Links of this claim">${entry.links.map((v) => linkItem(entry, v, ctx))}</ul>`
      : nothing}
  </li>`;
}

/** Styles of the cards, for the column that renders them. */
export const cardStyles = [
  badgeStyles,
  layerMarkStyles,
  css`
    .cards { list-style: none; margin: 0; padding: 0; }
    .card {
      position: absolute; left: 0.5rem; right: 0.5rem; box-sizing: border-box;
      background: var(--cr-card); border: 1px solid var(--cr-rule); border-radius: 6px;
      box-shadow: var(--cr-shadow); padding: 0.4rem 0.5rem 0.45rem; font: 0.8rem/1.35 var(--cr-sans);
    }
    .card::before { content: ''; position: absolute; top: 0.45rem; bottom: 0.45rem; width: 3px; border-radius: 2px; background: currentColor; }
    :host([side='left']) .card::before { left: -1px; }
    :host([side='right']) .card::before { right: -1px; }
    .card.pos::before { color: var(--cr-pos); }
    .card.neg::before { color: var(--cr-neg); }
    .card.neu::before { color: var(--cr-ink-faint); }
    .card.other { border-bottom: 3px solid var(--layer); }
    .card.selected { border-color: var(--cr-accent); box-shadow: 0 0 0 1px var(--cr-accent), var(--cr-shadow); }
    button {
      display: block; width: 100%; text-align: left; font: inherit; color: var(--cr-ink); background: none;
      border: 0; border-radius: 4px; padding: 0.15rem 0.25rem; cursor: pointer;
    }
    button:hover { background: var(--cr-hover); }
    button:focus-visible { outline: 2px solid var(--cr-focus); outline-offset: 1px; }
    .statement { font-weight: 600; display: -webkit-box; -webkit-line-clamp: 3; -webkit-box-orient: vertical; overflow: hidden; }
    .meta { display: flex; align-items: center; gap: 0.4rem; padding: 0.2rem 0.25rem 0; }
    .para { color: var(--cr-ink-faint); font-size: 0.72rem; font-variant-numeric: tabular-nums; }
    .links { list-style: none; margin: 0.3rem 0 0; padding: 0.25rem 0 0; border-top: 1px dashed var(--cr-rule); }
    .link { display: flex; flex-wrap: wrap; align-items: baseline; gap: 0.15rem 0.35rem; }
    .other { color: var(--cr-ink-soft); display: -webkit-box; -webkit-line-clamp: 2; -webkit-box-orient: vertical; overflow: hidden; }
    .this { color: var(--cr-ink-faint); font-size: 0.75rem; }
    .where { flex-basis: 100%; color: var(--cr-ink-faint); font-size: 0.72rem; }
    .where.here { color: var(--cr-link); }
  `,
];
