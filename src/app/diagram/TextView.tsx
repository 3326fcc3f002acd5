import { useMemo } from 'react';
import { formatMessage } from '../../sim/messages/format.ts';
import type { Trace } from '../../sim/trace/types.ts';
import { CallView } from './CallView.tsx';
import { hexAddr } from './format.ts';
import {
  MEMORY_AREAS,
  groupsOfFindings,
  narrate,
  stepView,
  type Scene,
  type SceneObject,
} from '../../sim/view/index.ts';
import { pointerSentence } from './PointerArrow.tsx';
import { strings, type Locale } from './strings.ts';

export interface DiagramTextViewProps {
  trace: Trace;
  step: number;
  eventEnd?: number;
  locale: 'en' | 'zh';
}

function values(o: SceneObject, scene: Scene, locale: Locale): string {
  const t = strings(locale);
  return o.rows
    .map((r) => {
      if (r.cell === null) return r.kind === 'more' ? '…' : '';
      const c = r.cell;
      let s = `${c.path === '' ? '' : `${c.path} = `}${c.text}`;
      if (c.staleWas !== null) s += ` (${t.was(c.staleWas)})`;
      if (c.written) s += ` [${t.written}]`;
      const p = scene.pointers.find((x) => x.from.kind === 'cell' && x.from.addr === c.addr);
      if (p !== undefined) {
        const target = scene.objects.find((x) => x.id === p.objectId);
        s += ` — ${pointerSentence(p, '', target?.name ?? null, locale).trim()}`;
      }
      return s;
    })
    .filter((s) => s !== '')
    .join('; ');
}

/** The diagram's state as tables a screen reader walks through: areas, objects, values, lifetimes, registers. */
export function DiagramTextView({ trace, step, eventEnd, locale }: DiagramTextViewProps) {
  const view = useMemo(() => stepView(trace, step, eventEnd, locale), [trace, step, eventEnd, locale]);
  const t = strings(locale);
  const scene = view.scene;
  const frameName = (id: number) => scene.frames.find((f) => f.id === id);
  return (
    <div className="md-text" data-testid="diagram-text-view">
      <p className="md-text__narration">{narrate(view, locale)}</p>
      {scene.crash !== null && (
        <p className="md-text__crash" role="note">
          <strong>{t.crash}: </strong>
          {formatMessage(scene.crash.message, locale)}{' '}
          {t.crashAt(
            hexAddr(scene.crash.address),
            scene.crash.functionName,
            trace.files[scene.crash.side === 'cpp' ? 'cpp' : 'codon'],
            scene.crash.line,
          )}
        </p>
      )}
      {MEMORY_AREAS.map((area) => {
        const objs = scene.objects
          .filter((o) => o.area === area)
          .sort((a, b) => (area === 'stack' ? b.addr - a.addr : a.addr - b.addr));
        return (
          <section key={area} role="region" aria-label={t.area[area]} className="md-text__area">
            <table>
              <caption>
                {t.area[area]} <span className="md-text__hint">({t.areaHint[area]})</span>
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t.tableObject}</th>
                  <th scope="col">{t.tableType}</th>
                  <th scope="col">{t.tableAddress}</th>
                  <th scope="col">{t.tableState}</th>
                  <th scope="col">{t.tableValues}</th>
                  <th scope="col">{t.tableLifetime}</th>
                </tr>
              </thead>
              <tbody>
                {objs.length === 0 && (
                  <tr>
                    <td colSpan={6}>{t.empty}</td>
                  </tr>
                )}
                {objs.map((o) => {
                  const f = frameName(o.frameId);
                  return (
                    <tr key={o.key} data-object-id={o.id} data-state={o.state}>
                      <th scope="row">
                        {o.name}
                        {f !== undefined ? ` (${t.frame(f.functionName, t.side[f.side])})` : ''}
                      </th>
                      <td>{o.typeName}</td>
                      <td>
                        <code>
                          {hexAddr(o.addr)}–{hexAddr(o.addr + o.size)}
                        </code>
                      </td>
                      <td>
                        {t.stateLong[o.state]}
                        {o.reusedBy !== null ? `; ${t.reusedBy(o.reusedBy)}` : ''}
                        {o.gc === 'marked' ? `; ${t.gcMarked}` : o.gc === 'swept' ? `; ${t.gcSwept}` : ''}
                        {groupsOfFindings(trace, o.findings).map((g) => (
                          <span key={g.members[0]}>
                            ; {`${t.finding}: ${formatMessage(g.message, locale)}`}
                          </span>
                        ))}
                      </td>
                      <td>{values(o, scene, locale)}</td>
                      <td>{o.id < 0 ? '' : t.lifetime(o.born, o.died)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </section>
        );
      })}
      <section role="region" aria-label={t.area.registers} className="md-text__area">
        <table>
          <caption>{t.area.registers}</caption>
          <thead>
            <tr>
              <th scope="col">{t.register}</th>
              <th scope="col">{t.valueNow}</th>
              <th scope="col">{t.tableState}</th>
            </tr>
          </thead>
          <tbody>
            {scene.registers.map((r) => {
              const p = scene.pointers.find((x) => x.from.kind === 'register' && x.from.name === r.name);
              const target = p === undefined ? undefined : scene.objects.find((x) => x.id === p.objectId);
              return (
                <tr key={r.name}>
                  <th scope="row">
                    <code>%{r.label}</code>
                  </th>
                  <td>
                    <code>{r.text}</code>
                    {p !== undefined
                      ? ` — ${pointerSentence(p, '', target?.name ?? null, locale).trim()}`
                      : ''}
                  </td>
                  <td>
                    {r.role}
                    {r.written ? ` [${t.written}]` : ''}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
      {scene.call !== null && <CallView call={scene.call} registers={scene.registers} locale={locale} />}
    </div>
  );
}
