import { css } from 'lit';

/** Layout of the reader: table of contents, text, annotation panel; narrower screens fold the
 * contents into a disclosure and put the panel below the text. */
export const readerStyles = css`
    :host { display: block; }
    .layout {
      display: grid;
      grid-template-columns: minmax(11rem, 14rem) minmax(0, 1fr) minmax(16rem, 20rem);
      gap: 2.2rem;
      max-width: 90rem;
      margin: 0 auto;
      padding: 2rem 1.5rem 6rem;
    }
    aside.panel { grid-column: 3; }
    aside.panel cr-related, .related-offer { margin-bottom: 0.8rem; }
    .related-offer { font: 600 0.78rem var(--cr-sans); border: 1px solid var(--cr-rule); background: var(--cr-card); color: var(--cr-ink); border-radius: 5px; padding: 0.25rem 0.55rem; cursor: pointer; }
    .related-offer:focus-visible { outline: 2px solid var(--cr-focus); outline-offset: 1px; }
    aside { position: sticky; top: 4.5rem; align-self: start; max-height: calc(100vh - 6rem); overflow: auto; padding-right: 0.5rem; }
    .content { min-width: 0; padding-left: 3.6rem; }
    header { max-width: 38rem; margin-bottom: 2.5rem; }
    .kind { font: 600 0.72rem/1 var(--cr-sans); text-transform: uppercase; letter-spacing: 0.1em; color: var(--cr-accent); }
    h1 { font: 700 clamp(1.6rem, 3vw, 2.3rem)/1.15 var(--cr-sans); letter-spacing: -0.02em; margin: 0.5rem 0 0.8rem; color: var(--cr-ink); }
    /* Focused on opening, so the keyboard starts at the top: a place to start from, not a control. */
    h1:focus { outline: none; }
    .authors { font: 500 1.05rem/1.4 var(--cr-sans); color: var(--cr-ink); margin: 0; }
    .venue { font: 0.95rem/1.4 var(--cr-sans); color: var(--cr-ink-soft); margin: 0.25rem 0 0; }
    .cite { margin: 1rem 0 0; padding: 0.75rem 1rem; background: var(--cr-panel); border-radius: 6px; font: 0.85rem/1.5 var(--cr-sans); color: var(--cr-ink-soft); }
    .cite b { color: var(--cr-ink); font-weight: 600; }
    .facts { display: flex; gap: 1.2rem; flex-wrap: wrap; font: 0.8rem/1.4 var(--cr-sans); color: var(--cr-ink-faint); margin-top: 0.8rem; }
    .note { font: italic 0.85rem/1.5 var(--cr-sans); color: var(--cr-ink-faint); }
    .heat-toggle { font: 0.85rem/1.5 var(--cr-sans); color: var(--cr-ink-soft); margin: 0.8rem 0 0; }
    .heat-toggle a { color: var(--cr-link); margin-right: 0.5rem; }
    details.toc-mobile { display: none; }
    @media (max-width: 1200px) {
      .layout { grid-template-columns: minmax(0, 1fr) minmax(15rem, 18rem); }
      aside.toc { display: none; }
      aside.panel { grid-column: 2; }
      details.toc-mobile { display: block; margin: 0 0 1.5rem; font: 0.9rem var(--cr-sans); }
      details.toc-mobile summary { cursor: pointer; color: var(--cr-ink-soft); padding: 0.4rem 0; }
    }
    @media (max-width: 860px) {
      .layout { grid-template-columns: minmax(0, 1fr); gap: 0; padding-top: 1rem; }
      aside.panel { grid-column: 1; position: static; max-height: none; margin-top: 2rem; border-top: 1px solid var(--cr-rule); padding-top: 1rem; }
      details.toc-mobile { display: block; margin: 0 0 1.5rem; font: 0.9rem var(--cr-sans); }
      details.toc-mobile summary { cursor: pointer; color: var(--cr-ink-soft); padding: 0.4rem 0; }
    }
    @media (max-width: 720px) { .content { padding-left: 0; } }
  `;
