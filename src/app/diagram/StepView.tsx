import { useState } from 'react';
import { formatMessage } from '../../sim/messages/format.ts';
import type { Trace } from '../../sim/trace/types.ts';
import { FrameView } from './FrameView.tsx';
import { wrapToWidth, type Layout, type Rect } from './layout.ts';
import { clip, hexAddr } from './format.ts';
import { Label } from './Label.tsx';
import { PX } from './labels.ts';
import { groupsOfFindings, type Scene } from '../../sim/view/index.ts';
import { ObjectView } from './ObjectView.tsx';
import { PointerArrow, pointerSentence } from './PointerArrow.tsx';
import { RegionView } from './RegionView.tsx';
import { RegisterView } from './RegisterView.tsx';
import { strings, type Locale } from './strings.ts';
import { SvgDefs } from './SvgDefs.tsx';
import { stepCount } from '../../sim/trace/reader.ts';

interface StepViewProps {
  trace: Trace;
  scene: Scene;
  layout: Layout;
  prefix: string;
  locale: Locale;
  showHex: boolean;
  /** Objects to ring because the other run of a comparison differs there. */
  differing?: ReadonlySet<number> | undefined;
  onSelectObject?: ((id: number) => void) | undefined;
  /** Drawn this many times its natural size (the presenter's 5/3); the geometry is unchanged. */
  scale?: number;
}

/** The machine at one step, as one SVG: the five areas, their frames and objects, then every pointer on top. */
export function StepView({
  trace,
  scene,
  layout,
  prefix,
  locale,
  showHex,
  differing,
  onSelectObject,
  scale = 1,
}: StepViewProps) {
  const t = strings(locale);
  const [activeArrow, setActiveArrow] = useState<string | null>(null);
  const objectById = new Map(scene.objects.map((o) => [o.id, o]));
  const frameById = new Map(scene.frames.map((f) => [f.id, f]));
  const mismatchRegs = new Set(scene.call?.rows.filter((r) => r.mismatch).map((r) => r.register) ?? []);
  const readRegs = new Set(
    scene.call?.phase === 'return'
      ? scene.call.rows.filter((r) => r.caller.role === 'result').map((r) => r.register)
      : [],
  );
  // While the collector marks, the pointers it starts from (stack, registers, static data into the GC heap) are its roots.
  const rootArrows = new Set(
    scene.gc?.phase === 'mark'
      ? scene.pointers
          .filter((p) => {
            const target = objectById.get(p.objectId);
            if (target?.area !== 'gc-heap') return false;
            if (p.from.kind === 'register') return true;
            const src = objectById.get(p.from.objectId);
            return src?.area === 'stack' || src?.area === 'static';
          })
          .map((p) => p.key)
      : [],
  );
  const crashAddr = scene.crash?.address ?? null;
  // One line per mistake: the four stores of one stray write on an object are one finding.
  const findingText = (ids: number[]) =>
    groupsOfFindings(trace, ids).map((g) => `${t.finding}: ${formatMessage(g.message, locale)}`);
  const sourceName = (p: Scene['pointers'][number]) => {
    if (p.from.kind === 'register')
      return `%${scene.registers.find((r) => r.name === (p.from as { name: string }).name)?.label ?? ''}`;
    const o = objectById.get(p.from.objectId);
    const cell = o?.rows.find(
      (r) => r.cell !== null && r.cell.addr === (p.from as { addr: number }).addr,
    )?.cell;
    return `${o?.name ?? ''}${cell !== undefined && cell !== null && cell.path !== '' ? `.${cell.path}` : ''}`.replace(
      '.[',
      '[',
    );
  };
  const active = layout.arrows.find((a) => a.key === activeArrow);
  const activePointer = scene.pointers.find((p) => p.key === activeArrow);
  return (
    <svg
      className="md-svg"
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      width={scaled(layout.width, scale)}
      height={scaled(layout.height, scale)}
      role="group"
      aria-label={t.diagramLabel(scene.step, stepCount(trace))}
      data-step={scene.step}
      data-layout={layout.mode}
    >
      <SvgDefs prefix={prefix} />
      {layout.areas.map((area) => (
        <RegionView key={area.kind} area={area} layout={layout} scene={scene} locale={locale}>
          {area.kind === 'stack' &&
            layout.frames.map((band) => {
              const f = frameById.get(band.frameId);
              return f === undefined ? null : (
                <FrameView
                  key={band.frameId}
                  band={band}
                  frame={f}
                  areaX={area.x}
                  areaW={area.w}
                  locale={locale}
                />
              );
            })}
          {area.kind === 'registers' &&
            layout.registers.map((box) => {
              const reg = scene.registers.find((r) => r.name === box.name);
              return reg === undefined ? null : (
                <RegisterView
                  key={box.name}
                  box={box}
                  reg={reg}
                  showHex={showHex}
                  mismatch={mismatchRegs.has(reg.name)}
                  readNow={readRegs.has(reg.name)}
                />
              );
            })}
          {layout.objects
            .filter((b) => objectById.get(b.objectId)?.area === area.kind)
            .map((box) => {
              const o = objectById.get(box.objectId);
              if (o === undefined) return null;
              const crashHere =
                crashAddr !== null && crashAddr >= o.addr && crashAddr < o.addr + Math.max(1, o.size);
              return (
                <ObjectView
                  key={o.key}
                  box={box}
                  object={o}
                  prefix={prefix}
                  showHex={showHex}
                  locale={locale}
                  crashHere={crashHere}
                  differs={differing?.has(o.id) ?? false}
                  findingText={findingText(o.findings)}
                  onSelect={onSelectObject}
                />
              );
            })}
        </RegionView>
      ))}
      <g className="md-arrows" role="group" aria-label={locale === 'zh' ? '指针' : 'Pointers'}>
        {layout.arrows.map((a) => {
          const p = scene.pointers.find((x) => x.key === a.key);
          if (p === undefined) return null;
          const target = objectById.get(p.objectId);
          return (
            <PointerArrow
              key={a.key}
              arrow={a}
              pointer={p}
              prefix={prefix}
              sourceName={sourceName(p)}
              targetName={target?.name ?? null}
              locale={locale}
              active={a.key === activeArrow}
              root={rootArrows.has(a.key)}
              onActivate={setActiveArrow}
            />
          );
        })}
      </g>
      {/* Addresses last, haloed: an arrow entering a box passes under its row's address. */}
      <g className="md-addrs" aria-hidden="true">
        {layout.addresses.map((a) => (
          <text key={`${a.addr}-${a.y}`} x={a.x} y={a.y + 14} className="md-addr">
            {hexAddr(a.addr)}
          </text>
        ))}
      </g>
      {layout.crash !== null && scene.crash !== null && (
        <CrashCallout rect={layout.crash} crash={scene.crash} trace={trace} locale={locale} />
      )}
      {active !== undefined && activePointer !== undefined && (
        <ArrowTip
          x={active.points[active.points.length - 1]?.x ?? 0}
          y={active.points[active.points.length - 1]?.y ?? 0}
          width={layout.width}
          text={pointerSentence(
            activePointer,
            sourceName(activePointer),
            objectById.get(activePointer.objectId)?.name ?? null,
            locale,
          )}
        />
      )}
    </svg>
  );
}

/** Where the run died: the signal, the faulting address, the function and source line. */
function CrashCallout({
  rect,
  crash,
  trace,
  locale,
}: {
  rect: Rect;
  crash: NonNullable<Scene['crash']>;
  trace: Trace;
  locale: Locale;
}) {
  const t = strings(locale);
  const file = crash.side === 'cpp' ? trace.files.cpp : trace.files.codon;
  const width = rect.w - 24;
  // The layout made the callout tall enough for the whole message; a phone's may still cut the last line.
  const lines = wrapToWidth(formatMessage(crash.message, locale), width, PX.crash);
  const room = Math.max(1, Math.floor((rect.h - 56) / 15) + 1);
  const shown = lines.length <= room ? lines : [...lines.slice(0, room - 1), lines.slice(room - 1).join(' ')];
  return (
    <g
      className="md-crash"
      data-testid="diagram-crash"
      data-addr={hexAddr(crash.address)}
      role="group"
      aria-label={`${t.crash}: ${formatMessage(crash.message, locale)}`}
    >
      <rect x={rect.x} y={rect.y} width={rect.w} height={rect.h} rx={10} className="md-crash-box" />
      <path d={`M${rect.x + 16},${rect.y + 14} l10,10 m0,-10 l-10,10`} className="md-crash-x" />
      <Label
        x={rect.x + 34}
        y={rect.y + 24}
        className="md-crash-title"
        text={`${crash.signal} · ${hexAddr(crash.address)}`}
        width={width - 22}
        px={PX.crashTitle}
      />
      <Label
        x={rect.x + 12}
        y={rect.y + 44}
        className="md-crash-text"
        text={`${file}:${crash.line} · ${crash.functionName}`}
        width={width}
        px={PX.crash}
      />
      {shown.map((line, i) => (
        <Label
          key={i}
          x={rect.x + 12}
          y={rect.y + 61 + i * 15}
          className="md-crash-text"
          text={line}
          width={width}
          px={PX.crash}
        />
      ))}
    </g>
  );
}

/**
 * A length drawn at `scale`, to a hundredth of a pixel, rounded down: a drawing scaled to fill its pane
 * is never a rounding error wider than the pane (915 * (915 / 794) came out 915.0000000000001).
 */
export function scaled(length: number, scale: number): number {
  return scale === 1 ? length : Math.floor(length * scale * 100) / 100;
}

/** The explanation of the focused or hovered arrow, drawn next to its head. */
function ArrowTip({ x, y, width, text }: { x: number; y: number; width: number; text: string }) {
  const perLine = 44;
  const words = text.split(' ');
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    if ((line + ' ' + w).trim().length > perLine) {
      lines.push(line.trim());
      line = w;
    } else line = `${line} ${w}`;
  }
  if (line.trim() !== '') lines.push(line.trim());
  const w = perLine * 6.6 + 16;
  const h = lines.length * 15 + 12;
  const left = Math.min(Math.max(4, x + 12), width - w - 4);
  return (
    <g className="md-tip" aria-hidden="true" pointerEvents="none">
      <rect x={left} y={y + 10} width={w} height={h} rx={6} />
      {lines.map((l, i) => (
        <text key={i} x={left + 8} y={y + 26 + i * 15}>
          {l}
        </text>
      ))}
    </g>
  );
}

/** Splits text into at most `max` lines of `width` characters; the last line ends in … when cut. */
export function wrapWords(text: string, width: number, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line !== '' && (line + ' ' + word).length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  if (lines.length <= max) return lines;
  const kept = lines.slice(0, max);
  kept[max - 1] = clip(`${kept[max - 1] ?? ''} ${lines.slice(max).join(' ')}`, width);
  return kept;
}
