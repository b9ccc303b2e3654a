import { css } from 'lit';

/** Styles of the annotation panel: its list, cards and forms. */
export const panelStyles = css`
    :host { display: block; font: 0.9rem/1.45 var(--cr-sans); color: var(--cr-ink); }
    h2 { font-size: 0.72rem; text-transform: uppercase; letter-spacing: 0.08em; color: var(--cr-ink-faint); margin: 0 0 0.6rem; display: flex; justify-content: space-between; }
    ol { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.6rem; }
    .card { background: var(--cr-card); border: 1px solid var(--cr-rule); border-left: 4px solid var(--slot); border-radius: 6px; padding: 0.6rem 0.7rem; cursor: pointer; }
    cr-layer-legend { margin: 0 0 0.6rem; }
    .card.other { border-bottom: 3px solid var(--layer); }
    .card[aria-current='true'] { border-color: var(--cr-accent); box-shadow: 0 0 0 1px var(--cr-accent); border-left-color: var(--slot); }
    button.quote {
      all: unset; box-sizing: border-box; display: -webkit-box; -webkit-line-clamp: 3; -webkit-box-orient: vertical; overflow: hidden;
      width: 100%; margin: 0 0 0.35rem; font: italic 0.86rem/1.45 var(--cr-serif); color: var(--cr-ink-soft); cursor: pointer; border-radius: 3px;
    }
    button.quote:focus-visible, button:focus-visible, input:focus-visible, textarea:focus-visible, select:focus-visible { outline: 2px solid var(--cr-focus); outline-offset: 1px; }
    blockquote { margin: 0 0 0.35rem; font: italic 0.86rem/1.45 var(--cr-serif); color: var(--cr-ink-soft); display: -webkit-box; -webkit-line-clamp: 3; -webkit-box-orient: vertical; overflow: hidden; }
    .meta { display: flex; gap: 0.5rem; flex-wrap: wrap; color: var(--cr-ink-faint); font-size: 0.75rem; margin-top: 0.35rem; align-items: center; }
    .tag { background: var(--cr-panel); color: var(--cr-ink-soft); border-radius: 999px; padding: 0.05rem 0.5rem; font-size: 0.75rem; }
    .actions { display: flex; gap: 0.4rem; margin-top: 0.45rem; }
    button { font: 600 0.78rem var(--cr-sans); border: 1px solid var(--cr-rule); background: var(--cr-card); color: var(--cr-ink); border-radius: 5px; padding: 0.25rem 0.55rem; cursor: pointer; }
    button.primary { background: var(--cr-accent); border-color: var(--cr-accent); color: #fff; }
    form { display: grid; gap: 0.45rem; }
    label { font-size: 0.75rem; color: var(--cr-ink-soft); display: grid; gap: 0.2rem; }
    textarea, input, select { font: 0.88rem var(--cr-sans); padding: 0.35rem 0.45rem; border: 1px solid var(--cr-rule); border-radius: 5px; background: var(--cr-bg); color: var(--cr-ink); }
    textarea { min-height: 4.5rem; resize: vertical; }
    select { max-width: 100%; min-width: 0; text-overflow: ellipsis; }
    .empty, .hint { color: var(--cr-ink-faint); font-size: 0.85rem; }
    .orphans { margin-top: 1.4rem; }
    .orphans .card { border-left-color: var(--cr-ink-faint); border-style: dashed; cursor: default; }
    .who { display: flex; gap: 0.4rem; align-items: center; margin-bottom: 0.8rem; font-size: 0.8rem; color: var(--cr-ink-soft); flex-wrap: wrap; }
    .filter { margin-bottom: 0.7rem; display: flex; gap: 0.8rem; align-items: center; font-size: 0.8rem; flex-wrap: wrap; }
    .filter label { display: flex; gap: 0.3rem; align-items: center; min-width: 0; max-width: 100%; }
    fieldset.events { border: 1px solid var(--cr-rule); border-radius: 5px; padding: 0.3rem 0.5rem; margin: 0; display: grid; gap: 0.15rem; }
    fieldset.events legend { font-size: 0.75rem; color: var(--cr-ink-soft); }
    label.check { display: flex; gap: 0.4rem; align-items: center; font-size: 0.82rem; color: var(--cr-ink); }
    .cites { list-style: none; padding: 0; margin: 0.4rem 0 0; display: grid; gap: 0.25rem; }
    .cites a { color: var(--cr-ink); text-decoration: none; font-size: 0.8rem; display: flex; gap: 0.4rem; align-items: baseline; }
    .cites a:hover { text-decoration: underline; }
    .cites a:focus-visible { outline: 2px solid var(--cr-focus); outline-offset: 1px; }
    /* Where the reader puts the panel below the text (reader-styles, same width), a draft's form
       there was a page's scroll away from its passage: it opens over the window's foot instead. */
    @media (max-width: 860px) {
      .draft {
        position: fixed; left: 0; right: 0; bottom: 0; z-index: 35; max-height: 60dvh; overflow: auto;
        padding: 0.8rem 1rem; background: var(--cr-bg); border-top: 1px solid var(--cr-rule); box-shadow: var(--cr-shadow);
      }
    }
  `;
