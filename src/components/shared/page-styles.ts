import { css } from 'lit';

/** A full-page view's frame: its header (title, subtitle, controls on the right) and its empty state. Each view sets the page's width. */
export const pageStyles = css`
  :host { display: block; }
  .page { margin: 0 auto; padding: 1.5rem; }
  header { display: flex; flex-wrap: wrap; gap: 1rem 2rem; align-items: end; justify-content: space-between; margin-bottom: 1rem; }
  h1 { font: 700 1.4rem/1.2 var(--cr-sans); margin: 0; }
  .sub { color: var(--cr-ink-soft); margin: 0.25rem 0 0; }
  .empty { background: var(--cr-card); border: 1px dashed var(--cr-rule); border-radius: 8px; padding: 1rem 1.2rem; color: var(--cr-ink-soft); line-height: 1.55; max-width: 46rem; }
  .empty h2 { font: 700 1rem var(--cr-sans); text-transform: none; letter-spacing: 0; color: var(--cr-ink); margin: 0 0 0.4rem; }
`;
