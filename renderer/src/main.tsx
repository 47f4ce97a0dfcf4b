import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

import { App } from './App';
import './i18n';
import { startCallAudio } from './media/start-call-audio';
import { useCallsStore } from './stores/calls-store';
import './styles/app.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
useCallsStore.setState({ microphone: startCallAudio() });
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
