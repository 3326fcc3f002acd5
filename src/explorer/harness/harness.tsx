// The ABI explorer on a page of its own, in a lesson column as the course shows it, for the
// end-to-end tests and screenshots (`?locale=zh&type=...&definitions=...`).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../../app/app.css';
import { AbiExplorer } from '../index.ts';

const params = new URLSearchParams(window.location.search);
const locale = params.get('locale') === 'zh' ? 'zh' : 'en';
document.documentElement.lang = locale === 'zh' ? 'zh-CN' : 'en';
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <main className="app-main">
        <article className="lesson">
          <h1>{locale === 'zh' ? 'ABI 探索器' : 'The ABI explorer'}</h1>
          {/* The widget's own heading is an h3, as in a lesson section. */}
          <h2>{locale === 'zh' ? '自己试试' : 'Try it yourself'}</h2>
          <AbiExplorer
            locale={locale}
            initialType={params.get('type') ?? undefined}
            initialDefinitions={params.get('definitions') ?? undefined}
          />
        </article>
      </main>
    </StrictMode>,
  );
}
