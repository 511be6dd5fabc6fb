#!/usr/bin/env bash
# Run the test suite: the whole of it on SQLite, then, when QUIZAPP_TEST_DATABASE_URI
# is set, every test but the browser ones again on that database (the browser tests
# serve the app from a SQLite file of their own, so a second run would add nothing).
#
# Extra arguments are passed to both pytest runs.
set -uo pipefail

cd "$(dirname "$0")/.."
PYTEST=(.venv/bin/python -m pytest)
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

failed=0

run_pytest() {
    local label="$1"
    shift
    echo "== pytest on $label"
    "$@"
    local status=$?
    case "$status" in
        0) ;;
        5)
            echo "ERROR: pytest collected no tests on $label; a suite that collects nothing is broken." >&2
            failed=1
            ;;
        *)
            echo "ERROR: pytest failed on $label (exit status $status)." >&2
            failed=1
            ;;
    esac
}

run_pytest "SQLite" env -u QUIZAPP_TEST_DATABASE_URI "${PYTEST[@]}" "$@"

if [[ -n "${QUIZAPP_TEST_DATABASE_URI:-}" ]]; then
    run_pytest "$QUIZAPP_TEST_DATABASE_URI" "${PYTEST[@]}" -m "not browser" "$@"
else
    echo "QUIZAPP_TEST_DATABASE_URI is not set: the database tests ran on SQLite only."
fi

exit "$failed"
