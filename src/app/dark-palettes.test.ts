// The dark palette has to be written twice in CSS: once for a system in dark mode when the learner has
// not chosen a theme (inside a media query) and once for an explicit choice of "dark". Nothing in CSS
// lets one block serve both without a script before first paint, so this test keeps the copies equal.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** The custom properties declared in the first block that follows `selector` in `css`. */
function declarations(css: string, selector: string): Map<string, string> {
  const at = css.indexOf(selector);
  if (at < 0) throw new Error(`no ${selector}`);
  const open = css.indexOf('{', at);
  const close = css.indexOf('}', open);
  const out = new Map<string, string>();
  for (const m of css.slice(open + 1, close).matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g))
    out.set(m[1]!, m[2]!.trim());
  return out;
}

const read = (path: string) => readFileSync(join(__dirname, path), 'utf8');

describe('dark palettes', () => {
  it.each([
    ['app.css', ':root:not([data-theme]) {', ":root[data-theme='dark'] {"],
    ['diagram/diagram.css', ':root:not([data-theme]) .mdiag {', ":root[data-theme='dark'] .mdiag {"],
  ])('%s: the system-dark and chosen-dark palettes are the same', (file, system, chosen) => {
    const css = read(file);
    const a = declarations(css, system);
    expect(a.size).toBeGreaterThan(10);
    expect(Object.fromEntries(declarations(css, chosen))).toEqual(Object.fromEntries(a));
  });
});
