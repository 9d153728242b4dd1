#!/usr/bin/env bash
# The README's test command. Installs what the tests need when it is missing (prometheus and promtool, docker-compose,
# hey, chromium for the load report's headless-browser test, and redis-server for the cluster tests, which start their
# own on a free loopback port: apt-get, as root or with sudo), runs `dotnet test`
# with any arguments given here, prints one "N passed, N failed" line last and exits with dotnet test's status.
#   ./test.sh                                                     every test project
#   ./test.sh --project tests/AgentSim.Model.Tests -- --filter-class '*GoldenResultsTests'
set -euo pipefail
cd "$(dirname "$0")"

as_root() {
    if [[ $(id -u) -eq 0 ]]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo "$@"
    else
        echo "test.sh: installing prometheus, docker-compose, hey, chromium and redis-server needs root or sudo; install them yourself, then run ./test.sh again" >&2
        exit 1
    fi
}

missing=()
for tool in prometheus promtool docker-compose hey chromium redis-server; do
    command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
if ((${#missing[@]} > 0)); then
    if ! command -v apt-get >/dev/null 2>&1; then
        echo "test.sh: ${missing[*]} not on PATH and no apt-get here; install prometheus (with promtool), docker-compose, hey, chromium and redis-server, then run ./test.sh again" >&2
        exit 1
    fi
    echo "test.sh: ${missing[*]} not on PATH; installing prometheus, docker-compose, hey, chromium and redis-server with apt-get" >&2
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends prometheus docker-compose hey chromium redis-server
fi

log="$(mktemp -t agentsim-test.XXXXXX.log)"
trap 'rm -f "$log"' EXIT
set +e
dotnet test "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# Microsoft.Testing.Platform closes each run with "Test run summary: ..." followed by "  total: N", "  failed: N",
# "  succeeded: N", "  skipped: N", "  duration: ...". Sum every such block (one per invocation), ignoring colour codes.
sed -E 's/\x1b\[[0-9;]*[A-Za-z]//g' "$log" | awk '
    /^Test run summary:/ { in_summary = 1; next }
    in_summary && /^[[:space:]]+succeeded:[[:space:]]*[0-9]+/ { passed += $2 }
    in_summary && /^[[:space:]]+failed:[[:space:]]*[0-9]+/ { failed += $2 }
    in_summary && /^[[:space:]]+duration:/ { in_summary = 0 }
    END { printf "%d passed, %d failed\n", passed, failed }
'
exit "$status"
