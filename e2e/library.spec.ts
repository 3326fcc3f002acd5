// The library build (issue 8): `npm run build:lib` makes the @codon-interop-lab/playground package; the
// example consumer (e2e/consumer: a Vite + MDX page importing it by name) is built against it, served
// from its own origin, and must show a working playground (worker, CSS and Monaco from the package).
import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { skipDiagramTour, traceOf } from './player-page.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const LIB = 'tmp/e2e-lib';
const SITE = join(ROOT, 'tmp/e2e-consumer');
const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.ttf': 'font/ttf',
};

// One worker builds the package once (two building into the same folder at once would clash).
test.describe.configure({ mode: 'serial' });

let server: Server;
let origin = '';

test.beforeAll(async () => {
  test.setTimeout(600_000);
  const vite = join(ROOT, 'node_modules/vite/bin/vite.js');
  const env = { ...process.env, LIB_OUT_DIR: LIB, FORCE_COLOR: '0' };
  execFileSync(process.execPath, [vite, 'build', '--config', 'vite.lib.config.ts', '--logLevel', 'error'], {
    cwd: ROOT,
    env,
    stdio: 'pipe',
  });
  execFileSync(
    process.execPath,
    [
      vite,
      'build',
      '--config',
      'e2e/consumer/vite.config.ts',
      '--outDir',
      SITE,
      '--emptyOutDir',
      '--logLevel',
      'error',
    ],
    { cwd: ROOT, env, stdio: 'pipe' },
  );
  server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(
      /^(\.\.[/\\])+/,
      '',
    );
    const file = join(SITE, path.endsWith('/') ? `${path}index.html` : path);
    if (!file.startsWith(SITE) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
test.afterAll(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

test('the package has a name, a version, a licence, ESM, React as a peer, CSS and workers', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, LIB, 'package.json'), 'utf8')) as Record<string, unknown>;
  const project = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  expect(pkg).toMatchObject({
    name: '@codon-interop-lab/playground',
    version: project.version,
    license: 'MIT AND CC-BY-4.0',
    type: 'module',
    peerDependencies: { react: '^19.0.0', 'react-dom': '^19.0.0' },
  });
  for (const file of ['index.js', 'index.d.ts', 'style.css', 'LICENSE'])
    expect(existsSync(join(ROOT, LIB, file))).toBe(true);
  const index = readFileSync(join(ROOT, LIB, 'index.js'), 'utf8');
  expect(index).toMatch(/from "react"/);
  expect(index).not.toMatch(/function useState\b|react\.production/);
  expect(index).toMatch(/new URL\("assets\/sim\.worker-[\w-]+\.js", import\.meta\.url\)/);
});

test('the example consumer page renders the component build, and it runs and steps', async ({
  page,
  context,
}) => {
  test.setTimeout(240_000);
  await skipDiagramTour(context);
  const foreign: string[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).origin !== origin && !r.url().startsWith('data:') && !r.url().startsWith('blob:'))
      foreign.push(r.url());
  });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const trace = traceOf({ lesson: '02-the-bug', program: 'bug' });
  await page.goto(`${origin}/`);
  await expect(
    page.getByRole('heading', { level: 1, name: 'Returning std::array from C++ to Codon' }),
  ).toBeVisible();
  const position = page.getByTestId('position');
  await expect(position).toHaveText(`Step 1 of ${trace.steps.count}`, { timeout: 60_000 });
  await page.getByRole('button', { name: 'Step forward', exact: true }).click();
  await expect(position).toHaveText(`Step 2 of ${trace.steps.count}`);
  await expect(page.getByRole('region', { name: 'Stack' })).toBeVisible();
  // The package's CSS is applied (the player's layout), Monaco loads from the package, read-only.
  await expect(page.getByTestId('editor-cpp').locator('.monaco-editor .view-lines')).toContainText(
    'std::array',
    {
      timeout: 60_000,
    },
  );
  await expect(page.getByTestId('editor-cpp')).toContainText('read-only');
  expect(await page.locator('.player').evaluate((e) => getComputedStyle(e).display)).toBe('flex');
  // Keys work inside the player and stay out of the host page elsewhere.
  await page.getByRole('button', { name: 'Step forward', exact: true }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(position).toHaveText(`Step 3 of ${trace.steps.count}`);
  await page.getByRole('heading', { level: 1 }).click();
  await page.keyboard.press('ArrowRight');
  await expect(position).toHaveText(`Step 3 of ${trace.steps.count}`);
  expect(foreign).toEqual([]);
  expect(errors).toEqual([]);
});
