import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

import { App } from './App';
import './i18n';
import { startCallAudio } from './media/start-call-audio';
import { useAudioStore } from './stores/audio-store';
import { useCallsStore } from './stores/calls-store';
import './styles/app.css';
import './styles/workstation.css';
// Last: the compact rules override the rest at small sizes.
import './styles/compact.css';
import './styles/sharing.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
const callAudio = startCallAudio();
useCallsStore.setState({ microphone: callAudio });
useAudioStore.setState({ control: callAudio });
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
