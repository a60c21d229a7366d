"""Start-up: `accords --help` loads no command, and a command loads only what it needs."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import click

from accords.cli import COMMANDS, main

HEAVY = ("pydantic", "pyarrow", "plotly", "fastapi", "ray", "accords.pipeline", "accords.store",
         "accords.web", "accords.batch")


def _loaded_after(args: list[str]) -> set[str]:
    """The modules a fresh interpreter holds after running `accords ARGS`."""
    script = (
        "import json, sys\nfrom accords.cli import main\n"
        f"try:\n    main({args!r})\nexcept SystemExit:\n    pass\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    return set(json.loads(out.splitlines()[-1]))


def _heavy(modules: set[str]) -> set[str]:
    return {m for m in modules if any(m == h or m.startswith(h + ".") for h in HEAVY)}


def test_help_imports_no_command() -> None:
    assert _heavy(_loaded_after(["--help"])) == set()


def test_extract_loads_no_register_web_or_ray(tmp_path: Path) -> None:
    path = tmp_path / "s.txt"
    path.write_text("The two sides agreed to raise bilateral trade to USD 1 billion by 2030.\n", encoding="utf-8")
    loaded = _heavy(_loaded_after(["extract", str(path)]))
    assert "accords.pipeline" in loaded
    assert not {m for m in loaded if m.split(".")[0] in ("pyarrow", "plotly", "fastapi", "ray")}
    assert not {m for m in loaded if m.startswith(("accords.store", "accords.web", "accords.batch"))}


def test_ingest_of_documents_loads_no_arrow_web_or_ray(tmp_path: Path) -> None:
    """pyarrow is for a batch's Parquet records and for exports: a folder of documents needs none."""
    path = tmp_path / "s.txt"
    path.write_text("The two sides agreed to raise bilateral trade to USD 1 billion by 2030.\n", encoding="utf-8")
    loaded = _heavy(_loaded_after(["ingest", str(path), "--db", str(tmp_path / "r.db")]))
    assert "accords.store" in loaded
    assert not {m for m in loaded if m.split(".")[0] in ("pyarrow", "plotly", "fastapi", "ray")}


def test_summaries_are_the_commands_own() -> None:
    ctx = click.Context(main)
    for name, (_, _, summary) in COMMANDS.items():
        command = main.get_command(ctx, name)
        assert command is not None and command.name == name
        assert command.get_short_help_str(limit=1000) == summary
