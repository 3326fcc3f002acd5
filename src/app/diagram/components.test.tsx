import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CallView } from './CallView.tsx';
import { CompareView } from './CompareView.tsx';
import { layoutScene, type ObjectBox } from './layout.ts';
import { MachineDiagram } from './MachineDiagram.tsx';
import { buildScene, type SceneObject } from '../../sim/view/index.ts';
import { ObjectView } from './ObjectView.tsx';
import { PointerArrow } from './PointerArrow.tsx';
import { Ribbon } from './Ribbon.tsx';
import { findingStep, freedTrace, gcTrace, runLesson } from './test-traces.ts';
import { DiagramTextView } from './TextView.tsx';
import { boundaryCall } from '../../sim/trace/tables.ts';
import { formatName } from '../../sim/messages/format.ts';

const bug = runLesson('02-the-bug/bug');
const stray = findingStep(bug, 'stray-write');

/** Renders one object box of a real scene the way the diagram does. */
function renderObject(o: SceneObject, box: ObjectBox): string {
  return renderToStaticMarkup(
    <svg>
      <ObjectView
        box={box}
        object={o}
        prefix="t"
        showHex={false}
        locale="en"
        crashHere={false}
        findingText={[]}
      />
    </svg>,
  );
}

function objectMarkup(trace: typeof bug, step: number, pick: (o: SceneObject) => boolean): string {
  const scene = buildScene(trace, step);
  const layout = layoutScene(scene, 'wide', new Map(trace.regions.map((r) => [r.id, formatName(r.name)])));
  const o = scene.objects.find(pick);
  expect(o, 'object to render').toBeDefined();
  const box = layout.objects.find((b) => b.objectId === o?.id);
  expect(box).toBeDefined();
  return renderObject(o as SceneObject, box as ObjectBox);
}

describe('ObjectView draws each lifetime state with colour, pattern and a word', () => {
  it('alive: no pattern, no dead badge', () => {
    const html = objectMarkup(bug, stray, (o) => o.name === '_rtld_global._dl_load_lock');
    expect(html).toContain('md-obj--alive');
    expect(html).not.toContain('url(#t-');
    expect(html).toContain('data-state="alive"');
    expect(html).toMatch(/data-written="true"/);
  });

  it('out of scope: diagonal hatching and the word "dead"', () => {
    const html = objectMarkup(bug, stray, (o) => o.state === 'out-of-scope');
    expect(html).toContain('md-obj--out-of-scope');
    expect(html).toContain('fill="url(#t-hatch)"');
    expect(html).toMatch(/<text[^>]*>dead<\/text>/);
    expect(html).toContain('dead: its scope ended; the bytes stay until reused');
  });

  it('freed: cross-hatching and the word "freed"', () => {
    const { trace, block } = freedTrace();
    const html = objectMarkup(trace, 1, (o) => o.id === block);
    expect(html).toContain('md-obj--freed');
    expect(html).toContain('fill="url(#t-cross)"');
    expect(html).toMatch(/<text[^>]*>freed<\/text>/);
  });

  it('collected: dots, and the sweep named', () => {
    const trace = gcTrace();
    const html = objectMarkup(trace, 2, (o) => o.name === 'hidden');
    expect(html).toContain('md-obj--collected');
    expect(html).toContain('fill="url(#t-dots)"');
    expect(html).toContain('md-obj--gc-swept');
    expect(html).toMatch(/<text[^>]*>swept: unreachable<\/text>/);
  });

  it('a callee’s view of memory it was handed: dashed, labelled', () => {
    const html = objectMarkup(bug, stray + 2, (o) => o.role === 'result-view');
    expect(html).toContain('md-obj--view');
    expect(html).toMatch(/<text[^>]*>callee’s view<\/text>/);
  });

  it('a stale value changed since the death shows what it was', () => {
    const trace = runLesson('03-lifetime/dangling');
    const html = objectMarkup(trace, trace.steps.count - 2, (o) => o.name === 'bar');
    expect(html).toContain('md-row--changed');
    expect(html).toMatch(/was 1\.5/);
  });
});

describe('PointerArrow', () => {
  it('draws a dangling pointer dashed with a red head and explains it', () => {
    const trace = runLesson('03-lifetime/dangling');
    const scene = buildScene(trace, trace.steps.count - 3);
    const layout = layoutScene(scene, 'wide', new Map());
    const p = scene.pointers.find((x) => x.status === 'out-of-scope');
    const a = layout.arrows.find((x) => x.key === p?.key);
    expect(p && a).toBeTruthy();
    if (p === undefined || a === undefined) return;
    const html = renderToStaticMarkup(
      <svg>
        <PointerArrow
          arrow={a}
          pointer={p}
          prefix="t"
          sourceName="p"
          targetName="bar"
          locale="en"
          active={false}
          onActivate={() => {}}
        />
      </svg>,
    );
    expect(html).toContain('md-arrow--dangling');
    expect(html).toContain('marker-end="url(#t-head-dangling)"');
    expect(html).toContain('tabindex="0"');
    expect(html).toMatch(/aria-label="p → bar \(0x[0-9a-f]+\): dangling: the object it points to is dead/);
  });
});

describe('MachineDiagram', () => {
  it('names its five areas as regions and shows the call at the stray write', () => {
    const html = renderToStaticMarkup(<MachineDiagram trace={bug} step={stray} locale="en" />);
    for (const name of ['Stack', 'Registers', 'Static storage', 'C heap', 'GC heap']) {
      expect(html).toContain(`role="region" aria-label="${name}"`);
    }
    expect(html).toContain('data-testid="call-view"');
    expect(html).toMatch(/data-testid="call-row-rdi" data-mismatch="true"/);
    const hp = boundaryCall(bug.boundaryCalls, 0)?.hiddenPointer?.value.toString(16);
    expect(html).toContain(`data-testid="reg-rdi" data-reg="rdi" data-value="0x${hp}"`);
    expect(html).toMatch(new RegExp(`data-addr="0x${hp}" data-written="true"`));
    expect(html).toContain('data-testid="call-boundary"');
  });

  it('at the return, highlights %rax as the register the caller reads', () => {
    const html = renderToStaticMarkup(
      <MachineDiagram trace={bug} step={boundaryCall(bug.boundaryCalls, 0)?.returnStep ?? 0} locale="en" />,
    );
    expect(html).toMatch(/data-testid="reg-rax"[^>]*data-read="true"/);
    expect(html).toContain('data-phase="return"');
  });

  it('during marking, draws the roots and outlines the areas the collector scans', () => {
    const trace = gcTrace();
    const html = renderToStaticMarkup(<MachineDiagram trace={trace} step={1} locale="en" />);
    expect(html).toMatch(/md-arrow--root"[^>]*data-root="true"/);
    expect(html).toContain('>scanned by the collector<');
    expect(html).toContain('>not scanned by the collector<');
    expect(html).toMatch(/md-area md-area--stack md-area--scanned/);
    expect(html).toMatch(/md-area md-area--c-heap md-area--not-scanned/);
  });

  it('speaks Chinese', () => {
    const html = renderToStaticMarkup(<MachineDiagram trace={bug} step={stray} locale="zh" />);
    for (const name of ['栈', '寄存器', '静态存储区', 'C 堆', 'GC 堆'])
      expect(html).toContain(`aria-label="${name}"`);
  });

  it('marks a crash where it happens', () => {
    const crashed = runLesson('02-the-bug/bug', 'x86_64', 'zero');
    expect(crashed.crash).not.toBeNull();
    const html = renderToStaticMarkup(
      <MachineDiagram trace={crashed} step={crashed.steps.count - 1} locale="en" />,
    );
    expect(html).toContain('data-testid="diagram-crash"');
    expect(html).toContain('data-addr="0x0"');
    expect(html).toContain('Segmentation fault');
  });
});

describe('the other views', () => {
  it('the text view has the same regions as tables, with lifetimes', () => {
    const html = renderToStaticMarkup(<DiagramTextView trace={bug} step={stray} locale="en" />);
    for (const name of ['Stack', 'Registers', 'Static storage', 'C heap', 'GC heap']) {
      expect(html).toContain(`role="region" aria-label="${name}"`);
    }
    expect(html).toContain('<caption>Stack');
    expect(html).toMatch(/_rtld_global\._dl_load_lock<\/th>/);
    expect(html).toContain('bytes stay until reused');
  });

  it('the call view highlights each register where the sides disagree', () => {
    const scene = buildScene(bug, boundaryCall(bug.boundaryCalls, 0)?.returnStep ?? 0);
    if (scene.call === null) throw new Error('no call');
    const html = renderToStaticMarkup(<CallView call={scene.call} registers={scene.registers} locale="en" />);
    expect(html).toContain('foo() -&gt; Ptr[float]');
    expect(html).toContain('std::array&lt;double, 4&gt; foo()');
    expect(html).toMatch(/md-call__row--mismatch" data-testid="call-row-rax"/);
    expect(html).toContain('32 of 32 bytes written');
  });

  it('the ribbon has a line per object and names each lifetime', () => {
    const html = renderToStaticMarkup(<Ribbon trace={bug} step={stray} prefix="t" locale="en" />);
    expect(html).toMatch(/aria-label="[^"]*_rtld_global\._dl_load_lock: 1–end/);
    expect(
      (html.match(/md-ribbon__row /g) ?? []).length +
        (html.match(/md-ribbon__row md-ribbon__row--/g) ?? []).length,
    ).toBeGreaterThan(5);
  });

  it('the compare view aligns the fix with the bug and rings differences', () => {
    const fix = runLesson('07-fix-static/fix-static');
    const html = renderToStaticMarkup(
      <CompareView
        left={{ trace: bug, label: 'The bug' }}
        right={{ trace: fix, label: 'Fix (a)' }}
        step={stray}
        locale="en"
      />,
    );
    expect(html).toContain('aria-label="The bug"');
    expect(html).toContain('aria-label="Fix (a)"');
    expect(html).toContain('data-differs="true"');
    expect(html).toMatch(/aligned at the call boundary: step \d+ ↔ step \d+/);
  });
});
