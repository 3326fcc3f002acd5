// The key to the focus view's pictures: one line per mark the pictures show, each with a sample drawn
// with the focus view's own classes (so the key looks like what it explains), in words. The handout
// lists exactly the marks of the pictures it prints (focusMarks of each printed step).
import { FOCUS_MARKS, type FocusMark } from './focus.ts';
import { strings, type Locale } from './strings.ts';

/** A small sample of each mark, drawn as the focus view draws it. */
const samples: Record<FocusMark, string> = {
  'finding-note': 'focus-key__sample focus-key__sample--note',
  mismatch: 'md-call__row--mismatch focus-key__sample focus-key__sample--bar',
  'reads-now': 'md-call__now focus-key__sample',
  'hidden-write': 'md-call__hidden focus-key__sample',
  'finding-object': 'focus-obj focus-obj--finding focus-key__sample',
  written: 'focus-obj__written focus-key__sample',
  read: 'focus-obj__read focus-key__sample',
  was: 'focus__muted focus-key__sample',
  'register-written': 'focus__written focus-key__sample focus-key__sample--reg',
  crash: 'focus__crash focus-key__sample',
};

/** Sample text inside a mark's swatch, where the mark is a sign rather than a colour. */
const sampleText: Partial<Record<FocusMark, string>> = {
  mismatch: '≠',
  'reads-now': 'abc',
  'hidden-write': '8 / 32',
  was: '…',
  'register-written': '%r',
};

export function FocusKey({ marks, locale }: { marks: readonly FocusMark[]; locale: Locale }) {
  const t = strings(locale);
  const shown = FOCUS_MARKS.filter((m) => marks.includes(m));
  return (
    <ul className="focus-key" data-testid="focus-key">
      {shown.map((m) => (
        <li key={m} data-mark={m}>
          <span className={samples[m]} aria-hidden="true">
            {sampleText[m] ?? '\u00a0'}
          </span>
          <span>{t.focusKey[m]}</span>
        </li>
      ))}
    </ul>
  );
}
