/**
 * The share screen in jsdom over the bridge double: consent (off by default, a name needed to
 * share with a name, IT's switch-off), the table and the exact JSON one click away, sharing names
 * the previewed bytes and the check-in, history with revoke, the weekly card, Hebrew.
 */
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';

import type { SharedWeekView, SharingView, SummaryPreview } from '../../preload/contract';
import { ShareScreen } from '../../renderer/src/components/sharing/ShareScreen';
import { WeeklyShareCard } from '../../renderer/src/components/sharing/WeeklyShareCard';
import { applyLanguage } from '../../renderer/src/i18n';
import { initialSharing, useSharingStore } from '../../renderer/src/stores/sharing-store';

import { transport } from './setup';

const view: SharingView = {
  consent: 'none',
  mode: 'ask',
  name: null,
  policy: {
    sharingAllowed: true,
    collectorUrlSetByIt: false,
    enrollmentCodeSetByIt: false,
    teamDashboard: false,
  },
  collectorUrl: null,
  enrollment: null,
  choicePersists: true,
  lastCompleteWeek: '2026-W48',
  pendingWeek: null,
  outbox: { queued: 0, revocations: 0 },
};

const payload = (checkInRequested: boolean) => ({
  version: 2 as const,
  week: '2026-W48',
  consent: 'anonymous' as const,
  callsHandled: 31,
  abusiveMarks: {
    total: 2,
    byCategory: { shouting: 1, insults: 1, threats: 0, harassment: 0, 'sexual-harassment': 0, other: 0 },
  },
  proudMarks: 1,
  breaks: { taken: 3, minutes: 4.3, extended: 1, endedEarly: 1 },
  reflectionsCompleted: 3,
  medianMoodAfterBreak: 3,
  checkInRequested,
  warningsPlayed: 4,
});
const preview = (checkInRequested: boolean): SummaryPreview => ({
  week: '2026-W48',
  start: Date.UTC(2026, 10, 22, 22),
  end: Date.UTC(2026, 10, 29, 22),
  payload: payload(checkInRequested),
  json: JSON.stringify(payload(checkInRequested), null, 2),
  sha256: (checkInRequested ? 'b' : 'a').repeat(64),
});
const sent: SharedWeekView = {
  week: '2026-W47',
  consent: 'anonymous',
  state: 'sent',
  json: '{"week":"2026-W47"}',
  sha256: 'c'.repeat(64),
  queuedAt: 1,
  attempts: 1,
  sentAt: Date.UTC(2026, 10, 24, 8),
  receivedAt: '2026-11-24T08:00:00.000Z',
  revokeRequestedAt: null,
  revokedAt: null,
  lastError: null,
};

let current: SharingView;
beforeEach(() => {
  useSharingStore.setState(initialSharing);
  current = view;
  transport.respond('summaries:get', () => ({ ok: true, value: current }));
  transport.respond('summaries:history', () => ({ ok: true, value: [sent] }));
  transport.respond('summaries:preview', (input) => ({
    ok: true,
    value: preview((input as { checkInRequested: boolean }).checkInRequested),
  }));
  transport.respond('summaries:setSharing', (input) => {
    current = { ...view, ...(input as Partial<SharingView>) };
    return { ok: true, value: current };
  });
  transport.respond('summaries:share', () => ({
    ok: true,
    value: { ...sent, week: '2026-W48', state: 'queued' },
  }));
  transport.respond('summaries:revoke', () => ({ ok: true, value: [{ ...sent, state: 'revoking' }] }));
  transport.respond('summaries:skip', () => ({ ok: true, value: { ...current, pendingWeek: null } }));
});

const checked = (element: HTMLElement) => (element as HTMLInputElement).checked;
const disabled = (element: HTMLElement) => element.matches(':disabled');
const calls = (channel: string) =>
  transport.calls.filter(([name]) => name === channel).map(([, payload]) => payload);

describe('the share screen', () => {
  it('starts at "don\'t share", shows the week as a table and the exact JSON one click away', async () => {
    render(<ShareScreen />);
    expect(checked(await screen.findByRole('radio', { name: "Don't share" }))).toBe(true);
    const table = await screen.findByTestId('share-table');
    expect(within(table).getByRole('row', { name: /Calls handled 31/ })).toBeTruthy();
    expect(within(table).getByRole('row', { name: /Median mood after a break \(1–5\) 3/ })).toBeTruthy();
    expect(within(table).getByRole('row', { name: 'Warnings played 4' })).toBeTruthy();
    expect(disabled(screen.getByRole('button', { name: 'Share this week' }))).toBe(true);
    expect(screen.queryByTestId('share-json')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Show exactly what is sent' }));
    expect(screen.getByTestId('share-json').textContent).toBe(preview(false).json);
  });

  it('opts in, needs a name to share with a name, and shares the previewed bytes with the check-in', async () => {
    render(<ShareScreen />);
    fireEvent.click(await screen.findByRole('radio', { name: 'Share my weekly summary with my name' }));
    expect(disabled(screen.getByRole('button', { name: 'Save my choice' }))).toBe(true);
    fireEvent.click(screen.getByRole('radio', { name: "Count me in the team's anonymous totals" }));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Save my choice' })));
    expect(calls('summaries:setSharing')).toEqual([{ consent: 'anonymous', mode: 'ask', name: null }]);
    expect(
      checked(await screen.findByRole('radio', { name: "Count me in the team's anonymous totals" })),
    ).toBe(true);
    await act(async () =>
      fireEvent.click(screen.getByRole('checkbox', { name: "I'd like a check-in with my lead this week" })),
    );
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Share this week' })));
    expect(calls('summaries:share')).toEqual([
      { week: '2026-W48', checkInRequested: true, sha256: 'b'.repeat(64) },
    ]);
  });

  it('lists shared weeks with their bytes and revokes one in one click', async () => {
    render(<ShareScreen />);
    const history = await screen.findByTestId('share-history');
    expect(within(history).getByText('2026-W47')).toBeTruthy();
    expect(within(history).getByText('{"week":"2026-W47"}')).toBeTruthy();
    await act(async () =>
      fireEvent.click(within(history).getByRole('button', { name: 'Revoke week 2026-W47' })),
    );
    expect(calls('summaries:revoke')).toEqual([{ week: '2026-W47' }]);
    expect(within(history).getByText('revocation waiting to reach the collector')).toBeTruthy();
  });

  it('says when IT turned sharing off, and offers no way round it', async () => {
    current = { ...view, policy: { ...view.policy, sharingAllowed: false } };
    render(<ShareScreen />);
    expect(await screen.findByText(/IT has turned sharing off/)).toBeTruthy();
    expect(disabled(screen.getByRole('radio', { name: "Count me in the team's anonymous totals" }))).toBe(
      true,
    );
  });

  it('shows the weekly card when a week is complete, and Skip tells main', async () => {
    current = { ...view, consent: 'anonymous', pendingWeek: '2026-W48' };
    let reviewed = false;
    render(<WeeklyShareCard onReview={() => (reviewed = true)} />);
    const card = await screen.findByTestId('share-card');
    fireEvent.click(within(card).getByRole('button', { name: 'Review and share' }));
    expect(reviewed).toBe(true);
    await act(async () => fireEvent.click(within(card).getByRole('button', { name: 'Skip this week' })));
    expect(calls('summaries:skip')).toEqual([{ week: '2026-W48' }]);
    expect(screen.queryByTestId('share-card')).toBeNull();
  });

  it('speaks Hebrew', async () => {
    await applyLanguage('he');
    render(<ShareScreen />);
    expect(await screen.findByRole('heading', { name: 'שיתוף עם ראש הצוות' })).toBeTruthy();
    expect(checked(screen.getByRole('radio', { name: 'לא לשתף' }))).toBe(true);
    expect(disabled(await screen.findByRole('button', { name: 'שיתוף השבוע הזה' }))).toBe(true);
    const table = await screen.findByTestId('share-table');
    expect(within(table).getByRole('row', { name: 'אזהרות שהושמעו 4' })).toBeTruthy();
  });
});
