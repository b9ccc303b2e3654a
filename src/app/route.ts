/** Where the app is, as read from and written to `location.hash`. */
export type Route =
  | { view: 'library' }
  | { view: 'read'; id: string; p?: number; /** words to mark in ¶p (a search's matches), space-separated */ mark?: string; /** shade ¶s by how many students marked them (`?heat`) */ heat?: true }
  | { view: 'claims'; claim?: string; tag?: string }
  | { view: 'compare'; left: string; right: string; /** ¶s to show side by side (both or neither) */ lp?: number; rp?: number }
  | { view: 'events'; event?: string; tag?: string }
  | { view: 'settings' }
  | { view: 'map' }
  | { view: 'share'; code: string }
  | { view: 'overview' }
  | { view: 'not-found'; path: string };

const ID = '[a-z0-9][a-z0-9-]*';

/** Parse `#/`, `#/read/<id>`, `#/read/<id>/p/<n>`, `#/read/<id>/p/<n>/mark/<words>` (URI-encoded), `#/claims`, `#/claims/<claim id>`, `#/claims/tag/<tag>`,
 * `#/compare/<left id>/<right id>`, `#/compare/<left>/<right>/p/<left ¶>/<right ¶>`, `#/events`,
 * `#/events/<event id>`, `#/events/tag/<tag>` (tags URI-encoded), `#/map`, `#/settings`, `#/share/<code>`
 * (a claim map in the link), `#/overview` (the class overview), `?heat` after a reader route;
 * anything else is 'not-found'. */
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '') || '/';
  if (path === '/' || path === '') return { view: 'library' };
  if (path === '/claims' || path === '/claims/') return { view: 'claims' };
  if (path === '/settings' || path === '/settings/') return { view: 'settings' };
  if (path === '/map' || path === '/map/') return { view: 'map' };
  if (path === '/overview' || path === '/overview/') return { view: 'overview' };
  const share = /^\/share\/([A-Za-z0-9_-]+)$/.exec(path);
  if (share) return { view: 'share', code: share[1]! };
  const claim = /^\/claims\/(urn:uuid:[0-9a-f-]{36})$/.exec(path);
  if (claim) return { view: 'claims', claim: claim[1]! };
  const events = parseEvents(path);
  if (events) return events;
  const tag = /^\/claims\/tag\/([^/]+)$/.exec(path);
  if (tag) {
    try {
      return { view: 'claims', tag: decodeURIComponent(tag[1]!) };
    } catch {
      return { view: 'not-found', path }; // a broken %-escape
    }
  }
  const cmp = new RegExp(`^/compare/(${ID})/(${ID})(?:/p/([1-9]\\d*)/([1-9]\\d*))?/?$`).exec(path);
  if (cmp) {
    const route: Route = { view: 'compare', left: cmp[1]!, right: cmp[2]! };
    if (cmp[3] !== undefined) [route.lp, route.rp] = [Number(cmp[3]), Number(cmp[4])];
    return route;
  }
  const m = /^\/read\/([a-z0-9][a-z0-9-]*)(?:\/p\/(\d+)(?:\/mark\/([^/?]+))?)?\/?(\?heat)?$/.exec(path);
  if (!m) return { view: 'not-found', path };
  const route: Route = { view: 'read', id: m[1]!, ...(m[4] ? { heat: true as const } : {}) };
  if (m[2] !== undefined) {
    const p = Number(m[2]);
    if (p < 1) return { view: 'not-found', path };
    route.p = p;
  }
  if (m[3] !== undefined) {
    try {
      route.mark = decodeURIComponent(m[3]);
    } catch {
      return { view: 'not-found', path }; // a broken %-escape
    }
  }
  return route;
}

/** The hash for a route; parseRoute(routeHash(r)) deep-equals r. */
export function routeHash(route: Route): string {
  switch (route.view) {
    case 'library':
      return '#/';
    case 'read':
      return `#/read/${route.id}${route.p ? `/p/${route.p}${route.mark ? `/mark/${encodeURIComponent(route.mark)}` : ''}` : ''}${route.heat ? '?heat' : ''}`;
    case 'claims':
      if (route.tag) return `#/claims/tag/${encodeURIComponent(route.tag)}`;
      return route.claim ? `#/claims/${route.claim}` : '#/claims';
    case 'compare':
      return `#/compare/${route.left}/${route.right}${route.lp && route.rp ? `/p/${route.lp}/${route.rp}` : ''}`;
    case 'events':
      return route.event ? `#/events/${route.event}` : route.tag !== undefined ? `#/events/tag/${encodeURIComponent(route.tag)}` : '#/events';
    case 'settings':
      return '#/settings';
    case 'map':
      return '#/map';
    case 'share':
      return `#/share/${route.code}`;
    case 'overview':
      return '#/overview';
    case 'not-found':
      return `#${route.path}`;
  }
}

// Compare by event (or by tag): the picker alone, one event, or one tag.
function parseEvents(path: string): Route | undefined {
  if (path === '/events' || path === '/events/') return { view: 'events' };
  const event = /^\/events\/(urn:uuid:[0-9a-f-]{36})$/.exec(path);
  if (event) return { view: 'events', event: event[1]! };
  const tag = /^\/events\/tag\/([^/]+)$/.exec(path);
  if (!tag) return undefined;
  try {
    return { view: 'events', tag: decodeURIComponent(tag[1]!) };
  } catch {
    return undefined; // a malformed %-escape: not a route
  }
}

/**
 * Where the Compare link goes before the reader has picked sources: the first two sources of
 * the library, in the corpus index's order (the one list of sources; no id is named in code).
 * One source is compared with itself; none leaves the reader in the library.
 */
export function defaultCompareRoute(ids: readonly string[]): Route {
  const [left, right = left] = ids;
  return left !== undefined && right !== undefined ? { view: 'compare', left, right } : { view: 'library' };
}
