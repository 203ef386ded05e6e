import { useEffect, useState } from 'react';

/** The screens of the app, addressed by the URL hash so a reload comes back to the same place. */
export type Route =
  | { view: 'library' }
  | { view: 'law'; versionId: string }
  | { view: 'draft'; packageId: string; versionId: string }
  | { view: 'package'; packageId: string }
  | { view: 'gaps' };

/** Reads a route from a hash such as `#/draft/<package>/<version>`; anything else is the library. */
export function parseRoute(hash: string): Route {
  const [view, a, b] = hash.replace(/^#\/?/, '').split('/');
  if (view === 'law' && a) return { view: 'law', versionId: a };
  if (view === 'draft' && a && b) return { view: 'draft', packageId: a, versionId: b };
  if (view === 'package' && a) return { view: 'package', packageId: a };
  if (view === 'gaps') return { view: 'gaps' };
  return { view: 'library' };
}

/** The hash of a route. */
export function routeHash(route: Route): string {
  switch (route.view) {
    case 'library':
      return '#/';
    case 'law':
      return `#/law/${route.versionId}`;
    case 'draft':
      return `#/draft/${route.packageId}/${route.versionId}`;
    case 'package':
      return `#/package/${route.packageId}`;
    case 'gaps':
      return '#/gaps';
  }
}

/** Goes to a route (a history entry, so Back works). */
export function navigate(route: Route): void {
  window.location.hash = routeHash(route);
}

/** The current route, following hash changes. */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
