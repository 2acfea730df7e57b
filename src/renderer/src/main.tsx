import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { createClient } from './api/client';
import { createAppStore } from './store';
import './styles/app.css';
import { markStep } from './startupMarks';

markStep('fleece:script-start');

const client = createClient(window.fleece);
const store = createAppStore(client);
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App store={store} client={client} />
    </StrictMode>,
  );
}
