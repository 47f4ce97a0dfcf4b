/**
 * The "Team dashboard" entry: shown only to a user IT gave the lead role, it asks main to open the
 * dashboard (main knows the address), and a refusal is shown in the agent's language.
 */
import { act, fireEvent, render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';

import type { SharingView } from '../../preload/contract';
import { TeamDashboardButton } from '../../renderer/src/components/sharing/TeamDashboardButton';
import { applyLanguage } from '../../renderer/src/i18n';
import { initialSharing, useSharingStore } from '../../renderer/src/stores/sharing-store';

import { transport } from './setup';

const view = (teamDashboard: boolean): SharingView => ({
  consent: 'none',
  mode: 'ask',
  name: null,
  policy: { sharingAllowed: true, collectorUrlSetByIt: false, enrollmentCodeSetByIt: false, teamDashboard },
  collectorUrl: null,
  enrollment: null,
  choicePersists: true,
  lastCompleteWeek: '2026-W48',
  pendingWeek: null,
  outbox: { queued: 0, revocations: 0 },
});
const opens = () => transport.calls.filter(([name]) => name === 'summaries:openTeamDashboard');

beforeEach(() => useSharingStore.setState(initialSharing));

describe('the Team dashboard entry', () => {
  it('is not there for an agent', () => {
    useSharingStore.setState({ view: view(false) });
    render(<TeamDashboardButton />);
    expect(screen.queryByRole('button', { name: 'Team dashboard' })).toBeNull();
  });

  it('asks main to open the dashboard for a lead, naming no address', async () => {
    transport.respond('summaries:openTeamDashboard', () => ({ ok: true, value: null }));
    useSharingStore.setState({ view: view(true) });
    render(<TeamDashboardButton />);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Team dashboard' })));
    expect(opens().map(([, payload]) => payload)).toEqual([undefined]);
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('shows main’s refusal in Hebrew', async () => {
    await applyLanguage('he');
    transport.respond('summaries:openTeamDashboard', () => ({
      ok: false,
      error: {
        code: 'unavailable',
        message: 'Open https://summaries.example.internal/dashboard/ in your browser.',
        reason: 'summaries.browser-unavailable',
        params: { url: 'https://summaries.example.internal/dashboard/' },
      },
    }));
    useSharingStore.setState({ view: view(true) });
    render(<TeamDashboardButton />);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'לוח הבקרה של הצוות' })));
    expect((await screen.findByRole('status')).textContent).toContain('בדפדפן');
  });
});
