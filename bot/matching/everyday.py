"""Which words are everyday words, and which language a question is in, from word-frequency data.

A name that is also an everyday word ("Three", "Mint", "Play", "Nothing", "vivo" in Portuguese) must
not be read as a name whenever the word is typed. Whether a word is everyday comes from `wordfreq`
(Zipf frequencies from large corpora of each language), not from a hand-kept list.
"""

from __future__ import annotations

import math
from functools import cache

from .. import text
from . import wordlists
from .tables import Frequencies

# The languages the bot reads questions in (the biggest phone-import communities).
LANGUAGES = ("en", "es", "pt", "de", "fr", "it", "id")
# Indonesian web text names phone brands so often that "xiaomi" reads as an everyday word there; it
# is left out of the judgement (its everyday words are not names of phones or carriers we know).
_JUDGED = LANGUAGES[:-1]

# The "small" word lists (every word down to Zipf 3.0, a tenth of the load time) hold all that matters
# here. Zipf 3.9 is about once in 8,000 words of running text: "mint" and "boost" are that common in English.
_EVERYDAY_ZIPF = 3.9
# A brand is about as frequent in every language ("google", "samsung", "apple" in tech text); an
# everyday word is much more frequent in its own language than elsewhere ("three", "vivo", "honor").
_OWN_LANGUAGE_LEAD = 0.7


@cache
def word_table() -> Frequencies:
    """The judged languages' word lists as one flat table, for an index to carry to its readers (made
    once per process: 0.4 s, the same for every index)."""
    return Frequencies(_zipf_tables())


@cache
def _zipf_tables() -> tuple[dict[str, int], ...]:
    """Each judged language's words with their Zipf frequency in hundredths, as `frequencies` gives
    it (a word listed in two bands has the later one's, as in `wordlists.frequency_dict`)."""
    out = []
    for lang in _JUDGED:
        table: dict[str, int] = {}
        for band, words in enumerate(wordlists.bands(lang)):
            table.update(dict.fromkeys(words, round(_zipf(10 ** (-band / 100)) * 100)))
        out.append(table)
    return tuple(out)


# The tables of the index a process loaded (`use`): the same words and numbers as wordfreq's lists
# (the index's fingerprint holds wordfreq's version), read without unpacking them.
_loaded: list[Frequencies] = []


def use(table: Frequencies) -> None:
    """Answer `frequencies` from `table` (a loaded index's) instead of reading wordfreq's lists."""
    if len(_loaded) == 0 and table.languages == len(_JUDGED):
        _loaded.append(table)


@cache
def frequencies(word: str) -> tuple[float, ...]:
    """Zipf frequency of a (lower-case) word in each judged language; 0 where the list lacks it."""
    if _loaded:
        return _loaded[0].get(word) or (0.0,) * len(_JUDGED)
    # From the tables the index carries (`word_table`), which a build makes anyway: in hundredths, the
    # same numbers as wordfreq's (tests/test_wordlists.py). (wordfreq's per-call lookup re-tokenizes
    # the word, which costs more than the lookup when thousands of names are judged at start.)
    return tuple(table[word] / 100 if word in table else 0.0 for table in _zipf_tables())


def _zipf(proportion: float) -> float:
    """A word's frequency on the Zipf scale (log10 of its count per billion words), as wordfreq gives it."""
    return round(math.log10(proportion) + 9, 2)


def commonness(word: str) -> float:
    """The word's highest Zipf frequency in the judged languages (0 for a word none of them lists)."""
    return max(frequencies(word))


@cache
def is_everyday(word: str) -> bool:
    """Whether the word is common in one of the languages as a word of that language, not only as
    the name of something international."""
    if not word.isalpha():
        return False
    if len(word) == 1:
        return True
    zipf = frequencies(word)
    top = max(range(len(zipf)), key=zipf.__getitem__)
    if zipf[top] < _EVERYDAY_ZIPF:
        return False
    others = sorted(z for i, z in enumerate(zipf) if i != top)
    return zipf[top] - others[len(others) // 2] >= _OWN_LANGUAGE_LEAD


@cache
def _function_words(lang: str) -> frozenset[str]:
    """A language's most frequent words that are not frequent English words too."""
    english = set(wordlists.top_n_list("en", 400))
    # folded as questions' words are ("będzie" is read "bedzie", "também" "tambem")
    return frozenset(
        folded
        for folded in (text.fold(w) for w in wordlists.top_n_list(lang, 150))
        if folded not in english and folded not in _PHONE_TALK and len(folded) > 1
    )


# Words of phone talk in any language that are also another language's function words ("sim" is
# Portuguese for yes; "SIM card" in an English post says nothing of its language).
_PHONE_TALK = frozenset({"sim", "data", "app"})


# Hindi as people type it in Latin letters ("jio 5g support karta hai?", "india me chalega?"):
# wordfreq lists Hindi in Devanagari only, so its most frequent function words are written here.
# Words other languages share ("se", "me", "ke", "par") are left out: they would tip Italian,
# Spanish or Indonesian posts.
_HINDI_LATIN = frozenset(
    {
        *("hai", "hain", "kya", "kyu", "kyun", "kaise", "nahi", "nhi", "nahin", "mein", "mera", "meri", "mere"),
        *("karta", "karti", "karte", "karega", "karegi", "kar", "raha", "rha", "rahi", "rhi", "hoga", "hogi"),
        *("tha", "thi", "bhi", "aur", "yeh", "liya", "wala", "wali", "chahiye", "sakta", "sakte", "sakti"),
        *("kaam", "chalega", "chalta", "milega", "milta", "wapas", "abhi", "kuch", "kab", "kaun", "kitna"),
    }
)


# Polish words of phone talk below wordfreq's 150 most frequent ("czy działa w orange?", "z chin"),
# as folded: the verbs of working and of buying or bringing a phone.
_POLISH_PHONE_TALK = frozenset(
    {"dziala", "dzialac", "dzialal", "dzialala", "zadziala", "bedzie", "kupilem", "kupilam", "kupiony"}
    | {"kupiona", "sprowadzony", "sprowadzona", "sprowadzilem", "sprowadzilam"}
)


# The languages a question's words are told by: the judged ones but English, Hindi, and Filipino
# ("pwede ba ang pixel 8 pro sa smart?": "sa" alone read French), and Polish, Dutch and Turkish, whose
# networks share names with others ("t-mobile", "vodafone", "orange").
_SHARED_NAMES = ("pl", "nl", "tr")
_GUESSED = (*LANGUAGES[1:], "hi", "fil", *_SHARED_NAMES)


def _marks(lang: str) -> frozenset[str]:
    loaded = _loaded_words.get(lang)
    if loaded is not None:
        return loaded
    if lang == "fil":
        # Filipino's words that no other language read here has ("ang", "ba", "mga", "po"): its "na"
        # and "sa" are Portuguese's and French's too, and no word list weighs Filipino against them
        return _function_words(lang) - frozenset().union(*(_marks(o) for o in _GUESSED if o != "fil"))
    if lang == "pl":
        return _function_words(lang) | _POLISH_PHONE_TALK
    return _HINDI_LATIN if lang == "hi" else _function_words(lang)


# The words that tell languages apart, as the index a process loaded carries them (`use_language_words`):
# reading them from wordfreq's lists costs a repeated `devicebot ask` 30 ms of its 0.25 s.
_loaded_words: dict[str, frozenset[str]] = {}


def language_words() -> dict[str, frozenset[str]]:
    """Each guessed language's function words, and English's most frequent words (as "en"), for an
    index to carry to its readers."""
    return {**{lang: _marks(lang) for lang in _GUESSED}, "en": _english_words()}


def use_language_words(tables: dict[str, frozenset[str]]) -> None:
    """Tell languages apart with a loaded index's tables (`language_words`) instead of wordfreq's lists."""
    if not _loaded_words:
        _loaded_words.update(tables)


def guess_language(words: list[str]) -> str | None:
    """The language of a question from its function words ("funciona na vivo no brasil" is pt), or
    None when it reads as English or nothing tells."""
    best, best_count = None, 0
    english = _english_words()
    no_english = not any(w in english for w in words)
    tied: list[str] = []
    said = set(words)
    for lang in _GUESSED:
        marks = _marks(lang)
        if marks.isdisjoint(said):
            continue  # (most languages, told in one C loop: a long post's words are hundreds)
        found = [w for w in words if w in marks]
        # Two-letter words ("eu", "os", "ai") are English abbreviations too: one longer word must agree,
        # unless no English word is there at all ("o galaxy s25 funciona na claro"); and a long post
        # needs more of them than a stray few.
        if (any(len(w) > 2 for w in found) or no_english) and len(found) >= best_count and found:
            if len(found) > best_count:
                tied = []
            best, best_count = lang, len(found)
            tied.append(lang)
    if len(tied) > 1 and any(lang not in _SHARED_NAMES for lang in tied):
        # "o pixel 9 pega 5g da vivo?": "o" and "da" are Turkish words too, but Polish, Dutch and
        # Turkish are read only where they alone tell
        tied = [lang for lang in tied if lang not in _SHARED_NAMES]
        best = tied[0]
    if len(tied) > 1:
        if any(lang not in _JUDGED for lang in tied):
            return None  # "galaxy s24 di telkomsel?": "di" is Indonesian and Italian, and no list weighs the first
        # "la versione cinese dello xiaomi funziona con tim": "la" and "con" are Spanish and Italian
        # alike; the other words are far more frequent in Italian.
        best = max(tied, key=lambda lang: _weight(words, lang))
    # "I have jio sim that jio SIM not working": two Portuguese words ("sim" is yes) among many more
    # English ones are phone talk in an English post.
    if best_count and sum(w in english for w in words) > 2 * best_count:
        return None
    if best_count >= max(2, len(words) / 15):
        return best
    # A short question with no English in it may carry one function word of one language only ("pixel
    # 9 funciona na claro?"): that is its language.
    if best is not None and best_count == 1 and no_english and len(words) <= 10:
        marked = {w for w in words if w in _marks(best)}
        if best in _SHARED_NAMES and all(len(w) < 3 for w in marked):
            return None  # "cocok buat indosat ga?" is Indonesian, though "ga" is Dutch too
        if best not in ("fil", "pt", "es") and all(len(w) < 3 for w in marked) and marked & _function_words("fil"):
            # "pixel 8 sa dito": Filipino "sa" (on) as much as French "sa" (his); but a lone "na" or
            # "no" is Portuguese's in this product's questions ("pega 5g na tim?")
            return None
        shared = [other for other in _GUESSED if other != best and marked & _marks(other)]
        if best not in _SHARED_NAMES:
            shared = [other for other in shared if other not in _SHARED_NAMES]
        if not shared:
            return best
        # "o pixel 8a pega 5g da claro?": "da" is Portuguese and Italian alike; "pega" is Portuguese only.
        if any(lang not in _JUDGED for lang in (best, *shared)):
            return None
        ranked = sorted((best, *shared), key=lambda lang: _weight(words, lang), reverse=True)
        if _weight(words, ranked[0]) - _weight(words, ranked[1]) >= _CLEAR_LEAD:
            return ranked[0]
    return None


# How much more a short question's words must weigh in one language than in the next (Zipf, summed):
# one content word of that language's own ("pega": 4.6 in Portuguese, none in Italian).
_CLEAR_LEAD = 3.0


def _weight(words: list[str], lang: str) -> float:
    """How much the words read as the language: their Zipf frequencies in it, summed."""
    if lang not in _JUDGED:
        return 0.0
    at = _JUDGED.index(lang)
    return sum(frequencies(w)[at] for w in words if w.isalpha())


def _english_words() -> frozenset[str]:
    """English's most frequent words of two letters or more ("is", "on", "the", "will")."""
    return _loaded_words.get("en") or _english_from_lists()


@cache
def _english_from_lists() -> frozenset[str]:
    return frozenset(w for w in wordlists.top_n_list("en", 150) if len(w) > 1)
