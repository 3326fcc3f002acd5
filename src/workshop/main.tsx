// present.html: the workshop's presenter view (README, "Workshop mode"). Its own entry: the site's first
// paint loads none of it.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { PresenterApp } from './PresenterApp';
import '../app/app.css';
import './presenter.css';

const root = document.getElementById('root');
if (!root) throw new Error('present.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <PresenterApp search={location.search} />
  </StrictMode>,
);
