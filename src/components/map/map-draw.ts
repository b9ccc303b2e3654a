/**
 * What the map draws, as SVG templates: a node per claim (wrapped statement, a marker per
 * source, a badge with its passages, a mark when a passage argues against it), an edge per
 * link (colour, line style and arrowhead per relation; none for the symmetric one), cluster
 * frames, and the legend. Everything is SVG with text as `<text>`, so the export is the view.
 */
import { svg, html, nothing } from 'lit';
import type { LinkRelation } from '../../store/index.ts';
import { RELATION_WORDS } from '../../map/words.ts';
import { RELATION_LOOK } from '../shared/relations.ts';
import type { Point } from '../../map/index.ts';
import { HEAD, LINE_HEIGHT, type Box } from './geometry.ts';
import type { SourceLook } from './source-look.ts';
import type { LayerLook } from '../layers/layer-look.ts';
import { legendEntry } from '../layers/layer-marks.ts';

/** A claim as drawn. */
export interface DrawnNode {
  id: string;
  statement: string;
  /** The statement wrapped (`wrapLabel`). */
  lines: string[];
  /** Sources with evidence for it, in order of first evidence. */
  sources: SourceLook[];
  /** Number of evidence passages. */
  passages: number;
  /** A passage argues against the claim. */
  against: boolean;
  /** Number of links (shown or filtered out). */
  links: number;
  /** Its layer, while the map holds several (ADR 0013): a stripe in its colour. */
  layer?: LayerLook | undefined;
}

/** A link as drawn. */
export interface DrawnEdge {
  id: string;
  from: string;
  to: string;
  relation: LinkRelation;
  /** A contradiction between claims made in different sources: drawn heavier. */
  cross: boolean;
}

/** A frame around the claims of one source or event. */
export interface DrawnCluster {
  id: string;
  label: string;
  box: Box;
}

/** How a node is drawn right now. */
export interface NodeState {
  focusable: boolean;
  selected: boolean;
  /** Outside the hovered or focused node's neighbourhood. */
  dim: boolean;
  /** The start of a link being made. */
  linking: boolean;
}

/** How each relation is drawn: line dashes and whether it has an arrowhead. */
export const RELATION_LINE: Record<LinkRelation, { dash: string; arrow: boolean }> = {
  supports: { dash: '', arrow: true },
  contradicts: { dash: '7 4', arrow: false },
  qualifies: { dash: '2 4', arrow: true },
};

/** The accessible name of a node: statement, sources and links, as screen readers hear it. */
export function nodeName(n: DrawnNode): string {
  const sources = n.sources.length ? `Sources: ${n.sources.map((s) => s.cite).join(', ')}` : 'No passages';
  const passages = `${n.passages} ${n.passages === 1 ? 'passage' : 'passages'}${n.against ? ', one or more arguing against it' : ''}`;
  const from = n.layer && !n.layer.local ? ` From ${n.layer.from}, read-only.` : '';
  // A statement that ends its own sentence gets no second stop ("…family.. Sources").
  const statement = /[.!?…]["”’)]*$/.test(n.statement) ? n.statement : `${n.statement}.`;
  return `${statement} ${sources}. ${passages}. ${n.links} ${n.links === 1 ? 'link' : 'links'}.${from}`;
}

/** Arrowheads, one per relation that has one, coloured like its line. */
export function arrowDefs() {
  return svg`<defs>${(Object.keys(RELATION_LINE) as LinkRelation[]).filter((r) => RELATION_LINE[r].arrow).map((r) => svg`
    <marker id="arrow-${r}" class="arrow ${RELATION_LOOK[r].cls}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
      <path d="M0,0 L10,5 L0,10 z"></path>
    </marker>`)}</defs>`;
}

/**
 * One node at `box`: the focusable claim (its box and statement; its name says the rest) and,
 * beside it in the DOM, its markers and badges, drawn over it but hidden from assistive
 * technology and the pointer, so the node's visible text is exactly what its name starts with.
 */
export function nodeTemplate(n: DrawnNode, box: Box, s: NodeState) {
  const state = `${s.selected ? ' selected' : ''}${s.dim ? ' dim' : ''}${s.linking ? ' linking' : ''}`;
  const at = `translate(${box.x} ${box.y})`;
  return svg`<g class="node${state}${n.against ? ' against' : ''}" data-id=${n.id} transform=${at} role="button"
      tabindex=${s.focusable ? 0 : -1} aria-label=${nodeName(n)}>
    <rect class="box" width=${box.width} height=${box.height} rx="6"></rect>
    <text class="label" y=${HEAD}>${n.lines.map((line, i) => svg`<tspan x="10" dy=${i === 0 ? 11 : LINE_HEIGHT}>${i < n.lines.length - 1 ? `${line} ` : line}</tspan>`)}</text>
    <circle class="handle" cx=${box.width} cy=${box.height / 2} r="6" aria-hidden="true"><title>Drag to another claim to link them</title></circle>
  </g><g class="decor${state}" transform=${at} aria-hidden="true">
    ${n.layer ? svg`<rect class="layer-stripe" x="0.6" y="0.6" width="5" height=${box.height - 1.2} rx="2" style=${`fill: ${n.layer.colour}`}></rect>` : nothing}
    ${n.sources.map((src, i) => svg`<g class="marker" transform="translate(${13 + i * 19} 13)">
      <circle r="7.5" fill=${src.colour}></circle><text class="letter" y="3.5" text-anchor="middle">${src.letter}</text></g>`)}
    ${n.against ? svg`<g class="against-mark" transform="translate(${box.width - 54} 13)"><circle r="7.5"></circle><text y="3.5" text-anchor="middle">✕</text></g>` : nothing}
    <g class="count" transform="translate(${box.width - 38} 5)"><rect width="30" height="16" rx="8"></rect>
      <text x="15" y="12" text-anchor="middle">❝${n.passages}</text></g>
  </g>`;
}

/** One edge along its route (`edgeRoute`); `dim` outside the neighbourhood in view. */
export function edgeTemplate(e: DrawnEdge, route: readonly Point[], dim: boolean) {
  const points = route.map((p) => `${Math.round(p.x * 10) / 10},${Math.round(p.y * 10) / 10}`).join(' ');
  const line = RELATION_LINE[e.relation];
  return svg`<g class="edge ${RELATION_LOOK[e.relation].cls} ${e.relation}${e.cross ? ' cross' : ''}${dim ? ' dim' : ''}" data-id=${e.id}>
    ${e.cross ? svg`<polyline class="halo" points=${points}></polyline>` : nothing}
    <polyline class="line" points=${points} stroke-dasharray=${line.dash || nothing}
      marker-end=${line.arrow ? `url(#arrow-${e.relation})` : nothing}></polyline>
  </g>`;
}

/** A cluster frame with its name. */
export function clusterTemplate(c: DrawnCluster) {
  return svg`<g class="cluster" data-id=${c.id}><rect x=${c.box.x} y=${c.box.y} width=${c.box.width} height=${c.box.height} rx="10"></rect>
    <text x=${c.box.x + 10} y=${c.box.y + 16}>${c.label}</text></g>`;
}

/** The legend: relations (with a sample of each line), the heavier cross-source contradiction,
 * sources, badges, and the layers when there are several. */
export function legendTemplate(sources: readonly SourceLook[], layers: readonly LayerLook[] = []) {
  const sample = (r: LinkRelation, cross = false) => html`<svg width="46" height="12" aria-hidden="true" class="edge ${RELATION_LOOK[r].cls} ${cross ? 'cross' : ''}">
    ${cross ? svg`<line class="halo" x1="2" y1="6" x2="36" y2="6"></line>` : nothing}
    <line class="line" x1="2" y1="6" x2="36" y2="6" stroke-dasharray=${RELATION_LINE[r].dash || nothing} marker-end=${RELATION_LINE[r].arrow ? `url(#arrow-${r})` : nothing}></line></svg>`;
  return html`<details class="legend" open><summary>Legend</summary>
  <svg width="0" height="0" aria-hidden="true" class="defs">${arrowDefs()}</svg>
  <ul>
    ${(Object.keys(RELATION_LINE) as LinkRelation[]).map((r) => html`<li>${sample(r)} ${RELATION_WORDS[r].active}${RELATION_LINE[r].arrow ? '' : ' (both ways)'}</li>`)}
    <li>${sample('contradicts', true)} contradiction across sources</li>
    ${sources.map((s) => html`<li><span class="dot" style="background:${s.colour}" aria-hidden="true">${s.letter}</span> ${s.cite}</li>`)}
    <li><span class="pill" aria-hidden="true">❝2</span> passages (quotes) as evidence</li>
    <li><span class="dot neg" aria-hidden="true">✕</span> a passage argues against</li>
    ${layers.map(legendEntry)}
  </ul></details>`;
}
