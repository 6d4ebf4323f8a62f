#!/bin/sh
# Installs the Debian packages rapport needs to build, test and benchmark,
# skipping those already present. Runs apt-get as root, or through sudo.
# Usage: scripts/install-deps.sh [build|test|bench]   (default: build)
set -eu

want="build"
[ $# -gt 0 ] && want="$1"

pkgs="meson ninja-build pkg-config gcc libmicrohttpd-dev libjansson-dev
libsqlite3-dev libsodium-dev libcmocka-dev python3"
case "$want" in
test)
	# The browser tests: Debian's Chromium driven by playwright-core from
	# npm (see tests/e2e). Node and npm only when not there already: a
	# Node from elsewhere carries its own npm and conflicts with Debian's.
	pkgs="$pkgs clang libclang-rt-14-dev chromium"
	# The SQL injection test (tests/security/sqlmap.py).
	pkgs="$pkgs sqlmap"
	command -v node >/dev/null 2>&1 || pkgs="$pkgs nodejs"
	command -v npm >/dev/null 2>&1 || pkgs="$pkgs npm"
	;;
bench) pkgs="$pkgs clang libclang-rt-14-dev wrk nginx-light procps" ;;
build) ;;
*) echo "install-deps: unknown set '$want' (use build, test or bench)" >&2; exit 2 ;;
esac

missing=""
for p in $pkgs; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
		missing="$missing $p"
	fi
done
# playwright-core for the browser tests, exactly as the lock file says;
# it uses the system's Chromium, so nothing else is downloaded.
e2e_modules() {
	[ "$want" = test ] || return 0
	e2e="$(dirname "$0")/../tests/e2e"
	if [ ! -d "$e2e/node_modules/playwright-core" ] ||
		[ "$e2e/package-lock.json" -nt "$e2e/node_modules" ]; then
		echo "install-deps: npm ci in tests/e2e"
		(cd "$e2e" && npm ci --no-audit --no-fund --loglevel=error)
	fi
}

if [ -z "$missing" ]; then
	e2e_modules
	exit 0
fi

echo "install-deps: installing:$missing"
if [ "$(id -u)" -eq 0 ]; then
	sudo=""
elif command -v sudo >/dev/null 2>&1; then
	sudo="sudo"
else
	echo "install-deps: need root or sudo to install:$missing" >&2
	exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -q
# shellcheck disable=SC2086
$sudo apt-get install -y -q --no-install-recommends $missing
e2e_modules
