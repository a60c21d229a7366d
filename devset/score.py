#!/usr/bin/env python3
"""Score the extractor on whatever development texts are rebuilt on this machine.

usage: python devset/score.py [--shared] [--own] [--detail]

Two sets: `../shared/dev` (texts in /tmp/accords-dev/docs) and ours, `devset/` (texts in
/tmp/accords-dev/own/docs). The texts are third-party pages and never enter the repository; see
devset/README.md to rebuild them. Gold records that have no text here are skipped, so a partial
rebuild still gives a figure, over the documents it has.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
SHARED = REPO.parent / "shared"
SETS = {
    "shared": (Path("/tmp/accords-dev/docs"), SHARED / "dev" / "gold"),
    "own": (Path("/tmp/accords-dev/own/docs"), HERE / "gold"),
}


def score_set(name: str, docs: Path, gold: Path, detail: bool) -> None:
    """Fill the gold that has texts here, extract those texts, and print the scorer's figures."""
    present = sorted(g for g in gold.glob("*.json")
                     if (docs / json.loads(g.read_text(encoding="utf-8"))["source"]["file"]).exists())
    if not present:
        print(f"{name}: no texts rebuilt in {docs}")
        return
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        (work / "gold_in").mkdir()
        for g in present:
            (work / "gold_in" / g.name).write_bytes(g.read_bytes())
        subprocess.run([sys.executable, str(SHARED / "eval" / "fill.py"), str(docs), str(work / "gold_in"),
                        str(work / "gold")], check=False)
        texts = [str(docs / json.loads(g.read_text(encoding="utf-8"))["source"]["file"]) for g in present]
        accords = Path(sys.executable).with_name("accords")
        subprocess.run([str(accords), "extract", *texts, "--format", "jsonl", "--out", str(work / "pred.jsonl")],
                       check=False)
        args = [sys.executable, str(SHARED / "eval" / "score.py"), str(work / "pred.jsonl"), str(work / "gold")]
        print(f"== {name}: {len(present)} documents")
        subprocess.run(args + (["--detail"] if detail else []), check=False)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", action="store_true", help="only ../shared/dev")
    ap.add_argument("--own", action="store_true", help="only devset/")
    ap.add_argument("--detail", action="store_true", help="list every disagreement")
    a = ap.parse_args()
    chosen = [n for n in SETS if getattr(a, n)] or list(SETS)
    for name in chosen:
        score_set(name, *SETS[name], a.detail)


if __name__ == "__main__":
    main()
