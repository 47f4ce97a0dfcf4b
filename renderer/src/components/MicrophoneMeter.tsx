import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { useAudioStore } from '../stores/audio-store';

const REFRESH_MS = 100;

/** How loud the microphone in use is, live, as an ARIA meter (opens its own capture while shown). */
export function MicrophoneMeter() {
  const { t } = useTranslation();
  const control = useAudioStore((store) => store.control);
  const microphoneId = useAudioStore((store) => store.preferences?.microphoneId);
  const [level, setLevel] = useState(0);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (!control) return;
    let stopMeter: () => void = () => undefined;
    let timer: ReturnType<typeof setInterval> | undefined;
    let cancelled = false;
    control.openMeter().then(
      (meter) => {
        if (cancelled) return meter.stop();
        stopMeter = () => meter.stop();
        timer = setInterval(() => setLevel(meter.level()), REFRESH_MS);
      },
      () => setFailed(true),
    );
    return () => {
      cancelled = true;
      clearInterval(timer);
      stopMeter();
    };
  }, [control, microphoneId]);
  if (failed) return <p role="alert">{t('audio.meterFailed')}</p>;
  const percent = Math.round(level * 100);
  return (
    <div className="meter">
      <span id="mic-meter-label">{t('audio.meter')}</span>
      <div
        className="meter__track"
        role="meter"
        aria-labelledby="mic-meter-label"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        data-testid="mic-meter"
      >
        <div className="meter__fill" style={{ inlineSize: `${percent}%` }} />
      </div>
    </div>
  );
}
