"""Reading real-world phrasings: everyday words, places and their roles, carriers in their country,
model numbers in any form, other languages, long posts and follow-ups (bot/matching/*)."""

from __future__ import annotations

import pytest
from conftest import carrier, device, knowledge, variant, vendor
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.matching import Index, cities
from bot.matching.everyday import guess_language, is_everyday
from bot.matching.tokens import blank_noise

K = knowledge(
    vendors=[
        vendor("google", "Google", "pixel"),
        vendor("samsung", "Samsung", "galaxy"),
        vendor("xiaomi", "Xiaomi", "mi", "redmi", "小米"),
        vendor("apple", "Apple", "iphone"),
        vendor("oneplus", "OnePlus"),
    ],
    devices=[
        device("pixel-9", "google", "Pixel 9", variant("p9", lte=[2, 4])),
        device("pixel-9-pro-fold", "google", "Pixel 9 Pro Fold", variant("p9f", lte=[2, 4])),
        device("pixel-8", "google", "Pixel 8", variant("p8", lte=[2, 4])),
        device("pixel-5", "google", "Pixel 5", variant("p5", lte=[2, 4])),
        device("oneplus-8", "oneplus", "OnePlus 8", variant("op8", lte=[2, 4])),
        device("oneplus-8t", "oneplus", "OnePlus 8T", variant("op8t", lte=[2, 4])),
        device(
            "galaxy-s24",
            "samsung",
            "Galaxy S24",
            variant("s24-us", "US unlocked", ("SM-S921U1",), lte=[2, 4, 12]),
            variant("s24-us-carrier", "US carrier", ("SM-S921U",), lte=[2, 4, 12]),
            variant("s24-intl", "International", ("SM-S921B",), lte=[1, 3, 20]),
        ),
        device("galaxy-s24-ultra", "samsung", "Galaxy S24 Ultra", variant("s24u", "International", ("SM-S928B",))),
        device("galaxy-note20", "samsung", "Galaxy Note20", variant("n20", "International", ("SM-N981B",))),
        device(
            "xiaomi-14",
            "xiaomi",
            "Xiaomi 14",
            variant("x14g", "Global", ("23127PN0CG",), lte=[1, 3, 7]),
            variant("x14c", "China", ("23127PN0CC",), lte=[1, 3, 41]),
        ),
        device(
            "iphone-16",
            "apple",
            "iPhone 16",
            variant("i16-us", "United States", ("A3081",), lte=[2, 4]),
            variant("i16-cn", "China mainland, Hong Kong", ("A3288",), lte=[1, 3]),
        ),
    ],
    carriers=[
        carrier("tmobile-us", "US", "T-Mobile", "tmo", "t-mobile", "sprint", lte=([2, 4, 12, 66, 71], [])),
        carrier("verizon-us", "US", "Verizon", "vzw", lte=([2, 4, 13], [])),
        carrier("att-us", "US", "AT&T", "att", lte=([2, 4, 12], [])),
        carrier("ultra-us", "US", "Ultra Mobile", "ultra", mvno_of="tmobile-us"),
        carrier("mint-us", "US", "Mint Mobile", "mint", mvno_of="tmobile-us"),
        carrier("google-fi-us", "US", "Google Fi", "fi", mvno_of="tmobile-us"),
        carrier("att-mx", "MX", "AT&T México", "at&t mexico", "att mexico", lte=([2, 4, 7], [])),
        carrier("telcel-mx", "MX", "Telcel", lte=([2, 4, 7], [])),
        carrier("telekom-de", "DE", "Telekom Deutschland", "telekom", "t-mobile", lte=([1, 3, 20], [])),
        carrier("o2-de", "DE", "O2 Germany", "o2", lte=([1, 3, 20], [])),
        carrier("o2-gb", "GB", "O2 UK", "o2", lte=([1, 3, 20], [])),
        carrier("vodafone-de", "DE", "Vodafone Germany", "vodafone", "vodafone germany", lte=([1, 3, 20], [])),
        carrier("vodafone-es", "ES", "Vodafone España", "vodafone", "vodafone spain", lte=([1, 3, 20], [])),
        carrier("dito-ph", "PH", "DITO Telecommunity", "dito", lte=([1, 3, 28], [])),
        carrier("play-pl", "PL", "Play", lte=([1, 3, 20], [])),
        carrier("plus-pl", "PL", "Plus", "plusie", lte=([1, 3, 20], [])),
        carrier("bell-ca", "CA", "Bell Mobility", "bell", lte=([2, 4, 12], [])),
        carrier("vivo-br", "BR", "Vivo", "vivo", lte=([3, 7, 28], [])),
        carrier("jio-in", "IN", "Jio", "jio", lte=([3, 5, 40], [])),
        carrier("china-telecom-cn", "CN", "China Telecom", "中国电信", "电信", lte=([1, 3, 5], [])),
        carrier("viettel-vn", "VN", "Viettel", lte=([1, 3], [])),
        carrier("xl-id", "ID", "XL Axiata", "xl", lte=([1, 3, 8], [])),
        carrier("telkomsel-id", "ID", "Telkomsel", lte=([1, 3, 8], [])),
        carrier("bouygues-fr", "FR", "Bouygues Telecom", "bouygues", "bytel", lte=([3, 7, 20], [])),
    ],
)
INDEX = Index(K)


def read(question: str, after: str | None = None):  # type: ignore[no-untyped-def]
    return INDEX.analyze(question, INDEX.analyze(after) if after else None)


# -- everyday words (bot/matching/everyday.py) ------------------------------------------------------


@pytest.mark.parametrize(("word", "everyday"), [("three", True), ("mint", True), ("sold", True), ("vivo", True)])
def test_everyday_words_come_from_frequency_data(word: str, everyday: bool) -> None:
    assert is_everyday(word) is everyday


@pytest.mark.parametrize("brand", ["samsung", "google", "xiaomi", "redmi", "jio"])
def test_brands_frequent_everywhere_are_not_everyday_words(brand: str) -> None:
    assert not is_everyday(brand)


@pytest.mark.parametrize(
    ("words", "lang"),
    [
        (["funciona", "na", "vivo", "no", "brasil", "o", "xiaomi"], "pt"),
        (["funktioniert", "das", "handy", "bei", "der", "telekom"], "de"),
        (["il", "telefono", "funziona", "con", "tim", "in", "italia"], "it"),
        (["does", "the", "pixel", "work", "in", "the", "us"], None),
        # "sim" is Portuguese for yes; among many English words it is phone talk
        (["i", "have", "a", "then", "i", "have", "sim", "that", "sim", "not", "working"], None),
        (["china", "telecom", "sim", "card", "no", "service", "sim", "card", "should", "work"], None),
        # "di" is Indonesian and Italian, and no word list weighs Indonesian against Italian
        (["galaxy", "s", "24", "di", "telkomsel"], None),
        # words with accents, folded as a question's are: "también", "aquí" are Spanish, not Portuguese
        (["tambien", "funciona", "aqui"], "es"),
        # a lone "sa" is Filipino (on) as much as French (his); a lone "na" stays Portuguese
        (["sa"], None),
        (["pega", "5g", "na"], "pt"),
        (["czy", "to", "bedzie", "dzialac", "w", "polsce"], "pl"),
    ],
)
def test_the_language_of_a_question(words: list[str], lang: str | None) -> None:
    assert guess_language(words) == lang


# -- everyday words are not names (bot/matching/mentions.py) ---------------------------------------


@pytest.mark.parametrize(
    ("question", "origin", "country", "network"),
    [
        ("iphone 16 z usa w play", "US", "PL", "play-pl"),  # "z" after the phone: from
        ("xiaomi 14 sprowadzony z chin, czy działa w plusie?", "CN", "PL", "plus-pl"),
        ("galaxy s24 kupiony w niemczech", "DE", "PL", None),  # asked in Polish: used in Poland
    ],
)
def test_polish_origins_and_places(question: str, origin: str, country: str, network: str | None) -> None:
    result = read(question)
    assert (result.origin, result.country, result.carriers[:1]) == (origin, country, (network,) if network else ())


def test_a_polish_case_form_that_is_an_english_word_needs_its_cue() -> None:
    assert read("pixel 9 held under my chin on verizon").country == "US"


@pytest.mark.parametrize(
    ("question", "phone"),
    [
        ("Siendo el hermano mayor del Galaxy S24, la versión Ultra no se venderá en España", "galaxy-s24-ultra"),
        ("galaxy s24 on verizon, or the ultra model?", "galaxy-s24-ultra"),
        ("galaxy s24 on verizon, not the ultra model", "galaxy-s24"),
        ("pixel 8, the pro version on verizon", "pixel-8"),  # a Pixel 8 Pro we do not know: the phone named
    ],
)
def test_a_model_word_beside_a_word_of_versions_names_that_model(question: str, phone: str) -> None:
    assert read(question).device == phone


def test_an_everyday_word_ending_the_maker_s_names_makes_another_model_before_a_network() -> None:
    index = Index(
        knowledge(
            vendors=[vendor("samsung", "Samsung", "galaxy")],
            devices=[
                device("galaxy-a03-core", "samsung", "Galaxy A03 Core", variant("a03c", lte=[3])),
                device("galaxy-a04", "samsung", "Galaxy A04", variant("a04", lte=[3])),
            ],
            carriers=[carrier("glo-ng", "NG", "Glo", "glo", lte=([3], []))],
        )
    )
    # a Galaxy A04 Core we do not know is no A04; but "core features" are the A04's
    assert index.analyze("galaxy a04 core glo").device is None
    assert index.analyze("galaxy a04 core on glo").device is None
    assert index.analyze("galaxy a04 core features on glo").device == "galaxy-a04"


@pytest.mark.parametrize(
    ("question", "phone"),
    [
        ("My current phone is a Pixel 8. Would the Galaxy S24 work on Verizon?", "galaxy-s24"),
        ("Picked up a Galaxy S24 (was on a Pixel 9 before). Does it work on Verizon?", "galaxy-s24"),
        ("pixel 5 -> pixel 8 -> pixel 9. verizon. will the 9 work?", "pixel-9"),
        ("Mein altes Handy war ein iPhone 16. Funktioniert das Galaxy S24 bei O2?", "galaxy-s24"),
        ("my old pixel 8 vs the new pixel 9 on verizon", "pixel-9"),
        # alone, the old phone is the question
        ("my old pixel 8 on verizon?", "pixel-8"),
        ("I had a Pixel 9 on Verizon, will it work on AT&T?", "pixel-9"),
    ],
)
def test_the_asker_s_old_phone_gives_way_to_the_one_asked_about(question: str, phone: str) -> None:
    assert read(question).device == phone


def test_the_old_phone_gives_way_to_a_phone_we_do_not_know() -> None:
    result = read("Has anyone used the Xiaomi 19 Ultra on Verizon? My current phone is a Pixel 8.")
    assert (result.device, result.vendor) == (None, "xiaomi")


@pytest.mark.parametrize(
    "question",
    [
        "My current phone is a Pixel 8. Would the Xiaomi 19 Ultra work on Verizon?",
        "Anyone tried the Xiaomi 19 Ultra on Verizon? I'm on a Pixel 8 right now",
    ],
)
def test_the_asker_s_phone_said_first_is_no_maker_or_phone_of_one_we_do_not_know(question: str) -> None:
    result = read(question)
    assert (result.device, result.vendor) == (None, "xiaomi")
    assert "pixel-8" not in {s.id for s in result.suggestions}


def test_the_asker_s_phone_of_today_gives_way_to_a_model_a_question_names() -> None:
    # "the 16e": a model typed with letters and digits, in the sentence that asks
    result = read("Will the 16e work on Verizon? I have a Pixel 8 now")
    assert result.device is None
    assert "pixel-8" not in {s.id for s in result.suggestions}
    # but no other phone asked about, the asker's own is the question (a band is no model)
    assert read("I have a Pixel 8. Will it work on Verizon?").device == "pixel-8"
    assert read("I have a Pixel 8. Does the b41 work on Verizon?").device == "pixel-8"
    assert read("Will the Galaxy S24 work on Verizon? I'm on a Pixel 8").device == "galaxy-s24"


def test_someone_else_s_phone_told_of_apart_gives_way_to_the_one_asked_about() -> None:
    post = "Galaxy S24. Verizon. Works? My wife's Pixel 8 works fine on the same plan."
    assert read(post).device == "galaxy-s24"
    # asked of, or asked of beside the asker's own, it is the question
    assert read("will my wife's pixel 8 work on verizon").device == "pixel-8"
    both = read("my wife's galaxy s24 and my pixel 8, both on verizon, which is better?")
    assert {s.id for s in both.suggestions} == {"galaxy-s24", "pixel-8"}


@pytest.mark.parametrize(
    "question",
    [
        "pixel 8 cua minh khong co volte verizon, may cu galaxy s24 thi co",  # Vietnamese "máy cũ"
        "pixel 8 verizon'da volte yok. Eski telefonum Galaxy S24'de vardı",  # Turkish "eski"
        "mi pixel 8 no tiene volte con verizon, en el galaxy s24 de mi esposa si funciona",
        "my wifes galaxy s24 gets 5g on verizon but my pixel 8 doesnt",
        "pixel 8 keeps losing signal on verizon, my galaxy s24 with same sim is fine",
    ],
)
def test_an_old_or_someone_else_s_phone_in_other_words_gives_way(question: str) -> None:
    assert read(question).device == "pixel-8"


@pytest.mark.parametrize(
    ("question", "phone"),
    [
        ("instead of the galaxy s24 im getting the pixel 9, will it work on verizon", "pixel-9"),
        ("en vez del galaxy s24 voy a comprar el pixel 9, ¿funciona con telcel?", "pixel-9"),
        ("j'ai acheté le pixel 9 au lieu du galaxy s24, il marche chez bouygues?", "pixel-9"),
        # "vez" and "lieu" alone are other words ("dessa vez", Vietnamese "liệu")
        ("dessa vez o pixel 9 funciona na vivo?", "pixel-9"),
    ],
)
def test_the_phone_not_chosen_gives_way(question: str, phone: str) -> None:
    assert read(question).device == phone


@pytest.mark.parametrize(
    "question",
    [
        "pixel 8 jest oficjalnie w polsce?",
        "pixel 8 se vinde in romania?",
        "чи продається pixel 8 в україні",
        # and of a release, in more languages
        "le pixel 8 est sorti en belgique ?",
        "è uscito in italia il pixel 8?",
        "pixel 8 bila masuk malaysia?",
        "may labas na ba ng pixel 8 dito sa pinas?",
        "Pixel 8 在台湾有正式卖吗?",
        "Pixel 8 มีขายในไทยแบบทางการไหม",
    ],
)
def test_sale_words_of_eastern_europe(question: str) -> None:
    assert read(question).intent == "availability"


def test_a_question_of_every_phone_told_of_keeps_them_all() -> None:
    post = "my family: mom galaxy s24, dad iphone 16, me pixel 8. all on tmobile, will they work on mint?"
    assert {s.id for s in read(post).suggestions} == {"galaxy-s24", "iphone-16", "pixel-8"}


@pytest.mark.parametrize(
    ("question", "phone"),
    [
        # a phone handed to the asker is theirs now, the giver's new one is told of
        ("my sister gave me her galaxy s24 since she got a pixel 9. will it work on verizon?", "galaxy-s24"),
        ("my dad gave me his old pixel 8 since he got a galaxy s24. does it work on verizon?", "pixel-8"),
        ("mi hermana me dio su galaxy s24 y ella tiene un pixel 9. ¿funciona con verizon?", "galaxy-s24"),
        # someone else's phone by a pronoun; Spanish "he" is "I have", not "he"
        ("his pixel 8 works on verizon. will my galaxy s24 work too?", "galaxy-s24"),
        ("me he pillado un galaxy s24 y mi hermano tiene un pixel 8. ¿funciona con verizon?", "galaxy-s24"),
        # a maker's word in the sentence that asks points back to the phone named before it there
        ("she has a pixel 8 and i have a galaxy s24, will her pixel work on verizon?", "pixel-8"),
    ],
)
def test_whose_phone_it_is_now(question: str, phone: str) -> None:
    assert read(question).device == phone


SHORT = Index(
    knowledge(
        vendors=[vendor("oneplus", "OnePlus", "1+"), vendor("google", "Google", "pixel")],
        devices=[
            device("oneplus-12", "oneplus", "OnePlus 12", variant("op12", lte=[2, 4])),
            device("oneplus-2", "oneplus", "OnePlus 2", variant("op2", lte=[2, 4])),
            device("pixel-8", "google", "Pixel 8", variant("p8", lte=[2, 4])),
        ],
        carriers=[carrier("verizon-us", "US", "Verizon", "vzw", lte=([2, 4, 13], []))],
    )
)


@pytest.mark.parametrize(
    ("question", "phone", "maker"),
    [
        ("1+12 on verizon?", "oneplus-12", "oneplus"),
        ("is the 1+ 12 any good on vzw", "oneplus-12", "oneplus"),
        # a model we do not know: the maker, not another maker's phone
        ("VoLTE on Verizon does not work on my 1+3 device. It works on my Pixel.", None, "oneplus"),
        # sums: of bands, of hours
        ("my phone does CA 1+2 on verizon, pixel 8 too?", "pixel-8", "google"),
        ("band combo 1+2+4 on verizon", None, None),
        ("waited 1+ hours for signal on verizon", None, None),
    ],
)
def test_a_maker_s_shorthand_that_begins_with_a_number(question: str, phone: str | None, maker: str | None) -> None:
    result = SHORT.analyze(question)
    assert (result.device, result.vendor) == (phone, maker)


@pytest.mark.parametrize(
    ("question", "phone"),
    [
        # the one of the phones compared that a later sentence names again: whole, by a word of it
        # with its number, or by its maker's word
        ("galaxy s24 or pixel 9? gonna get the galaxy s24. does it have 5g on verizon?", "galaxy-s24"),
        ("between the oneplus 8t and pixel 8, i'll get the 8t. does the 8t work on verizon?", "oneplus-8t"),
        ("pixel 9 vs iphone 16. the pixel looks sick. does it work on t-mobile?", "pixel-9"),
        # or one we do not know: no other phone of the comparison
        ("redmi k40 gaming or pixel 9? getting the k40 gaming. does it work on verizon?", None),
        ("used s21+ or new galaxy s24? i'll go s21+ if it works on verizon. does it?", None),
        # a number after a word of phones' names is a model's ("note 40", "oneplus 9")
        ("redmi note 40 used vs new galaxy s24. want the note 40, does it work on verizon?", None),
        ("oneplus 8 or oneplus 9? 9 is newer, i'll get that. verizon compatible?", None),
    ],
)
def test_the_one_chosen_among_the_phones_compared(question: str, phone: str | None) -> None:
    result = read(question)
    assert result.device == phone
    if phone is None:
        assert not {s.id for s in result.suggestions} & {"pixel-9", "galaxy-s24"}


def test_no_phone_is_chosen_when_later_sentences_name_both_or_another() -> None:
    both = read("galaxy s24 or pixel 9? the pixel 9 camera is better but the s24 is cheaper. verizon?")
    assert both.device is None
    assert read("galaxy s24 or pixel 9? my wife has a pixel 8. will they work on verizon?").device is None


def test_vietnamese_cu_after_a_phone_is_used_not_old() -> None:
    # "a used pixel 8 or a new galaxy s24?": both offered, neither the asker's old phone
    result = read("nên mua pixel 8 cũ hay galaxy s24 mới?")
    assert (result.device, {s.id for s in result.suggestions}) == (None, {"pixel-8", "galaxy-s24"})


def test_the_phone_in_trouble_with_the_same_sim_is_not_set_aside() -> None:
    # "the same SIM" beside a phone that works sets it aside; beside one in trouble it does not
    post = "pixel 8 works with verizon, but on my galaxy s24 the same sim shows no signal"
    assert read(post).device != "pixel-8"
    # Indonesian says whose after the name: "galaxy s24 istri saya" is the wife's
    assert read("pixel 8 ga dapet VoLTE telkomsel, padahal di galaxy s24 istri saya bisa").device == "pixel-8"


@pytest.mark.parametrize(
    ("question", "phone"),
    [
        ("VoLTE works on my pixel 8 but not on my galaxy s24 with the same verizon sim", "galaxy-s24"),
        ("iphone 16 on verizon no 5G, pixel 8 works", "iphone-16"),
        ("我的 Pixel 8 有 5G，iPhone 16 沒有", "iphone-16"),
        ("pixel 8 на verizon без VoLTE, а на galaxy s24 было", "pixel-8"),
    ],
)
def test_of_two_phones_the_one_in_trouble_beside_one_that_works(question: str, phone: str) -> None:
    assert read(question).device == phone


def test_two_phones_with_no_trouble_told_stay_a_question_back() -> None:
    assert read("pixel 8 works on verizon, does the galaxy s24 work too?").device is None


def test_the_old_phone_named_again_alone_in_the_question_is_asked_about() -> None:
    post = "my grandpa uses a galaxy note20 and i want to give him my old pixel 8. will the pixel 8 work on verizon?"
    assert read(post).device == "pixel-8"


def test_someone_else_s_phone_gives_way_to_a_phone_we_do_not_know_named_after_it() -> None:
    post = "my sister has a galaxy s24 and loves it. i'm looking at the oneplus 15 instead. does it work on verizon?"
    result = read(post)
    assert (result.device, result.vendor) == (None, "oneplus")


@pytest.mark.parametrize(
    ("question", "maker"),
    [
        # of two phones we do not know, the maker of the one asked about, and none of the other's offered
        ("i flashed lineage on my old pixel 2. now looking at the oneplus 15, works on verizon?", "oneplus"),
        ("mi papá tiene un pixel 2 y le quiero regalar un oneplus 15. ¿funciona con telcel?", "oneplus"),
        ("у меня был pixel 2, теперь хочу oneplus 15. работает на verizon?", "oneplus"),  # Russian "был"
    ],
)
def test_the_maker_of_the_phone_we_do_not_know_asked_about(question: str, maker: str) -> None:
    result = read(question)
    assert (result.device, result.vendor) == (None, maker)
    assert not [s for s in result.suggestions if s.kind == "device" and s.id.startswith("pixel")]


def test_an_everyday_network_name_before_compatible_or_uses() -> None:
    assert read("pixel 8 mint compatible?").carriers == ("mint-us",)
    assert read("mint uses which network").carriers == ("mint-us",)


def test_vivo_at_a_sentence_s_start_before_in_is_i_live() -> None:
    assert read("Il pixel 8 supporta la banda 20? Vivo in montagna.").carriers == ()
    assert read("Vivo tem 5g no pixel 8?").carriers == ("vivo-br",)


def test_someone_else_s_phone_spoken_of_again_is_no_phone_set_aside() -> None:
    post = "my brother uses a pixel 8 and i have a galaxy s24. his verizon 5g works but volte doesn't. why?"
    assert read(post).device != "galaxy-s24"


def test_someone_else_s_phone_asked_about_is_the_question() -> None:
    post = "I'm on Verizon. My wife has an iPhone 16 and I have a Galaxy S24. Does her iPhone 16 work on Verizon?"
    assert read(post).device == "iphone-16"


@pytest.mark.parametrize(
    "question",
    [
        "upgrading from s24 to s27 ultra on verizon any issues",
        "from galaxy s24 to the galaxy s27, verizon fine?",
        "sold my s24, getting the s27 for verizon, good?",
        "tengo un galaxy s24, el s27 funcionara con verizon?",
        "ich hab ein galaxy s24, geht das s27 ultra bei verizon?",
    ],
)
def test_the_phone_left_gives_way_to_a_model_we_do_not_know(question: str) -> None:
    result = read(question)
    assert result.device is None
    # (a name close to "galaxy s27" may be offered, not the one left because it was named)
    if "galaxy s27" not in question:
        assert "galaxy-s24" not in {s.id for s in result.suggestions}


@pytest.mark.parametrize(
    "question",
    [
        "my pixel 8 is dying, will the pixel 11 be sold in japan?",
        "mein galaxy s24 ist noch gut, aber kommt das galaxy s27 ultra nach österreich?",
        "mere paas galaxy s24 hai, galaxy s27 india me kab aayega?",
        "saya pakai pixel 8, pixel 11 bisa di telkomsel ga nanti?",
        "pixel 8 owner here, will the pixel 11 work on verizon?",  # said after it
        "galaxy s24 kullanıyorum, galaxy s27 türkiye'de satılacak mı?",
    ],
)
def test_the_asker_s_own_phone_gives_way_to_a_model_asked_about_after_it(question: str) -> None:
    assert read(question).device is None


@pytest.mark.parametrize(
    "question",
    [
        "my pixel 8 with tensor g3 on verizon",
        "my pixel 8 on verizon, does it have b41?",
        "my pixel 8 on verizon?",
        "my pixel 8 lost volte with pixel ims, restart 100 times, does it work on verizon?",
    ],
)
def test_the_asker_s_own_phone_with_a_chip_or_a_band_is_the_question(question: str) -> None:
    assert read(question).device == "pixel-8"


@pytest.mark.parametrize(
    "question",
    [
        # every phone we know is told of outside the sentence that asks, which names one we do not know
        "troquei meu galaxy s24 por um pixel 8, mas quero vender o s24. o galaxy s9 ainda funciona na vivo?",
        "i use a pixel 8 now. does the galaxy s9 work on verizon?",
    ],
)
def test_a_model_we_do_not_know_asked_about_beside_phones_only_told_of(question: str) -> None:
    assert read(question).device is None


def test_a_maker_s_word_alone_in_the_question_points_back_to_its_phone() -> None:
    post = "found my old pixel 8 in a drawer, my main is an iphone 16 now. can i use the pixel on verizon?"
    assert read(post).device == "pixel-8"
    # the maker's phone named in the sentence that asks is the question
    assert read("my galaxy s24 on verizon. is samsung better on att?").device == "galaxy-s24"


def test_the_old_phone_gives_way_to_another_maker_asked_about() -> None:
    result = read(
        "my old galaxy s24 is dying. my cousin is selling a xiaomi phantom v fold 2, would it work on verizon?"
    )
    assert (result.device, result.vendor) == (None, "xiaomi")


def test_a_sale_asked_of_a_country_beside_a_network_only_told_of() -> None:
    assert read("my son wants the pixel 8. we're on o2. is it even sold in the uk?").intent == "availability"
    assert read("we're on o2 uk. does the pixel 8 work on o2?").intent == "compatibility"


def test_a_network_s_word_in_the_question_is_no_model() -> None:
    # "Vo5G", "ip68" in the sentence that asks name no phone beside the Pixel 8 told of
    assert read("Pixel 8 here. I wonder if the Vo5G is voice over 5g on verizon?").device == "pixel-8"
    assert read("Pixel 8 here. Is it ip68? works on verizon?").device == "pixel-8"


def test_the_asker_s_phone_named_again_by_its_short_form_is_no_other_model() -> None:
    assert read("tengo un Galaxy S24 y estaba en AT&T. ¿El S24 funciona con Verizon?").device == "galaxy-s24"


def test_a_product_s_chip_is_no_phone() -> None:
    index = Index(
        knowledge(
            vendors=[
                vendor("xiaomi", "Xiaomi", "poco"),
                vendor("apple", "Apple", "iphone"),
                vendor("samsung", "Samsung", "galaxy"),
            ],
            devices=[
                device("poco-m4", "xiaomi", "POCO M4", variant("m4", lte=[3])),
                device("galaxy-a16", "samsung", "Galaxy A16", variant("a16", lte=[3])),
                device("iphone-16", "apple", "iPhone 16", variant("i16", lte=[3])),
            ],
        )
    )
    assert index.analyze("ipad pro m4 vs iphone 16").device == "iphone-16"
    assert index.analyze("ipad 11th gen a16 cellular").device is None
    assert index.analyze("the new ipad with a16 chip").device is None
    assert index.analyze("a16 or m4?").device is None  # (both phones: a question back)
    assert {s.id for s in index.analyze("a16 or m4?").suggestions} == {"galaxy-a16", "poco-m4"}


def test_a_model_word_beside_another_maker_is_that_maker_s() -> None:
    index = Index(
        knowledge(
            vendors=[vendor("oppo", "OPPO"), vendor("samsung", "Samsung", "galaxy")],
            devices=[
                device("oppo-a58", "oppo", "OPPO A58", variant("oa58", lte=[3]), aliases=("a58",)),
                device("galaxy-a57", "samsung", "Galaxy A57", variant("a57", lte=[3])),
            ],
        )
    )
    alone = index.analyze("a58 galaxy")
    assert (alone.device, alone.vendor) == (None, "samsung")
    assert index.analyze("galaxy a57 or a58").device == "galaxy-a57"
    assert index.analyze("a58").device == "oppo-a58"


@pytest.mark.parametrize(
    ("question", "carrier", "origin", "intent"),
    [
        # Vietnamese "cập nhật" is "update", no Japan ("Nhật")
        ("pixel 8 mất volte với viettel sau khi cập nhật", "viettel-vn", None, "compatibility"),
        # a sentence's first word that is a cue, capitalised, is no part of a longer name
        ("beli Pixel 8 dari Jepang. Pakai Telkomsel gak dapet 4G", "telkomsel-id", "JP", "compatibility"),
        ("galaxy s24 não faz ligação pela vivo", "vivo-br", None, "compatibility"),  # "by the"
        ("mi pixel 8 no tiene señal con telcel, lo traje de usa", "telcel-mx", "US", "compatibility"),
        # trouble blamed on an update is still a question of the network named
        ("Pixel 8 says No SIM on Verizon. is it the update?", "verizon-us", None, "compatibility"),
        ("pixel 8 on t-mobile, 5g disappeared after the update", "tmobile-us", None, "compatibility"),
        # trouble told in more languages, after an update
        ("depois da atualização meu pixel 8 parou de pegar volte na vivo", "vivo-br", None, "compatibility"),
        ("pixel 8 lepas update tak dapat 5g kat telkomsel", "telkomsel-id", None, "compatibility"),
        ("mga sis, pixel 8 ko walang 5g sa dito, na-update ko na", "dito-ph", None, "compatibility"),
        ("mijn pixel 8 heeft sinds de update geen bereik meer bij o2 germany", "o2-de", None, "compatibility"),
        ("после обновления мой pixel 8 перестал ловить 4g на o2 germany", "o2-de", None, "compatibility"),
        ("pixel 8 بعد التحديث انقطع الانترنت مع jio", "jio-in", None, "compatibility"),
        ("after the update my pixel 8 keeps showing lte instead of 5g. on vzw", "verizon-us", None, "compatibility"),
        # Cyrillic written with capitals; the flashing of a ROM is the story of the trouble
        ("Нет VoLTE на O2 Germany после обновления pixel 8", "o2-de", None, "compatibility"),
        ("VoLTE on verizon fails after a clean flash on my pixel 8", "verizon-us", None, "compatibility"),
        ("VoLTE XL tidak aktif di pixel 8", "xl-id", None, "compatibility"),  # XL's VoLTE, no Pixel XL
    ],
)
def test_trouble_posts_keep_their_network(question: str, carrier: str, origin: str | None, intent: str) -> None:
    result = read(question)
    assert (result.carriers[:1], result.origin, result.intent) == ((carrier,), origin, intent)
    assert result.country == K.carrier(carrier).country


@pytest.mark.parametrize(
    ("question", "country", "origin", "carrier"),
    [
        # where it came from, by more verbs: brought, bought, sent
        ("tenho um pixel 9 que trouxe dos EUA. funciona na vivo?", "BR", "US", "vivo-br"),
        ("mi papá tiene un pixel 9 que compró en china, ya no le entra la señal de telcel", "MX", "CN", "telcel-mx"),
        ("mi tía me mandó un pixel 9 de méxico. aquí en texas tengo verizon, funciona?", "US", "MX", "verizon-us"),
        # Tagalog "ng" (to) and "binili" (bought), Dutch "van" (of) before a network
        ("uuwi ako ng pinas galing dubai. yung pixel 9 ko na binili sa UAE gagana ba sa dito?", "PH", "AE", "dito-ph"),
        ("we gaan naar spanje. werkt mijn pixel 9 met een simkaart van vodafone daar?", "ES", None, "vodafone-es"),
        # a state or a city after Spanish or Portuguese "en", "em", even when it is an everyday word
    ],
)
def test_where_it_came_from_and_where_it_is_used(question: str, country: str, origin: str | None, carrier: str) -> None:
    result = read(question)
    assert (result.country, result.origin, result.carriers[:1]) == (country, origin, (carrier,))


def test_a_market_after_a_phone_we_do_not_know_is_its_origin() -> None:
    # "Redmi K40 (China)": the model's market, as after a phone we know, not where it is used
    result = read("redmi k40 (china) no 5g on verizon")
    assert (result.device, result.country, result.origin) == (None, "US", "CN")


def test_a_state_after_spanish_en_is_where_it_is_used() -> None:
    assert read("mi pixel 9 en texas funciona?").country == "US"
    assert read("lecę do usa na wakacje, mój pixel 9 zadziała?").country == "US"  # Polish "do" (to)


def test_a_network_named_after_the_trouble_with_no_cue_is_asked_about() -> None:
    result = read("galaxy s24 volte not working vodafone")
    assert {s.id for s in result.suggestions if s.kind == "carrier"} >= {"vodafone-de", "vodafone-es"}
    assert read("pixel 8 5g not working jio").carriers == ("jio-in",)


def test_a_maker_s_android_and_an_app_name_no_phone() -> None:
    index = Index(
        knowledge(
            vendors=[vendor("realme", "realme"), vendor("samsung", "Samsung", "galaxy")],
            devices=[
                device("realme-gt-7-pro", "realme", "realme GT 7 Pro", variant("gt7p", lte=[3])),
                device("galaxy-s23", "samsung", "Galaxy S23", variant("s23", lte=[3])),
            ],
        )
    )
    assert index.analyze("realme ui 6 on realme gt 7 pro").device == "realme-gt-7-pro"
    assert index.analyze("whatsapp not working on my s23").intent == "other"


def test_a_lone_u_after_the_number_is_a_word_not_ultra() -> None:
    # Polish, Czech, Croatian "u" (at, with); glued, "s24u" is the Ultra
    assert read("galaxy s24 u plusie").device == "galaxy-s24"
    assert read("galaxy s24u on verizon").device == "galaxy-s24-ultra"


def test_a_rom_s_name_offers_no_phone() -> None:
    result = read("after installing pixel experience volte gone on jio")
    assert (result.device, [s for s in result.suggestions if s.kind == "device"]) == (None, [])


def test_a_word_of_five_letters_is_no_network_s_name_misspelt() -> None:
    # Turkish "sonra" (after) is one letter from "Sonera", Telia Finland's old name
    index = Index(
        knowledge(
            vendors=[vendor("apple", "Apple", "iphone")],
            devices=[device("iphone-14", "apple", "iPhone 14", variant("i14", lte=[3]))],
            carriers=[
                carrier("telia-fi", "FI", "Telia Finland", "sonera", lte=([3], [])),
                carrier("turkcell-tr", "TR", "Turkcell", lte=([3], [])),
            ],
        )
    )
    assert index.analyze("iphone 14 güncellemeden sonra turkcell çekmiyor").carriers == ("turkcell-tr",)
    assert index.analyze("iphone 14 sim görmüyor güncellemeden sonra").country is None


def test_a_form_s_field_of_the_current_phone_is_the_phone_in_hand() -> None:
    index = Index(
        knowledge(
            vendors=[vendor("google", "Google", "pixel"), vendor("nothing", "Nothing")],
            devices=[
                device("pixel-8", "google", "Pixel 8", variant("p8", lte=[3])),
                device("nothing-phone-2", "nothing", "Nothing Phone (2)", variant("np2", lte=[3])),
            ],
        )
    )
    # ("current" says an old phone elsewhere, and "pixel phone" would be another one)
    post = "CTM in Macau can use VoLTE with this.\n\nCurrent Android version: Android 15\nCurrent pixel phone: Pixel 8"
    assert index.analyze(post).device == "pixel-8"


def test_a_short_name_two_makers_share_takes_the_line_named_beside_it() -> None:
    index = Index(
        knowledge(
            vendors=[vendor("oppo", "OPPO"), vendor("poco", "POCO")],
            devices=[
                device("oppo-find-x8", "oppo", "OPPO Find X8", variant("fx8", lte=[3]), aliases=("find x8",)),
                device(
                    "oppo-find-x8-pro", "oppo", "OPPO Find X8 Pro", variant("fx8p", lte=[3]), aliases=("find x8 pro",)
                ),
                device("poco-x8-pro", "poco", "POCO X8 Pro", variant("px8p", lte=[3])),
            ],
        )
    )
    compared = {s.id for s in index.analyze("find x8 vs x8 pro").suggestions}
    assert compared == {"oppo-find-x8", "oppo-find-x8-pro"}
    # no line named beside it: either maker's
    assert {s.id for s in index.analyze("x8 pro").suggestions} == {"oppo-find-x8-pro", "poco-x8-pro"}


def test_a_maker_named_like_a_network_before_its_model_is_the_maker() -> None:
    index = Index(
        knowledge(
            vendors=[vendor("vivo", "vivo"), vendor("google", "Google", "pixel")],
            devices=[device("pixel-9", "google", "Pixel 9", variant("p9", lte=[3]))],
            carriers=[
                carrier("vivo-br", "BR", "Vivo", "vivo", lte=([3], [])),
                carrier("jio-in", "IN", "Jio", "jio", lte=([3], [])),
            ],
        )
    )
    assert index.analyze("Has anyone tried the Vivo X200 FE on Jio 5G?").carriers == ("jio-in",)
    assert index.analyze("o Pixel 9 funciona na Vivo?").carriers == ("vivo-br",)


def test_portuguese_pro_before_a_whole_name_is_for_the_phone() -> None:
    # "pro" is Portuguese "para o" (for the); before a line's word it is no model word
    index = Index(
        knowledge(
            vendors=[vendor("apple", "Apple", "iphone")],
            devices=[
                device("iphone-16", "apple", "iPhone 16", variant("i16", lte=[3])),
                device("iphone-16-pro", "apple", "iPhone 16 Pro", variant("i16p", lte=[3])),
            ],
            carriers=[carrier("vivo-br", "BR", "Vivo", "vivo", lte=([3], []))],
        )
    )
    assert index.analyze("chip da vivo pro iphone 16 funciona?").device == "iphone-16"
    assert index.analyze("iphone pro 16 on vivo").device == "iphone-16-pro"


@pytest.mark.parametrize(
    ("question", "network", "origin"),
    [
        ("moving from verizon to mint, pixel 9 ok?", "mint-us", None),
        ("switching from att to tmobile with my pixel 9", "tmobile-us", None),
        # a network the phone came from is still its origin
        ("got my pixel 9 from verizon, will it work on tmobile", "tmobile-us", "US"),
        ("voy a méxico. mi pixel 9 es de verizon, ya está liberado, ¿me sirve con telcel?", "telcel-mx", "US"),
    ],
)
def test_moving_from_one_network_to_another(question: str, network: str, origin: str | None) -> None:
    result = read(question)
    assert (result.carriers, result.origin, result.intent) == ((network,), origin, "compatibility")


def test_an_indonesian_or_between_two_phones_is_no_unknown_maker() -> None:
    # "atau" (or) before "s24 ultra" is no maker we do not know ("itel s25" is one)
    result = read("galaxy s24 atau s24 ultra di telkomsel")
    assert {s.id for s in result.suggestions if s.kind == "device"} == {"galaxy-s24", "galaxy-s24-ultra"}


def test_a_phone_and_a_network_s_everyday_name_alone() -> None:
    # the question is the phone and one word: the network ("dito" is also Tagalog "here")
    assert read("galaxy s24 dito").carriers == ("dito-ph",)
    # with more words, an everyday word stays one
    assert read("is the galaxy s24 dito or not").carriers == ()


def test_a_phone_locked_to_a_country_comes_from_there() -> None:
    result = read("iphone 16 locked to japan on telcel")
    assert (result.origin, result.country, result.carriers) == ("JP", "MX", ("telcel-mx",))


def test_a_korean_particle_on_a_model_word_keeps_the_model() -> None:
    assert read("갤럭시 s24 울트라를 가지고 왔어요").device == "galaxy-s24-ultra"  # "를" marks the object


@pytest.mark.parametrize(
    ("question", "phone"),
    [
        ("pixel 8, i mean pixel 9, on verizon?", "pixel-9"),
        ("galaxy s24... no wait, it's actually the galaxy s24 ultra, on verizon?", "galaxy-s24-ultra"),
        ("does the pixel 9 actually work on verizon?", "pixel-9"),  # no phone after the word: no correction
    ],
)
def test_a_phone_named_after_a_correction_replaces_the_one_before(question: str, phone: str) -> None:
    assert read(question).device == phone


def test_an_arabic_preposition_glued_to_a_country_s_name() -> None:
    assert read("galaxy s24 يشتغل بالسعودية").country == "SA"  # "ب" (in) + "السعودية"


@pytest.mark.parametrize(
    ("question", "phone"),
    [
        ("آیفون 16", "iphone-16"),  # Persian letters
        ("آیفون 16 پرو", None),  # Persian "Pro" (also Persian for Peru): an iPhone 16 Pro we do not know
        ("بكسل 9", "pixel-9"),  # Arabic "Pixel"
        ("گلکسی s24 اولترا", "galaxy-s24-ultra"),  # Persian "Galaxy … Ultra"
        ("galaxy s24 الٹرا", "galaxy-s24-ultra"),  # Urdu "Ultra"
    ],
)
def test_names_in_persian_and_urdu_letters(question: str, phone: str | None) -> None:
    assert read(question).device == phone


def test_networks_written_the_way_chat_writes_them() -> None:
    index = Index(
        knowledge(
            vendors=[vendor("google", "Google", "pixel")],
            devices=[device("pixel-9", "google", "Pixel 9", variant("p9", lte=[2, 4]))],
            carriers=[
                carrier("att-us", "US", "AT&T", "att", lte=([2, 4], [])),
                carrier("cricket-us", "US", "Cricket Wireless", "cricket", mvno_of="att-us"),
                carrier("boost-us", "US", "Boost Mobile", "boost", lte=([2, 4], [])),
                carrier("boost-au", "AU", "Boost Mobile", "boost", mvno_of="telstra-au"),
                carrier("telstra-au", "AU", "Telstra", lte=([3, 28], [])),
                carrier("jio-in", "IN", "Jio", "jio", lte=([3, 5, 40], [])),
                carrier("truemove-th", "TH", "TrueMove H", "true", lte=([1, 3], [])),
            ],
        )
    )
    # a virtual operator right beside its host is the asker's, but not across a comma
    assert index.analyze("cricket att pixel 9").carriers == ("cricket-us",)
    assert index.analyze("cricket (att) pixel 9").carriers == ("cricket-us",)
    assert index.analyze("pixel 9 on att, cricket is too expensive").carriers == ("att-us",)
    # a country's code ending the question says which network of the name
    assert index.analyze("pixel 9 on boost au").carriers == ("boost-au",)
    assert index.analyze("pixel 9 on boost us").carriers == ("boost-us",)
    # "sa" beside "5g" is standalone 5G, not French; "true" after Jio is Jio's "True 5G"
    assert index.analyze("pixel 9 jio sa 5g").carriers == ("jio-in",)
    assert index.analyze("pixel 9 jio true 5g").carriers == ("jio-in",)


@pytest.mark.parametrize(
    ("question", "network"),
    [
        ("Currently on Verizon but looking at moving to T-Mobile. Will my Pixel 9 work on T-Mobile?", "tmobile-us"),
        ("I was on Verizon for 6 years, now switching to AT&T. Will the Pixel 9 work?", "att-us"),
        ("switching from verizon to att with my pixel 9, ok?", "att-us"),
        ("My contract with Verizon ended and I moved to T-Mobile. Is the Pixel 9 compatible?", "tmobile-us"),
        # alone, the network is the asker's; "was going to" leaves nothing
        ("I'm currently on Verizon, will my pixel 9 work?", "verizon-us"),
    ],
)
def test_the_network_being_left_gives_way_to_the_one_asked_about(question: str, network: str) -> None:
    assert read(question).carriers == (network,)


def test_a_country_after_a_network_s_name_is_where_it_is_used() -> None:
    index = Index(
        knowledge(
            vendors=[vendor("apple", "Apple", "iphone")],
            devices=[device("iphone-16", "apple", "iPhone 16", variant("i16", lte=[3]))],
            carriers=[
                carrier("beeline-ru", "RU", "Beeline", "beeline", lte=([3], [])),
                carrier("zain-sa", "SA", "Zain KSA", "zain", lte=([3], [])),
            ],
        )
    )
    # countries whose networks we do not know: not Russia's Beeline nor Saudi Arabia's Zain
    for question, country in (("beeline kz iphone 16", "KZ"), ("zain kuwait iphone 16", "KW")):
        result = index.analyze(question)
        assert (result.country, result.carriers, result.origin) == (country, (), None), question
    # a code that is a word of the sentence stays one
    assert index.analyze("beeline (cf the map) iphone 16").country == "RU"


def test_a_typo_of_a_country_s_name_begins_no_longer_name() -> None:
    index = Index(
        knowledge(
            vendors=[vendor("google", "Google", "pixel")],
            devices=[device("pixel-9", "google", "Pixel 9", variant("p9", lte=[3]))],
            carriers=[carrier("kt-kr", "KR", "KT", "kt", "korea telecom", lte=([3], []))],
        )
    )
    assert index.analyze("pixel 9 korek telecom").carriers == ()  # Iraq's Korek, not KT
    assert index.analyze("pixel 9 on korea telecom").carriers == ("kt-kr",)
    assert index.analyze("pixel 9 in koreaa").country == "KR"


@pytest.mark.parametrize(
    ("question", "country", "network"),
    [
        ("pixel 9 usa launch", "US", None),  # "usa" before a word of launching is the country
        ("pixel 9 release usa", "US", None),
        ("does mint sell the pixel 9", "US", "mint-us"),  # an everyday network's name before "sell"
    ],
)
def test_where_a_phone_comes_out_and_who_sells_it(question: str, country: str, network: str | None) -> None:
    result = read(question)
    assert (result.country, result.carriers[:1]) == (country, (network,) if network else ())


def test_from_in_arabic_and_persian_written_in_latin_letters() -> None:
    result = read("galaxy s24 mn dubai, works on vodafone germany?")
    assert (result.origin, result.country) == ("AE", "DE")


def test_the_asker_s_network_at_home_says_where_the_phone_is_from() -> None:
    result = read("i'm on verizon with a pixel 9, going to mexico next week")
    assert (result.country, result.origin, result.carriers) == ("MX", "US", ())
    # a place right after the network's name says which network it is
    assert read("pixel 9 on telcel mexico").carriers == ("telcel-mx",)


@pytest.mark.parametrize(
    ("after", "reply", "phone", "origin"),
    [
        ("pixel 9 on jio", "dubai se liya hai", "pixel-9", "AE"),  # Hindi "se" (from), no SE model
        ("pixel 9 on jio", "america se laya hu", "pixel-9", "US"),
    ],
)
def test_a_reply_saying_where_the_phone_was_bought_keeps_the_phone(
    after: str, reply: str, phone: str, origin: str
) -> None:
    result = read(reply, after)
    assert (result.device, result.origin, result.carriers) == (phone, origin, ("jio-in",))


@pytest.mark.parametrize("reply", ["viene de china", "es version china", "es del china"])
def test_a_reply_saying_where_the_phone_comes_from_keeps_the_network(reply: str) -> None:
    result = read(reply, "galaxy s24 con telcel")
    assert (result.device, result.origin, result.country, result.carriers) == ("galaxy-s24", "CN", "MX", ("telcel-mx",))


@pytest.mark.parametrize("reply", ["thx bro", "muchas gracias!", "vielen dank", "cheers", "ありがとう", "감사합니다"])
def test_thanks_as_chat_writes_them_ask_nothing(reply: str) -> None:
    assert read(reply, "pixel 9 on verizon").intent == "thanks"


@pytest.mark.parametrize("reply", ["when does it come out there", "cuando sale ahi?", "já lançou aqui?"])
def test_a_reply_asking_when_it_comes_out_asks_about_sale(reply: str) -> None:
    result = read(reply, "pixel 9 in mexico")
    assert (result.device, result.intent) == ("pixel-9", "availability")


def test_a_reply_naming_a_network_the_country_lacks_asks_which() -> None:
    # "y con vodafone?" after Telcel: Mexico has no Vodafone; the answer is not Telcel's again
    result = read("y con vodafone?", "pixel 9 con telcel")
    assert (result.device, result.carriers) == ("pixel-9", ())
    assert {s.id for s in result.suggestions if s.kind == "carrier"} == {"vodafone-de", "vodafone-es"}


def test_a_word_that_says_what_is_asked_is_no_name_typed_wrong() -> None:
    assert read("galaxy s24 di telkomsel, garansi resmi gak?").device == "galaxy-s24"  # "resmi" is no "redmi"


@pytest.mark.parametrize(
    ("question", "network"),
    [
        ("telcel tiene 5g?", "telcel-mx"),  # Spanish "has"
        ("hat telekom noch 3g?", "telekom-de"),  # German "has … still"
        ("частоты jio", "jio-in"),  # Russian "frequencies"
        ("jakie pasma lte w plusie?", "plus-pl"),  # Polish "bands"
        ("jioのバンドは？", "jio-in"),  # Japanese "band", its words folded as the question's are
    ],
)
def test_what_a_network_has_asked_in_other_languages(question: str, network: str) -> None:
    result = read(question)
    assert (result.intent, result.carriers) == ("bands", (network,))


def test_three_networks_asked_about_are_each_checked() -> None:
    # after "on", a list of networks is the question's, not a list in a story ("China Mobile, …")
    assert set(read("pixel 9 on tmobile, att and verizon").carriers) == {"tmobile-us", "att-us", "verizon-us"}
    assert read("tmobile, att and verizon all dropped 3G; my pixel 9 is fine").carriers == ()


def test_turkish_case_endings_after_an_apostrophe() -> None:
    index = Index(
        knowledge(
            vendors=[vendor("apple", "Apple", "iphone")],
            devices=[device("iphone-16", "apple", "iPhone 16", variant("i16", lte=[3]))],
            carriers=[
                carrier("turkcell-tr", "TR", "Turkcell", "turkcell", lte=([3], [])),
                carrier("vodafone-tr", "TR", "Vodafone Türkiye", "vodafone", lte=([3], [])),
                carrier("vodafone-de", "DE", "Vodafone Germany", "vodafone", lte=([3], [])),
                carrier("telkomsel-id", "ID", "Telkomsel", "telkomsel", lte=([3], [])),
            ],
        )
    )
    # "'den" (from) is no Indonesian "dan" (and): Turkish, so Vodafone Türkiye
    result = index.analyze("iphone 16 dubai'den aldım vodafone'da çalışır mı")
    assert (result.lang, result.origin, result.carriers) == ("tr", "AE", ("vodafone-tr",))
    assert index.analyze("iphone 16 turkcell'de calisiyor mu").carriers == ("turkcell-tr",)
    # the ending written on the name, with no apostrophe
    assert index.analyze("iphone 16 turkcellde calisiyor mu").carriers == ("turkcell-tr",)


def test_networks_listed_together_place_each_other_s_namesakes() -> None:
    index = Index(
        knowledge(
            vendors=[vendor("google", "Google", "pixel")],
            devices=[device("pixel-9", "google", "Pixel 9", variant("p9", lte=[1, 3, 20]))],
            carriers=[
                carrier("glo-ng", "NG", "Glo", "glo", lte=([3], [])),
                carrier("mtn-ng", "NG", "MTN Nigeria", "mtn", lte=([3], [])),
                carrier("mtn-za", "ZA", "MTN South Africa", "mtn", lte=([3], [])),
            ],
        )
    )
    assert set(index.analyze("mtn or glo for pixel 9").carriers) == {"mtn-ng", "glo-ng"}


def test_the_network_left_places_a_namesake_of_the_one_asked_about() -> None:
    # "O2" is a network of Germany and of the UK: the one beside the network being left
    index = Index(
        knowledge(
            vendors=[vendor("google", "Google", "pixel")],
            devices=[device("pixel-9", "google", "Pixel 9", variant("p9", lte=[1, 3, 20]))],
            carriers=[
                carrier("ee-gb", "GB", "EE", "ee", lte=([1, 3, 20], [])),
                carrier("o2-gb", "GB", "O2 UK", "o2", lte=([1, 3, 20], [])),
                carrier("o2-de", "DE", "O2 Germany", "o2", lte=([1, 3, 20], [])),
            ],
        )
    )
    q = "Currently on EE but looking at moving to O2 when my contract ends. Will my Pixel 9 work on O2?"
    assert index.analyze(q).carriers == ("o2-gb",)


def test_sold_is_not_corrected_to_fold() -> None:
    assert read("is the Pixel 9 sold in India?").device == "pixel-9"


def test_a_model_word_is_not_a_carrier() -> None:
    result = read("S24 Ultra on verizon")
    assert result.device == "galaxy-s24-ultra" and result.carriers == ("verizon-us",)


def test_the_letter_of_a_hyphenated_carrier_is_no_model_letter() -> None:
    assert read("Does this work for OnePlus 8 T-Mobile?").device == "oneplus-8"
    assert read("oneplus 8t on t-mobile").device == "oneplus-8t"
    assert read("oneplus 8 t on tmo").device == "oneplus-8t"


def test_an_everyday_carrier_name_counts_before_sim_or_after_support() -> None:
    assert read("does the galaxy s24 support dito 5g").carriers == ("dito-ph",)
    assert read("pixel 9 in manila, dito sim. works?").carriers == ("dito-ph",)
    assert read("pixel 9 in manila, ditto for the pixel 8").carriers == ()


def test_software_names_name_no_phone_or_carrier() -> None:
    result = read("pixel experience on my galaxy s24, google play crashes")
    assert result.device == "galaxy-s24" and result.carriers == ()


def test_a_phone_named_as_a_system_image_is_not_the_phone_in_hand() -> None:
    # ErfanGSIs issue 56: "Device; Redmi Note 5/5 Plus / Image: Pixel 10 A-only gsi"
    result = read("Device: Galaxy S24\nImage: Pixel 9 A-only gsi\nBug: no sim signal")
    assert result.device == "galaxy-s24" and result.carriers == () and result.country is None
    assert read("Image: Pixel 9 A-only gsi, no signal").device is None
    assert read("pixel 9 on verizon, gsi works?").device == "pixel-9"


def test_a_model_word_after_a_number_is_no_carrier_whatever_its_case() -> None:
    assert read("Redmi Note 5 Plus, no signal").carriers == ()
    assert read("redmi note 5/5 plus sim not detected").carriers == ()
    assert read("galaxy s24 in poland on Plus").carriers == ("plus-pl",)


def test_an_everyday_carrier_name_needs_a_cue() -> None:
    assert read("is the pixel 9 in mint condition good on tmo").carriers == ("tmobile-us",)
    assert read("pixel 9 with mint?").carriers == ("mint-us",)


def test_money_is_no_country_and_a_phone_brought_into_a_country_is_used_there() -> None:
    a = read("pixel 9 yang masuk dari luar negeri ke Indonesia, harga di atas US$ 500, bisa digunakan?")
    assert (a.country, a.origin) == ("ID", None)
    assert read("the pixel 9 for US$ 500, any good?").country is None


def test_an_everyday_carrier_name_counts_in_its_own_country() -> None:
    k = knowledge(
        vendors=[vendor("google", "Google", "pixel")],
        devices=[device("pixel-8", "google", "Pixel 8", variant("p8", lte=[1, 3]))],
        carriers=[
            carrier("orange-es", "ES", "Orange", lte=([1, 3], [])),
            carrier("three-gb", "GB", "Three", "three uk", lte=([1, 3], [])),
        ],
    )
    index = Index(k)
    assert index.analyze("moving to madrid, is orange any good with a pixel 8").carriers == ("orange-es",)
    assert index.analyze("moving to london, is three any good with my pixel 8").carriers == ("three-gb",)
    # a number, not the network; and no carrier of that name in the country asked about
    assert index.analyze("i have three kids in the uk, does the pixel 8 work there").carriers == ()
    assert index.analyze("is orange any good with a pixel 8 in the uk").carriers == ()


def test_everyday_words_and_given_names_are_no_networks_outside_network_talk() -> None:
    k = knowledge(
        vendors=[vendor("google", "Google", "pixel")],
        devices=[device("pixel-8", "google", "Pixel 8", variant("p8", lte=[1, 3]))],
        carriers=[
            carrier("claro-cl", "CL", "Claro Chile", "claro", lte=([1, 3], [])),
            carrier("tim-it", "IT", "TIM (Telecom Italia)", "tim", lte=([1, 3], [])),
            carrier("verizon-us", "US", "Verizon", lte=([1, 3], [])),
        ],
    )
    index = Index(k)
    # "claro que sí" is "of course"; Tim is a friend
    assert index.analyze("claro que sí, el pixel 8 funciona en chile?").carriers == ()
    assert index.analyze("my friend tim has a pixel 8 on verizon").carriers == ("verizon-us",)
    assert index.analyze("tim cook says the pixel 8 is fine, will it work in italy?").carriers == ()
    # said as a network, or written as the network writes itself, it is one
    assert index.analyze("in chile, is claro ok for the pixel 8?").carriers == ("claro-cl",)
    assert index.analyze("il pixel 8 funziona con tim?").carriers == ("tim-it",)
    assert index.analyze("pixel 8 on TIM").carriers == ("tim-it",)


def test_words_are_not_joined_into_places() -> None:
    assert read("good to go with a pixel 9 on tmo?").country == "US"  # not Togo
    result = read("a us iphone 16 on jio")  # not Australia ("a us" is not "aus")
    assert (result.country, result.origin, result.variant) == ("IN", "US", "i16-us")


# -- places and their roles (bot/matching/places.py) ------------------------------------------------


@pytest.mark.parametrize(
    ("question", "country", "origin"),
    [
        ("china version xiaomi 14 on tmo", "US", "CN"),
        ("my xiaomi 14 has the CN rom, does it work in germany", "DE", "CN"),
        ("the chinese one, xiaomi 14, in brazil?", "BR", "CN"),
        ("bought the xiaomi 14 in Riyadh, back home in India now, will it work", "IN", "SA"),
        ("imported from china: xiaomi 14, works in mexico?", "MX", "CN"),
        ("I'm from India, will the pixel 9 work here?", "IN", None),
        ("living in berlin now, does the pixel 9 work", "DE", None),
        ("here in Texas, will the pixel 9 work?", "US", None),
        ("kya pixel 9 usa wala india me chalega", "IN", "US"),  # Hinglish "wala": the US one
        # Hindi "me" (in) after a place is where it is used, "se" (from) before a verb of getting is whence
        ("pixel 9 global version india me kaam karega?", "IN", None),
        ("usa se mangwaya pixel 9 india me chalega?", "IN", "US"),
        ("en mexico se puede usar el pixel 9?", "MX", None),
        # Vietnamese "Mỹ" is America ("bản Mỹ", the US version; "mua ở Mỹ", bought in the US), "my" is not
        ("iphone 16 bản Mỹ dùng ở Việt Nam được không", "VN", "US"),
        ("mua pixel 9 ở Mỹ về Việt Nam dùng được không", "VN", "US"),
        # bought there ("mua ở"), with the network of use named; "Nhật" (Japan) and "Hàn" (Korea) by
        # their accents, since "nhat" is also "nhất" (most)
        ("pixel 9 mua ở mỹ dùng viettel được không?", "VN", "US"),
        ("pixel 9 mua ở nhật dùng viettel được không?", "VN", "JP"),
        ("pixel 9 bản hàn dùng ở việt nam được không?", "VN", "KR"),
        # Russian case forms ("из америки", from America; "в россии", in Russia; "купил … в китае")
        ("pixel 9 из америки будет работать в россии?", "RU", "US"),
        ("купил pixel 9 в китае, будет работать в россии?", "RU", "CN"),
        ("pixel 9 из латинской америки, будет работать в россии?", "RU", None),
        # Korean "국내" (at home) is Korea
        ("국내에서 픽셀 9 사용 가능한가요?", "KR", None),
        ("is my pixel 9 ok in the uk?", "GB", None),
        # with no model named, the maker's name stands for the phone; a word of use further back does not
        # make a place right before it the place of use
        ("can i use a china iphone in the us", "US", "CN"),
        # a flag is its country's code
        ("🇯🇵 pixel 9 in 🇺🇸 on tmo?", "US", "JP"),
        # "for" a country is where it is used, unless it was made for it
        ("bought on aliexpress, is the xiaomi 14 safe for india?", "IN", None),
        ("xiaomi 14 made for china, works in us?", "US", "CN"),
        # a country after a word of phones, where adjectives follow the noun: where the phone comes from
        ("hp china bisa pake di indonesia ga gan?", "ID", "CN"),
        ("el pixel 9 es un celular de estados unidos, sirve en mexico?", "MX", "US"),
        # a shop's country after its name: where the phone was bought
        ("pixel 9 from amazon us, will it work on jio", "IN", "US"),
        ("pixel 9 on amazon uk is cheaper, will it work in india", "IN", "GB"),
        ("use a hong kong pixel 9 in canada?", "CA", "HK"),
        # a shop of one country: where the phone was bought, or where it is asked after (never a typo
        # of a place: "argos" is no Argeș, Romania)
        ("bought a pixel 9 on flipkart, will it work on verizon?", "US", "IN"),
        ("pixel 9 flipkart se liya, usa me chalega?", "US", "IN"),
        ("bought a pixel 9 from argos, will it work in the us?", "US", "GB"),
        ("is the pixel 9 on flipkart yet?", "IN", None),
        # Korean "미국판" (the US edition), "한국" (Korea); Arabic "الامريكي" (the American), "من امريكا"
        ("galaxy s24 미국판 한국에서 사용 가능?", "KR", "US"),
        ("هل iphone 16 الامريكي يشتغل في السعودية", "SA", "US"),
        ("iphone 16 من امريكا يشتغل في مصر", "EG", "US"),
    ],
)
def test_where_the_phone_comes_from_is_not_where_it_is_used(question: str, country: str, origin: str | None) -> None:
    result = read(question)
    assert (result.country, result.origin) == (country, origin)


def test_an_imei_stands_for_a_phone_it_names_no_model_of() -> None:
    result = read("my imei is 35-693803-564380-9, does it work on jio?")
    assert (result.imei_given, result.device, result.intent) == (True, None, "compatibility")
    assert not read("order 356938035643808 shipped, pixel 9 on jio?").imei_given


def test_a_network_we_do_not_know_is_named_as_typed() -> None:
    for question, network in (
        ("pixel 9 on straight talk?", "straight talk"),
        ("pixel 9 with Red Pocket", "Red Pocket"),
        ("pixel 9 with 128gb on us cellular?", "us cellular"),  # its storage between
        ("does the pixel 9 work on straight talk?", "straight talk"),  # a verb of working between
        ("o pixel 9 funciona na oi?", "oi"),
    ):
        result = read(question)
        assert (result.unknown_network, result.intent) == (network, "compatibility"), question
    for question in (
        "pixel 9 on sale?",
        "pixel 9 on android 15?",
        "pixel 9 on tmo",
        "is the pixel 9 good with my case",
    ):
        assert read(question).unknown_network is None, question


def test_countries_listed_together_are_a_trip() -> None:
    a = read("travelling to germany, spain and japan with my pixel 9, will it work?")
    assert (a.country, a.also_countries) == ("DE", ("ES", "JP"))
    assert read("going to japan and korea next month, will my pixel 9 work?").also_countries == ("KR",)
    # not a list: a place of another sentence, an origin, a network named
    assert read("i live in germany. will my pixel 9 work in japan?").also_countries == ()
    assert read("bought in china, will my pixel 9 work in india?").also_countries == ()
    assert read("pixel 9 on jio in india and nepal").also_countries == ()
    # a follow-up naming no place keeps the trip; one naming a place is about that place
    trip = "going to japan and korea next month, will my pixel 9 work?"
    assert read("what about the pixel 8?", after=trip).also_countries == ("KR",)
    assert read("and in china?", after=trip).also_countries == ()


def test_an_adjective_before_a_network_is_where_the_phone_is_used() -> None:
    a = read("xiaomi 14 only gets 3g on a chinese carrier")
    assert (a.country, a.origin) == ("CN", None)
    a = read("my chinese xiaomi 14 has no volte with an indian sim")
    assert (a.country, a.origin) == ("IN", "CN")
    assert read("my pixel 9 does not connect to any german phone network").country == "DE"
    # a cue of origin before it does not make the networks' country an origin
    a = read("no volte on my pixel 9, it will be banned from all australian networks")
    assert (a.country, a.origin) == ("AU", None)


@pytest.mark.parametrize(
    ("question", "country", "intent"),
    [
        ("will the pixel 9 come to the indian market?", "IN", "availability"),
        ("wird das Pixel 9 auf dem deutschen Markt verkauft?", "DE", "availability"),
        ("el pixel 9 llegará al mercado mexicano?", "MX", "availability"),
        ("is the pixel 9 coming to india?", "IN", "availability"),
        ("o pixel 9 vai chegar ao Brasil?", "BR", "availability"),
    ],
)
def test_a_market_named_by_its_adjective_is_where_the_phone_is_sold(question: str, country: str, intent: str) -> None:
    result = read(question)
    assert (result.country, result.origin, result.intent) == (country, None, intent)


@pytest.mark.parametrize(
    "question",
    [
        "pixel 9 brasil quando lança?",
        "pixel 9 data di uscita in italia?",
        "pixel 9 udah masuk indonesia belum?",
        "pixel 9 sort quand en france?",
        "pixel 9 türkiye'ye geldi mi?",
        "pixel 9 khi nào bán ở việt nam?",
        "pixel 9 india me kab aayega?",
    ],
)
def test_when_it_comes_out_in_the_languages_questions_come_in(question: str) -> None:
    assert read(question).intent == "availability"


def test_a_portuguese_and_between_two_phones_is_no_model_letter() -> None:
    # "e" is "and": not the Fold alone (with the Pixel 9 read as an unknown "9e"), but both
    result = read("o Google apresentou o Pixel 9 e o Pixel 9 Pro Fold")
    assert (result.device, [s.id for s in result.suggestions]) == (None, ["pixel-9", "pixel-9-pro-fold"])
    assert read("o Pixel 9 e o Galaxy S24 funcionam na vivo?").device is None


@pytest.mark.parametrize(
    ("question", "country"),
    [
        # CLDR names in further locales, beside English words
        ("5G không thể bật ở Trung Quốc với Pixel 9", "CN"),
        ("क्या pixel 9 भारत में काम करेगा", "IN"),
        # "国内" (at home) is China in a Chinese post, and Japan in a Japanese one
        ("国内5g是否支持pixel 5 美版", "CN"),
        ("国内で使えますか pixel 9", None),
    ],
)
def test_countries_named_in_more_languages(question: str, country: str | None) -> None:
    assert read(question).country == country


@pytest.mark.parametrize(
    "question",
    ["Est-ce que le Xiaomi 14 version chinoise marche chez Free ?", "xiaomi 14 versão chinesa funciona no Brasil?"],
)
def test_inflected_adjectives_name_the_market(question: str) -> None:
    assert (read(question).origin, read(question).variant) == ("CN", "x14c")


def test_a_place_of_sale_is_not_an_origin() -> None:
    assert (read("se vende el xiaomi 14 en méxico?").country, read("se vende el xiaomi 14 en méxico?").origin) == (
        "MX",
        None,
    )
    assert read("can i buy the pixel 9 in germany?").country == "DE"
    result = read("se eu comprar um pixel 9 no Paraguai ele vai funcionar no Brasil?")
    assert (result.country, result.origin) == ("BR", "PY")


def test_a_country_the_phone_is_used_outside_of_is_not_where_it_is_used() -> None:
    for q in ("xiaomi 14 chinese rom, 5G not working outside china", "el xiaomi 14 funciona fuera de china?"):
        result = read(q)
        assert (result.country, result.origin) == (None, "CN"), q


def test_a_country_right_after_the_phone_then_another_place_is_the_models_market() -> None:
    result = read("hp xiaomi 14 china bisa dipake di indonesia?")
    assert (result.country, result.origin, result.variant) == ("ID", "CN", "x14c")
    # alone, or named again later, it may be where the phone is used
    assert read("pixel 8 usa?").country == "US"
    assert read("the pixel 8 USA launch: still missing from USA shelves").country == "US"


def test_phones_of_a_market_are_made_for_it_not_sold_there() -> None:
    result = read("eSIM on China market devices\nI use a xiaomi 14 in Germany, is it possible?")
    assert (result.country, result.origin) == ("DE", "CN") and result.intent != "availability"
    # the market alone is where a phone is sold
    assert read("is the xiaomi 14 coming to the indian market?").country == "IN"


def test_an_origin_picks_the_variant_made_for_it() -> None:
    assert read("china version xiaomi 14 on tmo").variant == "x14c"
    assert read("got a us unlocked galaxy s24, works on jio?").variant == "s24-us"


@pytest.mark.parametrize(
    ("question", "carrier_id"),
    [
        ("funktioniert das pixel 9 bei T-Mobile?", "telekom-de"),
        ("moving to germany, pixel 9 on t-mobile?", "telekom-de"),
        ("pixel 9 on t-mobile?", "tmobile-us"),
        ("pixel 9 on at&t in mexico", "att-mx"),
        ("moving to monterrey, my pixel 9 is on at&t, will at&t mexico work with it?", "att-mx"),
        ("pixel 9 on sprint", "tmobile-us"),
        ("funciona na Vivo o xiaomi 14?", "vivo-br"),
        ("the verizon one, a pixel 9: will it work on tmo?", "tmobile-us"),
    ],
)
def test_carriers_are_read_in_their_country(question: str, carrier_id: str) -> None:
    assert read(question).carriers == (carrier_id,)


def test_a_carrier_name_that_says_its_country_holds_in_another_language() -> None:
    index = Index(
        knowledge(
            vendors=[vendor("google", "Google")],
            devices=[device("pixel-9", "google", "Pixel 9")],
            carriers=[
                carrier("tmobile-us", "US", "T-Mobile", "t-mobile", "t-mobile us"),
                carrier("telekom-de", "DE", "Telekom Deutschland", "t-mobile"),
            ],
        )
    )
    assert index.analyze("funktioniert das pixel 9 bei T-Mobile?").carriers == ("telekom-de",)
    # German, but the name says which: not offered, used
    assert index.analyze("ich nutze eine Prepaidkarte von T-Mobile US im pixel 9").carriers == ("tmobile-us",)


def test_a_carrier_named_after_a_maker_is_the_carrier() -> None:
    k = knowledge(
        vendors=[vendor("google", "Google", "pixel")],
        devices=[device("pixel-8", "google", "Pixel 8", variant("p8", lte=[2, 4]))],
        carriers=[carrier("google-fi-us", "US", "Google Fi", "fi", lte=([2, 4], []))],
    )
    a = Index(k).analyze("Pixel 8 has no service with Google Fi since the update")
    assert (a.device, a.carriers, a.country) == ("pixel-8", ("google-fi-us",), "US")


def test_a_carrier_found_by_its_brand_beside_another_carrier() -> None:
    # AT&T in Mexico is AT&T México by brand; asked beside Telcel, both are read, nothing breaks.
    assert read("pixel 9 in mexico on at&t? or telcel?").carriers == ("att-mx", "telcel-mx")


def test_a_phone_brought_in_as_an_example_is_not_the_one_asked_about() -> None:
    faq = "What is an unlocked phone? For instance, a Galaxy S24 locked to AT&T may not send MMS on T-Mobile."
    assert (read(faq).device, read(faq).suggestions) == (None, ())
    # in the sentence that asks, it is asked about
    assert read("Do phones such as the Pixel 9 work on Verizon?").device == "pixel-9"


def test_a_name_followed_by_series_is_every_phone_of_that_name() -> None:
    result = read("is the pixel 9 series sold in india?")
    assert (result.device, [s.id for s in result.suggestions]) == (None, ["pixel-9", "pixel-9-pro-fold"])
    # the word before the name, as Italian, Spanish and French write it
    result = read("la serie Pixel 9 arriverà in Italia")
    assert (result.device, [s.id for s in result.suggestions]) == (None, ["pixel-9", "pixel-9-pro-fold"])


def test_a_series_beside_a_phone_named_again_and_again_is_a_comparison() -> None:
    news = (
        "Samsung launched the Galaxy S24 in India. It competes with the Pixel 9 series there. "
        "The Galaxy S24 costs less than you think, and the Galaxy S24 is sold there now."
    )
    assert read(news).device == "galaxy-s24"
    # named once each, the series is still a question back
    result = read("Samsung launched the Galaxy S24. It competes with the Pixel 9 series.")
    assert result.device is None and "pixel-9" in [s.id for s in result.suggestions]


def test_a_long_post_is_about_the_phone_it_names_most() -> None:
    post = (
        "The Xiaomi 14 is finally here. Compared with the Pixel 8 it has a bigger battery, "
        "and the Xiaomi 14 charges faster. Will the Xiaomi 14 come to India?"
    )
    assert read(post).device == "xiaomi-14"
    # the same name said twice at one place counts once; two phones named alike stay a question back
    assert read("a new Pixel 8 or Pixel 9 and you are on T-Mobile").device is None
    assert read("The Pixel 8 and the Xiaomi 14. The Pixel 8 is cheaper than the Xiaomi 14.").device is None


def test_the_phone_in_an_issue_forms_device_field_or_its_title() -> None:
    form = "No 5G on Telekom\nDevice: Pixel 9\nIssue: no 5G since the update; it worked on my Pixel 8"
    assert read(form).device == "pixel-9"
    titled = "Pixel 9 - no 5G on Telekom\nSince the update the Pixel 8 SIM shows LTE only, as on my Pixel 8."
    assert read(titled).device == "pixel-9"
    # two against one is too thin to choose by
    assert read("Pixel 9 - no 5G; it worked on Pixel 8\nSince the update the Pixel 8 SIM shows LTE").device is None


def test_networks_named_as_examples_are_not_the_askers() -> None:
    news = "El iPhone 16 llega a México. Si bien compañías como Telcel y AT&T ya ofrecen eSIM, no todos los planes."
    result = read(news)
    assert (result.device, result.country, result.carriers) == ("iphone-16", "MX", ())
    # "como" apart from the name is "how"; in the sentence that asks, the example is the question
    assert read("como activar volte en telcel con mi pixel 8").carriers == ("telcel-mx",)
    assert read("does the pixel 8 work on carriers like jio?").carriers == ("jio-in",)


def test_a_name_found_by_correcting_one_word_gives_way_to_one_typed_exactly() -> None:
    # "vegas" is one letter from a codename; the phone typed exactly is the one meant
    k = knowledge(
        vendors=[vendor("google", "Google", "pixel"), vendor("xiaomi", "Xiaomi")],
        devices=[
            device("pixel-8", "google", "Pixel 8", variant("p8", lte=[2, 4])),
            device("xiaomi-14t", "xiaomi", "Xiaomi 14T", variant("x14t", lte=[1, 3]), aliases=("degas",)),
        ],
    )
    index = Index(k)
    assert index.analyze("i arrived in Las Vegas with my pixel 8, no signal").device == "pixel-8"
    assert index.analyze("is the degas sold in india").device == "xiaomi-14t"


def test_a_phones_provenance_after_its_name_in_spanish_or_portuguese() -> None:
    result = read("¿el iphone 16 de estados unidos funciona con telcel?")
    assert (result.device, result.origin, result.country, result.carriers) == ("iphone-16", "US", "MX", ("telcel-mx",))
    # with nothing else named, the country is where it is asked about; nor where the network named has
    # a namesake there ("AT&T" beside Mexico may be AT&T México)
    assert read("el iphone 16 de méxico funciona?").country == "MX"
    assert read("el iphone 16 de méxico funciona con at&t?").carriers == ("att-mx",)


def test_the_language_of_words_two_languages_share_is_told_by_the_others() -> None:
    # "la" and "con" are Spanish and Italian alike; "versione", "dello", "funziona" are Italian
    assert guess_language(["la", "versione", "cinese", "dello", "xiaomi", "funziona", "con", "tim"]) == "it"
    assert guess_language(["la", "version", "china", "del", "xiaomi", "funciona", "con", "movistar"]) == "es"


def test_hindi_in_latin_letters_is_read_as_hindi_not_italian() -> None:
    # "hai" and "se" are Italian words too; "kya", "karta", "chalega" are not
    assert guess_language(["kya", "pixel", "8", "jio", "5g", "support", "karta", "hai"]) == "hi"
    result = read("mera galaxy s24 usa se mangwaya hai, jio me volte chalega?")
    assert (result.device, result.origin, result.carriers) == ("galaxy-s24", "US", ("jio-in",))


def test_german_asks_for_sale_with_gibt_es_but_not_of_a_network_feature() -> None:
    assert read("gibt es das pixel 9 in deutschland?").intent == "availability"
    assert read("LTE gibt es beim Pixel 9 nur auf 1800 MHz, nicht bei Telekom").intent == "compatibility"


def test_which_carrier_for_a_phone_in_a_country_is_its_verdict_on_each() -> None:
    assert read("moving to germany with my pixel 9 from india, which carrier?").intent == "compatibility"
    # a price is still not what the bot answers, and with no phone it is a list the bot does not keep
    assert read("which carrier is cheapest in germany for my pixel 9").intent == "other"
    assert read("best carrier in germany?").intent == "other"


def test_a_lower_case_alias_is_a_name_when_written_as_the_carrier_writes_it() -> None:
    # "vodafone" is an alias of "Vodafone Germany": written "Vodafone", it is the name
    result = read("Ich besitze ein Pixel 9 mit einem Mobilfunkvertrag von Vodafone.")
    assert (result.country, result.carriers) == ("DE", ("vodafone-de",))


def test_a_countrys_adjective_before_a_network_names_that_countrys_network() -> None:
    result = read("pixel 9 on german t-mobile")
    assert (result.country, result.carriers) == ("DE", ("telekom-de",))
    # an everyday-word name counts after the adjective as after "on"
    assert read("a us galaxy s24 on german vodafone").carriers == ("vodafone-de",)
    # a country whose T-Mobile the knowledge lacks: that country, and no other country's T-Mobile
    result = read("eSIM is from Czech T-Mobile, no 5G on my Pixel 9")
    assert (result.country, result.carriers) == ("CZ", ())


def test_a_phone_named_once_among_phones_we_do_not_know_is_offered_not_answered() -> None:
    story = "Apple announced the iPhone 16. My old iPhone 4S was slow. So I got a used iPhone 5S. No 4G on jio."
    result = read(story)
    assert result.device is None and [s.id for s in result.suggestions] == ["iphone-16"]
    # asked about, in the title or in a device field, it is the phone
    assert read("I upgraded from my iPhone 4S to an iPhone 16, does it work on jio?").device == "iphone-16"
    assert read("iPhone 16 on jio\nMy old iPhone 4S worked. Since I got this one, no 4G.").device == "iphone-16"
    assert read("No 4G on jio\nDevice: iPhone 16\nMy old iPhone 4S worked.").device == "iphone-16"


def test_the_askers_own_phone_of_a_model_we_do_not_know_is_not_another_phone_we_know() -> None:
    story = (
        "no signal\n\nMy phone is OnePlus Ace5 China version. OnePlus 8 China version uses your fix, OnePlus 8 works"
    )
    result = read(story)
    assert result.device is None and [s.id for s in result.suggestions] == ["oneplus-8"]
    # asked about, it is the phone
    assert read("I have a OnePlus Ace5. Does the OnePlus 8 work on jio?").device == "oneplus-8"
    # a letter glued to its number begins a model too; but a phone the asker calls theirs as well is theirs
    assert read("My phone is a Xiaomi X9c, my friend's pixel 9 works on jio").device is None
    assert read("I have a Xiaomi X9c and my pixel 9 won't work on jio").device == "pixel-9"
    # a line's model we do not know, called the asker's after one we know, is the phone meant
    correction = "【勘误】 196 期中提到 iPhone 16 之前的型号，不支持 5G。可是我手里的 iPhone 12 还支持电信 5G 呢\n"
    assert read(correction).device is None
    assert read("the pixel 9 has b71, and so does my pixel 5s\n").device is None


def test_of_two_phones_a_name_fits_the_one_made_for_the_market_said_is_meant() -> None:
    index = Index(
        knowledge(
            vendors=[vendor("xiaomi", "Xiaomi", "redmi")],
            devices=[
                device("rn13p-4g", "xiaomi", "Redmi Note 13 Pro (4G)", variant("rn13p-4g-g", "Global", lte=[1, 3])),
                device(
                    "rn13p-5g",
                    "xiaomi",
                    "Redmi Note 13 Pro 5G",
                    variant("rn13p-5g-g", "Global", ("2312DRA50G",), lte=[1, 3]),
                    variant("rn13p-5g-cn", "China", ("2309CRA70C",), lte=[1, 3, 41]),
                ),
            ],
        )
    )
    # only the 5G phone has a model made for China
    china = index.analyze("redmi note 13 pro china version")
    assert (china.device, china.variant) == ("rn13p-5g", "rn13p-5g-cn")
    # both have a Global model: still a question back
    assert index.analyze("redmi note 13 pro global version").device is None


def test_a_name_of_networks_in_several_other_countries_is_not_offered() -> None:
    # "vodafone" names networks in Germany and Spain; in Mexico it is none of them, nor one to offer
    assert read("pixel 9 in mexico on vodafone?").suggestions == ()
    # one network elsewhere may still be the one meant
    assert [s.id for s in read("pixel 9 in mexico on jio?").suggestions] == ["jio-in"]


def test_did_you_mean_offers_the_names_holding_every_word_typed() -> None:
    index = Index(
        knowledge(
            vendors=[vendor("apple", "Apple", "iphone")],
            devices=[
                device("iphone-se-2020", "apple", "iPhone SE (2020)"),
                device("iphone-se-2022", "apple", "iPhone SE (2022)"),
                device("iphone-xs", "apple", "iPhone XS"),
                device("iphone-11-pro-max", "apple", "iPhone 11 Pro Max"),
            ],
            carriers=[carrier("verizon-us", "US", "Verizon", lte=([2, 4, 13], []))],
        )
    )
    offered = [s.id for s in index.analyze("iphone se on verizon").suggestions if s.kind == "device"]
    assert sorted(offered) == ["iphone-se-2020", "iphone-se-2022"]  # not the XS, which only looks alike


def test_a_codename_gives_way_to_a_phone_named_by_its_name_unless_they_are_listed() -> None:
    index = Index(
        knowledge(
            vendors=[vendor("google", "Google"), vendor("xiaomi", "Xiaomi", "redmi")],
            devices=[
                device("pixel-8", "google", "Pixel 8"),
                device("redmi-note-14-pro", "xiaomi", "Redmi Note 14 Pro", aliases=("obsidian",)),
            ],
        )
    )
    # "Obsidian" is also a colour of the Pixel
    assert index.analyze("my obsidian pixel 8 on verizon").device == "pixel-8"
    assert index.analyze("obsidian on verizon").device == "redmi-note-14-pro"
    for listed in (
        "tested on obsidian and pixel 8",
        "tested on obsidian, pixel 8",
        "I know of Obsidian, Kate, and Pixel 8",
    ):
        assert index.analyze(listed).device is None, listed
    # a title naming the phone by its codename alone: the story's phone by name is where it worked
    post = "Obsidian defaults to HSDPA instead of 4G\nThe same sim card works fine in a Pixel 8.\nAny idea?"
    assert index.analyze(post).device == "redmi-note-14-pro"


def test_a_device_field_under_a_heading_names_the_phone() -> None:
    form = "[BUG] no 5G on my Pixel 9\n\n### App Version\n\n1.0.0\n\n### Device Model\n\nGoogle Pixel 9 Pro Fold\n"
    assert read(form).device == "pixel-9-pro-fold"


def test_a_model_word_written_before_the_name_it_ends() -> None:
    assert read("galaxy ultra s24 on verizon").device == "galaxy-s24-ultra"
    # a model word that makes no phone of the name leaves it be
    assert read("pro tip: galaxy s24 on verizon").device == "galaxy-s24"


def test_the_e_of_e_sim_is_no_model_letter() -> None:
    index = Index(
        knowledge(
            vendors=[vendor("apple", "Apple", "iphone")],
            devices=[
                device("iphone-16", "apple", "iPhone 16", variant("a", lte=[3])),
                device("iphone-16e", "apple", "iPhone 16e", variant("b", lte=[3])),
            ],
            carriers=[],
        )
    )
    for q in ("iphone 16 e sim only usa model in india", "iphone 16 e-sim in india"):
        assert index.analyze(q).device == "iphone-16", q
    assert index.analyze("iphone 16 e in india").device == "iphone-16e"
    # before a word that carries the sentence on, "e" is "and": "meu pai usa um iphone 16 e agora …"
    assert index.analyze("meu pai usa um iphone 16 e agora não pega na vivo").device == "iphone-16"


def test_memory_and_sims_after_a_name_are_no_model_number() -> None:
    for q in ("galaxy s24 ultra 12 256 on tmo", "galaxy s24 ultra 12gb on tmo", "galaxy s24 ultra 2 sim on tmo"):
        assert read(q).device == "galaxy-s24-ultra", q


def test_the_article_a_is_no_model_letter() -> None:
    index = Index(
        knowledge(
            vendors=[vendor("google", "Google", "pixel")],
            devices=[
                device("pixel-9", "google", "Pixel 9", variant("a", lte=[3])),
                device("pixel-9a", "google", "Pixel 9a", variant("b", lte=[3])),
            ],
            carriers=[],
        )
    )
    assert index.analyze("is the pixel 9 a good phone for india?").device == "pixel-9"
    assert index.analyze("pixel 9 a on jio").device == "pixel-9a"
    assert index.analyze("is the pixel 9a a good phone?").device == "pixel-9a"
    # an article or a preposition before more words, in any language read
    for q in (
        "i bought the pixel 9 a month ago, does it work on jio?",
        "comprei um pixel 9 a semana passada, funciona na vivo?",
        "le compré el pixel 9 a mi hermano, ¿funciona con telcel?",
        "j'ai donné mon pixel 9 a ma soeur, il marche chez free ?",
    ):
        assert index.analyze(q).device == "pixel-9", q
    # the letter before words that follow a phone's name
    for q in ("does the pixel 9 a work on jio", "pixel 9 a or pixel 9?", "is the pixel 9 a worth it"):
        assert index.analyze(q).device in ("pixel-9a", None), q
    assert index.analyze("does the pixel 9 a work on jio").device == "pixel-9a"


def test_numbers_listed_after_a_name_name_its_siblings() -> None:
    # "Pixel 6/7/8/9 devices" names four phones, not the Pixel 6: a question back among them.
    for q, ids in (
        ("does the pixel 8/9 work on tmo", ["pixel-8", "pixel-9"]),
        ("pixel 5, 8 or 9 sold in india?", ["pixel-5", "pixel-8", "pixel-9"]),
        ("oneplus 8/8t on verizon", ["oneplus-8", "oneplus-8t"]),
        ("pixel 9 pro fold or 8 on tmo", ["pixel-8", "pixel-9-pro-fold"]),
        # model words alone keep the name's number
        ("galaxy s24 or ultra on verizon", ["galaxy-s24", "galaxy-s24-ultra"]),
        # compared ("vs") as well as listed
        ("pixel 8 vs 9 pro fold on tmo", ["pixel-8", "pixel-9-pro-fold"]),
        # "or maybe the 9", "o mejor el 9"
        ("pixel 8 or maybe the 9 on tmo", ["pixel-8", "pixel-9"]),
        ("¿pixel 8 o mejor el 9 con telcel?", ["pixel-8", "pixel-9"]),
    ):
        result = read(q)
        assert (result.device, [s.id for s in result.suggestions]) == (None, ids), q
    # a number that names no sibling ends the list; a lone name is read as before
    assert read("pixel 9 / 64 gb on tmo").device == "pixel-9"
    assert read("pixel 9 8gb on tmo").device == "pixel-9"


def test_a_number_before_the_words_of_a_name_is_weighed_with_them() -> None:
    # "the 9 pro fold" names no phone whole; the "did you mean" is the one with its number
    assert [s.id for s in read("does the 9 pro fold work on tmo").suggestions][:1] == ["pixel-9-pro-fold"]


def test_a_phone_alike_only_in_its_other_words_is_not_offered() -> None:
    index = Index(
        knowledge(
            vendors=[vendor("samsung", "Samsung", "galaxy")],
            devices=[
                device("note20u", "samsung", "Galaxy Note20 Ultra 5G", variant("n", lte=[3])),
                device("s24", "samsung", "Galaxy S24", variant("s", lte=[3])),
            ],
            carriers=[],
        )
    )
    # The Note20 Ultra 5G is no "did you mean" for an M52 5G: another series and another number.
    result = index.analyze("Volte is not working in Samsung M52 5G")
    assert (result.device, result.suggestions) == (None, ())
    # a near number in the same series is
    assert [s.id for s in index.analyze("samsung galaxy s25 on tmo").suggestions] == ["s24"]


def test_a_letter_with_a_number_glued_begins_the_next_model() -> None:
    index = Index(
        knowledge(
            vendors=[vendor("samsung", "Samsung", "galaxy")],
            devices=[
                device("galaxy-s23", "samsung", "Galaxy S23", variant("s23", lte=[3])),
                device("galaxy-s24", "samsung", "Galaxy S24", variant("s24", lte=[3])),
            ],
            carriers=[],
        )
    )
    result = index.analyze("is the s23/s24 sold in india")
    assert (result.device, [s.id for s in result.suggestions]) == (None, ["galaxy-s23", "galaxy-s24"])


def test_a_list_of_names_that_may_be_4g_or_5g_phones_is_a_list() -> None:
    index = Index(
        knowledge(
            vendors=[vendor("xiaomi", "Xiaomi", "redmi")],
            devices=[
                device("rn13", "xiaomi", "Redmi Note 13 5G", variant("a", lte=[3])),
                device("rn13p", "xiaomi", "Redmi Note 13 Pro 5G", variant("b", lte=[3])),
                device("rn13pp", "xiaomi", "Redmi Note 13 Pro+", variant("c", lte=[3])),
            ],
            carriers=[],
        )
    )
    post = "les Redmi Note 13, Redmi Note 13 Pro et Redmi Note 13 Pro+ arrivent en France"
    result = index.analyze(post)
    assert result.device is None and {s.id for s in result.suggestions} == {"rn13", "rn13p", "rn13pp"}
    assert index.analyze("redmi note 13 pro+ sold in france?").device == "rn13pp"


def test_a_short_name_after_a_maker_we_do_not_know_is_not_our_phone() -> None:
    index = Index(
        knowledge(
            vendors=[vendor("xiaomi", "Xiaomi", "poco")],
            devices=[device("poco-m3", "xiaomi", "POCO M3", variant("pm3", lte=[3]))],
            carriers=[carrier("jio-in", "IN", "Jio", lte=([3, 5, 40], []))],
        )
    )
    assert index.analyze("i have an Alldocube Power M3, does it work on jio").device is None
    assert index.analyze("Blackview M3 on jio").device is None
    assert index.analyze("my m3 on jio").device == "poco-m3"
    # a phone's own short alias too ("itel s25" is no Galaxy S25), unless the word before is common
    # ("unlocked") or a maker's or line's name misspelt ("glxy", "samsng")
    samsung = Index(
        knowledge(
            vendors=[vendor("samsung", "Samsung", "galaxy")],
            devices=[device("galaxy-s25", "samsung", "Galaxy S25", variant("s25", lte=[3]), aliases=("s25",))],
            carriers=[carrier("jio-in", "IN", "Jio", lte=([3, 5, 40], []))],
        )
    )
    assert samsung.analyze("itel s25 on jio").device is None
    for words in ("unlocked s25 on jio", "glxy s25 on jio", "samsng s25 on jio", "my s25 on jio"):
        assert samsung.analyze(words).device == "galaxy-s25", words


def test_a_maker_named_is_never_offered_another_maker_s_phones() -> None:
    index = Index(
        knowledge(
            vendors=[vendor("tecno", "TECNO"), vendor("motorola", "Motorola", "moto"), vendor("sony", "Sony")],
            devices=[
                device("moto-s30-pro", "motorola", "Moto S30 Pro", variant("ms30", lte=[3])),
                device("xperia-5-iv", "sony", "Xperia 5 IV", variant("x5", lte=[3])),
            ],
        )
    )
    # a maker we know none of the phones of, and a name only partly written
    assert index.analyze("tecno camon 30 pro 5g on safaricom?").suggestions == ()
    assert "moto-s30-pro" not in {s.id for s in index.analyze("sony s30 pro?").suggestions}
    # another maker's short name as the rest of the name: the TECNO Phantom V Fold 2 is no MIX Fold 2
    folds = Index(
        knowledge(
            vendors=[vendor("tecno", "TECNO"), vendor("xiaomi", "Xiaomi")],
            devices=[
                device("mix-fold-2", "xiaomi", "Xiaomi MIX Fold 2", variant("mf2", lte=[3]), aliases=("mix fold 2",))
            ],
        )
    )
    assert folds.analyze("tecno phantom v fold 2 in usa").suggestions == ()


def test_a_maker_s_everyday_name_before_a_model_is_the_maker() -> None:
    index = Index(
        knowledge(
            vendors=[vendor("honor", "Honor"), vendor("oppo", "OPPO")],
            devices=[
                device("honor-x9a", "honor", "HONOR X9a 5G", variant("x9a", lte=[3])),
                device("oppo-find-x9", "oppo", "OPPO Find X9", variant("fx9", lte=[3])),
            ],
        )
    )
    result = index.analyze("honor x9b on vodafone uk")
    assert result.vendor == "honor" and {s.id for s in result.suggestions} <= {"honor-x9a"}
    assert index.analyze("i honor 2 contracts").vendor is None, "a number alone may be a count"


def test_a_maker_s_everyday_name_before_its_own_line_is_the_maker() -> None:
    index = Index(
        knowledge(
            vendors=[vendor("honor", "Honor"), vendor("zte", "ZTE", "nubia")],
            devices=[
                device("honor-magic7-pro", "honor", "HONOR Magic7 Pro", variant("m7", lte=[3])),
                device(
                    "red-magic-8-pro",
                    "zte",
                    "nubia Red Magic 8 Pro",
                    variant("rm8", lte=[3]),
                    aliases=("red magic 8 pro",),
                ),
            ],
        )
    )
    # "magic 8 pro" is the Red Magic's name without its first word: after "honor", it is Honor's.
    result = index.analyze("honor magic 8 pro on vodafone uk")
    assert result.device is None and result.vendor == "honor"
    assert {s.id for s in result.suggestions} <= {"honor-magic7-pro"}
    assert index.analyze("i honor my contract, red magic 8 pro?").device == "red-magic-8-pro"


def test_a_word_for_any_phone_is_no_phone_we_do_not_know() -> None:
    assert read("handphone saya Pixel 9").device == "pixel-9"  # Indonesian: "my handphone, a Pixel 9"


def test_a_model_number_says_which_of_the_phones_a_shared_name_fits() -> None:
    index = Index(
        knowledge(
            vendors=[vendor("samsung", "Samsung", "galaxy"), vendor("xiaomi", "Xiaomi", "redmi")],
            devices=[
                device(
                    "galaxy-note9",
                    "samsung",
                    "Galaxy Note9",
                    variant("n9cn", "China", ("SM-N9600",)),
                    aliases=("galaxy note 9",),
                ),
                device("redmi-note-9", "xiaomi", "Redmi Note 9", variant("rn9", lte=[3])),
            ],
            carriers=[carrier("verizon-us", "US", "Verizon", lte=([2, 4, 13], []))],
        )
    )
    assert index.analyze("Note 9 SM-N9600 stuck on 3g with verizon").device == "galaxy-note9"
    assert index.analyze("note 9 on verizon").device is None  # a question back


def test_issue_form_fields_name_the_network() -> None:
    # a heading alone on its line is a cue for the next line's everyday-word name
    result = read("### Carrier\nBell\n### Device\nPixel 9\n### Description\n5G SA not working")
    assert (result.device, result.carriers) == ("pixel-9", ("bell-ca",))
    # a network on one line, the phone on the next: the network is the asker's, not one that sold it
    result = read("Carrier: Jio\nPhone: pixel 9\ncalls drop after the update")
    assert (result.carriers, result.origin) == (("jio-in",), None)
    # of several networks named, the one in the carrier field is the asker's
    post = "no 5G on US networks (Verizon, AT&T, T-Mobile)\n\n**Device:** Pixel 9\n**Carrier:** Verizon — also AT&T"
    assert read(post).carriers == ("verizon-us",)
    assert read("pixel 9 no 5G\n\n### Carrier\n\nVerizon\n\n### Other\nAT&T and T-Mobile fail too").carriers == (
        "verizon-us",
    )
    assert read("no 5G on US networks (Verizon, AT&T, T-Mobile) with my pixel 9").carriers == ()


def test_after_a_carrier_cue_a_phones_short_name_that_is_a_network_is_the_network() -> None:
    index = Index(
        knowledge(
            vendors=[vendor("xiaomi", "Xiaomi", "redmi"), vendor("samsung", "Samsung", "galaxy")],
            devices=[
                device("redmi-a1", "xiaomi", "Redmi A1", variant("ra1", lte=[3])),
                device("galaxy-s24", "samsung", "Galaxy S24", variant("s24", lte=[3, 20])),
            ],
            carriers=[
                carrier("a1-at", "AT", "A1", lte=([3, 20], [])),
                carrier("jio-in", "IN", "Jio", lte=([3, 5, 40], [])),
            ],
        )
    )
    result = index.analyze("galaxy s24 on a1 austria")
    assert (result.device, result.carriers) == ("galaxy-s24", ("a1-at",))
    assert index.analyze("redmi a1 on jio").device == "redmi-a1"


def test_a_carrier_name_inside_a_longer_name_is_not_that_carrier() -> None:
    assert read("Cincinnati Bell with a pixel 9?").carriers == ()
    # a country before the name is no longer name: "China CMCC"
    index = Index(
        knowledge(
            vendors=[vendor("google", "Google")],
            devices=[device("pixel-9", "google", "Pixel 9")],
            carriers=[carrier("china-mobile-cn", "CN", "China Mobile", "cmcc")],
        )
    )
    assert index.analyze("PIXEL 9 China CMCC can not use VOLTE").carriers == ("china-mobile-cn",)


def test_a_name_that_would_end_inside_a_hyphenated_name_gives_way_to_it() -> None:
    index = Index(
        knowledge(
            vendors=[vendor("google", "Google")],
            devices=[device("pixel-9", "google", "Pixel 9")],
            carriers=[
                carrier("att-us", "US", "AT&T", "at t"),
                carrier("tmobile-us", "US", "T-Mobile", "t-mobile"),
            ],
        )
    )
    # "at T-mobile": "at t" (AT&T) would cut "T-mobile" in two.
    assert index.analyze("can i unlock my pixel 9 at T-mobile?").carriers == ("tmobile-us",)
    # A hyphen after a name that no other name spans is no cut: "AT&T-branded" is a US phone.
    assert index.analyze("is my AT&T-branded pixel 9 unlocked").origin == "US"


def test_a_carrier_name_after_a_rare_word_is_part_of_a_longer_name_even_in_lower_case() -> None:
    # "cincinnati" is common enough for wordfreq to call it everyday, but rarer than "cheap" or "switch"
    assert read("cincinnati bell coverage with a pixel 9, compatible?").carriers == ()
    assert read("cheap bell coverage for a pixel 9?").carriers == ("bell-ca",)


def test_an_everyday_carrier_name_after_an_unknown_word_is_part_of_that_name() -> None:
    # the "Plus" of a ROM's file name is not the Polish carrier
    assert read("5G not working on my pixel 9\n\nPixelExperience_Plus_alioth-13.0-OFFICIAL").carriers == ()


def test_a_carrier_that_sold_the_phone_is_its_origin() -> None:
    result = read("a verizon pixel 9 on jio?")
    assert (result.carriers, result.country, result.origin) == (("jio-in",), "IN", "US")
    # the network that sold it says nothing against a namesake in its own country
    result = read("a verizon pixel 9 on t-mobile?")
    assert (result.carriers, result.origin) == (("tmobile-us",), "US")
    # bare, a carrier before the phone is the network asked about, not the one that sold it
    assert read("vodafone germany pixel 9").carriers == ("vodafone-de",)
    # a carrier's phone is the phone it sold: travelling with it, the country of use is the trip's
    result = read("I am going to Switzerland this summer. I have a Sprint phone, will it work there?")
    assert (result.carriers, result.country, result.origin) == ((), "CH", "US")
    assert read("my tmo phone number, will it port to a pixel 9?").carriers == ("tmobile-us",)
    # a comma parts a network from the phones after it: the one they are compared on
    result = read("which is better for att, pixel 9 or pixel 8")
    assert (result.carriers, result.origin) == (("att-us",), None)


def test_a_carrier_the_asker_left_or_that_sold_an_unknown_phone_is_not_theirs() -> None:
    assert read("an iphone I used to use with sprint: will it work in mexico?").carriers == ()
    result = read("going to germany with my Sprint Pixel 9 Ultra, will it work there?")
    assert (result.carriers, result.country, result.origin) == ((), "DE", "US")
    # "used a … sim" is the network tried, not one left ("used to" is)
    assert read("Used a DITO simcard and calls fail on my pixel 9").carriers == ("dito-ph",)
    # unlocked from a network ("liberado de AT&T") is the phone's provenance, not the asker's network
    result = read("mi pixel 9 liberado de AT&T funciona con telcel?")
    assert (result.carriers, result.country, result.origin) == (("telcel-mx",), "MX", "US")
    assert read("la red de AT&T con mi pixel 9").carriers == ("att-us",)


def test_spanish_and_portuguese_usa_is_the_verb_unless_a_place_can_stand_there() -> None:
    # "usa" (uses): not the United States, and "se" before it is a pronoun, not an SE model
    result = read("el pixel 9 se usa con telcel?")
    assert (result.device, result.country, result.carriers) == ("pixel-9", "MX", ("telcel-mx",))
    assert read("qué bandas usa telcel").country == "MX"
    # where a place can stand, it is the US
    assert read("kya pixel 9 usa wala india me chalega").origin == "US"
    assert read("usa iphone 16 on jio").origin == "US"
    assert read("is the pixel 9 sold in usa").country == "US"
    assert read("pixel 9 usa").country == "US"
    assert read("mein pixel 9 aus den usa geht das mit telekom?").origin == "US"  # after an article
    # after a network's name, ending the question: its country ("boost mobile usa")
    index = Index(
        knowledge(
            vendors=[vendor("google", "Google", "pixel")],
            devices=[device("pixel-9", "google", "Pixel 9", variant("p9", lte=[2]))],
            carriers=[
                carrier("boost-us", "US", "Boost Mobile", "boost", lte=([2], [])),
                carrier("boost-au", "AU", "Boost Mobile", "boost", lte=([3], [])),
            ],
        )
    )
    assert index.analyze("pixel 9 on boost mobile usa").carriers == ("boost-us",)


def test_a_bare_country_name_we_know_no_networks_of_does_not_take_the_carrier_away() -> None:
    # a person's name: the carrier named is the asker's
    result = read("my friend jordan has a pixel 9, works on verizon?")
    assert (result.country, result.carriers) == ("US", ("verizon-us",))
    assert read("chad says the pixel 9 works on tmo").carriers == ("tmobile-us",)
    # named as a place, or with the network, it stays the place ("Vodafone Albania": none we know)
    assert read("pixel 9 in jordan on verizon?").country == "JO"
    assert read("pixel 9 with vodafone albania, no volte").carriers == ()
    # nor offered: a namesake elsewhere is no help where we know no network ("airtel in kenya")
    assert read("does the pixel 9 work with jio in kenya?").suggestions == ()


def test_a_place_name_of_several_countries_is_the_one_a_named_network_is_in() -> None:
    # Georgia the US state (ISO 3166-2) beside AT&T; Georgia the country otherwise
    result = read("i'm in georgia, pixel 9 on att?")
    assert (result.country, result.carriers) == ("US", ("att-us",))
    assert read("i'm in georgia with a pixel 9").country == "GE"


def test_a_link_names_the_phone_a_question_without_one_asks_about() -> None:
    result = read("will this work on tmo? https://www.gsmarena.com/samsung_galaxy_s24-12773.php")
    assert (result.device, result.carriers, result.intent) == ("galaxy-s24", ("tmobile-us",), "compatibility")
    assert read("is this ok for jio? https://www.flipkart.com/google-pixel-9-obsidian-256-gb/p/itm12").device == (
        "pixel-9"
    )
    # the address must hold the phone's whole name; a phone named in the question wins
    assert read("will this work on att https://www.example.com/Google-Pixel-Unlocked-Smartphone").device is None
    assert read("pixel 8 on tmo, see https://www.gsmarena.com/samsung_galaxy_s24-12773.php").device == "pixel-8"


def test_with_the_askers_network_read_namesakes_elsewhere_are_not_offered() -> None:
    # "network issues with vodafone, tried switching to jio": Jio, and no list of the world's Vodafones
    result = read("network issues with vodafone, tried switching to jio on my pixel 9")
    assert (result.carriers, [s for s in result.suggestions if s.kind == "carrier"]) == (("jio-in",), [])


def test_a_chinese_market_word_picks_the_variant() -> None:
    # read a character a token: "国际版" is "国际" (international) then "版" (version)
    result = read("小米14国际版在美国能用吗")
    assert (result.device, result.variant, result.country) == ("xiaomi-14", "x14g", "US")


def test_a_carrier_a_phone_was_bought_with_or_at_is_not_the_asked_network() -> None:
    result = read("bought my pixel 9 at verizon, works on telcel?")
    assert (result.carriers, result.country, result.origin) == (("telcel-mx",), "MX", "US")
    result = read("If i buy a pixel 9 full price with a Verizon contract would it work? I'm from Mexico")
    assert (result.carriers, result.country, result.origin) == ((), "MX", "US")
    # a word of use between: the network is where it is to work
    assert read("I bought a pixel 9, will it work with verizon?").carriers == ("verizon-us",)


def test_with_no_phone_a_network_of_another_country_is_not_offered() -> None:
    # the network left at home: the question back is for the phone, not "Which one: T-Mobile (US)?"
    result = read("will my phone work in mexico? i'm on sprint")
    assert (result.country, result.suggestions) == ("MX", ())
    # with a phone named, the network is still offered ("smart" in India is not Smart in the Philippines)
    assert [s.id for s in read("pixel 9 ok on dito in india?").suggestions] == ["dito-ph"]


def test_a_brand_named_with_the_network_it_runs_on_is_the_askers() -> None:
    assert read("i'm on mint, which uses t-mobile's network: does the pixel 9 work?").carriers == ("mint-us",)
    # offered as a choice, both stay
    assert set(read("mint or tmo for my pixel 9?").carriers) == {"mint-us", "tmobile-us"}
    # a network it was on is no longer the asker's
    assert read("now my provider is verizon, until april was att. pixel 9 has no lte").carriers == ("verizon-us",)


def test_a_carrier_version_of_a_phone_is_its_origin() -> None:
    result = read("Google Pixel 9 Verizon version. Sim not working. Im from Pakistan")
    assert (result.device, result.carriers, result.country, result.origin) == ("pixel-9", (), "PK", "US")


def test_two_letter_words_are_countries_only_where_they_can_be() -> None:
    assert read("5G on the pixel 9 with NSA and SA").country is None
    assert read("xiaomi 14 in JP").country == "JP"


# -- model numbers (bot/matching/models.py) --------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "device_id", "variant_id"),
    [
        ("smn981b on tmo", "galaxy-note20", "n20"),
        ("SM S921U on verizon", "galaxy-s24", "s24-us-carrier"),
        ("sms921u1 w/ mint?", "galaxy-s24", "s24-us"),
        ("SM-S928B/DS in the us on verizon", "galaxy-s24-ultra", "s24u"),
        ("sm-s921b", "galaxy-s24", "s24-intl"),
        # Samsung's numbers without their "SM-"
        ("my s921b on tmo", "galaxy-s24", "s24-intl"),
        ("S921U1 on verizon", "galaxy-s24", "s24-us"),
        ("n981b no volte", "galaxy-note20", "n20"),
    ],
)
def test_model_numbers_in_any_form(question: str, device_id: str, variant_id: str) -> None:
    result = read(question)
    assert (result.device, result.variant) == (device_id, variant_id)


def test_networks_offered_as_a_choice_are_each_checked_and_neither_is_the_askers() -> None:
    # two everyday names of one country's networks, "or" between them, name each other
    choice = read("mint or ultra for my pixel 9?")
    assert set(choice.carriers) == {"mint-us", "ultra-us"} and choice.carrier_choice
    assert read("is it mint or ultra clean? my pixel 9").carriers == ()
    # an everyday name the question ends on after "for" is the network asked about, not "for three days"
    assert read("pixel 9 or pixel 8 for mint?").carriers == ("mint-us",)
    assert read("is the pixel 9 good for mint condition").carriers == ()
    mine = read("does my pixel 9 work on tmo or should i switch to verizon")
    assert mine.carriers[0] == "tmobile-us" and not mine.carrier_choice


def test_a_brand_sold_on_several_networks_of_its_country_checks_each() -> None:
    # "US Mobile Warp", "US Mobile Light Speed": a question says "us mobile" without saying which
    hosts = Index(
        knowledge(
            vendors=[vendor("google", "Google", "pixel")],
            devices=[device("pixel-9", "google", "Pixel 9", variant("p9", lte=[2, 4]))],
            carriers=[
                carrier("verizon-us", "US", "Verizon", lte=([2, 4, 13], [])),
                carrier("tmobile-us", "US", "T-Mobile", lte=([2, 4, 71], [])),
                carrier("usm-warp-us", "US", "US Mobile Warp (Verizon network)", mvno_of="verizon-us"),
                carrier("usm-light-us", "US", "US Mobile Light Speed (T-Mobile network)", mvno_of="tmobile-us"),
                carrier("china-mobile-cn", "CN", "China Mobile", lte=([1, 3], [])),
                carrier("china-unicom-cn", "CN", "China Unicom", lte=([1, 3], [])),
            ],
        )
    )
    for question in ("pixel 9 on us mobile?", "I'm with usmobile, will my pixel 9 work"):
        both = hosts.analyze(question)
        assert set(both.carriers) == {"usm-warp-us", "usm-light-us"} and both.carrier_choice
        assert both.country == "US" and both.intent == "compatibility"
    one = hosts.analyze("pixel 9 on us mobile warp?")
    assert one.carriers == ("usm-warp-us",) and not one.carrier_choice
    # a country's name is no brand: "china" alone names no network
    assert hosts.analyze("pixel 9 in china").carriers == ()


@pytest.mark.parametrize(
    ("question", "carriers"),
    [
        # "fi" of "wi-fi" is the end of a word, not Google Fi
        ("does the pixel 9 support wi-fi calling in the US?", ()),
        ("pixel 9 on fi?", ("google-fi-us",)),
    ],
)
def test_a_network_s_short_name_after_a_hyphen_is_part_of_a_word(question: str, carriers: tuple[str, ...]) -> None:
    assert read(question).carriers == carriers


@pytest.mark.parametrize(
    ("question", "device_id"),
    [
        # an "s" glued to a model number after words of several phones is a plural ...
        ("do our pixel 9s work on tmo?", "pixel-9"),
        ("both of my pixel 9s on tmo?", "pixel-9"),
        # ... but alone it may be another model, one we do not know
        ("does the pixel 9s work on tmo?", None),
    ],
)
def test_a_plural_of_a_model_number_is_that_model(question: str, device_id: str | None) -> None:
    assert read(question).device == device_id


def test_build_ids_and_units_are_no_model_numbers() -> None:
    result = read("pixel 9 on build TQ2A.230405.003, 128gb, 5000mah: works on tmo?")
    assert result.device == "pixel-9" and result.unknown_model is None


def test_an_unknown_model_number_typed_in_lower_case_is_still_one() -> None:
    result = read("sm-s938n on verizon")
    assert result.device is None and result.unknown_model == "sm-s938n"


# -- what is asked (bot/matching/intent.py) -----------------------------------------------------


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("xiaomi 14 on verizon?", "compatibility"),
        ("galaxy s24 with jio?", "compatibility"),
        ("pixel 9 in japan?", "compatibility"),
        ("is the xiaomi 14 sold in the us?", "availability"),
        ("bands of the xiaomi 14?", "bands"),
        ("does the galaxy s24 have n77?", "bands"),
        ("how to root the pixel 9", "other"),
        ("will google apps work on my xiaomi 14?", "other"),
        ("price of the pixel 9 in india", "other"),
        # the network's shop, not its radio
        ("galaxy s24 price at the verizon store, contract vs cash?", "other"),
        ("pixel 9 trade in value at verizon right now?", "other"),
        ("pixel 9 price on verizon, does it work with their 5g?", "compatibility"),
        ("unlock galaxy s24 tmobile", "other"),
        ("will an unlocked galaxy s24 work on tmobile", "compatibility"),
        ("is huawei banned in the us", "availability"),
        ("o pixel 9 é homologado no brasil?", "availability"),  # certified by Anatel for sale there
        ("pixel 9?", "unknown"),
        ("what carrier is best in canada?", "other"),
        ("what phones work on dito?", "other"),
        ("pixel 9 launched in brazil??", "availability"),
        ("is the pixel 9 out in india", "availability"),
        ("is the pixel 9 out yet in japan?", "availability"),
        ("my pixel 9 keeps cutting out in the subway on tmo", "compatibility"),
        ("hi", "hello"),
        ("¿funciona el xiaomi 14 en telcel?", "compatibility"),
        ("ist das pixel 9 in deutschland erhältlich?", "availability"),
        ("kya pixel 9 india me milega?", "availability"),
        ("il pixel 9 arriverà in italia", "availability"),
        ("iPhone 16 日本で販売されていますか", "availability"),
        ("ايفون 16 متوفر في مصر؟", "availability"),
        ("갤럭시 s24 한국 출시?", "availability"),
        ("小米14在美国能用吗", "compatibility"),
        # trouble getting service on a named network asks whether the phone fits it, whatever software it runs
        ("pixel 8 no 5g on tmo after the update", "compatibility"),
        ("pixel 9 on android 16, china telecom sim, 5G handicapped back to 4g lte", "compatibility"),
        ("pixel 9 更新后 中国电信 5G无法开启", "compatibility"),
        ("pixel 9 OTA更新后 电信卡 收不到5g信号", "compatibility"),
        # with no phone named, trouble on a named network still asks whether a phone fits it
        ("no volte on jio since the update, calls fail", "compatibility"),
        ("no signal in germany since the update", "compatibility"),
        ("how do i turn on volte in the settings of my pixel 9 on jio", "other"),
        ("can i root my pixel 9 without breaking volte on jio", "other"),
        # rooted in the story of trouble on a named network, as an update or a flash is
        ("rooted my pixel 9, still no volte on jio", "compatibility"),
        ("Huawei P60 Pro Google services?", "other"),  # beyond the radio: no network answers it
        ("is the pixel 9 waterproof", "other"),
        ("pixel 9 chori ho gaya in india", "other"),  # stolen: a matter for the police, not the network
        # with no phone, a network's bands and the end of its old networks are the network's own
        ("what bands does verizon use", "bands"),
        ("does verizon still have 3g?", "bands"),
        ("when did att shut down 3g", "bands"),
        ("is 5g on tmo even worth it", "other"),
        ("lte bands in japan?", "bands"),
        # each model's number and market head its band list; a number given is no question of it
        ("what model number is the japanese pixel 9", "bands"),
        ("my phone has model number SM-S921B, does it work on tmo", "compatibility"),
        ("which 5g bands does germany use", "bands"),
        ("xiaomi 14 play store?", "unknown"),  # an app store is no shop selling phones
        ("does grapheneos work with verizon on a pixel 9?", "compatibility"),
        ("5G not available on my pixel 9 in india", "compatibility"),
        # a carrier's name that fits several countries is still a network named
        ("my pixel 9 can't detect the sim, vodafone", "compatibility"),
        ("pixel 9: no signal with my vodafone sim", "compatibility"),
    ],
)
def test_intent_from_words_and_structure(question: str, intent: str) -> None:
    assert read(question).intent == intent


def test_french_compatible_before_a_network_names_it() -> None:
    assert read("pixel 9 version us compatible vivo ?").carriers == ("vivo-br",)


def test_a_sim_taken_abroad_uses_the_networks_there() -> None:
    result = read("will my indian jio sim work in germany on my pixel 9?")
    assert (result.country, result.carriers) == ("DE", ())
    result = read("using a us tmobile sim in mexico with my pixel 9, any issues?")
    assert (result.country, result.carriers) == ("MX", ())
    # a SIM put in a phone from elsewhere is used at home: "airtel sim in a japanese pixel 9"
    assert read("jio sim in a japanese pixel 9?").carriers == ("jio-in",)


def test_an_article_may_stand_between_a_word_of_networks_and_the_name() -> None:
    assert read("o pixel 9 funciona com a vivo?").carriers == ("vivo-br",)
    smart = Index(knowledge(carriers=[carrier("smart-ph", "PH", "Smart", "smart", lte=([3, 28], []))]))
    assert smart.analyze("my pixel 9 on the smart network").carriers == ("smart-ph",)
    assert smart.analyze("going with a smart phone").carriers == (), "an adjective of phones"


def test_a_network_asked_what_it_has_is_named_by_its_everyday_name() -> None:
    # "does <network> use/have/support …": a network's name, even an everyday word, and its own bands
    for question, network in (("what bands does mint use", "mint-us"), ("does play have 5g", "play-pl")):
        result = read(question)
        assert (result.carriers, result.intent) == ((network,), "bands"), question
    assert read("does jio support volte").intent == "bands"
    assert read("does my phone have 5g on jio").intent != "bands", "a phone's, not the network's"
    # a maker's name is no network there
    both = Index(
        knowledge(
            vendors=[vendor("vivo", "vivo")],
            carriers=[carrier("vivo-br", "BR", "Vivo", "vivo", lte=([3, 7, 28], []))],
        )
    )
    assert both.analyze("does vivo use snapdragon").carriers == ()


# -- other languages ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "origin"),
    [
        ("will a chinese phone work in the us?", "CN"),
        ("my japanese smartphone on tmo?", "JP"),
        # what a phone has there, or a maker, is no phone from there
        ("i need a us phone number for my pixel 9", None),
        ("xiaomi, a chinese smartphone giant, sells the xiaomi 14 in the us?", None),
    ],
)
def test_a_countrys_adjective_before_a_word_of_phones_is_where_it_comes_from(question: str, origin: str | None) -> None:
    assert read(question).origin == origin


@pytest.mark.parametrize(
    ("question", "country", "origin"),
    [
        # the phone's market before a word of phones, then the place it is used
        ("will my usa phone work in mexico?", "MX", "US"),
        ("Will my U.S. mobile phone work in Mexico?", "MX", "US"),
        ("my china phone in india", "IN", "CN"),
        ("pixel 9 U.S. version in india", "IN", "US"),
        # initials' dots end no sentence, but a place of use stays one
        ("I live in the U.S. My pixel 8 works?", "US", None),
    ],
)
def test_a_place_before_a_word_of_phones_is_its_market_when_another_place_is_named(
    question: str, country: str, origin: str | None
) -> None:
    result = read(question)
    assert (result.country, result.origin) == (country, origin)


def test_a_network_named_with_initials_is_found() -> None:
    index = Index(
        knowledge(
            vendors=[vendor("google", "Google", "pixel")],
            devices=[device("pixel-9", "google", "Pixel 9", variant("p9", lte=[2, 4]))],
            carriers=[carrier("uscellular-us", "US", "UScellular", "us cellular", lte=([2, 4], []))],
        )
    )
    assert index.analyze("will my pixel 9 work on U.S. Cellular").carriers == ("uscellular-us",)


def test_a_romance_se_is_a_pronoun_not_a_model_word() -> None:
    # "se vende" (is sold): no Xiaomi 14 SE asked about; "se on tmo" may well be one we do not know
    assert read("¿el xiaomi 14 se vende en méxico?").device == "xiaomi-14"
    assert read("xiaomi 14 se on tmo").device is None


def test_one_word_two_languages_share_is_told_apart_by_the_others() -> None:
    # "da" is Portuguese and Italian alike; "pega" (gets) only Portuguese
    assert read("o pixel 9 pega 5g da vivo?").lang == "pt"


@pytest.mark.parametrize(
    ("question", "device_id", "country", "origin"),
    [
        ("xiaomi 14 versione cinese funziona in italia?", "xiaomi-14", "IT", "CN"),
        ("comprado na China, o xiaomi 14 funciona no Brasil?", "xiaomi-14", "BR", "CN"),
        ("小米14在美国能用吗", "xiaomi-14", "US", None),
        ("pixel5在中国能用吗", "pixel-5", "CN", None),
        ("iphone 16 国行 可以用 jio 吗", "iphone-16", "IN", "CN"),
        ("el pixel 9 funciona en México?", "pixel-9", "MX", None),
        # the article folded into the preposition ("nos" = in the) and the Portuguese "EUA"
        ("iphone 16 comprado nos eua pega na vivo?", "iphone-16", "BR", "US"),
    ],
)
def test_questions_in_other_languages(question: str, device_id: str, country: str, origin: str | None) -> None:
    result = read(question)
    assert (result.device, result.country, result.origin) == (device_id, country, origin)


# -- long posts (bot/matching/tokens.py) ----------------------------------------------------------


def test_noise_is_blanked_and_spans_kept() -> None:
    post = "see https://example.org/galaxy-s24 build UP1A.231005.007\nSent from my SM-S921U using Tapatalk"
    cleaned = blank_noise(post)
    assert len(cleaned) == len(post)
    assert "galaxy" not in cleaned and "UP1A" not in cleaned and "S921U" not in cleaned and "see" in cleaned


@pytest.mark.parametrize(
    "post",
    [
        "Is the Pixel 9 fine on Verizon? Posted from my Galaxy S24 using Tapatalk",
        "Is the Pixel 9 fine on Verizon?\n--\nMike\nGalaxy S24 | Pixel Watch 2",
    ],
)
def test_a_signature_after_the_question_names_no_phone(post: str) -> None:
    assert read(post).device == "pixel-9"


def test_a_market_before_the_phone_named_again_is_its_origin() -> None:
    post = "My uncle sent me an iPhone 16 from the US. Telcel line. Will the US iPhone 16 work on Telcel?"
    result = read(post)
    assert (result.device, result.origin, result.country, result.carriers) == ("iphone-16", "US", "MX", ("telcel-mx",))


def test_a_market_after_the_phone_named_again_is_its_origin() -> None:
    post = "ane baru pulang dari Amerika bawa Galaxy S24 versi US. Bisa dipakai gak ya S24 US di Telkomsel?"
    result = read(post)
    assert (result.device, result.origin, result.country, result.carriers) == (
        "galaxy-s24",
        "US",
        "ID",
        ("telkomsel-id",),
    )


def test_a_market_before_a_short_mention_of_the_phone_is_its_origin() -> None:
    post = "Just came back from the US with a Galaxy S24. I'm on Telcel. Will the US S24 work on Telcel?"
    result = read(post)
    assert (result.origin, result.country, result.carriers) == ("US", "MX", ("telcel-mx",))


def test_a_long_post_is_read_for_its_question() -> None:
    post = (
        "ok so long story. I had a Galaxy S24 for a year, loved it, then it fell in a lake. "
        + "Logs below.\n```\nE/RIL( 123): radio power off\n```\n" * 3
        + "Now my brother gave me his pixel 8. Will the pixel 8 work on tmo? "
        + "Thanks!\nSent from my SM-S921U1"
    )
    result = read(post)
    assert (result.device, result.carriers) == ("pixel-8", ("tmobile-us",))


# -- follow-ups (bot/matching/reading.py) ---------------------------------------------------------


def test_a_post_about_a_phone_we_do_not_know_is_not_about_the_one_we_know() -> None:
    a = read("The Vollaphone is a European phone and its bands don't cover ours. I finally switched to a Pixel 9.")
    assert a.device is None
    # in lower case too, as issue forms list it beside a phone we know
    assert read("calls fail on play\n- Device: vollaphone/pixel 9\n- Channel: stable").device is None
    # a common word ending in "phone" names no phone
    assert read("Smartphone problems: the Pixel 9 has no 5G on jio").device == "pixel-9"


def test_a_city_needs_a_preposition_before_it() -> None:
    # "Rom" is Rome in German; "the rom" is the phone's software
    assert read("pixel 9 on china telecom: the rom should miss some band").country == "CN"


def test_a_city_that_is_an_everyday_word_after_a_short_romance_preposition_is_written_as_a_name() -> None:
    # "lagos" is "lakes" in Spanish, and "de" is in every other phrase
    assert read("fotos de lagos con el pixel 9, funciona bien?").country is None
    assert read("el pixel 9 funciona en Lagos?").country == "NG"
    assert read("does the pixel 9 work in lagos?").country == "NG"


def test_a_city_cldr_does_not_name_is_read_from_geonames() -> None:
    # CLDR names Kolkata and Berlin for their time zones, not Mumbai or Düsseldorf
    assert read("galaxy s24 ultra works in mumbai?").country == "IN"
    reading = read("does the pixel 9 get vodafone 5g in düsseldorf")
    assert (reading.country, reading.carriers) == ("DE", ("vodafone-de",))


def test_a_word_one_typo_from_a_geonames_city_is_not_that_city() -> None:
    # "a normal issue": "a" is "to" in Spanish and Portuguese, and "normal" one letter from Norman, US
    assert read("pixel 9 on jio, is it a normal issue?").country == "IN"


def test_geonames_cities_a_name_shared_or_an_everyday_word_names_no_country() -> None:
    rows = [
        ("Hyderabad", "IN", 6_993_262),
        ("Hyderabad", "PK", 1_921_275),
        ("Valencia", "VE", 1_619_470),
        ("Valencia", "ES", 824_340),
        ("Mobile", "US", 183_289),
        ("London", "GB", 8_961_989),
        ("London", "CA", 422_324),
        ("Düsseldorf", "DE", 618_685),
        ("Bareilly", "IN", 898_167),
        ("Rauma", "FI", 39_809),
    ]
    chosen = cities.choose(rows, frozenset({"IN", "PK", "ES", "US", "GB", "CA", "DE", "FI"}))
    assert chosen == {"IN": {"Hyderabad", "Bareilly"}, "GB": {"London"}, "DE": {"Düsseldorf"}}
    # a country whose networks we do not know is no place we can answer for
    assert "DE" not in cities.choose(rows, frozenset({"IN"}))
    # the everyday word's city, under a million people, is one to read only written as a name
    assert cities.choose(rows, frozenset({"US", "FI"}), written=True) == {"US": {"Mobile"}}


def test_a_city_whose_name_is_an_everyday_word_counts_written_as_a_name() -> None:
    assert read("pixel 9 en Sevilla, funciona?").country == "ES"
    assert read("pixel 9 en sevilla, funciona?").country is None
    # a network's word is the network's ("Mobile", Alabama, is no city after "no")
    assert read("no Mobile Network on my pixel 9").origin is None


@pytest.mark.parametrize(
    ("question", "thing"),
    [
        ("pixel watch 2 lte on verizon?", "watch"),
        ("华为 5G CPE Pro 插移动卡没有信号", "cpe"),  # a router, "5G" between the maker and the kind
        ("xiaomi 5g router on verizon", "router"),
        ("galaxy tab s9 5g on att", "tab"),
        ("xiaomi pad 6 sold in the us?", "pad"),
        ("mi band 8 in india", "band"),  # "mi" is an everyday word; "band 8" is no radio band here
        ("ipad pro m4 cellular on verizon", "ipad"),
        ("iphone 16 charger in europe", "charger"),
    ],
)
def test_a_product_that_is_no_phone_is_declined_not_read_as_a_phone(question: str, thing: str) -> None:
    reading = read(question)
    assert (reading.gadget, reading.intent) == (thing, "other")
    assert not [s for s in reading.suggestions if s.kind == "device"]  # no "POCO M4 Pro?" for an iPad


def test_a_product_named_in_passing_in_a_long_post_or_beside_a_phone_is_not_the_question() -> None:
    assert (
        read("tried hotspot on my Mac and iPad. Then the pixel 9 on verizon: no data. Any idea? Thanks.").gadget is None
    )
    assert read("does the pixel 9 support band 8 on verizon?").gadget is None
    assert read("xiaomi 14 on tmo?").gadget is None


def test_an_ellipsis_ends_a_sentence_even_without_a_space() -> None:
    question = "the pixel 9 comes to Canada. So far, the US has a release date and so does the UK…what about Canada?"
    assert read(question).country == "CA"


def test_a_rom_build_name_names_the_phone_by_its_codename_and_sells_nothing() -> None:
    index = Index(
        knowledge(
            vendors=[vendor("google", "Google")],
            devices=[device("pixel-3", "google", "Pixel 3", aliases=("blueline",))],
            carriers=[carrier("att-us", "US", "AT&T", "att")],
        )
    )
    # the version after the hyphen is no model number, and the build's "OFFICIAL" is no sale word
    build = "PixelExperience_blueline-13.0-20230107-0010-OFFICIAL"
    result = index.analyze(f"SIM not detected\n\n{build}\n\nno service on att")
    assert (result.device, result.intent) == ("pixel-3", "compatibility")
    assert index.analyze(f"SIM not detected\n\n{build}").intent != "availability"
    assert index.analyze("is the pixel 3 officially sold in the us?").intent == "availability"


def test_a_post_is_about_the_phone_its_title_names() -> None:
    assert read("pixel 9 没有5G\n\n中国电信. 在pixel 8上尝试可以开启5G").device == "pixel-9"
    # without a title, the one in trouble beside the one that works; with no trouble told, a question back
    assert read("pixel 9 没有5G, 在pixel 8上尝试可以开启5G").device == "pixel-9"
    assert read("pixel 9 和 pixel 8 在中国电信").device is None


def test_thanks_asks_nothing_even_in_reply_to_an_answer() -> None:
    for words in ("thanks!", "ok cool, thank you", "gracias 🙏", "👍"):
        assert read(words, after="pixel 9 on jio?").intent == "thanks", words
    assert read("ok, and the pixel 8?", after="pixel 9 on jio?").device == "pixel-8"


def test_a_greeting_or_a_call_for_help_is_told_what_the_bot_answers() -> None:
    for words in ("hi!", "hello bot", "help", "what can you do?", "bom dia", "你好", "안녕하세요!"):
        assert read(words).intent == "hello", words
        assert read(words, after="pixel 9 on jio?").intent == "hello", words
    assert read("hi, is the pixel 8 sold in india?").device == "pixel-8"
    assert read("help! my pixel 8 has no signal on verizon").device == "pixel-8"
    assert read("how does it work?", after="pixel 9 on jio?").intent != "hello", "about the answer, not the bot"


def test_a_follow_up_inherits_what_it_does_not_say() -> None:
    result = read("what about on T-Mobile?", after="will the pixel 8 work on verizon?")
    assert (result.device, result.carriers, result.intent) == ("pixel-8", ("tmobile-us",), "compatibility")


def test_a_follow_up_about_a_network_s_bands_drops_the_phone_unless_it_points_back() -> None:
    assert read("what bands does verizon use", after="pixel 9 on jio?").device is None
    assert read("does it have band 71 on tmo?", after="pixel 9 on jio?").device == "pixel-9"


def test_a_follow_up_with_a_new_phone_keeps_the_place() -> None:
    result = read("and the pixel 9?", after="is the xiaomi 14 sold in the us?")
    assert (result.device, result.country, result.intent) == ("pixel-9", "US", "availability")


@pytest.mark.parametrize(
    ("question", "after", "device"),
    [
        ("what about the 8t", "oneplus 8 on tmo?", "oneplus-8t"),
        ("and the 9 pro fold?", "will the pixel 8 work on verizon?", "pixel-9-pro-fold"),  # not an "8 Pro"
        ("what about the 9?", "will the pixel 8 work on verizon?", "pixel-9"),
        ("and 5g?", "will the pixel 8 work on verizon?", "pixel-8"),
        ("in 2 weeks?", "will the pixel 8 work on verizon?", "pixel-8"),
        ("on band 71?", "will the pixel 8 work on verizon?", "pixel-8"),
    ],
)
def test_a_follow_up_naming_a_number_asks_about_that_model_of_the_line(question: str, after: str, device: str) -> None:
    assert read(question, after=after).device == device


def test_a_follow_up_name_of_several_makers_keeps_to_the_maker_asked_about() -> None:
    index = Index(
        knowledge(
            vendors=[vendor("xiaomi", "Xiaomi", "redmi"), vendor("infinix", "Infinix")],
            devices=[
                device("rn13", "xiaomi", "Redmi Note 13", variant("rn13v", lte=[3])),
                device("rn12", "xiaomi", "Redmi Note 12", variant("rn12v", lte=[3])),
                device("in12", "infinix", "Infinix Note 12", variant("in12v", lte=[3])),
            ],
            carriers=[carrier("jio-in", "IN", "Jio", lte=([3, 5, 40], []))],
        )
    )
    result = index.analyze("and the note 12?", index.analyze("redmi note 13 on jio"))
    assert (result.device, result.carriers) == ("rn12", ("jio-in",))


def test_a_follow_up_asking_there_keeps_the_country() -> None:
    result = read("is it sold there?", after="will the xiaomi 14 work in germany?")
    assert (result.device, result.country, result.intent) == ("xiaomi-14", "DE", "availability")


def test_a_follow_up_naming_a_carrier_of_several_countries_stays_in_the_country() -> None:
    result = read("and o2?", after="will the pixel 9 work in germany on telekom?")
    assert (result.device, result.carriers) == ("pixel-9", ("o2-de",))


def test_a_follow_up_on_the_same_carrier_elsewhere() -> None:
    result = read("and in spain on the same carrier?", after="pixel 9 on vodafone germany?")
    assert (result.device, result.country, result.carriers) == ("pixel-9", "ES", ("vodafone-es",))


def test_a_follow_up_with_a_market_word_picks_the_variant() -> None:
    result = read("its the china one btw", after="will my xiaomi 14 work on tmo?")
    assert (result.device, result.variant, result.carriers) == ("xiaomi-14", "x14c", ("tmobile-us",))


# -- autocomplete (bot/matching/complete.py) -------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "typed", "first"),
    [
        ("carrier", "tmo", "tmobile-us"),
        ("carrier", "vzw", "verizon-us"),
        ("country", "uk", "GB"),
        ("country", "usa", "US"),
        ("country", "de", "DE"),
        ("device", "sm-s921", "galaxy-s24"),
        ("device", "23127pn0cc", "xiaomi-14"),
        ("device", "pixel 9", "pixel-9"),
    ],
)
def test_autocomplete_knows_nicknames_and_model_numbers(kind: str, typed: str, first: str) -> None:
    assert INDEX.complete(kind, typed)[0][0] == first


# -- any text at all --------------------------------------------------------------------------------

_WORDS = st.sampled_from(
    [
        "pixel",
        "9",
        "xiaomi",
        "14",
        "t",
        "-",
        "mobile",
        "on",
        "in",
        "from",
        "china",
        "version",
        "US",
        "SM-S921U",
        "小米",
        "在",
        "中国",
        "?",
        ".",
        "\n",
        "the",
        "verizon",
        "one",
        "bought",
        "a",
        "us",
        "to",
        "go",
        "&",
        "+",
        "/DS",
        *("at&t", "telcel", "mexico", "o2", "germany", "vodafone", "spain", "same", "carrier", "sim", "dito"),
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_WORDS, st.text(max_size=6)), max_size=30), st.booleans())
def test_any_question_is_read_without_error(words: list[str], follow_up: bool) -> None:
    question = " ".join(words)
    before = INDEX.analyze("will the pixel 9 work on verizon?") if follow_up else None
    result = INDEX.analyze(question, before)
    assert result.device is None or K.has("devices", result.device)
    assert all(K.has("carriers", c) for c in result.carriers)


def test_a_model_number_says_which_longer_name_was_meant() -> None:
    # "galaxy s24" begins "Galaxy S24 Ultra", whose model number SM-S928B is given: the Ultra.
    a = read("galaxy s24 SM-S928B on tmo")
    assert (a.device, a.variant) == ("galaxy-s24-ultra", "s24u")
    # A longer name with another phone's model number is no such refinement: asked back.
    b = read("galaxy s24 ultra SM-S921B on tmo")
    assert b.device is None and {s.id for s in b.suggestions} == {"galaxy-s24", "galaxy-s24-ultra"}


def test_an_android_version_written_the_rom_way_is_no_galaxy() -> None:
    k = knowledge(
        vendors=[vendor("samsung", "Samsung", "galaxy"), vendor("google", "Google")],
        devices=[
            device("galaxy-a14", "samsung", "Galaxy A14", variant("a14", lte=[3, 5]), aliases=("a14",)),
            device("pixel-8", "google", "Pixel 8", variant("p8", lte=[3, 5])),
        ],
        carriers=[carrier("jio-in", "IN", "Jio", "jio", lte=([3, 5, 40], []))],
    )
    index = Index(k)
    # "EvolutionX A14" is the ROM on Android 14: the phone is the Pixel 8.
    assert index.analyze("EvolutionX A14 custom rom on my pixel 8, no 5G on jio").device == "pixel-8"
    assert index.analyze("Tested on EvolutionX A14 custom rom, 5G not working on jio").device is None
    # The phone named by its maker, or with no ROM word beside it, is still the Galaxy A14.
    assert index.analyze("samsung a14 custom rom on jio").device == "galaxy-a14"
    assert index.analyze("does the a14 work on jio").device == "galaxy-a14"


def test_a_servers_country_fills_in_what_the_question_does_not_say() -> None:
    home = INDEX.analyze("does the pixel 9 work on vodafone?", home="DE")
    assert (home.device, home.carriers, home.country) == ("pixel-9", ("vodafone-de",), "DE")
    here = INDEX.analyze("is the pixel 9 sold here?", home="IN")
    assert (here.country, here.intent) == ("IN", "availability")
    bare = INDEX.analyze("pixel 9?", home="IN")
    assert (bare.country, bare.intent) == ("IN", "compatibility")
    # A place or carrier the question names wins; a post about something else gets no country.
    assert INDEX.analyze("pixel 9 on verizon", home="IN").country == "US"
    assert INDEX.analyze("pixel 9 in mexico", home="IN").country == "MX"
    assert INDEX.analyze("how do i root my pixel 9", home="IN").country is None
    assert INDEX.analyze("hello there", home="IN").country is None


def test_the_portuguese_is_is_no_model_letter() -> None:
    k = knowledge(
        vendors=[vendor("apple", "Apple", "iphone")],
        devices=[
            device("iphone-16", "apple", "iPhone 16", variant("i16", lte=[3, 7, 28])),
            device("iphone-16e", "apple", "iPhone 16e", variant("i16e", lte=[3, 7, 28])),
        ],
    )
    index = Index(k)
    # "é" is "is": the iPhone 16, not the 16e; the 16e written as one word is still the 16e.
    assert index.analyze("o iphone 16 é vendido no brasil?").device == "iphone-16"
    assert index.analyze("o iphone 16e é vendido no brasil?").device == "iphone-16e"


def test_one_function_word_of_one_language_tells_a_short_question_s_language() -> None:
    k = knowledge(
        vendors=[vendor("google", "Google", "pixel")],
        devices=[device("pixel-9", "google", "Pixel 9", variant("p9", lte=[3, 7, 28]))],
        carriers=[
            carrier("claro-br", "BR", "Claro Brasil", "claro", lte=([3, 7, 28], [])),
            carrier("claro-co", "CO", "Claro Colombia", "claro", lte=([2, 4, 7], [])),
        ],
    )
    index = Index(k)
    # "na" is Portuguese only, and nothing is English: the Brazilian Claro.
    assert index.analyze("pixel 9 funciona na claro?").carriers == ("claro-br",)
    # English, or a word several languages share, tells nothing: the question back stays.
    assert index.analyze("pixel 9 on claro").carriers == ()


def test_a_carrier_named_after_a_word_that_opens_phone_names_offers_no_phone() -> None:
    # "on" opens "Galaxy On5"; "Kestrel" is also a word of a phone's name, but here a carrier's
    k = knowledge(
        vendors=[vendor("samsung", "Samsung", "galaxy"), vendor("acme", "Acme")],
        devices=[
            device("galaxy-on5", "samsung", "Galaxy On5", variant("on5", lte=[3])),
            device("acme-kestrel", "acme", "Acme Kestrel X1", variant("k1", lte=[3])),
        ],
        carriers=[carrier("kestrel-gb", "GB", "Kestrel Mobile", lte=([3], []))],
    )
    a = Index(k).analyze("which phones work on Kestrel Mobile?")
    assert (a.device, a.carriers, a.suggestions) == (None, ("kestrel-gb",), ())
    assert Index(k).analyze("galaxy on5 on kestrel mobile").device == "galaxy-on5"


def test_of_several_carriers_named_the_one_the_question_asks_about() -> None:
    k = knowledge(
        vendors=[vendor("apple", "Apple", "iphone")],
        devices=[device("iphone-14", "apple", "iPhone 14", variant("i14", lte=[1, 18]))],
        carriers=[
            carrier("povo-jp", "JP", "povo", lte=([1, 18], [])),
            carrier("ahamo-jp", "JP", "ahamo", lte=([1, 19], [])),
            carrier("au-jp", "JP", "au", "au kddi", lte=([1, 18], [])),
        ],
    )
    q = "a friend said povo, another said ahamo, and au kddi is the network. will my iphone 14 work on povo?"
    assert Index(k).analyze(q).carriers == ("povo-jp",)
    # a list after "with" or "on" in the question: each network asked about
    assert set(Index(k).analyze("iphone 14 with povo, ahamo and au kddi").carriers) == {"povo-jp", "ahamo-jp", "au-jp"}
    # nor is one written without commas: a network right before another one sold no phone, even
    # where the next word is also a word of phone names ("China … China")
    cn = knowledge(
        vendors=[vendor("xiaomi", "Xiaomi")],
        devices=[device("x14", "xiaomi", "Xiaomi 14 China", variant("x", lte=[1]))],
        carriers=[
            carrier("cmcc", "CN", "China Mobile", lte=([1], [])),
            carrier("cu", "CN", "China Unicom", lte=([1], [])),
            carrier("ct", "CN", "China Telecom", lte=([1], [])),
        ],
    )
    assert Index(cn).analyze("Support 5G? China Mobile China Unicom China Telecom").carriers == ()
    # one of a list said to be the asker's ("a … user") is the asker's; the first so said, when several are
    q = "China Unicom user here: calls to China Mobile and China Telecom users fail on my xiaomi 14 china"
    assert Index(cn).analyze(q).carriers == ("cu",)


@pytest.mark.parametrize(
    ("question", "bands"),
    [
        ("does the pixel 9 have band 71?", (("lte", 71),)),
        ("pixel 9 b71 and n77/n78?", (("lte", 71), ("nr", 77), ("nr", 78))),
        ("galaxy s24 bands 2, 4 and 66?", (("lte", 2), ("lte", 4), ("lte", 66))),
        ("o galaxy s24 tem banda 28?", (("lte", 28),)),
        ("小米14支持n79频段吗", (("nr", 79),)),
        # the list ends where the sentence goes on; a number no band has is none
        ("does the pixel 9 have band 71 on the 8?", (("lte", 71),)),
        ("pixel 9 band 200?", ()),
        # a number LTE has no band of is 5G's
        ("does the pixel 9 have band 77?", (("nr", 77),)),
        # a phone's model number is not a band
        ("what bands does the galaxy s24 have?", ()),
    ],
)
def test_the_bands_a_question_names(question: str, bands: tuple[tuple[str, int], ...]) -> None:
    result = read(question)
    assert result.intent == "bands" and result.bands_asked == bands


def test_a_region_is_a_place_of_use_when_no_country_is_said() -> None:
    # "will it work in Europe?": the region, each of its countries' networks checked by the engine
    europe = read("will my pixel 9 work in europe?")
    assert (europe.region, europe.country, europe.intent) == ("150", None, "compatibility")
    assert read("¿funciona el pixel 9 en Latinoamérica?").region == "419"
    assert read("pixel 9 ok in the EU?").region == "EU"
    # a country said beside it is the more precise
    germany = read("pixel 9 in europe, mostly germany")
    assert (germany.region, germany.country) == (None, "DE")
    # so is a network's country
    assert read("pixel 9 in europe on vodafone germany").country == "DE"
    # Portuguese "eu" is "I", not the EU
    assert read("eu comprei um pixel 9, funciona na vivo?").region is None
    # a region as the phone's market picks its model and is no country of origin
    latam = Index(
        knowledge(
            vendors=[vendor("samsung", "Samsung", "galaxy")],
            devices=[
                device(
                    "galaxy-a15",
                    "samsung",
                    "Galaxy A15",
                    variant("a15-g", "Global", ("SM-A155F",), lte=[1, 3]),
                    variant("a15-la", "Latin America", ("SM-A155M",), lte=[2, 4]),
                )
            ],
            carriers=[carrier("telcel-mx", "MX", "Telcel", lte=([2, 4], []))],
        )
    ).analyze("galaxy a15 latin america version on telcel")
    assert (latam.variant, latam.origin, latam.region) == ("a15-la", None, None)


def test_the_5g_of_a_phone_s_name_says_nothing_of_the_network() -> None:
    # "5G not available" is about the network; "is the … 5G available in the US" asks about a sale
    index = Index(
        knowledge(
            vendors=[vendor("xiaomi", "Xiaomi", "redmi")],
            devices=[device("rn14p", "xiaomi", "Redmi Note 14 Pro 5G", variant("g", lte=[1, 3]))],
            carriers=[carrier("tmobile-us", "US", "T-Mobile", "tmo", lte=([2, 4], []))],
        )
    )
    assert index.analyze("is the redmi note 14 pro 5g available in the us").intent == "availability"
    assert index.analyze("5g not available on my redmi note 14 pro 5g on tmo").intent == "compatibility"


@pytest.mark.parametrize(
    ("question", "origin", "country"),
    [
        # a word of working before a place says it is where the phone is used, in any language
        ("apakah iphone 16 dari amerika bisa dipakai di indonesia?", "US", "ID"),
        ("läuft das iphone 16 aus amerika in deutschland?", "US", "DE"),
        # "Amerika" alone is the US, "Amerika Latin" is not
        ("iphone 16 dari amerika latin bisa dipakai di indonesia?", None, "ID"),
    ],
)
def test_where_from_and_where_used_in_other_languages(question: str, origin: str | None, country: str) -> None:
    result = read(question)
    assert (result.origin, result.country) == (origin, country)


def test_a_country_before_a_word_of_sale_is_where_it_is_sold() -> None:
    # "us release", "india launch": not a US or Indian model
    release = read("xiaomi 14 us release?")
    assert (release.country, release.origin, release.intent) == ("US", None, "availability")
    assert read("pixel 9 india launch date").country == "IN"
    # a market word still makes it the model's market
    assert read("pixel 9 us version sold in india?").origin == "US"


def test_a_market_no_model_is_called_picks_the_one_made_for_it() -> None:
    # "(UK model)": no market is called "UK", but the International model is made for every country
    # no other model is
    index = Index(
        knowledge(
            vendors=[vendor("samsung", "Samsung", "galaxy")],
            devices=[
                device(
                    "galaxy-s24",
                    "samsung",
                    "Galaxy S24",
                    variant("s24-us", "US", ("SM-S921U",), made_for=("US",)),
                    variant("s24-intl", "International", ("SM-S921B",), made_for=("Global",)),
                )
            ],
            carriers=[carrier("verizon-us", "US", "Verizon", lte=([2, 4, 13], []))],
        )
    )
    uk = index.analyze("I have a Galaxy S24 (UK model), will it work on verizon?")
    assert (uk.origin, uk.variant) == ("GB", "s24-intl")
    # where a market is called so, its words decide as before
    assert index.analyze("galaxy s24 us version on verizon").variant == "s24-us"


def test_a_plus_sign_alone_is_no_network() -> None:
    index = Index(
        knowledge(
            vendors=[vendor("google", "Google", "pixel")],
            devices=[device("pixel-9-pro", "google", "Pixel 9 Pro", variant("p9p", lte=[1, 3]))],
            carriers=[
                carrier("vodafone-gb", "GB", "Vodafone UK", "vodafone uk", lte=([1, 3], [])),
                carrier("plus-pl", "PL", "Plus", lte=([1, 3], [])),
            ],
        )
    )
    result = index.analyze("vodafone uk + pixel 9 pro, 5g sa working?")
    assert (result.carriers, result.origin) == (("vodafone-gb",), None)
    assert index.analyze("pixel 9 pro on plus?").carriers == ("plus-pl",)
    # nor a French word: "+" says no language, so a network needs no country said with it
    index = Index(
        knowledge(
            vendors=[vendor("xiaomi", "Xiaomi", "redmi")],
            devices=[device("rn13pp", "xiaomi", "Redmi Note 13 Pro+", variant("g", lte=[3, 5, 40]))],
            carriers=[carrier("jio-in", "IN", "Jio", "jio", lte=([3, 5, 40], []))],
        )
    )
    assert index.analyze("rn13p+ jio?").carriers == ("jio-in",)


def test_a_country_code_after_the_phone_and_nothing_else_is_where_it_is_asked_about() -> None:
    # "s24 ultra uk": the UK is the question's place; "a UK s24" or "s24 uk on tmo" is the model's market
    alone = read("galaxy s24 uk?")
    assert (alone.country, alone.origin) == ("GB", None)
    with_network = read("galaxy s24 uk on verizon")
    assert (with_network.country, with_network.origin) == ("US", "GB")


def test_a_word_of_phones_left_by_dropping_a_name_s_first_word_names_no_phone() -> None:
    # "fair phone 4" less "fair" is "phone 4": "nothing phone 4" (a Nothing phone we do not know) is not
    # the Fairphone 4, the worst of answers
    index = Index(
        knowledge(
            vendors=[vendor("fairphone", "Fairphone"), vendor("nothing", "Nothing")],
            devices=[
                device(
                    "fairphone-4", "fairphone", "Fairphone 4", variant("fp4", lte=[1, 3]), aliases=("fair phone 4",)
                ),
                device("nothing-phone-3", "nothing", "Phone (3)", variant("p3", lte=[1, 3])),
            ],
        )
    )
    assert index.analyze("nothing phone 4 on verizon?").device is None
    assert index.analyze("fair phone 4 on verizon?").device == "fairphone-4"
    assert index.analyze("nothing phone 3 on verizon?").device == "nothing-phone-3"


def test_a_codename_in_a_rom_build_s_file_name_is_read() -> None:
    # "…-nightly-dm1q-signed.zip": the "q" ends the codename, it is no letter of "q-signed"
    index = Index(
        knowledge(
            vendors=[vendor("samsung", "Samsung", "galaxy")],
            devices=[device("galaxy-s23", "samsung", "Galaxy S23", variant("s23", lte=[2, 4]), aliases=("dm1q",))],
            carriers=[carrier("tmobile-us", "US", "T-Mobile", "tmo", lte=([2, 4], []))],
        )
    )
    assert index.analyze("lineage-22.1-20250301-nightly-dm1q-signed.zip: no volte on tmo").device == "galaxy-s23"


def test_vietnamese_is_read_past_its_stroked_d_and_a_short_word_is_no_adjective_typed_wrong() -> None:
    from bot import text

    # "điện thoại" (a phone) folds to "dien thoai"; "thoai" is no "thai" with a typo
    assert text.fold("điện thoại Łódź") == "dien thoai lodz"
    result = read("điện thoại pixel 9 mua ở đâu, dùng viettel được không")
    assert (result.device, result.origin) == ("pixel-9", None)
    # a longer adjective typed wrong still says where the phone is from
    assert read("my chinees xiaomi 14 on tmo").origin == "CN"


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("pixel 9 türkiye'de satılıyor mu", "availability"),
        ("продается ли pixel 9 в россии", "availability"),
        ("pixel 9 turkcell'de çalışır mı", "compatibility"),
    ],
)
def test_words_of_sale_and_of_working_in_turkish_and_russian(question: str, intent: str) -> None:
    assert read(question).intent == intent


@pytest.mark.parametrize(
    "question",
    [
        # a line's name in another script, before the model's number
        "айфон 16 работает в россии?",
        "هل يعمل ايفون 16 في السعودية",
        # Korean is read a syllable a token, in names and in questions alike
        "아이폰 16 미국판 되나요",
        "ไอโฟน 16 ใช้ได้ไหม",
    ],
)
def test_phone_lines_written_in_other_scripts(question: str) -> None:
    assert read(question).device == "iphone-16"


def test_a_sub_brand_s_chinese_name_respells_its_line() -> None:
    # "红米" is Redmi, not Xiaomi: "红米K50" is the Redmi K50
    index = Index(
        knowledge(
            vendors=[vendor("xiaomi", "Xiaomi", "redmi", "小米", "红米")],
            devices=[
                device("redmi-k50", "xiaomi", "Redmi K50", variant("k50", lte=[1, 3])),
                device("xiaomi-14", "xiaomi", "Xiaomi 14", variant("x14", lte=[1, 3])),
            ],
        )
    )
    assert index.analyze("我的红米K50支持联通吗").device == "redmi-k50"
    assert index.analyze("小米14支持联通吗").device == "xiaomi-14"


def test_an_origin_with_several_models_keeps_them_all() -> None:
    # "from the US": the US unlocked and the US carrier model, not the international one
    result = read("a us galaxy s24 on jio?")
    assert (result.variant, set(result.origin_variants)) == (None, {"s24-us", "s24-us-carrier"})
    # a market word that tells them apart still picks one
    assert read("galaxy s24 us unlocked version on jio").variant == "s24-us"


def test_a_word_goes_on_across_the_marks_written_inside_it() -> None:
    from bot import text

    # Devanagari's vowel signs are no letters to Python: cut at them, "एंड्रॉयड" (Android) fell into
    # letters that also spell Andorra's Hindi name
    assert len(text.tokens("एंड्रॉयड")) == 1
    assert read("नोकिया एंड्रॉयड स्मार्टफोन").country is None
    result = read("pixel 9 कब होगा भारत में लॉन्च?")
    assert (result.device, result.country, result.intent) == ("pixel-9", "IN", "availability")
    assert read("क्या pixel 9 भारत में चलेगा?").intent == "compatibility"


@pytest.mark.parametrize(
    ("question", "network"),
    [
        ("Mạng Viettel không ổn định", "viettel-vn"),
        ("pixel 9 jaringan XL hilang", "xl-id"),
        ("pixel 9 sinyal xl hilang", "xl-id"),
        ("galaxy s24 di telkomsel?", "telkomsel-id"),
    ],
)
def test_a_network_named_after_a_word_for_network(question: str, network: str) -> None:
    # "Mạng" (network) is no first word of a longer name, as "Cincinnati" is of "Cincinnati Bell"
    assert read(question).carriers == (network,)


def test_an_unknown_name_before_an_everyday_network_name_still_keeps_it_apart() -> None:
    assert read("Cincinnati Bell pixel 9?").carriers == ()


def test_a_short_network_name_is_not_read_into_a_name_a_letter_away() -> None:
    # Bitel is Peru's; "bytel" is Bouygues Telecom's nickname
    result = read("el galaxy s23 funciona con bitel?")
    assert (result.carriers, result.unknown_network) == ((), "bitel")
    # a longer name typed the way it sounds is still read
    assert read("pixel 9 with vodaphone germany").carriers == ("vodafone-de",)


def test_pt_before_a_company_s_name_is_no_portugal() -> None:
    result = read("PT Telkomsel bilang pixel 9 bisa")
    assert (result.country, result.carriers) == ("ID", ("telkomsel-id",))


def test_a_github_alert_is_the_author_s_words_not_a_quote() -> None:
    post = "eSIM not working\n> [!IMPORTANT]\n>  i have a pixel 9 and the eSIM is not working\n"
    assert len(blank_noise(post)) == len(post)
    assert read(post).device == "pixel-9"
    # a reply's quote is still no part of the question
    assert read("> my pixel 9 works on verizon\nthanks, and on tmo?").device is None


def test_a_word_of_every_language_before_a_network_is_no_name_of_another() -> None:
    # "mobile" is as frequent in every language as a brand, yet no first word of an unknown name
    result = read("Walmart Family Mobile (Verizon MVNO) sim card data not work")
    assert (result.carriers, result.country) == (("verizon-us",), "US")


@pytest.mark.parametrize(
    ("question", "country", "origin", "intent"),
    [
        ("pixel 9 có bán ở việt nam không?", "VN", None, "availability"),
        # "chính hãng" (sold officially) is no "hàng" (goods) of a market, though both fold to "hang"
        ("pixel 9 chính hãng việt nam", "VN", None, "availability"),
        ("pixel 9 hàng mỹ dùng viettel được không", "VN", "US", "compatibility"),
    ],
)
def test_vietnamese_words_of_sale(question: str, country: str, origin: str | None, intent: str) -> None:
    result = read(question)
    assert (result.country, result.origin, result.intent) == (country, origin, intent)


@pytest.mark.parametrize(
    "post",
    [
        "there are a few 5G phones such as the Huawei P30 Pro and Samsung Galaxy S24, and they cost $1000",
        # Urdu in Latin letters: "such as … and …"
        "abhi tak koi devices hein jo 5G support karti hein jesa ke Huawei P30 Pro aur Samsung Galaxy S24 etc.",
    ],
)
def test_a_name_later_in_a_list_of_examples_is_an_example_too(post: str) -> None:
    assert read(post).device is None


def test_a_series_in_hindi_is_every_phone_of_that_name() -> None:
    result = read("Pixel 9 सीरीज भारत में लॉन्च होगी")
    assert result.device is None and {"pixel-9", "pixel-9-pro-fold"} <= {s.id for s in result.suggestions}


@pytest.mark.parametrize(
    ("question", "country", "origin", "carriers"),
    [
        # Portuguese "usa" (uses) before an article is the verb, not the US
        ("alguém usa o pixel 9 na vivo?", "BR", None, ("vivo-br",)),
        # Mexican "gringo" is American, not "griego" (Greek) typed wrong
        ("el galaxy s24 gringo funciona en telcel?", "MX", "US", ("telcel-mx",)),
        # Indonesian chat: "hongkong" in one word, "indo" for Indonesia
        ("galaxy s24 versi hongkong aman buat di indo?", "ID", "HK", ()),
    ],
)
def test_places_as_chat_writes_them(question: str, country: str, origin: str | None, carriers: tuple[str, ...]) -> None:
    result = read(question)
    assert (result.country, result.origin, result.carriers) == (country, origin, carriers)


def test_vietnamese_letters_say_the_language() -> None:
    # "có" and "không" are no Italian; the network named is Vietnam's, not only offered
    result = read("pixel 9 có hỗ trợ volte viettel không")
    assert (result.carriers, result.lang) == (("viettel-vn",), "vi")


def test_a_plus_sign_standing_apart_joins_and_glued_it_names_a_plus_model() -> None:
    result = read("pixel 9 + verizon?")
    assert (result.device, result.carriers) == ("pixel-9", ("verizon-us",))


def test_a_spanish_a_before_a_country_is_to_not_a_model_letter() -> None:
    k = knowledge(
        vendors=[vendor("google", "Google", "pixel")],
        devices=[
            device("pixel-9", "google", "Pixel 9", variant("p9", lte=[2])),
            device("pixel-9a", "google", "Pixel 9a", variant("p9a", lte=[2])),
        ],
    )
    # "cuando llega el pixel 9 a mexico?": when does the Pixel 9 come to Mexico (not the Pixel 9a)
    result = Index(k).analyze("cuando llega el pixel 9 a mexico?")
    assert (result.device, result.country, result.intent) == ("pixel-9", "MX", "availability")


def test_when_asks_for_a_launch() -> None:
    assert read("when will the pixel 9 using dual sim be sold in india?").intent == "availability"


def test_names_of_a_bigger_world_do_not_catch_everyday_words() -> None:
    k = knowledge(
        vendors=[vendor("xiaomi", "Xiaomi", "redmi"), vendor("apple", "Apple", "iphone")],
        devices=[
            device("redmi-note-7", "xiaomi", "Redmi Note 7", variant("rn7", lte=[1, 3])),
            device("iphone-15", "apple", "iPhone 15", variant("i15", lte=[1, 3])),
        ],
        carriers=[
            carrier("maroc-telecom-ma", "MA", "Maroc Telecom (IAM)", "iam maroc", lte=([3, 20], [])),
            carrier("antel-uy", "UY", "Antel", lte=([4, 28], [])),
            carrier("tigo-py", "PY", "Tigo Paraguay", lte=([4], [])),
            carrier("jio-in", "IN", "Jio", lte=([3, 40], [])),
        ],
    )
    index = Index(k)
    # "I am" is no IAM (Maroc Telecom): a letter joins into a phone's word only ("i phone 15")
    result = index.analyze("Hello, I am from India. Does it work with Jio sim too?")
    assert (result.carriers, result.origin) == (("jio-in",), None)
    assert index.analyze("i phone 15 on jio?").device == "iphone-15"
    # Paraguay's department "Central" is no place in "na Central de Controle" (the control centre)
    assert index.analyze('"Erro" na Central de Controle do Redmi Note 7').country is None
    # "Anatel" (Brazil's regulator) is no Antel typed wrong
    assert index.analyze("Anatel vai bloquear celulares chineses?").suggestions == ()


def test_a_short_name_two_lines_share_is_a_question_back() -> None:
    k = knowledge(
        vendors=[vendor("oppo", "OPPO"), vendor("xiaomi", "Xiaomi", "poco"), vendor("samsung", "Samsung", "galaxy")],
        devices=[
            device("oppo-find-x6", "oppo", "OPPO Find X6", variant("fx6", "China", lte=[1, 3]), aliases=("find x6",)),
            device("poco-x6-5g", "xiaomi", "POCO X6 5G", variant("px6", lte=[1, 3])),
            device("galaxy-s10", "samsung", "Galaxy S10", variant("s10", lte=[1, 3])),
            device("galaxy-s10-5g", "samsung", "Galaxy S10 5G", variant("s105g", lte=[1, 3])),
        ],
        carriers=[carrier("verizon-us", "US", "Verizon", lte=([2, 4, 13], []))],
    )
    index = Index(k)
    # "x6" is the Find X6's short name and the POCO X6 5G's without its "5G": which one?
    for question in ("x6 on verizon?", "i ve purchased x6 china model from saudi arabia"):
        result = index.analyze(question)
        assert result.device is None and {s.id for s in result.suggestions} == {"oppo-find-x6", "poco-x6-5g"}
    # within one line the phone named so is the one: "s10" is the Galaxy S10, not the S10 5G
    assert index.analyze("s10 on verizon?").device == "galaxy-s10"


@pytest.mark.parametrize(
    ("question", "country"),
    [
        # a city is never read from a typo in Latin letters: "kantor" (office) is no Kanton, Kiribati
        ("pixel 9 nggak bisa di kantor", None),
        # "ROM" in capitals is the phone's software, not Rome ("Rom" in German)
        ("pixel 9 nggak bisa 4G setelah update ke ROM terbaru", None),
        # "PE" is PixelExperience, a ROM, not Peru
        ("my pixel 9 no longer gets 4G on PE", None),
    ],
)
def test_words_of_posts_that_are_no_places(question: str, country: str | None) -> None:
    assert read(question).country == country


def test_a_network_after_non_is_not_the_asker_s() -> None:
    assert read("I went into a non-Verizon phone outlet and bought a pixel 9").carriers == ()


def test_words_of_selling_in_french_and_spanish() -> None:
    assert read("Google ne commercialisera pas les Pixel 9 en France").intent == "availability"


def test_a_phone_from_abroad_asked_about_in_a_language_of_one_country_is_used_there() -> None:
    # Vietnamese: "a Galaxy S24 carried from Korea, can it be used?" (in Vietnam)
    result = read("galaxy s24 xách tay hàn quốc có dùng được không")
    assert (result.country, result.origin, result.intent) == ("VN", "KR", "compatibility")
    # English says nothing of where: asked back
    assert read("galaxy s24 bought in korea, will it work?").country is None


def test_filipino_malay_japanese_and_korean_chat() -> None:
    k = knowledge(
        vendors=[vendor("google", "Google", "pixel")],
        devices=[device("pixel-9", "google", "Pixel 9", variant("p9", lte=[1, 3, 28]))],
        carriers=[
            carrier("smart-ph", "PH", "Smart", "smart", lte=([3, 28], [])),
            carrier("celcomdigi-my", "MY", "CelcomDigi", "celcom", lte=([1, 3], [])),
        ],
    )
    index = Index(k)
    # Filipino: "can the Pixel 9 be used on Smart?" ("sa" alone read French, so Smart was only offered)
    result = index.analyze("pwede ba ang pixel 9 sa smart?")
    assert (result.carriers, result.intent, result.lang) == (("smart-ph",), "compatibility", "fil")
    # Malay reads as Indonesian, a language Malaysia speaks too
    assert index.analyze("pixel 9 boleh guna celcom tak?").carriers == ("celcomdigi-my",)
    # "版" follows its market: the Europe edition, used in Japan
    assert (index.analyze("pixel 9 ヨーロッパ版 日本で使える？").country, index.analyze("pixel 9 日本版").origin) == (
        "JP",
        "JP",
    )
    assert index.analyze("pixel 9 해외판 되나요").intent == "compatibility"


def test_the_european_model_and_turkey_after_a_cue() -> None:
    k = knowledge(
        vendors=[vendor("samsung", "Samsung", "galaxy")],
        devices=[
            device(
                "galaxy-s24",
                "samsung",
                "Galaxy S24",
                variant("s24-us", "US", ("SM-S921U",), made_for=("US",), lte=[2, 4, 13]),
                variant("s24-intl", "Global", ("SM-S921B",), made_for=("EU", "Global"), lte=[1, 3, 20]),
            )
        ],
        carriers=[carrier("verizon-us", "US", "Verizon", lte=([2, 4, 13], []))],
    )
    result = Index(k).analyze("can the european galaxy s24 get 5g on verizon?")
    assert (result.device, result.variant, result.carriers) == ("galaxy-s24", "s24-intl", ("verizon-us",))
    assert read("is the pixel 9 sold in turkey?").country == "TR"
    assert read("we had turkey for dinner, pixel 9 on verizon?").country == "US"


def test_a_carrier_s_edition_is_that_carrier_s_own_model() -> None:
    k = knowledge(
        vendors=[vendor("samsung", "Samsung", "galaxy")],
        devices=[
            device(
                "galaxy-s23",
                "samsung",
                "Galaxy S23",
                variant("s23-intl", "Global", ("SM-S911B",), made_for=("Global",), lte=[1, 3, 18]),
            )
        ],
        carriers=[
            carrier("docomo-jp", "JP", "NTT docomo", "docomo", "ドコモ", lte=([1, 3, 19], [])),
            carrier("au-jp", "JP", "au (KDDI)", "au", lte=([1, 18], [])),
        ],
    )
    # "can the docomo edition of the Galaxy S23 be used on au?": docomo's own model (SC-51D), which the
    # Global model does not stand for; au is the network asked about ("auで", on au)
    result = Index(k).analyze("ドコモ版のgalaxy s23はauで使えますか")
    assert (result.carriers, result.origin, result.variant, result.origin_unrecorded) == (
        ("au-jp",),
        "JP",
        None,
        True,
    )


def test_a_destination_is_where_the_phone_is_used_and_a_virtual_network_s_host_is_asked() -> None:
    k = knowledge(
        vendors=[vendor("oneplus", "OnePlus")],
        devices=[device("oneplus-11", "oneplus", "OnePlus 11", variant("op11", lte=[2, 4, 66]))],
        carriers=[
            carrier("jio-in", "IN", "Jio", lte=([3, 40], [])),
            carrier("rogers-ca", "CA", "Rogers", lte=([2, 4, 66], [])),
            carrier("verizon-us", "US", "Verizon", lte=([2, 4, 13], [])),
            carrier("visible-us", "US", "Visible", mvno_of="verizon-us"),
        ],
    )
    index = Index(k)
    result = index.analyze("I'm from India, moving to Canada next month. Will my OnePlus 11 work there?")
    assert result.country == "CA"
    result = index.analyze("what network does visible use")
    assert (result.carriers, result.intent) == (("visible-us",), "bands")


def test_a_network_or_country_alone_is_its_networks_bands_unless_it_follows_a_phone() -> None:
    assert read("verizon").intent == "bands"
    assert read("what about verizon?").intent == "compatibility"  # which phone, on Verizon
    followed = read("verizon?", after="pixel 9 on tmo?")
    assert (followed.device, followed.carriers, followed.intent) == ("pixel-9", ("verizon-us",), "compatibility")


def test_codenames_are_typed_exactly_in_lower_case_and_examples_end_in_etc() -> None:
    k = knowledge(
        vendors=[vendor("xiaomi", "Xiaomi"), vendor("nothing", "Nothing", "cmf"), vendor("apple", "Apple", "iphone")],
        devices=[
            device("xiaomi-14t", "xiaomi", "Xiaomi 14T", variant("x14t", lte=[1, 3]), aliases=("degas",)),
            device("cmf-phone-1", "nothing", "CMF Phone 1", variant("cmf1", lte=[1, 3]), aliases=("tetris",)),
            device("iphone-6", "apple", "iPhone 6", variant("i6", lte=[1, 3])),
        ],
        carriers=[carrier("xl-id", "ID", "XL Axiata", "xl", lte=([1, 3], []))],
    )
    index = Index(k)
    # Indonesian "deg-degan" (nervous) is no "degas" (the Xiaomi 14T's codename) typed wrong
    assert index.analyze("saya sudah deg degan, sinyal XL hilang lagi").device is None
    # "play Tetris" is the game, not the CMF Phone 1; "my tetris has no signal" is the phone
    assert index.analyze("I do not need something to take pictures or play Tetris. Any suggestions?").device is None
    assert index.analyze("my tetris has no signal on xl").device == "cmf-phone-1"
    # phones listed before "etc." (Korean "등") are examples
    assert index.analyze("국내 출시가 늦어진 아이폰6나 중국의 저가 스마트폰 샤오미 등을 아마존에서 산다").device is None


def test_arabic_model_words_and_series() -> None:
    k = knowledge(
        vendors=[vendor("huawei", "Huawei")],
        devices=[
            device("huawei-mate-20", "huawei", "HUAWEI Mate 20", variant("m20", lte=[1, 3]), aliases=("mate 20",)),
            device(
                "huawei-mate-20-pro",
                "huawei",
                "HUAWEI Mate 20 Pro",
                variant("m20p", lte=[1, 3]),
                aliases=("mate 20 pro",),
            ),
        ],
    )
    index = Index(k)
    assert index.analyze("هل ميت 20 برو يشتغل في مصر").device == "huawei-mate-20-pro"
    # "سلسلة Mate 20": the Mate 20 series, a question back
    assert index.analyze("نحن لا نخطط لبيع سلسلة Mate 20 فى الولايات المتحدة").device is None


def test_a_maker_that_names_an_app_store_still_sells_phones() -> None:
    # "play store" is an app store; "does apple sell iphones in …" asks where its phones are sold
    assert read("does apple sell iphones in germany?").intent == "availability"
    assert read("is whatsapp on the play store?").intent != "availability"


def test_a_spanish_se_follow_up_keeps_the_phone() -> None:
    result = read("¿se vende allí?", after="pixel 9 funciona con telcel?")
    assert (result.device, result.country, result.intent) == ("pixel-9", "MX", "availability")


def test_indonesian_moving_from_one_network_to_another() -> None:
    # "moved from Telkomsel to XL, will the Pixel 9 work?": XL is the network now
    assert read("pindah dari telkomsel ke XL, pixel 9 bisa?").carriers == ("xl-id",)
    assert read("pixel 9 ganti ke xl bisa?").carriers == ("xl-id",)


def test_an_edition_before_a_network_is_the_phone_s_origin() -> None:
    k = knowledge(
        vendors=[vendor("apple", "Apple", "iphone")],
        devices=[
            device(
                "iphone-15",
                "apple",
                "iPhone 15",
                variant("i15-cn", "China mainland, Hong Kong", ("A3092",), made_for=("CN", "HK"), lte=[1, 3]),
                variant("i15-us", "United States", ("A2846",), made_for=("US",), lte=[2, 4]),
            )
        ],
        carriers=[
            carrier("china-unicom-cn", "CN", "China Unicom", "联通", lte=([1, 3], [])),
            carrier("kt-kr", "KR", "KT", "kt", lte=([1, 3], [])),
        ],
    )
    index = Index(k)
    # "the Hong Kong edition on China Unicom" ("Czech T-Mobile" names the network's country; "港版" does not)
    result = index.analyze("iphone 15 港版 联通5g")
    assert (result.country, result.origin, result.carriers) == ("CN", "HK", ("china-unicom-cn",))
    # Korean: "does the US edition work on KT?"
    result = index.analyze("아이폰 15 미국판 kt 되나요")
    assert (result.origin, result.carriers) == ("US", ("kt-kr",))


def test_a_letter_and_number_that_carry_on_a_line_s_names_are_a_model_not_a_band() -> None:
    index = Index(
        knowledge(
            vendors=[vendor("oneplus", "OnePlus")],
            devices=[
                device("oneplus-nord", "oneplus", "OnePlus Nord", variant("nord", lte=[3])),
                device("oneplus-nord-n30", "oneplus", "OnePlus Nord N30 5G", variant("n30", lte=[3], nr=[41])),
            ],
            carriers=[carrier("tmobile-us", "US", "T-Mobile", "tmo", lte=([2, 4, 12, 66, 71], [41, 71]))],
        )
    )
    # the Nord N40, which we do not know: not the Nord, and not a question about the band n40
    result = index.analyze("oneplus nord n40 on tmo")
    assert result.device is None and result.bands_asked == ()
    assert index.analyze("nord n50 on tmobile").bands_asked == ()
    assert index.analyze("does the oneplus nord support n41?").bands_asked == (("nr", 41),)


def test_a_band_name_left_of_a_line_s_name_is_a_band_not_the_phone() -> None:
    # "N30" of "Nord N30" alone reads as the band n30: "does tmobile use n25 or n30? pixel 9 pro"
    # asks about the Pixel 9 Pro, not the Nord N30; after "nord" or the maker's name it is the phone
    index = Index(
        knowledge(
            vendors=[vendor("oneplus", "OnePlus"), vendor("google", "Google", "pixel")],
            devices=[
                device("nord-n30", "oneplus", "OnePlus Nord N30 5G", variant("n30", lte=[3]), aliases=("nord n30",)),
                device("pixel-9-pro", "google", "Pixel 9 Pro", variant("p9p", lte=[3])),
            ],
            carriers=[carrier("tmobile-us", "US", "T-Mobile", "tmobile", lte=([2, 4, 12, 66, 71], [25, 41, 71]))],
        )
    )
    assert index.analyze("does tmobile use n25 or n30? pixel 9 pro").device == "pixel-9-pro"
    assert index.analyze("5G bands: n1, n3, n30 will it work on tmobile").device is None
    assert index.analyze("nord n30 on tmobile").device == "nord-n30"
    assert index.analyze("oneplus n30 on tmobile").device == "nord-n30"


def test_makers_and_lines_written_in_arabic_letters() -> None:
    index = Index(
        knowledge(
            vendors=[vendor("xiaomi", "Xiaomi", "redmi", "poco", "شاومي", "ريدمي", "بوكو")],
            devices=[
                device("xiaomi-14t-pro", "xiaomi", "Xiaomi 14T Pro", variant("x14tp", lte=[3])),
                device("redmi-note-13-pro", "xiaomi", "Redmi Note 13 Pro 5G", variant("rn13p", lte=[3])),
                device("poco-x6-pro", "xiaomi", "POCO X6 Pro 5G", variant("px6p", lte=[3])),
            ],
        )
    )
    assert index.analyze("شاومي 14 تي برو يشتغل مع فودافون مصر").device == "xiaomi-14t-pro"
    assert index.analyze("ريدمي نوت 13 برو 5g يشتغل مع stc").device == "redmi-note-13-pro"
    # (the name without its "5G" is offered back, as in Latin letters when another name is near)
    result = index.analyze("هل بوكو x6 برو يباع في مصر")
    assert result.device == "poco-x6-pro" or [s.id for s in result.suggestions] == ["poco-x6-pro"]


def test_a_network_with_an_everyday_name_right_after_the_phone_ending_the_question() -> None:
    index = Index(
        knowledge(
            vendors=[vendor("apple", "Apple", "iphone")],
            devices=[device("iphone-16", "apple", "iPhone 16", variant("i16", lte=[3, 20]))],
            carriers=[
                carrier("ee-gb", "GB", "EE", lte=([3, 20], [])),
                carrier("free-fr", "FR", "Free Mobile", "free", lte=([3, 20], [])),
                carrier("vi-in", "IN", "Vi", "vi", lte=([3, 40], [])),
            ],
        )
    )
    assert index.analyze("iphone 16 ee").carriers == ("ee-gb",)
    assert index.analyze("is the iphone 16 free").carriers == (), "a word as common as 'free' needs a cue"
    # Hindi "me" (in, on) after the network, then a verb of working
    assert index.analyze("iphone 16 vi me chalega?").carriers == ("vi-in",)


def test_names_holding_every_word_typed_are_offered_first() -> None:
    index = Index(
        knowledge(
            vendors=[vendor("xiaomi", "Xiaomi", "redmi"), vendor("realme", "realme")],
            devices=[
                device("rn11-pro", "xiaomi", "Redmi Note 11 Pro", variant("a", lte=[3])),
                device("rn11-pro-5g", "xiaomi", "Redmi Note 11 Pro 5G", variant("b", lte=[3], nr=[78])),
                device("rn11-pro-plus-in", "xiaomi", "Redmi Note 11 Pro+ 5G (India)", variant("c", lte=[3], nr=[78])),
                device("realme-14", "realme", "realme 14", variant("d", lte=[3])),
                device("realme-14-pro", "realme", "realme 14 Pro", variant("e", lte=[3])),
                device("realme-14x-in", "realme", "realme 14x (India)", variant("f", lte=[3])),
            ],
            carriers=[carrier("jio-in", "IN", "Jio", lte=([3, 40], [])), carrier("airtel-in", "IN", "Airtel")],
        )
    )
    # "plus" and a letter glued to the number are the name's, not the sentence's everyday words
    assert index.analyze("redmi note 11 pro+ on airtel").suggestions[0].id == "rn11-pro-plus-in"
    assert index.analyze("realme 14x on jio").suggestions[0].id == "realme-14x-in"


def test_saudi_alone_is_saudi_arabia_and_a_state_of_a_phone_names_none() -> None:
    assert read("is the pixel 9 sold in saudi").country == "SA"
    result = read("is my iphone unlocked")
    assert result.device is None and result.suggestions == ()


def _phones_and_networks() -> Index:
    return Index(
        knowledge(
            vendors=[
                vendor("samsung", "Samsung", "galaxy"),
                vendor("apple", "Apple", "iphone"),
                vendor("sony", "Sony"),
            ],
            devices=[
                device("galaxy-s25", "samsung", "Galaxy S25", variant("s25", lte=[1, 3])),
                device("galaxy-s25-ultra", "samsung", "Galaxy S25 Ultra", variant("s25u", lte=[1, 3])),
                device("iphone-16", "apple", "iPhone 16", variant("i16", lte=[1, 3])),
                device("iphone-16-pro", "apple", "iPhone 16 Pro", variant("i16p", lte=[1, 3])),
                device("iphone-16-pro-max", "apple", "iPhone 16 Pro Max", variant("i16pm", lte=[1, 3])),
                device("xperia-1-vii", "sony", "Xperia 1 VII", variant("x1m7", lte=[1, 3])),
            ],
            carriers=[
                carrier("skt-kr", "KR", "SK Telecom", "skt", lte=([1, 3], [])),
                carrier("mts-ru", "RU", "MTS", lte=([3, 7], [])),
                carrier("telcel-mx", "MX", "Telcel", lte=([2, 4], [])),
                carrier("movistar-es", "ES", "Movistar", "movistar", lte=([3, 20], [])),
                carrier("movistar-mx", "MX", "Movistar México", "movistar", lte=([2, 4], [])),
                carrier("telekom-de", "DE", "Telekom Deutschland", "telekom", lte=([3, 20], [])),
                carrier("telekom-hu", "HU", "Magyar Telekom", "telekom", lte=([3, 20], [])),
            ],
        )
    )


@pytest.mark.parametrize(
    ("question", "phone"),
    [
        # a model word in another script is the model's, never passed over for the smaller phone
        ("갤럭시 s25 울트라 skt", "galaxy-s25-ultra"),
        ("아이폰 16 프로 맥스 skt", "iphone-16-pro-max"),
        ("iPhone 16 プロ", "iphone-16-pro"),
        ("iphone 16 प्रो", "iphone-16-pro"),
        ("айфон 16 про макс на мтс", "iphone-16-pro-max"),
        ("расскажи про айфон 16", "iphone-16"),  # "про" before a name is "about"
        # a letter held down in a model word, or the word spelt as Turkish and Polish say it
        ("iphone 16 pro maxx", "iphone-16-pro-max"),
        ("iphone 16 pro maks turkcell", "iphone-16-pro-max"),
        # a Roman numeral is a number, never corrected into another
        ("xperia 1 viii on docomo", None),
        ("xperia 1 vii", "xperia-1-vii"),
        # but "vi" after a line that is not numbered so is Vi, the network, and the name typed stands
        ("galaxy s25 ultra vi", "galaxy-s25-ultra"),
    ],
)
def test_model_words_in_other_scripts_stretched_or_as_roman_numerals(question: str, phone: str | None) -> None:
    assert _phones_and_networks().analyze(question).device == phone


@pytest.mark.parametrize(
    ("question", "country", "origin", "carriers"),
    [
        ("el iphone 16 traido de usa funciona con telcel", "MX", "US", ("telcel-mx",)),  # "brought from"
        ("galaxy s25 coreano telcel", "MX", "KR", ("telcel-mx",)),  # Telcel is no network of Korea
        ("iphone 16 en movistar mx", "MX", None, ("movistar-mx",)),  # a code after the network's name
        ("german galaxy s25 on telekom", None, "DE", ()),  # no reason to leave Germany's Telekom out
    ],
)
def test_where_a_phone_comes_from_and_the_network_it_is_used_on(
    question: str, country: str | None, origin: str | None, carriers: tuple[str, ...]
) -> None:
    result = _phones_and_networks().analyze(question)
    assert (result.country, result.origin, result.carriers) == (country, origin, carriers)


def test_networks_named_after_a_model_number_in_hinglish_for_pakistan_and_in_arabic() -> None:
    index = Index(
        knowledge(
            vendors=[vendor("samsung", "Samsung", "galaxy"), vendor("google", "Google", "pixel")],
            devices=[
                device("galaxy-a56", "samsung", "Galaxy A56", variant("a56", models=("SM-A566B",), lte=[1, 3])),
                device("pixel-9", "google", "Pixel 9", variant("p9", lte=[1, 3])),
            ],
            carriers=[
                carrier("ee-gb", "GB", "EE", lte=([1, 3], [])),
                carrier("zong-pk", "PK", "Zong", lte=([1, 3], [])),
                carrier("vodafone-eg", "EG", "Vodafone Egypt", "فودافون مصر", lte=([1, 3], [])),
            ],
        )
    )
    assert index.analyze("SM-A566B ee").carriers == ("ee-gb",)
    # Hindi and Urdu in Latin letters are one language: a network of Pakistan is no stranger to it
    assert index.analyze("pixel 9 zong pe chalega?").carriers == ("zong-pk",)
    assert index.analyze("pixel 9 فودافون مصر").carriers == ("vodafone-eg",)
    assert index.analyze("se consigue el pixel 9 en egipto?").intent == "availability"


def _follow_ups() -> Index:
    return Index(
        knowledge(
            vendors=[
                vendor("samsung", "Samsung", "galaxy"),
                vendor("apple", "Apple", "iphone"),
                vendor("xiaomi", "Xiaomi", "redmi"),
                vendor("realme", "realme"),
            ],
            devices=[
                device("s25", "samsung", "Galaxy S25", variant("a", lte=[3])),
                device("s25-plus", "samsung", "Galaxy S25+", variant("b", lte=[3])),
                device("s25-ultra", "samsung", "Galaxy S25 Ultra", variant("c", lte=[3])),
                device("fold7", "samsung", "Galaxy Z Fold7", variant("d", lte=[3])),
                device("flip7", "samsung", "Galaxy Z Flip7", variant("e", lte=[3])),
                device("i17pm", "apple", "iPhone 17 Pro Max", variant("f", lte=[3])),
                device("air", "apple", "iPhone Air", variant("g", lte=[3])),
                device("rn14p5g", "xiaomi", "Redmi Note 14 Pro 5G", variant("h", lte=[3], nr=[78])),
                device("rn14p4g", "xiaomi", "Redmi Note 14 Pro (4G)", variant("i", lte=[3])),
                device("rn14pp", "xiaomi", "Redmi Note 14 Pro+ 5G", variant("j", lte=[3], nr=[78])),
                device("realme-15-pro", "realme", "realme 15 Pro", variant("k", lte=[3])),
            ],
            carriers=[
                carrier("rogers-ca", "CA", "Rogers", lte=([2, 4], [])),
                carrier("bell-ca", "CA", "Bell", lte=([2, 4], [])),
                carrier("telcel-mx", "MX", "Telcel", lte=([2, 4], [])),
                carrier("att-us", "US", "AT&T", "att", lte=([2, 4], [])),
                carrier("att-mx", "MX", "AT&T México", "att mexico", lte=([2, 4], [])),
                carrier("kt-kr", "KR", "KT", lte=([3], [])),
                carrier("lguplus-kr", "KR", "LG U+", "lg u+", "lgu+", lte=([3], [])),
            ],
        )
    )


@pytest.mark.parametrize(
    ("first", "then", "phone"),
    [
        # another model of the phone before, by its model words
        ("galaxy s25 ultra on rogers", "the plus?", "s25-plus"),
        ("iphone 17 pro max on rogers", "and the air?", "air"),
        ("redmi note 14 pro 5g on rogers", "and the plus?", "rn14pp"),
        ("redmi note 14 pro 5g on rogers", "and the 4g one", "rn14p4g"),
        ("galaxy z fold7 on rogers", "flip?", "flip7"),
        ("galaxy s25 on rogers", "and 5g?", "s25"),  # asks whether it has 5G
        ("galaxy s25 ultra on rogers", "the ultra?", "s25-ultra"),  # the same phone
        # a model we lack is not the phone before again
        ("realme 15 pro on rogers", "and the plus?", None),
        # a network's words are not the phone's ("lg u+" is no Galaxy S25+)
        ("galaxy s25 on kt", "lg u+?", "s25"),
    ],
)
def test_a_follow_up_naming_model_words_asks_about_that_model(first: str, then: str, phone: str | None) -> None:
    index = _follow_ups()
    assert index.analyze(then, context=index.analyze(first)).device == phone


@pytest.mark.parametrize(
    ("first", "then", "carriers"),
    [
        ("galaxy s25 on rogers", "and bell?", ("bell-ca",)),  # an everyday name, alone in a reply
        ("galaxy s25 on telcel", "y en at&t?", ("att-mx",)),  # the brand's network of the country before
        ("galaxy s25 on telcel", "on at&t in the us?", ("att-us",)),  # unless the reply names another
    ],
)
def test_a_follow_up_naming_a_network_alone(first: str, then: str, carriers: tuple[str, ...]) -> None:
    index = _follow_ups()
    result = index.analyze(then, context=index.analyze(first))
    assert (result.device, result.carriers) == ("s25", carriers)


@pytest.mark.parametrize(
    ("question", "carriers", "bands"),
    [
        ("ee band 20", ("ee-gb",), (("lte", 20),)),  # a network's everyday name before a word of bands
        ("is b28 used by ee", ("ee-gb",), (("lte", 28),)),
        ("ee bands", ("ee-gb",), ()),
        ("pixel 9 lte 28?", (), (("lte", 28),)),  # "lte 28" is band 28 of LTE
        ("does the pixel 9 support b-28", (), (("lte", 28),)),
    ],
)
def test_bands_asked_of_a_network_or_written_other_ways(
    question: str, carriers: tuple[str, ...], bands: tuple[tuple[str, int], ...]
) -> None:
    index = Index(
        knowledge(
            vendors=[vendor("google", "Google", "pixel")],
            devices=[device("pixel-9", "google", "Pixel 9", variant("p9", lte=[3, 20, 28]))],
            carriers=[carrier("ee-gb", "GB", "EE", lte=([3, 20], [28]))],
        )
    )
    result = index.analyze(question)
    assert (result.carriers, result.bands_asked, result.intent) == (carriers, bands, "bands")


def test_indonesian_bisa_and_thai_true_name_their_networks() -> None:
    index = Index(
        knowledge(
            vendors=[vendor("xiaomi", "Xiaomi", "redmi")],
            devices=[device("redmi-a3", "xiaomi", "Redmi A3", variant("a3", lte=[1, 3]))],
            carriers=[
                carrier("xl-id", "ID", "XL Axiata", "xl", lte=([1, 3], [])),
                carrier("truemove-th", "TH", "TrueMove H", "true", "ทรู", lte=([1, 3], [])),
            ],
        )
    )
    assert index.analyze("redmi a3 bisa xl ga gan").carriers == ("xl-id",)  # "does it work on XL"
    assert index.analyze("redmi a3 on true").carriers == ("truemove-th",)
    assert index.analyze("is it true that the redmi a3 works?").carriers == ()


def _namesakes() -> Index:
    return Index(
        knowledge(
            vendors=[vendor("apple", "Apple", "iphone"), vendor("google", "Google", "pixel")],
            devices=[
                device("iphone-15", "apple", "iPhone 15", variant("i15", lte=[3, 20])),
                device("pixel-8", "google", "Pixel 8", variant("p8", lte=[3, 20])),
            ],
            carriers=[
                carrier("tmobile-us", "US", "T-Mobile", "t-mobile", lte=([2, 4, 71], [])),
                carrier("tmobile-pl", "PL", "T-Mobile Polska", "t-mobile", lte=([3, 20], [])),
                carrier("odido-nl", "NL", "Odido", "t-mobile", lte=([3, 20], [])),
                carrier("vodafone-es", "ES", "Vodafone España", "vodafone", lte=([3, 20], [])),
                carrier("vodafone-nl", "NL", "Vodafone NL", "vodafone", lte=([3, 20], [])),
                carrier("vodafone-gb", "GB", "Vodafone UK", "vodafone", lte=([3, 20], [])),
                carrier("movistar-es", "ES", "Movistar", "movistar", lte=([3, 20], [])),
                carrier("movistar-mx", "MX", "Movistar México", "movistar", lte=([2, 4], [])),
            ],
        )
    )


@pytest.mark.parametrize(
    ("question", "network"),
    [
        # Polish and Dutch tell which T-Mobile; Dutch "bij" names the network as "on" does
        ("czy iphone 15 działa w t-mobile?", "tmobile-pl"),
        ("werkt de iphone 15 bij t-mobile?", "odido-nl"),
        ("werkt de iphone 15 bij vodafone?", "vodafone-nl"),
        # of the networks of the name, only Spain's country speaks Spanish
        ("el iphone 15 funciona con vodafone?", "vodafone-es"),
        # but Movistar is in two Spanish-speaking countries: a question back
        ("el iphone 15 funciona con movistar?", None),
    ],
)
def test_a_namesake_network_in_the_country_of_the_question_s_language(question: str, network: str | None) -> None:
    result = _namesakes().analyze(question)
    assert result.carriers == ((network,) if network else ())


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("wordt de pixel 8 verkocht in nederland", "availability"),
        ("czy pixel 8 jest dostępny w polsce", "availability"),
        ("le pixel 8 est dispo en france ?", "availability"),
        ("il pixel 8 uscirà in italia?", "availability"),
        ("werkt de pixel 8 in nederland?", "compatibility"),
    ],
)
def test_words_of_sale_and_of_working_in_dutch_polish_french_italian(question: str, intent: str) -> None:
    result = _namesakes().analyze(question)
    assert (result.device, result.intent) == ("pixel-8", intent)
    assert result.country in ("NL", "PL", "FR", "IT")


def test_a_last_word_the_maker_s_names_hold_or_another_year_makes_another_phone() -> None:
    index = Index(
        knowledge(
            vendors=[vendor("xiaomi", "Xiaomi", "poco", "redmi")],
            devices=[
                device("poco-f3", "xiaomi", "POCO F3", variant("f3", lte=[3])),
                device("poco-f4-gt", "xiaomi", "POCO F4 GT", variant("f4gt", lte=[3])),
                {**device("redmi-note-8", "xiaomi", "Redmi Note 8", variant("rn8", lte=[3])), "released": "2019-08"},
                {**device("redmi-10", "xiaomi", "Redmi 10 2022", variant("r10", lte=[3])), "released": "2022-01"},
            ],
        )
    )
    # "poco f3 gt" is a POCO we do not know (the F3 GT), not the POCO F3
    assert index.analyze("poco f3 gt on jio").device is None
    # "redmi note 8 2021" came out two years after the Redmi Note 8: another phone
    assert index.analyze("redmi note 8 2021 on jio").device is None
    # the year a phone came out, after its name, is that phone
    assert index.analyze("redmi note 8 2019").device == "redmi-note-8"
    assert index.analyze("redmi 10 2022").device == "redmi-10"


@pytest.mark.parametrize(
    ("question", "country", "origin"),
    [
        ("xiaomi 14 uit china, werkt die in nederland?", "NL", "CN"),
        ("pixel 8 acheté aux usa, compatible bouygues ?", "FR", "US"),
        ("pixel 8 ramené des états-unis marche chez bouygues?", "FR", "US"),
        ("xiaomi 14 preso dalla cina funziona in italia?", "IT", "CN"),
        ("il pixel 8 preso negli usa va bene in italia?", "IT", "US"),
    ],
)
def test_where_a_phone_came_from_in_dutch_french_and_italian(question: str, country: str, origin: str) -> None:
    # the place named after "uit", "ramené de", "acheté aux", "preso" is the origin: the named network's
    # country stays the place of use
    result = read(question)
    assert (result.country, result.origin) == (country, origin)


def test_a_listing_s_colour_that_is_a_network_s_name_gives_way_to_the_network_asked_about() -> None:
    result = read("Google Pixel 8 (Mint, 8GB, 128GB Storage) will it work on tmobile")
    assert result.carriers == ("tmobile-us",)
    # listing words ("Unlocked Android", "200MP Camera") leave the question what it asks
    assert read("Google Pixel 8, Unlocked Android, will it work in germany").intent == "compatibility"
    assert read("Pixel 8 (8GB RAM, 256GB) | 50MP Camera -- is this fine for jio").intent == "compatibility"


def test_cues_before_networks_in_german_and_arabic_and_a_nickname_of_nigeria() -> None:
    index = Index(
        knowledge(
            vendors=[vendor("samsung", "Samsung", "galaxy")],
            devices=[device("galaxy-a34", "samsung", "Galaxy A34", variant("a34", lte=[3, 20]))],
            carriers=[
                carrier("telekom-de", "DE", "Telekom Deutschland", "telekom", lte=([3, 20], [])),
                carrier("telekom-hu", "HU", "Magyar Telekom", "telekom", lte=([3, 20], [])),
                carrier("du-ae", "AE", "du", "du", lte=([3, 20], [])),
                carrier("mtn-ng", "NG", "MTN Nigeria", "mtn", lte=([3, 20], [])),
                carrier("mtn-za", "ZA", "MTN South Africa", "mtn", lte=([3, 20], [])),
            ],
        )
    )
    assert index.analyze("galaxy a34 auf telekom").carriers == ("telekom-de",)
    assert index.analyze("galaxy a34 يشتغل مع du ?").carriers == ("du-ae",)
    assert index.analyze("galaxy a34 in naija on mtn").carriers == ("mtn-ng",)


def test_turkish_from_is_a_suffix_after_the_place() -> None:
    # "ABD'den aldım": bought in the US; "Turkcell'de": on Turkcell (Turkish writes "from" and "on"
    # after the name, with an apostrophe)
    index = Index(
        knowledge(
            vendors=[vendor("apple", "Apple", "iphone")],
            devices=[device("iphone-16", "apple", "iPhone 16", variant("i16", lte=[3, 20]))],
            carriers=[carrier("turkcell-tr", "TR", "Turkcell", lte=([3, 20], []))],
        )
    )
    result = index.analyze("iphone 16 abd'den aldım turkcell'de çalışır mı")
    assert (result.country, result.origin, result.carriers) == ("TR", "US", ("turkcell-tr",))


@pytest.mark.parametrize(
    "question",
    [
        # memory and storage written with a "+" are no Plus model
        "Google Pixel 8 8GB+256GB on tmobile",
        # "Cell Phone, 256GB": the phone named, then its storage, no unknown "Phone 256"
        "Google Pixel 8 Cell Phone, 256GB Smartphone, Unlocked Android, will it work on tmobile",
        "pixel 8 phone, 128GB on tmobile",
    ],
)
def test_store_listing_titles_name_the_phone(question: str) -> None:
    result = read(question)
    assert (result.device, result.carriers) == ("pixel-8", ("tmobile-us",))


def test_a_market_word_after_a_name_that_fits_two_phones_is_the_model_s_market() -> None:
    # "redmi note 11 pro china on tmobile": the 4G or the 5G phone, either way China's model on T-Mobile
    # (China was read as the place of use and T-Mobile dropped)
    index = Index(
        knowledge(
            vendors=[vendor("xiaomi", "Xiaomi", "redmi")],
            devices=[
                device("rn11p-4g", "xiaomi", "Redmi Note 11 Pro (4G)", variant("a", lte=[3])),
                device("rn11p-5g", "xiaomi", "Redmi Note 11 Pro 5G", variant("b", lte=[3])),
            ],
            carriers=[
                carrier("tmobile-us", "US", "T-Mobile", "tmobile", lte=([2, 4, 71], [])),
                carrier("china-mobile-cn", "CN", "China Mobile", lte=([3, 39, 41], [])),
            ],
        )
    )
    result = index.analyze("redmi note 11 pro china on tmobile")
    assert (result.device, result.country, result.origin, result.carriers) == (None, "US", "CN", ("tmobile-us",))
    assert {s.id for s in result.suggestions} == {"rn11p-4g", "rn11p-5g"}


def test_a_band_s_code_inside_a_phone_s_name_asks_for_no_band() -> None:
    # "is the oneplus nord n30 sold in canada" asks about sale, not the band n30
    index = Index(
        knowledge(
            vendors=[vendor("oneplus", "OnePlus")],
            devices=[
                device("nord-n30", "oneplus", "OnePlus Nord N30 5G", variant("n30", lte=[3]), aliases=("nord n30",))
            ],
        )
    )
    result = index.analyze("is the oneplus nord n30 sold in canada")
    assert (result.device, result.intent, result.bands_asked) == ("nord-n30", "availability", ())
    assert index.analyze("does the oneplus nord n30 have n41").bands_asked == (("nr", 41),)


@pytest.mark.parametrize(
    ("question", "network"),
    [
        # the network a listing sold the phone with, after its storage, is not the one asked about
        ("Google Pixel 8 Obsidian 256GB Verizon - unlocked? works on att", "att-us"),
        # an everyday word after the storage is a colour, beside the network named
        ("Google Pixel 8 128GB Mint GKWS6 Verizon", "verizon-us"),
    ],
)
def test_a_listing_s_network_and_colour_give_way_to_the_network_asked(question: str, network: str) -> None:
    assert read(question).carriers == (network,)


def _line_of_phones() -> Index:
    return Index(
        knowledge(
            vendors=[vendor("samsung", "Samsung", "galaxy"), vendor("google", "Google", "pixel")],
            devices=[
                device("galaxy-s24", "samsung", "Galaxy S24", variant("s24", lte=[2, 4])),
                device("galaxy-s25", "samsung", "Galaxy S25", variant("s25", lte=[2, 4])),
                device("galaxy-s25-plus", "samsung", "Galaxy S25+", variant("s25p", lte=[2, 4])),
                device("galaxy-z-fold6", "samsung", "Galaxy Z Fold6", variant("f6", lte=[2, 4])),
                device("galaxy-z-fold7", "samsung", "Galaxy Z Fold7", variant("f7", lte=[2, 4])),
                device("pixel-8", "google", "Pixel 8", variant("p8", lte=[2, 4])),
                device("pixel-8a", "google", "Pixel 8a", variant("p8a", lte=[2, 4])),
            ],
            carriers=[
                carrier("verizon-us", "US", "Verizon", lte=([2, 4], [])),
                carrier("plus-pl", "PL", "Plus", lte=([3, 20], [])),
                carrier("o2-de", "DE", "O2 Germany", "o2", lte=([3, 20], [])),
                carrier("vodafone-gb", "GB", "Vodafone UK", "vodafone", "vodafone uk", lte=([3, 20], [])),
                carrier("vodafone-de", "DE", "Vodafone Germany", "vodafone", "vodafone germany", lte=([3, 20], [])),
            ],
        )
    )


@pytest.mark.parametrize(
    ("first", "then", "phone", "network"),
    [
        # a phone we do not know, named whole or by its number: said so, not the phone before again
        ("galaxy s24 on verizon", "and the galaxy s30?", None, "verizon-us"),
        ("galaxy s24 on verizon", "what about the s30", None, "verizon-us"),
        # a model's letter, or the number in the name changed
        ("pixel 8 on verizon", "the a?", "pixel-8a", "verizon-us"),
        ("galaxy z fold6 on verizon", "and the 7?", "galaxy-z-fold7", "verizon-us"),
        # a model word that is also a network's name is the model when the phone has one ("plus?")
        ("galaxy s25 on verizon", "plus?", "galaxy-s25-plus", "verizon-us"),
        # "and o2?" names a network, no model "o2"
        ("pixel 8 in germany", "and o2?", "pixel-8", "o2-de"),
        # the same brand in the country a reply names, even when the country is in the network's name
        ("galaxy s24 on vodafone uk", "vodafone germany?", "galaxy-s24", "vodafone-de"),
    ],
)
def test_follow_ups_that_name_another_model_or_place(first: str, then: str, phone: str | None, network: str) -> None:
    index = _line_of_phones()
    result = index.analyze(then, index.analyze(first))
    assert (result.device, result.carriers) == (phone, (network,))


def test_a_network_s_name_that_begins_with_a_maker_s_is_no_maker_asked_about() -> None:
    index = Index(
        knowledge(
            vendors=[vendor("google", "Google", "pixel")],
            devices=[device("pixel-9", "google", "Pixel 9", variant("p9", lte=[2, 4]))],
            carriers=[
                carrier("tmobile-us", "US", "T-Mobile", lte=([2, 4, 71], [])),
                carrier("google-fi-us", "US", "Google Fi", "fi", mvno_of="tmobile-us"),
            ],
        )
    )
    result = index.analyze("what network does google fi use")
    assert (result.vendor, result.carriers) == (None, ("google-fi-us",))
    assert index.analyze("pixel 9 on google fi").vendor == "google"


def test_an_edition_word_or_another_maker_s_line_word_leaves_a_name_unanswered() -> None:
    index = Index(
        knowledge(
            vendors=[vendor("huawei", "Huawei"), vendor("oppo", "OPPO"), vendor("samsung", "Samsung", "galaxy")],
            devices=[
                device("mate-50", "huawei", "HUAWEI Mate 50", variant("m50", lte=[3])),
                device("find-x5", "oppo", "OPPO Find X5", variant("fx5", lte=[3])),
                device("galaxy-s24", "samsung", "Galaxy S24", variant("s24", lte=[3])),
            ],
        )
    )
    # the Mate 50 RS (Porsche Design) is another phone than the Mate 50
    assert index.analyze("mate 50 rs on vodafone uk").device is None
    assert index.analyze("huawei mate 50 on vodafone uk").device == "mate-50"
    # "mate x5" is a HUAWEI we do not know, not OPPO's Find X5 by its short name
    assert index.analyze("mate x5 on china mobile").device is None
    assert index.analyze("find x5 on china mobile").device == "find-x5"


@pytest.mark.parametrize(
    ("question", "origin"),
    [("韓版 galaxy s24 in taiwan", "KR"), ("國行 galaxy s24 in taiwan", "CN"), ("陸版 galaxy s24 in taiwan", "CN")],
)
def test_editions_in_traditional_chinese(question: str, origin: str) -> None:
    index = Index(
        knowledge(
            vendors=[vendor("samsung", "Samsung", "galaxy")],
            devices=[device("galaxy-s24", "samsung", "Galaxy S24", variant("s24", lte=[3]))],
        )
    )
    result = index.analyze(question)
    assert (result.device, result.country, result.origin) == ("galaxy-s24", "TW", origin)


@pytest.mark.parametrize(
    ("question", "origin"),
    [("iphone 16 ch/a on tmobile", "CN"), ("iphone 16 J/A on tmobile", "JP"), ("Pixel 8 and a w/a question", None)],
)
def test_apple_s_region_of_a_part_number_is_where_the_model_was_made_for(question: str, origin: str | None) -> None:
    # "MU773LL/A": Apple's part numbers end in their region, as sellers and owners write it
    assert read(question).origin == origin


def test_a_reply_naming_only_a_place_asks_about_the_phone_there() -> None:
    # "uk" after the Galaxy S24 on Verizon: the S24 in the UK, not on Verizon again
    index = _line_of_phones()
    result = index.analyze("uk", index.analyze("galaxy s24 on verizon"))
    assert (result.device, result.country, result.carriers) == ("galaxy-s24", "GB", ())
    result = index.analyze("lol", index.analyze("galaxy s24 on verizon"))
    assert (result.device, result.carriers) == ("galaxy-s24", ("verizon-us",))


def test_the_mainland_named_bare_is_china() -> None:
    index = Index(
        knowledge(
            vendors=[vendor("apple", "Apple", "iphone")],
            devices=[device("iphone-15", "apple", "iPhone 15", variant("i15", lte=[3]))],
        )
    )
    assert index.analyze("iphone 15 大陆 能用吗").country == "CN"


def test_a_network_after_a_listing_s_words_about_the_phone_is_the_one_asked() -> None:
    # "Samsung Galaxy A16 5G Unlocked cricket?": the listing's "Unlocked", then the network
    index = Index(
        knowledge(
            vendors=[vendor("google", "Google", "pixel")],
            devices=[device("pixel-9", "google", "Pixel 9", variant("p9", lte=[2, 4]))],
            carriers=[carrier("cricket-us", "US", "Cricket Wireless", "cricket", lte=([2, 4], []))],
        )
    )
    assert index.analyze("Google Pixel 9 Unlocked cricket?").carriers == ("cricket-us",)


def test_a_reply_after_an_answer_about_two_phones_keeps_them_or_picks_one() -> None:
    # "redmi note 13 pro on jio" answers the 4G and the 5G phone; "and airtel?" asks of both, "the 5g
    # one" of the 5G (it lost both: "which Xiaomi phone?")
    index = Index(
        knowledge(
            vendors=[vendor("xiaomi", "Xiaomi", "redmi")],
            devices=[
                device("rn13p-4g", "xiaomi", "Redmi Note 13 Pro (4G)", variant("a", lte=[3, 5])),
                device("rn13p-5g", "xiaomi", "Redmi Note 13 Pro 5G", variant("b", lte=[3, 5])),
            ],
            carriers=[
                carrier("jio-in", "IN", "Jio", lte=([3, 5, 40], [])),
                carrier("airtel-in", "IN", "Airtel", "airtel", lte=([3, 8, 40], [])),
            ],
        )
    )
    first = index.analyze("redmi note 13 pro on jio")
    both = index.analyze("and airtel?", first)
    assert (both.device, {s.id for s in both.suggestions if s.kind == "device"}) == (None, {"rn13p-4g", "rn13p-5g"})
    assert both.carriers == ("airtel-in",)
    assert index.analyze("the 5g one", first).device == "rn13p-5g"


def test_a_line_s_letter_before_a_short_name_keeps_the_suggestions_in_that_line() -> None:
    index = Index(
        knowledge(
            vendors=[vendor("samsung", "Samsung", "galaxy"), vendor("xiaomi", "Xiaomi", "mi", "redmi")],
            devices=[
                device("galaxy-z-fold3", "samsung", "Galaxy Z Fold3", variant("a", lte=[3])),
                device("galaxy-z-fold4", "samsung", "Galaxy Z Fold4", variant("b", lte=[3])),
                device("xiaomi-mix-fold-2", "xiaomi", "Xiaomi MIX Fold 2", variant("c", lte=[3])),
            ],
            carriers=[carrier("m1-sg", "SG", "M1", lte=([3], []))],
        )
    )
    # "z fold 2": a Galaxy Z Fold we do not know, not the MIX Fold 2
    for q in ("dad's z fold 2 bought in korea, m1 in singapore. any issue?", "is the z fold 2 ok on m1"):
        result = index.analyze(q)
        assert result.device is None
        assert {s.id for s in result.suggestions} == {"galaxy-z-fold3", "galaxy-z-fold4"}, q


@pytest.mark.parametrize(
    "question",
    [
        "xiaomi 14 wersja chińska w plusie",  # Polish, the adjective after its noun
        "mam chińską wersję xiaomi 14, działa w plusie?",
        "xiaomi 14 китайская версия, будет работать?",  # Russian
        "xiaomi 14 китайська версія, працюватиме?",  # Ukrainian
    ],
)
def test_chinese_version_in_polish_russian_and_ukrainian(question: str) -> None:
    result = read(question)
    assert (result.device, result.origin) == ("xiaomi-14", "CN")
    assert result.variant == "x14c"


def test_polish_is_no_origin_where_it_names_poland() -> None:
    assert read("xiaomi 14 w plusie, polska").origin is None


def test_a_country_set_beside_global_is_a_model_compared_not_a_place() -> None:
    # "global vs china": both models, on the network named; no place of use, no one model
    result = read("bands of xiaomi 14 global vs china? i need b66 and b2 for tmo")
    assert (result.country, result.origin, result.variant, result.carriers) == ("US", None, None, ("tmobile-us",))
    assert read("xiaomi 14 china or global for verizon?").origin is None
    # a place beside another place stays one ("US and EU models")
    assert read("is the galaxy s24 sold in the us and europe?").country is not None


def test_a_code_that_is_a_word_of_a_phone_s_name_is_no_country() -> None:
    index = Index(
        knowledge(
            vendors=[vendor("xiaomi", "Xiaomi", "poco")],
            devices=[device("poco-f4-gt", "xiaomi", "POCO F4 GT", variant("a", lte=[3]))],
            carriers=[
                carrier("tigo-gt", "GT", "Tigo Guatemala", "tigo", lte=([4], [])),
                carrier("airtel-in", "IN", "Airtel", lte=([3], [])),
            ],
        )
    )
    # "POCO X5 GT": a phone we do not know, not Guatemala
    assert index.analyze("POCO X5 GT on airtel").country == "IN"
    assert index.analyze("POCO X5 GT no volte").country is None
    assert index.analyze("POCO F4 GT in GT on tigo").country == "GT"


def test_a_network_of_several_countries_in_a_russian_post_is_russia_s() -> None:
    index = Index(
        knowledge(
            vendors=[vendor("google", "Google", "pixel")],
            devices=[device("pixel-8", "google", "Pixel 8", variant("p8", lte=[3]))],
            carriers=[
                carrier("t2-ru", "RU", "t2", "tele2", lte=([3], [])),
                carrier("tele2-se", "SE", "Tele2 Sweden", "tele2", lte=([3], [])),
            ],
        )
    )
    assert index.analyze("Pixel 8 на Tele2 без VoLTE, что делать?").carriers == ("t2-ru",)
    # Ukrainian letters are no Russian post
    assert index.analyze("pixel 8 на tele2 не працює, що робити?").carriers != ("t2-ru",)


def test_a_model_word_that_is_a_network_s_name_beside_a_phone_named_whole_is_the_network() -> None:
    index = Index(
        knowledge(
            vendors=[vendor("xiaomi", "Xiaomi", "redmi", "mi"), vendor("samsung", "Samsung", "galaxy")],
            devices=[
                device("redmi-a1", "xiaomi", "Redmi A1", variant("ra1", lte=[3])),
                device("mi-a1", "xiaomi", "Mi A1", variant("ma1", lte=[3])),
                device("galaxy-s23", "samsung", "Galaxy S23", variant("s23", lte=[3, 20])),
            ],
            carriers=[carrier("a1-at", "AT", "A1", "a1 telekom", lte=([3, 20], []))],
        )
    )
    # A German post's title "A1: …" names Austria's network, not the Redmi A1 or the Mi A1
    a = index.analyze("A1: kein Netz mit dem Galaxy S23 seit gestern")
    assert (a.device, a.carriers, a.country) == ("galaxy-s23", ("a1-at",), "AT")
    # Alone, "a1" may still be either phone; with its maker's word it is the phone
    assert {s.id for s in index.analyze("a1 no signal").suggestions if s.kind == "device"} == {"redmi-a1", "mi-a1"}
    assert index.analyze("redmi a1 on a1?").device == "redmi-a1"


def test_arabic_zain_is_the_network_only_where_a_network_is_spoken_of() -> None:
    index = Index(
        knowledge(
            vendors=[vendor("apple", "Apple", "iphone", "ايفون")],
            devices=[device("iphone-15", "apple", "iPhone 15", variant("i15", lte=[3]))],
            carriers=[carrier("zain-sa", "SA", "Zain KSA", "zain", "زين", lte=([3], []))],
        )
    )
    # "does the iPhone 15 work with Zain", "iPhone 15, Zain SIM does not work"
    for asked in ("هل يعمل ايفون 15 مع زين", "ايفون 15 شريحة زين ما تشتغل"):
        a = index.analyze(asked)
        assert (a.device, a.carriers, a.intent) == ("iphone-15", ("zain-sa",), "compatibility"), asked
    # "زين" is "good" too: "is the iPhone 15 good or not?"
    assert index.analyze("ايفون 15 زين ولا لا؟").carriers == ()


def test_of_networks_listed_the_one_told_of_again_is_the_asker_s() -> None:
    index = Index(
        knowledge(
            vendors=[vendor("apple", "Apple", "iphone")],
            devices=[device("iphone-12-pro", "apple", "iPhone 12 Pro", variant("i12p", lte=[3]))],
            carriers=[
                carrier("china-mobile-cn", "CN", "China Mobile", lte=([3], [])),
                carrier("china-unicom-cn", "CN", "China Unicom", lte=([3], [])),
                carrier("china-telecom-cn", "CN", "China Telecom", lte=([3], [])),
            ],
        )
    )
    story = (
        "No signal after jailbreak\n"
        "In China we have three major carriers: China Mobile, China Unicom, and China Telecom. "
        "Phones with China Telecom SIM cards lose signal. Device: iPhone 12 Pro."
    )
    assert index.analyze(story).carriers == ("china-telecom-cn",)
    # each named in two sentences: a list, no one network the asker's
    both = "China Telecom China Unicom China Mobile no 5G SA\nChina Telecom China Unicom China Mobile no 5G SA"
    assert index.analyze(both).carriers == ()
    # each named once: a list
    listed = "In China we have China Mobile, China Unicom and China Telecom. My iPhone 12 Pro has no signal."
    assert index.analyze(listed).carriers == ()


def test_a_hyphen_glues_an_everyday_network_name_or_model_word_to_the_next_word() -> None:
    index = Index(
        knowledge(
            vendors=[vendor("samsung", "Samsung", "galaxy")],
            devices=[device("galaxy-s20-ultra", "samsung", "Galaxy S20 Ultra", variant("s20u", lte=[2]))],
            carriers=[
                carrier("verizon-us", "US", "Verizon", lte=([2, 13], [])),
                carrier("tmobile-us", "US", "T-Mobile", lte=([2, 71], [])),
                carrier("ultra-us", "US", "Ultra Mobile", "ultra", mvno_of="tmobile-us"),
            ],
        )
    )
    # "the Ultra-High bands": no Ultra Mobile, and no "Ultra" phone to offer
    a = index.analyze("Verizon uses the Ultra-High bands which are typically faster")
    assert a.carriers == ("verizon-us",)
    assert not [s for s in a.suggestions if s.kind == "device"]
    assert index.analyze("galaxy s20 ultra on Ultra?").carriers == ("ultra-us",)


PHONES_OF_A_FAMILY = knowledge(
    vendors=[
        vendor("google", "Google", "pixel"),
        vendor("apple", "Apple", "iphone"),
        vendor("nothing", "Nothing"),
        vendor("xiaomi", "Xiaomi", "poco"),
        vendor("htc", "HTC"),
        vendor("samsung", "Samsung", "galaxy"),
    ],
    devices=[
        device("pixel-6", "google", "Pixel 6"),
        device("pixel-9a", "google", "Pixel 9a"),
        device("pixel-10", "google", "Pixel 10"),
        device("pixel-10a", "google", "Pixel 10a"),
        device("pixel-10-pro", "google", "Pixel 10 Pro"),
        device("pixel-10-pro-xl", "google", "Pixel 10 Pro XL"),
        device("iphone-16-pro", "apple", "iPhone 16 Pro"),
        device("iphone-16-pro-max", "apple", "iPhone 16 Pro Max"),
        device("nothing-phone-2", "nothing", "Phone (2)", aliases=("nothing phone 2", "phone 2")),
        device("nothing-phone-3", "nothing", "Phone (3)", aliases=("nothing phone 3", "phone 3")),
        device("poco-m8", "xiaomi", "POCO M8 5G", aliases=("m8",)),
        device("galaxy-a22", "samsung", "Galaxy A22", aliases=("a22",)),
    ],
    carriers=[
        carrier("mint-us", "US", "Mint Mobile", "mint", lte=([2, 4, 66, 71], [])),
        carrier("verizon-us", "US", "Verizon", lte=([2, 4, 13], [])),
        carrier("tim-br", "BR", "TIM", "tim", lte=([3, 7, 28], [])),
        carrier("claro-br", "BR", "Claro", "claro", lte=([3, 7, 28], [])),
    ],
)


def test_the_phone_the_last_question_points_at_is_the_one_asked() -> None:
    index = Index(PHONES_OF_A_FAMILY)
    asked = {
        # an old phone kept aside, asked about by its number
        "got a pixel 10 pro as my daily now. want to keep the old pixel 6 as a backup on a cheap mint sim"
        " — does the 6 still work on mint?": "pixel-6",
        # someone else's sibling, named by its number and model words alone, then by a model word
        "my iphone 16 pro and my wife's 16 pro max. going to são paulo, tim esim. does the max work on tim"
        " 5g?": "iphone-16-pro-max",
        "bought the pixel 10 for me and the 10 pro xl for my mom. can the xl use verizon's c-band? the 10 i"
        " already checked": "pixel-10-pro-xl",
        # of two compared, the one the question points at by its number
        "nothing phone 3 vs phone 2, does the 3 have n77? my phone 2 does": "nothing-phone-3",
    }
    for question, phone in asked.items():
        assert index.analyze(question).device == phone, question
    # asked of both: a question back, not the last named
    both = index.analyze("voy a agarrar un pixel 10 para usarlo con mint... o mejor el 10a? cual de los dos jala bien?")
    assert both.device is None
    assert {s.id for s in both.suggestions if s.kind == "device"} == {"pixel-10", "pixel-10a"}
    # a version number is no sibling's: "0.3A" is no Pixel 3a, nor anything else
    assert index.analyze("PIXEL 10 VoLTE fails on mint. I tried this module 0.4 and 0.3A.").device == "pixel-10"


def test_a_correction_in_another_language_names_the_phone_meant() -> None:
    index = Index(PHONES_OF_A_FAMILY)
    for question in (
        "il pixel 9a è venduto in italia? anzi no scusate, intendevo il pixel 10a",
        "el pixel 9a funciona con claro? perdón, quise decir el pixel 10a, el pixel 9a ya lo he visto",
        "pixel 9a bisa pake tim? eh maksud gw pixel 10a",
        "czy pixel 9a działa w tim? sorry, chodziło mi o pixel 10a",
    ):
        assert index.analyze(question).device == "pixel-10a", question


def test_a_model_word_alone_beside_another_maker_or_a_letter_apart_is_no_phone() -> None:
    index = Index(PHONES_OF_A_FAMILY)
    # another maker named in the sentence, this one never: HTC's M8, no POCO M8 5G
    assert index.analyze("mir gefallen beim HTC One (M7 und auch M8) die Lautsprecher, o2 hat es").device is None
    assert index.analyze("poco m8 on tim?").device == "poco-m8"
    # Portuguese "a 22 quilômetros" (22 kilometres away), no Galaxy A22; with its maker it is one
    assert index.analyze("mora a 22 quilômetros do centro e usa um celular da claro").device is None
    assert index.analyze("meu samsung a 22 na claro funciona?").device == "galaxy-a22"


def test_a_story_of_several_phones_told_in_chat_style() -> None:
    index = Index(
        knowledge(
            vendors=[
                vendor("google", "Google", "pixel"),
                vendor("xiaomi", "Xiaomi"),
                vendor("samsung", "Samsung", "galaxy"),
                vendor("oneplus", "OnePlus"),
                vendor("sony", "Sony", "xperia"),
            ],
            devices=[
                device("pixel-8", "google", "Pixel 8"),
                device("pixel-9", "google", "Pixel 9"),
                device("xiaomi-15", "xiaomi", "Xiaomi 15"),
                device("galaxy-s24", "samsung", "Galaxy S24"),
                device("galaxy-a26", "samsung", "Galaxy A26", aliases=("a26",)),
                device("galaxy-a36", "samsung", "Galaxy A36", aliases=("a36",)),
                device("oneplus-12", "oneplus", "OnePlus 12"),
                device("oneplus-13", "oneplus", "OnePlus 13"),
                device("xperia-10-vi", "sony", "Xperia 10 VI"),
                device("xperia-10-vii", "sony", "Xperia 10 VII"),
            ],
            carriers=[
                carrier("tmobile-us", "US", "T-Mobile", "tmo", lte=([2, 4, 71], [])),
                carrier("bell-ca", "CA", "Bell", lte=([2, 4, 66], [])),
                carrier("tim-br", "BR", "TIM", "tim", lte=([3, 7, 28], [])),
                carrier("turk-telekom-tr", "TR", "Türk Telekom", "turk telekom", lte=([3, 20], [])),
                carrier("povo-jp", "JP", "povo", lte=([1, 3, 19], [])),
            ],
        )
    )
    # an emoji ends a clause; a last sentence that asks without its question mark still asks
    roommate = (
        "roommate just brought a xiaomi 15 back from china 👀 (my phone is a pixel 8 fwiw). will his xiaomi 15"
        " work on tmo or is it a paperweight here"
    )
    assert index.analyze(roommate).device == "xiaomi-15"
    # the one taken after weighing two
    taken = "was torn between the pixel 9 and the galaxy s24, went with the pixel 9 in the end. any issues on bell?"
    assert index.analyze(taken).device == "pixel-9"
    # a maker we do not know, named again in the question: its phone, not the one we know
    casper = "casper via x40 mı alsam galaxy a26 mı? casper türk telekom'da 5g destekliyor mu?"
    assert index.analyze(casper).device is None
    # "or maybe the a36 ... whichever": both asked, a question back
    either = index.analyze("galaxy a26 ok on tim brasil? or maybe the a36... honestly whichever works on tim")
    assert either.device is None
    assert {s.id for s in either.suggestions if s.kind == "device"} == {"galaxy-a26", "galaxy-a36"}
    # the phone weighed as the next one is no answer for the one in trouble
    bootloop = (
        "my oneplus 12 is stuck in a bootloop after the update 😭 should i wait for a fix or trade it in for the"
        " oneplus 13? how do i get out of the bootloop"
    )
    assert index.analyze(bootloop).device != "oneplus-13"
    # a Japanese correction, and a generation in Roman numerals named alone
    assert index.analyze("Xperia 10 VIって日本で売ってますか？あ、間違えた、10 VIIのほうです").device == "xperia-10-vii"


def test_an_arabic_question_mark_and_article_before_a_maker() -> None:
    index = Index(
        knowledge(
            vendors=[
                vendor("xiaomi", "Xiaomi", "شاومي"),
                vendor("samsung", "Samsung", "galaxy", "سامسونج"),
                vendor("honor", "Honor", "هونر"),
                vendor("apple", "Apple", "iphone", "ايفون"),
            ],
            devices=[
                device("xiaomi-14-ultra", "xiaomi", "Xiaomi 14 Ultra"),
                device("galaxy-s24-ultra", "samsung", "Galaxy S24 Ultra"),
                device("honor-magic5-pro", "honor", "HONOR Magic5 Pro", aliases=("honor magic5 pro", "magic5 pro")),
                device("iphone-15", "apple", "iPhone 15"),
            ],
            carriers=[carrier("stc-sa", "SA", "stc", lte=([3, 20], []))],
        )
    )
    # "؟" asks; "وقررت آخذ الشاومي" (and I decided to take the Xiaomi): the phone taken and asked of
    torn = (
        "كنت محتار بين شاومي 14 الترا و سامسونج s24 الترا، وقررت آخذ الشاومي. هل شاومي 14 الترا ينباع رسمي في السعودية؟"
    )
    assert index.analyze(torn).device == "xiaomi-14-ultra"
    # "الهونر" (the Honor) points back at the Honor told of, not the wife's iPhone 15
    wife = "جوال زوجتي iphone 15 شغال تمام، بس جوالي هونر magic5 pro ما يلقط 5G. هل الهونر يدعم 5G؟"
    assert index.analyze(wife).device == "honor-magic5-pro"


def test_chat_questions_about_a_maker_s_phones_or_a_phone_we_do_not_know() -> None:
    index = Index(
        knowledge(
            vendors=[
                vendor("samsung", "Samsung", "galaxy"),
                vendor("xiaomi", "Xiaomi", "poco"),
                vendor("google", "Google", "pixel"),
                vendor("motorola", "Motorola", "moto"),
                vendor("vivo", "vivo"),
                vendor("apple", "Apple", "iphone"),
            ],
            devices=[
                device("galaxy-s23", "samsung", "Galaxy S23"),
                device("galaxy-s24", "samsung", "Galaxy S24"),
                device("galaxy-s24-fe", "samsung", "Galaxy S24 FE"),
                device("galaxy-a34", "samsung", "Galaxy A34", aliases=("a34",)),
                device("galaxy-a35", "samsung", "Galaxy A35 5G", aliases=("a35",)),
                device("pixel-8-pro", "google", "Pixel 8 Pro"),
                device("pixel-10-pro", "google", "Pixel 10 Pro"),
                device("moto-x-2014", "motorola", "Moto X (2014)", aliases=("x2",)),
                device("moto-g85", "motorola", "Moto G85"),
                device("motorola-edge-40-neo", "motorola", "Motorola Edge 40 Neo"),
                device("vivo-x300-pro", "vivo", "vivo X300 Pro"),
                device("iphone-11", "apple", "iPhone 11"),
                device("iphone-11-pro", "apple", "iPhone 11 Pro"),
            ],
            carriers=[
                carrier("jio-in", "IN", "Jio", lte=([3, 40], [])),
                carrier("verizon-us", "US", "Verizon", "vzw", lte=([2, 4, 13], [])),
                carrier("airtel-in", "IN", "Airtel", lte=([3, 40], [])),
                carrier("claro-br", "BR", "Claro", "claro", lte=([3, 7, 28], [])),
                carrier("play-pl", "PL", "Play", lte=([3, 20], [])),
                carrier("visible-us", "US", "Visible", lte=([2, 4, 13], [])),
            ],
        )
    )
    # a maker's phones asked of in general: none of the phones named
    for question in (
        "pixel 8 pro user here, gf wants a xiaomi for xmas 🎄 do xiaomi phones even work on vzw??",
        "my s23 gets volte on jio no prob. would a samsung from the us work on jio too?",
        "s24 is way too big for my mom 😅 which smaller samsung works on verizon?",
        # a phone we do not know in the last question; one compared with ours, referred to
        "pixel 11 or pixel 10 pro? prob the 11. is the pixel 11 out in india yet?",
        "vivo x300 vs x300 pro, prob the regular x300. is the x300 sold in india?",
        # a model word typed after another maker's name elsewhere: that maker's
        "old poco x2 is my hotspot now next to the s24. does the x2 still get airtel 4g?",
    ):
        assert index.analyze(question).device is None, question
    # Polish "czy" opens a yes-no question, no "or"; "o 5G da Claro" points at no "A35 5G"
    wife = "Galaxy A34 żony nie łapie 5G w Play, moja Motorola Edge 40 Neo tak. Czy A34 obsługuje 5G w sieci Play?"
    assert index.analyze(wife).device == "galaxy-a34"
    moto = "Fiquei entre o A35 e o Moto G85. Meu irmão tem o A35. Agora a dúvida: o G85 pega o 5G da Claro?"
    assert index.analyze(moto).device == "moto-g85"
    # Portuguese "pro" (para o) before another phone's name is no model word
    whatsapp = "Minha esposa passou do iPhone 11 pro S24. Como passar o WhatsApp do iPhone 11 pro S24 FE?"
    assert index.analyze(whatsapp).device != "iphone-11-pro"
    # "actually" inside a clause is no correction
    visible = (
        "the s24 works fine on visible. but what about the s24 fe? that's the one I'm actually buying, the s24 is more"
    )
    assert index.analyze(visible).device == "galaxy-s24-fe"


def test_words_of_a_story_that_point_at_no_phone() -> None:
    index = Index(
        knowledge(
            vendors=[
                vendor("google", "Google", "pixel"),
                vendor("apple", "Apple", "iphone"),
                vendor("vivo", "vivo", "iqoo"),
                vendor("oneplus", "OnePlus"),
                vendor("honor", "Honor"),
                vendor("samsung", "Samsung", "galaxy"),
                vendor("xiaomi", "Xiaomi", "redmi"),
            ],
            devices=[
                device("pixel-9-pro", "google", "Pixel 9 Pro"),
                device("iphone-15-pro", "apple", "iPhone 15 Pro", variant("a3104", "China", ("A3104",))),
                device("iqoo-13", "vivo", "iQOO 13"),
                device("oneplus-13", "oneplus", "OnePlus 13"),
                device("honor-magic-v3", "honor", "HONOR Magic V3", aliases=("honor magic v3", "magic v3")),
                device("galaxy-z-fold6", "samsung", "Galaxy Z Fold6"),
                device("redmi-note-8-pro", "xiaomi", "Redmi Note 8 Pro"),
                device("redmi-note-14-pro-plus", "xiaomi", "Redmi Note 14 Pro+"),
            ],
            carriers=[
                carrier("china-unicom-cn", "CN", "China Unicom", "unicom", lte=([1, 3], [])),
                carrier("jio-in", "IN", "Jio", lte=([3, 40], [])),
            ],
        )
    )
    # a maker's name told of in the story narrows nothing ("Google stuff aside"); the model number does
    expat = (
        "HK iPhone 15 Pro (A3104) on China Unicom 5G?\n\nMy Pixel 9 Pro is basically useless on the mainland"
        " (Google stuff aside, it's fine on Unicom 4G). Does the HK A3104 work on China Unicom's 5G?"
    )
    assert index.analyze(expat).device == "iphone-15-pro"
    # "bhai" opening a post is "bro", no brother's phone; "dono" asks of both
    both = index.analyze("bhai iqoo 13 le ya oneplus 13? dono me jio 5g sa chalega na?")
    assert both.device is None and {s.id for s in both.suggestions if s.kind == "device"} == {"iqoo-13", "oneplus-13"}
    # Hindi says the phone taken after its name
    plan = (
        "bhai mera redmi note 8 pro ab bahut hang hota hai 😤 ab redmi note 14 pro+ lene ka plan hai."
        " india me launch hua hai kya?"
    )
    assert index.analyze(plan).device == "redmi-note-14-pro-plus"
    # "le Honor Magic V5" is another model than the Magic V3 told of: none of ours
    v5 = (
        "Bonjour, j'ai un Honor Magic V3 depuis l'an dernier, ma femme a un Galaxy Z Fold6."
        " Le Honor Magic V5 est-il vendu officiellement en France ?"
    )
    assert index.analyze(v5).device is None


def test_chat_replies_and_questions_the_bot_does_not_answer() -> None:
    index = Index(
        knowledge(
            vendors=[vendor("google", "Google", "pixel")],
            devices=[device("pixel-9", "google", "Pixel 9")],
            carriers=[
                carrier("verizon-us", "US", "Verizon", lte=([2, 4, 13], [])),
                carrier("vodafone-de", "DE", "Vodafone Germany", "vodafone", lte=([3, 20], [])),
                carrier("viettel-vn", "VN", "Viettel", lte=([3], [])),
            ],
        )
    )
    for thanks in ("yep that's what i thought, ty", "valeu mano, funcionou aqui", "تسلم يا غالي 🙏 فادتني المعلومة"):
        assert index.analyze(thanks).intent == "thanks", thanks
    for other in (
        "cuánto sale el pixel 9 en españa? en amazon lo veo carísimo",
        "how do i check if my phone is blacklisted before i sell it",
        "Welche Handys funktionieren mit dem 5G von Vodafone?",
    ):
        assert index.analyze(other).intent == "other", other
    assert index.analyze("is verizon's 3g network completely gone now?").intent == "bands"
    # Vietnamese "yếu" (weak): trouble on a named network
    assert index.analyze("mạng viettel ở đà nẵng dạo này yếu quá, có ai bị giống ko?").intent == "compatibility"


def test_a_word_common_in_several_languages_is_never_a_typo_of_a_name() -> None:
    index = Index(
        knowledge(
            vendors=[vendor("xiaomi", "Xiaomi", "redmi")],
            devices=[device("redmi-note-9s", "xiaomi", "Redmi Note 9S")],
            carriers=[carrier("nos-pt", "PT", "NOS", "nos", lte=([3, 20], []))],
        )
    )
    # "em março" (in March), folded "marco", is common in Spanish, Portuguese and Italian: no "Maroc"
    a = index.analyze("Vou me mudar pra Lisboa em março e quero levar meu Redmi Note 9S. Pretendo usar a NOS.")
    assert a.country != "MA"
    assert index.analyze("redmi note 9s in marocco?").country == "MA"


def test_a_name_two_phones_share_asked_last_beside_the_phone_in_hand() -> None:
    index = Index(
        knowledge(
            vendors=[vendor("xiaomi", "Xiaomi", "redmi")],
            devices=[
                device("redmi-note-8t", "xiaomi", "Redmi Note 8T"),
                device("redmi-note-14-pro-4g", "xiaomi", "Redmi Note 14 Pro 4G"),
                device("redmi-note-14-pro-5g", "xiaomi", "Redmi Note 14 Pro 5G"),
            ],
            carriers=[carrier("ho-mobile-it", "IT", "ho. Mobile", "ho mobile", lte=([3, 20], []))],
        )
    )
    # "ho." (the network's stylised name) ends no sentence; the last question names the Note 14 Pro,
    # which may be the 4G or the 5G phone: a question back, not the asker's Note 8T
    post = (
        "il mio Redmi Note 8T ha ormai 6 anni. Mio cugino mi consiglia il Redmi Note 14 Pro."
        " Il Note 14 Pro funziona bene con ho. anche in 5G?"
    )
    a = index.analyze(post)
    assert a.device is None
    assert {s.id for s in a.suggestions if s.kind == "device"} == {"redmi-note-14-pro-4g", "redmi-note-14-pro-5g"}


def test_a_network_named_whole_then_by_its_brand_alone_stays_the_same_network() -> None:
    index = Index(
        knowledge(
            vendors=[vendor("motorola", "Motorola", "moto")],
            devices=[device("moto-g84", "motorola", "Moto G84", variant("g84", lte=[3]))],
            carriers=[
                carrier("tim-br", "BR", "TIM Brasil", "tim"),
                carrier("tim-it", "IT", "TIM", "tim"),
                carrier("magenta-at", "AT", "Magenta Telekom", "t-mobile", "t-mobile at"),
                carrier("tmobile-us", "US", "T-Mobile", "t-mobile"),
                carrier("att-us", "US", "AT&T"),
            ],
        )
    )
    story = "moto g84 works on tim brasil np, but my other phone shows no 4g. not compatible w tim?"
    reading = index.analyze(story)
    # chat's "np" (no problem) is no Nepal; the last "tim" is TIM Brasil, named whole before
    assert (reading.carriers, reading.country) == (("tim-br",), "BR")
    assert index.analyze("moto g84 works on tim brasil np").country == "BR"
    # "AT" glued to "&T" is AT&T's, not the end of "T-Mobile AT" (Austria)
    assert "magenta-at" not in index.analyze("a moto g84 on T-Mobile/AT&T, which is better?").carriers
    assert index.analyze("moto g84 with T-Mobile AT").carriers == ("magenta-at",)


def test_an_example_in_the_question_beside_a_story_of_other_phones_is_not_the_phone_asked() -> None:
    index = Index(
        knowledge(
            vendors=[vendor("samsung", "Samsung", "galaxy")],
            devices=[
                device("galaxy-s22", "samsung", "Galaxy S22"),
                device("galaxy-s8", "samsung", "Galaxy S8"),
                device("galaxy-s23", "samsung", "Galaxy S23"),
                device("galaxy-a56", "samsung", "Galaxy A56"),
            ],
        )
    )
    post = (
        "I got an OTA on my S22, which updated the CSC so VoLTE started working. I run Floyd on a S7 Edge; "
        "VoLTE works with a SIM of a carrier that enabled it starting Galaxy S8.\n"
        "Could you port the latest CSC from some of the latest Galaxy devices, like the S23, to the Floyd ROM?"
    )
    assert index.analyze(post).device is None  # neither the example nor one of the story's phones
    # an example alone in the question is still the phone asked about
    assert index.analyze("do newer phones, like the Galaxy S23, have VoLTE on this ROM?").device == "galaxy-s23"


def test_a_codename_is_read_where_a_codename_is_written() -> None:
    index = Index(
        knowledge(
            vendors=[vendor("xiaomi", "Xiaomi", "mi", "redmi", "poco"), vendor("google", "Google", "pixel")],
            devices=[
                device("redmi-k40", "xiaomi", "Redmi K40", codenames=("alioth",)),
                device("poco-f3", "xiaomi", "POCO F3", codenames=("alioth",)),
                device("pixel-4-xl", "google", "Pixel 4 XL", codenames=("coral",)),
                device("pixel-7a", "google", "Pixel 7a"),
            ],
            carriers=[carrier("jio-in", "IN", "Jio")],
        )
    )
    issue = "China Telecom SIM no service\n\n## Build date\n\nPixelExperience_Plus_coral-13.0-20221116-0823-OFFICIAL\n"
    assert index.analyze(issue).device == "pixel-4-xl"  # inside a ROM build's file name
    assert index.analyze("Device: coral\nno signal on jio").device == "pixel-4-xl"  # a Device field
    assert index.analyze("lineage-21.0-20240101-nightly-coral-signed.zip has no volte").device == "pixel-4-xl"
    # an everyday word elsewhere is the word: the colour of a Pixel 7a, a reef
    assert index.analyze("my pixel 7a in coral, on jio?").device == "pixel-7a"
    assert index.analyze("coral reef photos on jio").device is None
    # a codename of one board sold under two names asks back between them, typed alone too (no word)
    for q in ("5G not working\n### Device\n\nalioth\n", "alioth on jio, volte?"):
        reading = index.analyze(q)
        assert reading.device is None and {s.id for s in reading.suggestions} == {"redmi-k40", "poco-f3"}
    # and gives way to the phone named
    assert index.analyze("PixelExperience_Plus_alioth-13.0 on jio, mine is the poco f3").device == "poco-f3"


def test_in_a_post_that_names_a_phone_by_its_codename_a_word_typed_alone_may_be_one() -> None:
    index = Index(
        knowledge(
            vendors=[vendor("google", "Google", "pixel")],
            devices=[
                device("pixel-8", "google", "Pixel 8", aliases=("shiba",)),
                device("pixel-8-pro", "google", "Pixel 8 Pro", codenames=("husky",)),
                device("pixel-4-xl", "google", "Pixel 4 XL", codenames=("coral",)),
            ],
            carriers=[carrier("vodafone-es", "ES", "Vodafone"), carrier("tmobile-us", "US", "T-Mobile", "tmo")],
        )
    )
    assert index.analyze("husky vs shiba... husky is mine. does husky work on vodafone?").device == "pixel-8-pro"
    assert index.analyze("my husky on vodafone?").device is None  # no codename talk: a dog
    assert index.analyze("my shiba in coral works on tmo").device == "pixel-8"  # a colour after "in"


def test_the_us_in_japanese_and_where_a_japanese_post_says_a_phone_was_bought() -> None:
    index = Index(
        knowledge(
            vendors=[vendor("apple", "Apple", "iphone")],
            devices=[device("iphone-15", "apple", "iPhone 15")],
            carriers=[carrier("docomo-jp", "JP", "NTT docomo", "ドコモ"), carrier("att-us", "US", "AT&T")],
        )
    )

    def places(q: str) -> tuple[str | None, str | None]:
        reading = index.analyze(q)
        return reading.country, reading.origin

    assert places("アメリカ版のiPhone 15はドコモで使えますか") == ("JP", "US")  # the US edition
    assert places("アメリカで買ったiPhone 15はドコモで使えますか") == ("JP", "US")  # bought in the US
    assert places("我在美国买的iPhone 15能用吗") == (None, "US")
    assert places("アメリカの携帯を日本で使えますか") == ("JP", "US")  # an American phone
    assert places("ハワイでiPhone 15を使う") == ("US", None)
    # "アメリカの友達" is an American friend: no place of use
    assert places("アメリカの友達がiPhone 15をドコモで使えますか") == ("JP", None)


def test_a_firmware_version_with_letters_names_no_network() -> None:
    index = Index(
        knowledge(
            vendors=[vendor("sony", "Sony", "xperia")],
            devices=[device("xperia-z5", "sony", "Xperia Z5")],
            carriers=[carrier("a1-at", "AT", "A1")],
        )
    )
    post = "Unknown IMEI after flashing Xperia Z5. Firmware version was 32.4.A.1.54_RE (Vodafone CZ). Can anyone help?"
    assert "32.4.A.1.54_RE" not in blank_noise(post)
    assert index.analyze(post).carriers == ()
    assert index.analyze("xperia z5 on A1?").carriers == ("a1-at",)


def test_an_arrow_points_at_the_phone_chosen_and_the_one_in_trouble_is_asked_across_sentences() -> None:
    index = Index(
        knowledge(
            vendors=[
                vendor("xiaomi", "Xiaomi", "poco"),
                vendor("vivo", "vivo", "iqoo"),
                vendor("google", "Google", "pixel"),
                vendor("samsung", "Samsung", "galaxy"),
            ],
            devices=[
                device("poco-f7", "xiaomi", "POCO F7"),
                device("iqoo-13", "vivo", "iQOO 13"),
                device("pixel-6", "google", "Pixel 6"),
                device("pixel-10", "google", "Pixel 10"),
                device("pixel-10-pro", "google", "Pixel 10 Pro"),
                device("pixel-8", "google", "Pixel 8"),
                device("galaxy-s21", "samsung", "Galaxy S21"),
            ],
            carriers=[carrier("tmobile-us", "US", "T-Mobile", "tmo"), carrier("vodafone-de", "DE", "Vodafone")],
        )
    )
    assert index.analyze("poco f7 vs iqoo 13 → iqoo 13 ✅ bands? mainly n78 n28").device == "iqoo-13"
    assert index.analyze("pixel 6 -> pixel 10, any issues on tmo?").device == "pixel-10"
    # another offered after "or" leaves the choice open
    assert index.analyze("pixel 6 → pixel 10 on tmo, or maybe the 10 pro?").device is None
    # the phone in trouble in one sentence, the other said to work in another
    for aside in ("the pixel 8 works fine there.", "(the pixel 8 has no issues)"):
        assert index.analyze(f"the galaxy s21 on vodafone has no volte. {aside}").device == "galaxy-s21"


def test_hers_and_both_of_them_in_other_languages() -> None:
    index = Index(
        knowledge(
            vendors=[
                vendor("apple", "Apple", "iphone"),
                vendor("samsung", "Samsung", "galaxy"),
                vendor("motorola", "Motorola", "moto"),
            ],
            devices=[
                device("iphone-13", "apple", "iPhone 13"),
                device("galaxy-a54", "samsung", "Galaxy A54"),
                device("moto-g24", "motorola", "Moto G24"),
                device("moto-g54", "motorola", "Moto G54"),
            ],
            carriers=[carrier("wom-cl", "CL", "WOM Chile", "wom")],
        )
    )
    # "el de ella" (hers) asks of the wife's phone, not the asker's: not the asker's A54
    hers = index.analyze(
        "mi esposa tiene un iphone 13 y yo un galaxy a54. el de ella funciona con wom chile? el mío sí"
    )
    assert hers.device != "galaxy-a54"
    both = index.analyze("mi hijo tiene un moto g24 y yo un moto g54, los dos se venden en perú?")
    assert both.device is None and {s.id for s in both.suggestions} >= {"moto-g24", "moto-g54"}


def test_words_of_chat_probe_f_places_origins_sale_thanks_and_greetings() -> None:
    index = Index(
        knowledge(
            vendors=[vendor("xiaomi", "Xiaomi", "mi"), vendor("samsung", "Samsung", "galaxy")],
            devices=[
                device("xiaomi-15t-pro", "xiaomi", "Xiaomi 15T Pro"),
                device("galaxy-s10e", "samsung", "Galaxy S10e"),
            ],
            carriers=[carrier("movistar-es", "ES", "Movistar"), carrier("beeline-ru", "RU", "Beeline", "билайн")],
        )
    )
    spain = index.analyze("el Xiaomi 15T Pro es compatible con Movistar España? me lo traen de China")
    assert (spain.country, spain.origin) == ("ES", "CN")  # brought from China
    russia = index.analyze("Купил Samsung Galaxy S10e, американская версия. Билайн работает?")
    assert (russia.country, russia.origin) == ("RU", "US")  # the American version
    hong_kong = index.analyze("小米15T Pro 在香港有卖吗")
    assert (hong_kong.country, hong_kong.intent) == ("HK", "availability")
    assert index.analyze("xiaomi 15t pro 台灣有賣嗎").intent == "availability"  # sold in Taiwan?
    assert index.analyze("danke dir!").intent == "thanks"
    assert index.analyze("merci beaucoup, c'est clair maintenant").intent == "thanks"
    assert index.analyze("yo anyone here?").intent == "hello"
    assert index.analyze("is it clear now whether the galaxy s10e works on movistar").intent == "compatibility"


def test_a_model_word_of_another_script_glued_to_its_number() -> None:
    index = Index(
        knowledge(
            vendors=[vendor("samsung", "Samsung", "galaxy", "갤럭시")],
            devices=[
                device("galaxy-z-fold6", "samsung", "Galaxy Z Fold6"),
                device("galaxy-z-flip5", "samsung", "Galaxy Z Flip5"),
            ],
            carriers=[carrier("kt-kr", "KR", "KT")],
        )
    )
    assert index.analyze("갤럭시 z 폴드6 kt 5G 되죠?").device == "galaxy-z-fold6"
    assert index.analyze("갤럭시 z 플립5 kt 되나요").device == "galaxy-z-flip5"


def test_price_in_other_languages_is_other_and_mmwave_is_a_band() -> None:
    index = Index(
        knowledge(
            vendors=[vendor("samsung", "Samsung", "galaxy", "سامسونج"), vendor("google", "Google", "pixel")],
            devices=[device("galaxy-a52s", "samsung", "Galaxy A52s"), device("pixel-9-pro", "google", "Pixel 9 Pro")],
        )
    )
    for q in (
        "كم سعر سامسونج a52s في السعودية؟",
        "galaxy a52s gdzie najtaniej w polsce?",
        "galaxy a52s fiyatı ne kadar",
    ):
        assert index.analyze(q).intent == "other", q
    assert index.analyze("does the pixel 9 pro have mmwave or is that only the us one").intent == "bands"
    assert index.analyze("on trouve le pixel 9 pro en boutique au maroc ou faut l'importer ?").intent == "availability"
    # Vietnamese "chuyên gia" (an expert) is no "giá" (price)
    assert index.analyze("chuyên gia nói galaxy a52s dùng được 4G tại Việt Nam").intent != "other"


def test_the_network_a_phone_is_locked_to_sold_it() -> None:
    index = Index(
        knowledge(
            vendors=[vendor("apple", "Apple", "iphone")],
            devices=[device("iphone-13", "apple", "iPhone 13")],
            carriers=[
                carrier("verizon-us", "US", "Verizon"),
                carrier("vodafone-gb", "GB", "Vodafone UK", "vodafone uk"),
                carrier("au-jp", "JP", "au", "au"),
                carrier("viettel-vn", "VN", "Viettel"),
            ],
        )
    )
    uk = index.analyze("my iphone 13 is locked to verizon, will it work on vodafone uk?")
    assert (uk.country, uk.origin, uk.carriers) == ("GB", "US", ("vodafone-gb",))
    vn = index.analyze("iphone 13 bản lock au dùng sim viettel được ko")
    assert (vn.country, vn.origin, vn.carriers) == ("VN", "JP", ("viettel-vn",))


def test_a_phone_we_lack_in_trouble_beside_ours_said_to_work_is_the_one_asked() -> None:
    index = Index(
        knowledge(
            vendors=[
                vendor("huawei", "Huawei"),
                vendor("google", "Google", "pixel"),
                vendor("samsung", "Samsung", "galaxy"),
            ],
            devices=[device("pixel-8", "google", "Pixel 8"), device("pixel-8a", "google", "Pixel 8a")],
            carriers=[carrier("vodafone-de", "DE", "Vodafone"), carrier("povo-jp", "JP", "povo")],
        )
    )
    post = "asking for my bf: his huawei p30 pro on vodafone, no volte. (i have a pixel 8, no issues)"
    assert index.analyze(post).device is None
    japanese = (
        "夫のGalaxy S9（海外版）がpovoで圏外になります。私のPixel 8aは普通に使えてます。"
        "S9ってpovo対応してないんですか？"
    )
    assert index.analyze(japanese).device is None
    # ours in trouble too: still ours
    assert (
        index.analyze("his huawei p30 pro has no volte on vodafone. my pixel 8 has no volte either").device == "pixel-8"
    )


def test_two_phones_told_of_old_and_new_or_compared_in_other_languages() -> None:
    index = Index(
        knowledge(
            vendors=[
                vendor("xiaomi", "Xiaomi", "redmi", "poco"),
                vendor("google", "Google", "pixel"),
                vendor("samsung", "Samsung", "galaxy"),
            ],
            devices=[
                device("redmi-note-9-pro", "xiaomi", "Redmi Note 9 Pro"),
                device("poco-x7-pro", "xiaomi", "POCO X7 Pro"),
                device("redmi-note-13-pro-plus", "xiaomi", "Redmi Note 13 Pro+ 5G"),
                device("pixel-7", "google", "Pixel 7"),
                device("galaxy-s24", "samsung", "Galaxy S24"),
            ],
            carriers=[carrier("megafon-ru", "RU", "MegaFon", "мегафон"), carrier("airtel-in", "IN", "Airtel")],
        )
    )
    # Russian "старый" (old), folded as questions are ("старыи")
    russian = "мой старый Redmi Note 9 Pro нормально ловил МегаФон, а новый POCO X7 Pro не видит LTE. почему?"
    assert index.analyze(russian).device == "poco-x7-pro"
    # Hindi "chhod ke" (leaving), "liya" (took)
    assert index.analyze("pixel 7 chhod ke galaxy s24 liya, airtel pe s24 me 5g nahi aa raha").device == "galaxy-s24"
    # Indonesian "ganti dari … ke …" (switching from … to …)
    assert index.analyze("ganti dari redmi note 9 pro ke galaxy s24, s24 nya bisa 5g di airtel?").device == "galaxy-s24"
    # "redmi" is a word of the phone's own name, not a maker told apart that narrows the two to one
    compared = index.analyze("pixel 7 or redmi note 13 pro+?")
    assert compared.device is None and {s.id for s in compared.suggestions} >= {"pixel-7", "redmi-note-13-pro-plus"}


def test_a_japanese_not_but_corrects_the_phone() -> None:
    index = Index(
        knowledge(
            vendors=[vendor("google", "Google", "pixel")],
            devices=[device("pixel-8", "google", "Pixel 8"), device("pixel-9", "google", "Pixel 9")],
            carriers=[carrier("docomo-jp", "JP", "NTT docomo", "ドコモ")],
        )
    )
    assert index.analyze("Pixel 8じゃなくてPixel 9をドコモで使えますか").device == "pixel-9"
    assert index.analyze("Pixel 8ではなくPixel 9を買います。ドコモで使えますか").device == "pixel-9"
