import { css } from 'lit';

/** Buttons, fields, chips and dialogs shared by the app's forms and dialogs; the look of the annotation panel. */
export const controlStyles = css`
  :host { font: 0.9rem/1.45 var(--cr-sans); color: var(--cr-ink); }
  button { font: 600 0.78rem var(--cr-sans); border: 1px solid var(--cr-rule); background: var(--cr-card); color: var(--cr-ink); border-radius: 5px; padding: 0.25rem 0.55rem; cursor: pointer; }
  button.primary { background: var(--cr-accent); border-color: var(--cr-accent); color: #fff; }
  button.danger { color: var(--cr-neg); border-color: currentColor; }
  button.link { all: unset; cursor: pointer; color: var(--cr-link); text-decoration: underline; text-underline-offset: 2px; }
  button:disabled { opacity: 0.55; cursor: default; }
  button:focus-visible, input:focus-visible, textarea:focus-visible, select:focus-visible, a:focus-visible, [tabindex]:focus-visible {
    outline: 2px solid var(--cr-focus); outline-offset: 1px; border-radius: 3px;
  }
  a { color: var(--cr-link); }
  label { font-size: 0.78rem; color: var(--cr-ink-soft); display: grid; gap: 0.2rem; }
  label.check { display: flex; gap: 0.4rem; align-items: center; color: var(--cr-ink); }
  textarea, input, select { font: 0.88rem var(--cr-sans); padding: 0.35rem 0.45rem; border: 1px solid var(--cr-rule); border-radius: 5px; background: var(--cr-bg); color: var(--cr-ink); }
  textarea { min-height: 4rem; resize: vertical; }
  /* A long option (a tag, an event's name) must not push a select out of its panel. */
  select { max-width: 100%; min-width: 0; text-overflow: ellipsis; }
  form { display: grid; gap: 0.5rem; }
  fieldset { border: 1px solid var(--cr-rule); border-radius: 6px; padding: 0.4rem 0.7rem 0.6rem; margin: 0; }
  legend { font-size: 0.78rem; color: var(--cr-ink-soft); padding: 0 0.3rem; }
  .row { display: flex; gap: 0.5rem; flex-wrap: wrap; align-items: end; }
  .actions { display: flex; gap: 0.4rem; flex-wrap: wrap; align-items: center; }
  .chip { display: inline-flex; align-items: center; gap: 0.2rem; background: var(--cr-panel); color: var(--cr-ink-soft); border-radius: 999px; padding: 0.05rem 0.5rem; font-size: 0.75rem; }
  .chip button { all: unset; cursor: pointer; padding: 0 0.15rem; border-radius: 50%; line-height: 1; }
  .error { color: var(--cr-neg); font-size: 0.82rem; margin: 0; }
  .hint { color: var(--cr-ink-faint); font-size: 0.8rem; margin: 0; }
  .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
  dialog { border: 1px solid var(--cr-rule); border-radius: 8px; background: var(--cr-card); color: var(--cr-ink); box-shadow: var(--cr-shadow); padding: 1rem 1.2rem; width: min(34rem, 92vw); }
  dialog::backdrop { background: rgb(0 0 0 / 0.35); }
  dialog h2 { font-size: 1.05rem; margin: 0 0 0.6rem; }
  dialog .actions { justify-content: flex-end; margin-top: 0.4rem; }
`;
