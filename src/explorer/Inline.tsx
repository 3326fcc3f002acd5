// Sentences from the model mark code with backticks (`std::shared_ptr<double>`); show those as code.
import { Fragment } from 'react';

/** Renders `text`, with every `backticked` stretch as a <code> element. */
export function Inline({ text }: { text: string }) {
  const parts = text.split('`');
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 ? <code key={i}>{part}</code> : <Fragment key={i}>{part}</Fragment>,
      )}
    </>
  );
}
