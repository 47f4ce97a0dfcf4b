import { useEffect } from 'react';

const TONES = /^[0-9*#]$/;

/**
 * Typing a digit, * or # during a call sends it as a keypad tone (an IVR, an extension), unless
 * the agent is typing into a field or a modal is open.
 */
export function useDtmfKeys(send: ((tone: string) => void) | null): void {
  useEffect(() => {
    if (!send) return;
    const onKey = (event: KeyboardEvent) => {
      if (!TONES.test(event.key) || event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target as HTMLElement | null;
      if (
        target?.closest(
          'input, textarea, select, [contenteditable="true"], [role="dialog"], [role="alertdialog"]',
        )
      )
        return;
      event.preventDefault();
      send(event.key);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [send]);
}
