import { numberOf } from '../remote-party';

/** The caller's name, else their number; a broken %-escape in a caller's address shows as it came. */
export function partyName(remote: { uri: string; displayName: string | null }): string {
  if (remote.displayName) return remote.displayName;
  try {
    return numberOf(remote.uri);
  } catch {
    return remote.uri;
  }
}
