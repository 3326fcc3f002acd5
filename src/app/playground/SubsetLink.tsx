// The link a "not modelled" diagnostic carries to the page "What you can write here" (page:subset):
// inside the site it navigates there, elsewhere (the embed) it opens the page in a new tab.
import { useSite } from '../site/SiteContext';
import { hrefOf, type Route } from '../site/routes';
import { useT } from '../context';

const SUBSET: Route = { kind: 'page', id: 'subset' };

export function SubsetLink() {
  const t = useT();
  const site = useSite();
  if (!site) {
    return (
      <a className="finding__see" href={hrefOf(SUBSET)} target="_blank" rel="noopener noreferrer">
        {t('findings.see-subset')}
      </a>
    );
  }
  return (
    <a
      className="finding__see"
      href={site.hrefFor(SUBSET)}
      onClick={(event) => {
        if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
        event.preventDefault();
        site.navigate(SUBSET);
      }}
    >
      {t('findings.see-subset')}
    </a>
  );
}
