// On a desktop the layout gives every label of the machine room (issue 15: no label cut); on a phone
// the boxes keep their width and a shortened label keeps its whole text.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { formatName, type Locale } from '../../sim/messages/format.ts';
import { buildScene } from '../../sim/view/index.ts';
import type { Trace } from '../../sim/trace/types.ts';
import { Label } from './Label.tsx';
import { frameLabel, objectNeed, PX } from './labels.ts';
import { G, layoutScene, type LayoutMode } from './layout.ts';
import { clipToWidth, textWidth, wrapToWidth } from './text-fit.ts';
import { runLesson } from './test-traces.ts';

const names = (t: Trace, locale: Locale) => new Map(t.regions.map((r) => [r.id, formatName(r.name, locale)]));

function expectRoomForEveryObject(trace: Trace, locale: Locale, mode: LayoutMode) {
  for (let step = 0; step < trace.steps.count; step++) {
    const scene = buildScene(trace, step, undefined, locale);
    const layout = layoutScene(scene, mode, names(trace, locale), locale);
    for (const box of layout.objects) {
      const o = scene.objects.find((x) => x.id === box.objectId)!;
      expect(objectNeed(o, locale), `${o.name} at step ${step}`).toBeLessThanOrEqual(box.w);
    }
    for (const band of layout.frames) {
      const f = scene.frames.find((x) => x.id === band.frameId)!;
      expect(textWidth(frameLabel(f, locale), PX.frame), f.functionName).toBeLessThanOrEqual(band.w - 12);
    }
  }
}

describe('labels fit', () => {
  const bug = runLesson('02-the-bug/bug');

  it('runs the real program', () => expect(bug.steps.count).toBeGreaterThan(20));

  it.each(['en', 'zh'] as const)(
    'lesson 2, wide and medium, %s: every object header, row and frame label has room',
    (locale) => {
      expectRoomForEveryObject(bug, locale, 'wide');
      expectRoomForEveryObject(bug, locale, 'medium');
    },
  );

  it('a phone keeps its lane width (labels are shortened there instead)', () => {
    const scene = buildScene(bug, bug.steps.count - 1);
    const layout = layoutScene(scene, 'narrow', names(bug, 'en'), 'en');
    expect(layout.objects.every((b) => b.w === G.laneWNarrow)).toBe(true);
  });

  it('counts Chinese characters as full width and wraps Chinese between characters', () => {
    expect(textWidth('栈帧', 10)).toBe(20);
    expect(textWidth('ab', 10)).toBe(13);
    expect(wrapToWidth('一二三四五六', 30, 10)).toEqual(['一二三', '四五六']);
    expect(wrapToWidth('one two three', 50, 10)).toEqual(['one two', 'three']);
    expect(clipToWidth('abcdefgh', 40, 10)).toBe('abcde…');
  });

  it('a shortened label carries its whole text as its tooltip and accessible name', () => {
    const cut = renderToStaticMarkup(
      <Label x={0} y={0} text="hidden result pointer (from rdi)" width={60} px={10} />,
    );
    expect(cut).toContain('data-full="hidden result pointer (from rdi)"');
    expect(cut).toContain('aria-label="hidden result pointer (from rdi)"');
    expect(cut).toContain('<title>hidden result pointer (from rdi)</title>');
    expect(cut).toMatch(/…<\/text>$/);
    const whole = renderToStaticMarkup(<Label x={0} y={0} text="bar" width={60} px={10} />);
    expect(whole).toBe('<text x="0" y="0">bar</text>');
  });
});
