#!/usr/bin/env bash
# Usage: bench/same-pages.sh SITE_A SITE_B
# Checks that two built sites have the same pages apart from whitespace: every .html and .xml file of
# SITE_A exists in SITE_B and is equal once runs of whitespace are one space and whitespace between two
# tags is gone. Made for changes of template engine or template layout, which may move whitespace only.
# Exit 0 when every page matches, 1 otherwise (the differing files are listed).
set -euo pipefail
a=$1; b=$2
python3 - "$a" "$b" <<'PY'
import os, re, sys
a, b = sys.argv[1], sys.argv[2]
def norm(path):
    with open(path, encoding="utf-8") as f:
        return re.sub(r">\s+<", "><", re.sub(r"\s+", " ", f.read())).strip()
pages = sorted(os.path.relpath(os.path.join(d, n), a) for d, _, names in os.walk(a) for n in names
               if n.endswith((".html", ".xml")))
bad = [p for p in pages if not os.path.exists(os.path.join(b, p)) or norm(os.path.join(a, p)) != norm(os.path.join(b, p))]
for p in bad: print("differs:", p)
print(f"{len(pages)} pages compared, {len(bad)} differ")
sys.exit(1 if bad else 0)
PY
