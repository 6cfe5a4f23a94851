"""Things that are not phones: a maker's watch, tablet or earbuds ("pixel watch 2", "galaxy tab s9",
"xiaomi pad 6", "nothing ear 2", "mi band 8"), and a phone's accessories ("iphone 15 charger", "s24
case"). The knowledge holds phones only, so such a question is none the bot answers; read as a
phone's name it offered phones ("ipad pro m4": "POCO M4 Pro?") or a maker's sale of its phones.

Which words name such things is this product's own judgement: what it covers is phones.
"""

from __future__ import annotations

from .tokens import Token

# Right after a maker's or a line's name: another kind of product of that maker.
_KINDS = frozenset(
    {"watch", "watches", "smartwatch", "tablet", "tablets", "tab", "pad", "buds", "earbuds", "ear"}
    | {"book", "laptop", "notebook", "tv", "router", "speaker", "glasses", "modem", "dongle", "cpe"}
)
# Names of products that are not phones, wherever they stand ("band" alone is a radio band: "mi band"
# and "smart band" are fitness bands).
_PRODUCTS = frozenset(
    {"ipad", "ipads", "airpods", "airtag", "macbook", "imac", "kindle", "chromebook", "mifi", "smartwatch"}
    | {"fitbit", "cpe"}  # "华为 5G CPE Pro": a router
)
_PRODUCT_PAIRS = frozenset({("mi", "band"), ("smart", "band"), ("huawei", "band"), ("honor", "band")})
# Right after a phone's name: something for it, not the phone ("iphone 15 charger", "s24 case").
_ACCESSORIES = frozenset(
    {"case", "cases", "cover", "covers", "charger", "chargers", "cable", "adapter", "protector", "strap", "skin"}
    | {"earbuds", "headphones", "earphones", "dock", "mount", "stand", "glass"}
)


# After a chip's name: "the new ipad with a16 chip", "x75 modem"
_CHIP_WORDS = frozenset({"chip", "chipset", "processor", "soc", "cpu", "modem"})
# Before a chip's model: "tensor g3", "snapdragon x75", "helio g99"
_CHIP_FAMILIES = frozenset(
    {"tensor", "snapdragon", "dimensity", "exynos", "helio", "kirin", "bionic", "unisoc", "tiger", "mediatek"}
)


def kind_of_product(word: str) -> bool:
    """Whether a word after a maker's name makes it another kind of product ("tab", "watch", "buds")."""
    return word in _KINDS


def chip_of_a_product(toks: list[Token], start: int, end: int) -> bool:
    """Whether the model word at tokens [start, end) is a chip, not a phone: a few words after a product
    that is no phone ("ipad 11th gen a16 cellular", "ipad pro m4", "macbook pro m4"), before "chip"
    ("the new ipad with a16 chip"), or after a family of chips ("my pixel 8 has the tensor g3")."""
    if end < len(toks) and not toks[end].brk and toks[end].norm in _CHIP_WORDS:
        return True
    if start > 0 and not toks[start].brk and toks[start - 1].norm in _CHIP_FAMILIES:
        return True
    for i in range(start - 1, max(-1, start - 5), -1):
        if toks[i].norm in _PRODUCTS:
            return True
        if toks[i].brk:
            break
    return False


def gadget(
    toks: list[Token], device_span: tuple[int, int] | None, makers: frozenset[str], phone_named: bool, short: bool
) -> str | None:
    """The word naming a product that is not a phone, when the question is about one. `makers`: the
    makers' names and aliases of one word ("nothing", "mi": everyday words, so no mention of a maker).
    A product's own name ("ipad", "kindle") counts only in a short question naming no phone: a post
    mentions an iPad in passing ("hotspot on Mac and iPad Pro")."""
    for i in range(1, len(toks)):
        if toks[i].brk:
            continue
        pair = (toks[i - 1].norm, toks[i].norm)
        if pair in _PRODUCT_PAIRS or (pair[1] in _KINDS and pair[0] in makers):
            return pair[1]
        if (
            pair[1] in _KINDS
            and pair[0] in ("5g", "4g", "lte")
            and any(" ".join(t.norm for t in toks[j : i - 1]) in makers for j in range(max(0, i - 4), i - 1))
        ):
            return pair[1]  # "华为 5G CPE Pro", "huawei 4g router"
    if device_span is not None and device_span[1] < len(toks) and not toks[device_span[1]].brk:
        word = toks[device_span[1]].norm
        if word in _ACCESSORIES:
            return word  # "iphone 15 charger"
    if phone_named or not short:
        return None
    return next((t.norm for t in toks if t.norm in _PRODUCTS), None)
