// The embed and presenter pages cost the site's first paint nothing (issue 8). vite.config.ts builds them
// in a second pass after the site, so every file of a site-only build (index.html as the only entry) is in
// the real build byte for byte, and index.html loads exactly the same files. The service worker, made by
// the second pass, still precaches every page. Both builds are made here, one right after the other, so
// an edit to the sources while the suite runs cannot make them differ.
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSite, firstPaintFiles, gzipBytes, listFiles, readFromDir } from '../scripts/site-bytes.ts';

test('the embed and presenter pages add no byte to what the site loads before its first paint', async () => {
  test.setTimeout(360_000);
  const base = '/codon-interop-lab/';
  const full = test.info().outputPath('full');
  const siteOnly = test.info().outputPath('site-only');
  await buildSite(full, base);
  await buildSite(siteOnly, base, { siteOnly: true });

  const fullFiles = listFiles(full);
  for (const page of ['index.html', 'embed.html', 'present.html', 'sw.js']) expect(fullFiles).toContain(page);
  expect(listFiles(siteOnly)).not.toContain('embed.html');

  // What index.html loads before anything paints: the same files, the same bytes.
  const readFull = readFromDir(full);
  const readSiteOnly = readFromDir(siteOnly);
  const firstPaint = await firstPaintFiles(readFull, base);
  expect(firstPaint).toEqual(await firstPaintFiles(readSiteOnly, base));
  expect(firstPaint.some((path) => path.endsWith('.js'))).toBe(true);
  const bytes = await gzipBytes(readFull, firstPaint);
  const siteOnlyBytes = await gzipBytes(readSiteOnly, firstPaint);
  test.info().annotations.push({
    type: 'first paint (gzip)',
    description: `JS ${bytes.js} B, CSS ${bytes.css} B; a site-only build: JS ${siteOnlyBytes.js} B, CSS ${siteOnlyBytes.css} B`,
  });
  expect(bytes).toEqual(siteOnlyBytes);

  // And every other file of the site (lazy chunks, lesson texts, workers) is untouched too.
  const changed = listFiles(siteOnly).filter((path) => {
    try {
      return !readFileSync(join(siteOnly, path)).equals(readFileSync(join(full, path)));
    } catch {
      return true;
    }
  });
  expect(changed).toEqual([]);

  // The service worker precaches both passes' files: every page, script, stylesheet and font (but itself).
  const sw = readFileSync(join(full, 'sw.js'), 'utf8');
  const precached = new Set([...sw.matchAll(/\{\s*"?url"?:\s*"([^"]+)"/g)].map((m) => m[1]));
  const notPrecached = fullFiles.filter(
    (path) =>
      /\.(js|css|html|svg|ttf)$/.test(path) &&
      !/^(sw|workbox-[\w-]+)\.js$/.test(path) &&
      !precached.has(path),
  );
  expect(notPrecached).toEqual([]);
});
