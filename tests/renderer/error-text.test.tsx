/**
 * Main's refusals carry a stable reason and its params; the window says them in the agent's
 * language (the figures isolated), and falls back to main's own words for a reason it has no
 * words for or an error without one.
 */
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { RecoveryLayer } from '../../renderer/src/components/recovery/RecoveryLayer';
import { applyLanguage } from '../../renderer/src/i18n';
import { useCallsStore } from '../../renderer/src/stores/calls-store';

import { transport } from './setup';
import { active, ok } from './support/calls';
import { plain } from './support/text';

const refuse = (error: Record<string, unknown>) => () => ({ ok: false as const, error: error as never });

async function markAndReadRefusal() {
  useCallsStore.setState({ calls: [active] });
  render(<RecoveryLayer />);
  const bar = screen.getByTestId('mark-bar');
  fireEvent.click(within(bar).getAllByRole('button')[1] as HTMLElement);
  await act(async () => undefined);
  return plain(within(bar).getByRole('alert').textContent);
}

describe('errors from main', () => {
  it('are shown by their reason in Hebrew, with the figure isolated', async () => {
    transport.respond('breaks:get', ok(null));
    transport.respond(
      'marks:add',
      refuse({
        code: 'conflict',
        message: 'Calls can be marked up to 5 minutes after they end.',
        reason: 'mark.window-closed',
        params: { minutes: 5 },
      }),
    );
    await applyLanguage('he');
    const text = await markAndReadRefusal();
    expect(text).toContain('אפשר לסמן שיחות עד 5 דקות אחרי שהסתיימו.');
    expect(text).not.toContain('Calls can be marked');
    expect(screen.getByRole('alert').textContent).toContain('\u20685\u2069');
  });

  it('fall back to main’s message for an unknown reason or none', async () => {
    transport.respond(
      'marks:add',
      refuse({ code: 'conflict', message: 'Something new went wrong.', reason: 'mark.from-the-future' }),
    );
    expect(await markAndReadRefusal()).toBe('That did not work: Something new went wrong.');
  });
});
