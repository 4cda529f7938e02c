"""The one error type of the validation package.

Example:
    >>> issubclass(ValidationDataError, FileNotFoundError)
    True
"""

from __future__ import annotations


class ValidationDataError(FileNotFoundError):
    """Labelled data is absent or malformed; the message names the file, row or field."""
