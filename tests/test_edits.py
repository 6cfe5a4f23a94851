"""One-entry edits as typed in chat commands: text fields → the whole entry, or an error naming the field."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import carrier, device, knowledge, statement, variant, vendor

from bot import bundle, edits
from bot.bundle import KnowledgeError

K = knowledge(
    vendors=[vendor("google", "Google")],
    devices=[device("pixel-9", "google", "Pixel 9", variant("p9", "US", ("GUR25",), lte=[2, 4]), aliases=("p9",))],
    carriers=[
        carrier("tmobile-us", "US", "T-Mobile", lte=([2, 4], [66])),
        carrier("mint-us", "US", "Mint", mvno_of="tmobile-us"),
    ],
    statements=[statement("google-us", "google", "US", "sold", "2024-08-13")],
)


def valid(kind: str, entry: dict[str, object]) -> None:
    """The entry passes the schema (the store checks the rest against the whole knowledge)."""
    bundle.check_shape({"format": bundle.FORMAT, kind: [entry]}, "test")


def test_numbers() -> None:
    assert edits.numbers("f", "2, 4 12;66") == [2, 4, 12, 66]
    assert edits.numbers("f", "B2 b4 n78 Band 5") == [2, 4, 5, 78]
    assert edits.numbers("f", "850 MHz, 1900mhz") == [850, 1900]
    assert edits.numbers("f", "-") == [] and edits.numbers("f", None) is None
    with pytest.raises(KnowledgeError, match=r"edit: lte: 'LTE' is not a band number"):
        edits.numbers("lte", "2, LTE")


def test_statement_add_and_edit() -> None:
    new = edits.statement(
        K,
        "google-de",
        create=True,
        vendor="google",
        country="de",
        status="sold",
        quote="Yes.",
        source="Store",
        date="2024",
    )
    assert new == {
        "id": "google-de",
        "vendor": "google",
        "country": "DE",
        "status": "sold",
        "quote": "Yes.",
        "source": "Store",
        "date": "2024",
        "device": None,
    }
    valid("statements", new)
    changed = edits.statement(K, "google-us", create=False, quote="New words.", device="pixel-9")
    assert changed["quote"] == "New words." and changed["device"] == "pixel-9" and changed["date"] == "2024-08-13"
    assert edits.statement(K, "google-us", create=False, device="-")["device"] is None
    with pytest.raises(KnowledgeError, match="already exists"):
        edits.statement(K, "google-us", create=True)
    with pytest.raises(KnowledgeError, match="no such entry"):
        edits.statement(K, "nope", create=False)


def test_device_and_variant_bands() -> None:
    first = edits.variant("p10", market="Global", lte="1, 3", models="G1, G2", volte=False)
    new = edits.device(K, "pixel-10", create=True, vendor="google", name="Pixel 10", source="spec", variant=first)
    assert new["variants"] == [
        {"id": "p10", "market": "Global", "bands": {"lte": [1, 3]}, "models": ["G1", "G2"], "volte": False}
    ]
    valid("devices", new)
    more = edits.variant_bands(K, "pixel-9", "p9", nr="78", lte="2, 4, 66")
    assert more["variants"][0]["bands"] == {"lte": [2, 4, 66], "nr": [78]} and more["variants"][0]["models"] == [
        "GUR25"
    ]
    added = edits.variant_bands(K, "pixel-9", "p9-jp", market="Japan", lte="1", models="G1JP")
    assert [v["id"] for v in added["variants"]] == ["p9", "p9-jp"]
    renamed = edits.device(K, "pixel-9", create=False, name="Pixel Nine", aliases="-")
    assert renamed["name"] == "Pixel Nine" and "aliases" not in renamed


def test_carrier() -> None:
    c = edits.carrier(
        K, "tmobile-us", create=False, lte_primary="2, 4, 71", requires_certification=True, as_of="2025-06"
    )
    assert c["bands"]["lte"] == {"primary": [2, 4, 71], "secondary": [66]}
    assert c["requires_certification"] is True and c["as_of"] == "2025-06"
    valid("carriers", c)
    thin = edits.carrier(K, "tmobile-us", create=False, bands_incomplete=True)
    assert thin["bands_incomplete"] is True and "bands_incomplete" not in edits.carrier(
        K, "tmobile-us", create=False, bands_incomplete=False
    )
    new = edits.carrier(K, "visible-us", create=True, country="us", name="Visible", source="site", mvno_of="tmobile-us")
    assert "bands" not in new and new["mvno_of"] == "tmobile-us"
    with pytest.raises(KnowledgeError, match="a virtual operator has no bands of its own"):
        edits.carrier(K, "mint-us", create=False, lte_primary="2")


def test_alias() -> None:
    assert edits.alias(K, "device", "pixel-9", "Pixel9", add=True)["aliases"] == ["p9", "Pixel9"]
    assert "aliases" not in edits.alias(K, "device", "pixel-9", "P9", add=False)
    with pytest.raises(KnowledgeError, match="'p9' is already an alias"):
        edits.alias(K, "device", "pixel-9", "p9", add=True)
    with pytest.raises(KnowledgeError, match="is not one of its aliases: p9"):
        edits.alias(K, "device", "pixel-9", "pix", add=False)
    with pytest.raises(KnowledgeError, match="unknown kind"):
        edits.alias(K, "statement", "google-us", "x", add=True)


def test_fields_are_read_from_the_schema() -> None:
    # Fields edits.py never names are accepted by their schema name and read by their schema type.
    s = edits.statement(K, "google-us", create=False, speaker="Germany's regulator", note="Checked.")
    assert s["speaker"] == "Germany's regulator" and s["note"] == "Checked."
    valid("statements", s)
    assert "speaker" not in edits.statement(K, "google-us", create=False, speaker="-")  # "-" clears
    d = edits.device(K, "pixel-9", create=False, source_url="https://store.google.com/", note="-")
    assert d["source_url"] == "https://store.google.com/"
    v = edits.variant_bands(K, "pixel-9", "p9", made_for="US, CA", source="FCC filing")["variants"][0]
    assert v["made_for"] == ["US", "CA"] and v["source"] == "FCC filing"
    c = edits.carrier(K, "tmobile-us", create=False, source_url="https://www.t-mobile.com/coverage", umts="-")
    assert c["source_url"] == "https://www.t-mobile.com/coverage" and c["bands"]["umts"] == []
    valid("carriers", c)
    # A name no definition has is the caller's mistake, not a moderator's: it never reaches an entry.
    with pytest.raises(TypeError, match="a statement has no field 'colour'"):
        edits.statement(K, "google-us", create=False, colour="red")
    with pytest.raises(TypeError, match="a device has no field 'variants'"):
        edits.device(K, "pixel-9", create=False, variants="p9")


def test_clearing_one_band_list_keeps_the_others() -> None:
    # "-" makes one technology unknown; another's empty list ("none", e.g. no 5G) is kept as written.
    k = knowledge(
        vendors=[vendor("google", "Google")],
        devices=[device("pixel-4a", "google", "Pixel 4a", variant("p4a", "US", lte=[2, 4], nr=[]))],
    )
    v = edits.variant_bands(k, "pixel-4a", "p4a", lte="2, 4, 66", gsm="-")["variants"][0]
    assert v["bands"] == {"lte": [2, 4, 66], "nr": []}
    assert edits.variant_bands(k, "pixel-4a", "p4a", lte="-", nr="-")["variants"][0]["bands"] == {}


def test_a_field_added_to_the_schema_needs_no_change_to_edits(schema_copy: dict[str, Any]) -> None:
    # As a contributor adds them: a field to carriers, a technology to devices' bands, a field to variants.
    defs = schema_copy["$defs"]
    defs["carrier"]["properties"]["coverage_map"] = {"$ref": "#/$defs/url"}
    defs["ltem"] = {"type": "array", "uniqueItems": True, "items": {"type": "integer", "minimum": 1, "maximum": 88}}
    defs["device_bands"]["properties"]["ltem"] = {"$ref": "#/$defs/ltem"}
    defs["variant"]["properties"]["chipset"] = {"$ref": "#/$defs/text"}
    # New entries: an existing one is read through its record, which would gain the field alongside.
    c = edits.carrier(
        K, "visible-us", create=True, country="us", name="Visible", source="site", coverage_map="https://v.example/"
    )
    assert c["coverage_map"] == "https://v.example/"
    v = edits.variant("p10", lte="1", ltem="B12, 13", chipset=" Tensor G4 ")
    assert v["bands"] == {"lte": [1], "ltem": [12, 13]} and v["chipset"] == "Tensor G4"
    with pytest.raises(KnowledgeError, match=r"variant 'p10'.bands.ltem: 'x' is not a band number"):
        edits.variant("p10", ltem="x")
