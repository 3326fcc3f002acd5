// The site's routes: the course index, a lesson, or a course page, named in the URL's query string
// (src/app/url/link.ts), so any static host serves them from one index.html.
import { encodeLink, type LinkState } from '../url/link';

export type Route = { kind: 'index' } | { kind: 'lesson'; id: string } | { kind: 'page'; id: string };

/** The route a link names. */
export function routeOf(state: LinkState): Route {
  if (state.lesson) return { kind: 'lesson', id: state.lesson };
  if (state.page) return { kind: 'page', id: state.page };
  return { kind: 'index' };
}

/** The link state of a route alone. */
export function linkOfRoute(route: Route): LinkState {
  if (route.kind === 'lesson') return { lesson: route.id };
  if (route.kind === 'page') return { page: route.id };
  return {};
}

/** The href of a route (a query string on the page's own path), optionally with a heading. */
export function hrefOf(route: Route, hash?: string): string {
  const query = route.kind === 'index' ? '' : encodeLink(linkOfRoute(route));
  return `${query || '?'}${hash ? `#${hash}` : ''}`;
}

/** Parses a course link written in a lesson: `lesson:04-abi#slug`, `page:glossary`. Null for others. */
export function parseCourseHref(href: string): { route: Route; hash?: string } | null {
  const match = /^(lesson|page):([a-z0-9][a-z0-9-]*)(?:#(.+))?$/.exec(href);
  if (!match) return null;
  const [, kind, id, hash] = match;
  const route: Route =
    kind === 'lesson' ? { kind: 'lesson', id: id as string } : { kind: 'page', id: id as string };
  return hash ? { route, hash } : { route };
}

/** A heading's id from its text (letters and digits of any script, joined by hyphens). */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .trim()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}
