import { css } from 'lit';

/** Typography of a rendered source: a ~70-character measure, generous leading, margin numbers. */
export const proseStyles = css`
  .prose {
    font-family: var(--cr-serif);
    font-size: var(--cr-text-size, 1.125rem);
    line-height: 1.7;
    /* ~70 characters of serif text per line (ch is the width of a zero, wider than average). */
    max-width: 34em;
    color: var(--cr-ink);
    hyphens: auto;
    font-kerning: normal;
    font-variant-numeric: oldstyle-nums proportional-nums;
  }
  .prose h1, .prose h2, .prose h3, .prose h4 {
    font-family: var(--cr-sans);
    line-height: 1.25;
    margin: 2.2em 0 0.6em;
    letter-spacing: -0.01em;
    scroll-margin-top: 4.5rem;
  }
  .prose h2 { font-size: 1.35em; }
  .prose h3 { font-size: 1.12em; }
  .prose p, .prose li { margin: 0 0 1em; }
  .prose [data-block] { position: relative; scroll-margin-top: 5rem; border-radius: 3px; }
  .prose [data-block]:focus { outline: none; }
  .prose [data-block].current {
    box-shadow: -0.6rem 0 0 -0.3rem var(--cr-accent);
  }
  /* A cell's bar would fall on its neighbour: it is ringed instead. */
  .prose td[data-block].current, .prose th[data-block].current { box-shadow: inset 0 0 0 2px var(--cr-accent); }
  .prose blockquote {
    margin: 1.2em 0;
    padding: 0 0 0 1.2em;
    border-left: 3px solid var(--cr-rule);
    color: var(--cr-ink-soft);
  }
  .prose sup.fn {
    font-family: var(--cr-sans);
    font-size: 0.68em;
    line-height: 0;
    color: var(--cr-accent);
    padding: 0 0.08em;
    user-select: none;
    font-variant-numeric: lining-nums;
  }
  .prose .table-wrap { position: relative; margin: 1em 0 1.4em; scroll-margin-top: 5rem; }
  .prose table {
    border-collapse: collapse;
    font-family: var(--cr-sans);
    font-size: 0.86em;
    line-height: 1.45;
    width: 100%;
  }
  /* A long table laid out in chunks of rows (lay-out.ts): one table to the eye. */
  .prose .table-wrap.chunked { content-visibility: auto; contain-intrinsic-block-size: auto 500em; margin-bottom: 0; }
  .prose .table-wrap.chunked.more { margin-top: 0; }
  .prose .table-wrap.chunked.end { margin-bottom: 1.4em; }
  .prose .chunked table { table-layout: fixed; }
  .prose th, .prose td { border-bottom: 1px solid var(--cr-rule); padding: 0.45em 0.6em; text-align: left; vertical-align: top; }
  .prose thead th { border-bottom: 2px solid var(--cr-ink-soft); font-weight: 650; }
  .prose tbody tr:nth-child(even) { background: var(--cr-zebra); }
  /* A long URL in the references breaks rather than widen the page (by 450px on a phone). */
  .prose a { color: var(--cr-link); overflow-wrap: anywhere; }
  .prose code, .prose pre { font-family: var(--cr-mono); font-size: 0.9em; }
  .prose hr { border: 0; border-top: 1px solid var(--cr-rule); margin: 2em 0; }

  /* Paragraph numbers: in the left margin on wide screens, inline before the text on narrow. */
  .prose .pnum {
    position: absolute;
    left: -3.4rem;
    width: 2.6rem;
    text-align: right;
    top: 0.32em;
    font: 500 0.72rem/1.4 var(--cr-sans);
    font-variant-numeric: tabular-nums;
    color: var(--cr-ink-faint);
    text-decoration: none;
    user-select: none;
    border-radius: 3px;
  }
  .table-wrap > .pnum { top: 0.5em; left: -3.4rem; }
  .prose .pnum:hover, .prose .pnum:focus-visible { color: var(--cr-accent); }
  .pnum:hover::before, .pnum:focus-visible::before { content: '¶ '; }
  .pnum:focus-visible { outline: 2px solid var(--cr-focus); outline-offset: 2px; }
  @media (max-width: 720px) {
    /* As specific as the margin rule above, or that one wins and the number sits off screen. */
    .prose .pnum { position: static; display: inline-block; width: auto; margin-right: 0.5em; }
    .table-wrap > .pnum { display: block; }
    .prose .table-wrap { overflow-x: auto; }
  }
  @keyframes cr-flash { from { background: var(--cr-flash); } to { background: transparent; } }
  .flash { animation: cr-flash 1.6s ease-out; }
  @media (prefers-reduced-motion: reduce) { .flash { animation: none; outline: 2px solid var(--cr-accent); } }
`;
