// <Evidence source label> fenced block </Evidence>, <Cite id />, <Term id>text</Term>: real-world
// evidence with what produced it, citations of the course's sources, and glossary terms.
import { useContext, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { PlayerContext, usePlayer, useT } from '../app/context';
import { loadGlossary, sourceTitle, sources, type GlossaryEntry, type Source } from '../app/course/course';
import { useSite } from '../app/site/SiteContext';

/** A source's title as a link to it (opens in a new tab, so the learner keeps their place). */
export function Cite({ id }: { id: string }) {
  const source = sources.get(id);
  const player = useContext(PlayerContext);
  if (!source) return <span className="mdx-cite mdx-cite--unknown">[{id}]</span>;
  return (
    <a className="mdx-cite" href={source.url} target="_blank" rel="noopener noreferrer" data-source={id}>
      {player ? <LiveTitle source={source} /> : sourceTitle(source, 'en')}
    </a>
  );
}

function LiveTitle({ source }: { source: Source }) {
  return (
    <>
      {sourceTitle(
        source,
        usePlayer((s) => s.locale),
      )}
    </>
  );
}

/** Quoted evidence from a real machine, labelled with exactly what produced it. */
export function Evidence({
  source,
  label,
  children,
}: {
  source: string;
  label: string;
  children: ReactNode;
}) {
  const player = useContext(PlayerContext);
  return (
    <figure className="mdx-evidence" data-source={source}>
      <figcaption>
        <span className="mdx-evidence__kind">
          {player ? <EvidenceKind /> : 'Evidence from a real machine'}
        </span>
        <span className="mdx-evidence__label">{label}</span>
        {sources.has(source) && (
          <span className="mdx-evidence__source">
            <Cite id={source} />
          </span>
        )}
      </figcaption>
      {children}
    </figure>
  );
}

function EvidenceKind() {
  return <>{useT()('mdx.evidence')}</>;
}

/** A glossary term in the lesson's own words; the popup shows the entry in the page's language. */
export function Term({ id, children }: { id: string; children: ReactNode }) {
  const player = useContext(PlayerContext);
  if (!player) return <dfn className="mdx-term">{children}</dfn>;
  return <LiveTerm id={id}>{children}</LiveTerm>;
}

function LiveTerm({ id, children }: { id: string; children: ReactNode }) {
  const t = useT();
  const locale = usePlayer((s) => s.locale);
  const site = useSite();
  const popupId = useId();
  const root = useRef<HTMLSpanElement>(null);
  const [open, setOpen] = useState(false);
  const [entry, setEntry] = useState<GlossaryEntry | null | undefined>(undefined);
  useEffect(() => {
    if (!open) return;
    let live = true;
    loadGlossary(locale).then((entries) => live && setEntry(entries.find((e) => e.id === id) ?? null));
    const close = (event: Event) => {
      if (
        event instanceof KeyboardEvent
          ? event.key === 'Escape'
          : !root.current?.contains(event.target as Node)
      ) {
        setOpen(false);
      }
    };
    document.addEventListener('keydown', close);
    document.addEventListener('pointerdown', close);
    return () => {
      live = false;
      document.removeEventListener('keydown', close);
      document.removeEventListener('pointerdown', close);
    };
  }, [open, locale, id]);
  return (
    <span ref={root} className="mdx-term">
      <button
        type="button"
        className="mdx-term__button"
        aria-expanded={open}
        aria-controls={open ? popupId : undefined}
        onClick={() => setOpen((v) => !v)}
      >
        {children}
      </button>
      {open && (
        <span id={popupId} className="mdx-term__popup" role="note">
          {entry === undefined ? (
            t('site.loading')
          ) : entry === null ? (
            t('mdx.unknown-term', { id })
          ) : (
            <>
              <strong>{entry.term}</strong> {entry.definition}{' '}
              {site && (
                <a
                  href={site.hrefFor({ kind: 'page', id: 'glossary' }, id)}
                  onClick={(e) => {
                    e.preventDefault();
                    site.navigate({ kind: 'page', id: 'glossary' }, id);
                  }}
                >
                  {t('mdx.term.glossary')}
                </a>
              )}
            </>
          )}
        </span>
      )}
    </span>
  );
}
