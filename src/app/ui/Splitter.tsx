// A resizable pane boundary: drag it with a pointer, or focus it and use the arrow keys (WAI-ARIA
// window splitter pattern). The value is the fraction of the container the first pane takes.
import { useRef, type KeyboardEvent, type PointerEvent } from 'react';

interface SplitterProps {
  /** 'vertical': a vertical bar between a left and a right pane. 'horizontal': between top and bottom. */
  orientation: 'vertical' | 'horizontal';
  value: number;
  min?: number;
  max?: number;
  onChange: (value: number) => void;
  label: string;
  /** The element whose size the fraction is of (by default the splitter's parent). */
  container?: () => HTMLElement | null;
}

const STEP = 0.02;

export function Splitter({
  orientation,
  value,
  min = 0.15,
  max = 0.85,
  onChange,
  label,
  container,
}: SplitterProps) {
  const ref = useRef<HTMLDivElement>(null);
  const clamp = (v: number) => Math.max(min, Math.min(max, v));

  const fromPointer = (event: PointerEvent<HTMLDivElement>) => {
    const box = (container?.() ?? ref.current?.parentElement)?.getBoundingClientRect();
    if (!box) return;
    const fraction =
      orientation === 'vertical'
        ? (event.clientX - box.left) / box.width
        : (event.clientY - box.top) / box.height;
    onChange(clamp(fraction));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const less = orientation === 'vertical' ? 'ArrowLeft' : 'ArrowUp';
    const more = orientation === 'vertical' ? 'ArrowRight' : 'ArrowDown';
    let next: number | null = null;
    if (event.key === less) next = value - STEP;
    else if (event.key === more) next = value + STEP;
    else if (event.key === 'Home') next = min;
    else if (event.key === 'End') next = max;
    if (next === null) return;
    event.preventDefault();
    event.stopPropagation();
    onChange(clamp(next));
  };

  return (
    <div
      ref={ref}
      className={`splitter splitter--${orientation}`}
      role="separator"
      aria-orientation={orientation}
      aria-label={label}
      aria-valuemin={Math.round(min * 100)}
      aria-valuemax={Math.round(max * 100)}
      aria-valuenow={Math.round(value * 100)}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onPointerDown={(event) => {
        event.currentTarget.setPointerCapture(event.pointerId);
        event.preventDefault();
      }}
      onPointerMove={(event) => {
        if (event.currentTarget.hasPointerCapture(event.pointerId)) fromPointer(event);
      }}
      onPointerUp={(event) => event.currentTarget.releasePointerCapture(event.pointerId)}
    />
  );
}
