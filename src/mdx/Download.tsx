// <Download program />: the program's files, and the commands that build and run them for real.
import { useContext, useEffect, useState } from 'react';
import { PlayerContext, usePlayer, useT } from '../app/context';
import { localized, type LessonProgram } from '../app/course/course';
import { LessonContext, useLesson } from '../app/lesson/LessonContext';

export const BUILD_COMMANDS = [
  'g++ -std=c++17 -shared -fPIC -O0 -g -o libfoo.so lib.cpp',
  'codon run main.codon',
] as const;
export const DEBUG_COMMANDS = [
  'codon build -debug -exe -o main main.codon',
  'gdb -q -ex run -ex bt ./main',
] as const;

export function Download({ program }: { program: string }) {
  const lesson = useContext(LessonContext);
  const player = useContext(PlayerContext);
  if (!lesson || !player) return <Commands files={null} program={program} />;
  return <LiveDownload program={program} />;
}

function LiveDownload({ program }: { program: string }) {
  const lesson = useLesson()!;
  const load = lesson.loadProgram;
  const [files, setFiles] = useState<LessonProgram | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    load(program).then((p) => live && setFiles(p));
    return () => {
      live = false;
    };
  }, [load, program]);
  return <LiveCommands files={files ?? null} program={program} missing={files === null} />;
}

function LiveCommands({
  files,
  program,
  missing,
}: {
  files: LessonProgram | null;
  program: string;
  missing: boolean;
}) {
  const t = useT();
  const locale = usePlayer((s) => s.locale);
  if (missing) return <p className="mdx-download">{t('mdx.unknown-program', { program })}</p>;
  const title = files?.title ? localized(files.title, locale) : program;
  return (
    <section className="mdx-download" aria-label={t('mdx.download')}>
      <h3>{t('mdx.download')}</h3>
      <p>{t('mdx.download.intro', { title })}</p>
      {files && (
        <ul className="mdx-download__files">
          {(['cpp', 'codon'] as const).map((side) => {
            const name = side === 'cpp' ? 'lib.cpp' : 'main.codon';
            return (
              <li key={side}>
                <a
                  href={`data:text/plain;charset=utf-8,${encodeURIComponent(files.code[side])}`}
                  download={name}
                >
                  {t('mdx.download.file', { file: name })}
                </a>
              </li>
            );
          })}
        </ul>
      )}
      <pre className="mdx-download__commands" tabIndex={0}>
        <code>{BUILD_COMMANDS.join('\n')}</code>
      </pre>
      <p>{t('mdx.download.debug')}</p>
      <pre className="mdx-download__commands" tabIndex={0}>
        <code>{DEBUG_COMMANDS.join('\n')}</code>
      </pre>
      <p className="mdx-download__note">{t('mdx.download.gc-note')}</p>
    </section>
  );
}

function Commands({ program }: { files: null; program: string }) {
  return (
    <section className="mdx-download" aria-label="Run it for real" data-program={program}>
      <pre className="mdx-download__commands" tabIndex={0}>
        <code>{[...BUILD_COMMANDS, ...DEBUG_COMMANDS].join('\n')}</code>
      </pre>
    </section>
  );
}
