"""What validation finds: ``Problem`` records, and their text and JSON forms."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any, Iterable

from termkit.i18n import _


@dataclass
class Problem:
    """One finding: where it is (file, line, concept) and what is wrong."""

    file: str
    line: int | None
    concept_id: str | None
    message: str
    severity: str = "error"  # "error" or "warning"

    @property
    def where(self) -> str:
        """``file:line``, or the file alone when the line is unknown."""
        return f"{self.file}:{self.line}" if self.line else self.file

    def __str__(self) -> str:
        concept = f" [{self.concept_id}]" if self.concept_id else ""
        return f"{self.where}:{concept} {self.severity}: {self.message}"

    def text(self) -> str:
        """The line ``termkit glossary validate`` prints: ``file:line: concept c1: message``,
        with ``warning:`` before the message of a warning."""
        concept = f" concept {self.concept_id}:" if self.concept_id else ""
        level = _(" warning:") if self.severity == "warning" else ""
        return f"{self.where}:{concept}{level} {self.message}"


def errors(problems: Iterable[Problem]) -> list[Problem]:
    """The problems that make a glossary invalid (warnings do not)."""
    return [problem for problem in problems if problem.severity == "error"]


def report(file: str, problems: list[Problem]) -> dict[str, Any]:
    """The JSON form of a validation: file, valid, errors, warnings and the problems."""
    found = len(errors(problems))
    return {"file": file, "valid": not found, "errors": found,
            "warnings": len(problems) - found,
            "problems": [dataclasses.asdict(problem) for problem in problems]}
