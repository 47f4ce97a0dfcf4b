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

/** Watches the document; when the focused control is removed, moves focus to the best target. */
export function useFocusRescue(): void {
  useEffect(() => {
    let lastFocused: Element | null = null;
    let lastSection: Element | null = null;
    const onFocusIn = (event: FocusEvent) => {
      lastFocused = event.target instanceof Element ? event.target : null;
      lastSection = lastFocused?.closest('section') ?? null;
    };
    // Only when the focused control was removed: a click on the page's background is left alone.
    const rescue = () => {
      if (!lastFocused || lastFocused.isConnected) return;
      if (document.activeElement && document.activeElement !== document.body) return;
      // Nearest first: the section the control was in, if it is still there (Mark → Change).
      const target = (lastSection?.isConnected ? rescueTarget(lastSection) : null) ?? rescueTarget(document);
      if (target) target.focus();
    };
    const observer = new MutationObserver(rescue);
    observer.observe(document.body, { childList: true, subtree: true });
    document.addEventListener('focusin', onFocusIn);
    return () => {
      observer.disconnect();
      document.removeEventListener('focusin', onFocusIn);
    };
  }, []);
}
