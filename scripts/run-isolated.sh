#!/usr/bin/env bash
# Runs a command in a private, loopback-only network namespace when this machine allows it
# (root, or unprivileged user namespaces), so SIP and browser tests can only ever reach 127.0.0.1.
# Elsewhere it runs the command as it is: the tests use loopback addresses either way.
set -euo pipefail
if [ "${STEADYLINE_NO_NETNS:-}" != "1" ] && unshare -n true 2>/dev/null; then
  exec unshare -n bash -c 'ip link set lo up 2>/dev/null || true; exec "$@"' isolated npx "$@"
elif [ "${STEADYLINE_NO_NETNS:-}" != "1" ] && unshare -rn true 2>/dev/null; then
  exec unshare -rn bash -c 'ip link set lo up 2>/dev/null || true; exec "$@"' isolated npx "$@"
fi
exec npx "$@"
