import { hexAddr } from './format.ts';
import type { CallRegisterRow, SceneCall, SceneRegister } from '../../sim/view/index.ts';
import { strings, type Locale } from './strings.ts';

interface CallViewProps {
  call: SceneCall;
  registers: SceneRegister[];
  locale: Locale;
  /** Leave out the two signatures (the signature strip above the editors shows them). */
  compact?: boolean;
}

/**
 * A foreign call at machine level: what the caller believes (its declaration, where it puts the
 * arguments, where it reads the result) beside what the callee does, register by register.
 */
export function CallView({ call, registers, locale, compact = false }: CallViewProps) {
  const t = strings(locale);
  const c = call.call;
  const label = (r: CallRegisterRow['caller'], side: 'caller' | 'callee', reg: string) => {
    if (r.role === 'none' && side === 'caller') {
      const other = call.rows.find((x) => x.register === reg)?.callee.role;
      return other === 'result' || other === 'hidden-return' ? t.callerNever : t.callRole.none('', '');
    }
    return side === 'caller'
      ? t.callRole[r.role](r.label, r.typeName)
      : t.calleeRole[r.role](r.label, r.typeName);
  };
  const regLabel = (name: string) => registers.find((r) => r.name === name)?.label ?? name;
  const h = call.hidden;
  return (
    <section
      className={`md-call md-call--${call.phase}${c.mismatch ? ' md-call--mismatch' : ''}`}
      aria-label={t.callTitle(c.symbol)}
      data-testid="call-view"
      data-phase={call.phase}
    >
      <h3 className="md-call__title">
        {t.callTitle(c.symbol)}
        {compact && <span className="md-call__phase"> · {t.phase[call.phase]}</span>}
      </h3>
      {!compact && <p className="md-call__phase">{t.phase[call.phase]}</p>}
      {!compact && (
        <div className="md-call__sigs">
          <p>
            <span className="md-call__who">{t.callerBelieves}</span> <code>{c.callerSignature}</code>
          </p>
          <p>
            <span className="md-call__who">{t.calleeDoes}</span> <code>{c.calleeSignature}</code>
          </p>
        </div>
      )}
      <table className="md-call__table">
        <thead>
          <tr>
            <th scope="col">{t.register}</th>
            <th scope="col">{t.callerBelieves}</th>
            <th scope="col">{t.calleeDoes}</th>
            <th scope="col">{t.valueNow}</th>
          </tr>
        </thead>
        <tbody>
          {call.rows.map((r) => (
            <tr
              key={r.register}
              className={r.mismatch ? 'md-call__row md-call__row--mismatch' : 'md-call__row'}
              data-testid={`call-row-${r.register}`}
              data-mismatch={r.mismatch ? 'true' : 'false'}
              data-caller={r.caller.role}
              data-callee={r.callee.role}
            >
              <th scope="row">
                <code>%{regLabel(r.register)}</code>
                {r.mismatch && (
                  <span className="md-call__flag" title={t.mismatch}>
                    <span aria-hidden="true">≠</span>
                    <span className="md-sr">{t.mismatch}</span>
                  </span>
                )}
              </th>
              <td
                className={call.phase === 'return' && r.caller.role === 'result' ? 'md-call__now' : undefined}
                data-label={t.callerBelieves}
              >
                {label(r.caller, 'caller', r.register)}
              </td>
              <td data-label={t.calleeDoes}>{label(r.callee, 'callee', r.register)}</td>
              <td data-label={t.valueNow}>
                <code>{r.value}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {h !== null && (
        <p
          className="md-call__hidden"
          data-testid="hidden-write"
          data-addr={hexAddr(h.value)}
          data-written={h.written}
        >
          {t.hiddenWrite(h.written, h.size, h.reg, hexAddr(h.value), h.victims.join(', '))}
        </p>
      )}
    </section>
  );
}
