/**
 * UI benchmarks in Chromium on the built site served by `vite preview` (issue 5, "Performance"). Each
 * figure is taken over at least 5 cold-cache runs (a fresh browser context per run). Prints a table and
 * writes bench/results/ui.json. Run with `npm run bench:ui`.
 *
 * - edit-to-diagram: from the last keystroke of an edit to the updated diagram painted, debounce included,
 *   over 50 edits of the bug lesson's Codon program (10 edits in each of 5 runs);
 * - longest main-thread task (long tasks and long animation frames) during those edits, and during 10 s of
 *   playback at the default speed;
 * - the JavaScript loaded before the first lesson text is painted, gzipped as a server would send it;
 * - time to the first lesson text (the lesson title painted, Element Timing) under 4x CPU throttling;
 * - the bytes the embed and presenter pages add to what index.html loads before its first paint (its
 *   scripts, module preloads, stylesheets and their static imports, gzipped), against a site-only build
 *   (goal 0: vite.config.ts builds those pages in a pass of their own).
 */
import { chromium, type Browser, type Page } from '@playwright/test';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { findChromium, HOW_TO_GET_CHROMIUM } from '../scripts/find-browser.mjs';
import { buildSite, firstPaintFiles, gzipBytes, readFromDir } from '../scripts/site-bytes.ts';

const RUNS = 5;
const EDITS_PER_RUN = 10;
const PLAYBACK_MS = 10_000;
const PORT = 4185;
const OUT_DIR = 'tmp/bench-dist';
const SITE_ONLY_DIR = 'tmp/bench-dist-site-only';
const ORIGIN = `http://localhost:${PORT}`;
const LESSON_URL = `${ORIGIN}/?v=1&lesson=02-the-bug&program=bug`;
const vite = ['node_modules/vite/bin/vite.js'];

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] as number;
};
const median = (xs: number[]) => percentile(xs, 50);
const round = (x: number) => Math.round(x * 10) / 10;

/** Starts watching long tasks and long animation frames in the page; read the maximum with `longest`. */
async function watchLongTasks(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { __longest: number; __longObserver?: PerformanceObserver };
    w.__longest = 0;
    w.__longObserver?.disconnect();
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.__longest = Math.max(w.__longest, entry.duration);
    });
    for (const type of ['longtask', 'long-animation-frame']) {
      try {
        observer.observe({ type, buffered: false });
      } catch {
        // An older Chromium without long animation frames: long tasks alone.
      }
    }
    w.__longObserver = observer;
  });
}

const longest = (page: Page) => page.evaluate(() => (window as unknown as { __longest: number }).__longest);

/** A fresh context (cold cache). `answered`: the lesson's question is answered, so playback does not stop to ask. */
async function freshPage(browser: Browser, answered = false): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript((answer) => {
    localStorage.setItem('codon-lab.diagram-tour-seen', '1');
    if (answer) {
      const progress = {
        '02-the-bug': {
          visited: true,
          answers: { 'first-values': 2 },
          exercises: [],
          ranToEnd: false,
          done: false,
        },
      };
      localStorage.setItem('codon-lab:v1:progress', JSON.stringify(progress));
    }
  }, answered);
  return context.newPage();
}

/** Lets the page finish loading Monaco and its first work before measuring what follows. */
async function settle(page: Page) {
  await page.waitForTimeout(2_000);
}

async function waitForPlayer(page: Page) {
  await page
    .getByTestId('position')
    .filter({ hasText: /^Step \d+ of \d+/ })
    .waitFor({ timeout: 30_000 });
  // The player's default view (the focus view) or the whole machine, whichever the page shows.
  await page
    .locator('[data-testid="focus-view"], [data-testid="machine-diagram"]')
    .first()
    .waitFor({ timeout: 30_000 });
  await page.getByTestId('editor-codon').locator('.monaco-editor .view-lines').waitFor({ timeout: 30_000 });
}

/** One edit: a keystroke at the end of the Codon program; resolves with keystroke-to-painted-diagram ms. */
async function timedEdit(page: Page, key: string): Promise<number> {
  const before = await page.locator('.diagram-pane').getAttribute('data-shown');
  const wait = page.evaluate(
    (previous) =>
      new Promise<number>((resolve, reject) => {
        const pane = document.querySelector('.diagram-pane') as HTMLElement;
        const timeout = setTimeout(() => reject(new Error('no new diagram within 10 s')), 10_000);
        const w = window as unknown as { __lastKey: number };
        const observer = new MutationObserver(() => {
          const shown = pane.dataset.shown ?? '';
          // A new trace number: the run for the new code is on screen.
          if (shown.split(':')[0] === (previous ?? '').split(':')[0]) return;
          observer.disconnect();
          // The next frame after the commit has been painted once this task runs.
          requestAnimationFrame(() =>
            setTimeout(() => {
              clearTimeout(timeout);
              resolve(performance.now() - w.__lastKey);
            }, 0),
          );
        });
        observer.observe(pane, { attributes: true, attributeFilter: ['data-shown'] });
      }),
    before,
  );
  await page.keyboard.press(key);
  return wait;
}

async function measureEdits(browser: Browser) {
  const latencies: number[] = [];
  let longestTask = 0;
  for (let run = 0; run < RUNS; run++) {
    const page = await freshPage(browser);
    await page.goto(LESSON_URL);
    await waitForPlayer(page);
    await settle(page);
    await page.evaluate(() => {
      const w = window as unknown as { __lastKey: number };
      w.__lastKey = 0;
      document.addEventListener('keydown', () => (w.__lastKey = performance.now()), { capture: true });
    });
    await page.getByRole('textbox', { name: /^Codon program/ }).focus();
    await page.keyboard.press('Control+End');
    // A comment line to type into: every keystroke changes the program, so every one re-runs it.
    await page.keyboard.press('Enter');
    await timedEdit(page, '#');
    await watchLongTasks(page);
    for (let i = 0; i < EDITS_PER_RUN; i++)
      latencies.push(await timedEdit(page, String.fromCharCode(97 + i)));
    longestTask = Math.max(longestTask, await longest(page));
    await page.context().close();
  }
  return { latencies, longestTask };
}

async function measurePlayback(browser: Browser) {
  let longestTask = 0;
  const stepsPlayed: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const page = await freshPage(browser, true);
    await page.goto(LESSON_URL);
    await waitForPlayer(page);
    await settle(page);
    await watchLongTasks(page);
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await page.waitForTimeout(PLAYBACK_MS);
    const position = (await page.getByTestId('position').textContent()) ?? '';
    stepsPlayed.push(Number(/Step (\d+)/.exec(position)?.[1] ?? 0));
    longestTask = Math.max(longestTask, await longest(page));
    await page.context().close();
  }
  return { longestTask, stepsPlayed };
}

/** Chunks the page loads after the lesson text: Monaco, the diagram, the workers. */
const DEFERRED = /\/(CodeEditor|diagram)-[^/]*\.js$|\.worker-[^/]*\.js$/;

/**
 * The lesson title's paint time (ms from navigation) and the scripts fetched before it. With
 * `withholdDeferred`, Monaco, the diagram and the workers are never served: the title still paints, so
 * what was fetched is exactly what the first paint needs.
 */
async function firstPaint(browser: Browser, throttle: number, withholdDeferred = false) {
  const page = await freshPage(browser);
  if (withholdDeferred) await page.route(DEFERRED, () => {});
  if (throttle > 1) {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  }
  await page.addInitScript(() => {
    const w = window as unknown as { __titlePaint: number };
    w.__titlePaint = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & {
        renderTime: number;
        identifier: string;
      })[]) {
        if (entry.identifier === 'lesson-title' && !w.__titlePaint)
          w.__titlePaint = entry.renderTime || entry.startTime;
      }
    }).observe({ type: 'element', buffered: true });
  });
  await page.goto(LESSON_URL);
  await page.waitForFunction(() => (window as unknown as { __titlePaint: number }).__titlePaint > 0, null, {
    timeout: 60_000,
  });
  const result = await page.evaluate(() => {
    const paint = (window as unknown as { __titlePaint: number }).__titlePaint;
    const scripts = (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
      .filter((r) => /\.m?js(\?|$)/.test(r.name) && r.responseEnd > 0 && r.startTime < paint)
      .map((r) => new URL(r.name).pathname);
    return { paint, scripts };
  });
  await page.context().close();
  return result;
}

function gzipFileBytes(pathname: string): number {
  return gzipSync(readFileSync(join(OUT_DIR, pathname.replace(/^\//, '')))).length;
}

/**
 * What index.html loads before its first paint in the real build against a site-only build of the same
 * sources: gzip bytes added (JS + CSS; 0 when the files are the same), and the files of each.
 */
async function firstPaintAdded() {
  const real = readFromDir(OUT_DIR);
  const siteOnly = readFromDir(SITE_ONLY_DIR);
  const files = await firstPaintFiles(real, '/');
  const siteOnlyFiles = await firstPaintFiles(siteOnly, '/');
  const bytes = await gzipBytes(real, files);
  const siteOnlyBytes = await gzipBytes(siteOnly, siteOnlyFiles);
  return {
    gzipBytes: bytes.js + bytes.css - siteOnlyBytes.js - siteOnlyBytes.css,
    sameFiles: JSON.stringify(files) === JSON.stringify(siteOnlyFiles),
    goalBytes: 0,
    files,
    siteOnlyFiles,
    gzip: bytes,
    siteOnlyGzip: siteOnlyBytes,
  };
}

async function main() {
  const found = findChromium();
  if (!found) throw new Error(HOW_TO_GET_CHROMIUM);
  console.log(`Building the site into ${OUT_DIR} ...`);
  const build = spawnSync(
    process.execPath,
    [...vite, 'build', '--outDir', OUT_DIR, '--emptyOutDir', '--logLevel', 'warn'],
    {
      stdio: 'inherit',
      env: { ...process.env, BASE_PATH: '/' },
    },
  );
  if (build.status !== 0) throw new Error('build failed');
  // The same sources as a site-only build, right after, for what the other pages add to the first paint.
  await buildSite(SITE_ONLY_DIR, '/', { siteOnly: true });
  const addedByOtherPages = await firstPaintAdded();
  const server = spawn(
    process.execPath,
    [...vite, 'preview', '--outDir', OUT_DIR, '--port', String(PORT), '--strictPort'],
    {
      stdio: 'ignore',
      env: { ...process.env, BASE_PATH: '/' },
    },
  );
  try {
    for (let i = 0; i < 100; i++) {
      try {
        if ((await fetch(ORIGIN)).ok) break;
      } catch {
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    const browser = await chromium.launch({
      executablePath: found.path,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
    });
    try {
      const edits = await measureEdits(browser);
      const playback = await measurePlayback(browser);
      const paints: number[] = [];
      for (let run = 0; run < RUNS; run++) paints.push((await firstPaint(browser, 4)).paint);
      const needed = await firstPaint(browser, 1, true);
      const firstPaintJs = needed.scripts.filter((path) => !DEFERRED.test(path));
      const firstPaintGzip = firstPaintJs.reduce((sum, path) => sum + gzipFileBytes(path), 0);
      const results = {
        date: new Date().toISOString(),
        browser: found.path,
        runs: RUNS,
        editToDiagram: {
          edits: edits.latencies.length,
          p50Ms: round(median(edits.latencies)),
          p95Ms: round(percentile(edits.latencies, 95)),
          maxMs: round(Math.max(...edits.latencies)),
          goalP95Ms: 100,
          samplesMs: edits.latencies.map(round),
        },
        longestTaskDuringEditsMs: round(edits.longestTask),
        longestTaskDuringPlaybackMs: round(playback.longestTask),
        playbackStepsIn10s: playback.stepsPlayed,
        goalLongestTaskMs: 50,
        firstPaintJs: {
          files: firstPaintJs,
          gzipKB: round(firstPaintGzip / 1024),
          goalKB: 250,
          note: 'measured with Monaco, the diagram and the workers withheld; the lesson title painted without them',
        },
        firstPaintAddedByOtherPages: addedByOtherPages,
        timeToFirstLessonText4xCpu: {
          runsMs: paints.map(round),
          medianMs: round(median(paints)),
          goalMs: 1500,
        },
      };
      mkdirSync('bench/results', { recursive: true });
      writeFileSync('bench/results/ui.json', `${JSON.stringify(results, null, 2)}\n`);
      console.table({
        'edit-to-diagram p95 (ms, goal <= 100)': results.editToDiagram.p95Ms,
        'edit-to-diagram p50 (ms)': results.editToDiagram.p50Ms,
        'longest task, edits (ms, goal <= 50)': results.longestTaskDuringEditsMs,
        'longest task, playback (ms, goal <= 50)': results.longestTaskDuringPlaybackMs,
        'first-paint JS (KB gzip, goal <= 250)': results.firstPaintJs.gzipKB,
        'first lesson text, 4x CPU, median (ms, goal <= 1500)': results.timeToFirstLessonText4xCpu.medianMs,
        'first-paint JS + CSS added by the embed/presenter pages (bytes gzip, goal 0)':
          addedByOtherPages.gzipBytes,
      });
      console.log('Wrote bench/results/ui.json');
    } finally {
      await browser.close();
    }
  } finally {
    server.kill();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
