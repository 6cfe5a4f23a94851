"""One-entry edits as typed in chat commands: text fields → the whole entry, or an error naming the field."""

from __future__ import annotations

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
