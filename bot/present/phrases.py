"""The words answers are made of: verdicts, statuses, caveats, countries, markets, citations.

Every phrase an answer uses is here or in `layout`; the renderers only arrange them."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from ..records import Device, Variant
from .i18n import _, with_article

if TYPE_CHECKING:
    from ..engine import BandsOfVariant

VERDICT_MARK = {"full": "🟢", "partial": "🟡", "none": "🔴", "unknown": "⚪"}
VERDICT_RANK = {"full": 0, "partial": 1, "none": 2, "unknown": 3}  # the best first
VERDICT_WORDS = {"full": "works", "partial": "works partly", "none": "does not work", "unknown": "unknown"}
STATUS_WORDS = {
    "sold": "sold officially",
    "not_sold": "not sold officially",
    "planned": "planned for sale",
    "discontinued": "no longer sold officially",
    "suspended": "suspended from sale",
    "unknown": "unknown",
}
# The same said of a maker's phones, for languages whose verb agrees with them ("los teléfonos de vivo
# se venden", not "se vende").
PHONES_STATUS_WORDS = {
    "sold": "are sold officially",
    "not_sold": "are not sold officially",
    "planned": "are planned for sale",
    "discontinued": "are no longer sold officially",
    "suspended": "are suspended from sale",
    "unknown": "are of unknown status",
}
FLAG_WORDS = {
    "certification_required": (
        "the carrier fully serves only models it approved: an import may be refused or get data only"
    ),
    "no_volte": "no VoLTE: no calls where 2G/3G are switched off",
    "volte_unknown": "VoLTE not confirmed: calls may fail where 2G/3G are off",
    "legacy_only": "only the old 2G/3G network, which may be switched off",
    "bands_unknown": "some of this model's bands are not recorded: not a full check",
    "carrier_bands_incomplete": "I know only some of this network's bands: not a full check",
}
# Countries whose English name takes "the" ("sold in the Philippines").
# (not CZ: its name said is CLDR's "Czechia", shorter than "Czech Republic")
THE_COUNTRIES = frozenset({"US", "GB", "NL", "PH", "AE", "BS", "GM", "MV", "KM", "SC", "DO", "CF", "MH", "EU"})
_MENTION = re.compile(r"@(everyone|here)|<@[!&]?\d+>|<#\d+>", re.IGNORECASE)


def country_phrase(code: str | None, country_names: Mapping[str, str], lang: str = "en") -> str | None:
    """A country as it reads after "in": "the United States", "Japan" (the article only in English)."""
    if not code:
        return None
    name = country_names.get(code, code)
    if lang != "en":
        return with_article(code, name, lang)
    return f"the {name}" if code in THE_COUNTRIES else name


def defuse_mentions(text: str) -> str:
    """No @everyone, @here or <@…> that Discord would turn into a ping, whatever the input held."""
    return _MENTION.sub(lambda m: m.group(0).replace("@", "@\u200b").replace("<", "<\u200b"), text)


# An address may hold balanced brackets ("…/motorola_moto_g_power_(2025)-13526.php"); a closing bracket
# of the text around it ends it.
URL = re.compile(r"https?://(?:[^\s()<>\]'\"]|\([^\s()<>]*\))+")
_URL = URL
_URL_ASIDE = re.compile(r"\s*\([^()]*https?://[^()]*\)")


def cite(source: str, limit: int = 160) -> str:
    """A source as a chat line can carry it: its first address, else its first words."""
    found = _URL.search(source)
    if found:
        return found.group(0).rstrip(".,;")
    return source if len(source) <= limit else source[: limit - 1].rstrip() + "…"


def site(address: str) -> str:
    """The site an address is on, as a link's text: "gsmarena.com" for a long GSMArena address."""
    host = urlsplit(address).hostname or address
    return host.removeprefix("www.")


def linked(text: str, link: Callable[[str, str], str]) -> str:
    """The text with each web address replaced by `link(site, address)` (a masked link in Discord, the
    site's name where only the words are counted)."""
    out, pos = [], 0
    for m in URL.finditer(text):
        address = m.group(0).rstrip(".,;:")
        out.append(text[pos : m.start()])
        out.append(link(site(address), address))
        pos = m.start() + len(address)
    out.append(text[pos:])
    return "".join(out)


def gist(note: str, limit: int = 280) -> str:
    """The first sentences of a curator's note, without the addresses (the sources carry them)."""
    plain = _URL.sub("", _URL_ASIDE.sub("", note))
    plain = re.sub(r"\s+", " ", plain).strip()
    if len(plain) <= limit:
        return plain
    cut = plain[:limit]
    end = cut.rfind(". ")
    return cut[: end + 1] if end > limit // 4 else cut.rstrip() + "…"


def band_list(prefix: str, bands: tuple[int, ...] | list[int]) -> str:
    return ", ".join(f"{prefix}{b}" for b in bands)


# Markets that say nothing of where a model is sold: models of one phone with such a market are
# told apart by their numbers.
UNNAMED = frozenset({"all models", "unspecified"})
# Markets that name no region: a phone with one such model is presented as the phone itself.
NO_REGION = UNNAMED | {"global"}


def market_label(market: str) -> str:
    """ "Global model", but not "US (mmWave model) model"."""
    return market if "model" in market.lower() else _("{market} model").format(market=market)


def models_not_in(market: str, models: tuple[str, ...] | list[str]) -> list[str]:
    """The model numbers a market's name does not already say ("F3112, dual SIM" says F3112)."""
    return [m for m in models if m not in market]


def variant_markets(device: Device) -> dict[str, str]:
    """How each model of a phone is called in an answer: its market, unless that would not tell it
    from another model of the phone ("Unspecified" twice, "China" twice): then its model numbers."""
    counts = Counter(v.market.lower() for v in device.variants)
    names = {}
    for v in device.variants:
        unnamed = v.market.lower() in UNNAMED
        if (unnamed or counts[v.market.lower()] > 1) and v.models and len(device.variants) > 1:
            numbers = "/".join(v.models)
            names[v.id] = numbers if unnamed else f"{v.market} {numbers}"
        else:
            names[v.id] = v.market
    return names


def checked_model(device: Device, variant_ids: tuple[str, ...]) -> str:
    """ " (China model, 23127PN0CC)" after a device's name when one model was checked, unless it is the
    device's only model and names no region; else ""."""
    v = next((v for v in device.variants if len(variant_ids) == 1 and v.id == variant_ids[0]), None)
    if v is None or (len(device.variants) == 1 and v.market.lower() in NO_REGION):
        return ""
    models = models_not_in(v.market, v.models)
    return f" ({market_label(v.market)}{', ' + '/'.join(models) if models else ''})"


def band_rows(b: BandsOfVariant) -> list[tuple[str, str]]:
    """(technology, bands as shown) of a variant: unrecorded ones say so, empty ones are left out."""
    rows = []
    for name, values, prefix in (("2G", b.gsm, ""), ("3G", b.umts, "B"), ("4G", b.lte, "B"), ("5G", b.nr, "n")):
        if values is None:
            rows.append((name, _("not recorded")))
        elif values:
            rows.append((name, ", ".join(f"{v} MHz" for v in values) if name == "2G" else band_list(prefix, values)))
    rows.append(("VoLTE", _({True: "yes", False: "no", None: "not confirmed"}[b.volte])))
    return rows


def variant_sources(device: Device, variant_ids: tuple[str, ...]) -> str:
    """Where the evaluated variants' bands come from, each source once; models without bands say so."""
    by_source: dict[str, list[str]] = {}
    unrecorded: list[str] = []
    named = variant_markets(device)
    for v in device.variants:
        if v.id not in variant_ids:
            continue
        if not v.bands.recorded:
            unrecorded.append(named[v.id])
            continue
        by_source.setdefault(cite(v.source or device.source, 110), []).append(named[v.id])
    if len(by_source) == 1 and not unrecorded:
        parts = [next(iter(by_source))]
    else:
        parts = [f"{' / '.join(markets)}: {src}" for src, markets in by_source.items()]
    if unrecorded:
        parts.append(f"{' / '.join(unrecorded)}: " + _("not recorded yet"))
    return "; ".join(parts)


def device_caveats(device: Device) -> list[str]:
    """What an owner must know of the knowledge of this phone. (A device's `note` is the curators'
    record of their sources; answers link the sources instead.)"""
    only = device.variants[0] if len(device.variants) == 1 else None
    if only is not None and only.market.lower() not in NO_REGION:
        return [
            _("Only the {model} is in my knowledge; other models may have other bands.").format(
                model=market_label(only.market)
            )
        ]
    return []


# How a market code reads in a short model label ("the US model (SM-S921U)").
_SHORT_MARKETS = {
    "Global": "Global",
    "EU": "EU",
    "LATAM": "Latin America",
    "US": "US",
    "GB": "UK",
    "CN": "China",
    "HK": "Hong Kong",
    "TW": "Taiwan",
    "KR": "Korea",
    "AE": "UAE",
}


def short_label(v: Variant, country_names: Mapping[str, str]) -> str:
    """A model as an answer names it: its market in a word or two and its model number ("US (SM-S921U1)",
    "Global (23127PN0CG)", "China (A3294)"), from `made_for` when recorded, else the market's first words."""
    if v.made_for:
        names = [_SHORT_MARKETS.get(c) or country_names.get(c, c) for c in v.made_for]
        label = "/".join(names[:2]) + (f" +{len(names) - 2}" if len(names) > 2 else "")
    elif v.market.lower() in UNNAMED:
        label = ""
    else:
        label = re.split(r"[,(;]", v.market, maxsplit=1)[0].strip()
        # Answers say "the … model" themselves: "Model A1549 (…)" is "the A1549 model" and "mmWave model"
        # "the mmWave model", not "the Model A1549 model" or "the mmWave model model".
        label = re.sub(r"\s*\bmodels?\b\s*", " ", label, flags=re.IGNORECASE).strip()
        label = label if len(label) <= 28 else label[:27].rstrip() + "…"
    model = v.models[0].split("/")[0] if v.models else ""
    if model and model in label:
        return label
    if label and model:
        return f"{label} ({model})"
    return label or model or v.id


# What the bot answers, shown by /help and to a bare mention: real questions it reads right.
HELP_LINES = (
    "Ask me whether a phone is sold in a country and whether it works on a carrier, in your own words:",
    "• “Will the Pixel 9 work on Verizon?” · “xiaomi 14 on tmo?” · “S24 with Jio?”",
    "• “Is the Galaxy S25 Ultra sold in India?” · “el pixel 9 funciona en México?”",
    "• “SM-S938U1 on T-Mobile” (a model number picks that model) · “bands of the redmi note 13 pro 5g”",
    "• “iphone 16 comprado nos EUA pega na Vivo?” (where it was bought, where it is used)",
    "Reply to one of my answers to follow up: “what about on AT&T?”, “and in Canada?”, “the china version?”",
    "Slash commands: /ask, /sold, /works, /bands, /statement; /about says what I know.",
)
