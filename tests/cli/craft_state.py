#!/usr/bin/env python3
"""tests/cli/craft_state.py SRC DST CODE [RAW_FROM RAW_TO] — copies the state
set SRC to DST, runs CODE (Python) on every state as the dict `s` (so all
states are alike: merge's cross-file comparison cannot catch the damage),
optionally replaces the text RAW_FROM by the bytes RAW_TO (escapes such as
\\xff allowed) in every state, and rewrites the manifest's SHA-256s so that
only the content checks can find what is wrong: how an adversary crafts a
set."""
import hashlib
import json
import os
import shutil
import sys

src, dst, code = sys.argv[1], sys.argv[2], sys.argv[3]
raw = sys.argv[4:6]
shutil.copytree(src, dst)
manifest_path = os.path.join(dst, "jamvikt-manifest.json")
manifest = json.load(open(manifest_path, encoding="utf-8"))
for entry in manifest["regions"]:
    path = os.path.join(dst, entry["file"])
    s = json.load(open(path, encoding="utf-8"))
    exec(code)
    data = json.dumps(s, ensure_ascii=False, indent=1).encode("utf-8")
    if raw:
        data = data.replace(raw[0].encode("utf-8"),
                            raw[1].encode("utf-8").decode("unicode_escape").encode("latin-1"))
    open(path, "wb").write(data)
    entry["sha256"] = hashlib.sha256(data).hexdigest()
json.dump(manifest, open(manifest_path, "w", encoding="utf-8"), ensure_ascii=False)
