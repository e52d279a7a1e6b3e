#!/bin/sh
# Usage: ensure-debs.sh PACKAGE...
# Installs the Debian packages that are missing when run as root, otherwise
# prints the exact command to run. Does nothing on systems without dpkg.
command -v dpkg-query >/dev/null 2>&1 || exit 0
missing=""
for pkg in "$@"; do
    status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null)
    case "$status" in
        *" installed") ;;
        *) missing="$missing $pkg" ;;
    esac
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ]; then
    echo "Installing system libraries Qt needs:$missing"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq --no-install-recommends $missing >/dev/null || {
        echo "apt-get could not install:$missing" >&2; exit 1; }
else
    echo "Qt needs system libraries that are missing. Install them with:" >&2
    echo "    sudo apt-get install$missing" >&2
    exit 1
fi
