import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { prefetch } from './api/use-api';
import { App } from './app';
import { OVERVIEW_READS } from './pages/overview';
import { parseHash } from './router';
import './styles.css';
import { applyInitialTheme } from './theme';

applyInitialTheme();
// The overview is the first page most visits open: its data is asked for before React renders anything.
if (parseHash(window.location.hash).page === 'overview') prefetch(OVERVIEW_READS);

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
