import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { CallQuality } from '../../../preload/contract';
import { useCallsStore } from '../stores/calls-store';

import { QualityFigures } from './QualityFigures';

const REFRESH_MS = 1_000;

/** Live packet loss, jitter, round-trip time and estimated MOS of a call, refreshed every second. */
export function CallQualityPanel({ callId }: { callId: string }) {
  const { t } = useTranslation();
  const microphone = useCallsStore((store) => store.microphone);
  const [quality, setQuality] = useState<CallQuality | null>(null);
  useEffect(() => {
    let stopped = false;
    const read = () =>
      void microphone?.quality?.(callId).then((next) => {
        if (!stopped) setQuality(next);
      });
    read();
    const timer = setInterval(read, REFRESH_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [callId, microphone]);
  return (
    <div className="quality" role="group" aria-label={t('quality.title')} data-testid="call-quality">
      {quality ? <QualityFigures quality={quality} /> : <p>{t('quality.none')}</p>}
    </div>
  );
}
