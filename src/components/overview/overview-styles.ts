import { css } from 'lit';

/** The class overview on screen and on paper. */
export const overviewStyles = css`
  .page { max-width: 64rem; }
  h2 { font: 700 0.72rem var(--cr-sans); text-transform: uppercase; letter-spacing: 0.08em; color: var(--cr-ink-soft); margin: 1.6rem 0 0.5rem; }
  section > .hint { margin-bottom: 0.6rem; color: var(--cr-ink-soft); }
  ol { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.6rem; }
  ol > li { background: var(--cr-card); border: 1px solid var(--cr-rule); border-radius: 8px; padding: 0.55rem 0.8rem; }
  .meta { display: flex; flex-wrap: wrap; gap: 0.3rem 0.9rem; align-items: baseline; font-size: 0.85rem; }
  .meta a { font-weight: 600; }
  .count { border-left: 0.35rem solid color-mix(in srgb, var(--cr-accent) calc(var(--heat) * 100%), transparent); padding-left: 0.4rem; font-variant-numeric: tabular-nums; }
  blockquote { margin: 0.4rem 0 0; font: 0.95rem/1.5 var(--cr-serif); color: var(--cr-ink); }
  .layer { display: inline-flex; align-items: baseline; gap: 0.3rem; font-weight: 600; }
  .swatch { display: inline-block; width: 0.65rem; height: 0.65rem; border-radius: 50%; align-self: center; }
  .why { margin: 0 0 0.3rem; font: 600 0.78rem var(--cr-sans); color: var(--cr-ink-soft); }
  .groups ul { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.25rem; }
  .groups a { color: var(--cr-ink); }
  .disagreements li { display: grid; gap: 0.35rem; }
  .side { display: flex; flex-wrap: wrap; gap: 0.3rem 0.6rem; align-items: baseline; }
  .rationale { flex-basis: 100%; color: var(--cr-ink-soft); font-size: 0.85rem; padding-left: 1rem; }
  button.link { font: 600 0.85rem var(--cr-sans); margin-top: 0.5rem; }
  @media print { .actions, button.link { display: none; } ol > li { break-inside: avoid; } }
`;
