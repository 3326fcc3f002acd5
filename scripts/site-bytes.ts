// What the site's first paint costs, and whether the embed and presenter pages change it (issue 8): the
// build makes them in a second pass (vite.config.ts, otherPages), so the site's files should be byte for
// byte those of a build with index.html as its only entry. Used by e2e/first-paint.spec.ts and
// `npm run bench:ui`.
import { readdirSync, readFileSync } from 'node:fs';
import { join, posix, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type Plugin } from 'vite';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** One file of a built site by its path from the site's root (`assets/main-x.js`); undefined if absent. */
export type SiteReader = (path: string) => Promise<Buffer | undefined>;

/** Reads a built site from its output folder. */
export function readFromDir(dir: string): SiteReader {
  return async (path) => {
    try {
      return readFileSync(join(dir, path));
    } catch {
      return undefined;
    }
  };
}

/** Reads a served site over HTTP; `siteUrl` is its root (with the base path, ending in a slash). */
export function readFromUrl(siteUrl: string): SiteReader {
  return async (path) => {
    const response = await fetch(new URL(path, siteUrl));
    return response.ok ? Buffer.from(await response.arrayBuffer()) : undefined;
  };
}

/**
 * Builds the site into `outDir` with the project's vite.config.ts under `base`, as `npm run build` does.
 * `siteOnly`: as if it had no other page: index.html as the only entry and the embed/presenter pass
 * turned off. `plugins` are added to the site's pass and `env` to the environment while it builds (the
 * tests use them to make one build differ from another).
 */
export async function buildSite(
  outDir: string,
  base: string,
  options: { siteOnly?: boolean; plugins?: Plugin[]; env?: Record<string, string> } = {},
): Promise<void> {
  const siteOnly: Plugin = {
    name: 'codon-lab:site-only',
    config(config) {
      const rolldownOptions = config.build?.rolldownOptions;
      if (!rolldownOptions) throw new Error('vite.config.ts has no build.rolldownOptions');
      rolldownOptions.input = { main: join(ROOT, 'index.html') };
    },
    configResolved(config) {
      const otherPages = config.plugins.find((p) => p.name === 'codon-lab:other-pages');
      if (!otherPages) throw new Error('vite.config.ts no longer has the codon-lab:other-pages plugin');
      (otherPages.api as { enabled: boolean }).enabled = false;
    },
  };
  // A Vite dev server earlier in the same process (a test worker) leaves NODE_ENV=development behind,
  // which would make this a development build (React's, Workbox's): set it as `vite build` would.
  const env = { NODE_ENV: 'production', ...options.env };
  const before = Object.fromEntries(Object.keys(env).map((name) => [name, process.env[name]]));
  Object.assign(process.env, env);
  try {
    await build({
      configFile: join(ROOT, 'vite.config.ts'),
      root: ROOT,
      base,
      mode: 'production',
      logLevel: 'warn',
      plugins: [...(options.siteOnly ? [siteOnly] : []), ...(options.plugins ?? [])],
      build: { outDir, emptyOutDir: true },
    });
  } finally {
    for (const [name, value] of Object.entries(before)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

/** Every file under `dir`, as paths from it with forward slashes. */
export function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .sort();
}

/** `<script src>`, `<link rel="modulepreload">` and `<link rel="stylesheet">` of a page, in order. */
function pageLoads(html: string): string[] {
  const urls: string[] = [];
  for (const [tag] of html.matchAll(/<(script|link)\b[^>]*>/g)) {
    const rel = /\brel="([^"]*)"/.exec(tag)?.[1];
    const url = /\b(?:src|href)="([^"]*)"/.exec(tag)?.[1];
    if (!url) continue;
    if (tag.startsWith('<script') || rel === 'modulepreload' || rel === 'stylesheet') urls.push(url);
  }
  return urls;
}

/** The modules a built chunk imports statically (`import ... from "./x.js"`, `import "./x.js"`). */
function staticImports(code: string): string[] {
  return [...code.matchAll(/\b(?:from|import)\s*["'](\.{1,2}\/[^"']+)["']/g)].map((m) => m[1] as string);
}

/**
 * The files a page loads before anything can paint: its scripts, module preloads and stylesheets, and
 * every module those scripts import statically, as paths from the site's root, sorted.
 */
export async function firstPaintFiles(
  read: SiteReader,
  base: string,
  page = 'index.html',
): Promise<string[]> {
  const html = await read(page);
  if (!html) throw new Error(`no ${page}`);
  const toPath = (url: string) => (url.startsWith(base) ? url.slice(base.length) : url.replace(/^\.\//, ''));
  const pending = pageLoads(html.toString('utf8')).map(toPath);
  const seen = new Set<string>();
  while (pending.length > 0) {
    const path = pending.pop() as string;
    if (seen.has(path)) continue;
    seen.add(path);
    if (!path.endsWith('.js')) continue;
    const code = await read(path);
    if (!code) throw new Error(`${page} loads ${path}, which is not there`);
    for (const spec of staticImports(code.toString('utf8')))
      pending.push(posix.join(posix.dirname(path), spec));
  }
  return [...seen].sort();
}

/** Bytes gzipped (as a server would send them) of JS and of CSS among `files`. */
export async function gzipBytes(read: SiteReader, files: string[]): Promise<{ js: number; css: number }> {
  const total = { js: 0, css: 0 };
  for (const path of files) {
    const kind = path.endsWith('.js') ? 'js' : path.endsWith('.css') ? 'css' : undefined;
    const bytes = kind && (await read(path));
    if (kind && bytes) total[kind] += gzipSync(bytes).length;
  }
  return total;
}
