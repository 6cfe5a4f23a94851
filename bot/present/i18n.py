"""The language of an answer: standard gettext message catalogues (`locales/<lang>.po`, read with
Babel), chosen per answer. Every phrase of an answer goes through `_` / `ngettext` here; English is the
source language, so an English answer needs no catalogue.
"""

from __future__ import annotations

import gettext
import io
import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from pathlib import Path

LOCALES = Path(__file__).parent / "locales"
LANGUAGES = ("en", "es", "pt_BR")  # the answer languages; English needs no catalogue
_ENGLISH = gettext.NullTranslations()
_current: ContextVar[gettext.NullTranslations | None] = ContextVar("translation", default=None)


@cache
def translation(lang: str) -> gettext.NullTranslations:
    """The catalogue of a language, compiled in memory from its .po file (English: none)."""
    path = LOCALES / f"{lang}.po"
    if lang == "en" or not path.exists():
        return gettext.NullTranslations()
    from babel.messages.mofile import write_mo  # an English answer needs no catalogue: imported on first use
    from babel.messages.pofile import read_po

    with path.open("rb") as f:
        catalog = read_po(f, locale=lang)
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


@contextmanager
def speaking(lang: str) -> Iterator[None]:
    """Phrases built inside come out in `lang`."""
    token = _current.set(translation(lang))
    try:
        yield
    finally:
        _current.reset(token)


def _(message: str) -> str:
    return (_current.get() or _ENGLISH).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return (_current.get() or _ENGLISH).ngettext(singular, plural, n)


def language_of(tag: str | None) -> str:
    """An answer language for a Discord locale ("es-ES", "es-419", "pt-BR") or the language a question
    was read in ("es", "pt"); English for everything else."""
    if not tag:
        return "en"
    base = tag.replace("-", "_").split("_")[0].lower()
    return {"es": "es", "pt": "pt_BR"}.get(base, "en")


@cache
def country_names(lang: str) -> Mapping[str, str]:
    """CLDR's country names in `lang` (English ones come from the engine's index)."""
    from babel import Locale

    return dict(Locale.parse(lang).territories)


# Portuguese puts an article before most country names and fuses it with "em": "no Brasil", "nos
# Estados Unidos", "na Índia", but "em Portugal". CLDR has no articles, so the countries people ask
# about most are listed here (grammar, not data); others read "em <country>".
_PT_ARTICLES = {
    **dict.fromkeys(["BR", "MX", "JP", "CA", "GB", "CL", "PE", "PK", "VN", "PY", "UY", "EC", "BD"], "o"),
    **dict.fromkeys(["IN", "CN", "DE", "FR", "ES", "IT", "AR", "CO", "KR", "AU", "ID", "TR", "NG"], "a"),
    **dict.fromkeys(["TH", "MY", "SA", "ZA", "NZ", "PL", "VE", "BO"], "a"),
    **dict.fromkeys(["AT", "FI", "HU", "IE", "RO", "RU", "UA", "DK", "NO", "SE", "CH", "BE", "GR", "NG"], "a"),
    **dict.fromkeys(["EG", "MA", "KE", "IQ", "IR"], "o"),
    **dict.fromkeys(["150", "142", "002", "419", "EU"], "a"),  # regions: a Europa, a Ásia, a União Europeia
    **dict.fromkeys(["US", "AE", "NL"], "os"),
    "PH": "as",
}
_PT_FUSED = ((r"\bem o\b", "no"), (r"\bem a\b", "na"), (r"\bem os\b", "nos"), (r"\bem as\b", "nas"))


def with_article(code: str, name: str, lang: str) -> str:
    """A country as it reads after a preposition in `lang` (only Portuguese needs an article here)."""
    article = _PT_ARTICLES.get(code) if lang == "pt_BR" else None
    return f"{article} {name}" if article else name


def in_country(code: str, name: str, lang: str) -> str:
    """A country in a list of places, with its own preposition in a language that fuses one with an
    article ("na Alemanha, em Portugal": Portuguese says "funciona na Alemanha e em Portugal")."""
    return polish(f"em {with_article(code, name, lang)}", lang) if lang == "pt_BR" else name


def polish(text: str, lang: str) -> str:
    """Fuse the prepositions a language fuses with articles ("em o Brasil" → "no Brasil")."""
    if lang != "pt_BR":
        return text
    for pattern, fused in _PT_FUSED:
        text = re.sub(pattern, fused, text)
    return text
