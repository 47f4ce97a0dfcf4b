/**
 * The journal view: a timeline grouped by day with clear entries (who, outcome, marks without a
 * severity nobody chose, notes isolated), Delete confirmed in a dialog and undoable for 10 s
 * before main is told, focus on Undo afterwards; a refusal is shown and the entry stays.
 */
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import type { TimelineEntry } from '../../preload/contract';
import { JournalScreen } from '../../renderer/src/components/recovery/JournalScreen';
import { DELETE_UNDO_MS, initialJournal, useJournalStore } from '../../renderer/src/stores/journal-store';

import { transport } from './setup';
import { ok, sent } from './support/calls';

const day = new Date(2026, 10, 23, 9).getTime();
const entries: TimelineEntry[] = [
  {
    kind: 'reflection',
    id: 3,
    at: day + 2 * 60_000,
    breakId: 2,
    callId: 1,
    mood: 4,
    difficulty: 5,
    notAboutMe: 5,
    felt: 'shaken',
    thought: null,
    helped: [],
    talkToLead: false,
  },
  {
    kind: 'break',
    id: 2,
    at: day + 60_000,
    callId: 1,
    trigger: 'abusive-call',
    plannedSeconds: 90,
    actualSeconds: 90,
    endedHow: 'completed',
  },
  {
    kind: 'call',
    id: 1,
    at: day,
    direction: 'inbound',
    remoteUri: 'sip:050@pbx',
    remoteDisplayName: 'Noa',
    endReason: 'remote-hangup',
    marks: [{ id: 1, kind: 'abusive', severity: null, categories: ['threats'], undone: false }],
  },
  {
    kind: 'call',
    id: 4,
    at: day - 24 * 3_600_000,
    direction: 'inbound',
    remoteUri: 'sip:0529999999@pbx',
    remoteDisplayName: null,
    endReason: 'cancelled',
    marks: [],
  },
];

beforeEach(() => {
  useJournalStore.setState(initialJournal);
  transport.respond('journal:timeline', ok(entries));
  transport.respond('journal:deleteEntry', ok(null));
});
afterEach(() => vi.useRealTimers());

describe('the journal view', () => {
  it('groups entries by day, newest first, with who, outcome and marks', async () => {
    render(<JournalScreen />);
    const timeline = await screen.findByRole('group', { name: 'Timeline' });
    const days = within(timeline).getAllByRole('region');
    expect(days).toHaveLength(2);
    expect(days[0]?.querySelector('h2')?.textContent).toBe('Monday, November 23, 2026');
    expect(
      within(days[0] as HTMLElement)
        .getAllByRole('listitem')
        .map((item) => item.dataset.testid),
    ).toEqual(['journal-reflection', 'journal-break', 'journal-call']);
    expect(days[0]?.textContent).toContain('From Noa');
    expect(days[0]?.textContent).toContain('Abusive · Threats');
    expect(days[0]?.textContent).not.toContain('Hard');
    expect(days[0]?.textContent).toContain('after an abusive call · 90 s');
    expect(days[0]?.querySelector('.journal-entry__notes bdi')?.textContent).toBe('shaken');
    // A call nobody answered was missed, and shows who called, not a row number.
    expect(days[1]?.textContent).toContain('From 0529999999 · missed');
    expect(days[1]?.textContent).not.toContain('#');
  });

  it('deletes only after a confirmation, hides the entry, offers Undo, then tells main', async () => {
    render(<JournalScreen />);
    await screen.findByRole('group', { name: 'Timeline' });
    vi.useFakeTimers();
    const remove = screen.getAllByRole('button', { name: /^Delete \(Reflection, / })[0] as HTMLElement;
    remove.focus();
    fireEvent.click(remove);
    const dialog = screen.getByRole('alertdialog', { name: 'Delete this entry?' });
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Cancel' }));
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(sent('journal:deleteEntry')).toEqual([]);

    fireEvent.click(remove);
    fireEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Delete' }));
    expect(screen.queryByTestId('journal-reflection')).toBeNull();
    const undo = screen.getByRole('button', { name: 'Undo' });
    expect(document.activeElement).toBe(undo);
    fireEvent.click(undo);
    expect(screen.getByTestId('journal-reflection')).toBeTruthy();

    fireEvent.click(screen.getAllByRole('button', { name: /^Delete \(Reflection, / })[0] as HTMLElement);
    fireEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Delete' }));
    await act(async () => vi.advanceTimersByTime(DELETE_UNDO_MS - 1));
    expect(sent('journal:deleteEntry')).toEqual([]);
    await act(async () => vi.advanceTimersByTime(1));
    expect(sent('journal:deleteEntry')).toEqual([{ kind: 'reflection', id: 3 }]);
  });

  it('says why an entry could not be deleted, and keeps it listed', async () => {
    transport.respond('journal:deleteEntry', () => ({
      ok: false,
      error: {
        code: 'not-found',
        message: 'That entry is not in your journal (or the break is still running).',
      },
    }));
    const { unmount } = render(<JournalScreen />);
    await screen.findByRole('group', { name: 'Timeline' });
    fireEvent.click(screen.getByRole('button', { name: /^Delete \(Break, / }));
    fireEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Delete' }));
    await act(() => useJournalStore.getState().flushRemove());
    expect(useJournalStore.getState().failure).toBe(
      'That entry is not in your journal (or the break is still running).',
    );
    expect(screen.getByTestId('journal-break')).toBeTruthy();
    unmount();
  });
});
