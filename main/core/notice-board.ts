/**
 * Notices main must tell the agent about (a journal moved aside, a password kept only for this
 * session). They are collected at start-up, published to the window, and dismissed by the agent.
 */
import type { Notice } from '../../preload/contract';

import type { EventHub } from '../kernel/event-hub';

export interface NoticeBoard {
  list(): Notice[];
  add(notice: Notice): void;
  dismiss(id: string): Notice[];
}

export function createNoticeBoard(events: EventHub): NoticeBoard {
  let notices: Notice[] = [];
  const publish = () => events.publish('app:notices', notices);
  return {
    list: () => notices,
    add(notice) {
      notices = [...notices.filter((existing) => existing.id !== notice.id), notice];
      publish();
    },
    dismiss(id) {
      notices = notices.filter((notice) => notice.id !== id);
      publish();
      return notices;
    },
  };
}
