import { useEffect } from 'react';

/**
 * Where focus goes when the focused control disappears (Answer, Hang up, Skip, Save, Delete
 * remove themselves): the first of these that is on screen, so focus never falls to the page body.
 * Controls opt in with `data-rescue="<name>"`; an open modal keeps focus itself (Radix FocusScope).
 */
export const RESCUE_ORDER = ['ringing', 'undo', 'call', 'mark', 'screen'] as const;

function rescueTarget(root: ParentNode): HTMLElement | null {
  for (const name of RESCUE_ORDER) {
    const found = root.querySelector<HTMLElement>(`[data-rescue="${name}"]`);
    if (found && !found.closest('[inert], [aria-hidden="true"]')) return found;
  }
  return null;
}

/** How long a closing modal has to give focus back itself before we step in. */
const MODAL_RESTORE_MS = 100;

/** Watches the document; when the focused control is removed, moves focus to the best target. */
export function useFocusRescue(): void {
  useEffect(() => {
    let lastFocused: Element | null = null;
    let lastSection: Element | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onFocusIn = (event: FocusEvent) => {
      lastFocused = event.target instanceof Element ? event.target : null;
      lastSection = lastFocused?.closest('section') ?? null;
    };
    const lost = () =>
      Boolean(lastFocused && !lastFocused.isConnected) &&
      (!document.activeElement || document.activeElement === document.body);
    const rescue = () => {
      if (!lost()) return;
      // Nearest first: the section the control was in, if it is still there (Mark → Change).
      const target = (lastSection?.isConnected ? rescueTarget(lastSection) : null) ?? rescueTarget(document);
      target?.focus();
    };
    // Only when the focused control was removed: a click on the page's background is left alone.
    // A closing modal gives focus back to what opened it (Radix); only if that is gone too, we do.
    const onMutation = () => {
      if (!lost()) return;
      if (lastFocused?.closest('[role="dialog"], [role="alertdialog"]')) {
        clearTimeout(timer);
        timer = setTimeout(rescue, MODAL_RESTORE_MS);
      } else rescue();
    };
    const observer = new MutationObserver(onMutation);
    observer.observe(document.body, { childList: true, subtree: true });
    document.addEventListener('focusin', onFocusIn);
    return () => {
      clearTimeout(timer);
      observer.disconnect();
      document.removeEventListener('focusin', onFocusIn);
    };
  }, []);
}
