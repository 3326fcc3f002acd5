// The site header: the name (back to the course), and the language, theme and motion settings.
import { useShallow } from 'zustand/shallow';
import { LOCALE_NAMES, LOCALES } from '../../i18n';
import { usePlayer, usePlayerStore, useT } from '../context';
import type { MotionSetting, ThemeSetting } from '../store/types';
import { usePageLayout } from '../ui/hooks';
import { useSite } from './SiteContext';

const THEMES: ThemeSetting[] = ['system', 'light', 'dark', 'contrast'];
const MOTIONS: MotionSetting[] = ['system', 'reduce', 'full'];

export function Header({ onHelp }: { onHelp: () => void }) {
  const t = useT();
  const store = usePlayerStore();
  const site = useSite();
  const layout = usePageLayout();
  const { locale, theme, motion } = usePlayer(
    useShallow((s) => ({ locale: s.locale, theme: s.theme, motion: s.motion })),
  );
  const settings = (
    <div className="app-header__settings">
      <label>
        <span>{t('site.language')}</span>
        <select
          value={locale}
          onChange={(e) => store.getState().setLocale(e.target.value === 'zh' ? 'zh' : 'en')}
        >
          {LOCALES.map((l) => (
            <option key={l} value={l} lang={l === 'zh' ? 'zh-CN' : 'en'}>
              {LOCALE_NAMES[l]}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('site.theme')}</span>
        <select value={theme} onChange={(e) => store.getState().setTheme(e.target.value as ThemeSetting)}>
          {THEMES.map((value) => (
            <option key={value} value={value}>
              {t(`site.theme.${value}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('site.motion')}</span>
        <select value={motion} onChange={(e) => store.getState().setMotion(e.target.value as MotionSetting)}>
          {MOTIONS.map((value) => (
            <option key={value} value={value}>
              {t(`site.motion.${value}`)}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className="app-header__help"
        onClick={onHelp}
        aria-label={t('site.shortcuts')}
        title={t('site.shortcuts')}
      >
        ?
      </button>
    </div>
  );
  return (
    <header className="app-header">
      <a className="skip-link" href="#main">
        {t('site.skip')}
      </a>
      <p className="app-header__name">
        <a
          href={site?.hrefFor({ kind: 'index' }) ?? '?'}
          onClick={(e) => {
            if (!site || e.button !== 0 || e.metaKey || e.ctrlKey) return;
            e.preventDefault();
            site.navigate({ kind: 'index' });
          }}
        >
          {t('site.name')}
        </a>
      </p>
      <p className="app-header__tagline">{t('site.tagline')}</p>
      {layout === 'phone' ? (
        <details className="app-header__menu">
          <summary>{t('site.settings')}</summary>
          {settings}
        </details>
      ) : (
        settings
      )}
    </header>
  );
}
