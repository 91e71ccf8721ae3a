"""The one exception type for errors a user can cause.

The CLI turns a ``TermkitError`` into one line on stderr and exit code 2;
anything else that escapes is a bug and keeps its traceback.
"""


class TermkitError(Exception):
    """Bad input, missing file or model, unusable option: a message for a person."""

    exit_code = 2


class ChecksFailed(TermkitError):
    """Validation or checks found problems (exit code 1)."""

    exit_code = 1
