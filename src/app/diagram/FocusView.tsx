// The focus view, the player's default: only what this step is about, in HTML that wraps rather than
// cuts. The call in progress register by register, the registers that matter now, the memory the step
// writes or reads with its neighbours. The whole machine (the SVG diagram) is one click away.
import { useMemo, type ReactNode } from 'react';
import { translate } from '../../i18n';
import { formatMessage } from '../../sim/messages/format.ts';
import type { Trace } from '../../sim/trace/types.ts';
import { CallView } from './CallView.tsx';
import { ObjectCells } from './ObjectCells.tsx';
import { focusOf, type FocusObject } from './focus.ts';
import { hexAddr } from './format.ts';
import { buildScene, type SceneObject } from '../../sim/view/index.ts';
import { strings, type Locale } from './strings.ts';
import './diagram.css';

export interface FocusViewProps {
  trace: Trace;
  step: number;
  eventEnd?: number;
  locale: Locale;
  onSelectObject?: (objectId: number) => void;
  /** More of the step shown under the registers (the player's output and findings). */
  children?: ReactNode;
}

export function FocusView({ trace, step, eventEnd, locale, onSelectObject, children }: FocusViewProps) {
  const scene = useMemo(() => buildScene(trace, step, eventEnd, locale), [trace, step, eventEnd, locale]);
  const focus = useMemo(() => focusOf(scene), [scene]);
  const t = strings(locale);
  const say = (key: Parameters<typeof translate>[1]) => translate(locale, key);
  return (
    <div className="mdiag focus" data-testid="focus-view" data-step={scene.step}>
      {scene.crash !== null && (
        <p className="focus__crash" data-testid="focus-crash">
          <strong>{t.crash}: </strong>
          {formatMessage(scene.crash.message, locale)}{' '}
          {t.crashAt(
            hexAddr(scene.crash.address),
            scene.crash.functionName,
            scene.crash.side === 'cpp' ? trace.files.cpp : trace.files.codon,
            scene.crash.line,
          )}
        </p>
      )}
      <div className="focus__grid">
        <div className="focus__col">
          {scene.call !== null && (
            <CallView call={scene.call} registers={scene.registers} locale={locale} compact />
          )}
          <section
            className="focus__box focus__box--inline"
            aria-label={say('focus.registers')}
            data-testid="focus-registers"
          >
            <h3 className="focus__title">{say('focus.registers')}</h3>
            {focus.registers.length === 0 ? (
              <p className="focus__empty">{say('focus.registers-none')}</p>
            ) : (
              <ul className="focus__regs">
                {focus.registers.map((r) => (
                  <li key={r.name} className={r.written ? 'focus__written' : undefined} title={r.role}>
                    <code>%{r.label}</code> <code className="focus__value">{r.text}</code>
                    <span className="sr-only"> ({r.role})</span>
                  </li>
                ))}
              </ul>
            )}
          </section>
          {children}
        </div>
        <div className="focus__col">
          <section className="focus__box" aria-label={say('focus.object')} data-testid="focus-memory">
            <h3 className="focus__title">{say('focus.object')}</h3>
            {focus.touched.length === 0 && <p className="focus__empty">{say('focus.object-none')}</p>}
            {focus.touched.map((f) => (
              <ObjectCard key={f.object.key} focus={f} locale={locale} onSelect={onSelectObject} />
            ))}
            {focus.neighbours.length > 0 && (
              <div className="focus__neighbours">
                <span className="focus__muted">{say('focus.neighbours')}:</span>
                <ul>
                  {focus.neighbours.map((o) => (
                    <li key={o.key} data-testid="focus-neighbour">
                      <strong>{o.name}</strong> <code>{hexAddr(o.addr)}</code> · {o.size} B
                    </li>
                  ))}
                </ul>
              </div>
            )}
          </section>
        </div>
      </div>
    </div>
  );
}

function ObjectCard({
  focus,
  locale,
  onSelect,
}: {
  focus: FocusObject;
  locale: Locale;
  onSelect?: ((id: number) => void) | undefined;
}) {
  const t = strings(locale);
  const o: SceneObject = focus.object;
  return (
    <div
      role="group"
      aria-label={o.name}
      className={`focus-obj focus-obj--${o.area} focus-obj--${o.state}${o.findings.length > 0 ? ' focus-obj--finding' : ''}`}
      data-testid="focus-object"
      data-name={o.name}
      data-addr={hexAddr(o.addr)}
    >
      <header className="focus-obj__head">
        {onSelect ? (
          <button type="button" className="focus-obj__name" onClick={() => onSelect(o.id)}>
            {o.name}
          </button>
        ) : (
          <strong className="focus-obj__name">{o.name}</strong>
        )}{' '}
        <span className="focus__muted">
          {o.typeName} · {t.area[o.area]} · <code>{hexAddr(o.addr)}</code> · {o.size} B
          {o.state !== 'alive' ? ` · ${t.state[o.state]}` : ''}
        </span>
      </header>
      <ObjectCells focus={focus} locale={locale} showWas />
      {focus.skipped > 0 && (
        <p className="focus__muted focus-obj__more">
          {translate(locale, 'focus.more-rows', { n: focus.skipped })}
        </p>
      )}
    </div>
  );
}
