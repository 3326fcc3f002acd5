// The pages around the lessons: MDX pages (start, "What the simulator models") and the glossary.
import { MDXProvider } from '@mdx-js/react';
import { useEffect, useState } from 'react';
import { mdxComponents } from '../../mdx/components';
import { usePlayer, useT } from '../context';
import {
  findLessonEntry,
  findPageEntry,
  loadGlossary,
  loadPageText,
  localized,
  type GlossaryEntry,
  type LoadedText,
} from '../course/course';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { useSite } from './SiteContext';
import { scrollToHash } from '../url/hash';

export function PageView({ id }: { id: string }) {
  const entry = findPageEntry(id);
  const t = useT();
  if (!entry) return <p role="alert">{t('site.not-found', { id })}</p>;
  return entry.kind === 'glossary' ? <GlossaryPage /> : <MdxPage id={id} />;
}

function MdxPage({ id }: { id: string }) {
  const t = useT();
  const locale = usePlayer((s) => s.locale);
  const [text, setText] = useState<{ key: string; loaded: LoadedText | null } | null>(null);
  const key = `${id}:${locale}`;
  useEffect(() => {
    let live = true;
    loadPageText(id, locale).then((loaded) => live && setText({ key, loaded }));
    return () => {
      live = false;
    };
  }, [id, locale, key]);
  if (!text || text.key !== key) return <p className="page-loading">{t('site.loading')}</p>;
  if (!text.loaded) return <p role="alert">{t('site.not-found', { id })}</p>;
  const { Content } = text.loaded;
  return (
    <article className="lesson page" lang={text.loaded.locale === 'zh' ? 'zh-CN' : 'en'}>
      {text.loaded.locale !== locale && <p className="notice notice--warning">{t('site.no-translation')}</p>}
      <ErrorBoundary name={`page ${id}`} locale={locale}>
        <MDXProvider components={mdxComponents}>
          <Content />
        </MDXProvider>
      </ErrorBoundary>
    </article>
  );
}

function GlossaryPage() {
  const t = useT();
  const locale = usePlayer((s) => s.locale);
  const site = useSite();
  const [entries, setEntries] = useState<{ locale: string; list: GlossaryEntry[] } | null>(null);
  useEffect(() => {
    let live = true;
    loadGlossary(locale).then((list) => live && setEntries({ locale, list }));
    return () => {
      live = false;
    };
  }, [locale]);
  useEffect(() => {
    // Arriving from a term's "In the glossary" link: scroll to the entry once it is there.
    if (!entries || !location.hash) return;
    scrollToHash(location.hash, document);
  }, [entries]);
  if (!entries || entries.locale !== locale) return <p className="page-loading">{t('site.loading')}</p>;
  const sorted = [...entries.list].sort((a, b) =>
    a.term.localeCompare(b.term, locale === 'zh' ? 'zh-CN' : 'en'),
  );
  return (
    <article className="lesson page glossary">
      <h1>{t('glossary.title')}</h1>
      <dl>
        {sorted.map((entry) => {
          const lesson = findLessonEntry(entry.lesson);
          return (
            <div key={entry.id} id={entry.id} className="glossary__entry">
              <dt>{entry.term}</dt>
              <dd>
                {entry.definition}
                {lesson && site && (
                  <>
                    {' '}
                    <a
                      href={site.hrefFor({ kind: 'lesson', id: lesson.id })}
                      onClick={(e) => {
                        e.preventDefault();
                        site.navigate({ kind: 'lesson', id: lesson.id });
                      }}
                    >
                      {t('glossary.introduced', { lesson: localized(lesson.title, locale) })}
                    </a>
                  </>
                )}
              </dd>
            </div>
          );
        })}
      </dl>
    </article>
  );
}
