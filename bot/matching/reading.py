"""A question read as a whole: the phone, its variant, the country of use, the origin, the carrier and
what is asked, each from the mentions found and their roles in the sentence; a follow-up inherits what
it does not say from the question it answers."""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Collection
from dataclasses import dataclass, replace

from .. import text
from ..records import Knowledge
from . import codenames, devices, gadgets, intent, mentions, models, places, regions
from .complete import complete
from .cues import (
    COURTESY_PHRASES,
    COURTESY_WORDS,
    GREETING_FILLER,
    GREETING_WORDS,
    HELP_WORDS,
    MARKET_CUES,
    MARKET_WORDS,
    MODIFIERS,
    SOFTWARE_WORDS,
    TURKISH_ENDINGS,
)
from .devices import Suggestion
from .everyday import guess_language
from .lexicon import Lexicon
from .tokens import MAX_QUESTION_CHARS, Token, asking_sentences, blank_noise, is_shouting, sentence_index, tokenize


@dataclass(frozen=True)
class Analysis:
    intent: str
    device: str | None
    variant: str | None
    vendor: str | None
    carriers: tuple[str, ...]
    country: str | None
    suggestions: tuple[Suggestion, ...]
    confidence: float
    device_hint: bool  # the question seems to name a phone (whether or not it is known)
    truncated: bool = False
    unknown_model: str | None = None  # a model number as typed that no variant lists ("SM-S921U")
    ambiguous: bool = False  # several phones fit the name equally well: the suggestions are those
    origin: str | None = None  # the country the phone comes from ("china version", "bought in Dubai")
    lang: str | None = None  # the question's language when not English ("pt")
    intent_said: bool = False  # the intent came from the question's words, not from its structure
    origin_unrecorded: bool = False  # the phone's model for its origin is not in the knowledge
    carrier_choice: bool = False  # the carriers are a choice still to make ("orange or free?"), none the asker's
    bands_asked: tuple[tuple[str, int], ...] = ()  # ("lte", 71) of "does it have band 71?"
    region: str | None = None  # a region of use, when no country is ("in Europe": CLDR's "150")
    origin_variants: tuple[str, ...] = ()  # the models made for the origin, when it has several
    gadget: str | None = None  # the word of a product asked about that is no phone ("watch", "charger")
    also_countries: tuple[str, ...] = ()  # other countries of a trip ("going to japan and korea")
    unknown_network: str | None = None  # a network named that we do not know ("pixel 8a on straight talk?")
    imei_given: bool = False  # a valid IMEI stands in the question (it names no model to us)
    locked: bool = False  # the phone is said to be locked to a network ("att locked iphone 15")


class Index:
    """Everything reading needs, built once from the knowledge."""

    def __init__(self, knowledge: Knowledge, lexicon: Lexicon | None = None) -> None:
        """`lexicon`: the knowledge's, when it is made already (`incremental`)."""
        self.knowledge = knowledge
        self.lexicon = lexicon if lexicon is not None else Lexicon(knowledge)
        self.country_names = self.lexicon.country_names
        self.vendor_devices = self.lexicon.vendor_devices
        # Makers' names, everyday ones too ("nothing ear 2", "mi band 8": no phones)
        # ("华为" is read "华 为": a maker's name of several words, to be matched as the words before one)
        self.makers = frozenset(key for v in knowledge.vendors for key in map(text.key, (v.name, *v.aliases)) if key)

    def complete(self, kind: str, prefix: str, limit: int = 25) -> list[tuple[str, str]]:
        return complete(self.lexicon, kind, prefix, limit)

    def analyze(self, question: str, context: Analysis | None = None, home: str | None = None) -> Analysis:
        """The reading of a question; `context` is the one it follows up on, `home` the country the
        asker is in when the question does not say (a Discord server's country)."""
        if _courtesy(question):
            # "thanks!" in reply to an answer asks nothing: not the same answer again
            return Analysis("thanks", None, None, None, (), None, (), 0.0, False)
        if _greeting(question):
            return Analysis("hello", None, None, None, (), None, (), 0.0, False)
        alone = self._read(question)
        if alone.device is None and not alone.ambiguous and not alone.vendor:
            alone = self._linked(question, alone)
        elif alone.device and alone.variant is None:
            alone = self._version_named(question, alone)
        read = alone if context is None else self._follow(question, alone, context)
        return self._at_home(read, home) if home else read

    def _linked(self, question: str, a: Analysis) -> Analysis:
        """ "will this work on tmobile? https://www.gsmarena.com/samsung_galaxy_s24-12773.php": a
        question naming no phone, with a link whose address names one, asks about that phone."""
        words = _link_words(question)
        if not words:
            return a
        linked = self._read(words)
        if linked.device is None or not set(text.tokens(self.knowledge.device(linked.device).name)) <= set(
            text.tokens(words)
        ):
            # the address must hold the phone's name: a colour in it may be another phone's codename
            # ("…-Smartphone-Obsidian" is no Redmi)
            return a
        intent = a.intent
        if not a.intent_said and (a.carriers or a.country or a.region):
            intent = "compatibility"  # a phone now, with a network or a place: whether it works there
        kept = tuple(s for s in a.suggestions if s.kind != "device")
        return replace(
            a,
            device=linked.device,
            variant=linked.variant,
            vendor=linked.vendor,
            confidence=linked.confidence,
            device_hint=True,
            suggestions=kept,
            intent=intent,
        )

    def _version_named(self, question: str, a: Analysis) -> Analysis:
        """ "Siendo el hermano mayor del Redmi Note 7, la versión Pro…", "the pixel 9, or the pro
        version?": a model word beside a word of versions names that model of the phone named, when we
        know it (not after "not": "the s24, not the ultra model")."""
        said = text.tokens(question)
        words: list[str] = []
        for j, w in enumerate(said):
            if w not in _VERSION_WORDS:
                continue
            before = list(itertools.takewhile(_model_word, reversed(said[:j])))[::-1]
            after = list(itertools.takewhile(_model_word, said[j + 1 :]))
            run, lead = (before, j - len(before)) if before else (after, j)
            if run and not any(said[i] in _NOT for i in range(max(0, lead - 2), lead)):
                words = run
                break
        if not words or a.device is None:
            return a
        # the words are the model's, whatever network has them in its name ("la versión Ultra")
        found, _ = self._model_changed(" ".join(words), a.device, replace(a, carriers=(), suggestions=()))
        if found is None or found == a.device:
            return a
        kept = tuple(
            s
            for s in a.suggestions
            if s.kind != "device" and not (s.kind == "carrier" and set(words) & set(text.tokens(s.name)))
        )
        return replace(a, device=found, vendor=self.knowledge.device(found).vendor, suggestions=kept)

    def _at_home(self, a: Analysis, home: str) -> Analysis:
        """ "does the pixel 8 work on vodafone?" in a German server: Vodafone Germany; "is it sold
        here?", or a phone with no place at all: the server's country."""
        if a.country or a.carriers or a.region:
            return a
        k = self.knowledge
        local = [s.id for s in a.suggestions if s.kind == "carrier" and k.carrier(s.id).country == home]
        out = a
        if len(local) == 1:
            out = replace(a, carriers=(local[0],), suggestions=tuple(s for s in a.suggestions if s.kind != "carrier"))
        elif not (a.device or a.vendor) or a.intent == "other":
            return a
        out = replace(out, country=home)
        if not out.intent_said and out.intent == "unknown":
            out = replace(out, intent="compatibility")  # a phone, and now a place to use it
        return out

    # -- one question -----------------------------------------------------------------------------

    def _read(self, question: str) -> Analysis:
        lex = self.lexicon
        truncated = len(question) > MAX_QUESTION_CHARS
        q = _turkish_endings(_flags_as_codes(blank_noise(unicodedata.normalize("NFKC", question[:MAX_QUESTION_CHARS]))))
        toks = tokenize(q)
        shouting = is_shouting(q)
        if shouting:
            toks = [Token(t.norm, t.raw.lower(), t.start, t.end, t.glued, t.brk, t.hyphen) for t in toks]
        toks = mentions.recompose(lex, toks)
        found_models = models.find(lex, q)
        in_models = (
            {i for i, t in enumerate(toks) if any(mm.start <= t.start and t.end <= mm.end for mm in found_models)}
            if found_models
            else set()
        )
        software = rom_names = mentions.software_tokens(toks)
        matches = mentions.find(lex, toks, software)
        images = mentions.software_images(toks, matches)
        if images:
            software = software | images  # (a new set: the ROMs' names alone go to the phone's reading)
            matches = mentions.find(lex, toks, software)
        by_codename = codenames.find(lex, toks, q, matches)
        if by_codename:
            matches = [*matches, *by_codename]

        sentence_of = sentence_index(toks)
        asking = asking_sentences(toks, q)
        d = devices.resolve(lex, matches, found_models, toks, q, intent.CUE_WORDS, sentence_of, asking, rom_names)
        vendor = (
            self.knowledge.device(d.device).vendor
            if d.device
            else _first_vendor(
                self.knowledge,
                [m for m in matches if not any(a <= m.start < b for a, b in d.set_aside)],
                toks,
                q,
                asking,
                sentence_of,
            )
        )
        unknown_model = models.unknown_model(lex, q) if d.device is None or d.variant is None else None
        if d.device and unknown_model:
            # "galaxy s20 5g SM-G981W on rogers", "galaxy a52 sm-a526u1": the model typed is one we do
            # not know, of the phone named or of one beside it: that phone offered, not another
            # market's model answered as if it were the asker's
            sibling = models.market_sibling(lex, unknown_model)
            if sibling is None:
                unknown_model = None
            else:
                d = replace(
                    d,
                    device=None,
                    variant=None,
                    suggestions=(Suggestion("device", sibling, self.knowledge.device(sibling).name),),
                    span=None,
                )
                vendor = self.knowledge.device(sibling).vendor
        suggestions = list(d.suggestions)
        if vendor and d.device is None and not d.ambiguous:
            # (the maker of the asker's old phone, or of someone else's, offers none of its phones when
            # another maker's is asked about: "i flashed lineage on my old pixel 2. now looking at the
            # blackberry key2" offers no Pixels)
            makers_said = sorted((m for m in matches if m.payload.kind == "vendor"), key=lambda m: m.start)
            aside = _makers_told_aside(makers_said, toks, q) - {vendor}
            k = self.knowledge
            suggestions = [s for s in suggestions if s.kind != "device" or k.device(s.id).vendor not in aside]
        if unknown_model:
            # The phone is named by its model number: only phones with a close model number are worth
            # offering, not whatever shares a word with the rest of the question.
            near = set(models.near_models(lex, unknown_model))
            suggestions = [s for s in suggestions if s.kind != "device" or s.id in near]
        covered = set(in_models) | software
        carrier_spans = [(m.start, m.end) for m in matches if m.payload.kind == "carrier"]
        for m in matches:
            if m.payload.kind in ("device", "vendor") and not mentions.incomplete(lex, m, toks):
                if m.payload.kind == "vendor" and any(
                    a <= m.start and m.end <= b and b - a > m.end - m.start for a, b in carrier_spans
                ):
                    continue  # "Google" of "Google Fi" is part of the carrier's name
                if (
                    d.device
                    and m.payload.kind == "device"
                    and m.payload.derived
                    and m.payload.id != d.device
                    and (m.start, m.end) in carrier_spans
                ):
                    continue  # "A1: kein Netz mit dem Galaxy S23": the network A1, no Redmi A1
                covered.update(range(m.start, m.end))
        in_names = {i for m in matches for i in range(m.start, m.end)}
        # "+" reads "plus", a French word: signs say no language
        suffixed = {i for i in range(1, len(toks)) if _turkish_suffix(toks, i)}
        lang = guess_language(
            [
                t.norm
                for i, t in enumerate(toks)
                if i not in in_names and i not in suffixed and t.raw not in ("+", "&") and not _mode_of_5g(toks, i)
            ]
        )
        if lang is None and suffixed:
            lang = "tr"  # "japonya'dan aldım vodafone": a case ending after an apostrophe is Turkish
        if _VIETNAMESE_LETTERS.search(q):
            lang = "vi"  # "pixel 8 pro có hỗ trợ volte viettel không": letters only Vietnamese writes
        elif lang is None and _RUSSIAN_WORDS.search(q):
            lang = "ru"  # "Pixel 7a на Tele2 без VoLTE": Tele2 Russia (t2), not Tele2 Sweden
        # With no model named, the maker's name stands where the phone's would ("a china iphone in the us").
        phone_span = d.span or _vendor_span(matches, vendor)
        named_at = tuple((m.start, m.end) for m in matches if m.payload.kind == "device" and m.payload.id == d.device)
        where = places.resolve(
            lex,
            matches,
            toks,
            covered,
            d.span or _unknown_model_span(lex, toks, phone_span),
            shouting,
            q,
            lang,
            asking,
            sentence_of,
            named_at,
        )
        if where.country and not where.one_name and (where.carriers or d.span is None):
            # With the asker's network read ("network issues with vodafone, tried switching to jio"),
            # or no phone named ("will my phone work in mexico? i'm on sprint": the phone is what to
            # ask for), networks of other countries are no choice to offer, nor the one read.
            kept = tuple(
                s
                for s in where.suggestions
                if s.kind != "carrier"
                or (lex.knowledge.carrier(s.id).country == where.country and s.id not in where.carriers)
            )
            where = replace(where, suggestions=kept)
        if not where.carriers and where.country and not any(s.kind == "carrier" for s in where.suggestions):
            where = places.with_everyday_carrier(
                lex, where, mentions.everyday_carriers(lex, toks, matches, covered | software)
            )
        where = places.with_brand_beside_its_host(lex, where, matches, toks, q)
        host_asked = False
        if not (d.device or vendor or d.hint or unknown_model or intent.points_at_phone(toks)):
            asked = places.with_virtual_asked(
                lex,
                where,
                [m for m in matches if m.payload.kind == "carrier"],
                mentions.everyday_carriers(lex, toks, matches, covered | software),
                intent.asks_its_network(toks),
            )
            host_asked, where = asked is not where, asked
        if d.device is None and d.ambiguous and where.origin and _one_line(self.knowledge, d.suggestions):
            # "my note 20 ultra is a us version": of the phones the name fits, the one with a model
            # made for that market; but "x6 china model" may be a POCO X6 or an OPPO Find X6, and a
            # market says nothing of which line.
            fitting = [
                s.id
                for s in d.suggestions
                if s.kind == "device" and devices.has_market(lex, s.id, where.origin, self.country_names)
            ]
            if len(fitting) == 1:
                d = replace(d, device=fitting[0], confidence=1.0, ambiguous=False, suggestions=())
                vendor = self.knowledge.device(fitting[0]).vendor
                suggestions = [s for s in suggestions if s.kind != "device"]
        # "in Europe": a region of use, each of its countries' networks checked; a region as the
        # phone's origin is a market word's job ("europe version").
        region = where.country if regions.is_region(where.country) else None
        if region:
            where = replace(where, country=None)
        variant = d.variant
        origin_variants: tuple[str, ...] = ()
        if d.device and variant is None and where.origin:
            fits = devices.variants_for_country(
                lex, d.device, where.origin, self.country_names, toks, own_model=where.by_carrier
            )
            # one model made for the origin is the variant; several ("US carrier", "US unlocked") are
            # the models the answer is about, for a country
            if len(fits) == 1:
                variant = fits[0]
            elif not regions.is_region(where.origin):
                origin_variants = fits
        if where.origin and regions.is_region(where.origin):
            where = replace(where, origin=None)  # "the latin america version": its model, no country of origin
        home = places.language_country(lang) if lang in _ONE_COUNTRY_LANGUAGES else None
        if where.origin and not where.country and not region and home and home != where.origin:
            # "galaxy s23 xách tay hàn quốc có dùng được không": a phone carried from Korea, asked about
            # in Vietnamese, is used in Vietnam
            where = replace(where, country=home)
        suggestions.extend(where.suggestions)
        unrecorded = bool(
            d.device
            and variant is None
            and where.origin
            and devices.market_unrecorded(lex, d.device, where.origin, self.country_names, own_model=where.by_carrier)
        )
        has_phone = bool(d.device or vendor or d.hint or unknown_model)
        asks = "?" in q or "？" in q
        names = set(covered)
        for m in matches:
            if m.payload.kind in ("carrier", "country", "city", "origin"):
                names.update(range(m.start, m.end))
        names.update(_line_models(lex, toks))
        kind, said = intent.classify(
            toks,
            q,
            has_phone=has_phone,
            has_carrier=bool(where.carriers),
            # A carrier's name that fits several countries ("Telia", "Vodafone") is still a network named.
            network_named=bool(where.carriers) or any(s.kind == "carrier" for s in where.suggestions),
            has_place=bool(where.country or region),
            asks=asks,
            asking_tokens=[t for i, t in enumerate(toks) if sentence_of[i] in asking] if len(asking) else None,
            named_at=frozenset(toks[i].start for i in names),
            # (a sale asked of a country, the network only told of in another sentence)
            carrier_asked=not any(m.payload.kind == "country" and sentence_of[m.start] in asking for m in matches)
            or any(m.payload.kind == "carrier" and sentence_of[m.start] in asking for m in matches),
            other_words=sum(
                1
                for i, t in enumerate(toks)
                if i not in names and t.norm.isalpha() and t.norm not in MARKET_CUES and t.norm not in MARKET_WORDS
            ),
        )
        if host_asked:
            kind, said = "bands", True  # the virtual operator's network: its host's bands
        unknown_network = where.absent
        if phone_span and (d.device or d.hint) and not (where.carriers or where.country or region or where.suggestions):
            # after the phone's name, or a maker's and the model words we do not know ("tecno camon 30")
            unknown_network = _unknown_network(toks, phone_span[1], skip=3 if d.device else 5)
            if unknown_network and kind in ("other", "unknown"):
                kind, said = "compatibility", False  # whether it works there, on a network to ask about
        if (
            kind in ("other", "unknown")
            and d.device
            and len({mm.variant for mm in found_models if mm.device == d.device}) > 1
            and any(t.norm in _COMPARING for t in toks)
        ):
            # "whats the difference between SM-S928U and SM-S928B": the two models' bands side by side
            # (the models the answer is about, as an origin's several models are)
            kind, said = "bands", True
            origin_variants = tuple(
                dict.fromkeys(mm.variant for mm in found_models if mm.device == d.device and mm.variant)
            )
        imei_given = d.device is None and not vendor and _has_imei(q)
        if imei_given and kind in ("other", "unknown"):
            kind, said = "compatibility", False  # "imei 35… on verizon?": whether that phone works there
        thing = gadgets.gadget(toks, d.span, self.makers, bool(d.device or vendor), short=len(set(sentence_of)) <= 2)
        if thing:
            # "pixel watch 2 on verizon?", "iphone 15 charger in europe": no phone is asked about
            kind, said = "other", True
            if d.device is None:
                suggestions = [s for s in suggestions if s.kind != "device"]
        return Analysis(
            intent=kind,
            device=d.device,
            variant=variant,
            vendor=vendor,
            carriers=where.carriers,
            country=where.country,
            suggestions=tuple(dict.fromkeys(suggestions)),
            confidence=round(d.confidence, 3),
            device_hint=d.hint,
            truncated=truncated,
            unknown_model=unknown_model,
            ambiguous=d.ambiguous,
            origin=where.origin,
            lang=lang,
            intent_said=said,
            # "does the oneplus 12r support band 66? I'm on AT&T": a band asked beside a network too
            bands_asked=intent.asked_bands(toks, names) if kind in ("bands", "compatibility") else (),
            region=region,
            origin_variants=origin_variants,
            origin_unrecorded=unrecorded,
            gadget=thing,
            also_countries=where.also,
            unknown_network=unknown_network,
            imei_given=imei_given,
            locked=_said_locked(toks),
            carrier_choice=where.one_name
            or (
                len(where.carriers) == 2
                and mentions.offered_as_choice(
                    toks,
                    sorted(
                        {
                            (m.start, m.end)
                            for m in matches
                            if m.payload.kind == "carrier" and m.payload.id in where.carriers
                        }
                    ),
                )
            ),
        )

    # -- a follow-up ------------------------------------------------------------------------------

    def _follow(self, question: str, new: Analysis, old: Analysis) -> Analysis:
        """ "what about on T-Mobile?" after a question about the Pixel 8: the Pixel 8 on T-Mobile."""
        k = self.knowledge
        if new.vendor and not new.device and new.carriers and self._vendor_in_network(new.vendor, new.carriers):
            new = replace(new, vendor=None)  # "and google fi?": the network's name, no Google phone
        if not (new.carriers or new.country or new.device or new.region):
            new = self._network_alone(question, new, old.country)
        if not (new.carriers or new.country or new.device or new.region):
            new = self._place_alone(question, new)
        elif new.carriers and old.country and not new.region:
            new = self._brand_at_home(question, new, old.country)
        other = None
        unknown_other: tuple[Suggestion, ...] | None = None  # another model asked for, which we lack
        if old.device and new.carriers and _bare_reply(question) in _FOLLOW_MODEL_WORDS:
            # "plus?" after the Galaxy S25 on Verizon is the S25+ there, not Plus (Poland); "ultra?" no
            # Ultra Mobile; but "kalau xl?" after the Galaxy S24 on Telkomsel, with no S24 XL, is XL
            model, _lacking = self._model_changed(question, old.device, replace(new, carriers=(), suggestions=()))
            if model is not None and model != old.device:
                other = model
                new = replace(new, carriers=(), country=None, region=None)
                new = replace(new, suggestions=tuple(s for s in new.suggestions if s.kind != "carrier"))
        out = new
        another_maker = new.vendor is not None and old.vendor is not None and new.vendor != old.vendor
        # A phone named whole with its maker ("and the galaxy s30?", "and the xiaomi 14 civi pro?") is
        # that phone, known or not, not a model of the phone before
        named_whole = new.vendor is not None and new.device_hint and not new.device
        if (
            other is None
            and old.device
            and not new.device
            and not new.unknown_model
            and not another_maker
            and not named_whole
        ):
            # A number says more than a model word: "and the 9 pro?" after the Pixel 8 is the 9 Pro.
            other, unknown_other = self._number_of(question, old.device, self._network_words(new))
            if other is None and unknown_other is None:
                other, unknown_other = self._letter_of(question, old.device)
            if other is None and unknown_other is None:
                other, unknown_other = self._model_changed(question, old.device, new)
        names_phone = (
            new.device
            or new.unknown_model
            or new.ambiguous
            or (new.device_hint and new.suggestions)
            or named_whole
            or unknown_other is not None
        )
        if (
            new.intent == "bands"
            and new.intent_said
            and new.carriers
            and not names_phone
            and not _THE_PHONE.search(question)
        ):
            return new  # "what bands does zong use?" after the Pixel 9: the network's bands, not the phone's
        if new.intent == "bands" and not new.intent_said and not names_phone and old.device:
            new = replace(new, intent=old.intent)  # "airtel?" after the Pixel 9: the Pixel 9 on Airtel
        if other is not None:
            out = replace(
                out, device=other, variant=None, vendor=k.device(other).vendor, confidence=1.0, device_hint=True
            )
            out = replace(out, suggestions=tuple(s for s in out.suggestions if s.kind != "device"))
        elif unknown_other is not None:
            # "and the plus?" after the realme 15 Pro: a model we lack, not the phone before again
            rest = tuple(s for s in out.suggestions if s.kind != "device")
            out = replace(
                out, device=None, variant=None, vendor=old.vendor, device_hint=True, suggestions=(*unknown_other, *rest)
            )
        elif not names_phone and old.device:
            if not new.vendor or new.vendor == old.vendor:
                out = replace(out, device=old.device, variant=old.variant, vendor=old.vendor, confidence=old.confidence)
            out = replace(out, suggestions=tuple(s for s in out.suggestions if s.kind != "device"), device_hint=True)
        kept_both = False
        if other is not None or unknown_other is not None or names_phone or old.device:
            pass  # (the phone is settled above)
        elif old.ambiguous and _offered_phones(old):
            # After an answer about two phones ("redmi note 13 pro na claro": the 4G and the 5G), a
            # reply keeps them both ("and airtel?"), or picks one by its generation ("e o 5g?")
            kept_both = True
            phones = _offered_phones(old)
            said = set(text.tokens(question)) & {"4g", "5g"}
            picked = [s for s in phones if said and said <= set(text.tokens(k.device(s.id).name))]
            rest = tuple(s for s in out.suggestions if s.kind != "device")
            if len(picked) == 1:
                out = replace(out, device=picked[0].id, vendor=k.device(picked[0].id).vendor, confidence=1.0)
                out = replace(out, suggestions=rest, device_hint=True)
            else:
                out = replace(out, vendor=old.vendor, suggestions=(*phones, *rest), ambiguous=True, device_hint=True)
        elif not names_phone and not new.vendor and old.vendor:
            out = replace(out, vendor=old.vendor)
        if not out.device and not new.vendor and old.vendor and other is None and not kept_both:
            # "and the note 12?" after a Redmi: the maker's own phones of that name, not Infinix's.
            mine = [s for s in out.suggestions if s.kind == "device" and k.device(s.id).vendor == old.vendor]
            if mine:
                rest = tuple(s for s in out.suggestions if s.kind != "device")
                out = replace(out, suggestions=(*mine, *rest))
                if len(mine) == 1:
                    out = replace(out, device=mine[0].id, vendor=old.vendor, confidence=1.0, suggestions=rest)
        offered = [s.id for s in new.suggestions if s.kind == "carrier"]
        in_old_country = [c for c in offered if old.country and k.carrier(c).country == old.country]
        if not new.carriers and len(in_old_country) == 1:
            # "and o2?" after a question about Germany: O2 Germany.
            out = replace(out, carriers=(in_old_country[0],), country=old.country)
            out = replace(out, suggestions=tuple(s for s in out.suggestions if s.kind != "carrier"))
        elif not new.carriers and not new.country and not new.region and not (offered and not new.device):
            # the trip's other countries too ("going to japan and korea …", then "what about the pixel 9?");
            # but "y con claro?" after Telcel names another network, which Mexico has none of: which one
            out = replace(
                out, carriers=old.carriers, country=old.country, region=old.region, also_countries=old.also_countries
            )
        elif not new.carriers and new.country and old.carriers and _SAME.search(question):
            # "and in spain on the same carrier?" after Vodafone Germany: Vodafone España.
            brand = places.same_brand(self.lexicon, self.knowledge.carrier(old.carriers[0]).name, new.country)
            if brand:
                out = replace(out, carriers=(brand,))
        if new.origin is None and old.origin is not None and out.device == old.device:
            out = replace(out, origin=old.origin)
        phone, origin = out.device, out.origin
        if phone and out.variant is None and origin:
            toks = tokenize(question)
            one = devices.variant_for_country(self.lexicon, phone, origin, self.country_names, toks)
            out = replace(out, variant=one)
            if out.variant is None and new.origin is not None:
                # "the china version?" after the Xiaomi 15 Ultra in Germany: the models made for China
                fits = devices.variants_for_country(self.lexicon, phone, origin, self.country_names, toks)
                out = replace(out, origin_variants=tuple(fits))
        if out.device == old.device and out.variant is None and new.origin is None:
            out = replace(out, variant=old.variant, origin_variants=old.origin_variants)
        if not new.intent_said:
            if new.carriers or new.country or new.region:
                kind = old.intent if old.intent in ("availability", "compatibility") else "compatibility"
                kind = "compatibility" if new.carriers else kind
            else:
                kind = old.intent
            out = replace(out, intent=kind)
        return out

    def _model_changed(
        self, question: str, device_id: str, new: Analysis
    ) -> tuple[str | None, tuple[Suggestion, ...] | None]:
        """Another model of the phone before, by its model words ("the pro?" after the Pixel 8, "the
        plus?" after the Galaxy S25 Ultra, "the 4g one?" after a 5G phone, "flip?" after the Z Fold7,
        "the 2026 one" after a 2025 phone): (that phone, None) when we know it, (None, the phones
        offered instead) when we do not, (None, None) when no model word is said. Words of a network's
        name named with it are not the phone's ("lg u+": no "plus")."""
        k = self.knowledge
        network_words = self._network_words(new)
        said = [t for t in text.tokens(question) if t not in network_words]
        words = [t for t in said if t in _FOLLOW_MODEL_WORDS and (t != "se" or _SE_MODEL.search(question))]
        # "the 4g one", "5g version", or a generation other than the phone's own ("4g?" after a 5G
        # phone's name); not "and 5g?", which asks whether it has 5G
        old_gen = {t for t in text.tokens(k.device(device_id).name) if t in ("4g", "5g")}
        generation = [
            t
            for t in said
            if t in ("4g", "5g") and (_GENERATION_NAMED.search(question) or (old_gen and t not in old_gen))
        ]
        years = [t for t in said if _YEAR.fullmatch(t)]
        if not (words or generation or years):
            return None, None
        if not years and set(words + generation) <= set(text.tokens(k.device(device_id).name)):
            return device_id, None  # "the pro?" after the Pixel 9 Pro: the same phone
        old = text.tokens(k.device(device_id).name)
        core = [t for t in old if t not in ("4g", "5g")]
        gen = [t for t in old if t in ("4g", "5g")]
        numbers = [i for i, t in enumerate(core) if any(ch.isdigit() for ch in t)]
        base = core[: numbers[-1] + 1] if numbers else core
        tries: list[list[str]] = []
        if years:
            tries.append([years[0] if _YEAR.fullmatch(t) else t for t in old])
        if words:
            line = core[: numbers[0]] if numbers else core[:1]
            tries += [base + words + gen, core + words + gen, base + words, line + words]
            # a model word before the number, changed ("flip" for the Z Fold7's "fold")
            tries += [core[:i] + words[:1] + core[i + 1 :] for i, t in enumerate(core) if t in MODIFIERS]
        if generation:
            tries.append((base + words if words else core) + generation[:1])
        first: Analysis | None = None
        for tried in tries:
            found = self._read(" ".join(tried))
            first = first or found
            if found.device and found.device != device_id:
                return found.device, None
        offered = tuple(s for s in (first.suggestions if first else ()) if s.kind == "device" and s.id != device_id)
        return None, offered

    def _vendor_in_network(self, vendor: str, carriers: tuple[str, ...]) -> bool:
        k = self.knowledge
        maker = set(text.tokens(k.vendor(vendor).name))
        return any(maker <= set(text.tokens(k.carrier(c).name)) for c in carriers)

    def _brand_at_home(self, question: str, new: Analysis, home: str) -> Analysis:
        """ "y en at&t?" after a question about Telcel: AT&T México, the brand's network in the
        country asked about before, unless the reply names another country."""
        k = self.knowledge
        if any(k.carrier(c).country == home for c in new.carriers) or self._names_country(
            question, new.country, new.carriers
        ):
            return new
        brand = places.same_brand(self.lexicon, k.carrier(new.carriers[0]).name, home)
        if not brand:
            words = " ".join(t for t in text.tokens(_FOLLOW_HEAD.sub("", question)))
            brand = places.same_brand(self.lexicon, words, home)
        return replace(new, carriers=(brand,), country=home) if brand else new

    def _names_country(self, question: str, code: str | None, networks: tuple[str, ...]) -> bool:
        """Whether a reply names this country itself ("at&t in the us?"), not only a network of it:
        read without the words of the networks it names, it still names the country."""
        if code is None:
            return False
        k = self.knowledge
        network_words = {
            w for c in networks for name in (k.carrier(c).name, *k.carrier(c).aliases) for w in text.tokens(name)
        }
        # (a word of the network's own name that is the country's, as in "vodafone germany", names it)
        rest = " ".join(t for t in text.tokens(question) if t not in network_words or self._is_country_word(t, code))
        return bool(rest) and self._read(f"in {rest}").country == code

    def _is_country_word(self, word: str, code: str) -> bool:
        read = self._read(f"in {word}")
        return read.country == code and not read.carriers and not any(s.kind == "carrier" for s in read.suggestions)

    def _network_alone(self, question: str, new: Analysis, home: str | None) -> Analysis:
        """ "and bell?", "what about visible?", "y en movistar?" in reply to an answer: a short reply
        that names only a network, read as if it said "on" before it (everyday names count there), of
        the country asked about before when it has one of that name."""
        rest = _reply_rest(question)
        if not rest or len(rest.split()) > 3:
            return new
        read = self._read(f"on {rest}")
        if read.device or read.vendor or not (read.carriers or any(s.kind == "carrier" for s in read.suggestions)):
            return new
        # (the reply's words are the network's: phones they might also name are not offered, "kalau
        # xl?" is XL, no Pixel XL)
        if read.carriers:
            new = replace(new, suggestions=tuple(s for s in new.suggestions if s.kind != "device"), device_hint=False)
        brand = places.same_brand(self.lexicon, " ".join(text.tokens(rest)), home) if home else None
        if brand:
            rest_offered = tuple(s for s in new.suggestions if s.kind != "carrier")
            return replace(new, carriers=(brand,), country=home, suggestions=rest_offered)
        return replace(
            new,
            carriers=read.carriers,
            country=read.country,
            suggestions=(*new.suggestions, *(s for s in read.suggestions if s.kind == "carrier")),
            carrier_choice=read.carrier_choice,
        )

    def _letter_of(self, question: str, device_id: str) -> tuple[str | None, tuple[Suggestion, ...] | None]:
        """ "the a?" after the Pixel 8 is the Pixel 8a, "the r?" after the OnePlus 13 the 13R, "and the
        e" after the iPhone 16 the 16e: a model's letter glued to the number of the phone before."""
        found = _LETTER_REPLY.search(question)
        if found is None:
            return None, None
        name = self.knowledge.device(device_id).name
        numbered = re.sub(r"(\d+)(?!.*\d)", lambda m: m.group(1) + found.group(1).lower(), name, count=1)
        if numbered == name:
            return None, None
        read = self._read(numbered)
        if read.device and read.device != device_id:
            return read.device, None
        return None, tuple(s for s in read.suggestions if s.kind == "device" and s.id != device_id)

    def _network_words(self, new: Analysis) -> set[str]:
        """The words of the networks a reply names or is offered ("o2", "at&t"): no model's."""
        k = self.knowledge
        out: set[str] = set()
        for c in (*new.carriers, *(s.id for s in new.suggestions if s.kind == "carrier")):
            for name in (k.carrier(c).name, *k.carrier(c).aliases):
                out.update(text.tokens(name))
                out.add(text.compact(name))
        return out

    def _place_alone(self, question: str, new: Analysis) -> Analysis:
        """ "uk", "korea?", "saudi?" in reply to an answer: a short reply that names only a place, read
        as if it said "in" before it (the phone, asked about there, on that country's networks)."""
        rest = _reply_rest(question)
        if not rest or len(rest.split()) > 3 or new.origin:
            return new  # ("es version china", "viene de china": where it comes from, not where it is used)
        read = self._read(f"in {rest}")
        if read.device or read.vendor or read.carriers or not (read.country or read.region):
            return new
        return replace(new, country=read.country, region=read.region)

    def _number_of(
        self,
        question: str,
        device_id: str,
        network_words: Collection[str] = (),
    ) -> tuple[str | None, tuple[Suggestion, ...] | None]:
        """ "what about the 12r?" after the OnePlus 12, "and the s23?" after the Galaxy S24, "and the
        7?" after the Z Fold6: the same line with the number asked about, when that is a phone we
        know; (None, what to offer) when we do not ("and the s30?" is no Galaxy S24 again)."""
        matched = [
            m
            for m in _LINE_NUMBER.finditer(question)
            if not _NOT_A_NUMBER.match(m.group(1))
            # "in 2 weeks" is no model, "the 9" is
            and not (
                len(m.group(1)) == 1
                and m.group(0) == m.group(1)
                and not re.search(r"\b(?:the|a|my|an)\s+$", question[: m.start()], re.IGNORECASE)
            )
            and not _BAND_BEFORE.search(question[: m.start()])
            and text.compact(m.group(0)) not in network_words  # "and o2?"
        ]
        if len(matched) != 1:
            return None, None
        numbers = [matched[0].group(0)]
        full = self.knowledge.device(device_id).name
        name = full.split()
        line = list(itertools.takewhile(lambda w: not any(c.isdigit() for c in w), name))
        if not line:
            return None, None
        # the model words typed after the number are the phone's too ("s26 edge?": no Galaxy S26)
        words = list(itertools.takewhile(_model_word, text.tokens(question[matched[0].end() :])))
        found = self._read(" ".join([*line, numbers[0], *words]))
        if found.device and found.device != device_id:
            return found.device, None
        if words:
            return None, tuple(s for s in found.suggestions if s.kind == "device" and s.id != device_id)
        if numbers[0].isdigit():
            # "and the 7?" after the Galaxy Z Fold6: the number in the name itself changed
            renumbered = self._read(re.sub(r"\d+(?!.*\d)", numbers[0], full, count=1))
            if renumbered.device and renumbered.device != device_id:
                return renumbered.device, None
        if found.device == device_id or (numbers[0].isdigit() and len(numbers[0]) > 2):
            return None, None  # the phone before itself; or a bare large number, a price as often as a model
        return None, tuple(s for s in found.suggestions if s.kind == "device" and s.id != device_id)


_YEAR = re.compile(r"20[12]\d")
_GENERATION_NAMED = re.compile(r"\bthe\s+[45]g\b|\b[45]g\s+(?:one|version|model|variant)\b", re.IGNORECASE)
# The model words a reply names another model by ("the plus?", "flip?"); not those that are everyday
# words as often ("play", "power", "active"), nor a pronoun "se" ("¿se vende allí?", Hindi "se", from).
_FOLLOW_MODEL_WORDS = frozenset(
    {"pro", "max", "plus", "ultra", "mini", "lite", "fe", "neo", "xl", "edge", "fold", "flip", "air", "slim"}
    | {"promax", "se"}
)
# Words of a phone's versions, after or before a model word ("la versión pro", "the ultra model").
_VERSION_WORDS = frozenset({"version", "versione", "versao", "model", "modelo", "modello", "variant", "variante"})
_NOT = frozenset({"not", "no", "non", "nicht", "nao", "pas"})


def _model_word(word: str) -> bool:
    return word in _FOLLOW_MODEL_WORDS and word != "se"


_SE_MODEL = re.compile(r"\bthe\s+se\b|\bSE\b")
# A model's letter alone in a reply: "the a?", "and the r", "the e one"
_LETTER_REPLY = re.compile(r"\bthe\s+([aer])\b(?:\s+(?:one|model|version))?\s*[?!.]*\s*$", re.IGNORECASE)


# Turkish case endings written after an apostrophe ("ABD'den", "türkiye'de", "turkcell'de"), which
# `_turkish_endings` joins to their word as a hyphen does: not the Indonesian "dan" (and) nor the
# Portuguese "da", and a sign of Turkish.
_TURKISH_ENDING = re.compile(
    r"(?<=[^\W\d_]{2})['’](?=(?:" + "|".join(sorted(TURKISH_ENDINGS, key=len, reverse=True)) + r")\b)"
)


def _turkish_endings(question: str) -> str:
    """ "vodafone'da" as "vodafone-da": the ending is the name's, one character for one."""
    return _TURKISH_ENDING.sub("-", question) if "'" in question or "’" in question else question


def _turkish_suffix(toks: list[Token], i: int) -> bool:
    return toks[i].hyphen and toks[i].norm in TURKISH_ENDINGS and toks[i - 1].norm.isalpha()


def _mode_of_5g(toks: list[Token], i: int) -> bool:
    """ "jio sa 5g", "5g nsa": standalone or not, a word of 5G, not French "sa" (his)."""
    if toks[i].norm not in ("sa", "nsa"):
        return False
    return any(0 <= j < len(toks) and toks[j].norm in ("5g", "nr") for j in (i - 1, i + 1))


def _offered_phones(a: Analysis) -> tuple[Suggestion, ...]:
    return tuple(s for s in a.suggestions if s.kind == "device")


def _reply_rest(question: str) -> str:
    """A reply without its opening words and marks ("what about visible?" -> "visible")."""
    return _FOLLOW_HEAD.sub("", question).strip(" ?!.¿¡")


def _bare_reply(question: str) -> str:
    """The same, and without "the" ("and the plus?" -> "plus")."""
    return re.sub(r"^(?:the\s+)+", "", _reply_rest(question)).casefold()


# What a reply says before a network's name: "and bell?", "what about visible?", "y en movistar?".
_FOLLOW_HEAD = re.compile(
    r"^\W*(?:(?:and|what|how|about|with|on|in|y|e|et|und|con|en|na|no|com|auf|bei|avec|chez|su|di|pe|sa|kalau|gimana|aur)\b|\s)*",
    re.IGNORECASE,
)

# Words that point back to the phone of the question before ("does it have band 71 on tmo?").
_THE_PHONE = re.compile(r"\b(?:it|its|it's|this|that|mine|my|the phone)\b", re.IGNORECASE)
_SAME = re.compile(r"\bsame (?:carrier|network|provider|operator|company)\b", re.IGNORECASE)
# A model's number as a follow-up names it ("the 12r", "s23 ultra", "9 pro"), with its model words.
_LINE_NUMBER = re.compile(
    r"(?<![\w.])([a-z]{0,2}\d{1,3}[a-z+]{0,2})(?:\s+(?:pro|max|plus|ultra|lite|mini|fe|xl|neo|fold|flip)\b)*(?![\w.])",
    re.IGNORECASE,
)
# Radio generations, bands and units are no model numbers ("and 5g?", "on n77?", "in 2 weeks").
_NOT_A_NUMBER = re.compile(r"^(?:[2-6]g|[bn]\d+|\d+(?:gb|tb|mb|k|w|x))$", re.IGNORECASE)


# Words of a phone locked to a network ("carrier locked", "att locked", "bloqueado"); not a
# bootloader's lock, nor "unlocked".
_LOCKED = frozenset({"locked", "bloqueado", "bloqueada", "gesperrt", "verrouille", "bloccato"})
_NOT_A_NETWORK_LOCK = frozenset({"bootloader", "bl", "icloud", "frp", "activation"})


def _said_locked(toks: list[Token]) -> bool:
    words = {t.norm for t in toks}
    return bool(words & _LOCKED) and not words & _NOT_A_NETWORK_LOCK


def _line_models(lexicon: Lexicon, toks: list[Token]) -> set[int]:
    """Where a letter glued to a number follows a line's word whose names go on with that letter: a
    model of that line ("nord n50", as "Nord N20" goes on), not a band ("n50")."""
    out: set[int] = set()
    root = lexicon.root
    for i in range(len(toks) - 2):
        word, letter, number = toks[i : i + 3]
        if len(letter.norm) != 1 or not number.glued or not number.norm.isdigit() or letter.brk:
            continue
        line = root.children.get(word.norm) if word.norm.isalpha() else None
        if line is not None and letter.norm in line.children:
            out.update((i + 1, i + 2))
    return out


_BAND_BEFORE = re.compile(r"\b(?:band|bands|banda|bande|mhz)\s*$", re.IGNORECASE)


_LINK = re.compile(r"https?://[^/\s]+(/\S*)")
# Parts of a shop's or spec site's address that name no phone: pages, ids, sizes of storage.
_LINK_NOISE = re.compile(r"^(?:\d{4,}|p|dp|gp|product|products|itm\w*|b0\w{8}|ref|html?|php|www|en|us|in|\d+gb)$")


# Letters with a hook, horn or dot below: only Vietnamese writes them (folding takes them away).
# Cyrillic words with none of Ukrainian's own letters (і, ї, є, ґ): Russian
_RUSSIAN_WORDS = re.compile(r"^(?=.*[а-яё]{3})(?!.*[іїєґ])", re.IGNORECASE | re.DOTALL)
_VIETNAMESE_LETTERS = re.compile("[ơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđ]", re.IGNORECASE)


# Words that compare two things: with two models of one phone named, their bands answer it.
_COMPARING = frozenset({"difference", "differences", "different", "same", "vs", "versus", "compare", "comparison"})

# Languages written in one country above all others: a question in one is asked there.
_ONE_COUNTRY_LANGUAGES = frozenset({"vi", "id", "th", "ko", "ja", "fil", "pl"})


def _one_line(k: Knowledge, suggestions: tuple[Suggestion, ...]) -> bool:
    """The phones offered are of one line ("Galaxy Note20 Ultra", "Galaxy Note20 Ultra 5G")."""
    return len({k.device(s.id).name.split()[0].casefold() for s in suggestions if s.kind == "device"}) == 1


def _link_words(question: str) -> str:
    """The words of the addresses a question links to ("…/samsung_galaxy_s24-12773.php": "samsung
    galaxy s24"), where phones' names stand in shops' and spec sites' addresses."""
    words: list[str] = []
    for found in _LINK.finditer(question):
        path = found.group(1).split("?", 1)[0]
        for part in re.split(r"[/_\-.+]+", path):
            if part and not _LINK_NOISE.match(part.lower()):
                words.append(part)
    return " ".join(words[:12])


_FLAG = re.compile("[\U0001f1e6-\U0001f1ff]{2}")


def _flags_as_codes(question: str) -> str:
    """A flag read as its country's code ("pixel 9 sold in 🇧🇷?", "🇯🇵 pixel 8 in 🇺🇸"): two
    characters for two, so every position stays the question's; and Apple's region of a part number
    ("iphone 15 pro ll/a", "ch/a", "j/a") as its country's code, right-aligned in the same width."""
    question = _FLAG.sub(lambda m: "".join(chr(ord(ch) - 0x1F1E6 + ord("A")) for ch in m.group(0)), question)
    if "/" in question:
        question = _APPLE_REGION.sub(lambda m: _APPLE_REGIONS[m.group(1).upper()].rjust(len(m.group(0))), question)
    return question


# The region of Apple's part numbers ("MU773LL/A"), as sellers and owners write it after the model:
# LL/A the US, CH/A mainland China, ZP/A Hong Kong, J/A Japan, KH/A Korea, B/A the UK.
_APPLE_REGIONS = {"LL": "US", "CH": "CN", "ZP": "HK", "J": "JP", "KH": "KR", "B": "GB"}
_APPLE_REGION = re.compile(r"(?<![\w/])(LL|CH|ZP|J|KH|B)/A(?![\w/])", re.IGNORECASE)


_THANKS_SIGNS = frozenset({"👍", "🙏", "🙌", "❤️", "❤", "👌", "😊", "🤝"})


def _courtesy(question: str) -> bool:
    """A message of thanks or agreement and nothing else ("thanks!", "ok cool", "gracias 🙏")."""
    bare = question.strip(" !.?~。！？")
    if bare in COURTESY_PHRASES:
        return True
    words = text.tokens(question)
    signs = [ch for ch in question if ch in _THANKS_SIGNS]
    if len(words) > 8 or not (words or signs):
        return False
    return all(w in COURTESY_WORDS for w in words)


# Words after "on"/"with" that name no network: "pixel 9 on sale?", "s24 with my case", "on android 15".
_NOT_NETWORKS = frozenset(
    {"it", "this", "that", "them", "my", "your", "his", "her", "a", "an", "the", "sale", "discount", "offer"}
    | {"wifi", "wi", "fi", "battery", "charge", "charging", "case", "amazon", "ebay", "aliexpress", "me", "you"}
    | set(SOFTWARE_WORDS)
)


def _unknown_network(toks: list[Token], end: int, skip: int = 0) -> str | None:
    """A network named right after the phone that no name in the knowledge fits, as typed: the one to
    two words after "on", "with" or "using" that end the sentence ("pixel 8a on straight talk?").
    `skip`: how many other words may come first: a model's we do not know ("tecno camon 30 on
    safaricom"), its storage ("pixel 6a with 128gb on us cellular"), a verb of working ("works on")."""
    for at in range(end, min(end + skip + 1, len(toks))):
        between = toks[end : at + 1]
        # a verb of working may come between ("o galaxy a55 funciona na oi?"), no other question word
        if any(t.brk or t.norm in _NOT_NETWORKS or intent.says(t.norm) - {"compatibility"} for t in between):
            return None
        if toks[at].norm not in _NETWORK_CUES:
            continue
        # the sentence's words after the cue, three at most (more is no network's name)
        rest = list(itertools.islice(itertools.takewhile(lambda t: not t.brk, itertools.islice(toks, at + 1, None)), 3))
        if 1 <= len(rest) <= 2 and not any(
            not t.norm.isalpha() or t.norm in _NOT_NETWORKS or intent.says(t.norm) for t in rest
        ):
            return " ".join(t.raw for t in rest)
    return None


_NETWORK_CUES = frozenset({"on", "with", "using", "via", "na", "com", "con"})  # "funciona na oi?"

# Fifteen digits, as typed or grouped as the label prints them ("35-693803-564380-9").
_IMEI = re.compile(r"(?<![\d-])\d{2}[- ]?\d{6}[- ]?\d{6}[- ]?\d(?![\d-])")


def _has_imei(question: str) -> bool:
    """Whether the question holds an IMEI whose check digit is right (python-stdnum's check)."""
    found = [m.group(0) for m in _IMEI.finditer(question)]
    if not found:
        return False
    from stdnum import imei  # imported by the first question with fifteen digits

    return any(imei.is_valid(number) for number in found)


# Asking the bot what it does, in words that are all greeting, help or filler words.
_HELP_PHRASES = (
    "what can you do",
    "what do you do",
    "how do i use",
    "how does this work",
    "who are you",
    "who made you",
    "what are you",
)


def _greeting(question: str) -> bool:
    """A greeting or a call for help and nothing else ("hi!", "hello bot", "help", "what can you do?")."""
    if re.sub(r"[\W_]+", "", question) in GREETING_WORDS:
        return True  # "你好", "안녕하세요": letters the tokenizer splits one by one
    words = text.tokens(question)
    if (
        not words
        or len(words) > 8
        or not all(w in GREETING_WORDS or w in HELP_WORDS or w in GREETING_FILLER for w in words)
    ):
        return False
    said = " ".join(words)
    return any(w in GREETING_WORDS or w in HELP_WORDS for w in words) or any(p in said for p in _HELP_PHRASES)


def _unknown_model_span(lex: Lexicon, toks: list[Token], span: tuple[int, int] | None) -> tuple[int, int] | None:
    """A maker's name with the model words typed after it, of a phone we do not know ("Redmi K40" in
    "Redmi K40 (China) … EU user here": the place after it is the phone's market, as after a name)."""
    if span is None:
        return None
    start, end = span
    while (
        end < len(toks)
        and end - span[1] < 4
        and not toks[end].brk
        and (
            any(c.isdigit() for c in toks[end].norm)
            or toks[end].glued
            or toks[end].norm in MODIFIERS
            or (len(toks[end].norm) == 1 and end + 1 < len(toks) and toks[end + 1].glued)  # "k" of "k40"
        )
    ):
        end += 1
    return start, end


def _vendor_span(matches: list[mentions.Match], vendor: str | None) -> tuple[int, int] | None:
    spans = [(m.start, m.end) for m in matches if m.payload.kind == "vendor" and m.payload.id == vendor]
    return min(spans) if spans else None


def _makers_told_aside(vendors: list[mentions.Match], toks: list[Token], q: str) -> set[str | None]:
    """The makers named, among makers' mentions in order, as the asker's old phone's or someone else's
    ("my old pixel 2", "mi papá tiene un moto g9 plus")."""
    ends = [0, *(m.end for m in vendors)]
    return {m.payload.id for m, since in zip(vendors, ends, strict=False) if devices.told_aside(toks, m, q, since)}


def _first_vendor(
    knowledge: Knowledge,
    matches: list[mentions.Match],
    toks: list[Token],
    q: str,
    asking: set[int],
    sentence_of: list[int],
) -> str | None:
    # "what network does google fi use": the "Google" of a network's name is no maker asked about
    carriers = [(m.start, m.end) for m in matches if m.payload.kind == "carrier"]
    vendors = [
        m
        for m in sorted(matches, key=lambda m: m.start)
        if m.payload.kind == "vendor"
        and not any(a <= m.start and m.end <= b and b - a > m.end - m.start for a, b in carriers)
    ]
    # Of phones we do not know, the one the asker is not leaving nor someone else's ("mi papá tiene un
    # moto g9 plus y le quiero regalar un zte blade v40"), the one in a sentence that asks first ("i
    # flashed lineage on my old pixel 2. now looking at the blackberry key2, works on rogers?")
    phones = [m for m in matches if m.payload.kind == "device"]
    if len({m.payload.id for m in vendors}) > 1 or (vendors and phones):
        aside = _makers_told_aside(vendors, toks, q)
        kept = [m for m in vendors if m.payload.id not in aside]  # ("у меня был xiaomi redmi 4x": both words)
        last = max(v.end for v in vendors)
        if not kept and any(m.start > last and knowledge.device(m.payload.id).vendor not in aside for m in phones):
            return None  # ("… теперь хочу honor 90 lite": another maker's name we know in part, after)
        asked = [m for m in kept if sentence_of[m.start] in asking]
        vendors = asked or kept or vendors
    return vendors[0].payload.id if vendors else None
