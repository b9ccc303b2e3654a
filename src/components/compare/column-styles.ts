import { css } from 'lit';

/** Layout of a compare column: header, then the margin and the text side by side, mirrored for the
 * right column so both margins meet in the gutter; on narrow screens every margin is on the right. */
export const columnStyles = css`
  :host { display: flex; flex-direction: column; min-height: 0; min-width: 0; --margin-width: 15rem; }
  header { flex: none; display: flex; flex-wrap: wrap; align-items: baseline; gap: 0.2rem 0.8rem; padding: 0.55rem 1rem 0.45rem; border-bottom: 1px solid var(--cr-rule); font: 0.85rem/1.3 var(--cr-sans); }
  :host([side='right']) header { border-left: 1px solid var(--cr-rule); }
  label { font-weight: 600; color: var(--cr-ink-soft); }
  select { font: inherit; color: var(--cr-ink); background: var(--cr-card); border: 1px solid var(--cr-rule); border-radius: 5px; padding: 0.2rem 0.3rem; margin-left: 0.35rem; }
  select:focus-visible { outline: 2px solid var(--cr-focus); outline-offset: 1px; }
  h2 { flex: 1 1 12rem; min-width: 0; margin: 0; font: 500 0.85rem/1.3 var(--cr-sans); color: var(--cr-ink-faint); white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
  /* One line, so both columns' texts start at the same height; the full text is in the title and read out whole. */
  .status { flex-basis: 100%; margin: 0; min-height: 1.3em; color: var(--cr-ink-soft); font-size: 0.8rem; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
  .body { flex: 1; min-height: 0; display: grid; grid-template-columns: minmax(0, 1fr) var(--margin-width); grid-template-areas: 'text margin'; }
  :host([side='right']) .body { grid-template-columns: var(--margin-width) minmax(0, 1fr); grid-template-areas: 'margin text'; }
  .scroller { grid-area: text; overflow-y: auto; min-height: 0; padding: 1.2rem 1.2rem 45vh 3.8rem; --cr-text-size: 1rem; }
  .scroller:focus-visible { outline: 2px solid var(--cr-focus); outline-offset: -2px; }
  .margin { grid-area: margin; position: relative; min-height: 0; overflow-y: auto; overflow-x: hidden; background: var(--cr-panel); }
  :host([side='left']) .margin { border-left: 1px solid var(--cr-rule); }
  .tick { position: absolute; width: 0.35rem; height: 2px; background: var(--cr-ink-faint); opacity: 0.6; }
  :host([side='left']) .tick { left: 0; }
  :host([side='right']) .tick { right: 0; }
  .hint, .problem { margin: 1rem 0.8rem 0.5rem; font: 0.8rem/1.45 var(--cr-sans); color: var(--cr-ink-faint); }
  .jumps { display: flex; flex-direction: column; align-items: flex-start; gap: 0.3rem; margin: 0 0.55rem; }
  .jumps button { width: auto; font-size: 0.8rem; color: var(--cr-link); }
  .problem { color: var(--cr-neg); }
  /* No claims at all (the view says so above the columns): the text takes the margin's room. */
  :host(:not([hasclaims])) { --margin-width: 0px; }
  :host(:not([hasclaims])) .margin { display: none; }
  @media (max-width: 899px) {
    :host { --margin-width: 12rem; }
    :host([side='right']) .body { grid-template-columns: minmax(0, 1fr) var(--margin-width); grid-template-areas: 'text margin'; }
    :host([side='right']) header { border-left: 0; }
    :host([side='right']) .tick { left: 0; right: auto; }
    :host([side='right']) .card::before { left: -1px; right: auto; }
    .margin { border-left: 1px solid var(--cr-rule); }
  }
`;
