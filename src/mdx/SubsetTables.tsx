// <SubsetTables lang="en" />: the lists of what a learner can write here, read from the front ends'
// own tables (src/sim/subset.ts), so the page "What you can write here" cannot drift from them.
import { subsetCatalogue } from '../sim/subset';
import { translator, type Locale } from '../i18n';

function Codes({ items }: { items: readonly string[] }) {
  return (
    <ul className="subset__codes">
      {items.map((s) => (
        <li key={s}>
          <code>{s}</code>
        </li>
      ))}
    </ul>
  );
}

/** Statement or expression kinds, each with the forms a learner writes. */
function Forms({ forms }: { forms: Readonly<Record<string, readonly string[]>> }) {
  return (
    <dl className="subset__forms">
      {Object.entries(forms).map(([kind, examples]) => (
        <div key={kind}>
          <dt>{kind}</dt>
          <dd>
            {examples.map((s) => (
              <code key={s}>{s}</code>
            ))}
          </dd>
        </div>
      ))}
    </dl>
  );
}

export function SubsetTables({ lang = 'en' }: { lang?: Locale }) {
  const t = translator(lang);
  const c = subsetCatalogue();
  return (
    <div className="subset" data-testid="subset-tables">
      <h2 id="codon">{t('subset.codon')}</h2>
      <h3>{t('subset.statements')}</h3>
      <Forms forms={c.codon.statements} />
      <h3>{t('subset.expressions')}</h3>
      <Forms forms={c.codon.expressions} />
      <h3>{t('subset.codon.builtins')}</h3>
      <Codes items={c.codon.builtins} />
      <h3>{t('subset.codon.types')}</h3>
      <Codes items={c.codon.types} />
      <h3>{t('subset.codon.refused')}</h3>
      <Codes items={c.codon.refusedBuiltins} />
      <p>{t('subset.codon.refused-ptr')}</p>
      <Codes items={c.codon.refusedPtrMethods} />
      <h2 id="cpp">{t('subset.cpp')}</h2>
      <h3>{t('subset.declarations')}</h3>
      <Forms forms={c.cpp.declarations} />
      <h3>{t('subset.statements')}</h3>
      <Forms forms={c.cpp.statements} />
      <h3>{t('subset.cpp.c-functions')}</h3>
      <Codes items={c.cpp.cFunctions} />
      <h3>{t('subset.cpp.std-functions')}</h3>
      <Codes items={c.cpp.stdFunctions} />
      <h3>{t('subset.cpp.std-classes')}</h3>
      <dl className="subset__forms">
        {c.cpp.stdClasses.map((k) => (
          <div key={k.name}>
            <dt>
              <code>{k.name}</code>
            </dt>
            <dd>
              {k.members.length === 0
                ? t('subset.cpp.no-members')
                : k.members.map((m) => <code key={m}>{m}</code>)}
            </dd>
          </div>
        ))}
      </dl>
      <p>{t('subset.cpp.refused-c', { n: c.cpp.refusedCFunctionCount })}</p>
    </div>
  );
}
