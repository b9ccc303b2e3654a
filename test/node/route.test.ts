import { describe, it, expect } from 'vitest';
import * as route from '../../src/app/route.ts';
import { defaultCompareRoute, parseRoute, routeHash, type Route } from '../../src/app/route.ts';

describe('routes', () => {
  it('exports its public API', () => {
    expect(Object.keys(route).sort()).toEqual(['defaultCompareRoute', 'parseRoute', 'routeHash']);
  });

  it('parses the library, reader and paragraph routes', () => {
    expect(parseRoute('')).toEqual({ view: 'library' });
    expect(parseRoute('#/')).toEqual({ view: 'library' });
    expect(parseRoute('#/read/anisin-2026')).toEqual({ view: 'read', id: 'anisin-2026' });
    expect(parseRoute('#/read/anisin-2026/p/12')).toEqual({ view: 'read', id: 'anisin-2026', p: 12 });
    expect(parseRoute('#/read/anisin-2026/p/12?heat')).toEqual({ view: 'read', id: 'anisin-2026', p: 12, heat: true });
    expect(parseRoute('#/overview')).toEqual({ view: 'overview' });
    // A search's matched words, to mark in that ¶.
    expect(parseRoute('#/read/anisin-2026/p/12/mark/tokayev%20samat')).toEqual({ view: 'read', id: 'anisin-2026', p: 12, mark: 'tokayev samat' });
  });

  it('parses the argument map route, with or without a trailing slash', () => {
    expect(parseRoute('#/map')).toEqual({ view: 'map' });
    expect(parseRoute('#/map/')).toEqual({ view: 'map' });
    expect(routeHash({ view: 'map' })).toBe('#/map');
  });

  it('rejects anything else as not found', () => {
    for (const h of ['#/read/', '#/read/Bad_Id', '#/read/a/p/0', '#/read/a/p/x', '#/elsewhere', '#/read/a/b', '#/compare/a', '#/claims/nope', '#/settings/x', '#/events/nope', '#/events/tag/', '#/events/tag/%E0%A4%A', '#/events/tag/a/b', '#/claims/tag/%E0%A4%A', '#/map/x', '#/maps', '#/share/', '#/share/a+b', '#/read/a/mark/x', '#/read/a/p/3/mark/%E0%A4%A', '#/read/a/p/3/mark/', '#/overview/x', '#/read/a?hot', '#/read/a?heat/p/2']) {
      expect(parseRoute(h).view, h).toBe('not-found');
    }
  });

  it('round-trips every route through its hash', () => {
    const routes: Route[] = [
      { view: 'library' }, { view: 'read', id: 'x-1' }, { view: 'read', id: 'x-1', p: 7 }, { view: 'read', id: 'x-1', p: 7, mark: 'tokayev 100% a/b' }, { view: 'claims' },
      { view: 'claims', claim: 'urn:uuid:0b5e2c1a-6f1d-4a53-9d61-3a8a1f0e2b7c' }, { view: 'compare', left: 'a', right: 'b-2' },
      { view: 'settings' }, { view: 'events' }, { view: 'events', event: 'urn:uuid:0b5e2c1a-6f1d-4a53-9d61-3a8a1f0e2b7c' },
      { view: 'events', tag: 'kz' }, { view: 'events', tag: 'civil unrest/Almaty #1 100%' },
      { view: 'claims', tag: 'security forces/police & “CSTO”' },
      { view: 'map' }, { view: 'share', code: 'aB3_-x' },
      { view: 'compare', left: 'a', right: 'b-2', lp: 4, rp: 50 },
      { view: 'overview' }, { view: 'read', id: 'x-1', heat: true }, { view: 'read', id: 'x-1', p: 7, heat: true },
    ];
    for (const r of routes) expect(parseRoute(routeHash(r))).toEqual(r);
  });

  it('parses compare by event and by tag, tags URI-encoded', () => {
    expect(parseRoute('#/events')).toEqual({ view: 'events' });
    expect(parseRoute('#/events/urn:uuid:0b5e2c1a-6f1d-4a53-9d61-3a8a1f0e2b7c')).toEqual({ view: 'events', event: 'urn:uuid:0b5e2c1a-6f1d-4a53-9d61-3a8a1f0e2b7c' });
    expect(parseRoute('#/events/tag/civil%20unrest')).toEqual({ view: 'events', tag: 'civil unrest' });
    expect(routeHash({ view: 'events', tag: 'a/b c' })).toBe('#/events/tag/a%2Fb%20c');
  });

  it('opens two ¶s side by side: #/compare/<left>/<right>/p/<left ¶>/<right ¶>', () => {
    expect(parseRoute('#/compare/duvanova-junisbai-2022/anisin-2026/p/10/50')).toEqual({ view: 'compare', left: 'duvanova-junisbai-2022', right: 'anisin-2026', lp: 10, rp: 50 });
    expect(parseRoute('#/compare/a/b/p/0/5').view).toBe('not-found');
    expect(parseRoute('#/compare/a/b/p/3').view).toBe('not-found');
  });

  it('compares the first two sources of the library by default, whatever their ids', () => {
    expect(defaultCompareRoute(['anisin-2026', 'duvanova-junisbai-2022', 'kurmashev-et-al-2018'])).toEqual({ view: 'compare', left: 'anisin-2026', right: 'duvanova-junisbai-2022' });
    expect(defaultCompareRoute(['x', 'y'])).toEqual({ view: 'compare', left: 'x', right: 'y' });
    expect(defaultCompareRoute(['only'])).toEqual({ view: 'compare', left: 'only', right: 'only' });
    expect(defaultCompareRoute([])).toEqual({ view: 'library' });
  });
});
