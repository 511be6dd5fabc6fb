#!/usr/bin/env bash
# Make sure Debian's Chromium is at /usr/bin/chromium for the browser tests.
#
# Installs it with apt-get when it is missing and we may install packages (root,
# or sudo without a password). When it cannot be had: under CI (CI=true) this is
# an error; elsewhere a warning, and the browser tests skip with the reason.
set -euo pipefail

CHROMIUM=/usr/bin/chromium

if [[ -x "$CHROMIUM" ]]; then
    exit 0
fi

sudo=()
can_install=false
if [[ "$(id -u)" -eq 0 ]]; then
    can_install=true
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo=(sudo -n)
    can_install=true
fi

if ! command -v apt-get >/dev/null 2>&1; then
    echo "Chromium is missing and apt-get is not available here." >&2
elif [[ "$can_install" == true ]]; then
    echo "Chromium is missing: installing Debian's chromium package with apt-get."
    apt=("${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300)
    if ! { "${apt[@]}" update -qq && "${apt[@]}" install -y -qq --no-install-recommends chromium; }; then
        echo "apt-get could not install chromium." >&2
    fi
else
    echo "Chromium is missing and this user may not install packages (not root, no sudo -n)." >&2
fi

if [[ -x "$CHROMIUM" ]]; then
    exit 0
fi

if [[ "${CI:-}" == "true" ]]; then
    echo "ERROR: $CHROMIUM is required under CI and could not be installed." >&2
    exit 1
fi
echo "WARNING: $CHROMIUM is not available; the browser tests will be skipped." >&2
