import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { AvailabilityStatus } from './components/AvailabilityStatus';
import { CloseDay } from './components/beyond/CloseDay';
import { WeekScreen } from './components/beyond/WeekScreen';
import { DialLinkConfirm } from './components/DialLinkConfirm';
import { HistoryScreen } from './components/HistoryScreen';
import { NoticeBanner } from './components/NoticeBanner';
import { PhoneScreen } from './components/PhoneScreen';
import { JournalScreen } from './components/recovery/JournalScreen';
import { RecoveryLayer } from './components/recovery/RecoveryLayer';
import { RingingLayer } from './components/RingingLayer';
import { SettingsScreen } from './components/SettingsScreen';
import { ShareScreen } from './components/sharing/ShareScreen';
import { TeamDashboardButton } from './components/sharing/TeamDashboardButton';
import { WeeklyShareCard } from './components/sharing/WeeklyShareCard';
import { StatusArea } from './components/StatusArea';
import { useFocusRescue } from './components/use-focus-rescue';
import { useAppStore } from './stores/app-store';
import { useAudioStore } from './stores/audio-store';
import { useAvailabilityStore } from './stores/availability-store';
import { useCallsStore } from './stores/calls-store';
import { useRecoveryStore } from './stores/recovery-store';
import { useWarningsStore } from './stores/warnings-store';
import { useRegistrationStore } from './stores/registration-store';
import { useSettingsStore } from './stores/settings-store';
import { bridge } from './bridge';

type Screen = 'phone' | 'journal' | 'history' | 'week' | 'sharing' | 'settings';
const SCREENS: Screen[] = ['phone', 'journal', 'history', 'week', 'sharing', 'settings'];

/** Loads what main knows and follows its events for as long as the window lives. */
function useMainState() {
  useEffect(() => {
    const stops = [
      useRegistrationStore.getState().follow(),
      useAppStore.getState().follow(),
      useCallsStore.getState().follow(),
      useRecoveryStore.getState().follow(),
      useWarningsStore.getState().follow(),
      useAvailabilityStore.getState().follow(),
      useAudioStore.getState().start(),
      bridge().shell.onHotkey(({ action }) => useCallsStore.getState().hotkey(action)),
    ];
    void useRegistrationStore.getState().load();
    void useAvailabilityStore.getState().load();
    void useAppStore.getState().load();
    void useRecoveryStore.getState().load();
    void useWarningsStore.getState().load();
    void useSettingsStore.getState().load();
    return () => stops.forEach((stop) => stop());
  }, []);
}

export function App() {
  const { t } = useTranslation();
  const [screen, setScreen] = useState<Screen>('phone');
  useMainState();
  useFocusRescue();
  return (
    <div className="app">
      <header className="app__header">
        <span className="app__name">{t('app.name')}</span>
        <nav aria-label={t('nav.label')} className="app__nav">
          {SCREENS.map((name) => (
            <button
              key={name}
              type="button"
              className="nav-button"
              aria-current={screen === name ? 'page' : undefined}
              onClick={() => setScreen(name)}
            >
              {t(`nav.${name}`)}
            </button>
          ))}
        </nav>
        <StatusArea />
        <AvailabilityStatus />
        <CloseDay />
        <TeamDashboardButton />
      </header>
      <RingingLayer onAnswered={() => setScreen('phone')} />
      <NoticeBanner />
      <main className="app__main">
        {screen !== 'sharing' && <WeeklyShareCard onReview={() => setScreen('sharing')} />}
        {screen === 'phone' && <PhoneScreen />}
        {screen === 'history' && <HistoryScreen />}
        {screen === 'journal' && <JournalScreen />}
        {screen === 'week' && <WeekScreen />}
        {screen === 'sharing' && <ShareScreen />}
        {screen === 'settings' && <SettingsScreen />}
      </main>
      {/* After the call it is about: marking, "I need a moment", and the break and reflection modals. */}
      <RecoveryLayer />
      {/* A tel:/sip:/callto: link: the agent confirms before anything is dialled. */}
      <DialLinkConfirm />
    </div>
  );
}
