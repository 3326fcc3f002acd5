// The offline copy updates itself when a new version is deployed (README, "Offline"), in Chromium with the
// real service worker. One origin, served by a small server this file runs, first with version 1 (the
// site the suite built, fetched from its preview server) and then with version 2 (the same sources built
// here with BUILD_ID=sw-update-v2 and one line more in the entry module, so its scripts differ too):
// - version 1 installs its worker on the first visit and works offline;
// - after the deployment, the first load still shows version 1 (its worker answers from the precache) and
//   makes the browser fetch the new worker, which precaches version 2, takes over and deletes version 1's
//   files; the next load shows version 2, and version 2 works offline;
// - a tab left open on version 1 that then needs one of its deleted files reloads into version 2.
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import type { Plugin } from 'vite';
import { buildSite } from '../scripts/site-bytes.ts';
import { skipDiagramTour } from './player-page.ts';

const BUILD_ID = 'sw-update-v2';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.ttf': 'font/ttf',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
};

/** Version 2's one visible change in the code: a mark on the page's root element. */
const markVersion2: Plugin = {
  name: 'test:mark-version-2',
  transform(code, id) {
    if (id.endsWith('/src/main.tsx')) return `${code}\ndocument.documentElement.dataset.deploy = 'v2';\n`;
  },
};

/**
 * A static host for one origin: `deployed` says which version it serves. Version 1 is the suite's own
 * build, fetched from its preview server; version 2 is a folder. Nothing may be cached by the browser
 * without asking again (`no-cache`, as README "Deploy" asks for sw.js), so what the server holds is what
 * a fetch gets.
 */
async function startHost(base: string, version1Url: string, version2Dir: string) {
  const host = { deployed: 1 as 1 | 2, origin: '', close: () => {} };
  const serveVersion2 = (request: IncomingMessage, response: ServerResponse) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://host').pathname);
    const inSite = path.startsWith(base) ? path.slice(base.length) : undefined;
    const file = inSite === undefined ? undefined : normalize(join(version2Dir, inSite || 'index.html'));
    let body: Buffer | undefined;
    try {
      if (file && file.startsWith(version2Dir + sep)) body = readFileSync(file);
    } catch {
      body = undefined;
    }
    if (!file || !body) {
      response.writeHead(404, { 'content-type': 'text/plain', 'cache-control': 'no-cache' }).end('Not found');
      return;
    }
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    response.writeHead(200, { 'content-type': type, 'cache-control': 'no-cache' }).end(body);
  };
  const serveVersion1 = async (request: IncomingMessage, response: ServerResponse) => {
    const upstream = await fetch(new URL(request.url ?? '/', version1Url));
    const type = upstream.headers.get('content-type') ?? 'application/octet-stream';
    const body = Buffer.from(await upstream.arrayBuffer());
    response.writeHead(upstream.status, { 'content-type': type, 'cache-control': 'no-cache' }).end(body);
  };
  const server = createServer((request, response) => {
    if (host.deployed === 2) serveVersion2(request, response);
    else serveVersion1(request, response).catch(() => response.writeHead(502).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  host.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  host.close = () => server.close();
  return host;
}

/** The version a page says it is (`<meta name="version">`, vite.config.ts). */
const versionOf = (html: string) => /<meta name="version" content="([^"]+)"/.exec(html)?.[1];

/** The files the service worker has precached, as paths from the site's root with their revision. */
async function precached(page: Page): Promise<{ caches: string[]; files: string[] }> {
  return page.evaluate(async () => {
    const names = await caches.keys();
    const files: string[] = [];
    for (const name of names) {
      for (const request of await (await caches.open(name)).keys()) files.push(request.url);
    }
    return { caches: names, files };
  });
}

/** The precache manifest of a built sw.js: path to revision (null for content-hashed files). */
function manifestOf(sw: string): Map<string, string | null> {
  const entries = [...sw.matchAll(/\{\s*"?url"?:\s*"([^"]+)",\s*"?revision"?:\s*(null|"[0-9a-f]+")\s*\}/g)];
  return new Map(entries.map((m) => [m[1] as string, m[2] === 'null' ? null : JSON.parse(m[2] as string)]));
}

/** How the worker names a manifest entry in its cache (Workbox adds the revision to the URL). */
const cacheKey = (site: string, path: string, revision: string | null) =>
  `${site}${path}${revision ? `?__WB_REVISION__=${revision}` : ''}`;

async function expectLesson(page: Page, version: string) {
  await expect(page.locator('meta[name="version"]')).toHaveAttribute('content', version, { timeout: 60_000 });
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByTestId('position')).toHaveText(/^Step 1 of \d+$/, { timeout: 60_000 });
}

async function controlled(page: Page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
}

async function offline(context: BrowserContext, run: () => Promise<void>) {
  await context.setOffline(true);
  try {
    await run();
  } finally {
    await context.setOffline(false);
  }
}

test('a new deployment replaces the offline copy: the next load runs it, then offline too', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(480_000);
  const base = new URL(baseURL ?? '').pathname;
  const version2Dir = test.info().outputPath('version-2');
  await buildSite(version2Dir, base, { plugins: [markVersion2], env: { BUILD_ID } });
  const host = await startHost(base, baseURL ?? '', version2Dir);
  const context = await browser.newContext();
  try {
    const site = `${host.origin}${base}`;
    const version1 = versionOf(await (await fetch(site)).text());
    const version2 = versionOf(readFileSync(join(version2Dir, 'index.html'), 'utf8'));
    expect(version2).toMatch(new RegExp(`\\+${BUILD_ID}$`));
    expect(version1).toBeDefined();
    expect(version1).not.toBe(version2);
    if (!version1 || !version2) return;
    const manifest1 = manifestOf(await (await fetch(`${site}sw.js`)).text());
    const manifest2 = manifestOf(readFileSync(join(version2Dir, 'sw.js'), 'utf8'));
    const keys1 = [...manifest1].map(([path, revision]) => cacheKey(site, path, revision));
    const keys2 = [...manifest2].map(([path, revision]) => cacheKey(site, path, revision));
    // Version 2 differs in its scripts too, not only in its pages.
    const onlyIn1 = keys1.filter((key) => !keys2.includes(key));
    expect(onlyIn1.filter((key) => key.endsWith('.js')).length).toBeGreaterThan(0);

    await skipDiagramTour(context);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    // First visit: version 1 installs its worker, which precaches every file, and works offline.
    await page.goto(`${site}?v=1&lesson=02-the-bug`);
    await expectLesson(page, version1);
    await controlled(page);
    await expect.poll(async () => (await precached(page)).files.sort()).toEqual([...keys1].sort());
    await offline(context, async () => {
      await page.reload();
      await expectLesson(page, version1);
    });
    // A second tab, left open on version 1 through the deployment.
    const stale = await context.newPage();
    await stale.goto(site);
    await expect(stale.locator('meta[name="version"]')).toHaveAttribute('content', version1);
    const lessonLink = stale.getByRole('link', { name: /The bug/ }).first();
    await expect(lessonLink).toBeVisible();

    host.deployed = 2;
    // The first load after the deployment: still version 1, from the precache. The browser checks for a
    // new worker on that navigation; it installs (precaching version 2), takes over, deletes version 1's
    // files.
    await page.reload();
    await expectLesson(page, version1);
    await expect
      .poll(async () => (await precached(page)).files.sort(), { timeout: 120_000 })
      .toEqual([...keys2].sort());
    expect((await precached(page)).caches).toHaveLength(1);
    await expect
      .poll(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.active?.state))
      .toBe('activated');

    // The next load: version 2, new scripts included.
    await page.reload();
    await expectLesson(page, version2);
    await expect(page.locator('html')).toHaveAttribute('data-deploy', 'v2');

    // Version 2 offline: another lesson, never opened in version 2, with its playground running.
    await offline(context, async () => {
      await page.goto(`${site}?v=1&lesson=03-lifetime`);
      await expectLesson(page, version2);
      await expect(page.locator('html')).toHaveAttribute('data-deploy', 'v2');
    });

    // The tab left open on version 1 opens a lesson: its text's file is gone, so the page reloads into
    // version 2 at the lesson's address.
    await lessonLink.click();
    await expectLesson(stale, version2);
    await expect(stale.locator('html')).toHaveAttribute('data-deploy', 'v2');
    expect(new URL(stale.url()).searchParams.get('lesson')).toBe('02-the-bug');
    // It was the missing file that reloaded it (public/register-sw.js), not a navigation.
    expect(
      await stale.evaluate(() => sessionStorage.getItem('codon-lab:reloaded-for-update')),
    ).not.toBeNull();
    expect(errors).toEqual([]);
  } finally {
    await context.close();
    host.close();
  }
});
