"""The labelled question set (tests/data/questions) read by the engine over the shipped knowledge:
the held-out part must stay above its floor, and no answer may name a wrong phone."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench import understanding

QUESTIONS = Path(__file__).parent / "data" / "questions"
# Held-out share read right when the floor was set (2026-12-06, seventh time): 56.0 % of 275 items. The
# floor sits a few items below it; raise it as the reading improves, never lower it to make a change pass.
# (It was 0.65 over 135 items, 0.63 over 195, 0.58 over 225 and 0.56 over 248; those 248 read 144 now,
# 58.1 %, up from 143. Fresh posts joined the held-out part batch by batch, first scored at 60 %, 50 %,
# 17 % (12e: mostly news articles), 30 % (12g, 23 posts; its one wrong phone was fixed with a general
# rule, the only change made after seeing it) and 37 % (12j, 27 posts, no wrong phone, nothing changed
# for it), so the share of the larger set is lower. On the eighth session's night the 275 read 156,
# 56.7 %, and 12l joined them: 21 posts, first scored 48 %, making 166 of 296, 56.1 %. On 2026-12-07
# (ninth session) the 296 read 168, 56.8 %, and two fresh batches joined: 12m, 30 GitHub issues, first
# scored 53 %, and 12n, 29 posts in eleven languages, first scored 34 % with one wrong phone (fixed by
# a general rule, the only change made after seeing it): 195 of 355, 54.9 %. The floor moved from 0.55
# to 0.53 for the harder posts that joined, not for a change in the reading: the old 296 gained. 12o
# joined last, 20 posts scored once after the session's changes: 11, making 207 of 375, 55.2 %. On
# 2026-12-07 (tenth session) the 375 read 212, 56.5 %; 12p (25 posts, first scored 60 %, no wrong
# phone) and 12q (26 GitHub issues and readers' letters, first scored 31 % with one wrong phone,
# fixed by a general rule) joined: 236 of 426, 55.4 %. The floor rises to 0.54. On 2026-12-07
# (eleventh session) 12r and 12s joined: 264 of 484, 54.5 %. In the twelfth session the 484 read 271,
# 56.0 % (but the changes were found among held-out misses this time, so that gain is no clean
# measure); 12t (27 GitHub issues and pages, first scored 37 %; three general rules came from its
# misses) and 12u (29 news pieces and blogs,
# 23 not in English, first scored 10 % with two wrong phones, both fixed by general rules, the only
# changes made after seeing it) joined: 286 of 540, 53.0 %. The floor moves to 0.52 for the harder
# posts that joined, not for a change in the reading: the old 484 gained. Later that session the 540
# read 287; 12x (27 posts, first scored 7/27, 26 %, two wrong phones) and 12y (25 posts, 23 not in
# English, first scored 9/25, 36 %, two wrong phones), collected after most of the session's changes,
# joined once their wrong phones were fixed by general rules (the only changes made after seeing
# them): 306 of 592, 51.7 %. The floor moves to 0.51, for the posts that joined, not for the reading.
# 12aa (25 posts, 18 not in English, collected and scored once after all of the session's changes:
# 10/25, 40 %, no wrong phone, nothing changed for it) joined last: 316 of 617, 51.2 %. In the
# thirteenth session (changes found by helpers' probes of chat phrasings, none by reading held-out
# posts; one, "my U.S. mobile phone", was seen in a diff before the rule was written) the 617 read
# 322; 12ab (27 posts, 22 not in English, mostly blogs, collected and scored once after the
# session's changes: 8/27, 30 %, no wrong phone, nothing changed for it) joined: 330 of 644, 51.2 %.
# The fourteenth session's probes took the 644 to 333. In the fifteenth, 12ac (27 posts, mostly
# English blogs and trouble reports, collected by a helper who had not seen the bot) was scored once
# before any change it caused: 8/27, 30 %, two wrong phones (a "la versión Pro" and an "il mio Mi A1",
# each fixed by a general rule: a model word beside a word of versions; the asker's old phone gives
# way) and joined: 341 of 671, 50.8 %. The floor moves to 0.50, for the posts that joined. In the
# sixteenth, the 671 read 345; 12ad (17 posts, GitHub issues and forum replies, three in Chinese,
# collected by a helper who had not seen the bot) was scored once before any change it caused: 7/17,
# 41 %, no wrong phone, and joined: 352 of 688, 51.2 %. In the eighteenth, the 688 read 360; 12ae
# (70 English GitHub issues and forum posts) and 12af (70 posts in 14 other languages), collected by
# helpers who had not seen the bot, were scored once before any change they caused: 12ae 36/70 (its
# held-out half 14/35), no wrong phone; 12af 28/70 (15/35), two wrong phones ("HTC One (M7 und auch
# M8)" read as the POCO M8 5G, "a 22 quilômetros" as the Galaxy A22), each fixed by a general rule,
# the only changes made after seeing them; they joined: 388 of 758, 51.2 %.)
HELDOUT_READ_RIGHT_FLOOR = 0.50


@pytest.fixture(scope="module")
def results() -> list[tuple[understanding.Item, dict, dict]]:  # type: ignore[type-arg]
    return understanding.run(understanding.load([QUESTIONS]))


def test_the_set_is_big_enough_and_mostly_real(results: list) -> None:  # type: ignore[type-arg]
    items = [item for item, _got, _verdict in results]
    assert len(items) >= 300
    real = [i for i in items if i.real]
    assert len(real) >= 150 and all(i.url and i.url.startswith(("http://", "https://")) for i in real)
    assert sum(i.split == "heldout" for i in items) >= 80


def test_no_answer_names_a_wrong_phone(results: list) -> None:  # type: ignore[type-arg]
    wrong = [(item.file, item.q[:80], got["device"]) for item, got, verdict in results if verdict["wrong_phone"]]
    assert wrong == []


def test_the_held_out_questions_are_read_right_above_the_floor(results: list) -> None:  # type: ignore[type-arg]
    heldout = [verdict for item, _got, verdict in results if item.split == "heldout"]
    share = sum(v["read_right"] for v in heldout) / len(heldout)
    assert share >= HELDOUT_READ_RIGHT_FLOOR, f"held-out read right {share:.1%} < floor {HELDOUT_READ_RIGHT_FLOOR:.0%}"


PROBES = Path(__file__).parent / "data" / "probes"
# Wrong phones the probes still give (tests/data/probes/README.md): lower it as they are fixed.
PROBE_WRONG_PHONES = 2


def test_the_probes_give_no_more_wrong_phones_than_before() -> None:
    results = understanding.run(understanding.load([PROBES]))
    wrong = [item.q[:80] for item, _got, verdict in results if verdict["wrong_phone"]]
    assert len(wrong) <= PROBE_WRONG_PHONES, wrong


def test_a_label_error_names_the_item(tmp_path: Path) -> None:
    bad = tmp_path / "real-bad.yaml"
    bad.write_text('- q: "pixel 8 on tmo"\n  split: dev\n  expect: {intent: compatibility}\n', encoding="utf-8")
    with pytest.raises(understanding.LabelError, match=r"real-bad.yaml\[0\]: a real post needs its 'url'"):
        understanding.load([bad])


def test_a_saved_run_lists_the_items_read_differently(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    items = tmp_path / "styles-two.yaml"
    items.write_text(
        '- q: "pixel 8 on tmo?"\n  split: dev\n  expect: {device: pixel-8, phone: Pixel 8, country: US,'
        " carrier: tmobile-us, intent: compatibility}\n"
        '- q: "is the pixel 9 sold in india?"\n  split: dev\n  expect: {device: pixel-9, phone: Pixel 9,'
        " country: IN, intent: availability}\n",
        encoding="utf-8",
    )
    saved = tmp_path / "run.json"
    assert understanding.main([str(items), "--save", str(saved)]) == 0
    capsys.readouterr()
    # Nothing changed: nothing listed
    assert understanding.main([str(items), "--against", str(saved)]) == 0
    assert "was:" not in capsys.readouterr().out
    # A saved run that read the first item otherwise: that item, marked as gained
    before = json.loads(saved.read_text(encoding="utf-8"))
    before[0]["read"]["carrier"], before[0]["read_right"] = "verizon-us", False
    saved.write_text(json.dumps(before), encoding="utf-8")
    assert understanding.main([str(items), "--against", str(saved)]) == 0
    out = capsys.readouterr().out
    assert "GAINED [styles-two.yaml dev] 'pixel 8 on tmo?'" in out and "'carrier': 'verizon-us'" in out
    assert "pixel 9" not in out
