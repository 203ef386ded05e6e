import { useEffect, useState } from 'react';

/** The screens of the app, addressed by the URL hash so a reload comes back to the same place. */
export type Route =
  | { view: 'library' }
  | { view: 'law'; versionId: string; find?: Find }
  | { view: 'draft'; packageId: string; versionId: string; find?: Find }
  | { view: 'parallel'; packageId: string; ru: string; kk: string }
  | { view: 'parallel-law'; ru: string; kk: string }
  | { view: 'package'; packageId: string }
  /** A package's audit trail; `uid`: opened from a provision, its entries only. */
  | { view: 'audit'; packageId: string; uid?: string }
  | { view: 'gaps' }
  | { view: 'help' }
  | { view: 'search'; query: string };

/** A unit to bring into view on opening a text, and the search that found it (its words are marked). */
export interface Find {
  uid: string;
  query: string;
}

const decode = (s: string | undefined) => {
  try {
    return s === undefined ? '' : decodeURIComponent(s);
  } catch {
    return '';
  }
};
const findOf = (uid: string | undefined, query: string | undefined): { find?: Find } => (uid ? { find: { uid: decode(uid), query: decode(query) } } : {});
const findHash = (find: Find | undefined) => (find ? `/${encodeURIComponent(find.uid)}/${encodeURIComponent(find.query)}` : '');

/** Reads a route from a hash such as `#/draft/<package>/<version>`; anything else is the library. */
export function parseRoute(hash: string): Route {
  const [view, a, b, c, d] = hash.replace(/^#\/?/, '').split('/');
  if (view === 'law' && a) return { view: 'law', versionId: a, ...findOf(b, c) };
  if (view === 'draft' && a && b) return { view: 'draft', packageId: a, versionId: b, ...findOf(c, d) };
  if (view === 'parallel' && a && b && c) return { view: 'parallel', packageId: a, ru: b, kk: c };
  if (view === 'parallel-law' && a && b) return { view: 'parallel-law', ru: a, kk: b };
  if (view === 'search') return { view: 'search', query: decode(a) };
  if (view === 'package' && a) return { view: 'package', packageId: a };
  if (view === 'audit' && a) return { view: 'audit', packageId: a, ...(decode(b) ? { uid: decode(b) } : {}) };
  if (view === 'gaps') return { view: 'gaps' };
  if (view === 'help') return { view: 'help' };
  return { view: 'library' };
}

/** The hash of a route. */
export function routeHash(route: Route): string {
  switch (route.view) {
    case 'library':
      return '#/';
    case 'law':
      return `#/law/${route.versionId}${findHash(route.find)}`;
    case 'draft':
      return `#/draft/${route.packageId}/${route.versionId}${findHash(route.find)}`;
    case 'parallel':
      return `#/parallel/${route.packageId}/${route.ru}/${route.kk}`;
    case 'parallel-law':
      return `#/parallel-law/${route.ru}/${route.kk}`;
    case 'search':
      return `#/search/${encodeURIComponent(route.query)}`;
    case 'package':
      return `#/package/${route.packageId}`;
    case 'audit':
      return `#/audit/${route.packageId}${route.uid ? `/${encodeURIComponent(route.uid)}` : ''}`;
    case 'gaps':
      return '#/gaps';
    case 'help':
      return '#/help';
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
