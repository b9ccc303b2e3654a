import { css } from 'lit';

/**
 * The look of the map's SVG (nodes, edges, clusters, legend samples). The export copies the
 * computed values of these properties onto its elements, so an exported file looks like this.
 */
export const mapStyles = css`
  .node { cursor: grab; outline: none; }
  .node .box { fill: var(--cr-card); stroke: var(--cr-rule); stroke-width: 1.2; }
  .node:hover .box { stroke: var(--cr-ink-faint); }
  .node.selected .box { stroke: var(--cr-accent); stroke-width: 2.5; }
  .node:focus-visible .box, .node:focus .box { stroke: var(--cr-focus); stroke-width: 3; }
  .node.linking .box { stroke: var(--cr-link); stroke-width: 3; stroke-dasharray: 5 3; }
  .node.dim, .decor.dim, .edge.dim, .cluster.dim { opacity: 0.25; }
  .decor { pointer-events: none; }
  .node .label { font: 12px var(--cr-sans); fill: var(--cr-ink); }
  .decor .letter { font: 700 9px var(--cr-sans); fill: #fff; }
  .decor .count rect { fill: var(--cr-panel); stroke: var(--cr-rule); }
  .decor .count text { font: 600 9.5px var(--cr-sans); fill: var(--cr-ink-soft); }
  .against-mark circle { fill: var(--cr-neg, #b91c1c); }
  .against-mark text { font: 700 9px var(--cr-sans); fill: #fff; }
  .node .handle { fill: var(--cr-card); stroke: var(--cr-link); stroke-width: 1.5; cursor: crosshair; opacity: 0; }
  .node:hover .handle, .node:focus .handle, .node.selected .handle { opacity: 1; }
  .edge .line { fill: none; stroke-width: 1.8; }
  .edge.pos .line { stroke: var(--cr-pos, #15803d); }
  .edge.neg .line { stroke: var(--cr-neg, #b91c1c); }
  .edge.qual .line { stroke: var(--cr-qual, #a16207); }
  .edge.cross .line { stroke-width: 3.5; }
  .edge .halo { stroke: var(--cr-neg, #b91c1c); stroke-opacity: 0.18; stroke-width: 10; fill: none; }
  .arrow.pos path { fill: var(--cr-pos, #15803d); }
  .arrow.neg path { fill: var(--cr-neg, #b91c1c); }
  .arrow.qual path { fill: var(--cr-qual, #a16207); }
  .cluster rect { fill: var(--cr-panel); fill-opacity: 0.55; stroke: var(--cr-rule); stroke-dasharray: 4 3; }
  .cluster text { font: 600 12px var(--cr-sans); fill: var(--cr-ink-soft); }
  .draft-link { stroke: var(--cr-link); stroke-width: 2; stroke-dasharray: 4 3; fill: none; pointer-events: none; }
`;
