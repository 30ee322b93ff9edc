"""Checks on uploaded documents: PDF only (size, extension, magic bytes) and a plain file name."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from marketplace.core.uploads import UploadValidator

PDF_ONLY = UploadValidator(kinds=("pdf",))


def validate_file_name(name: str) -> None:
    """Refuse names that try to leave their folder or hide characters (``../x.pdf``, NUL bytes).

    Stored names are rebuilt by ``safe_upload_path`` anyway; a name like this is a sign of a
    forged upload, so it is refused rather than silently cleaned.
    """
    parts = name.replace("\\", "/").split("/")
    if (
        not name.strip()
        or len(parts) > 1
        or name.startswith(".")
        or any(not character.isprintable() for character in name)
    ):
        raise ValidationError(
            _(
                "The file name may not contain folders, “..” or control characters; "
                "rename the file, e.g. sds.pdf."
            ),
            code="file_name",
        )


def validate_document_file(file) -> None:
    validate_file_name(file.name or "")
    PDF_ONLY(file)
