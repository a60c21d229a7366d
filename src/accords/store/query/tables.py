"""Answers as tables: every answer of the register converts to rows, an Arrow table or a DataFrame.

Analysts take answers into pandas, R (through Arrow) or a spreadsheet; the rows are the answer's
own dataclasses as dictionaries, so a column is named as the field is everywhere else. pandas is
optional: asking for a DataFrame without it is one clear error.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, is_dataclass
from typing import IO, TYPE_CHECKING, Any, Generic, TypeVar

from accords.errors import AccordsError

if TYPE_CHECKING:
    import pandas
    import pyarrow as pa

T = TypeVar("T")


def as_row(item: Any) -> dict[str, Any]:
    """A dataclass answer as a dictionary (nested dataclasses too)."""
    if is_dataclass(item) and not isinstance(item, type):
        return asdict(item)
    if isinstance(item, dict):
        return item
    raise TypeError(f"not a row: {type(item).__name__}")


_FORMULA = ("=", "+", "-", "@", "\t", "\r")
"""What a spreadsheet reads a cell starting with as a formula (OWASP's CSV injection list)."""


def csv_cell(value: object) -> object:
    """A value as a CSV cell: lists joined by ';', nested rows as JSON, and text that a spreadsheet
    would run as a formula quoted with a leading apostrophe (numbers stay numbers)."""
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        value = ";".join(json.dumps(v, ensure_ascii=False) if isinstance(v, dict) else str(v) for v in value)
    elif isinstance(value, dict):
        value = json.dumps(value, ensure_ascii=False)
    if isinstance(value, str) and value.startswith(_FORMULA):
        return "'" + value
    return value


def write_csv(records: Iterable[dict[str, Any]], out: IO[str], columns: list[str] | None = None) -> int:
    """Rows as CSV with a header (the first row's keys unless `columns`); how many rows were written."""
    writer = csv.writer(out)
    count = 0
    for row in records:
        if count == 0:
            columns = columns or list(row)
            writer.writerow(columns)
        writer.writerow([csv_cell(row.get(name)) for name in columns or ()])
        count += 1
    if count == 0 and columns:
        writer.writerow(columns)
    return count


class Tabular:
    """An answer that is a list of rows."""

    def records(self) -> list[dict[str, Any]]:
        raise NotImplementedError

    def to_csv(self, out: IO[str]) -> int:
        """The rows as CSV (see `csv_cell`); how many were written."""
        return write_csv(self.records(), out)

    def to_arrow(self) -> pa.Table:
        """The rows as an Arrow table (lists stay lists, nested rows become structs). pyarrow is
        imported here, not with the module: the commands that never make a table skip it."""
        import pyarrow as pa

        return pa.Table.from_pylist(self.records())

    def to_pandas(self) -> pandas.DataFrame:
        """The rows as a pandas DataFrame; needs pandas (`pip install pandas`)."""
        try:
            import pandas
        except ImportError:
            raise AccordsError("to_pandas needs pandas: pip install pandas (or use to_arrow)") from None
        return pandas.DataFrame.from_records(self.records(), columns=self.to_arrow().column_names)


@dataclass(frozen=True)
class Page(Tabular, Generic[T]):
    """Some rows of a longer answer: `total` rows in all, these from `offset`."""

    items: list[T]
    total: int
    limit: int | None
    offset: int

    @property
    def has_next(self) -> bool:
        return self.offset + len(self.items) < self.total

    def records(self) -> list[dict[str, Any]]:
        return [as_row(item) for item in self.items]

    def __iter__(self) -> Iterator[T]:
        return iter(self.items)

    def __getitem__(self, index: int) -> T:
        return self.items[index]

    def __len__(self) -> int:
        return len(self.items)

    @classmethod
    def whole(cls, items: list[T]) -> Page[T]:
        """An answer given whole."""
        return cls(items, len(items), None, 0)
