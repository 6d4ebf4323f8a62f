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
test) pkgs="$pkgs clang libclang-rt-14-dev" ;;
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
[ -z "$missing" ] && exit 0

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
