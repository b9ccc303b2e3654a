import { css } from 'lit';

/** The app shell's look: the bar, the notices above the view, the storage footer and the toast. */
export const appStyles = css`
  :host { display: block; min-height: 100vh; }
  .bar {
    position: sticky; top: 0; z-index: 10; display: flex; align-items: center; gap: 1.5rem;
    height: 3.25rem; padding: 0 1.5rem; background: var(--cr-bar); backdrop-filter: blur(8px);
    border-bottom: 1px solid var(--cr-rule); font: 0.92rem var(--cr-sans);
  }
  .brand { font-weight: 750; letter-spacing: -0.01em; color: var(--cr-ink); text-decoration: none; font-size: 1.05rem; }
  .brand span { color: var(--cr-accent); }
  nav { display: flex; gap: 1rem; }
  nav a { color: var(--cr-ink-soft); text-decoration: none; padding: 0.3rem 0.2rem; }
  nav a[aria-current='page'] { color: var(--cr-ink); font-weight: 600; }
  a:focus-visible { outline: 2px solid var(--cr-focus); outline-offset: 2px; border-radius: 3px; }
  .skip { position: absolute; left: -999px; font: 600 0.9rem var(--cr-sans); border: 1px solid var(--cr-rule); border-radius: 6px; color: var(--cr-ink); }
  .skip:focus { left: 1rem; top: 0.6rem; z-index: 20; background: var(--cr-card); padding: 0.4rem 0.8rem; }
  .status { max-width: 40rem; margin: 4rem auto; padding: 0 1.5rem; font: 1rem/1.6 var(--cr-sans); color: var(--cr-ink-soft); }
  .status h1 { font-size: 1.4rem; color: var(--cr-ink); }
  .toast button { margin-left: 0.8rem; font: 700 0.85rem var(--cr-sans); color: inherit; background: transparent; border: 1px solid currentColor; border-radius: 4px; padding: 0.15rem 0.5rem; cursor: pointer; }
  .storage { max-width: 72rem; margin: 3rem auto 1.5rem; padding: 0.75rem 1.5rem 0; border-top: 1px solid var(--cr-rule); font: 0.8rem/1.5 var(--cr-sans); color: var(--cr-ink-soft); }
  .notice { background: var(--cr-panel); color: var(--cr-ink); padding: 0.5rem 1.5rem; font: 0.88rem var(--cr-sans); border-bottom: 1px solid var(--cr-rule); }
  .notice a, .storage a { color: var(--cr-link); margin-left: 0.3rem; }
  .warning { background: #fef3c7; color: #78350f; padding: 0.5rem 1.5rem; font: 0.88rem var(--cr-sans); border-bottom: 1px solid #fcd34d; }
  .toasts {
    position: fixed; bottom: 1.5rem; left: 50%; transform: translateX(-50%); z-index: 30;
    display: flex; flex-direction: column-reverse; align-items: center; gap: 0.5rem; width: max-content; max-width: min(36rem, 90vw);
  }
  .toast {
    background: var(--cr-ink); color: var(--cr-bg); padding: 0.6rem 1rem; border-radius: 6px;
    font: 0.88rem var(--cr-sans); box-shadow: var(--cr-shadow);
  }
  /* Too narrow for one row (a phone, half a projector screen): brand and search on the first,
     the nav wrapping below, so every link stays on screen. The bar scrolls away with the page,
     or its three rows would hold a sixth of a phone's height. */
  @media (max-width: 52rem) {
    .bar { position: static; flex-wrap: wrap; height: auto; padding: 0.4rem 1rem; gap: 0.2rem 1rem; }
    nav { order: 1; flex-basis: 100%; flex-wrap: wrap; gap: 0 0.9rem; }
  }
  @media print { .bar, .storage, .notice, .warning, .toasts { display: none; } }
`;
