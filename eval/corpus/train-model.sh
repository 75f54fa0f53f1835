#!/bin/sh
# Rebuilds config/sentence-types.csv (the extractor's back-off, docs/EXTRACTION.md) from the corpus's TRAIN split only:
# the test split must never teach the model. Needs the rebuilt texts (python3 eval/corpus/rebuild.py) and the jar.
set -eu
cd "$(dirname "$0")/../.."
python3 -c "
import json
for line in open('eval/corpus/recipe.jsonl', encoding='utf-8'):
    r = json.loads(line)
    if r['split'] == 'train':
        print('eval/corpus/articles/' + r['file'])
" | sort | xargs java -jar target/aipulse.jar train --gold eval/corpus/gold.jsonl --out config/sentence-types.csv
