// embed.html: one playground for an iframe in someone else's page (README, "Embed"). A separate entry:
// the site's own first paint loads none of this.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { EmbedApp } from './EmbedApp';
import { parseEmbedParams } from './params';
import '../app/app.css';
import './embed.css';

const root = document.getElementById('root');
if (!root) throw new Error('embed.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <EmbedApp params={parseEmbedParams(location.search)} />
  </StrictMode>,
);
