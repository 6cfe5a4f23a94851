"""The answering engine: a question in, a structured answer out. No I/O, no Discord, no wording.

Every adapter (CLI, Discord, HTTP) shows the same `Answer`, worded once by `bot.present`.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from . import heap, markets
from .matching import Analysis, Index, Suggestion, incremental, regions
from .records import Carrier, Device, Knowledge, Statement, Variant
from .verdicts import Availability, Compatibility, availability, compatibility


@dataclass(frozen=True)
class BandsOfVariant:
    variant: str
    market: str
    models: tuple[str, ...]
    # None where the source does not list the technology (unknown, unlike an empty list)
    gsm: tuple[int, ...] | None
    umts: tuple[int, ...] | None
    lte: tuple[int, ...] | None
    nr: tuple[int, ...] | None
    volte: bool | None


@dataclass(frozen=True)
class CandidateVerdicts:
    """One of several phones a question may mean, on the network it names (or each network of the
    country it names): each model's verdict, the model made for that country first."""

    device: str
    cells: tuple[Compatibility, ...]


# Beyond this many phones, a question back is clearer than a verdict for each.
MAX_CANDIDATE_VERDICTS = 5
# A trip's countries checked beside the first ("france, italy, spain…"); more is a question per country.
MAX_TRIP_COUNTRIES = 4


@dataclass(frozen=True)
class Answer:
    question: str
    intent: str
    device: str | None
    vendor: str | None
    variants: tuple[str, ...]
    country: str | None
    carrier: str | None
    carriers: tuple[str, ...]
    availability: Availability | None
    compatibility: tuple[Compatibility, ...]
    bands: tuple[BandsOfVariant, ...] | None
    suggestions: tuple[Suggestion, ...]
    confidence: float
    truncated: bool
    device_hint: bool
    unknown_model: str | None = None
    unknown_network: str | None = None  # a network named that the knowledge lacks, as typed
    imei_given: bool = False  # an IMEI stood for the phone, which names no model to us
    locked: bool = False  # the phone was said to be locked to a network
    maker_unknown_phones: bool = False  # the maker named is one none of whose phones we know ("tcl 40 xl")
    ambiguous: bool = False
    origin: str | None = None
    origin_unrecorded: bool = False  # the model for the origin named is not recorded: others are shown
    # "pixel 6/7/8 on jio": the question may mean several phones; each one's verdicts on that network
    # (or on each network of the country named).
    each: tuple[CandidateVerdicts, ...] = ()
    region: str | None = None  # a region of use named instead of a country ("in Europe": "150")
    # In a region, the countries of it a statement speaks of, with what it says (no statement: left out).
    region_sales: tuple[tuple[str, Availability], ...] = ()
    gadget: str | None = None  # a product asked about that is no phone ("watch", "charger")
    # "going to japan and korea": the other countries of a trip, each with its networks' verdicts.
    also: tuple[tuple[str, tuple[Compatibility, ...]], ...] = ()
    # "is the pixel 10 sold in canada or mexico": the other countries asked about, with the maker's word.
    also_sold: tuple[tuple[str, Availability], ...] = ()
    # How the question was read: what a follow-up question inherits from.
    reading: Analysis | None = field(default=None, compare=False, repr=False)

    @property
    def outcome(self) -> str:
        """answered | ambiguous | unknown: what metrics and logs count."""
        if self.device or self.vendor:
            return "answered"
        return "ambiguous" if self.suggestions else "unknown"


def _made_elsewhere(device: Device | None, country: str) -> bool:
    """Whether every model of the phone is recorded as made for other markets than the country's."""
    if device is None:
        return False
    fits = [
        markets.made_for(v.made_for, [o.made_for for o in device.variants if o.id != v.id], country)
        for v in device.variants
    ]
    return bool(fits) and all(fit is False for fit in fits)


# A maker "has its own models" for a country when at least this share of its phones has a model
# made for that country by name (Samsung's US models, Apple's, Google's; not Motorola's few); a
# country is a market of its own models when this share of all phones has one (the US, China,
# India; not Australia or Indonesia, where the Global models are the ones sold).
_OWN_MODELS_SHARE = 0.25
_OWN_MARKET_SHARE = 0.10


def _own_models(knowledge: Knowledge) -> tuple[dict[str, frozenset[str]], frozenset[str]]:
    """Per maker, the countries for which its phones commonly have a model of their own; and the
    countries for which phones commonly do."""
    phones: dict[str, int] = defaultdict(int)
    named: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    overall: dict[str, int] = defaultdict(int)
    expanded: dict[tuple[str, ...], frozenset[str]] = {}  # (few distinct markets: each expanded once)
    for d in knowledge.devices:
        phones[d.vendor] += 1
        countries: set[str] = set()
        for v in d.variants:
            codes = tuple(v.made_for)
            if codes not in expanded:
                expanded[codes] = frozenset(markets.expand(m for m in codes if m != markets.GLOBAL))
            countries |= expanded[codes]
        for country in countries:
            named[d.vendor][country] += 1
            overall[country] += 1
    per_maker = {
        vendor: frozenset(c for c, n in counts.items() if n >= _OWN_MODELS_SHARE * phones[vendor])
        for vendor, counts in named.items()
    }
    total = len(knowledge.devices)
    return per_maker, frozenset(c for c, n in overall.items() if n >= _OWN_MARKET_SHARE * total)


class Engine:
    index: Index

    def __init__(self, knowledge: Knowledge, previous: Engine | None = None) -> None:
        """`previous`: an engine of an earlier state of the knowledge (the last snapshot's), whose index
        is reused where the knowledge did not change (`matching.incremental`); the index is the same
        as one built whole."""
        self.knowledge = knowledge
        with heap.paused():
            lexicon = incremental.updated(previous.index.lexicon, knowledge) if previous is not None else None
            self.index = Index(knowledge, lexicon)
            # The index lives as long as the engine: out of the collector's view before it runs again,
            # as a loaded one is (`snapshot`), or its first collection, as the build ends, walks every
            # object the build made (0.1 s at 100,000 phones) to find none free (bot.heap).
            heap.settle()
        self._statements: dict[tuple[str, str], list[Statement]] = defaultdict(list)
        for s in knowledge.statements:
            self._statements[(s.vendor, s.country)].append(s)
        self._networks_by_country: dict[str, list[Carrier]] = defaultdict(list)
        for c in knowledge.carriers:
            if c.mvno_of is None:
                self._networks_by_country[c.country].append(c)
        self._own_models, markets_of_own_models = _own_models(knowledge)
        self._approving = frozenset(
            c.country for c in knowledge.carriers if c.requires_certification and c.country in markets_of_own_models
        )

    def statements_for(self, vendor: str, country: str) -> list[Statement]:
        return list(self._statements.get((vendor, country), ()))

    def networks_in(self, country: str) -> list[Carrier]:
        return list(self._networks_by_country.get(country, ()))

    def native(self, device: Device, variant: Variant, country: str) -> bool | None:
        """Is the variant made for `country`? A Global model is not made for a country where its
        vendor says it does not sell (Xiaomi's Global phones in the US are imports)."""
        siblings = [v.made_for for v in device.variants if v.id != variant.id]
        made = markets.made_for(variant.made_for, siblings, country)
        if made and country not in markets.expand(variant.made_for):
            status = availability(self.statements_for(device.vendor, country), device.id, device.released).status
            if status in ("not_sold", "discontinued"):
                return False
            own_models = country in self._own_models.get(device.vendor, ()) and all(v.made_for for v in device.variants)
            if country in self._approving and (status != "sold" or own_models):
                # Where phones are sold as models of the country's own and networks serve only the
                # models they approved (Verizon, AT&T), a Global model is the country's own only when
                # its maker says it sells the phone there, and not when the maker makes models of its
                # own for that country and this phone has none (the Galaxy S20 4G, SM-G980F, in the
                # US): otherwise it is an import, and the approval is the question. (A model whose market
                # nobody recorded may be the country's own: then the maker's models of its own say
                # nothing of the Global one; its word that it sells there still must.)
                return False
        return made

    def answer(self, question: str, context: Answer | None = None, home: str | None = None) -> Answer:
        """The answer to a question; `context` is the answer it follows up on, if any ("what about on
        T-Mobile?" after an answer about the Pixel 8); `home` the asker's country when the question
        names none (a server's country)."""
        previous = context.reading if context is not None else None
        return self.answer_analysis(question, self.index.analyze(question, previous, home))

    def answer_analysis(self, question: str, a: Analysis) -> Answer:
        k = self.knowledge
        device = k.device(a.device) if a.device else None
        variants = [v for v in device.variants if a.variant in (None, v.id)] if device else []
        if a.origin_variants and a.variant is None:
            # "s25 ultra from usa": the models made for where it comes from
            variants = [v for v in variants if v.id in a.origin_variants]

        unrecorded = a.origin_unrecorded
        if (
            device is not None
            and a.origin
            and len(variants) == 1
            and self._not_made_for(device, variants[0], a.origin, question)
        ):
            # "metro by tmobile galaxy a15": the Global model the US falls to lacks the US networks'
            # bands, so it is not what was sold there; the US model is not recorded
            variants, unrecorded = list(device.variants), True

        avail: Availability | None = None
        # A post that asks something else (rooting, a price, a bug) gets no verdicts: the answer says
        # what the bot can answer instead.
        asks_other = a.intent == "other"
        if a.vendor and a.country and not asks_other:
            avail = self._sold(a.vendor, a.country, device)
        # "is the iphone 16 sold in the eu?": what the maker said of each of the region's countries
        region_sales: tuple[tuple[str, Availability], ...] = ()
        if a.vendor and a.region and not a.country and not asks_other:
            said = ((code, self._sold(a.vendor, code, device)) for code in sorted(regions.members(a.region)))
            region_sales = tuple(
                (code, av) for code, av in said if av.statement is not None and av.scope not in ("later", "market")
            )

        scope: list[Carrier] = [k.carrier(c) for c in a.carriers] if not asks_other else []
        if not scope and a.country and not asks_other:
            scope = self.networks_in(a.country)
        elif not scope and a.region and not asks_other:
            scope = [c for code in sorted(regions.members(a.region)) for c in self.networks_in(code)]
        compat: list[Compatibility] = []
        for carrier in scope:
            if device is not None:
                compat.extend(self._on(device, variants, carrier))

        also: tuple[tuple[str, tuple[Compatibility, ...]], ...] = ()
        if device is not None and not a.carriers and a.intent in ("compatibility", "unknown"):
            trip = ((code, self.networks_in(code)) for code in a.also_countries[:MAX_TRIP_COUNTRIES])
            also = tuple(
                (code, tuple(c for carrier in networks for c in self._on(device, variants, carrier)))
                for code, networks in trip
                if networks
            )

        also_sold: tuple[tuple[str, Availability], ...] = ()
        if a.vendor and a.country and a.intent == "availability":
            also_sold = tuple(
                (code, self._sold(a.vendor, code, device)) for code in a.also_countries[:MAX_TRIP_COUNTRIES]
            )

        each: tuple[CandidateVerdicts, ...] = ()
        candidates = [s.id for s in a.suggestions if s.kind == "device"]
        if (
            device is None
            and a.ambiguous
            and len(a.carriers) <= 1
            and scope
            and 1 < len(candidates) == len(a.suggestions) <= MAX_CANDIDATE_VERDICTS
            and a.intent in ("compatibility", "unknown")
        ):
            each = tuple(
                CandidateVerdicts(
                    d, tuple(c for carrier in scope for c in self._on(k.device(d), k.device(d).variants, carrier))
                )
                for d in candidates
            )

        bands = None
        if (a.intent == "bands" or a.bands_asked) and variants:
            bands = tuple(
                BandsOfVariant(
                    v.id,
                    v.market,
                    v.models,
                    gsm=tuple(sorted(v.bands.gsm)) if v.bands.known("gsm") else None,
                    umts=tuple(sorted(v.bands.umts)) if v.bands.known("umts") else None,
                    lte=tuple(sorted(v.bands.lte)) if v.bands.known("lte") else None,
                    nr=tuple(sorted(v.bands.nr)) if v.bands.known("nr") else None,
                    volte=v.volte,
                )
                for v in variants
            )
        return Answer(
            question=question,
            intent=a.intent,
            device=a.device,
            vendor=a.vendor,
            variants=tuple(v.id for v in variants),
            country=a.country,
            carrier=a.carriers[0] if a.carriers and not a.carrier_choice else None,
            carriers=tuple(c.id for c in scope) if a.carriers else (),
            availability=avail,
            compatibility=tuple(compat),
            bands=bands,
            suggestions=a.suggestions,
            confidence=a.confidence,
            truncated=a.truncated,
            device_hint=a.device_hint,
            unknown_model=a.unknown_model,
            unknown_network=a.unknown_network,
            imei_given=a.imei_given,
            locked=a.locked,
            maker_unknown_phones=device is None
            and a.vendor is not None
            and not self.index.lexicon.devices_of([a.vendor]),
            ambiguous=a.ambiguous,
            origin=a.origin,
            origin_unrecorded=unrecorded,
            each=each,
            region=a.region,
            region_sales=region_sales,
            gadget=a.gadget,
            also=also,
            also_sold=also_sold,
            reading=a,
        )

    def _sold(self, vendor: str, country: str, device: Device | None) -> Availability:
        """What the vendor's statements for a country say of the phone (or of the vendor's phones)."""
        return availability(
            self.statements_for(vendor, country),
            device.id if device else None,
            device.released if device else None,
            made_elsewhere=_made_elsewhere(device, country),
        )

    def _not_made_for(self, device: Device, variant: Variant, country: str, question: str) -> bool:
        """Whether a model read as made for `country` only because a Global model stands for every
        country no other model names, and not by its model number, has the bands of none of that
        country's networks (works nowhere there; unknown bands say nothing)."""
        if country in markets.expand(variant.made_for) or not variant.made_for:
            return False
        if any(model.lower() in question.lower() for model in variant.models):
            return False
        cells = [c for carrier in self.networks_in(country) for c in self._on(device, [variant], carrier)]
        return bool(cells) and all(c.verdict in ("none", "partial") for c in cells)

    def _on(
        self, device: Device, variants: list[Variant] | tuple[Variant, ...], carrier: Carrier
    ) -> list[Compatibility]:
        """Each model's verdict on one carrier, the model made for the carrier's country first: it is
        the one most askers hold."""
        network = self.knowledge.carrier(carrier.mvno_of) if carrier.mvno_of else carrier
        cells = [compatibility(v, carrier, network, self.native(device, v, carrier.country)) for v in variants]
        return sorted(cells, key=lambda c: c.native is not True)


@dataclass(frozen=True)
class GridRow:
    country: str
    carrier: str
    carrier_name: str
    cells: tuple[Compatibility, ...]  # one per variant, in the device's order


def verdict_grid(engine: Engine, device_id: str, countries: tuple[str, ...] | None = None) -> list[GridRow]:
    """Every variant of a device against every network operator (of the given countries): the picture
    people read at a glance on the device page."""
    k = engine.knowledge
    device = k.device(device_id)
    rows: list[GridRow] = []
    for carrier in sorted(k.carriers, key=lambda c: (c.country, c.name.casefold())):
        if carrier.mvno_of is not None or (countries and carrier.country not in countries):
            continue
        cells = tuple(
            compatibility(v, carrier, carrier, engine.native(device, v, carrier.country)) for v in device.variants
        )
        rows.append(GridRow(carrier.country, carrier.id, carrier.name, cells))
    return rows
