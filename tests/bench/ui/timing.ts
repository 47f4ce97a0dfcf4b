/**
 * Browser-side stamps for the UI benchmark, in the system clock the core also uses (Date.now):
 * when the incoming card appeared, when Answer was clicked, and main's CallState stamps.
 */
import type { Page } from 'playwright-core';

// Browser code, kept as text (this project compiles for Node, without the DOM's types).
const STAMPS = `
(() => {
  const stamps = { cards: {}, clicks: [], calls: {} };
  window.__benchStamps = stamps;
  const now = () => performance.timeOrigin + performance.now();
  new MutationObserver(() => {
    const card = document.querySelector('[data-testid="incoming-call"]');
    if (card && !card.dataset.benchSeen) {
      card.dataset.benchSeen = '1';
      stamps.cards[Object.keys(stamps.cards).length] = now();
    }
  }).observe(document.body, { childList: true, subtree: true });
  document.addEventListener('click', (event) => {
    if (event.target.closest && event.target.closest('[data-testid="incoming-call"] .button--answer')) stamps.clicks.push(now());
  }, true);
  window.steadyline.phone.onCall((call) => { stamps.calls[call.id] = call; });
})();
`;

export interface Stamps {
  cards: Record<string, number>;
  clicks: number[];
  calls: Record<string, { startedAt: number; answeredAt: number | null; state: string }>;
}

export const installStamps = (page: Page) => page.evaluate(STAMPS);
export const readStamps = (page: Page) => page.evaluate('window.__benchStamps') as Promise<Stamps>;

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}
