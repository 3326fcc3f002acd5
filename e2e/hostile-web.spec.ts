// Hostile and careless addresses (issue 12): every page the build ships renders something a reader can
// see (the page, or a clear message) for each of them, with no uncaught error; the embed example frames
// only this site's own embed.html whatever its query says, and no script from the address ever runs; every
// built HTML page carries the app's Content-Security-Policy.
import { expect, test, type Page } from '@playwright/test';

/** An address (relative to the site) and a text the page must come to show. */
interface HostileCase {
  url: string;
  shows: RegExp;
}

const NOT_FOUND = (id: string) => new RegExp(`no lesson or page called “${id}”`);
/** Object.prototype's names: a plain-object lookup keyed by any of them finds a function, not nothing. */
const PROTO_NAMES = ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf', 'isPrototypeOf'];

const SITE: HostileCase[] = [
  ...PROTO_NAMES.map((name) => ({ url: `./?v=${name}`, shows: /The course/ })),
  ...PROTO_NAMES.map((name) => ({ url: `./?v=${name}&lesson=02-the-bug`, shows: /The bug/ })),
  { url: './?v=1&lesson=constructor', shows: NOT_FOUND('constructor') },
  { url: './?v=1&page=constructor', shows: NOT_FOUND('constructor') },
  { url: './?v=1&lesson=02-the-bug&program=constructor', shows: /The bug/ },
  {
    url: './?v=1&lesson=02-the-bug&target=__proto__&leftover=constructor&lang=toString&step=valueOf',
    shows: /The bug/,
  },
  { url: './?v=1&lesson=02-the-bug&code=constructor', shows: /The bug/ },
  { url: './?v=1&page=glossary#%E0%A4%A', shows: /Glossary/ },
  { url: './?v=1&page=glossary#constructor', shows: /Glossary/ },
  { url: './?v=1&page=glossary#%', shows: /Glossary/ },
  { url: './?v=1&lesson=02-the-bug#%E0%A4%A', shows: /The bug/ },
  { url: './?%E0%A4%A=1&lesson=%E0%A4%A', shows: /The course/ },
  { url: './?v=1&v=2&lesson=02-the-bug', shows: /The bug/ },
  { url: `./?v=1&lesson=02-the-bug&code=${'A'.repeat(9000)}`, shows: /The bug/ },
];

const EMBED: HostileCase[] = [
  ...PROTO_NAMES.map((name) => ({ url: `embed.html?v=${name}`, shows: /Step 1 of/ })),
  { url: 'embed.html?v=1&lesson=constructor&program=__proto__', shows: /constructor/ },
  { url: 'embed.html?v=1&lesson=02-the-bug&program=constructor', shows: /constructor/ },
  {
    url: 'embed.html?v=1&lesson=02-the-bug&theme=constructor&panes=__proto__,toString&id=__proto__&origins=javascript:alert(1)',
    shows: /Step 1 of/,
  },
  { url: 'embed.html?v=1&lesson=02-the-bug#%E0%A4%A', shows: /Step 1 of/ },
];

const PRESENT: HostileCase[] = [
  ...PROTO_NAMES.map((name) => ({ url: `present.html?v=${name}`, shows: /Step 1 of/ })),
  { url: 'present.html?v=1&lesson=constructor', shows: /no lesson called “constructor”/ },
  { url: 'present.html?v=1&lesson=99-no-such-lesson', shows: /no lesson called “99-no-such-lesson”/ },
  {
    url: 'present.html?v=1&lesson=02-the-bug&program=constructor',
    shows: /no program called “constructor”/,
  },
  { url: 'present.html?v=1&lesson=02-the-bug&program=bug#%E0%A4%A', shows: /Step 1 of/ },
];

/** Opens each address in turn and checks that it shows its text, with no uncaught error and no broken widget. */
async function expectEachRenders(page: Page, cases: HostileCase[]) {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
  page.on('dialog', (dialog) => {
    errors.push(`${page.url()}: a ${dialog.type()} dialog opened`);
    void dialog.dismiss();
  });
  for (const { url, shows } of cases) {
    await test.step(url.slice(0, 120), async () => {
      await page.goto(url);
      await expect(page.locator('body'), url).toContainText(shows, { timeout: 30_000 });
      await expect(page.getByTestId('widget-error'), url).toHaveCount(0);
      expect(errors, url).toEqual([]);
    });
  }
}

test.describe('hostile addresses', () => {
  test.describe.configure({ timeout: 300_000 });
  test('on the site', async ({ page }) => expectEachRenders(page, SITE));
  test('on embed.html', async ({ page }) => expectEachRenders(page, EMBED));
  test('on present.html', async ({ page }) => expectEachRenders(page, PRESENT));

  test('present.html with an unknown lesson says so in Chinese too', async ({ page }) => {
    await page.goto('present.html?v=1&lang=zh&lesson=99-no-such-lesson');
    const message = page.getByRole('alert').filter({ hasText: '99-no-such-lesson' });
    await expect(message).toContainText('没有名为“99-no-such-lesson”的课');
    await expect(message.getByRole('link', { name: '从课程的第一个程序开始演示' })).toBeVisible();
    // Not lesson 1 in its place.
    await expect(page.getByTestId('position')).toHaveCount(0);
  });
});

/** Script in the `embed` parameter, as an attacker would write it. */
const SCRIPT_ADDRESSES = [
  'javascript:localStorage.clear();parent.__pwned=1;//',
  'JaVaScRiPt:parent.__pwned=1//',
  ' javascript:parent.__pwned=1//',
  '\tjava\nscript:parent.__pwned=1//',
  'javascript%3Aparent.__pwned%3D1//',
  '&#106;avascript:parent.__pwned=1//',
  'data:text/html,<script>parent.__pwned=1</script>',
  'DATA:text/html;base64,PHNjcmlwdD5wYXJlbnQuX19wd25lZD0xPC9zY3JpcHQ+',
  'vbscript:msgbox(1)',
  'VBScript:msgbox(1)',
  '//evil.example/embed.html',
  'https://evil.example/embed.html',
  'blob:https://evil.example/x',
];

test('the embed example frames only its own embed.html, whatever its query says', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const ownEmbed = new URL('embed.html', baseURL).href;
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('dialog', (dialog) => {
    errors.push(`a ${dialog.type()} dialog opened`);
    void dialog.dismiss();
  });
  for (const address of SCRIPT_ADDRESSES) {
    await test.step(address, async () => {
      await page.goto('./');
      await page.evaluate(() => localStorage.setItem('codon-lab:v1:sentinel', 'kept'));
      await page.goto(`embed-example.html?embed=${encodeURIComponent(address)}`);
      const src = new URL((await page.locator('#playground').getAttribute('src')) ?? '', page.url());
      expect(`${src.origin}${src.pathname}`, `the frame's src: ${src.href}`).toBe(ownEmbed);
      // The embed itself answers: it is the site's playground, not the attacker's page.
      await expect(page.frameLocator('#playground').getByTestId('position')).toHaveText(/^Step 1 of/, {
        timeout: 30_000,
      });
      expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(await page.evaluate(() => localStorage.getItem('codon-lab:v1:sentinel'))).toBe('kept');
      expect(errors).toEqual([]);
    });
  }
});

test('every HTML page the build ships carries the app’s Content-Security-Policy', async ({
  page,
  request,
}) => {
  // The service worker precaches every built file (vite.config.ts, `offline`): its list names every page.
  const sw = await (await request.get('sw.js')).text();
  const pages = [...new Set([...sw.matchAll(/"([^"]+\.html)"/g)].map((m) => m[1] as string))];
  expect(pages).toEqual(
    expect.arrayContaining(['index.html', 'embed.html', 'present.html', 'embed-example.html']),
  );
  await page.goto('./');
  const appPolicy = await cspOf(page);
  expect(appPolicy).toContain("script-src 'self'");
  expect(appPolicy).not.toContain('unsafe-eval');
  for (const path of pages) {
    await page.goto(path);
    expect(await cspOf(page), path).toBe(appPolicy);
  }
});

const cspOf = (page: Page) =>
  page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
