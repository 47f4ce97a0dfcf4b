import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { bridge } from '../../bridge';
import { useErrorText } from '../../i18n/error-text';
import { useSharingStore } from '../../stores/sharing-store';

/** For a team lead (IT's lead role): opens the team dashboard in the system browser. */
export function TeamDashboardButton() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const lead = useSharingStore((store) => store.view?.policy.teamDashboard ?? false);
  const [failure, setFailure] = useState<string | null>(null);
  if (!lead) return null;
  async function open() {
    const result = await bridge().summaries.openTeamDashboard();
    setFailure(result.ok ? null : errorText(result.error));
  }
  return (
    <>
      <button type="button" className="button" onClick={() => void open()}>
        {t('sharing.teamDashboard')}
      </button>
      {failure && (
        <span role="status" className="field-error">
          {failure}
        </span>
      )}
    </>
  );
}
