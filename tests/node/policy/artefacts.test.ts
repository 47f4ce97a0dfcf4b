/**
 * The generated policy artefacts: the committed copies are exactly what the generator writes, every
 * key appears in each, the ADMX/ADML are well-formed and agree with each other, the JSON Schema
 * accepts the examples and refuses bad values, and the sample profile reads back without a problem.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { Ajv2020 } from 'ajv/dist/2020.js';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import plist from 'plist';
import { describe, expect, it } from 'vitest';

import { formattedPolicyArtefacts } from '../../../main/policy/artefacts/index';
import { POLICY_KEYS } from '../../../main/policy/keys';
import { parsePlist } from '../../../main/policy/plist-source';
import { resolvePolicy } from '../../../main/policy/resolve';

const root = join(import.meta.dirname, '../../..');
const committed = (path: string) => readFileSync(join(root, path), 'utf8');
const ADMX = 'build/policy/windows/steadyline.admx';
const ADML = ['build/policy/windows/en-US/steadyline.adml', 'build/policy/windows/he-IL/steadyline.adml'];
const SCHEMA = 'build/policy/linux/policy.schema.json';
const PROFILE = 'build/policy/macos/steadyline-sample.mobileconfig';

const asArray = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' });

describe('generated policy artefacts', () => {
  it('the committed copies are what npm run policy:generate writes', async () => {
    for (const [path, content] of Object.entries(await formattedPolicyArtefacts(root))) {
      expect(committed(path), `${path} is stale: run npm run policy:generate`).toBe(content);
    }
  });

  it('every key appears in every artefact', async () => {
    for (const [path, content] of Object.entries(await formattedPolicyArtefacts(root))) {
      for (const key of POLICY_KEYS) expect(content, `${key.name} in ${path}`).toContain(key.name);
    }
  });

  it('the ADMX and both ADMLs are well-formed, and every string and presentation the ADMX names exists in each ADML', () => {
    const admxText = committed(ADMX);
    expect(XMLValidator.validate(admxText)).toBe(true);
    const admx = parser.parse(admxText) as {
      policyDefinitions: {
        policies: {
          policy: { name: string; displayName: string; explainText: string; presentation?: string }[];
        };
      };
    };
    const policies = admx.policyDefinitions.policies.policy;
    expect(policies.map((policy) => policy.name)).toEqual(
      POLICY_KEYS.flatMap((key) => (key.lockable ? [key.name, `${key.name}_Recommended`] : [key.name])),
    );
    const references = (pattern: RegExp) => [...admxText.matchAll(pattern)].map((match) => match[1]);
    for (const path of ADML) {
      const text = committed(path);
      expect(XMLValidator.validate(text), path).toBe(true);
      const adml = parser.parse(text) as {
        policyDefinitionResources: {
          resources: {
            stringTable: { string: { id: string }[] };
            presentationTable: { presentation: { id: string }[] };
          };
        };
      };
      const strings = new Set(
        asArray(adml.policyDefinitionResources.resources.stringTable.string).map((s) => s.id),
      );
      const presentations = new Set(
        asArray(adml.policyDefinitionResources.resources.presentationTable.presentation).map((p) => p.id),
      );
      for (const id of references(/\$\(string\.([^)]+)\)/g))
        expect(strings.has(id ?? ''), `${id} in ${path}`).toBe(true);
      for (const id of references(/\$\(presentation\.([^)]+)\)/g))
        expect(presentations.has(id ?? ''), `${id} in ${path}`).toBe(true);
    }
    expect(committed(ADML[1] ?? '')).toContain('הפסקות התאוששות');
  });

  it('the JSON Schema accepts a file of every example and refuses a wrong type or an unknown key', () => {
    const validate = new Ajv2020({ strict: false }).compile(JSON.parse(committed(SCHEMA)) as object);
    const examples = Object.fromEntries(POLICY_KEYS.map((key) => [key.name, key.example]));
    expect(validate({ ...examples, Recommended: { Language: 'he' } }), JSON.stringify(validate.errors)).toBe(
      true,
    );
    expect(validate({ BreakMinimumSeconds: '30' })).toBe(false);
    expect(validate({ SipServerUrl: 'http://not-a-websocket' })).toBe(false);
    expect(validate({ Recommended: { QueueWebhookUrl: 'https://x' } })).toBe(false);
    expect(validate({ Unknown: 1 })).toBe(false);
  });

  it('the sample profile is a valid plist whose payload reads back with every key and no problem', () => {
    const profile = plist.parse(committed(PROFILE)) as { PayloadContent: Record<string, unknown>[] };
    const payload = profile.PayloadContent[0] ?? {};
    const settings = Object.fromEntries(
      Object.entries(payload).filter(([name]) => !name.startsWith('Payload')),
    );
    const policy = resolvePolicy([parsePlist('profile', plist.build(settings as plist.PlistObject))], {
      username: 'dana',
      env: { STEADYLINE_AUTH_USER: 'dana' },
    });
    expect(policy.problems).toEqual([]);
    expect(Object.keys(policy.entries).sort()).toEqual(POLICY_KEYS.map((key) => key.name).sort());
  });
});
