"""Imported once by the upload workers' fork server (see workers.py): the pipeline with its
packs and registries, loaded before any worker is forked, so that every worker
starts with them and shares their memory."""

from accords.pipeline import process_text

process_text("The two sides agreed to raise bilateral trade to USD 1 billion by 2030.\n", "warm.txt")
