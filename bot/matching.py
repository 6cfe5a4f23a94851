"""Finding devices, vendors, carriers and countries in a question typed fast.

Names are matched as whole token sequences through a trie, so "redmi note 12 pro" can only ever be
the device whose name has exactly those tokens. Typos are tolerated in words (one edit, checked
against the vocabulary of names), never in numbers; a match followed by a model word ("pro", "a",
"ultra", "8a") is a different phone and is not answered. Two candidates that fit equally well are
returned as suggestions, never picked at random.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from dataclasses import dataclass, field

import pycountry
from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from . import text
from .records import Knowledge
from .words import (
    CARRIER_CUES,
    COMMON_WORDS,
    COUNTRY_BLOCKERS,
    COUNTRY_NICKNAMES,
    INTENT_WORDS,
    LOWER_CODE_BLOCKERS,
    MARKET_CUES,
    MARKET_WORDS,
    MODIFIERS,
    ORIGIN_CUES,
)

MAX_QUESTION_CHARS = 2000
_PAYLOADS = "\0"


@dataclass(frozen=True)
class Token:
    norm: str  # folded, split at letter/digit boundaries
    raw: str  # the word as typed (for its case)
    start: int  # character span of the whole typed word
    end: int
    glued: bool  # typed attached to the previous token ("8a", "s24")
    brk: bool = False  # a sentence ends before this token ("…the nokia n93. I travel…")


@dataclass(frozen=True)
class Payload:
    kind: str  # device | vendor | carrier | country
    id: str
    derived: bool = False  # generated from a name, not written by a curator
    glued_only: bool = False  # "s24" counts, "s 24" on its own does not
    weak: bool = False  # the whole key is an everyday word ("nothing", "three")
    cased: tuple[str, ...] = ()  # how the entity writes that word ("Nothing"), for weak keys


@dataclass(frozen=True)
class Match:
    payload: Payload
    start: int  # token positions, end exclusive
    end: int
    score: float  # 1.0 when every token was typed exactly


@dataclass(frozen=True)
class Suggestion:
    kind: str
    id: str
    name: str


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


@dataclass
class _Node:
    children: dict[str, _Node] = field(default_factory=dict)
    payloads: list[Payload] = field(default_factory=list)


def tokenize(question: str) -> list[Token]:
    spaced = question.replace("&", " and ").replace("+", " plus ")
    out: list[Token] = []
    previous_end = 0
    for word, start, end in text.raw_words(spaced):
        brk = bool(_SENTENCE_END.search(spaced[previous_end:start])) and bool(out)
        for k, part in enumerate(text.split_word(text.fold(word))):
            out.append(Token(part, word, start, end, glued=k > 0, brk=brk and k == 0))
        previous_end = end
    return out


def is_shouting(question: str) -> bool:
    letters = [c for c in question if c.isalpha()]
    return len(letters) >= 8 and sum(c.isupper() for c in letters) / len(letters) > 0.6


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


_LETTER_MODELS = frozenset("tscerxu")
_SENTENCE_END = re.compile(r"[.!?;]\s|\n")
_MODEL_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9./_-]*")
_NOT_ALNUM = re.compile(r"[^A-Za-z0-9]")
_CUE_WORDS = frozenset().union(*INTENT_WORDS.values())
_MODEL_SHAPE = re.compile(r"^(?=.*[a-z])(?=.*\d.*\d)[a-z0-9]{5,}$")
# What a model number looks like as people copy it from a box or a settings screen: capitals and at
# least three digits ("SM-S921U", "23127PN0CG", "A3081", "XT2301-4"), unlike "iphone16" or "S24".
_TYPED_MODEL = re.compile(r"(?<![\w-])(?=[A-Z0-9-]*[A-Z])(?=(?:[A-Z-]*\d){3})[A-Z0-9][A-Z0-9-]{3,}[A-Z0-9](?![\w-])")

_NUMBERED_WORD = re.compile(r"([a-z]*)(\d+)([a-z+]*)")


def _model_numbers(name: str) -> set[tuple[str, int]]:
    """The numbers of a model name with the series they count in: "redmi note 13 pro" -> ("note", 13),
    "galaxy s24" -> ("s", 24), "pixel 5a 5g" -> ("pixel", 5); "5g" and "4g" are no model numbers."""
    out = set()
    words = name.split()
    for j, word in enumerate(words):
        m = _NUMBERED_WORD.fullmatch(word)
        if m is None or (not m.group(1) and m.group(3) == "g"):
            continue
        series = m.group(1) or (words[j - 1] if j else "")
        out.add((series, int(m.group(2))))
    return out


def _number_distance(wanted: set[tuple[str, int]], offered: set[tuple[str, int]]) -> int:
    """How far apart two names' model numbers are in the same series ("pixel 10" is 1 from "pixel 9",
    "galaxy s8" is nowhere near "galaxy a6")."""
    gaps = [abs(a - b) for sa, a in wanted for sb, b in offered if sa == sb]
    return min(gaps) if gaps else 1 << 30


class Index:
    """Everything matching needs, built once from the knowledge."""

    def __init__(self, knowledge: Knowledge) -> None:
        self.knowledge = knowledge
        self._root = _Node()
        self._vocab: set[str] = set()
        self._near: dict[str, set[str]] = defaultdict(set)
        self._models: dict[str, tuple[str, str]] = {}
        self._corrections: dict[str, list[tuple[str, float]]] = {}
        self._device_tokens: dict[str, set[str]] = defaultdict(set)
        self._device_has_nr: dict[str, bool] = {}
        self.vendor_devices: dict[str, list[str]] = defaultdict(list)
        self.country_names: dict[str, str] = {}
        self._build(knowledge)
        self._model_list = sorted(self._models)
        # Display names and their comparable keys, computed once: suggestions and autocomplete
        # compare against thousands of them per keystroke.
        self._labels: dict[str, dict[str, str]] = {
            "device": {d.id: d.name for d in knowledge.devices},
            "vendor": {v.id: v.name for v in knowledge.vendors},
            "carrier": {c.id: f"{c.name} ({c.country})" for c in knowledge.carriers},
            "country": {code: f"{name} ({code})" for code, name in self.country_names.items()},
        }
        self._label_keys = {kind: {i: text.key(n) for i, n in labels.items()} for kind, labels in self._labels.items()}

    # -- building -------------------------------------------------------------------------------

    def _insert(self, name: str, payload: Payload) -> None:
        toks = text.tokens(name)
        if not toks:
            return
        node = self._root
        for tok in toks:
            self._vocab.add(tok)
            node = node.children.setdefault(tok, _Node())
        if payload.kind in ("vendor", "carrier") and len(toks) == 1 and (toks[0] in COMMON_WORDS or len(toks[0]) <= 2):
            cased = tuple(w for w in name.split() if not w.islower())
            payload = Payload(payload.kind, payload.id, payload.derived, payload.glued_only, True, cased)
        if payload not in node.payloads:
            node.payloads.append(payload)

    def _build(self, k: Knowledge) -> None:
        vendor_tokens = set()
        for vendor in k.vendors:
            for name in (vendor.name, *vendor.aliases):
                self._insert(name, Payload("vendor", vendor.id))
                vendor_tokens.update(text.tokens(name))

        respellings = {
            v.id: [a for a in v.aliases if text.compact(a) == text.compact(v.name) and text.key(a) != text.key(v.name)]
            for v in k.vendors
        }
        explicit: dict[str, str] = {}
        derived: list[tuple[str, Payload]] = []
        for device in k.devices:
            vendor = k.vendor(device.vendor)
            self.vendor_devices[device.vendor].append(device.id)
            self._device_has_nr[device.id] = any(v.bands.nr for v in device.variants)
            names = (device.name, *device.aliases)
            for name in names:
                explicit[text.key(name)] = device.id
                self._insert(name, Payload("device", device.id))
                for tok in text.tokens(name):
                    self._device_tokens[tok].add(device.id)
            for name in names:
                toks = text.tokens(name)
                if toks[0] not in vendor_tokens:
                    derived.append((f"{vendor.name} {name}", Payload("device", device.id, derived=True)))
                # "one plus 12" for "OnePlus 12": the vendor's name written with other spacing.
                own = text.tokens(vendor.name)
                if toks[: len(own)] == own:
                    for spelling in respellings.get(vendor.id, ()):
                        derived.append(
                            (" ".join([spelling, *toks[len(own) :]]), Payload("device", device.id, derived=True))
                        )
                for tag in ("5g", "4g"):
                    # "redmi note 13 pro" for "Redmi Note 13 Pro 5G"; when a "(4G)" phone has the same
                    # name, both get the short name, so it is a question back, not the 5G phone's answer.
                    if tag in toks and len(toks) > 2:
                        without = " ".join(t for t in toks if t != tag)
                        derived.append((without, Payload("device", device.id, derived=True)))
                rest = toks[1:]
                if len(rest) >= 2 and rest[0].isalpha() and any(t.isdigit() for t in rest):
                    # "s24" may stand alone, "s 24" may not ("a 5 year old phone" is no Galaxy A5).
                    glued = len(rest[0]) == 1 and rest[1].isdigit()
                    derived.append((" ".join(rest), Payload("device", device.id, derived=True, glued_only=glued)))
            for variant in device.variants:
                for model in variant.models:
                    self._models[text.compact(model)] = (device.id, variant.id)
        for name, payload in derived:
            owner = explicit.get(text.key(name))
            if owner is None or owner == payload.id:
                self._insert(name, payload)

        self._countries = frozenset(c.country for c in k.carriers)
        self._carrier_name_keys: dict[str, frozenset[str]] = {}
        for carrier in k.carriers:
            # Its name, with and without a bracketed part ("Jio (Reliance Jio)" is called "jio").
            plain = re.sub(r"\s*\([^)]*\)", "", carrier.name).strip() or carrier.name
            self._carrier_name_keys[carrier.id] = frozenset({text.compact(carrier.name), text.compact(plain)})
            for name in (carrier.name, *carrier.aliases):
                self._insert(name, Payload("carrier", carrier.id))
            if " " in text.key(plain):
                # Typed glued ("tmobile") a name is one word; another carrier may have that word as an alias.
                self._insert(text.compact(plain), Payload("carrier", carrier.id))

        for country in pycountry.countries:
            code = country.alpha_2
            self.country_names[code] = getattr(country, "common_name", None) or country.name
            for name in {country.name, getattr(country, "common_name", country.name)}:
                if "," not in name and "(" not in name:
                    self._insert(name, Payload("country", code))
        for code, nicknames in COUNTRY_NICKNAMES.items():
            for name in nicknames:
                self._insert(name, Payload("country", code))

        for word in self._vocab:
            if word.isalpha() and len(word) >= 3:
                for d in _deletes(word):
                    self._near[d].add(word)

    # -- typo tolerance ---------------------------------------------------------------------------

    def corrections(self, word: str) -> list[tuple[str, float]]:
        """Vocabulary words one edit away (insert, delete, substitute or swap), with similarity."""
        if word in self._vocab or not word.isalpha() or len(word) < 3:
            return []
        cached = self._corrections.get(word)
        if cached is not None:
            return cached
        if len(self._corrections) > 100_000:  # words repeat across questions; bound the memory
            self._corrections.clear()
        self._corrections[word] = found = self._find_corrections(word)
        return found

    def _find_corrections(self, word: str) -> list[tuple[str, float]]:
        candidates = set(self._near.get(word, ()))
        for d in _deletes(word):
            if d in self._vocab:
                candidates.add(d)
            candidates |= self._near.get(d, set())
        out = []
        for cand in candidates:
            if len(cand) >= 3 and OSA.distance(word, cand) == 1:
                out.append((cand, OSA.normalized_similarity(word, cand)))
        return sorted(out, key=lambda c: -c[1])

    # -- matching ---------------------------------------------------------------------------------

    def _walk(self, toks: list[Token], blocked: set[int]) -> list[Match]:
        alts: list[list[tuple[str, float]] | None] = [None] * len(toks)

        def options(j: int) -> list[tuple[str, float]]:
            cached = alts[j]
            if cached is None:
                cached = [(toks[j].norm, 1.0), *self.corrections(toks[j].norm)]
                alts[j] = cached
            return cached

        matches: list[Match] = []
        for i in range(len(toks)):
            if i in blocked:
                continue
            stack: list[tuple[_Node, int, float, int]] = [(self._root, i, 0.0, 0)]
            while stack:
                node, j, total, fixed = stack.pop()
                if j > i:
                    for p in node.payloads:
                        matches.append(Match(p, i, j, total / (j - i)))
                if j >= len(toks) or j in blocked or (j > i and toks[j].brk):
                    continue
                for word, sim in options(j):
                    child = node.children.get(word)
                    if child is None:
                        continue
                    if sim < 1.0 and j == i and toks[j].norm in COMMON_WORDS:
                        continue  # "not" may be "note" inside a name, never at its start
                    stack.append((child, j + 1, total + sim, fixed + (sim < 1.0)))
        return [m for m in matches if self._acceptable(m, toks)]

    def _acceptable(self, m: Match, toks: list[Token]) -> bool:
        p = m.payload
        length = m.end - m.start
        if length == 1 and m.score < 1.0 and len(toks[m.start].norm) < 5:
            return False
        if p.glued_only and not toks[m.start + 1].glued:
            return False
        if p.weak:
            word = toks[m.start]
            before = toks[m.start - 1].norm if m.start > 0 else ""
            if p.kind == "carrier" and before in CARRIER_CUES:
                return True
            return m.score == 1.0 and word.raw in p.cased
        if p.kind == "country" and length == 1:
            blockers = COUNTRY_BLOCKERS.get(toks[m.start].norm)
            if blockers and m.start > 0 and toks[m.start - 1].norm in blockers:
                return False
        return True

    def _incomplete(self, m: Match, toks: list[Token]) -> bool:
        """The name is followed by a word that makes it another model ("pixel 8" + "a")."""
        if m.end >= len(toks):
            return False
        nxt = toks[m.end]
        if nxt.brk:
            return False
        if nxt.glued and nxt.norm.isalpha():
            return True
        # "Redmi 959" is not the phone named "Xiaomi Redmi": a number after a name ending in a word.
        if nxt.norm.isdigit() and toks[m.end - 1].norm.isalpha():
            return True
        if nxt.norm in MODIFIERS:
            return True
        # "xiaomi 14 t" is the 14T; but "a" and "i" are words ("is the pixel 9 a good phone").
        if len(nxt.norm) == 1 and nxt.norm in _LETTER_MODELS and toks[m.end - 1].norm.isdigit():
            return True
        has_nr = self._device_has_nr.get(m.payload.id, False)
        return (nxt.norm == "5g" and not has_nr) or (nxt.norm == "4g" and has_nr)

    def _models_in(self, question: str) -> list[tuple[int, int, str, str | None]]:
        """Model numbers: (char start, char end, device, variant or None for a unique prefix)."""
        # Every model number has a digit, so only words with one (or next to one) are looked up.
        words = [(m.group(0), m.start(), m.end()) for m in _MODEL_WORD.finditer(question)]
        digits = [any(ch.isdigit() for ch in w) for w, _s, _e in words]
        found: list[tuple[int, int, str, str | None]] = []
        for n in (2, 1):
            for i in range(len(words) - n + 1):
                if not any(digits[i : i + n]):
                    continue
                start, end = words[i][1], words[i + n - 1][2]
                if any(s < end and start < e for s, e, _d, _v in found):
                    continue
                c = _NOT_ALNUM.sub("", "".join(w for w, _s, _e in words[i : i + n])).lower()
                if c.isdigit() and len(c) < text.MIN_DIGIT_MODEL:
                    continue
                hit = self._models.get(c)
                if hit:
                    found.append((start, end, hit[0], hit[1]))
                elif n == 1 and len(c) >= 6 and _MODEL_SHAPE.match(c):
                    lo = bisect.bisect_left(self._model_list, c)
                    owners = set()
                    for model in self._model_list[lo : lo + 50]:
                        if not model.startswith(c):
                            break
                        owners.add(self._models[model][0])
                    if len(owners) == 1:
                        found.append((start, end, owners.pop(), None))
        return found

    def _market_variant(self, device_id: str, toks: list[Token]) -> str | None:
        """The one variant a question picks by market: "my china version", "the global model"."""
        wanted: set[str] = set()
        for i, t in enumerate(toks):
            words = MARKET_WORDS.get(t.norm)
            near = {toks[j].norm for j in (i - 1, i + 1) if 0 <= j < len(toks)}
            if words and near & MARKET_CUES:
                wanted.update(words)
        if not wanted:
            return None
        fits = [v.id for v in self.knowledge.device(device_id).variants if set(text.tokens(v.market)) & wanted]
        return fits[0] if len(fits) == 1 else None

    def _unknown_model(self, question: str) -> str | None:
        for found in _TYPED_MODEL.finditer(question):
            if text.compact(found.group(0)) not in self._models:
                return found.group(0)
        return None

    def _model_suggestions(self, question: str) -> list[str]:
        out: list[str] = []
        for word in re.findall(r"[A-Za-z0-9][A-Za-z0-9-]{4,}", question):
            c = text.compact(word)
            if not _MODEL_SHAPE.match(c) or c in self._models:
                continue
            lo = bisect.bisect_left(self._model_list, c[:3])
            pool: list[str] = []
            for model in self._model_list[lo:]:
                if not model.startswith(c[:3]) or len(pool) >= 500:
                    break
                pool.append(model)
            for model, _score, _i in process.extract(c, pool, scorer=fuzz.ratio, limit=3, score_cutoff=75):
                out.append(self._models[model][0])
        return out

    def _recompose(self, toks: list[Token]) -> list[Token]:
        """Undo missing or extra spaces inside names: "promax" -> "pro max", "i phone" -> "iphone"."""
        vocab = self._vocab
        out: list[Token] = []
        i = 0
        while i < len(toks):
            t = toks[i]
            nxt = toks[i + 1] if i + 1 < len(toks) else None
            if (
                nxt is not None
                and not nxt.brk
                and t.norm.isalpha()
                and nxt.norm.isalpha()
                and t.norm + nxt.norm in vocab
                and (t.norm not in vocab or nxt.norm not in vocab or len(t.norm) == 1)
            ):
                out.append(Token(t.norm + nxt.norm, t.raw, t.start, nxt.end, t.glued, t.brk))
                i += 2
                continue
            if t.norm.isalpha() and t.norm not in vocab and len(t.norm) >= 5:
                split = next(
                    (k for k in range(2, len(t.norm) - 1) if t.norm[:k] in vocab and t.norm[k:] in vocab), None
                )
                if split is not None:
                    out.append(Token(t.norm[:split], t.raw, t.start, t.end, t.glued, t.brk))
                    out.append(Token(t.norm[split:], t.raw, t.start, t.end, True))
                    i += 1
                    continue
            out.append(t)
            i += 1
        return out

    def analyze(self, question: str) -> Analysis:
        truncated = len(question) > MAX_QUESTION_CHARS
        q = question[:MAX_QUESTION_CHARS]
        toks = tokenize(q)
        shouting = is_shouting(q)
        if shouting:
            toks = [Token(t.norm, t.raw.lower(), t.start, t.end, t.glued, t.brk) for t in toks]

        toks = self._recompose(toks)
        models = self._models_in(q)
        blocked = {i for i, t in enumerate(toks) if any(s <= t.start and t.end <= e for s, e, _d, _v in models)}
        matches = self._walk(toks, set())

        device, variant, suggestions, confidence, hint, ambiguous = self._resolve_device(matches, models, toks, q)
        if device is not None and variant is None:
            variant = self._market_variant(device, toks)
        vendor = self.knowledge.device(device).vendor if device else self._resolve_vendor(matches)
        unknown_model = None if device else self._unknown_model(q)
        if unknown_model:
            # The phone is named by its model number: only phones with a close model number are worth
            # offering, not whatever shares a word with the rest of the question.
            near = set(self._model_suggestions(unknown_model))
            suggestions = [s for s in suggestions if s.kind != "device" or s.id in near]
        carriers, carrier_suggestions, country = self._resolve_carriers(matches, toks, blocked, shouting, q)
        suggestions.extend(carrier_suggestions)
        intent = "unknown"
        norms = {t.norm for t in toks}
        for name in ("bands", "compatibility", "availability"):
            if norms & INTENT_WORDS[name]:
                intent = name
                break
        return Analysis(
            intent=intent,
            device=device,
            variant=variant,
            vendor=vendor,
            carriers=tuple(carriers),
            country=country,
            suggestions=tuple(dict.fromkeys(suggestions)),
            confidence=round(confidence, 3),
            device_hint=hint,
            truncated=truncated,
            unknown_model=unknown_model,
            ambiguous=ambiguous,
        )

    def _resolve_device(
        self, matches: list[Match], models: list[tuple[int, int, str, str | None]], toks: list[Token], q: str
    ) -> tuple[str | None, str | None, list[Suggestion], float, bool, bool]:
        """(device, variant, suggestions, confidence, a phone seems named, several phones fit equally)."""
        suggestions: list[Suggestion] = []
        named = [m for m in matches if m.payload.kind == "device"]
        complete = [m for m in named if not self._incomplete(m, toks)]
        incomplete = [m for m in named if m not in complete]
        # A model number and a name over the same words: the curated name wins when it is longer
        # ("Panasonic X300" is not the phone whose model number is X300); otherwise the model does.
        kept_models = []
        for start, end, d, v in models:
            span = {i for i, t in enumerate(toks) if start <= t.start and t.end <= end}
            rival = [
                m
                for m in complete
                if m.payload.id != d
                and not m.payload.derived
                and span & set(range(m.start, m.end))
                and (m.end - m.start) > len(span)
            ]
            if rival:
                continue
            kept_models.append((start, end, d, v))
            complete = [m for m in complete if not (span & set(range(m.start, m.end)))]
        by_model = {(d, v) for _s, _e, d, v in kept_models}
        model_devices = {d for d, _v in by_model}
        # "samsung galaxy s99" is no other maker's S99: a vendor named right before a name must agree.
        vendor_ends = {m.end: m.payload.id for m in matches if m.payload.kind == "vendor"}
        contradicted = [
            m
            for m in complete
            if m.start in vendor_ends and vendor_ends[m.start] != self.knowledge.device(m.payload.id).vendor
        ]
        complete = [m for m in complete if m not in contradicted]

        # Keep the longest names: "galaxy s24 ultra" hides "galaxy s24" inside it.
        kept = [
            m
            for m in complete
            if not any(
                o.start <= m.start and m.end <= o.end and (o.end - o.start) > (m.end - m.start) for o in complete
            )
        ]
        if kept:
            # Where names overlap, the longer one (then the better spelt, then the explicit) wins.
            chosen: list[Match] = []
            for m in sorted(kept, key=lambda o: (-(o.end - o.start), -o.score, o.payload.derived)):
                if any(
                    c.start < m.end
                    and m.start < c.end
                    and c.payload.id != m.payload.id
                    and ((c.end - c.start) > (m.end - m.start) or c.score > m.score)
                    for c in chosen
                ):
                    continue
                chosen.append(m)
            kept = chosen
        # A vendor named apart from any device name ("samsung note 10") narrows the candidates.
        vendors_named = {
            m.payload.id
            for m in matches
            if m.payload.kind == "vendor" and not any(d.start <= m.start and m.end <= d.end for d in kept)
        }
        ids = {m.payload.id for m in kept} | model_devices
        if len(ids) > 1 and vendors_named:
            narrowed = {d for d in ids if self.knowledge.device(d).vendor in vendors_named}
            if narrowed:
                ids = narrowed
        if len(ids) == 1:
            device = next(iter(ids))
            variants = {v for d, v in by_model if d == device and v is not None}
            variant = variants.pop() if len(variants) == 1 else None
            score = 1.0 if device in model_devices else max(m.score for m in kept if m.payload.id == device)
            return device, variant, suggestions, score, True, False
        if len(ids) > 1:
            for d in sorted(ids, key=lambda d: self.knowledge.device(d).name):
                suggestions.append(Suggestion("device", d, self.knowledge.device(d).name))
            return None, None, suggestions, 0.0, True, True

        for m in sorted(incomplete, key=lambda o: -(o.end - o.start)):
            suggestions.append(Suggestion("device", m.payload.id, self.knowledge.device(m.payload.id).name))
        for d in self._model_suggestions(q):
            suggestions.append(Suggestion("device", d, self.knowledge.device(d).name))
        # A phone seems named when words of device names (or numbers right after a vendor) are left
        # over once vendor, carrier and country names are taken out: "redmi note 12", not "xiaomi".
        taken = {
            i for m in matches if m.payload.kind in ("vendor", "carrier", "country") for i in range(m.start, m.end)
        }
        after_vendor = {m.end for m in matches if m.payload.kind == "vendor"}
        telling, openers = self._name_hints(toks)
        hint = bool(suggestions) or any(
            i not in taken
            and (
                (t.norm in self._device_tokens and not t.norm.isdigit() and t.norm not in COMMON_WORDS)
                or i in openers
                or (i in after_vendor and t.norm not in COMMON_WORDS and t.norm not in _CUE_WORDS)
                # "galaxy a15": a letter glued to a number right after a vendor is a model name
                or (i in after_vendor and i + 1 < len(toks) and toks[i + 1].glued and toks[i + 1].norm.isdigit())
            )
            for i, t in enumerate(toks)
        )
        if hint:
            hints = telling + openers
            suggestions.extend(self._fuzzy_devices(toks, hints, matches, exclude={s.id for s in suggestions}))
        # Another maker's phone of that name ("galaxy note 10": the Mi Note 10) comes last, if at all.
        for m in contradicted:
            suggestions.append(Suggestion("device", m.payload.id, self.knowledge.device(m.payload.id).name))
        suggestions = list(dict.fromkeys(suggestions))
        return None, None, suggestions[:5], 0.0, hint or bool(contradicted), False

    def _name_hints(self, toks: list[Token]) -> tuple[list[int], list[int]]:
        """Where words of phone names are: telling ones, and common words that open a name.

        "mi" is a common word (Spanish "my") and never names the vendor alone, but in "mi 10" or
        "mi max" it opens a phone's name, so those get suggestions too.
        """
        names = [
            i
            for i, t in enumerate(toks)
            # A lone letter ("s" of "s24") is in too many names to say anything.
            if t.norm in self._device_tokens and not t.norm.isdigit() and t.norm not in COMMON_WORDS and len(t.norm) > 1
        ]
        openers = [
            i
            for i, t in enumerate(toks[:-1])
            if t.norm in COMMON_WORDS
            and t.norm in self._device_tokens
            and (toks[i + 1].norm.isdigit() or i + 1 in names)
        ]
        return names, openers

    def _fuzzy_devices(
        self, toks: list[Token], hints: list[int], matches: list[Match], exclude: set[str]
    ) -> list[Suggestion]:
        """Close device names for a question whose phone we do not know ("pixel 11"); `hints` are the
        positions of words of phone names (see _name_hints)."""
        vendors = [m for m in matches if m.payload.kind == "vendor"]
        starts = hints + [m.start for m in vendors]
        if not starts:
            return []
        first = min(starts)
        # The phone's name ends where a carrier or country begins: "redmi note 5 on jio" is weighed
        # as "redmi note 5", or short names (Note 2, Note 8) would win on the extra words.
        elsewhere = {i for m in matches if m.payload.kind in ("carrier", "country") for i in range(m.start, m.end)}
        words: list[str] = []
        for i in range(first, min(first + 5, len(toks))):
            if i in elsewhere:
                break
            words.append(toks[i].norm)
        while len(words) > 1 and words[-1] in COMMON_WORDS:
            words.pop()
        phrase = " ".join(words)
        pool: set[str] = set()
        for i in hints:
            pool |= self._device_tokens[toks[i].norm]
        named = {d for m in vendors for d in self.vendor_devices.get(m.payload.id, ())}
        # "galaxy note 10" asks for a Samsung: another vendor's Note 10 is no suggestion for it.
        pool = ((pool & named) or named) if named else pool
        pool -= exclude
        if not pool:
            return []
        keys = self._label_keys["device"]
        # Sorted: a set's order changes from run to run, and so would the suggestions on ties.
        names = {d: keys[d] for d in sorted(pool)[:3000]}
        best = process.extract(phrase, names, scorer=fuzz.WRatio, limit=15, score_cutoff=60)
        # String likeness ties often ("pixel 10" is as close to "pixel 6" as to "pixel 9"): among
        # names about as close, the nearest model number comes first.
        wanted = _model_numbers(phrase)
        best.sort(key=lambda b: (-(b[1] // 10), _number_distance(wanted, _model_numbers(b[0])), -b[1], b[2]))
        return [Suggestion("device", d, self.knowledge.device(d).name) for _n, _s, d in best[:5]]

    def _resolve_vendor(self, matches: list[Match]) -> str | None:
        vendors = [m for m in sorted(matches, key=lambda m: m.start) if m.payload.kind == "vendor"]
        return vendors[0].payload.id if vendors else None

    def _resolve_carriers(
        self, matches: list[Match], toks: list[Token], blocked: set[int], shouting: bool, q: str
    ) -> tuple[list[str], list[Suggestion], str | None]:
        k = self.knowledge
        covered = set(blocked)
        for m in matches:
            if m.payload.kind in ("device", "vendor") and not self._incomplete(m, toks):
                covered.update(range(m.start, m.end))
        # Longest carrier and country names first; a token belongs to one name.
        named: list[Match] = []
        for m in sorted(
            (m for m in matches if m.payload.kind in ("carrier", "country")),
            key=lambda m: (-(m.end - m.start), -m.score, m.start),
        ):
            tokens_of = set(range(m.start, m.end))
            if tokens_of & covered and not any(o.start == m.start and o.end == m.end for o in named):
                continue
            named.append(m)
            covered |= tokens_of
        countries = list(
            dict.fromkeys(m.payload.id for m in sorted(named, key=lambda m: m.start) if m.payload.kind == "country")
        )
        for i, t in enumerate(toks):
            if i in covered or len(t.raw) != 2 or not t.raw.isalpha():
                continue
            if q[t.end : t.end + 1] == "-" or q[max(t.start - 1, 0) : t.start] == "-":
                continue  # "SM" of "SM-S921U" is part of a model number, not San Marino
            code = t.raw.upper()
            if t.raw.isupper() and not shouting:
                if pycountry.countries.get(alpha_2=code) is not None:
                    countries.append(code)
            elif i > 0 and toks[i - 1].norm == "in" and t.norm not in LOWER_CODE_BLOCKERS and code in self._countries:
                # "sold in au": a lower-case code right after "in" and naming a country we know carriers
                # of. Codes that read as words or as US states ("in it", "in my car", "in ca") are left out.
                countries.append(code)
        country = countries[0] if countries else None
        # "sent me a xiaomi from china … tmo?": a country the phone comes from doesn't overrule the carrier.
        origin = any(
            m.payload.kind == "country" and m.start > 0 and toks[m.start - 1].norm in ORIGIN_CUES for m in named
        )

        groups: dict[tuple[int, int], list[str]] = defaultdict(list)
        for m in named:
            if m.payload.kind == "carrier":
                groups[(m.start, m.end)].append(m.payload.id)
        carriers: list[str] = []
        suggestions: list[Suggestion] = []
        for (start, end), found in sorted(groups.items()):
            ids = list(dict.fromkeys(found))
            if country:
                here = [c for c in ids if k.carrier(c).country == country]
                if not here and not origin:
                    # The country named in the question wins over a carrier of another country: "smart"
                    # in "ok on smart in india" is not the Philippine network. Offer it, don't use it.
                    suggestions.extend(self._carrier_suggestion(c) for c in ids)
                    continue
                ids = here or ids
            if len(ids) > 1:
                # "t-mobile": the network called exactly that beats networks that merely answer to it.
                said = text.compact("".join(t.norm for t in toks[start:end]))
                by_name = [c for c in ids if said in self._carrier_name_keys[c]]
                ids = by_name if len(by_name) == 1 else ids
            if len(ids) == 1:
                carriers.append(ids[0])
            else:
                suggestions.extend(self._carrier_suggestion(c) for c in ids)
        carriers = list(dict.fromkeys(carriers))
        if carriers:
            country = k.carrier(carriers[0]).country
        return carriers, suggestions, country

    def _carrier_suggestion(self, carrier_id: str) -> Suggestion:
        carrier = self.knowledge.carrier(carrier_id)
        return Suggestion("carrier", carrier_id, f"{carrier.name} ({carrier.country})")

    # -- autocomplete -----------------------------------------------------------------------------

    def complete(self, kind: str, prefix: str, limit: int = 25) -> list[tuple[str, str]]:
        """(id, display name) of devices, vendors, carriers or countries whose names fit what has been typed."""
        labels = self._labels[kind]
        if not prefix.strip():
            return sorted(labels.items(), key=lambda item: item[1])[:limit]
        best = process.extract(
            text.key(prefix), self._label_keys[kind], scorer=fuzz.WRatio, limit=limit, score_cutoff=50
        )
        return [(i, labels[i]) for _n, _s, i in best]
