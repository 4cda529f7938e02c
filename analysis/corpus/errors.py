"""The one error type of the corpus stage.

Example:
    >>> str(CorpusError("bad bloc", file="articles.csv", line=3, field="outlet_bloc"))
    "articles.csv, line 3, field 'outlet_bloc': bad bloc"
"""

from __future__ import annotations

import os


class CorpusError(ValueError):
    """A corpus file is unusable; the message names the file, the 1-based line and the field.

    The parts are also attributes (``file``, ``line``, ``field``, and
    ``reason``, the message without them); any of the three may be None.

    Example:
        >>> err = CorpusError("duplicate article id 'a1'", file="articles.csv", line=3, field="article_id")
        >>> str(err)
        "articles.csv, line 3, field 'article_id': duplicate article id 'a1'"
        >>> err.line, err.reason, isinstance(err, ValueError)
        (3, "duplicate article id 'a1'", True)
    """

    def __init__(
        self,
        message: str,
        *,
        file: str | os.PathLike[str] | None = None,
        line: int | None = None,
        field: str | None = None,
    ) -> None:
        self.file = os.fspath(file) if file is not None else None
        self.line = line
        self.field = field
        self.reason = message
        where = [p for p in (
            self.file,
            f"line {line}" if line is not None else None,
            f"field {field!r}" if field is not None else None,
        ) if p]
        super().__init__(f"{', '.join(where)}: {message}" if where else message)
