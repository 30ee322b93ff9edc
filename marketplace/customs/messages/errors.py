"""Errors of the codec: every refusal names the field(s) at fault."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FieldError:
    """One problem: ``field`` is the dataclass path (``orders[0].lines[1].price``) when known,
    ``location`` the XML path (``Order[1]/OrderList[2]/price``) or JSON pointer it came from."""

    field: str
    message: str
    location: str = ""

    def __str__(self) -> str:
        where = self.field or self.location or "message"
        if self.location and self.location != self.field:
            where = f"{where} ({self.location})"
        return f"{where}: {self.message}"


class MessageError(ValueError):
    """A message or record refused before it is offered for export, or a document that cannot be read."""

    def __init__(self, subject: str, errors: list[FieldError]) -> None:
        self.subject = subject
        self.errors = list(errors)
        lines = "; ".join(str(error) for error in self.errors)
        super().__init__(f"{subject} is invalid: {lines}")

    @property
    def fields(self) -> list[str]:
        return [error.field for error in self.errors]
