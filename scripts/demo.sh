#!/usr/bin/env bash
# Set up termkit (if needed) and run the demo pipeline on corpus/; results go to out/.
#   1. validate the shipped glossary and export it to CSV
#   2. segment and align every FR/EN pair of corpus/ into one TMX per pair (with a review report)
#   3. find the glossary terms in the French seed texts
#   4. translate the seeds FR→EN offline with glossary enforcement (Apertium, or an installed
#      Argos package; skipped with a note when neither is available)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
TK=.venv/bin/termkit
GLOSSARY=glossaries/trafficking.tbx
mkdir -p out/tmx

echo "== 1. glossary: $GLOSSARY"
$TK glossary validate "$GLOSSARY"
$TK glossary stats "$GLOSSARY"
$TK glossary convert "$GLOSSARY" -o out/trafficking.csv

echo "== 2. alignment: corpus/*.fr.txt + *.en.txt → out/tmx/*.tmx"
for fr in corpus/*.fr.txt; do
  name=$(basename "$fr" .fr.txt)
  $TK align "$fr" "corpus/$name.en.txt" --glossary "$GLOSSARY" --format tmx -o "out/tmx/$name.tmx"
done
$TK align corpus/interpol-2013-global-conference.fr.txt corpus/interpol-2013-global-conference.en.txt \
  --glossary "$GLOSSARY" --format tsv --report -o out/interpol-2013-global-conference.tsv
$TK tmx stats out/tmx/interpol-2013-global-conference.tmx

echo "== 3. glossary terms in the French seeds"
for seed in corpus/seeds/*.txt; do
  case "$seed" in *README*) continue ;; esac
  $TK glossary lookup "$GLOSSARY" - --lang fr --target en < "$seed" > "out/$(basename "$seed" .txt).terms.txt"
  echo "$seed: $(wc -l < "out/$(basename "$seed" .txt).terms.txt") term occurrences → out/$(basename "$seed" .txt).terms.txt"
done

echo "== 4. translation FR→EN with glossary enforcement"
if command -v apertium >/dev/null 2>&1 \
   || .venv/bin/python -c "import sys; from termkit.mt import models; sys.exit(not models.installed())"; then
  for seed in corpus/seeds/0*.txt; do
    out="out/$(basename "$seed" .txt).en.txt"
    $TK translate "$seed" --from fr --to en --glossary "$GLOSSARY" -o "$out"
    echo "$seed → $out"
  done
else
  echo "skipped: no engine (install apertium apertium-fr-es apertium-en-es, or an Argos package with 'termkit models install')"
fi
echo "== done: results in out/"
