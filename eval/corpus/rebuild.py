#!/usr/bin/env python3
"""Rebuilds the development corpus (eval/corpus/articles/, gitignored) and checks it.

The corpus holds public pages written by others, so only a recipe is committed: one JSON line per
article with `file`, `url`, the `query` that finds the page in the search tool's `pages` corpus,
`length` (characters) and `sha256` (of the UTF-8 text as stored) and `split`. The text of a page is
the page as that corpus returns it for its URL. The search tool is not reachable from a shell, so a
rebuild is two steps: this script lists what is missing (`status`), an agent looks each page up by
its query and hands the text to `put`, which refuses a text whose hash differs from the recipe.

usage:
  rebuild.py status                 every recipe line: ok / missing / differs; exit 1 unless all ok
  rebuild.py missing                the missing ones as JSON lines (file, url, query), for fetching
  rebuild.py which URL...           of the URLs of a search answer, the recipe pages not rebuilt yet (FILE URL):
                                    an answer often holds several, each stored with put
  rebuild.py put FILE < TEXT        stores one article after checking its length and hash
  rebuild.py add --recipe PART --url URL --query Q --file NAME < TEXT
                                    a new article: refuses reserved URLs, computes split, length and
                                    hash, appends the recipe line to PART and stores the text
  rebuild.py split URL              prints train or test
  rebuild.py merge                  joins parts/*.recipe.jsonl into recipe.jsonl and
                                    parts/*.gold.jsonl into gold.jsonl (sorted by file)
  rebuild.py dates [--fix]          gold dates whose year the stored text does not support (see
                                    year_supported); --fix sets them to null, as the contract says;
                                    gold.jsonl and the part files of a round not merged yet

The split is fixed before any rule is changed: test when the first hex digit of the sha256 of the
normalised URL (normalised as ../shared/eval/reserved.py does) is b-f, else train.
"""
import glob
import hashlib
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ARTICLES = os.path.join(HERE, "articles")
RECIPE = os.path.join(HERE, "recipe.jsonl")
GOLD = os.path.join(HERE, "gold.jsonl")
RESERVED = os.path.join(HERE, "..", "..", "..", "shared", "eval", "reserved-urls.sha256")


def normalise_url(url):
    n = re.sub(r"^[a-z]+://", "", url.strip().lower())
    n = re.sub(r"^(www\.|m\.)", "", n)
    return n.rstrip("/")


def url_hash(url):
    return hashlib.sha256(normalise_url(url).encode("utf-8")).hexdigest()


def split_of(url):
    return "test" if url_hash(url)[0] in "bcdef" else "train"


def is_reserved(url):
    if not os.path.exists(RESERVED):
        sys.exit("cannot check reserved pages: %s not found" % RESERVED)
    with open(RESERVED, encoding="ascii") as f:
        return url_hash(url) in {line.strip() for line in f}


def text_of(raw):
    """The stored form of a page: line ends as \\n, no trailing spaces, one final newline."""
    lines = [line.rstrip() for line in raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    return "\n".join(lines).strip("\n") + "\n"


def digest(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def read_jsonl(path):
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def recipe():
    return read_jsonl(RECIPE) + [r for p in sorted(glob.glob(os.path.join(HERE, "parts", "*.recipe.jsonl")))
                                 for r in read_jsonl(p)]


def state(entry):
    path = os.path.join(ARTICLES, entry["file"])
    if not os.path.exists(path):
        return "missing"
    with open(path, encoding="utf-8") as f:
        text = f.read()
    return "ok" if digest(text) == entry["sha256"] and len(text) == entry["length"] else "differs"


def status():
    counts = {}
    for e in recipe():
        s = state(e)
        counts[s] = counts.get(s, 0) + 1
        if s != "ok":
            print("%-8s %s %s" % (s, e["file"], e["url"]))
    print(" ".join("%s=%d" % kv for kv in sorted(counts.items())) or "empty recipe")
    return 0 if set(counts) <= {"ok"} else 1


def missing():
    for e in recipe():
        if state(e) != "ok":
            print(json.dumps({"file": e["file"], "url": e["url"], "query": e["query"]}, ensure_ascii=False))
    return 0


def which(urls):
    """The recipe pages among these URLs (a search answer's) that are not rebuilt yet, as FILE URL lines."""
    known = {normalise_url(e["url"]): e for e in recipe()}
    for url in urls:
        e = known.get(normalise_url(url))
        if e is not None and state(e) != "ok":
            print(e["file"], url)
    return 0


def put(name):
    entry = next((e for e in recipe() if e["file"] == name), None)
    if entry is None:
        sys.exit("no recipe line for " + name)
    text = text_of(sys.stdin.read())
    if digest(text) != entry["sha256"] or len(text) != entry["length"]:
        sys.exit("%s: text differs from the recipe (length %d, expected %d)" % (name, len(text), entry["length"]))
    os.makedirs(ARTICLES, exist_ok=True)
    with open(os.path.join(ARTICLES, name), "w", encoding="utf-8") as f:
        f.write(text)
    print("ok " + name)
    return 0


def add(args):
    opts = dict(zip(args[0::2], args[1::2]))
    part, url, query, name = opts["--recipe"], opts["--url"], opts["--query"], opts["--file"]
    if is_reserved(url):
        sys.exit("reserved URL, not used: " + url)
    known = recipe()
    if any(e["file"] == name for e in known):
        sys.exit("file name taken: " + name)
    if any(normalise_url(e["url"]) == normalise_url(url) for e in known):
        sys.exit("URL already in the corpus: " + url)
    text = text_of(sys.stdin.read())
    entry = {"file": name, "url": url, "query": query, "length": len(text), "sha256": digest(text),
             "split": split_of(url)}
    os.makedirs(ARTICLES, exist_ok=True)
    with open(os.path.join(ARTICLES, name), "w", encoding="utf-8") as f:
        f.write(text)
    with open(part, "a", encoding="utf-8") as f:
        f.write(json.dumps(entry, ensure_ascii=False) + "\n")
    print("added %s (%s, %d chars)" % (name, entry["split"], len(text)))
    return 0


CHINESE_DIGITS = "〇一二三四五六七八九"
YEAR_BEFORE_WORDS = re.compile("去年|上年|去歲|上月|上個月|上个月|昨")
YEAR_AFTER_WORDS = re.compile("明年|次年|翌年|來年|来年")


def year_printed(text, year):
    digits = str(year)
    return digits in text or "".join(CHINESE_DIGITS[int(d)] for d in digits) in text


def year_supported(text, year):
    """A reader of the text alone can tell the year: it is printed, or a relative word reaches it from a
    printed year (去年 from the next year, 明年 from the one before). Gold must not know more than the text:
    the contract says unknown values are null, never invented, and score.py does not score a null date."""
    text = unicodedata.normalize("NFKC", text)
    return (year_printed(text, year)
            or (year_printed(text, year + 1) and YEAR_BEFORE_WORDS.search(text) is not None)
            or (year_printed(text, year + 2) and "前年" in text)
            or (year_printed(text, year - 1) and YEAR_AFTER_WORDS.search(text) is not None))


def dates(fix):
    """The merged gold and every part file of a round not merged yet (a round is checked before it joins)."""
    files = [GOLD] + sorted(glob.glob(os.path.join(HERE, "parts", "*.gold.jsonl")))
    unsupported = 0
    for path_of_gold in files:
        gold = read_jsonl(path_of_gold)
        wrong = 0
        for g in gold:
            path = os.path.join(ARTICLES, g["source"])
            if not g.get("date") or not os.path.exists(path):
                continue
            with open(path, encoding="utf-8") as f:
                if year_supported(f.read(), int(g["date"][:4])):
                    continue
            wrong += 1
            print("%s %s %s %s" % (g["source"], g["type"], g["subject"], g["date"]))
            if fix:
                g["date"] = None
        if fix and wrong:
            with open(path_of_gold, "w", encoding="utf-8") as f:
                for g in gold:
                    f.write(json.dumps(g, ensure_ascii=False) + "\n")
        unsupported += wrong
    print("%d gold dates the text does not support%s" % (unsupported, ", set to null" if fix else ""))
    return 1 if unsupported and not fix else 0


def merge():
    entries = {e["file"]: e for e in recipe()}
    gold = read_jsonl(GOLD) + [g for p in sorted(glob.glob(os.path.join(HERE, "parts", "*.gold.jsonl")))
                               for g in read_jsonl(p)]
    with open(RECIPE, "w", encoding="utf-8") as f:
        for name in sorted(entries):
            f.write(json.dumps(entries[name], ensure_ascii=False) + "\n")
    order = {name: i for i, name in enumerate(sorted(entries))}
    gold.sort(key=lambda g: order.get(g["source"], len(order)))
    with open(GOLD, "w", encoding="utf-8") as f:
        for g in gold:
            f.write(json.dumps(g, ensure_ascii=False) + "\n")
    for p in glob.glob(os.path.join(HERE, "parts", "*.jsonl")):
        os.remove(p)
    print("recipe: %d articles, gold: %d events" % (len(entries), len(gold)))
    return 0


def main(argv):
    if not argv:
        print(__doc__.strip())
        return 2
    cmd, rest = argv[0], argv[1:]
    if cmd == "status":
        return status()
    if cmd == "missing":
        return missing()
    if cmd == "which" and rest:
        return which(rest)
    if cmd == "put" and len(rest) == 1:
        return put(rest[0])
    if cmd == "add":
        return add(rest)
    if cmd == "split" and len(rest) == 1:
        print(split_of(rest[0]))
        return 0
    if cmd == "merge":
        return merge()
    if cmd == "dates" and rest in ([], ["--fix"]):
        return dates(rest == ["--fix"])
    print(__doc__.strip())
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
