// The embed (issue 8): a parent page on another origin embeds a playground, drives it through the
// postMessage API and receives its events; an invalid message changes nothing; a parent that is not among
// the allowed origins is ignored; the embed's edits stay apart from the site's; the Share / Embed dialog
// makes a working snippet. The parent is public/embed-example.html, served here from a second origin.
import { expect, test, type Page } from '@playwright/test';
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { formatMessage } from '../src/sim/messages/format.ts';
import { skipDiagramTour, traceOf } from './player-page.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BUG = { lesson: '02-the-bug', program: 'bug' } as const;

let server: Server;
let parentOrigin = '';
/** The site's embed.html: the second origin's copy of the example page names it in `data-embed`. */
let siteEmbed = '';

test.beforeAll(async () => {
  // A second origin (127.0.0.1 and its own port, the site being on localhost at its own port): the example page as is.
  const files: Record<string, [string, string]> = {
    '/embed-example.html': ['public/embed-example.html', 'text/html'],
    '/embed-example.js': ['public/embed-example.js', 'text/javascript'],
  };
  server = createServer((req, res) => {
    const file = files[new URL(req.url ?? '/', 'http://x').pathname];
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': `${file[1]}; charset=utf-8` });
    // A copy of the example on another site names the deployment it embeds, as its README says.
    res.end(
      readFileSync(join(ROOT, file[0]), 'utf8').replace(
        'data-embed="embed.html"',
        `data-embed="${siteEmbed}"`,
      ),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  parentOrigin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
test.afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
test.beforeEach(async ({ context }) => skipDiagramTour(context));

interface Event {
  type: string;
  [key: string]: unknown;
}

const events = (page: Page) =>
  page.evaluate(() => (window as unknown as { codonLab: { events: Event[] } }).codonLab.events);
const send = (page: Page, command: object) =>
  page.evaluate(
    (c) => (window as unknown as { codonLab: { send(c: object): void } }).codonLab.send(c),
    command,
  );
const lastOf = async (page: Page, type: string) => (await events(page)).filter((e) => e.type === type).at(-1);

test('a parent on another origin drives the embed and receives its events; invalid messages change nothing', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(240_000);
  const siteOrigin = new URL(baseURL ?? '').origin;
  const elsewhere: string[] = [];
  page.on('request', (r) => {
    const origin = new URL(r.url()).origin;
    if (origin !== siteOrigin && origin !== parentOrigin && !r.url().startsWith('data:'))
      elsewhere.push(r.url());
  });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const trace = traceOf(BUG);
  const aarch = traceOf({ ...BUG, target: 'aarch64' });
  const embedUrl = new URL('embed.html', baseURL).href;
  expect(new URL(embedUrl).origin).not.toBe(parentOrigin);
  siteEmbed = embedUrl;
  await page.goto(`${parentOrigin}/embed-example.html`);
  const frame = page.frameLocator('#playground');
  const position = frame.getByTestId('position');
  await expect(position).toHaveText(`Step 1 of ${trace.steps.count}`, { timeout: 60_000 });

  // Its first events: ready, the run, its findings (the same as the simulator's here), its height.
  await expect
    .poll(async () => (await lastOf(page, 'ready')) ?? null)
    .toMatchObject({
      embedId: 'example',
      lesson: BUG.lesson,
      program: BUG.program,
    });
  await expect
    .poll(async () => (await lastOf(page, 'run')) ?? null)
    .toMatchObject({
      compiled: true,
      target: 'x86_64',
      steps: trace.steps.count,
      outcome: trace.outcome,
    });
  const findings = (await lastOf(page, 'findings')) as unknown as {
    findings: { kind: string; step: number; message: string }[];
  };
  expect(findings.findings).toEqual(
    trace.findings.map((f) => ({ kind: f.kind, step: f.step, message: formatMessage(f.message, 'en') })),
  );
  expect(findings.findings.length).toBeGreaterThan(0);
  await expect.poll(async () => ((await lastOf(page, 'resize'))?.height as number) ?? 0).toBeGreaterThan(300);
  // The example page sizes the iframe from the resize event.
  await expect
    .poll(async () => {
      const latest = (await lastOf(page, 'resize'))?.height as number;
      return latest - (await page.locator('#playground').evaluate((f) => f.clientHeight));
    })
    .toBe(0);

  // Drive it: the example page's own buttons, then messages.
  await page.getByRole('button', { name: 'Forward', exact: true }).click();
  await expect(position).toHaveText(`Step 2 of ${trace.steps.count}`);
  await expect.poll(async () => (await lastOf(page, 'step'))?.step).toBe(1);
  await send(page, { type: 'goto', step: 10 });
  await expect(position).toHaveText(`Step 11 of ${trace.steps.count}`);
  await expect.poll(async () => (await lastOf(page, 'step'))?.step).toBe(10);
  await send(page, { type: 'step', direction: 'back' });
  await expect(position).toHaveText(`Step 10 of ${trace.steps.count}`);
  await send(page, { type: 'play' });
  await expect.poll(async () => ((await lastOf(page, 'step'))?.step as number) ?? 0).toBeGreaterThan(11);
  await send(page, { type: 'pause' });
  await expect(frame.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  await send(page, { type: 'goto', step: 10 });
  await page.getByRole('button', { name: 'AArch64' }).click();
  await expect.poll(async () => (await lastOf(page, 'run'))?.target).toBe('aarch64');
  await expect(frame.getByRole('combobox', { name: 'Target' })).toHaveValue('aarch64');
  await expect(position).toHaveText(new RegExp(` of ${aarch.steps.count}$`));
  await send(page, { type: 'set-theme', theme: 'contrast' });
  await expect
    .poll(() => page.frames()[1]?.evaluate(() => document.documentElement.dataset.theme))
    .toBe('contrast');

  // The state now, then a burst of invalid messages (and valid ones with a wrong envelope): nothing moves.
  await send(page, { type: 'get-state' });
  await expect.poll(async () => (await lastOf(page, 'state')) ?? null).not.toBeNull();
  const before = await lastOf(page, 'state');
  const shown = await position.textContent();
  const count = (await events(page)).length;
  await page.evaluate(() => {
    const w = (document.getElementById('playground') as HTMLIFrameElement).contentWindow as Window;
    const env = { protocol: 'codon-lab-embed', version: 1 };
    const bad: unknown[] = [
      { type: 'step', direction: 'forward' },
      { ...env, version: 2, type: 'step', direction: 'forward' },
      { ...env, type: 'step', direction: 'sideways' },
      { ...env, type: 'step', direction: 'forward', extra: 1 },
      { ...env, type: 'goto', step: -1 },
      { ...env, type: 'goto', step: '0' },
      { ...env, type: 'goto', step: 0.5 },
      { ...env, type: 'set-target', target: 'riscv64' },
      { ...env, type: 'set-theme', theme: 'neon' },
      { ...env, type: 'load-code' },
      { ...env, type: 'load-code', cpp: 42 },
      { ...env, type: 'eval', code: 'alert(1)' },
      JSON.stringify({ ...env, type: 'play' }),
      null,
      42,
      [env],
    ];
    for (const message of bad) w.postMessage(message, '*');
  });
  await page.waitForTimeout(800);
  await expect(position).toHaveText(shown ?? '');
  expect((await events(page)).length).toBe(count);
  await send(page, { type: 'get-state' });
  await expect.poll(async () => (await events(page)).length).toBe(count + 1);
  expect(await lastOf(page, 'state')).toEqual(before);
  expect(before).toMatchObject({ step: 10, target: 'aarch64', theme: 'contrast', playing: false });

  expect(elsewhere).toEqual([]);
  expect(errors).toEqual([]);
});

test('an embed restricted to other origins ignores this parent and tells it nothing', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const trace = traceOf(BUG);
  siteEmbed = new URL('embed.html', baseURL).href;
  await page.goto(`${parentOrigin}/embed-example.html`);
  // A second embed on the same parent page, answering only https://docs.example.org.
  const src = new URL('embed.html', baseURL);
  src.search = '?v=1&lesson=02-the-bug&program=bug&id=locked&origins=https://docs.example.org';
  await page.evaluate((url) => {
    const f = document.createElement('iframe');
    f.id = 'locked';
    f.src = url;
    f.style.height = '500px';
    document.body.appendChild(f);
  }, src.href);
  const position = page.frameLocator('#locked').getByTestId('position');
  await expect(position).toHaveText(`Step 1 of ${trace.steps.count}`, { timeout: 60_000 });
  await page.evaluate(() => {
    const w = (document.getElementById('locked') as HTMLIFrameElement).contentWindow as Window;
    w.postMessage({ protocol: 'codon-lab-embed', version: 1, type: 'goto', step: 5 }, '*');
  });
  await page.waitForTimeout(800);
  await expect(position).toHaveText(`Step 1 of ${trace.steps.count}`);
  expect((await events(page)).filter((e) => e.embedId === 'locked')).toEqual([]);
});

test('the Share / Embed dialog makes a snippet whose embed shows the chosen panes; embed edits stay apart', async ({
  page,
  context,
  baseURL,
}) => {
  test.setTimeout(240_000);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const trace = traceOf(BUG);
  await page.goto(`./?v=1&lesson=${BUG.lesson}`);
  const player = page.getByTestId('player');
  await expect(page.getByTestId('position')).toHaveText(/^Step 1 of/, { timeout: 60_000 });
  await player.getByRole('button', { name: 'Share / Embed' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share or embed this playground' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('textbox', { name: 'Link to this view' })).toHaveValue(
    /\?v=1&lesson=02-the-bug&program=bug/,
  );
  await dialog.getByRole('checkbox', { name: 'Code', exact: true }).uncheck();
  await dialog.getByRole('checkbox', { name: 'Read-only code' }).check();
  const snippet = await dialog.getByRole('textbox', { name: 'Iframe snippet for a docs page' }).inputValue();
  // The snippet points at this very server's embed page, whatever port the suite runs on.
  const embedPage = new URL('embed.html', baseURL).href;
  expect(snippet.startsWith(`<iframe src="${embedPage}?v=1&amp;lesson=02-the-bug&amp;program=bug`)).toBe(
    true,
  );
  expect(snippet).toContain('panes=diagram%2Cnarration%2Ccontrols');
  await dialog.getByRole('button', { name: 'Copy snippet' }).click();
  await expect(dialog.getByRole('status')).toHaveText(/Copied/);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(snippet);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // The snippet's page: no editors, the diagram and controls, and the way back to the full tutorial.
  const src = /src="([^"]+)"/.exec(snippet)?.[1]?.replace(/&amp;/g, '&') ?? '';
  const embed = await context.newPage();
  await embed.goto(src);
  await expect(embed.getByTestId('position')).toHaveText(`Step 1 of ${trace.steps.count}`, {
    timeout: 60_000,
  });
  await expect(embed.getByTestId('editor-cpp')).toHaveCount(0);
  // The machine pane opens on its focus view (issue 15).
  await expect(embed.getByTestId('focus-view')).toBeVisible();
  await expect(embed.getByRole('banner')).toHaveCount(0);
  await embed.keyboard.press('ArrowRight');
  await expect(embed.getByTestId('position')).toHaveText(`Step 2 of ${trace.steps.count}`);
  const full = embed.getByRole('link', { name: 'Open in the full tutorial' });
  await full.focus();
  await expect(full).toHaveAttribute('href', /^\.\/\?v=1&lesson=02-the-bug&program=bug&step=1/);

  // Code loaded into an (editable) embed is saved under the embed's namespace, never the site's.
  await embed.goto(new URL(`embed.html?v=1&lesson=${BUG.lesson}`, baseURL).href);
  await expect(embed.getByTestId('position')).toHaveText(/^Step 1 of/, { timeout: 60_000 });
  const editor = embed.getByRole('textbox', { name: /^Codon program/ });
  await expect(editor).toBeAttached({ timeout: 60_000 });
  await editor.focus();
  await embed.keyboard.press('ControlOrMeta+End');
  await embed.keyboard.type('\n# embedded edit');
  await expect
    .poll(() => embed.evaluate(() => localStorage.getItem('codon-lab:embed:v1:edits:02-the-bug/bug')))
    .toContain('# embedded edit');
  expect(await page.evaluate(() => localStorage.getItem('codon-lab:v1:edits:02-the-bug/bug'))).toBeNull();
});
