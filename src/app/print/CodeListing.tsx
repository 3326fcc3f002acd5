// A program file printed in full: every line, numbered (the numbers are CSS counters, so the text copied
// or searched is the code alone), lightly highlighted.
import { useMemo } from 'react';
import { highlightLines, type CodeLanguage } from './highlight';

/** One source file as a numbered, highlighted listing. */
export function CodeListing({
  file,
  code,
  language,
}: {
  file: string;
  code: string;
  language: CodeLanguage;
}) {
  const lines = useMemo(() => highlightLines(code, language), [code, language]);
  return (
    <figure className="hd-code" data-file={file}>
      <figcaption className="hd-code__file">{file}</figcaption>
      <pre className={`hd-code__pre hd-code__pre--${language}`}>
        <code>
          {lines.map((tokens, i) => (
            <span key={i} className="hd-line">
              {tokens.map((token, j) =>
                token.kind === 'plain' ? (
                  token.text
                ) : (
                  <span key={j} className={`hd-tok hd-tok--${token.kind}`}>
                    {token.text}
                  </span>
                ),
              )}
              {'\n'}
            </span>
          ))}
        </code>
      </pre>
    </figure>
  );
}
