"""wordfreq's lists as read straight from its files are the lists wordfreq itself gives."""

from __future__ import annotations

import wordfreq

from bot.matching import wordlists
from bot.matching.everyday import LANGUAGES


def test_the_lists_read_from_the_files_are_wordfreq_s() -> None:
    for lang in LANGUAGES:
        assert wordlists.frequency_dict(lang) == wordfreq.get_frequency_dict(lang, wordlist="small")
        for n in (150, 400):
            assert wordlists.top_n_list(lang, n) == wordfreq.top_n_list(lang, n, wordlist="small")
