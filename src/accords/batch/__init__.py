"""Batch extraction on a Ray cluster, for collections larger than one machine (`accords batch`).

`documents` says what a batch reads and holds the step each worker runs, `records` the Parquet
datasets it writes (and `accords ingest` reads back), `cluster` starts or joins Ray and runs it.
Only `cluster` needs Ray, the optional extra `accords[ray]`.
"""
