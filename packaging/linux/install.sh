#!/bin/sh
# Installs the unpacked Article Viewer bundle for the current user (or, with PREFIX=/usr/local
# as root, for everyone) and adds it to the desktop's application menu.
# Usage: ./install.sh            install into ${PREFIX:-$HOME/.local}
#        ./install.sh --uninstall
set -eu
APP_ID=org.articleviewer.ArticleViewer
PREFIX=${PREFIX:-$HOME/.local}
HERE=$(cd "$(dirname "$0")" && pwd)
LIBDIR="$PREFIX/lib/article-viewer"
SHARE="$PREFIX/share"

refresh_caches() {
    # Menus and icon themes pick the change up sooner with these; both are optional.
    command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$SHARE/applications" || true
    command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$SHARE/icons/hicolor" || true
}

if [ "${1:-}" = "--uninstall" ]; then
    rm -rf "$LIBDIR"
    rm -f "$PREFIX/bin/article-viewer" "$SHARE/applications/$APP_ID.desktop" "$SHARE/metainfo/$APP_ID.metainfo.xml"
    find "$SHARE/icons/hicolor" -path '*/apps/article-viewer.*' -delete 2>/dev/null || true
    refresh_caches
    echo "Article Viewer removed from $PREFIX"
    exit 0
fi

[ -x "$HERE/article-viewer" ] || { echo "install.sh: run it from the unpacked bundle folder" >&2; exit 2; }
mkdir -p "$LIBDIR" "$PREFIX/bin" "$SHARE/applications" "$SHARE/metainfo"
rm -rf "$LIBDIR"
mkdir -p "$LIBDIR"
cp -R "$HERE/article-viewer" "$HERE/_internal" "$LIBDIR/"
ln -sf "$LIBDIR/article-viewer" "$PREFIX/bin/article-viewer"
# An absolute Exec= works also when $PREFIX/bin is not on the desktop session's PATH.
sed -e "s|^Exec=article-viewer|Exec=$LIBDIR/article-viewer|" \
    -e "s|^TryExec=article-viewer|TryExec=$LIBDIR/article-viewer|" \
    "$HERE/share/applications/$APP_ID.desktop" > "$SHARE/applications/$APP_ID.desktop"
cp "$HERE/share/metainfo/$APP_ID.metainfo.xml" "$SHARE/metainfo/"
cp -R "$HERE/share/icons" "$SHARE/"
refresh_caches
echo "Article Viewer installed: $PREFIX/bin/article-viewer and the application menu entry"
