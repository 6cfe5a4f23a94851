"""A fixed, seeded list of questions built from the knowledge, in a realistic mix.

Each question carries what a right answer is: the device it names (or None when it names none), and
the carrier when it names one. Exact names, typos, odd spacing and model numbers must name their
device; unknown devices, carrier-only, country-only and chit-chat questions must name none.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from bot import text
from bot.records import Device, Knowledge

from .data import COUNTRY_NAMES

# kind -> share of the questions
MIX: dict[str, float] = {
    "exact": 0.28,
    "typo": 0.10,
    "spacing": 0.08,
    "model": 0.08,
    "carrier": 0.08,
    "country": 0.06,
    "unknown": 0.14,
    "ramble": 0.08,
    "no_device": 0.10,
}
EXPECTS_DEVICE = ("exact", "typo", "spacing", "model", "ramble")
EXPECTS_NONE = ("unknown", "carrier", "country", "no_device")
# Questions that name no phone at all: offering phones ("did you mean …") to them is wrong. (A phone
# we do not know, `unknown`, may fairly get close names offered.)
NO_PHONE = ("carrier", "country", "no_device")
RAMBLE_CHARS = 1500
_MODEL_SHAPE = re.compile(r"^(?=.*[A-Za-z])(?=.*\d)[A-Za-z0-9./_-]{3,}$")


@dataclass(frozen=True)
class Question:
    kind: str
    text: str
    device: str | None  # the device a right answer names (None: it must name none)
    carrier: str | None = None


DEVICE_TEMPLATES = [
    "is the {name} sold in {country}?",
    "will my {name} work on {carrier}",
    "{name} on {carrier}?",
    "what bands does the {name} have",
    "does the {name} work with {carrier} in {country}",
    "{name}",
    "can i use a {vendor} {name} in {country}",
    "{name} bands please",
    "thinking of buying the {name}, does it support {carrier}?",
    "{name} {country} availability",
]
CARRIER_TEMPLATES = [
    "which phones work on {carrier}?",
    "does {carrier} support 5g",
    "what bands does {carrier} use",
    "{carrier} coverage in {country}",
    "switching to {carrier} next month, anything to know?",
]
COUNTRY_TEMPLATES = [
    "what phones are sold in {country}?",
    "moving to {country}, will my phone work there",
    "which carriers are in {country}",
    "best network in {country}?",
]
NO_DEVICE = [
    "hello",
    "what's the best phone for travelling?",
    "how do I find out which bands my carrier uses",
    "thanks, that helped!",
    "does this bot work",
    "what is volte and why does it matter",
    "can someone explain what a band is",
    "my phone has no signal at home, any tips?",
    "is 5g worth it",
    "what does unlocked mean",
    "how long does shipping take usually",
    "who made this bot",
]
FILLER = [
    "So I have been reading forums for about a week now and I am honestly more confused than when I started.",
    "My cousin says the network here changed a lot last year and older phones lost signal in some places.",
    "I travel for work quite often, mostly by train, and I need the phone to keep a connection on the way.",
    "The shop near my office had a sale but the person there could not tell me anything useful about it.",
    "I do not care much about the camera, battery life and calls matter more to me than anything else.",
    "Last time I imported something it took six weeks and customs charged me extra, which was annoying.",
    "A friend told me to check the frequencies before buying, which is why I am asking here first.",
    "I would rather not spend more than I need to, but I also do not want to buy twice.",
    "Sorry for the long message, I just want to get this right because it is a gift for my mother.",
    "The reviews I found online were all from other countries so they did not really help me.",
    "Coverage in the countryside where my parents live is patchy at the best of times.",
    "I have been with the same provider for years and would like to keep my number if I can.",
]
FAKE_SERIES = ["Zorblax", "Quintora", "Vexmire", "Plorvic", "Drumlin", "Skarvo", "Yentrex", "Mobrisk", "Trevanti"]


def _lower_sometimes(name: str, rng: random.Random) -> str:
    return name.lower() if rng.random() < 0.5 else name


def _typo(word: str, rng: random.Random) -> str:
    i = rng.randrange(1, len(word) - 1)
    op = rng.choice(("swap", "delete", "substitute", "insert"))
    if op == "swap":
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :] if word[i] != word[i + 1] else word[:i] + word[i + 1 :]
    if op == "delete":
        return word[:i] + word[i + 1 :]
    letter = rng.choice([c for c in "aeioulnrst" if c != word[i]])
    if op == "substitute":
        return word[:i] + letter + word[i + 1 :]
    return word[:i] + letter + word[i:]


def _odd_spacing(name: str, rng: random.Random) -> str:
    words = name.split()
    style = rng.choice(("spaces", "tabs", "shout", "glue"))
    if style == "spaces":
        return "  " + "   ".join(words) + " "
    if style == "tabs":
        return "\t".join(words)
    if style == "shout":
        return name.upper()
    # Letters and digits that belong together written apart or together: "note 7" / "note7".
    out: list[str] = []
    for w in words:
        if w.isdigit() and out and out[-1].isalpha() and len(out[-1]) > 1:
            out[-1] = out[-1] + w
        else:
            out.append(w)
    return " ".join(out)


class QuestionMaker:
    def __init__(self, knowledge: Knowledge, countries: list[str], seed: int) -> None:
        self.k = knowledge
        self.rng = random.Random(seed)
        self.devices = list(knowledge.devices)
        # Model numbers as people copy them off a box: one word with letters and digits ("SM-N930V").
        self.models = {d.id: [m for v in d.variants for m in v.models if _MODEL_SHAPE.match(m)] for d in self.devices}
        self.with_models = [d for d in self.devices if self.models[d.id]]
        self.carriers = list(knowledge.carriers)
        self.countries = [COUNTRY_NAMES.get(c, c) for c in countries] + ["France", "Canada", "Australia", "the US"]
        self.vendor_names = {v.id: v.name for v in knowledge.vendors}
        # Every token sequence any device could be matched by (names, aliases, maker + name, and the
        # tail after the first word), so an "unknown" device is really unknown.
        self.known: set[str] = set()
        self.vocab: set[str] = set()
        for d in self.devices:
            for n in (d.name, *d.aliases):
                toks = text.tokens(n)
                self.vocab.update(toks)
                self.known.update({" ".join(toks), " ".join(toks[1:]), text.key(f"{self.vendor_names[d.vendor]} {n}")})
        for v in knowledge.vendors:
            self.vocab.update(text.tokens(v.name))

    def _fill(self, template: str, name: str, vendor: str) -> str:
        carrier = self.rng.choice(self.carriers)
        return template.format(
            name=name, vendor=vendor, carrier=self.rng.choice((carrier.name, *carrier.aliases)),
            country=self.rng.choice(self.countries),
        )  # fmt: skip

    def _device_question(self, d: Device, name: str) -> str:
        vendor = self.vendor_names[d.vendor]
        template = self.rng.choice(DEVICE_TEMPLATES)
        if "{vendor}" in template and text.key(name).startswith(text.key(vendor)):
            template = template.replace("{vendor} ", "")
        return self._fill(template, name, vendor)

    def exact(self) -> Question:
        d = self.rng.choice(self.devices)
        name = _lower_sometimes(self.rng.choice((d.name, *d.aliases)), self.rng)
        return Question("exact", self._device_question(d, name), d.id)

    def typo(self) -> Question:
        for _ in range(100):
            d = self.rng.choice(self.devices)
            words = d.name.split()
            spots = [i for i, w in enumerate(words) if w.isalpha() and len(w) >= 5]
            if not spots:
                continue
            i = self.rng.choice(spots)
            wrong = _typo(words[i].lower(), self.rng)
            if wrong in self.vocab or wrong == words[i].lower():
                continue
            words[i] = wrong
            return Question("typo", self._device_question(d, " ".join(words).lower()), d.id)
        return self.exact()

    def spacing(self) -> Question:
        d = self.rng.choice(self.devices)
        return Question("spacing", self._device_question(d, _odd_spacing(d.name, self.rng)), d.id)

    def model(self) -> Question:
        if not self.with_models:
            return self.exact()
        d = self.rng.choice(self.with_models)
        model = self.rng.choice(self.models[d.id])
        template = self.rng.choice(["is {m} ok on {carrier}?", "{m} bands", "will a {m} work in {country}", "{m}"])
        return Question("model", self._fill(template.replace("{m}", model), "", ""), d.id)

    def carrier(self) -> Question:
        c = self.rng.choice(self.carriers)
        name = self.rng.choice((c.name, *c.aliases))
        country = self.rng.choice(self.countries)
        return Question("carrier", self.rng.choice(CARRIER_TEMPLATES).format(carrier=name, country=country), None, c.id)

    def country(self) -> Question:
        return Question(
            "country", self.rng.choice(COUNTRY_TEMPLATES).format(country=self.rng.choice(self.countries)), None
        )

    def unknown(self) -> Question:
        """A phone the knowledge does not have: a made-up series, or a known series with a new number."""
        for _ in range(200):
            d = self.rng.choice(self.devices)
            vendor = self.vendor_names[d.vendor]
            if self.rng.random() < 0.5:
                name = f"{self.rng.choice(FAKE_SERIES)} {self.rng.randint(2, 99)}"
            else:
                toks = [t for t in d.name.split() if t.isalpha() and text.key(t) not in text.key(vendor)]
                if not toks:
                    continue
                name = f"{toks[0]} {self.rng.randint(100, 999)}"
            full = f"{vendor} {name}"
            keys = {text.key(name), text.key(full), " ".join(text.tokens(name)[1:])}
            if keys & self.known:
                continue
            return Question("unknown", self._device_question(d, self.rng.choice((name, full))), None)
        return self.no_device()

    def ramble(self) -> Question:
        d = self.rng.choice(self.devices)
        sentences: list[str] = []
        while sum(len(s) + 1 for s in sentences) < RAMBLE_CHARS - 150:
            sentences.append(self.rng.choice(FILLER))
        at = self.rng.randrange(len(sentences) + 1)
        sentences.insert(at, f"The phone I am looking at is the {_lower_sometimes(d.name, self.rng)}.")
        carrier = self.rng.choice(self.carriers)
        body = " ".join(sentences) + f" Will it work on {carrier.name}?"
        return Question("ramble", body[: RAMBLE_CHARS + 200], d.id)

    def no_device(self) -> Question:
        return Question("no_device", self.rng.choice(NO_DEVICE), None)

    def make(self, count: int) -> list[Question]:
        makers = {
            "exact": self.exact, "typo": self.typo, "spacing": self.spacing, "model": self.model,
            "carrier": self.carrier, "country": self.country, "unknown": self.unknown, "ramble": self.ramble,
            "no_device": self.no_device,
        }  # fmt: skip
        plan: list[str] = []
        for kind, share in MIX.items():
            plan.extend([kind] * round(count * share))
        while len(plan) < count:
            plan.append("exact")
        plan = plan[:count]
        self.rng.shuffle(plan)
        return [makers[kind]() for kind in plan]


def make_questions(knowledge: Knowledge, countries: list[str], count: int, seed: int) -> list[Question]:
    return QuestionMaker(knowledge, countries, seed).make(count)


def autocomplete_prefixes(knowledge: Knowledge, count: int, seed: int) -> list[str]:
    """What people have typed so far in a slash-command option: 1 to 6 characters of a device name."""
    rng = random.Random(seed)
    names = [d.name for d in knowledge.devices]
    out: list[str] = []
    for i in range(count):
        length = 1 + i % 6
        name = rng.choice(names)
        out.append(name[:length].lower() if rng.random() < 0.7 else name[:length])
    return out
