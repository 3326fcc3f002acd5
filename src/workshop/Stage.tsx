// The presenter's machine: what this step is about, at 20 px and more, inside the height the projector
// leaves, never scrolled and never cut. It draws the step's cards most important first (stage-cards.ts)
// and keeps, in that order, each card that still fits; W shows the whole machine.
import { useLayoutEffect, useMemo, useRef } from 'react';
import { translate } from '../i18n';
import { CallView } from '../app/diagram/CallView.tsx';
import { ObjectCells } from '../app/diagram/ObjectCells.tsx';
import type { FocusObject } from '../app/diagram/focus.ts';
import { hexAddr } from '../app/diagram/format.ts';
import { strings, type Locale } from '../app/diagram/strings.ts';
import '../app/diagram/diagram.css';
import { FindingsPanel } from '../app/playground/FindingsPanel';
import { OutputPanel } from '../app/playground/OutputPanel';
import { lastStep } from '../app/player/stepping';
import { stdoutAt } from '../app/player/trace-index';
import { formatMessage } from '../sim/messages/format.ts';
import type { Trace } from '../sim/trace/types.ts';
import { buildScene, type Scene, type SceneObject } from '../sim/view/index.ts';
import { stagePlan, type StageCard } from './stage-cards.ts';

export interface StageProps {
  trace: Trace;
  step: number;
  eventEnd: number | null;
  locale: Locale;
}

export default function Stage({ trace, step, eventEnd, locale }: StageProps) {
  const scene = useMemo(
    () => buildScene(trace, step, eventEnd ?? undefined, locale),
    [trace, step, eventEnd, locale],
  );
  const atEnd = step >= lastStep(trace) && eventEnd === null;
  const hasOutput = stdoutAt(trace, step, eventEnd) !== '';
  const plan = useMemo(() => stagePlan(scene, atEnd, hasOutput), [scene, atEnd, hasOutput]);
  const box = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => (box.current ? watchFit(box.current) : undefined), [plan]);
  return (
    <div
      ref={box}
      className="stage mdiag focus"
      data-testid="focus-view"
      data-step={scene.step}
      data-cards={plan.cards.map((c) => c.kind).join(' ')}
    >
      {plan.cards.map((card, i) => (
        <div key={`${card.kind}${i}`} className="stage__card" data-card={card.kind}>
          <Card card={card} scene={scene} trace={trace} locale={locale} />
        </div>
      ))}
    </div>
  );
}

/**
 * Keeps the cards, most important first, that fit in the stage's height, and leaves out the rest. In order
 * of importance, each card that still fits below the ones kept shows (a short card after a tall one left
 * out still shows).
 */
function fitCards(el: HTMLElement) {
  const cards = Array.from(el.querySelectorAll<HTMLElement>(':scope > .stage__card'));
  for (const card of cards) card.hidden = true;
  for (const card of cards) {
    card.hidden = false;
    if (el.scrollHeight > el.clientHeight) card.hidden = true;
  }
  el.dataset.shown = cards
    .filter((c) => !c.hidden)
    .map((c) => c.dataset.card)
    .join(' ');
}

/** Fits the stage now, and again whenever it changes size (the narration above grew, a font arrived). */
function watchFit(el: HTMLElement): () => void {
  fitCards(el);
  let width = el.clientWidth;
  let height = el.clientHeight;
  const observer = new ResizeObserver(() => {
    if (el.clientWidth === width && el.clientHeight === height) return;
    width = el.clientWidth;
    height = el.clientHeight;
    fitCards(el);
  });
  observer.observe(el);
  let live = true;
  void document.fonts?.ready.then(() => live && fitCards(el));
  return () => {
    live = false;
    observer.disconnect();
  };
}

const cards: {
  [K in StageCard['kind']]: (p: {
    card: Extract<StageCard, { kind: K }>;
    scene: Scene;
    trace: Trace;
    locale: Locale;
  }) => React.ReactNode;
} = {
  crash: ({ scene, trace, locale }) => {
    const crash = scene.crash;
    if (crash === null) return null;
    const t = strings(locale);
    return (
      <p className="focus__crash" data-testid="focus-crash">
        <strong>{t.crash}: </strong>
        {formatMessage(crash.message, locale)}{' '}
        {t.crashAt(
          hexAddr(crash.address),
          crash.functionName,
          crash.side === 'cpp' ? trace.files.cpp : trace.files.codon,
          crash.line,
        )}
      </p>
    );
  },
  object: ({ card, locale }) => (
    <ObjectCard focus={card.focus} neighbours={card.neighbours} locale={locale} />
  ),
  call: ({ scene, locale }) =>
    scene.call === null ? null : (
      <CallView call={scene.call} registers={scene.registers} locale={locale} compact />
    ),
  output: () => <OutputPanel />,
  findings: () => <FindingsPanel compact />,
  registers: ({ card, locale }) => (
    <section className="focus__box focus__box--inline" data-testid="focus-registers">
      <h3 className="focus__title">{translate(locale, 'focus.registers')}</h3>
      <ul className="focus__regs">
        {card.registers.map((r) => (
          <li key={r.name} className={r.written ? 'focus__written' : undefined}>
            <code>%{r.label}</code> <code className="focus__value">{r.text}</code>
            <span className="sr-only"> ({r.role})</span>
          </li>
        ))}
      </ul>
    </section>
  ),
};

function Card(p: { card: StageCard; scene: Scene; trace: Trace; locale: Locale }) {
  const draw = cards[p.card.kind] as (q: typeof p) => React.ReactNode;
  return draw(p);
}

/**
 * The object the step touches: its name and place, then only the rows this step writes or reads, then
 * its neighbours in memory on one wrapped line.
 */
function ObjectCard({
  focus,
  neighbours,
  locale,
}: {
  focus: FocusObject;
  neighbours: SceneObject[];
  locale: Locale;
}) {
  const t = strings(locale);
  const o = focus.object;
  return (
    <section
      aria-label={o.name}
      className={`focus-obj focus-obj--${o.area} focus-obj--${o.state}${o.findings.length > 0 ? ' focus-obj--finding' : ''}`}
      data-testid="focus-object"
      data-name={o.name}
      data-addr={hexAddr(o.addr)}
    >
      <h3 className="focus-obj__head">
        <strong className="focus-obj__name">{o.name}</strong>{' '}
        <span className="focus__muted">
          {t.area[o.area]} · <code>{hexAddr(o.addr)}</code> · {o.size} B
          {o.state !== 'alive' ? ` · ${t.state[o.state]}` : ''}
        </span>
      </h3>
      <ObjectCells focus={focus} locale={locale} showWas={false} repeatName={false} />
      {neighbours.length > 0 && (
        <div className="stage__neighbours" data-testid="stage-neighbours">
          <h4 className="focus__title">{translate(locale, 'focus.neighbours')}</h4>
          <ul>
            {neighbours.map((o) => (
              <li key={o.key} data-testid="focus-neighbour">
                <strong>{o.name}</strong> <code>{hexAddr(o.addr)}</code> · {o.size} B
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
