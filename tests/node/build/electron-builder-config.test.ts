/**
 * electron-builder.yml against electron-builder's own JSON schema (app-builder-lib's scheme.json,
 * with ajv), plus what IT depends on: the fuses, the macOS microphone, the link schemes, the targets.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

import { Ajv } from 'ajv';
import plist from 'plist';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

import { DIAL_LINK_SCHEMES } from '../../../main/shell/dial-link';

const root = join(import.meta.dirname, '../../..');
const require = createRequire(import.meta.url);
interface BuilderConfig {
  afterPack?: unknown;
  electronFuses: Record<string, boolean>;
  protocols: { schemes: string[] }[];
  linux: { target: string[] };
  mac: {
    target: string[];
    hardenedRuntime: boolean;
    entitlements: string;
    extendInfo: Record<string, string>;
  };
}
const config = parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as BuilderConfig;

describe('electron-builder.yml', () => {
  it("matches electron-builder's own schema", () => {
    const schema = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as object;
    const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);
    expect(validate(config), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(validate({ ...config, electronFuses: { ...config.electronFuses, runAsNod: false } })).toBe(false);
  });

  it('switches the dangerous fuses off, file:// extra privileges included', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(config.afterPack).toBeUndefined();
  });

  it('gives a signed macOS build the microphone: hardened runtime, entitlement, usage string', () => {
    expect(config.mac.hardenedRuntime).toBe(true);
    const entitlements = plist.parse(readFileSync(join(root, config.mac.entitlements), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(entitlements['com.apple.security.device.audio-input']).toBe(true);
    expect(config.mac.extendInfo.NSMicrophoneUsageDescription).toMatch(/microphone/);
  });

  it('registers the link schemes the shell handles, and builds rpm and pkg', () => {
    expect(config.protocols[0]?.schemes).toEqual([...DIAL_LINK_SCHEMES]);
    expect(config.linux.target).toEqual(expect.arrayContaining(['deb', 'rpm']));
    expect(config.mac.target).toEqual(expect.arrayContaining(['pkg']));
  });
});
