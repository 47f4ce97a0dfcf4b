/**
 * Where Steadyline keeps its data. IT can point it elsewhere (a roaming profile, a shared image)
 * with `--data-dir=<folder>` or the STEADYLINE_DATA_DIR environment variable.
 */
import { resolve } from 'node:path';

export function chooseDataDir(argv: readonly string[], env: NodeJS.ProcessEnv, userDataDir: string): string {
  const flag = argv.find((argument) => argument.startsWith('--data-dir='));
  const chosen = flag?.slice('--data-dir='.length) || env.STEADYLINE_DATA_DIR;
  return chosen ? resolve(chosen) : userDataDir;
}
