/** The request handlers of the summaries channels: thin calls into the summaries service. */
import type { HandlersOf } from '../ipc/router';

import type { SummariesService } from './summaries-service';

export function createSummariesHandlers(summaries: SummariesService): HandlersOf<'summaries'> {
  return {
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
