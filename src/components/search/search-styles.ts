import { css } from 'lit';

/** The search box in the app bar and its results popup. */
export const searchStyles = css`
  :host { display: block; position: relative; margin-left: auto; width: min(22rem, 40vw); }
  input {
    width: 100%; box-sizing: border-box; padding: 0.3rem 1.8rem 0.3rem 0.6rem; border-radius: 6px;
    background: var(--cr-card);
  }
  input::-webkit-search-cancel-button { display: none; }
  .key {
    position: absolute; right: 0.45rem; top: 50%; transform: translateY(-50%); pointer-events: none;
    font: 600 0.72rem var(--cr-mono); color: var(--cr-ink-faint); border: 1px solid var(--cr-rule);
    border-radius: 4px; padding: 0 0.3rem;
  }
  .popup {
    position: absolute; right: 0; top: calc(100% + 0.35rem); z-index: 25; width: min(40rem, 92vw);
    max-height: min(70vh, 36rem); overflow: auto; box-sizing: border-box; padding: 0.35rem;
    background: var(--cr-card); border: 1px solid var(--cr-rule); border-radius: 8px; box-shadow: var(--cr-shadow);
  }
  .popup[hidden] { display: none; }
  .message { margin: 0.4rem 0.5rem; color: var(--cr-ink-soft); font-size: 0.85rem; }
  .message.faint { color: var(--cr-ink-faint); font-size: 0.78rem; }
  [role='listbox'] { margin: 0; padding: 0; }
  [role='group'] { margin: 0; padding: 0; list-style: none; }
  [role='group'] + [role='group'] { margin-top: 0.35rem; border-top: 1px solid var(--cr-rule); padding-top: 0.3rem; }
  .head {
    display: flex; justify-content: space-between; gap: 1rem; padding: 0.2rem 0.5rem;
    font: 700 0.7rem var(--cr-sans); text-transform: uppercase; letter-spacing: 0.05em; color: var(--cr-ink-faint);
  }
  .head span { font-weight: 500; text-transform: none; letter-spacing: 0; }
  [role='option'] { display: grid; gap: 0.1rem; padding: 0.35rem 0.5rem; border-radius: 5px; cursor: pointer; }
  [role='option']:hover { background: var(--cr-hover); }
  [role='option'][aria-selected='true'] { background: var(--cr-hover); outline: 2px solid var(--cr-focus); outline-offset: -2px; }
  [role='option'][data-kind='more'] { color: var(--cr-accent, var(--cr-ink-soft)); font: 600 0.8rem var(--cr-sans); }
  .title { color: var(--cr-ink); }
  .where { font-size: 0.75rem; color: var(--cr-ink-faint); }
  .snippet { font: 0.85rem/1.45 var(--cr-serif); color: var(--cr-ink-soft); }
  mark { background: var(--cr-flash); color: inherit; border-radius: 2px; padding: 0 0.05em; }
  @media (max-width: 40rem) {
    :host { width: 9rem; }
    .key { display: none; }
  }
`;
