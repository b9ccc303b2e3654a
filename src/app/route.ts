/** Where the app is, as read from and written to `location.hash`. */
export type Route =
  | { view: 'library' }
  | { view: 'read'; id: string; p?: number }
  | { view: 'not-found'; path: string };

/** Parse `#/`, `#/read/<id>`, `#/read/<id>/p/<n>`; anything else is 'not-found'. */
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '') || '/';
  if (path === '/' || path === '') return { view: 'library' };
  const m = /^\/read\/([a-z0-9][a-z0-9-]*)(?:\/p\/(\d+))?\/?$/.exec(path);
  if (!m) return { view: 'not-found', path };
  const route: Route = { view: 'read', id: m[1]! };
  if (m[2] !== undefined) {
    const p = Number(m[2]);
    if (p < 1) return { view: 'not-found', path };
    route.p = p;
  }
  return route;
}

/** The hash for a route; parseRoute(routeHash(r)) deep-equals r. */
export function routeHash(route: Route): string {
  switch (route.view) {
    case 'library':
      return '#/';
    case 'read':
      return `#/read/${route.id}${route.p ? `/p/${route.p}` : ''}`;
    case 'not-found':
      return `#${route.path}`;
  }
}
