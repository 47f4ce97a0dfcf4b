/** This week's check-in requests: named agents with "Mark done", anonymous ones as a count. */
import { useTranslation } from 'react-i18next';

import type { CheckIns } from './api';
import type { ScreenTable } from './screen';

export interface CheckInListProps {
  table: ScreenTable;
  data: CheckIns;
  onDone(id: string): void;
  error: string | null;
}

export function CheckInList({ table, data, onDone, error }: CheckInListProps) {
  const { t } = useTranslation();
  const anonymous = table.rows.find((row) => row.key === 'anonymous');
  return (
    <section className="card" aria-labelledby="check-ins-title">
      <h2 id="check-ins-title">
        {t('checkIns.title')} <bdi>{data.week}</bdi>
      </h2>
      <p className="muted">{t('checkIns.about')}</p>
      {data.named.length === 0 ? (
        <p>{t('checkIns.none')}</p>
      ) : (
        <ul className="check-ins">
          {data.named.map((request, index) => {
            const row = table.rows[index];
            return (
              <li key={request.id} className="check-ins__item">
                <bdi className="check-ins__name">{row?.cells[0]}</bdi>
                <span className={request.doneAt ? 'check-ins__done' : 'check-ins__open'}>
                  {row?.cells[1]}
                </span>
                {request.doneAt ? null : (
                  <button
                    type="button"
                    onClick={() => onDone(request.id)}
                    aria-label={t('checkIns.markDone', { name: request.agentName })}
                  >
                    {t('checkIns.markDoneShort')}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <p data-testid="anonymous-check-ins">{anonymous?.note}</p>
      {error ? (
        <p role="alert" className="error">
          {t('checkIns.failed', { reason: error })}
        </p>
      ) : null}
    </section>
  );
}
