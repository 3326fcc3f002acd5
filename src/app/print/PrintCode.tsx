// Plain Ctrl+P on a lesson page (not the handout): the player is not printed (an editor prints only what
// it shows), so each program card carries its full code, hidden on screen and shown on paper. Small on
// purpose: it is part of the lesson page's first load.
import { useEffect, useState } from 'react';
import { loadProgram, type LessonProgram } from '../course/course';

/** The full code of a lesson program, for print only. */
export function PrintCode({ lessonId, programId }: { lessonId: string; programId: string }) {
  const [program, setProgram] = useState<LessonProgram | null>(null);
  useEffect(() => {
    let live = true;
    loadProgram(lessonId, programId).then((p) => live && setProgram(p));
    return () => {
      live = false;
    };
  }, [lessonId, programId]);
  if (!program) return null;
  return (
    <div className="print-code" hidden data-program={programId}>
      {(['cpp', 'codon'] as const).map((side) => (
        <figure key={side}>
          <figcaption>{side === 'cpp' ? 'lib.cpp' : 'main.codon'}</figcaption>
          <pre>{program.code[side]}</pre>
        </figure>
      ))}
    </div>
  );
}
