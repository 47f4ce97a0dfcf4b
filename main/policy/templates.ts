/**
 * Templates in IT's account values: `${username}` (the signed-in user) and `${env:NAME}` (an
 * environment variable), so one policy serves every agent. One pass: a value that itself holds
 * `${…}` is not expanded again. Anything else in `${…}`, or a variable that is not set, is an error.
 */
export interface TemplateContext {
  username: string;
  env: Readonly<Record<string, string | undefined>>;
}

export type Expanded = { ok: true; value: string } | { ok: false; reason: string };

const PLACEHOLDER = /\$\{([^}]*)\}/g;
const ENV_NAME = /^env:([A-Za-z_][A-Za-z0-9_]{0,127})$/;

export function expandTemplate(text: string, context: TemplateContext): Expanded {
  let failure: string | null = null;
  const value = text.replace(PLACEHOLDER, (_whole, inner: string) => {
    if (inner === 'username') {
      if (!context.username) failure ??= 'the user name is not known';
      return context.username;
    }
    const env = ENV_NAME.exec(inner);
    if (!env) {
      failure ??= `unknown placeholder \${${inner.slice(0, 40)}}`;
      return '';
    }
    const name = env[1] ?? '';
    const found = context.env[name];
    if (!found) failure ??= `the environment variable ${name} is not set`;
    return found ?? '';
  });
  return failure ? { ok: false, reason: failure } : { ok: true, value };
}
