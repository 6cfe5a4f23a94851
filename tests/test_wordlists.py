"""wordfreq's lists as read straight from its files are the lists wordfreq itself gives."""

from __future__ import annotations

import math
import pickle

import wordfreq

from bot.matching import everyday, wordlists
from bot.matching.everyday import LANGUAGES


def test_the_lists_read_from_the_files_are_wordfreq_s() -> None:
    for lang in LANGUAGES:
        assert wordlists.frequency_dict(lang) == wordfreq.get_frequency_dict(lang, wordlist="small")
        for n in (150, 400):
            assert wordlists.top_n_list(lang, n) == wordfreq.top_n_list(lang, n, wordlist="small")


def test_the_flat_table_an_index_carries_gives_every_word_s_frequencies() -> None:
    """What a reader of a snapshot answers `everyday.frequencies` from (`everyday.use`), word for word
    the numbers read from the lists, and nothing for a word no list has."""
    table = pickle.loads(pickle.dumps(everyday.word_table()))
    lists = [wordlists.frequency_dict(lang) for lang in everyday.LANGUAGES[:-1]]
    words = set().union(*lists)
    assert len(table) == len(words)
    for word in words:
        expected = tuple(round(math.log10(t[word]) + 9, 2) if word in t else 0.0 for t in lists)
        assert table.get(word) == expected, word
    assert table.get("zzqxv") is None and table.get("") is None


def test_an_index_carries_the_words_that_tell_languages_apart(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A reader of a snapshot guesses a question's language from the index's tables (`everyday.
    language_words`), reading none of wordfreq's lists: the same words as read from the lists."""
    carried = pickle.loads(pickle.dumps(everyday.language_words()))
    assert carried["pt"] == everyday._function_words("pt") and "na" in carried["pt"]
    assert "the" in carried["en"]
    monkeypatch.setattr(everyday, "_loaded_words", {})
    everyday.use_language_words(carried)

    def unread(*_args: object) -> None:
        raise AssertionError("a word list was read")

    monkeypatch.setattr(wordlists, "top_n_list", unread)
    everyday._function_words.cache_clear()
    everyday._english_from_lists.cache_clear()
    assert everyday.guess_language(["o", "pixel", "funciona", "na", "claro"]) == "pt"
