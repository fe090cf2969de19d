"""`export --format jsonld`: schema.org Claim objects, checked against the schema.org vocabulary
for every type and property used.

The vocabulary below is copied from the schema.org pages of each term: each type's parent
(https://schema.org/Claim: "More specific Types" of CreativeWork; https://schema.org/NewsArticle
< Article < CreativeWork; https://schema.org/QuantitativeValue < StructuredValue < Intangible)
and, for each property, the types it is defined on ("Used on these types") and the types its
values may have ("Values expected to be one of these types"), as its page lists them.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest
from typer.testing import CliRunner

from claimtrack.cli import app
from claimtrack.store import Store

from .test_outputs import document

PARENT = {
    "Thing": None,
    "CreativeWork": "Thing",
    "Claim": "CreativeWork",
    "Article": "CreativeWork",
    "NewsArticle": "Article",
    "Person": "Thing",
    "Organization": "Thing",
    "Intangible": "Thing",
    "StructuredValue": "Intangible",
    "QuantitativeValue": "StructuredValue",
}
LITERALS = {"Text", "URL", "Date", "DateTime", "Number", "Boolean"}
_VALUES = {"QuantitativeValue", "PropertyValue", "MonetaryAmount", "QuantitativeValueDistribution"}
PROPERTIES: dict[str, tuple[set[str], set[str]]] = {
    # https://schema.org/<property>: (used on these types, values expected)
    "name": ({"Thing"}, {"Text"}),
    "description": ({"Thing"}, {"Text", "TextObject"}),
    "identifier": ({"Thing"}, {"Text", "URL", "PropertyValue"}),
    "url": ({"Thing"}, {"URL"}),
    "text": ({"CreativeWork"}, {"Text"}),
    "author": ({"CreativeWork", "Rating"}, {"Person", "Organization"}),
    "datePublished": ({"CreativeWork"}, {"Date", "DateTime"}),
    "headline": ({"CreativeWork"}, {"Text"}),
    "publisher": ({"CreativeWork", "PublicationEvent"}, {"Organization", "Person"}),
    "keywords": (
        {"CreativeWork", "Event", "Organization", "Place", "Product"},
        {"Text", "URL", "DefinedTerm"},
    ),  # fmt: skip
    "mentions": ({"CreativeWork"}, {"Thing"}),
    "appearance": ({"Claim"}, {"CreativeWork"}),
    "firstAppearance": ({"Claim"}, {"CreativeWork"}),
    "jobTitle": ({"Person"}, {"Text", "DefinedTerm"}),
    "value": (_VALUES, {"Number", "Text", "Boolean", "StructuredValue"}),
    "minValue": (_VALUES, {"Number"}),
    "maxValue": (_VALUES, {"Number"}),
    "unitText": (_VALUES | {"TypeAndQuantityNode", "UnitPriceSpecification"}, {"Text"}),
}


def lineage(type_: str) -> set[str]:
    out: set[str] = set()
    current: str | None = type_
    while current is not None:
        out.add(current)
        current = PARENT[current]
    return out


def literal_fits(value: Any, expected: set[str]) -> bool:
    if isinstance(value, bool):
        return "Boolean" in expected
    if isinstance(value, int | float):
        return "Number" in expected
    if not isinstance(value, str):
        return False
    if expected & {"Date", "DateTime"} and not expected & {"Text"}:
        try:
            date.fromisoformat(value[:10])
        except ValueError:
            return False
        return True
    if expected == {"URL"}:
        return value.startswith(("http://", "https://"))
    return bool(expected & {"Text", "URL"})


def problems(node: Any, where: str = "$") -> list[str]:
    """What in a JSON-LD node is not schema.org: unknown types, properties not defined on the
    node's type, values of a type the property does not take."""
    found: list[str] = []
    type_ = node.get("@type")
    if type_ not in PARENT:
        return [f"{where}: unknown type {type_!r}"]
    for key, value in node.items():
        if key.startswith("@"):
            continue
        if key not in PROPERTIES:
            found.append(f"{where}.{key}: not a property this check knows")
            continue
        domains, expected = PROPERTIES[key]
        if not domains & lineage(type_):
            found.append(f"{where}.{key}: not defined on {type_}")
        for i, item in enumerate(value if isinstance(value, list) else [value]):
            here = f"{where}.{key}[{i}]"
            if isinstance(item, dict):
                item_type = item.get("@type")
                if item_type not in PARENT or not expected & lineage(item_type):
                    found.append(f"{here}: {item_type} is not one of {sorted(expected)}")
                found += problems(item, here)
            elif not literal_fits(item, expected & LITERALS):
                found.append(f"{here}: {item!r} is not one of {sorted(expected)}")
    return found


@pytest.mark.parametrize(
    ("node", "problem"),
    [
        ({"@type": "Claim", "jobTitle": "x"}, "not defined on Claim"),
        ({"@type": "Claim", "author": {"@type": "QuantitativeValue"}}, "is not one of"),
        ({"@type": "Statement"}, "unknown type"),
        ({"@type": "NewsArticle", "datePublished": "last week"}, "is not one of"),
        ({"@type": "Claim", "speaker": "x"}, "not a property"),
    ],
)
def test_jsonld_the_vocabulary_check_rejects_what_schema_org_does_not_define(node, problem):
    assert any(problem in p for p in problems(node))


def test_jsonld_export_is_schema_org_claims(tmp_path):
    store = Store(tmp_path)
    wire = document("b" * 16, path="https://wire.example/story", speaker="Sam Poe", value=400.0,
                    date="2022-04-20", outlet="Wire Service", url="https://wire.example/story")  # fmt: skip
    wire.title, wire.authors = "Flood defences", ["Jo Smith"]
    wire.claims[0].speaker.role = "the mayor"
    store.write(wire)
    council = document("a" * 16, path="notes/a.txt", speaker="City Council", value=40.0)
    council.claims[0].speaker.kind = "organization"
    store.write(council)

    result = CliRunner().invoke(app, ["export", "--store", str(tmp_path), "--format", "jsonld"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["@context"] == "https://schema.org"
    graph = data["@graph"]
    assert len(graph) == 2
    for node in graph:
        assert problems(node) == []
    by_id = {n["identifier"]: n for n in graph}
    claim = by_id[wire.claims[0].id]
    assert claim["@type"] == "Claim" and claim["text"] == wire.claims[0].text
    assert claim["author"] == {"@type": "Person", "name": "Sam Poe", "jobTitle": "the mayor"}
    appearance = claim["appearance"]
    assert (
        appearance["@type"] == "NewsArticle" and appearance["url"] == "https://wire.example/story"
    )
    assert (
        appearance["datePublished"] == "2022-04-20" and appearance["headline"] == "Flood defences"
    )
    assert appearance["publisher"] == {"@type": "Organization", "name": "Wire Service"}
    (figure,) = claim["mentions"]
    assert figure["@type"] == "QuantitativeValue"
    assert (figure["value"], figure["minValue"], figure["maxValue"]) == (400.0, 400.0, 400.0)
    assert claim["keywords"] == ["unverified"]
    assert by_id[council.claims[0].id]["author"] == {
        "@type": "Organization",
        "name": "City Council",
    }
    assert "url" not in by_id[council.claims[0].id]["appearance"]  # a file has no URL
