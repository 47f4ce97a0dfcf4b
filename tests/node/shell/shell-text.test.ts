/** The shell's own translations (main/shell/locales): both languages complete, every key the shell uses present. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { HotkeyAction } from '../../../preload/contract';
import en from '../../../main/shell/locales/en.json';
import he from '../../../main/shell/locales/he.json';
import { shellText } from '../../../main/shell/shell-text';

const keys = (tree: object, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null
      ? keys(value as object, `${prefix}${key}.`)
      : [`${prefix}${key}`],
  );

/** Every literal `t('a.b')` and template `t(`a.${x}`)` prefix in the shell's sources. */
function keysTheShellUses(): string[] {
  const folder = join(__dirname, '../../../main/shell');
  return readdirSync(folder)
    .filter((file) => file.endsWith('.ts'))
    .flatMap((file) => [...readFileSync(join(folder, file), 'utf8').matchAll(/\bt\(\s*['`]([a-zA-Z.-]+)/g)])
    .map((match) => match[1] ?? '');
}

describe('the shell’s strings', () => {
  it('has the same keys in English and Hebrew', () => {
    expect(keys(he).sort()).toEqual(keys(en).sort());
  });

  it('has every key the tray and notifications ask for', () => {
    const known = keys(en);
    const used = keysTheShellUses();
    expect(used.length).toBeGreaterThan(5);
    for (const key of used) expect(known.some((name) => name === key || name.startsWith(key))).toBe(true);
    for (const status of ['available', 'on-call', 'break', 'dnd', 'offline'])
      expect(known).toContain(`availability.${status}`);
    for (const action of HotkeyAction.options) expect(known).toContain(`callSettings.hotkey.${action}`);
  });

  it('speaks the agent’s language', () => {
    expect(shellText('en')('shell.trayQuit')).toBe('Quit Steadyline');
    expect(shellText('he')('shell.incomingBody', { who: 'נועה' })).toBe('נועה מתקשר/ת');
  });
});
