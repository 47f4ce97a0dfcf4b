/** The request handlers of the summaries channels: thin calls into the summaries service. */
import type { HandlersOf } from '../ipc/router';
import { UserFacingError } from '../kernel/user-facing-error';

import type { SummariesService } from './summaries-service';

/**
 * `openExternal` opens an address in the system browser (Electron's shell in the app; absent in
 * the preview). The address is always IT's TeamDashboardUrl: the window never names one.
 */
export function createSummariesHandlers(
  summaries: SummariesService,
  openExternal?: (url: string) => void,
): HandlersOf<'summaries'> {
  return {
    'summaries:openTeamDashboard': () => {
      const url = summaries.teamDashboardUrl();
      if (!url) {
        throw new UserFacingError(
          'not-found',
          'Your IT department has not set up a team dashboard for you.',
          {
            reason: 'summaries.no-team-dashboard',
          },
        );
      }
      if (!openExternal) {
        throw new UserFacingError('unavailable', `Open ${url} in your browser.`, {
          reason: 'summaries.browser-unavailable',
          params: { url },
        });
      }
      openExternal(url);
      return null;
    },
    'summaries:get': () => summaries.view(),
    'summaries:setSharing': (choice) => summaries.setSharing(choice),
    'summaries:enroll': (input) => summaries.enroll(input),
    'summaries:preview': (input) => summaries.preview(input),
    'summaries:share': (input) => summaries.share(input),
    'summaries:skip': ({ week }) => summaries.skip(week),
    'summaries:history': () => summaries.history(),
    'summaries:revoke': ({ week }) => summaries.revoke(week),
    'summaries:revokeAll': () => summaries.revoke(null),
    'summaries:checkCollector': () => summaries.checkCollector(),
  };
}
