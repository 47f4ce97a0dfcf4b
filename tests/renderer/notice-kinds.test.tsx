/**
 * Every notice main can raise has its text in English and Hebrew, and the process guard's notice
 * (main/core/process-guard.ts) reaches the agent with its count when main publishes it.
 */
import { act, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { Notice } from '../../preload/contract';
import { App } from '../../renderer/src/App';
import en from '../../renderer/src/i18n/en.json';
import he from '../../renderer/src/i18n/he.json';

import { transport } from './setup';

describe('notice kinds', () => {
  it.each(Notice.shape.kind.options)('%s has English and Hebrew text', (kind) => {
    expect((en.notices as Record<string, string>)[kind]).toBeTruthy();
    expect((he.notices as Record<string, string>)[kind]).toBeTruthy();
  });

  it('shows the unexpected-errors notice with its count', async () => {
    render(<App />);
    act(() =>
      transport.emit('app:notices', [
        { id: 'unexpected-errors', kind: 'unexpected-errors', severity: 'error', details: { count: '4' } },
      ]),
    );
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Steadyline ran into 4 unexpected errors',
    );
  });
});
