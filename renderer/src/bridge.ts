/**
 * The one module that reads `window.steadyline`: the preload (Electron) or the test bridge
 * (browser preview) put it there, built from the same contract.
 */
import type { SteadylineApi } from '../../preload/api';

declare global {
  interface Window {
    readonly steadyline?: SteadylineApi;
  }
}

export function bridge(): SteadylineApi {
  const api = window.steadyline;
  if (!api) throw new Error('Steadyline’s bridge is missing: open the app through Electron or the preview.');
  return api;
}
