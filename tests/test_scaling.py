"""Extraction grows linearly with the input: over-long paragraphs are cut into pieces, words are
counted by bisection, country mentions found by position (see benchmarks/bench_scaling.py for
the figures)."""

from __future__ import annotations

import json
import random
import subprocess
import sys
import time
from pathlib import Path

from accords.clean import Line, clean
from accords.extract.context import Context
from accords.extract.modality import _word_counter
from accords.segment import MAX_PARAGRAPH_CHARS, pieces, segment

SENTENCE = "The two sides agreed to raise bilateral trade with Viet Nam and Korea to USD 5 billion by 2030. "


def test_words_between_two_offsets_are_counted_as_splitting_would() -> None:
    rng = random.Random(7)
    alphabet = ["a", "b", " ", "\n", "\u00a0", "\u2003", "\x1c", ".", "\t"]
    for _ in range(2000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        offset = rng.randint(0, 50)
        between = _word_counter(text, offset)
        for _ in range(10):
            a, b = rng.randint(0, len(text)), rng.randint(0, len(text))
            assert between(a + offset, b + offset) == len(text[a:b].split())


def test_a_long_line_is_cut_at_sentence_ends_into_bounded_pieces() -> None:
    text = (SENTENCE * 200).strip()
    cut = pieces(Line(10, 10 + len(text), text))
    assert len(cut) > 1 and all(len(p.text) <= MAX_PARAGRAPH_CHARS for p in cut)
    assert all(p.text.endswith("2030.") for p in cut)
    document = " " * 10 + text
    assert all(document[p.start : p.end] == p.text for p in cut)
    assert [p.text for p in pieces(Line(0, 20, "A line of its own."))] == ["A line of its own."]


def test_a_numbered_item_absorbs_paragraphs_up_to_the_limit() -> None:
    text = "1. The two sides agreed as follows.\n" + (SENTENCE.strip() + "\n") * 200 + "2. The end.\n"
    doc = segment(text, clean(text))
    assert all(p.span[1] - p.span[0] <= MAX_PARAGRAPH_CHARS + len(SENTENCE) for p in doc.provisions)
    assert doc.provisions[0].number == "1" and doc.provisions[-1].number == "2"


def test_mentions_of_a_span_are_found_by_position() -> None:
    text = "".join(f"{i}. {SENTENCE}\n" for i in range(1, 60))
    doc = segment(text, clean(text))
    ctx = Context(doc, "en")
    for start, end in [(0, len(text)), (5, 400), (1000, 1001), (2000, 4000), (len(text), len(text))]:
        assert ctx.mentions_in(start, end) == [m for m in ctx.country_mentions if start <= m.start and m.end <= end]


def test_a_paragraph_of_half_a_megabyte_is_read_in_seconds(tmp_path: Path) -> None:
    # Before: 50k, 100k, 200k characters of one paragraph took 9 s, 38 s, 277 s.
    path = tmp_path / "paragraph.txt"
    path.write_text(SENTENCE * 5000)
    started = time.monotonic()
    result = subprocess.run([sys.executable, "-m", "accords.cli", "extract", str(path)],
                            capture_output=True, text=True, timeout=180, check=False)
    assert result.returncode == 0, result.stderr
    assert time.monotonic() - started < 120
    provisions = json.loads(result.stdout)["provisions"]
    assert len(provisions) > 1 and all(p["modality"] == "commit" for p in provisions)
