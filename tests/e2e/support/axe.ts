/** axe-core on a page: every violation (rule, impact and the elements) fails the test, named by state. */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** The violations on the page now, one line each, named by state. */
export async function axeViolations(page: Page, state: string): Promise<string[]> {
  // WCAG 2.2 A/AA, best practices and the experimental rules (label-content-name-mismatch among them).
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice', 'experimental'])
    .analyze();
  const found = results.violations.map(
    (violation) =>
      `${state}: ${violation.id} (${violation.impact ?? '?'}): ${violation.nodes
        .map((node) => `${node.target.join(' ')} ${node.failureSummary?.split('\n')[1]?.trim() ?? ''}`)
        .join(' | ')}`,
  );
  return found;
}

export async function expectNoAxeViolations(page: Page, state: string): Promise<void> {
  expect(await axeViolations(page, state)).toEqual([]);
}
