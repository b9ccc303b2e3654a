// At a phone's width (420 px, or half a seminar room's screen) every route fits the window: no
// sideways scroll, every nav link and the search box on screen.
import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { deep, makeStore, openApp, openReader, until } from '../helpers.ts';

beforeEach(async () => {
  document.body.style.margin = '0';
  await setViewport({ width: 420, height: 860 });
});
afterEach(() => {
  document.querySelector('cr-app')?.remove();
  location.hash = '';
});

/** Whether `el`'s box lies wholly in the window. */
function inWindow(el: Element): boolean {
  const r = el.getBoundingClientRect();
  return r.width > 0 && r.left >= 0 && r.top >= 0 && r.right <= innerWidth && r.bottom <= innerHeight;
}

describe('at 420 px wide', () => {
  for (const [hash, element] of [
    ['#/', 'cr-library'],
    ['#/claims', 'cr-claims-view'],
    ['#/map', 'cr-map-view'],
    ['#/compare/duvanova-junisbai-2022/anisin-2026', 'cr-compare-view'],
    ['#/events', 'cr-events-view'],
    ['#/overview', 'cr-overview'],
    ['#/settings', 'cr-settings'],
  ] as const) {
    it(`${hash} is no wider than the window, with every nav link and the search box on screen`, async () => {
      const app = await openApp(hash, await makeStore());
      await until(() => deep(app, element), element, 10000);
      await new Promise((r) => requestAnimationFrame(r));
      expect(document.documentElement.scrollWidth).to.be.at.most(innerWidth);
      const bar = app.shadowRoot!;
      const links = [...bar.querySelectorAll('nav a')];
      expect(links).to.have.length(7);
      expect(links.filter((a) => !inWindow(a)).map((a) => a.textContent)).to.deep.equal([]);
      expect(inWindow(bar.querySelector('cr-search')!)).to.equal(true);
    });
  }

  it('#/read is no wider than the window, long URLs in its references included', async () => {
    const { app } = await openReader('anisin-2026', await makeStore());
    expect(document.documentElement.scrollWidth).to.be.at.most(innerWidth);
    const links = [...app.shadowRoot!.querySelectorAll('nav a')];
    expect(links.filter((a) => !inWindow(a)).map((a) => a.textContent)).to.deep.equal([]);
  });
});
