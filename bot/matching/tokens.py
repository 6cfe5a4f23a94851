"""A question as tokens with their places in the text, after the noise of long posts is blanked out."""

from __future__ import annotations

import re
import string
from functools import lru_cache
from typing import NamedTuple

from .. import text
from .cues import MODEL_WORD_SPELLINGS, MODIFIERS

MAX_QUESTION_CHARS = 2000


class Token(NamedTuple):
    """A word of a question (a named tuple: a ramble of 1,500 characters is made into ~600 of them,
    twice, and a frozen dataclass takes twice as long to make)."""

    norm: str  # folded, split at letter/digit boundaries
    raw: str  # the word as typed (for its case)
    start: int  # character span of the whole typed word
    end: int
    glued: bool  # typed attached to the previous token ("8a", "s24")
    brk: bool = False  # a sentence ends before this token ("…the nokia n93. I travel…")
    hyphen: bool = False  # joined to the previous word by a hyphen ("mobile" of "T-Mobile")


# An ellipsis ends a sentence even with no space after it ("so does the UK…what about Canada?"; NFKC
# makes "…" three dots).
_SENTENCE_END = re.compile(r"[.!?;]\s|\.\.|[…。？！؟]|\n|[\U0001F300-\U0001FAFF\u2600-\u27BF]")

# What a post carries besides its question: addresses, Android build ids ("TQ2A.230405.003"), MIUI
# and firmware versions ("V14.0.6.0.TMCMIXM"), log lines, code blocks, quoted replies and signatures
# ("Sent from my SM-G991B using Tapatalk"). None of them names the phone asked about.
# Each with what it cannot match without (a character or two it holds), looked for first: most
# questions hold none, and finding that is a fraction of trying the pattern at every character (a
# twentieth of reading a post of 2,000 characters).
_NOISE: list[tuple[re.Pattern[str], re.Pattern[str] | None]] = [
    (re.compile(r"```.*?(```|$)", re.DOTALL), re.compile("```")),
    (re.compile(r"https?://\S+|www\.\S+|\S+@\S+\.\w+"), re.compile(r"://|www\.|@")),
    (re.compile(r"\b[A-Z]{2,4}\d[A-Z0-9]?\.\d{6}\.\d{3}(?:\.[A-Za-z0-9]+)*\b"), re.compile(r"\.\d")),
    (re.compile(r"\b[Vv]?\d{1,2}\.\d+\.\d+(?:\.\d+)*(?:\.[A-Z]{5,}[A-Z0-9]*)?\b"), re.compile(r"\.\d")),
    # a firmware version of four parts or more with letters among them ("32.4.A.1.54_RE", Sony's): no
    # "A1" network in it
    (re.compile(r"\b\d{1,3}(?:\.[A-Za-z0-9]{1,4}){3,}(?:_[A-Za-z0-9]+)?\b"), re.compile(r"\.[A-Za-z0-9]{1,4}\.")),
    # a ROM build's date and kind ("…-20230107-0010-OFFICIAL"): no sale is "official" there
    (re.compile(r"\b\d{8}(?:-\d{4,6})?-(?:UN)?OFFICIAL\b", re.IGNORECASE), re.compile("-")),
    (re.compile(r"(?m)^\s*>.*$"), re.compile(">")),
    (re.compile(r"(?m)^\s*(?:\d{2}-\d{2}|\d{4}-\d{2}-\d{2})\s+\d{2}:\d{2}:\d{2}.*$"), re.compile(":")),
    (re.compile(r"(?m)^\s*[VDIWEF]/[\w.$-]+\s*\(\s*\d+\).*$"), re.compile("/")),
    (
        re.compile(
            r"(?im)(?:^|(?<=[.!?] ))[\s-]*(?:sent from my|posted from my|sent using|enviado desde mi|enviado do meu|"
            r"enviado do|von meinem|envoyé de mon|inviato dal mio|dikirim dari)\b.*$"
        ),
        None,
    ),
    # an e-mail style signature: everything under a line of "--" ("--\nMike\nPixel 7 Pro | Galaxy Tab S8")
    (re.compile(r"\n--[ \t]*\n(?:.*\n?){1,4}\Z"), re.compile(r"\n--")),
]


# A GitHub alert ("> [!IMPORTANT]" and the quoted lines under it) is the author's own words set in a
# box, not a reply quoting someone: its lines are kept.
_ALERT = re.compile(r"(?im)^[ \t]*>[ \t]*\[!(?:note|tip|important|warning|caution)\][ \t]*(?:\n[ \t]*>.*)*")


def _unboxed(alert: re.Match[str]) -> str:
    head, _, body = alert.group(0).partition("\n")
    return " " * len(head) + "\n" + re.sub(r"(?m)^([ \t]*)>", r"\1 ", body) if body else " " * len(head)


def blank_noise(question: str) -> str:
    """The question with its noise replaced by spaces, so that character positions stay valid."""
    out = _ALERT.sub(_unboxed, question) if "[!" in question else question
    for pattern, needed in _NOISE:
        if needed is None or needed.search(out):
            out = pattern.sub(lambda m: re.sub(r"\S", " ", m.group(0)), out)
    return out


_WORD = re.compile(rf"{text.WORD_PATTERN}|[&+→⇒➡]|->|=>")
# Capital initials with their dots ("U.S.", "U.K.", "U.A.E."): one word, whose dots end no sentence
# ("on U.S. Cellular", "my U.S. phone").
_INITIALS = re.compile(r"(?<![\w.])(?:[A-Z]\.){2,}(?!\w)")


def _closed(found: re.Match[str]) -> str:
    """Initials without their dots, spaces in their place, so that spans stay those of the question."""
    initials = found.group(0)
    return initials.replace(".", "").ljust(len(initials))


_SPELT_NUMBERED = re.compile(r"(\D+?)(\d+)")
# An arrow is a word of its own: "poco f7 vs iqoo 13 → iqoo 13 ✅" (the one chosen, `devices`).
_SIGNS = {"&": "and", "+": "plus", **dict.fromkeys(("→", "⇒", "➡", "->", "=>"), "→")}


@lru_cache(maxsize=65536)
def _parts(word: str) -> tuple[str, ...]:
    """A typed word folded and split (words repeat across questions: folding is the costly part)."""
    return tuple(map(_unstretched, text.split_word(text.fold(word))))


# Model words typed with a letter held down ("pro maxx", "xll", "ultraa"): the word, not a typo to
# leave out (that would answer the iPhone 17 Pro for "iphone 17 pro maxx").
_STRETCHED = frozenset({"max", "pro", "plus", "ultra", "mini", "lite", "edge", "xl"})
_HELD = re.compile(r"(.)\1+")
# Model words as Turkish and Polish spell them out ("iphone 15 pro maks")
_SPELLED_OUT = {"maks": "max"}


def _unstretched(part: str) -> str:
    if len(part) < 3 or part in MODIFIERS or not part.isalpha():
        return part
    if part in _SPELLED_OUT:
        return _SPELLED_OUT[part]
    squeezed = _HELD.sub(r"\1", part)
    return squeezed if squeezed in _STRETCHED else part


def tokenize(question: str) -> list[Token]:
    """Tokens of a question already in NFKC form (see `text.raw_words`); "&" and "+" are words, as in
    names ("AT&T" is "at and t", "S24+" is "s 24 plus"), and spans index the question as given."""
    out: list[Token] = []
    previous_end = 0
    if "." in question:
        question = _INITIALS.sub(_closed, question)
    for found in _WORD.finditer(question):
        start, end = found.span()
        word = question[start:end]
        if start == previous_end + 1 and question[previous_end] == " ":
            brk = hyphen = False  # most words: one space after the last one
        else:
            gap = question[previous_end:start]
            brk = gap != " " and bool(out) and _SENTENCE_END.search(gap) is not None
            # (not the full stop of Italy's network "ho. Mobile", written "ho." alone too: "con ho. anche in 5G?")
            brk = brk and not (
                gap.startswith(". ") and out[-1].raw.lower() == "ho" and (word.lower() == "mobile" or word.islower())
            )
            hyphen = gap == "-" and bool(out)
        if word in _SIGNS:
            # "pixel 8a + mint": a "+" standing apart joins two things ("and"); glued, or after a model
            # word, it is a name's "plus" ("S24+", "Redmi Note 11 pro + 5G")
            apart = (
                word == "+"
                and question[start - 1 : start] == " "
                and question[end : end + 1] in (" ", "")
                and not (out and out[-1].norm in MODIFIERS)
            ) or (
                # a listing's "8GB+256GB": memory and storage, not a Plus model
                word == "+" and bool(out) and out[-1].norm in ("gb", "tb") and question[end : end + 1].isdigit()
            )
            out.append(Token("and" if apart else _SIGNS[word], word, start, end, False, brk))
            previous_end = end
            continue
        spelt = MODEL_WORD_SPELLINGS.get(word) or (
            MODEL_WORD_SPELLINGS.get(_without_particle(word), "") if not word.isascii() else ""
        )
        if (
            not spelt
            and not word.isascii()
            and (numbered := _SPELT_NUMBERED.fullmatch(word))
            and (model_word := MODEL_WORD_SPELLINGS.get(numbered[1]))
        ):
            spelt = f"{model_word} {numbered[2]}"  # "폴드6": a model word of another script glued to its number
        parts = tuple(spelt.split()) if spelt else _parts(word)
        if word == "про" and out and out[-1].norm.isdigit():
            parts = ("pro",)  # Russian "айфон 16 про макс"; before a name "про" is "about" ("про айфон 16")
        if len(word) == 1 and not word.isascii() and word.isalpha():
            # "é" ("is" in Portuguese) is a word, never the model letter "e" ("iphone 16 é vendido").
            parts = (word.casefold(),)
        previous_end = end
        if not parts:
            continue
        out.append(Token(parts[0], word, start, end, False, brk, hyphen))
        for part in parts[1:]:
            out.append(Token(part, word, start, end, True))
    return out


# Korean and Japanese particles written on a word ("갤럭시 S24 울트라를" (object), "울트라는", "プロを"):
# a model word with one is that model word.
_PARTICLES = ("으로", "에서", "를", "을", "는", "은", "가", "이", "도", "로", "에", "의", "を", "は", "が", "の", "で")


def _without_particle(word: str) -> str:
    for particle in _PARTICLES:
        if word.endswith(particle) and len(word) > len(particle):
            return word[: -len(particle)]
    return word


class FormField:
    """A field of an issue form, named by a pattern of its names: its value follows "Name:" (or "Name -")
    on one line, or stands under a "### Name" heading, as issue forms lay out their answers."""

    def __init__(self, names: str) -> None:
        # ("Current pixel phone: Pixel 7": a field's name may say whose and which kind)
        self._inline = re.compile(
            rf"^[\W_]*(?:(?:current|your|my)\s+)?(?:\w+\s+)?{names}(?: name)?\W*[:：=\-]\W*(?:\w+\W+)?$", re.IGNORECASE
        )
        self._heading = re.compile(rf"^\s*#+\s*{names}(?: name)?\s*$", re.IGNORECASE)

    def holds(self, question: str, at: int) -> bool:
        """Whether the words at character `at` are this field's value (at most one word before them:
        "Device: Google Pixel 9")."""
        line_start = question.rfind("\n", 0, at) + 1
        if self._inline.match(question[line_start:at]):
            return True
        if len(question[line_start:at].split()) > 1:
            return False
        above = question[:line_start].rstrip().rsplit("\n", 1)[-1]
        return bool(above) and self._heading.match(above) is not None


_ASCII_LETTERS = string.ascii_letters.encode()
_ASCII_CAPITALS = string.ascii_uppercase.encode()


def is_shouting(question: str) -> bool:
    if question.isascii():
        # Counted as what deleting them takes away, in one C loop each: a call of `isalpha` and of
        # `isupper` per character was 0.08 ms of a long post.
        data = question.encode("ascii")
        letters = len(data) - len(data.translate(None, _ASCII_LETTERS))
        capitals = len(data) - len(data.translate(None, _ASCII_CAPITALS))
    else:
        letters = sum(map(str.isalpha, question))
        capitals = sum(map(str.isupper, question))
    return letters >= 8 and capitals / letters > 0.6


def sentence_index(toks: list[Token]) -> list[int]:
    """The sentence each token is in (0, 1, …)."""
    out, n = [], 0
    for t in toks:
        n += t.brk
        out.append(n)
    return out


def asking_sentences(toks: list[Token], question: str) -> set[int]:
    """The sentences that end with a question mark."""
    out: set[int] = set()
    sentence_of = sentence_index(toks)
    for i, t in enumerate(toks):
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if nxt is not None and not nxt.brk:
            continue
        tail = question[t.end : nxt.start if nxt is not None else len(question)]
        if "?" in tail or "？" in tail or "؟" in tail:  # (Arabic and Persian write "؟")
            out.add(sentence_of[i])
    return out
