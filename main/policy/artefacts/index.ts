/** Every generated policy artefact: its path (from the repository root) and its content. */
import { generateAdml } from './adml';
import { generateAdmx } from './admx';
import { generateJsonSchema } from './json-schema';
import { generateMobileconfig } from './mobileconfig';
import { generateReference } from './reference';

export function policyArtefacts(): Record<string, string> {
  return {
    'build/policy/windows/steadyline.admx': generateAdmx(),
    'build/policy/windows/en-US/steadyline.adml': generateAdml('en'),
    'build/policy/windows/he-IL/steadyline.adml': generateAdml('he'),
    'build/policy/linux/policy.schema.json': generateJsonSchema(),
    'build/policy/macos/steadyline-sample.mobileconfig': generateMobileconfig(),
    'docs/policy-reference.md': generateReference(),
  };
}

/** The artefacts as committed: JSON formatted by the project's Prettier settings (`npm run lint` checks them). */
export async function formattedPolicyArtefacts(root: string): Promise<Record<string, string>> {
  const { format, resolveConfig } = await import('prettier');
  const result: Record<string, string> = {};
  for (const [path, content] of Object.entries(policyArtefacts())) {
    const filepath = `${root}/${path}`;
    result[path] = path.endsWith('.json')
      ? await format(content, { ...(await resolveConfig(filepath)), filepath })
      : content;
  }
  return result;
}
