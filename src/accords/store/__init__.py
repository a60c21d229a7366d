"""The register: one SQLite file that keeps every record and answers questions about them.

`connect` opens (and migrates) a register, `store_record` adds one document in one transaction,
`accords.store.ingest` is the one way a document goes in (for the command line, uploads and
batches), `accords.store.query` asks it questions, `accords.store.export` writes it out as data.
"""

from accords.store.database import DEFAULT_PATH, connect, store_record, transaction

__all__ = ["DEFAULT_PATH", "connect", "store_record", "transaction"]
