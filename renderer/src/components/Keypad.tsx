import { useTranslation } from 'react-i18next';

import { KEYPAD_KEYS, type KeypadKey } from './dial-input';

/** The twelve phone keys as real buttons (Tab and Enter or Space operate them), left to right in either language. */
export function Keypad({ label, onKey }: { label: string; onKey(key: KeypadKey): void }) {
  const { t } = useTranslation();
  return (
    <div className="keypad" role="group" aria-label={label} dir="ltr">
      {KEYPAD_KEYS.map((key) => (
        <button
          key={key}
          type="button"
          className="keypad__key"
          aria-label={t(`keypad.${key === '*' ? 'star' : key === '#' ? 'hash' : key}`)}
          onClick={() => onKey(key)}
        >
          {key}
        </button>
      ))}
    </div>
  );
}
