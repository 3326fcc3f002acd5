// The embed route's parameters (embed.html?...): the share-link format of the site (src/app/url/link.ts:
// `v, lesson, program, step, target, leftover, code, lang`) plus what only an embed has: theme, panes,
// read-only, an id for its events, and the origins whose messages it answers. Never throws.
import { decodeLink, type LinkProblem, type LinkState } from '../app/url/link';
import type { EmbedTheme } from './protocol';

export type Pane = 'code' | 'diagram' | 'narration' | 'controls';
export const PANES: readonly Pane[] = ['code', 'diagram', 'narration', 'controls'];
const THEMES: readonly EmbedTheme[] = ['system', 'light', 'dark', 'contrast'];
/** At most this many allowed origins are read from `origins`. */
export const MAX_ORIGINS = 16;

export interface EmbedParams {
  link: LinkState;
  theme: EmbedTheme;
  panes: readonly Pane[];
  readOnly: boolean;
  /** Echoed in every event, so a page with several embeds can tell them apart ('' when absent). */
  id: string;
  /** Origins whose messages are answered, and the only ones events are posted to. */
  origins: readonly string[];
  /** True when `origins` was given: then only those origins (possibly none) are answered. */
  restricted: boolean;
  problems: (LinkProblem | { kind: 'bad-embed-value'; param: string })[];
}

/** An origin as `URL.origin` writes it (`https://docs.example.org`), or null. */
export function normalOrigin(text: string): string | null {
  try {
    const url = new URL(text);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    if (url.origin === 'null' || `${url.origin}` !== text.replace(/\/$/, '')) return null;
    return url.origin;
  } catch {
    return null;
  }
}

export function parseEmbedParams(search: string): EmbedParams {
  const decoded = decodeLink(search);
  const problems: EmbedParams['problems'] = [...decoded.problems];
  // decodeLink has refused over-long queries already; the embed's own parameters are short.
  const params = new URLSearchParams(search.length > 8_000 ? '' : search);

  let theme: EmbedTheme = 'system';
  const themeParam = params.get('theme');
  if (themeParam !== null) {
    if ((THEMES as readonly string[]).includes(themeParam)) theme = themeParam as EmbedTheme;
    else problems.push({ kind: 'bad-embed-value', param: 'theme' });
  }

  let panes: readonly Pane[] = PANES;
  const panesParam = params.get('panes');
  if (panesParam !== null) {
    const names = panesParam.split(',').filter((n) => n !== '');
    const known = PANES.filter((p) => names.includes(p));
    if (known.length === 0 || known.length !== new Set(names).size)
      problems.push({ kind: 'bad-embed-value', param: 'panes' });
    if (known.length > 0) panes = known;
  }

  const readOnlyParam = params.get('readonly');
  const readOnly = readOnlyParam === '1' || readOnlyParam === 'true' || readOnlyParam === '';
  if (readOnlyParam !== null && !['1', 'true', '', '0', 'false'].includes(readOnlyParam))
    problems.push({ kind: 'bad-embed-value', param: 'readonly' });

  const idParam = params.get('id') ?? '';
  const id = /^[A-Za-z0-9_-]{0,64}$/.test(idParam) ? idParam : '';
  if (id !== idParam) problems.push({ kind: 'bad-embed-value', param: 'id' });

  const origins: string[] = [];
  const originsParam = params.get('origins');
  if (originsParam !== null) {
    for (const text of originsParam.split(/[\s,]+/).filter((s) => s !== '')) {
      const origin = normalOrigin(text);
      if (origin && origins.length < MAX_ORIGINS) {
        if (!origins.includes(origin)) origins.push(origin);
      } else problems.push({ kind: 'bad-embed-value', param: 'origins' });
    }
  }
  // Asked to restrict but nothing usable: answer nobody rather than everybody.
  const restricted = originsParam !== null;

  return { link: decoded.state, theme, panes, readOnly, id, origins, restricted, problems };
}

/** The embed URL for a view (the inverse, for the Share / Embed dialog). */
export function embedSearch(
  linkSearch: string,
  options: {
    theme?: EmbedTheme;
    panes?: readonly Pane[];
    readOnly?: boolean;
    id?: string;
    origins?: string[];
  },
): string {
  const params = new URLSearchParams(linkSearch);
  if (options.theme && options.theme !== 'system') params.set('theme', options.theme);
  if (options.panes && options.panes.length < PANES.length) params.set('panes', options.panes.join(','));
  if (options.readOnly) params.set('readonly', '1');
  if (options.id) params.set('id', options.id);
  if (options.origins && options.origins.length > 0) params.set('origins', options.origins.join(','));
  return `?${params.toString()}`;
}
