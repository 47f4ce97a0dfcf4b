/** The call history beyond the newest 50: "Show older calls" asks main for the page before the oldest shown. */
import { act, fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import type { JournalCall } from '../../preload/contract';
import { HistoryScreen } from '../../renderer/src/components/HistoryScreen';

import { transport } from './setup';
import { record, sent } from './support/calls';

const page = (from: number, count: number): JournalCall[] =>
  Array.from({ length: count }, (_, index) =>
    record({ id: from + index, startedAt: Date.UTC(2026, 10, 23, 9) - (from + index) * 60_000 }),
  );

describe('paged history', () => {
  it('shows 50, then the next older page, and no more button once a page is short', async () => {
    const first = page(0, 50);
    const second = page(50, 7);
    transport.respond('journal:listCalls', (request) =>
      (request as { before?: number }).before ? { ok: true, value: second } : { ok: true, value: first },
    );
    render(<HistoryScreen />);
    expect(await screen.findAllByTestId('history-entry')).toHaveLength(50);
    fireEvent.click(screen.getByRole('button', { name: 'Show older calls' }));
    await act(async () => undefined);
    expect(screen.getAllByTestId('history-entry')).toHaveLength(57);
    expect(sent('journal:listCalls').at(-1)).toEqual({ limit: 50, before: first.at(-1)?.startedAt });
    expect(screen.queryByRole('button', { name: 'Show older calls' })).toBeNull();
  });
});
