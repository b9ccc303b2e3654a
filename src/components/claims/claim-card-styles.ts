import { css } from 'lit';

/** Styles of `<cr-claim-card>`, apart so the card's file holds its behaviour. */
export const claimCardStyles = css`
  :host { display: block; }
  a.chip { text-decoration: none; }
  a.chip:hover { text-decoration: underline; }
  article { background: var(--cr-card); border: 1px solid var(--cr-rule); border-left: 4px solid var(--cr-rule); border-radius: 6px; padding: 0.6rem 0.8rem; }
  article.open { border-color: var(--cr-accent); border-left-color: var(--cr-accent); box-shadow: 0 0 0 1px var(--cr-accent); }
  h2 { margin: 0; font: 600 1rem/1.4 var(--cr-serif); }
  h2 button { all: unset; cursor: pointer; border-radius: 3px; display: block; }
  h2 button:focus-visible { outline: 2px solid var(--cr-focus); outline-offset: 2px; }
  h3 { font-size: 0.72rem; text-transform: uppercase; letter-spacing: 0.08em; color: var(--cr-ink-faint); margin: 0.9rem 0 0.4rem; }
  .meta { display: flex; gap: 0.5rem; flex-wrap: wrap; align-items: center; color: var(--cr-ink-faint); font-size: 0.76rem; margin-top: 0.3rem; }
  .evidence { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.55rem; }
  .evidence li { border-top: 1px solid var(--cr-rule); padding-top: 0.45rem; }
  .evidence .line { display: flex; gap: 0.5rem; align-items: center; flex-wrap: wrap; font-size: 0.8rem; }
  blockquote { margin: 0.25rem 0; font: italic 0.88rem/1.45 var(--cr-serif); color: var(--cr-ink-soft); }
  .row label { display: flex; gap: 0.3rem; align-items: center; min-width: 0; max-width: 100%; }
  .row form { min-width: 0; max-width: 100%; }
  cr-note { margin: 0.4rem 0; }
  .claim-actions { margin-top: 0.9rem; }
  .stances { list-style: none; margin: 0.35rem 0 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.3rem 0.9rem; font-size: 0.76rem; color: var(--cr-ink-soft); }
  .stances li { display: inline-flex; gap: 0.35rem; align-items: center; }
`;
