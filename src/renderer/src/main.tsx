// First: the start-up reads go out before the rest of the app's script is evaluated.
import { earlyAnswers } from './api/startupRequests';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { createClient } from './api/client';
import { createAppStore } from './store';
import './styles/app.css';
import { markStep } from './startupMarks';

markStep('fleece:script-start');

const client = createClient(window.fleece, earlyAnswers);
const store = createAppStore(client);
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App store={store} client={client} />
    </StrictMode>,
  );
}
