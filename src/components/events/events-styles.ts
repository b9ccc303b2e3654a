import { css } from 'lit';

/** The compare-by-event view on screen and on paper (no controls, columns one after another). */
export const eventsStyles = css`
  .page { max-width: 90rem; }
  .controls { display: flex; flex-wrap: wrap; gap: 0.6rem; align-items: end; }
  .controls select { max-width: 22rem; }
  h2 { font: 700 0.72rem var(--cr-sans); text-transform: uppercase; letter-spacing: 0.08em; color: var(--cr-ink-faint); margin: 1.4rem 0 0.5rem; }
  table { border-collapse: collapse; font-size: 0.85rem; background: var(--cr-card); }
  th, td { border: 1px solid var(--cr-rule); padding: 0.3rem 0.6rem; text-align: left; vertical-align: top; }
  thead th { font-weight: 600; color: var(--cr-ink-soft); }
  td.n { font-variant-numeric: tabular-nums; }
  .num-pos { color: var(--cr-pos); }
  .num-neg { color: var(--cr-neg); }
  .hint { margin-bottom: 0.6rem; }
  .columns { display: grid; grid-template-columns: repeat(auto-fit, minmax(17rem, 1fr)); gap: 1rem; align-items: start; }
  .column { background: var(--cr-card); border: 1px solid var(--cr-rule); border-radius: 8px; padding: 0.7rem 0.8rem; min-width: 0; }
  .column h3 { font: 700 1rem/1.3 var(--cr-sans); margin: 0; }
  .column .title { color: var(--cr-ink-faint); font-size: 0.78rem; margin: 0.1rem 0 0.6rem; }
  .column ol { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.6rem; }
  .silent { margin: 0.4rem 0; font-style: italic; color: var(--cr-ink-faint); }
  .passage .layer-tag { margin-left: 0.3rem; }
  cr-layer-legend { margin: 0 0 0.8rem; }
  .passage { border-left: 3px solid var(--cr-rule); padding-left: 0.55rem; }
  .passage.filed { border-left-color: var(--cr-accent); }
  .quote { display: block; color: var(--cr-ink); text-decoration: none; font: 0.92rem/1.45 var(--cr-serif); }
  a.quote:hover .text { text-decoration: underline; }
  .mark { color: var(--cr-accent); margin-right: 0.3rem; font: 600 0.8rem var(--cr-sans); }
  .para { font: 600 0.75rem var(--cr-sans); color: var(--cr-ink-faint); margin-right: 0.3rem; }
  .passage ul { list-style: none; margin: 0.35rem 0 0; padding: 0; display: grid; gap: 0.25rem; font-size: 0.85rem; }
  .passage li { display: flex; gap: 0.4rem; align-items: baseline; }
  .passage li a { color: var(--cr-ink); }
  .note { font-size: 0.78rem; color: var(--cr-ink-faint); margin: 0.2rem 0 0.5rem; }
  ul.links { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.4rem; font-size: 0.88rem; }
  ul.links li { display: grid; grid-template-columns: minmax(0, 1fr) auto minmax(0, 1fr); gap: 0.8rem; align-items: center; background: var(--cr-card); border: 1px solid var(--cr-rule); border-radius: 6px; padding: 0.35rem 0.6rem; }
  ul.links .who { font-weight: 600; }
  ul.links .why { grid-column: 1 / -1; color: var(--cr-ink-soft); font-size: 0.8rem; }
  ul.plain { margin: 0; padding-left: 1.2rem; }
  .sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
  @media print {
    .page { max-width: none; padding: 0; }
    .controls, .no-print { display: none !important; }
    .columns { display: block; }
    .column { border: 0; border-top: 1px solid #999; border-radius: 0; padding: 0.5rem 0 0.8rem; break-inside: auto; }
    .passage, ul.links li { break-inside: avoid; }
    .column, table, ul.links li { background: none; }
    a { color: inherit; text-decoration: none; }
  }
`;
