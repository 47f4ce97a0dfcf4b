/**
 * The share screen: the agent's consent and enrollment, last week's preview (the exact JSON that
 * sharing would send), the check-in toggle, the shared history and revocation. Main decides
 * everything; this store shows it and follows `summaries:changed`.
 */
import { create } from 'zustand';

import type {
  CollectorHolding,
  Result,
  SetSharingInput,
  SharedWeekView,
  SharingView,
  SummaryPreview,
} from '../../../preload/contract';
import { bridge } from '../bridge';

interface SharingStore {
  view: SharingView | null;
  preview: SummaryPreview | null;
  /** "I'd like a check-in with my lead this week": set here by the agent, never derived. */
  checkIn: boolean;
  history: SharedWeekView[];
  holding: CollectorHolding | null;
  failure: string | null;
  load(): Promise<void>;
  follow(): () => void;
  setSharing(choice: SetSharingInput): Promise<boolean>;
  enroll(input: { code?: string; collectorUrl?: string }): Promise<boolean>;
  loadPreview(week?: string): Promise<void>;
  setCheckIn(checkIn: boolean): Promise<void>;
  share(): Promise<boolean>;
  skip(week: string): Promise<void>;
  revoke(week: string): Promise<void>;
  revokeAll(): Promise<void>;
  checkCollector(): Promise<void>;
}

export const initialSharing = {
  view: null,
  preview: null,
  checkIn: false,
  history: [] as SharedWeekView[],
  holding: null,
  failure: null,
};

export const useSharingStore = create<SharingStore>()((set, get) => {
  /** Keeps a successful answer, or shows main's reason. */
  function take<T>(result: Result<T>, keep: (value: T) => Partial<SharingStore>): boolean {
    if (!result.ok) {
      set({ failure: result.error.message });
      return false;
    }
    set({ ...keep(result.value), failure: null });
    return true;
  }
  const api = () => bridge().summaries;
  const refreshHistory = async () => void take(await api().history(), (history) => ({ history }));

  return {
    ...initialSharing,
    async load() {
      take(await api().get(), (view) => ({ view }));
      await refreshHistory();
      await get().loadPreview();
    },
    follow: () =>
      api().onChanged((view) => {
        set({ view });
        void refreshHistory();
      }),
    async setSharing(choice) {
      const done = take(await api().setSharing(choice), (view) => ({ view }));
      if (done) await get().loadPreview();
      return done;
    },
    async enroll(input) {
      return take(await api().enroll(input), (view) => ({ view }));
    },
    async loadPreview(week) {
      const chosen = week ?? get().view?.lastCompleteWeek;
      take(await api().preview({ week: chosen, checkInRequested: get().checkIn }), (preview) => ({
        preview,
      }));
    },
    async setCheckIn(checkIn) {
      set({ checkIn });
      await get().loadPreview(get().preview?.week);
    },
    async share() {
      const { preview, checkIn } = get();
      if (!preview) return false;
      const done = take(
        await api().share({ week: preview.week, checkInRequested: checkIn, sha256: preview.sha256 }),
        () => ({}),
      );
      if (done) await Promise.all([refreshHistory(), get().load()]);
      return done;
    },
    async skip(week) {
      take(await api().skip({ week }), (view) => ({ view }));
    },
    async revoke(week) {
      take(await api().revoke({ week }), (history) => ({ history }));
    },
    async revokeAll() {
      take(await api().revokeAll(), (history) => ({ history }));
    },
    async checkCollector() {
      take(await api().checkCollector(), (holding) => ({ holding }));
    },
  };
});
