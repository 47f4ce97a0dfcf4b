/**
 * Settings as the agent edits them. Field errors carry the contract's message codes; the form
 * turns them into translated sentences. Nothing the agent typed is dropped on an error.
 */
import { create } from 'zustand';

import { AccountInput, type BridgeError, type Language, type SettingsView } from '../../../preload/contract';
import { bridge } from '../bridge';
import { applyLanguage } from '../i18n';

export type AccountField = keyof AccountInput;
export type FieldErrors = Partial<Record<AccountField, string>>;
export type SaveStatus = 'idle' | 'saving' | 'saved' | 'removed' | 'failed';

interface SettingsStore {
  view: SettingsView | null;
  fieldErrors: FieldErrors;
  status: SaveStatus;
  failure: string | null;
  load(): Promise<void>;
  saveAccount(input: Record<AccountField, string>): Promise<void>;
  clearAccount(): Promise<void>;
  setLanguage(language: Language): Promise<void>;
}

export const initialSettings = { view: null, fieldErrors: {}, status: 'idle' as SaveStatus, failure: null };

/** First message code per field, from zod issues or the bridge's issues. */
export function fieldErrorsFrom(issues: ReadonlyArray<{ path: string; message: string }>): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const field = issue.path.split('.')[0] as AccountField;
    errors[field] ??= issue.message;
  }
  return errors;
}

const toPayload = (input: Record<AccountField, string>) => ({
  ...input,
  password: input.password || undefined,
});

export const useSettingsStore = create<SettingsStore>()((set) => {
  const fail = (error: BridgeError) =>
    set({ status: 'failed', failure: error.message, fieldErrors: fieldErrorsFrom(error.issues ?? []) });
  return {
    ...initialSettings,
    async load() {
      const result = await bridge().settings.get();
      if (!result.ok) return fail(result.error);
      set({ view: result.value });
      await applyLanguage(result.value.language);
    },
    async saveAccount(input) {
      const checked = AccountInput.safeParse(toPayload(input));
      if (!checked.success) {
        const issues = checked.error.issues.map((issue) => ({
          path: issue.path.join('.'),
          message: issue.message,
        }));
        return set({ status: 'failed', failure: null, fieldErrors: fieldErrorsFrom(issues) });
      }
      set({ status: 'saving', fieldErrors: {}, failure: null });
      const result = await bridge().settings.saveAccount(toPayload(input));
      if (result.ok) set({ view: result.value, status: 'saved' });
      else fail(result.error);
    },
    async clearAccount() {
      const result = await bridge().settings.clearAccount();
      if (result.ok) set({ view: result.value, status: 'removed', fieldErrors: {} });
      else fail(result.error);
    },
    async setLanguage(language) {
      const result = await bridge().settings.setLanguage({ language });
      if (!result.ok) return fail(result.error);
      set({ view: result.value });
      await applyLanguage(language);
    },
  };
});
