#!/usr/bin/env bash
# termkit's own interface catalogues (gettext domain "termkit"), with Babel's pybabel.
#   scripts/i18n.sh extract    termkit/**.py -> locales/termkit.pot
#   scripts/i18n.sh update     locales/termkit.pot -> locales/<lang>/LC_MESSAGES/termkit.po
#   scripts/i18n.sh compile    locales/<lang>/.../termkit.po -> termkit/locale/<lang>/.../termkit.mo
#   scripts/i18n.sh init LANG  start a new language from the template
#   scripts/i18n.sh [all]      extract, update and compile
set -euo pipefail
cd "$(dirname "$0")/.."
PYBABEL=${PYBABEL:-.venv/bin/pybabel}
VERSION=$(.venv/bin/python -c 'import termkit; print(termkit.__version__)')

extract() {
  "$PYBABEL" -q extract -F locales/babel.cfg --add-location=file --sort-by-file --width=100 \
    -c TRANSLATORS: --project=termkit --version="$VERSION" \
    --copyright-holder="termkit developers" -o locales/termkit.pot termkit
}

update() {
  "$PYBABEL" update -i locales/termkit.pot -d locales -D termkit --width=100 \
    --ignore-obsolete --no-fuzzy-matching
}

compile() {
  for po in locales/*/LC_MESSAGES/termkit.po; do
    [ -e "$po" ] || continue
    lang=$(basename "$(dirname "$(dirname "$po")")")
    mkdir -p "termkit/locale/$lang/LC_MESSAGES"
    "$PYBABEL" compile --statistics -l "$lang" -i "$po" \
      -o "termkit/locale/$lang/LC_MESSAGES/termkit.mo"
  done
}

case "${1:-all}" in
  extract) extract ;;
  update) update ;;
  compile) compile ;;
  init)
    [ -n "${2:-}" ] || { echo "usage: scripts/i18n.sh init LANG" >&2; exit 2; }
    "$PYBABEL" init -i locales/termkit.pot -d locales -D termkit -l "$2" --width=100 ;;
  all) extract; update; compile ;;
  *) echo "usage: scripts/i18n.sh [extract|update|compile|init LANG|all]" >&2; exit 2 ;;
esac
