import { useTranslation } from 'react-i18next';

import type { CallQuality } from '../../../preload/contract';

import { isolate } from './format';

/** Which way audio did not flow, if one way carried nothing: the first question of a bad call. */
export function oneWayAudio(quality: CallQuality): 'in' | 'out' | null {
  if (quality.packetsReceived === 0 && quality.packetsSent > 0) return 'in';
  if (quality.packetsSent === 0 && quality.packetsReceived > 0) return 'out';
  return null;
}

/** Estimated MOS, loss, jitter and round-trip time as a short description list. */
export function QualityFigures({ quality }: { quality: CallQuality }) {
  const { t } = useTranslation();
  const missing = oneWayAudio(quality);
  const rows: Array<[string, string]> = [
    [t('quality.mos'), t('quality.mosValue', { mos: isolate(quality.mos.toFixed(1)) })],
    [t('quality.loss'), t('quality.percent', { value: isolate(quality.packetLossPercent) })],
    [t('quality.jitter'), t('quality.ms', { value: isolate(quality.jitterMs) })],
    [
      t('quality.rtt'),
      quality.roundTripMs === null
        ? t('quality.unknown')
        : t('quality.ms', { value: isolate(quality.roundTripMs) }),
    ],
    [
      t('quality.packets'),
      t('quality.packetsValue', {
        received: isolate(quality.packetsReceived),
        sent: isolate(quality.packetsSent),
      }),
    ],
  ];
  return (
    <>
      <dl className="quality__figures">
        {rows.map(([term, value]) => (
          <div key={term} className="quality__row">
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {missing && (
        <p className="quality__warning" role="note">
          {t(`quality.oneWay.${missing}`)}
        </p>
      )}
    </>
  );
}
