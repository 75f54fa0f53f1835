#!/bin/sh
# Rebuilds the extractor's two learnt models from the corpus's TRAIN split only (the test split must never teach
# them): config/sentence-types.csv (the back-off, docs/EXTRACTION.md) and then, with that back-off in place,
# config/event-confidence.csv (the confidence under which an event is dropped). Needs the rebuilt texts
# (python3 eval/corpus/rebuild.py) and the jar.
set -eu
cd "$(dirname "$0")/../.."
files=$(mktemp)
trap 'rm -f "$files"' EXIT
# a page the search tool can no longer give back (LABELLING.md) is left out, and said so
python3 -c "
import json, os, sys
for line in open('eval/corpus/recipe.jsonl', encoding='utf-8'):
    r = json.loads(line)
    path = 'eval/corpus/articles/' + r['file']
    if r['split'] != 'train':
        continue
    if os.path.exists(path):
        print(path)
    else:
        print('not rebuilt, left out: ' + path, file=sys.stderr)
" | sort > "$files"
xargs java -jar target/aipulse.jar train --gold eval/corpus/gold.jsonl --out config/sentence-types.csv < "$files"
# the confidence is learnt from what the extractor finds with the back-off just written, on a fixed day
xargs java -jar target/aipulse.jar train --confidence --received-at 2026-12-06T00:00:00Z --gold eval/corpus/gold.jsonl \
    --out config/event-confidence.csv < "$files"
