"""The official schemas, copied into ``marketplace/customs/schemas/``, loaded once per process.

Loading ``ceb-export-202205.xsd`` takes most of a second, so each schema is built on first use and
cached at module level; all builders, parsers and tests share the same instance.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import xmlschema

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schemas"
CEB_XSD = SCHEMA_DIR / "ceb-export-202205.xsd"
DXP_XSD = SCHEMA_DIR / "dxp-terminal-202205.xsd"
DECLARATION_JSON_SCHEMA = SCHEMA_DIR / "declaration.schema.json"


@cache
def ceb_schema() -> xmlschema.XMLSchema10:
    """``ceb-export-202205.xsd`` (imports ``xmldsig-core-schema.xsd`` from the same folder)."""
    return xmlschema.XMLSchema10(str(CEB_XSD))


@cache
def dxp_schema() -> xmlschema.XMLSchema10:
    """``dxp-terminal-202205.xsd``: the DXP transport envelope."""
    return xmlschema.XMLSchema10(str(DXP_XSD))


@cache
def declaration_json_schema() -> dict[str, Any]:
    """The JSON Schema of the full-declaration record (draft 2020-12)."""
    return json.loads(DECLARATION_JSON_SCHEMA.read_text(encoding="utf-8"))
