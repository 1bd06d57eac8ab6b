#!/bin/sh
# Renders the app's icons (committed in assets/icons/) from assets/favicon.svg and
# assets/icon-maskable.svg with headless Chromium, the browser the tests already install.
# Run from the project's root: sh assets/icons/make-icons.sh
set -e
out=assets/icons
work=$(mktemp -d)
render() { # svg size name
  printf '<html><body style="margin:0"><img src="file://%s/assets/%s" width="%s" height="%s" style="display:block"></body></html>' \
    "$PWD" "$1" "$2" "$2" > "$work/page.html"
  chromium --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
    --disable-sync --no-first-run --user-data-dir="$work/profile-$3" --hide-scrollbars \
    --default-background-color=00000000 --window-size="$2,$2" --screenshot="$out/$3.png" "file://$work/page.html"
}
render favicon.svg 192 icon-192
render favicon.svg 512 icon-512
# Maskable: the full square is painted and the bars stay inside the central 80 % that every mask keeps.
render icon-maskable.svg 512 icon-maskable-512
rm -rf "$work"
