"""JSON Schema of Retina's JSON forms, generated from the model dataclasses.

`docs/schema.json` is this module's output (`python -m retina.schema > docs/schema.json`);
a test regenerates it and checks the committed file and real outputs against it.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from datetime import datetime
from enum import Enum
from typing import Any

from retina import model

_DERIVED: dict[type, dict[str, dict[str, Any]]] = {
    model.Article: {
        "text": {
            "type": "string",
            "description": "The clean main text: blocks joined by blank lines.",
        },
        "content_hash": {
            "type": "string",
            "pattern": "^[0-9a-f]{64}$",
            "description": "SHA-256 of the normalised main text.",
        },
    }
}
_VERSIONED = (model.Article, model.Page)


def json_schema() -> dict[str, Any]:
    """The schema document: Article and Page at the top, their parts under $defs."""
    defs: dict[str, Any] = {}
    for cls in (model.Block, model.Removed, model.Image, model.Article, model.Page):
        defs[cls.__name__] = _object_schema(cls)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://retina.dev/schema/v{model.SCHEMA_VERSION}.json",
        "title": f"Retina JSON forms, schema version {model.SCHEMA_VERSION}",
        "oneOf": [{"$ref": "#/$defs/Article"}, {"$ref": "#/$defs/Page"}],
        "$defs": defs,
    }


def _object_schema(cls: type) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    properties: dict[str, Any] = {}
    required: list[str] = []
    if cls in _VERSIONED:
        properties["schema_version"] = {"const": model.SCHEMA_VERSION}
        required.append("schema_version")
    for f in dataclasses.fields(cls):
        prop = _type_schema(hints[f.name])
        if cls is model.Page and f.name == "body":
            prop = {"type": "string", "contentEncoding": "base64"}
        properties[f.name] = prop
        required.append(f.name)
    for name, prop in _DERIVED.get(cls, {}).items():
        properties[name] = prop
        required.append(name)
    schema: dict[str, Any] = {
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": False,
    }
    if cls.__doc__:
        schema["description"] = " ".join(cls.__doc__.split())
    if cls is model.Block:  # `level` is written only for headings
        schema["required"] = [r for r in required if r != "level"]
    return schema


def _type_schema(hint: Any) -> dict[str, Any]:
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        options = [_type_schema(a) for a in args if a is not type(None)]
        schema = options[0] if len(options) == 1 else {"anyOf": options}
        if type(None) in args:
            schema = {"anyOf": [schema, {"type": "null"}]}
        return schema
    if origin is list:
        return {"type": "array", "items": _type_schema(args[0])}
    if origin is dict:
        return {"type": "object", "additionalProperties": _type_schema(args[1])}
    if isinstance(hint, type) and issubclass(hint, Enum):
        return {"type": "string", "enum": [m.value for m in hint]}
    if dataclasses.is_dataclass(hint):
        return {"$ref": f"#/$defs/{hint.__name__}"}
    if hint is datetime:
        return {"type": "string", "format": "date-time"}
    simple = {str: "string", int: "integer", float: "number", bool: "boolean", bytes: "string"}
    return {"type": simple[hint]}


def main() -> None:
    """Print the schema (used to regenerate docs/schema.json)."""
    print(json.dumps(json_schema(), indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
