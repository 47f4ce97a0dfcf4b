/**
 * Main's refusals in the agent's language: a `reason` main gives ('break.too-early') is shown as
 * `errors.<reason>` with its params (isolated inside the sentence); an error without one, or one
 * this window has no words for, falls back to main's own message.
 */
import { useTranslation } from 'react-i18next';

import type { BridgeError } from '../../../preload/contract';
import { isolate } from '../components/format';

export type ShownError = Pick<BridgeError, 'message' | 'reason' | 'params'>;

export function useErrorText(): (error: ShownError) => string {
  const { t, i18n } = useTranslation();
  return (error) => {
    const key = error.reason ? `errors.${error.reason}` : null;
    if (!key || !i18n.exists(key)) return error.message;
    const params = Object.fromEntries(
      Object.entries(error.params ?? {}).map(([name, value]) => [name, isolate(value)]),
    );
    return t(key, params);
  };
}
