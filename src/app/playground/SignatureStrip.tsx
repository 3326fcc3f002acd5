// The signature strip: above the editors, the two declarations that meet at the boundary, side by side
// and always whole (they wrap, never cut), the parts the ABI check found to disagree marked, and the
// check's verdict. The whole bug is `std::array<double, 4>` against `Ptr[float]`: it is always in view.
import { useMemo } from 'react';
import { useShallow } from 'zustand/shallow';
import { formatMessage } from '../../sim/messages/format';
import { usePlayer, usePlayerUi, useT } from '../context';
import type { CodeSide } from '../store/types';
import { signaturePair, type SigPart } from './signature';

export function SignatureStrip() {
  const t = useT();
  const ui = usePlayerUi();
  const { trace, step, locale, files } = usePlayer(
    useShallow((s) => ({ trace: s.trace, step: s.step, locale: s.locale, files: s.fileNames })),
  );
  const pair = useMemo(() => (trace ? signaturePair(trace, step) : null), [trace, step]);
  if (pair === null) return null;
  const where = (file: string, line: number | null) => (line === null ? file : `${file}:${line}`);
  // A declaration's place is a button: it shows that line in its editor (the strip is a stop for Tab).
  const loc = (side: CodeSide, file: string, line: number | null) =>
    line === null ? (
      <span className="sig-strip__loc">{file}</span>
    ) : (
      <button
        type="button"
        className="sig-strip__loc sig-strip__loc--button"
        aria-label={t('sig.show', { file, line })}
        onClick={() => ui.revealLine(side, line)}
      >
        {where(file, line)}
      </button>
    );
  return (
    <section
      className={`sig-strip${pair.mismatch ? ' sig-strip--mismatch' : ''}`}
      aria-label={t('sig.region')}
      data-testid="signature-strip"
      data-mismatch={pair.mismatch ? 'true' : 'false'}
    >
      <div className="sig-strip__side sig-strip__side--cpp" data-testid="sig-cpp">
        <span className="sig-strip__who">
          {t('sig.cpp')} {loc('cpp', files.cpp, pair.cppLine)}
        </span>
        <code className="sig-strip__code">
          <Parts parts={pair.cpp} differs={t('sig.differs')} />
        </code>
      </div>
      <div className="sig-strip__side sig-strip__side--codon" data-testid="sig-codon">
        <span className="sig-strip__who">
          {t('sig.codon')} {loc('codon', files.codon, pair.codonLine)}
        </span>
        <code className="sig-strip__code">
          <Parts parts={pair.codon} differs={t('sig.differs')} />
        </code>
      </div>
      <p className="sig-strip__verdict" data-testid="sig-verdict" role="status">
        {pair.verdict === null ? (
          <>
            <span aria-hidden="true">✓ </span>
            {t('sig.agree')}
          </>
        ) : (
          <>
            <span aria-hidden="true">≠ </span>
            {t('sig.disagree')} {formatMessage(pair.verdict.message, locale)}
          </>
        )}
      </p>
    </section>
  );
}

function Parts({ parts, differs }: { parts: SigPart[]; differs: string }) {
  const marked = parts.filter((p) => (p.kind === 'result' || p.kind === 'param') && p.differs);
  return (
    <>
      {parts.map((p, i) =>
        (p.kind === 'result' || p.kind === 'param') && p.differs ? (
          <mark key={i} className="sig-strip__differs" title={differs} data-part={p.kind}>
            {p.text}
          </mark>
        ) : (
          <span key={i} className={p.kind === 'name' ? 'sig-strip__name' : undefined}>
            {p.text}
          </span>
        ),
      )}
      {/* Said after the whole declaration, so a screen reader reads the signature in one piece. */}
      {marked.length > 0 && (
        <span className="sr-only">
          {' '}
          ({differs}: {marked.map((p) => p.text).join(', ')})
        </span>
      )}
    </>
  );
}
