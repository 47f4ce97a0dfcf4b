import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';

import type { DayOverview } from '../../preload/contract';
import { CloseDay } from '../../renderer/src/components/beyond/CloseDay';
import { applyLanguage } from '../../renderer/src/i18n';

import { transport } from './setup';
import { ok, refuse, sent } from './support/calls';
import { plain } from './support/text';

const day: DayOverview = {
  from: 0,
  to: 1,
  calls: 12,
  breaks: 1,
  proud: [
    {
      callId: 4,
      remote: { uri: 'sip:0501234567@pbx', displayName: 'Noa Cohen' },
      startedAt: Date.UTC(2026, 10, 23, 9, 30),
      markedAt: Date.UTC(2026, 10, 23, 9, 35),
    },
    { callId: 9, remote: { uri: 'sip:%zz@pbx', displayName: null }, startedAt: 0, markedAt: 0 },
  ],
};
afterEach(() => act(() => applyLanguage('en')));

async function openScreen(overview: DayOverview = day) {
  transport.respond('day:overview', ok(overview));
  render(<CloseDay />);
  fireEvent.click(screen.getByRole('button', { name: 'Close the day' }));
  return screen.findByRole('dialog', { name: 'Closing the day' });
}

describe('closing the day', () => {
  it('shows the proud calls first, then the day in one line', async () => {
    const dialog = await openScreen();
    const proud = await within(dialog).findByRole('region', { name: 'Today you were proud of' });
    expect(
      within(proud)
        .getAllByRole('listitem')
        .map((item) => plain(item.textContent).split(' · ')[0]),
    ).toEqual(['Noa Cohen', 'sip:%zz@pbx']);
    expect(plain(within(dialog).getByTestId('day-line').textContent)).toBe('Today: 12 calls, 1 break.');
  });

  it('keeps the note in the journal through main, and says it is left there', async () => {
    transport.respond('day:close', ok({ saved: true }));
    const dialog = await openScreen({ ...day, proud: [] });
    expect(within(dialog).queryByRole('region')).toBeNull();
    const box = within(dialog).getByRole('textbox', {
      name: 'Anything still on your mind? Write it here and leave it here.',
    });
    fireEvent.change(box, { target: { value: 'the caller at 10:40' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Leave it here' }));
    expect(await within(dialog).findByRole('status')).toBeTruthy();
    expect(sent('day:close')).toEqual([{ note: 'the caller at 10:40' }]);
  });

  it('never holds the agent: Close and Escape leave without writing anything', async () => {
    let dialog = await openScreen();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    fireEvent.click(screen.getByRole('button', { name: 'Close the day' }));
    dialog = await screen.findByRole('dialog', { name: 'Closing the day' });
    fireEvent.keyDown(dialog, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(sent('day:close')).toEqual([]);
  });

  it('says why when main cannot keep the note, and opens from the tray', async () => {
    transport.respond('day:overview', ok(day));
    transport.respond('day:close', refuse('The journal is busy.'));
    render(<CloseDay />);
    act(() => transport.emit('shell:closeDay', {}));
    const dialog = await screen.findByRole('dialog', { name: 'Closing the day' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Done for today' }));
    expect(plain((await within(dialog).findByRole('alert')).textContent)).toBe('The journal is busy.');
  });

  it('Quit keeps what was written and quits, and quits even when the note cannot be kept', async () => {
    transport.respond('day:close', refuse('The journal is busy.'));
    transport.respond('app:quit', ok(null));
    const dialog = await openScreen();
    fireEvent.change(within(dialog).getByRole('textbox'), { target: { value: 'still here' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Quit Steadyline' }));
    await waitFor(() => expect(sent('app:quit')).toEqual([undefined]));
    expect(sent('day:close')).toEqual([{ note: 'still here' }]);
  });

  it('in Hebrew', async () => {
    await act(() => applyLanguage('he'));
    transport.respond('day:overview', ok({ ...day, calls: 2, breaks: 1 }));
    render(<CloseDay />);
    fireEvent.click(screen.getByRole('button', { name: 'סיום היום' }));
    const dialog = await screen.findByRole('dialog', { name: 'סוגרים את היום' });
    await waitFor(() =>
      expect(plain(within(dialog).getByTestId('day-line').textContent)).toBe('היום: שתי שיחות, הפסקה אחת.'),
    );
    expect(within(dialog).getByRole('button', { name: 'סיימתי להיום' })).toBeTruthy();
  });
});
