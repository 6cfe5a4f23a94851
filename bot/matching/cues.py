"""The words whose meaning for this product is a judgement, not data: model words, cue words before
carriers and countries, the words that say what is asked, in the languages questions come in.

Everyday words come from word-frequency data (`everyday.py`) and country names from CLDR
(`places.py`); only what no data set says is written here.
"""

from __future__ import annotations

import re

# Model words as Arabic posts write them ("ميت 20 برو", the Mate 20 Pro; "ايفون 15 برو ماكس"), read as
# the Latin words names use.
MODEL_WORD_SPELLINGS: dict[str, str] = {
    "برو": "pro",
    "ماكس": "max",
    "الترا": "ultra",
    "بلس": "plus",
    "لايت": "lite",
    "ميني": "mini",
    "نوت": "note",  # "ريدمي نوت 13 برو": the Redmi Note 13 Pro
    "تي": "t",  # "شاومي 14 تي برو": the Xiaomi 14T Pro
    "اس": "s",  # "جالكسي اس 24 الترا": the Galaxy S24 Ultra
    # Korean, Japanese and Hindi ("갤럭시 s25 울트라", "アイフォン 16 プロ", "iphone 16 प्रो"): a model word
    # written in another script is the same model's, never a word to pass over
    **{"프로": "pro", "맥스": "max", "프로맥스": "pro max", "플러스": "plus", "울트라": "ultra", "미니": "mini"},
    **{"라이트": "lite", "엣지": "edge", "에지": "edge", "폴드": "fold", "플립": "flip"},
    **{"プロ": "pro", "マックス": "max", "プロマックス": "pro max", "プラス": "plus", "ウルトラ": "ultra"},
    **{"ミニ": "mini", "ライト": "lite", "エッジ": "edge", "フォールド": "fold", "フリップ": "flip"},
    **{"प्रो": "pro", "मैक्स": "max", "प्लस": "plus", "अल्ट्रा": "ultra", "मिनी": "mini", "लाइट": "lite"},
    # Persian and Urdu letters ("آیفون 15 پرو مکس", "s24 الٹرا"): "پرو" is also Persian for Peru,
    # never written beside a phone's number for the country
    **{"پرو": "pro", "مکس": "max", "پرومکس": "pro max", "بروماكس": "pro max", "اولترا": "ultra"},
    **{"الٹرا": "ultra", "پلاس": "plus", "مینی": "mini", "لایت": "lite"},
    # Russian: "галакси s25 ультра" (and "про" after a number: see `tokens`)
    **{"макс": "max", "плюс": "plus", "ультра": "ultra", "мини": "mini", "лайт": "lite"},
}

# A Roman numeral as models are numbered ("Xperia 1 VII", "Galaxy Note II"): a number, not a word.
ROMAN = re.compile(r"(?=[ivx])x{0,3}(?:ix|iv|v?i{0,3})")

# Words that turn one model into another: "pixel 8" + "pro" is a different phone. Typo correction
# never turns one into another ("fold" is not "flip").
MODIFIERS = frozenset(
    [
        "pro",
        "max",
        "plus",
        "ultra",
        "mini",
        "lite",
        "fe",
        "neo",
        "xl",
        "edge",
        "prime",
        "turbo",
        "power",
        "stylus",
        "play",
        "ce",
        "air",
        "fold",
        "flip",
        "slim",
        "promax",
        "active",
        "explorer",
        "se",
    ]
)

# Names of software that reuse phone names ("Pixel Experience" is a ROM, not a Pixel): their words
# name no phone.
# How people shorten a phone's name in chat ("p8p", "rn13 pro", "ip15", "15pm", "s24u"): the start of
# a line's name, and the model words at its end. Each short form is added beside the name only where
# no written name or alias already says it; where two phones shorten alike ("p9": HUAWEI P9 and
# Pixel 9) it is a question back.
SHORT_LINES: dict[tuple[str, ...], tuple[str, ...]] = {
    ("pixel",): ("p",),
    ("iphone",): ("ip",),
    ("redmi", "note"): ("rn",),
    ("oneplus",): ("op",),
    ("zenfone",): ("zf",),  # "zf10", "zf12u"
    ("nothing", "phone"): ("np",),  # "np3"
}
# Phone lines as people write them in other scripts ("айфон 15", "ايفون 15", "아이폰 15", "红米K50",
# "галакси s24"): a name beginning with the line's word is also read beginning with these.
LINE_SPELLINGS: dict[str, tuple[str, ...]] = {
    "iphone": ("айфон", "ايفون", "آيفون", "آیفون", "ایفون", "아이폰", "アイフォン", "ไอโฟน"),
    "galaxy": ("галакси", "갤럭시", "ギャラクシー", "جالاكسي", "جلاكسي", "گلکسی", "گلیکسی"),
    "mate": ("ميت",),  # "ميت 20 برو": the Mate 20 Pro
    "redmi": ("红米", "紅米", "редми", "ريدمي"),
    "pixel": ("пиксель", "픽셀", "ピクセル", "بكسل", "بيكسل", "پیکسل"),
    "poco": ("поко", "بوكو"),
    "xiaomi": ("شاومي", "сяоми", "ксиоми"),
    "honor": ("هونر", "хонор"),
    "nokia": ("нокиа", "нокіа"),
    "realme": ("реалми", "реалмі"),
    "samsung": ("самсунг",),
    "motorola": ("моторола",),
}
SHORT_TAILS: dict[tuple[str, ...], tuple[str, ...]] = {
    ("pro", "max"): ("pm",),
    ("pro", "xl"): ("pxl",),  # "p9pxl"
    ("pro",): ("p",),
    ("ultra",): ("u",),
}

SOFTWARE_NAMES = (
    "pixel experience",
    "pixelexperience",
    "pixel os",
    "pixelos",
    "pixel launcher",
    "pixel buds",
    "pixel watch",
    "galaxy watch",
    "galaxy buds",
    "galaxy store",
    "google play",
    "play store",
    "play services",
    "samsung pay",
    "nothing os",
    "nothing ear",
    "one ui",
    "oneui",
    "realme ui",  # realme's Android, "realme ui 6 broke volte on my realme gt 7 pro"
    "honor magicos",
    "magic os",
    "mi band",
    "mi account",
    "xiaomi eu",
    "xiaomi.eu",
    "miui eu",
    "apple watch",
    "apple music",
    "apple pay",
)

# Words right before a carrier that make an everyday word its name: "on three", "na Vivo", "bei der
# Telekom", "pake Smart".
CARRIER_CUES = frozenset(
    {
        # en
        "on",
        "with",
        "via",
        "using",
        "through",
        "onto",
        "by",  # "is b28 used by globe"
        "compatible",  # French "compatible SFR", "compatible free"
        "switch",
        "from",
        "to",  # only after a verb of moving: "switching to visible", not "want to play"
        "ke",  # Indonesian "to", as "to": "pindah dari telkomsel ke XL" (moved from Telkomsel to XL)
        # es / pt
        "en",
        "con",
        "na",
        "no",
        "com",
        "em",
        "da",
        "de",
        "uso",  # "aqui en monterrey uso bait" (I use)
        "pa",  # Spanish "pa" (para): "¿trae la banda 71 pa t-mobile?"
        "usando",
        "pela",  # Portuguese "by the": "não faz ligação pela vivo"
        "pelo",
        "operadora",
        "chip",
        # de
        "bei",
        "auf",  # German "galaxy a34 auf telekom"
        *("مع", "شبكة", "شريحة", "خط"),  # Arabic "with", "network", "SIM", "line": "يشتغل مع du"
        "bij",  # Dutch "werkt het bij vodafone"
        "van",  # Dutch "een simkaart van orange" (of)
        "der",
        "mit",
        "im",
        # fr / it
        "chez",
        "avec",
        "sur",
        "su",
        "operatore",
        # id / hi / tl
        "di",
        "bisa",  # Indonesian "bisa xl?" (does it work on XL)
        "sa",  # Filipino "sa smart", "sa globe"
        "pakai",
        "pake",
        "kartu",
        "pe",
        "par",
        # carrier words
        "sim",
        "network",
        "carrier",
        "operator",
        "provider",
        "w",  # "w/ mint"
        "support",  # "does the a55 support dito"
        "supports",
    }
)

# Words right after a carrier that make an everyday word its name: "du sim", "dito 5g", "jio network".
# "and" and "or" in the languages read, between names listed ("Pixel 6 y 6 Pro", "Telcel y AT&T").
LIST_WORDS = frozenset({"or", "and", "vs", "versus", "y", "o", "ou", "e", "und", "oder", "et", "atau", "dan"})
# A message of thanks or agreement and nothing else ("thanks!", "ok cool", "gracias", "👍"), often a
# reply to an answer: no question to answer again.
COURTESY_WORDS = frozenset(
    {"thanks", "thank", "you", "u", "thx", "ty", "tysm", "tnx", "ok", "okay", "k", "cool", "great", "nice"}
    | {"perfect", "awesome", "got", "it", "that", "helps", "helped", "much", "so", "very", "a", "lot", "bot"}
    | {"gracias", "obrigado", "obrigada", "valeu", "danke", "merci", "grazie", "terima", "kasih", "makasih"}
    | {"shukriya", "dhanyavad", "спасибо", "谢", "谢谢", "多", "ありがとう", "ありかとう", "감사합니다", "شكرا"}
    # what chat puts around a thank-you ("thx bro", "thanks bhai", "makasih kak", "thank you po")
    | {"bro", "bhai", "boss", "mate", "man", "mano", "kak", "min", "po", "sir", "dude", "again", "good"}
    | {"cheers", "muchas", "vielen", "dank", "beaucoup", "mille", "je", "obg", "arigato", "dhanyavaad"}
    | {"teşekkürler", "tesekkurler", "tack", "salamat", "nvm", "va", "oke", "sip", "mantap"}
    | {"dir", "c", "est", "clair", "maintenant", "clear", "now"}  # "danke dir!", "merci, c'est clair maintenant"
    # agreement around it: "yep that's what i thought, ty", "valeu mano, funcionou aqui" (worked here),
    # Arabic "تسلم يا غالي 🙏 فادتني المعلومة" (bless you, the information helped me)
    | {"yep", "yeah", "yup", "thought", "figured", "what", "i", "s", "worked", "funcionou", "funciono", "aqui"}
    | {"تسلم", "يا", "غالي", "فادتني", "المعلومة", "مشكور", "يعطيك", "العافية"}
)
# Thanks in scripts read a character a token ("ありがとう", "감사합니다", "谢谢"): matched whole.
COURTESY_PHRASES = frozenset({"ありがとう", "ありがとうございます", "감사합니다", "고마워요", "谢谢", "多谢", "謝謝"})

# A greeting or a call for help and nothing else ("hi", "hello bot", "help", "what can you do?"): the
# answer says what the bot answers. Greeting and help words, then the words around them.
GREETING_WORDS = frozenset(
    {"hi", "hii", "hello", "helo", "hey", "heya", "hiya", "yo", "sup", "howdy", "greetings", "morning"}
    | {"dia", "dias", "tarde", "tardes", "noches", "noite", "tag"}
    | {"afternoon", "evening", "hola", "buenas", "buenos", "oi", "olá", "ola", "bonjour", "salut", "hallo"}
    | {"moin", "ciao", "salve", "halo", "hai", "namaste", "salaam", "salam", "assalamualaikum", "مرحبا"}
    | {"привет", "你好", "こんにちは", "안녕하세요", "xin", "chao", "merhaba", "selam"}
)
HELP_WORDS = frozenset({"help", "commands", "command", "usage", "ayuda", "ajuda", "hilfe", "aide", "aiuto", "bantuan"})
GREETING_FILLER = frozenset(
    {"good", "day", "bom", "boa", "guten"}
    | {"there", "all", "everyone", "guys", "folks", "bot", "devicebot", "me", "please", "pls", "plz", "need"}
    | {"anyone", "anybody", "someone", "here", "online", "alive"}  # "yo anyone here?"
    | {"what", "can", "you", "do", "how", "i", "use", "this", "does", "work", "to", "are", "is", "who", "made"}
)

# Words for a phone, any phone: "a chinese phone", "with a smart phone".
HANDSET_WORDS = frozenset({"phone", "phones", "smartphone", "smartphones", "handset", "handsets", "device", "devices"})
# Units a listing's memory and storage are written in, glued to their number ("256GB").
STORAGE_UNITS = frozenset({"gb", "tb"})

# Turkish case endings people write after a name's apostrophe ("ABD'den" from the US, "türkiye'de"
# in Turkey, "turkcell'de" on Turkcell, "vodafone'la" with Vodafone), as folded.
TURKISH_ENDINGS = frozenset(
    {"den", "dan", "ten", "tan", "de", "da", "te", "ta", "ye", "ya", "in", "nin", "nın", "ın", "un", "nun"}
    | {"le", "la", "yle", "yla", "deki", "daki", "teki", "taki"}
)

# Hindi (in Latin letters) "in", written after the place: "india me", "dubai mein", "usa me".
HINDI_IN = frozenset({"me", "mein", "main"})

# Shops that sell in one country only: a phone bought there is that country's model ("bought a poco
# x6 pro on flipkart, will it work on verizon?"), and one asked after there is asked after in that
# country ("pixel 9 on flipkart yet?"). Shops of several countries (Amazon, Shopee) say nothing alone.
# A shop's name is never a typo of a place ("argos" is not Argeș).
NATIONAL_SHOPS = {
    "flipkart": "IN",
    "croma": "IN",
    "tokopedia": "ID",
    "blibli": "ID",
    "bukalapak": "ID",
    "taobao": "CN",
    "tmall": "CN",
    "pinduoduo": "CN",
    "coupang": "KR",
    "gmarket": "KR",
    "yodobashi": "JP",
    "argos": "GB",
    "currys": "GB",
    "americanas": "BR",
    "magalu": "BR",
    "kabum": "BR",
    "cdiscount": "FR",
    "coppel": "MX",
    "takealot": "ZA",
}
# Networks' names that are everyday words or given names in the languages questions come in, which
# wordfreq does not count as one language's own: "my friend tim", "sky", "jazz", "bait",
# "sprint", "magenta". Like everyday words, they name a network beside a word of networks ("on tim",
# "jazz 4g") or capitalised ("Sprint", "Sky").
# (Arabic "زين" is "good" as much as Zain; the judged languages' word lists hold no Arabic.)
CARRIER_COMMON_WORDS = frozenset({"sky", "dna", "jazz", "tri", "sprint", "bait", "magenta", "زين"})
# Given names among them ("my friend tim", "Tim Cook"): only as the network writes itself ("TIM").
CARRIER_GIVEN_NAMES = frozenset({"tim", "elisa"})
# Hindi "pe" (on) follows the network: "vi pe chalega?", "jio pe"; Japanese "で" and Korean "에(서)"
# (at, on) too: "auで使えますか", "kt에서 되나요".
CARRIER_AFTER_CUES = frozenset(
    {"sim", "simcard", "card", "network", "5g", "4g", "lte", "signal", "coverage", "chip", "pe", "て", "에", "되"}
    | {"band", "bands", "bandas", "frequencies"}  # "ee band 20", "globe bands"
    | {"tem", "tiene"}  # "a claro tem 5g?", "movistar tiene 5g?" (has)
    | {"hatti", "hattı"}  # Turkish "telekom hattı" (the Telekom line)
    | {"compatible", "uses"}  # "moto g power 2024 cricket compatible?", "cricket uses which network"
)  # ("で" is "て" once folded: folding takes off the voicing mark; Korean "kt 되나요", does KT work)

# What a question asks, by its words. A stem ends in "-" and is matched at the start of a word
# ("funcion-" covers "funciona", "funcionar"); other words only whole.
INTENT_WORDS: dict[str, tuple[str, ...]] = {
    "bands": (
        "band",
        "bands",
        "frequenc-",
        "freq",
        "freqs",
        "spectrum",
        "spec",
        "specs",
        "specification",
        "banda",
        "bandas",
        "bande",
        "bandes",
        "frequenz-",
        "frequênc-",
        "frecuenc-",  # Spanish "frecuencias"
        *("bänder", "bändern"),  # German "welche LTE-Bänder"
        "frekuensi",
        *("bant", "bantlar-", "frekans-"),  # Turkish "s25 ultra bantları"
        "bang tan",  # Vietnamese "băng tần" (bands)
        *("pasma", "pasmo", "pasm"),  # Polish "jakie pasma lte ma orange"
        "lte bands",
        # "what model number is the japanese pixel 8": each model's number and market head its bands
        *("model number", "model numbers", "model no"),
        # Arabic "ترددات" (frequencies), Russian "частоты", Japanese and Korean "バンド", "밴드"
        *("ترددات", "تردد", "частоты", "частот", "バンド", "밴드"),
        *("mmwave", "mmw", "sub6"),  # "does the pixel 9 pro have mmwave": 5G bands
        "频段",  # "支持哪些频段": which bands it supports
        "頻段",
        "周波数",
        "주파수",
    ),
    "availability": (
        "banned",  # "is huawei banned in the us": sold there or not (not "ban": Vietnamese "bản" folds so)
        "sold",
        "sell",
        "sells",
        "selling",
        "buy",
        "buying",
        "available",
        "availab-",
        "purchas-",
        "officially",
        "official",
        "launch-",
        "released",
        "release",
        "store",
        "stores",
        # shops in French and Italian: "on trouve le pixel 9 en boutique au maroc?", "nei negozi" (not
        # Portuguese "loja", Spanish "tienda": "fui até uma loja" tells a story more often)
        *("boutique", "boutiques", "magasin", "magasins", "negozio", "negozi"),
        "retail",
        "ship",
        "ships",
        "shipping",
        "market",
        "get one",
        "coming to",
        *("out in", "out yet"),  # "is the pixel 10 pro out in india", "is it out yet in canada"
        # "when is it coming there", "when does it come out", Spanish "cuándo sale", "ya salió",
        # Portuguese "já lançou"
        *("coming there", "come out", "comes out", "cuando sale", "ya salio", "ja lancou"),
        "come to",
        "arriving",
        *("consigue", "consiguen"),  # "¿se consigue el pixel 9 en argentina?": can one get it there
        *("homologado", "homologada"),  # "é homologado no brasil?": certified there for sale (Anatel)
        "llegar-",
        "llega",
        "llegan",
        "chegar-",
        "chega",
        "chegam",
        # "arriva in Italia", "sbarca in Europa": Italian press says a launch so ("arrived" in English
        # is a traveller's, so no stem)
        "arriva",
        "arrivano",
        "arrivera",
        "arriveranno",
        "arrivare",
        "sbarca",
        "vendita",
        # es / pt / it / fr / de / id / hi
        "vende",
        "venden",
        "vendid-",
        "venta",
        "venda",
        "vendu",
        "vendut-",
        "comprar",
        "compro",
        "disponib-",
        # "Google ne commercialisera pas les Pixel 2", "se comercializa en México", "commercializzato"
        *("commercialis-", "comercializ-", "commercializz-"),
        "lanzad-",
        "lançad-",
        "lancé",
        # "oficialmente", "ufficialmente", "officiellement" ("il pro si trova ufficialmente in italia?")
        "oficial-",
        "ufficial-",
        "officiel-",
        "erhältlich",
        "erhaltlich",
        "kaufen",
        "verkauft",
        "offiziell",
        "gibt es",
        "zu kaufen",
        "dijual",
        "jual",
        "beli",
        "resmi",
        "rilis",
        "milega",
        "milta",
        "bikta",
        "launch hoga",
        *("लॉन्च", "उपलब्ध", "बिक्री"),  # Hindi: launch, available, sale ("कब होंगे भारत में लॉन्च?")
        # Vietnamese "bán" (sell), only in its phrases: "ban" alone is an English word
        *("có bán", "được bán", "không bán", "bán ở", "chính hãng"),
        "有卖",
        "发售",
        "上市",
        "買え",
        "発売",
        "販売",  # "日本で販売されていますか"
        "出售",
        "在售",
        "출시",  # Korean: released, on sale
        "판매",
        *("파나요", "팔아요", "팔아"),  # Korean "do they sell": "픽셀 9 한국에서 파나요"
        # ar: "متوفر في مصر؟" (available in Egypt?), "يباع" (is sold), "رسميا" (officially)
        *("متوفر", "متوفرة", "يباع", "تباع", "رسميا", "رسمي"),
        # ur / fa: "پاکستان میں دستیاب ہے؟" (available in Pakistan?), "در ایران فروخته میشود" (sold in Iran)
        *("دستیاب", "فروخته", "فروش"),
        # nl / pl / fr / it: "wordt de pixel 9 verkocht in nederland", "is de a56 te koop", "czy pixel 8
        # jest dostępny w polsce", "est dispo en france", "uscirà in italia"
        *("verkocht", "te koop", "sprzedaw-", "dostępn-", "dispo", "uscira", "uscirà"),
        # pl "oficjalnie w polsce", ro "se vinde in romania", uk/ru "продається", "продается", sv "säljs",
        # cs "prodává", hu "kapható", el "πωλείται"
        *("oficjaln-", "se vinde", "продаєт-", "продает-", "säljs", "saljs", "prodává", "prodava", "kapható"),
        "πωλείται",
        # pt "quando lança", it "uscita", id "udah masuk", fr "sort quand", tr "geldi mi", vi "khi nào
        # bán", ru "купить … официально", hi "kab aayega": when it comes out, where it is sold
        # ("uscita" alone is also "outgoing", "masuk" "entering" a number, "gelecek" "the future")
        *("lança", "lanca", "lançamento", "lancamento", "lançado", "lancado", "data di uscita"),
        *("udah masuk", "sudah masuk", "resmi masuk", "sort quand", "sortie", "geldi mi", "gelecek mi"),
        *("khi nào bán", "khi nao ban", "купить", "официально"),
        # fr "est sorti en belgique", it "è uscito in italia", ms "bila masuk malaysia", tl "may labas na
        # ba … dito sa pinas", zh "在台湾有正式卖吗", th "มีขายในไทย" (is it on sale in Thailand)
        *("sorti", "sortira", "uscito", "uscita in", "bila masuk", "labas na", "正式卖", "卖吗", "มีขาย"),
        *("有賣", "賣嗎"),  # Traditional Chinese: "台灣有賣嗎" (is it sold in Taiwan)
        *("kab aayega", "kab ayega", "kab aaega", "kab launch"),
        # tr / ru: "satılıyor mu", "продается ли"
        "satıl-",
        "satış-",
        "продается",
        "продаётся",
        "продаж-",
    ),
    "compatibility": (
        "work",
        "works",
        "working",
        "worked",
        "use",
        "using",
        "usable",
        "compatib-",
        "support-",
        "connect",
        "run",
        "runs",
        "coverage",
        "reception",
        "signal",
        "service",
        # es / pt / it / fr / de / id / hi / zh / ja
        "funcion-",
        "funzion-",
        "fonction-",
        "marche",
        "sirve",
        "usar",
        "usare",
        "usando",
        "utiliza",
        "utiliser",
        "utilizar",
        "funktion-",
        "nutzen",
        "benutzen",
        "kompatib-",
        "netz",
        "empfang",
        "sinyal",
        "bisa",
        "dipakai",
        "jalan",
        "chalega",
        "chalta",
        "çalış-",  # Turkish "çalışır mı"
        "chalegi",
        "kaam",
        *("चलेगा", "चलेगी", "काम करेगा", "काम करेगी"),  # Hindi: will it run / work
        *("działa", "ใช้ได้"),  # Polish "działa" (works), Thai "ใช้ได้" (usable)
        *("werkt", "werken", "kullanabilir-"),  # Dutch "werkt het bij kpn", Turkish "kullanabilir miyim" (can I use)
        # Vietnamese "dùng được" (usable), "sử dụng" (use), "xài được" (usable, in the south), "hoạt động" (works)
        *("dùng được", "sử dụng", "xài được", "hoạt động"),
        "работает",
        "работать",
        "能用",
        "可以用",
        "支持",
        "使え",
        "対応",
        "사용 가능",  # Korean "usable"
        "사용할 수",
        "쓸 수",
        "개통",  # Korean "activation" (of a line on a phone)
        *("되나요", "될까요", "돼요"),  # Korean "does it work?"
        *("gumagana", "pwede", "puwede", "gagana"),  # Filipino "works", "can (it)", "will it work"
        # Arabic "works" (of a phone, of a SIM), the same spoken, "supports": "هل يعمل ايفون 15 مع زين"
        *("يعمل", "تعمل", "يشتغل", "تشتغل", "يدعم"),
    ),
    "other": (
        "root",
        "rooted",
        "rooting",
        "bootloader",
        "twrp",
        "magisk",
        "flash-",
        "flashing",
        "flashed",
        "firmware",
        "custom rom",
        "price",
        *("trade in", "tradein", "trade-in", "magkano"),  # Tagalog "how much"
        "cost",
        "costs",
        "cheap",
        "cheapest",
        "how much",
        # "cuánto sale el pixel 9 en españa?", "is it still worth buying", "check if my phone is blacklisted"
        *("cuanto sale", "worth", "blacklisted", "blacklist"),
        "battery",
        "camera",
        "screen",
        "warranty",
        "repair",
        "update",
        "updates",
        "crash",
        "bug",
        "harga",
        # "quanto custa trocar a bateria", "cuánto cuesta", "quanto costa", "combien coûte", "was kostet"
        *("custa", "cuesta", "costa", "coute", "kostet"),
        "precio",
        "preço",
        "prezzo",
        "preis",
        "prix",
        "kitna",
        # (not Vietnamese "giá": folded it is "gia" of "chuyên gia", an expert)
        *("سعر", "بكم", "cena", "najtaniej", "fiyat", "fiyatı", "цена", "стоит", "ราคา", "价格", "多少钱"),
        "unlock the bootloader",
        *("unlock", "unlocking"),  # "unlock galaxy s24 tmobile" (not "unlocked", what a phone is)
        "how to unlock",
        "how do i unlock",
        "unlock code",
        "imei repair",
        "recommend",
        "recommendation",
        "budget",
        "best phone",
        "best carrier",
        "which carrier",
        "what phones",
        "which phones",
        *("welche handys", "que celulares", "quais celulares", "quels telephones"),  # a list asked for
        "which phone",
        "what phone should",
        # what a phone has beyond its radio: no network answers it ("Huawei P60 Pro Google services?")
        *("google services", "gms", "review", "reviews"),
        *("waterproof", "charging", "storage", "ram", "overheating", "heating"),
        *("stolen", "theft", "chori", "robado", "roubado", "gestohlen"),  # a stolen phone: a matter for police
    ),
}

# Words of software, settings and bug reports: a post about a ROM, an app, an update or a setting
# asks about software ("how do I turn on VoLTE in the settings?") — unless it tells of trouble getting
# service on a named network (NETWORK_WORDS and TROUBLE_WORDS below), which is a question of whether
# the phone fits that network, whatever software it runs.
SOFTWARE_WORDS: tuple[str, ...] = (
    *("custom", "lineage", "lineageos", "graphene", "grapheneos", "miui", "hyperos", "oxygenos"),
    *("coloros", "oneui", "aosp", "xposed", "magisk", "module", "modul", "patch", "app", "apps", "apk", "firmware"),
    *("whatsapp", "telegram", "instagram", "facebook", "youtube", "tiktok", "snapchat", "messenger"),
    *("update", "updated", "updating", "build", "kernel", "bootloader", "root", "rooted", "twrp"),
    *("bug", "bugs", "crash", "crashes", "crashing", "tutorial", "setting", "settings", "toggle", "enable"),
    *("enabled", "turn", "translation", "traducao", "traduccion", "ubersetzt", "fehler", "erro", "error"),
    *("android", "ims", "configuracion", "einstellungen", "aplicativo", "aplicacion", "sistema", "system"),
    *("系统", "刷入", "刷机", "模块", "更新", "设置", "版本号", "闪退"),
)

# What a phone gets from a network: with a word of trouble, a post about a named network asks whether
# the phone fits it ("no 5G on tmo after the update", "中国电信无法使用volte").
NETWORK_WORDS: tuple[str, ...] = (
    *("signal", "service", "network", "networks", "reception", "coverage", "roaming", "band", "bands"),
    *("2g", "3g", "4g", "5g", "lte", "volte", "vowifi", "ims", "sim", "esim", "call", "calls", "calling"),
    *("data", "internet", "sms", "nr", "netz", "empfang", "rede", "red", "datos", "dados", "sinal", "senal"),
    *("sinyal", "jaringan", "rete", "reseau", "chiamate", "llamadas", "ligacoes", "anrufe", "mang"),
    *("信号", "网络", "通话", "电话", "卡", "电信", "移动", "联通", "電波", "통화", "전화"),
    *("bereik", "netwerk", "sebeke"),  # Dutch "geen bereik", Turkish "şebeke"
    *("интернет", "сеть", "сети", "связь", "связи", "мережа", "мережі", "зв'язок"),  # Russian, Ukrainian
    *("انترنت", "الشبكة", "شبكة", "النت", "اتصال"),  # Arabic: internet, network, the net, calling
)
# Words of trouble: it does not work, it was lost, it fails (folded: "não" is "nao").
TROUBLE_WORDS: tuple[str, ...] = (
    *("no", "not", "cant", "cannot", "doesnt", "dont", "didnt", "isnt", "wont", "aint"),
    *("never", "lost", "lose", "losing", "drop", "drops", "dropping", "dropped", "fail", "fails", "failed"),
    *("failing", "gone", "missing", "unable", "problem", "problems", "issue", "issues", "broken", "stopped"),
    *("unregistered", "deregistered", "unstable", "disconnects", "disconnected"),
    *("disappeared", "disappears", "vanished", "perdeu", "perdio", "perdi", "sumiu", "sumio", "verloren"),
    *("yok", "gitti", "çekmiyor", "çalışmıyor", "hilang", "ilang", "perdu"),  # Turkish, Indonesian, French
    *("only", "stuck", "handicapped", "fallback", "solo", "nur", "hanya", "sirf"),  # "only 3G", "back to 4G"
    "instead",  # "keeps showing lte instead of 5g uw"
    *("nao", "sin", "sem", "problema", "problemas", "kein", "keine", "keinen", "nicht", "non", "pas", "aucun"),
    *("tidak", "gak", "nggak", "gabisa", "nhi", "nahi", "nahin", "khong", "ayaw", "hindi"),
    *("无法", "不能", "没有", "没", "失败", "不成功", "用不了", "未注册", "无服务", "只有", "回落", "仅"),
    *("收不到", "连不上", "打不通", "失效"),
    *("できない", "使えない", "안"),
    *("parou", "geen", "niet", "tak", "takde", "walang", "wala"),  # pt stopped; nl; ms; tl
    # Russian, Ukrainian "stopped", "does not work", "no network"; Arabic "cut off", "does not come up"
    *("перестал", "не работает", "не ловит", "нет сети", "нет связи", "не працює", "перестав"),
    *("нет volte", "нет 5g", "нет 4g", "нет lte", "немає volte", "немає 5g"),
    *("انقطع", "ما يطلع", "ما يشتغل", "ما تشتغل", "لا يعمل", "لا تعمل", "مايطلع"),
    *("yếu", "mất sóng"),  # Vietnamese "weak", "lost signal": "mạng viettel ở đà nẵng dạo này yếu quá"
)

# Before a place name that is also a word or needs context ("in berlin", "aus Japan", "di Indonesia"),
# and before a two-letter country code that is not one of a country we know networks in ("in FR").
PLACE_CUES = frozenset(
    {"in", "from", "to", "into", "en", "na", "no", "em", "de", "di", "aus", "nach", "dari", "ke", "a", "au", "the"}
    | {"nos", "nas", "dos", "das", "negli", "nei"}  # "comprado nos EUA", "negli USA"
    | {"в", "во", "из"}  # Russian "in", "from": "в россии", "из америки"
    | {"w", "we", "z", "ze", "do"}  # Polish "in", "from", "to": "w niemczech", "z chin", "lecę do usa"
    | {"ng"}  # Tagalog "to": "punta ako ng saudi", "uuwi ako ng pinas"
)
CODE_CUES = frozenset({"in", "from", "to", "en", "na", "no", "em", "di", "aus", "nach", "dari", "ke"})

# Before a country: the phone comes from there ("bought in Dubai", "imported from China", "comprado
# na China"), so it is the origin, not where it is used.
ORIGIN_CUES = frozenset(
    {
        "from",
        "imported",
        "import",
        "bought",
        "ordered",
        "picked",
        "shipped",
        "purchased",
        "got",
        "brought",
        "made",
        "comprado",
        "comprada",
        "compre",
        "comprei",
        *("traido", "traida", "traidos", "traidas"),  # folded: "traído de usa" (brought from the US)
        *("traje", "trajo", "trajeron", "trajiste"),  # "lo traje de usa" (I brought it from the US)
        *("traen", "trae", "traigo"),  # "me lo traen de China" (they bring it to me from China)
        # "que trouxe dos EUA" (brought), "que compró en china" (bought), "me mandó … de méxico" (sent)
        *("trouxe", "trouxeram", "trouxemos", "compro", "compraron", "comprou", "compraram"),
        *("mando", "mandaron", "mandou", "mandaram"),
        "trazido",
        "importado",
        "importada",
        "gekauft",
        "importiert",
        "aus",
        "achete",
        "comprato",
        "importato",
        "dari",
        "beli",
        "ex",  # Indonesian and Malay shops' "iphone 15 ex jepang", "ex japan": imported from there
        *("galing", "mula"),  # Tagalog "from": "galing china", "mula korea"
        *("binili", "bumili"),  # Tagalog "bought": "binili sa UAE"
        "من",  # Arabic "from" ("ايفون 15 من امريكا")
        *("mn", "az"),  # Arabic in Latin letters, Persian in Latin letters: "mn dubai", "az dubai kharidam"
        # Spanish, Portuguese "came from": "viene de china", "veio do japão"
        *("viene", "vino", "vienen", "veio", "vem"),
        # Dutch "uit china" (from), French "ramené de", Italian "preso negli usa" (got), "dalla cina";
        # Polish "kupiłem w usa" (bought), "sprowadzony z chin" (imported); Polish "z" alone is also
        # "with", so it says "from" only right after the phone (places._is_origin)
        *("kupilem", "kupilam", "kupiony", "kupiona", "sprowadzony", "sprowadzona", "sprowadzilem", "sprowadzilam"),
        *("uit", "ramene", "ramenee", "rapporte", "preso", "presa", "dalla", "dagli", "dal"),
        *("mua", "tu"),  # Vietnamese "bought", "from": "mua ở Mỹ", "xách tay từ Nhật"
        # Russian "from", "bought": "iphone 15 из америки" (folded: "купленный" is read "купленныи")
        *("из", "купил", "купила", "купленныи"),
        *("з", "із"),  # Ukrainian "from": "iphone 15 pro з америки"
        "din",  # Romanian "from": "samsung s24 ultra din china"
        # "5G not working outside china": where the phone is not used, so where it comes from
        *("outside", "fuera", "fora", "außerhalb", "ausserhalb", "hors"),
    }
)
# Words between an origin cue and the country ("bought it in", "ordered one from").
ORIGIN_GAP = frozenset(
    {"in", "it", "one", "this", "the", "my", "a", "from", "en", "na", "no", "em", "da", "de", "di", "phone"}
    # the articles other languages fold into "in"/"from": "comprado nos EUA", "comprato negli USA"
    | {"nos", "nas", "dos", "das", "do", "el", "los", "las", "nel", "negli", "nella", "im", "der", "den"}
    | {"o"}  # Vietnamese "ở" (in): "mua ở Mỹ"
    | {"aux", "des", "au", "de", "uit"}  # French "acheté aux usa", "ramené des états-unis"
    | {"w", "z", "ze"}  # Polish "kupiony w usa", "sprowadzony z chin"
)

# After a country: where it is used ("here in India", "back home in India", "I live in Canada").
USE_CUES = frozenset(
    {
        *("here", "home", "live", "living", "lives", "moving", "move", "moved", "travel", "travelling", "traveling"),
        *("visiting", "trip", "to", "use", "using", "work", "works", "vivo", "moro", "wohne", "habite", "abito"),
        *("ke", "nach"),  # "masuk … ke Indonesia", "nach Deutschland": where it goes to be used
        "for",  # "bought on aliexpress, is the poco f6 safe for india?"
    }
)

# "the china version", "global model": words naming a regional model, and the market words they match.
MARKET_WORDS: dict[str, tuple[str, ...]] = {
    "global": ("global", "international"),
    "international": ("international", "global"),
    "intl": ("international", "global"),
    "inter": ("international", "global"),
    "europe": ("europe", "eu"),
    "european": ("europe", "eu"),
    "eu": ("eu", "europe"),
    "eea": ("eu", "europe"),
    "国际": ("international", "global"),  # "国际版": the international version
    "全球": ("global", "international"),
    "국제": ("international", "global"),  # "국제판"
}
MARKET_CUES = frozenset(
    {
        "version",
        "versions",
        "model",
        "models",
        "variant",
        "variants",
        "rom",
        "edition",
        "unit",
        "import",
        "imported",
        "firmware",
        "one",
        "versión",
        "versão",
        "versao",
        "versione",
        "modelo",
        "modello",
        "modèle",
        "modele",  # (folded, as questions are read)
        "variante",
        "versi",
        *("modeli", "sürümü", "surumu", "versiyonu"),  # Turkish "abd modeli" (the US model)
        *("wersja", "wersji", "wersje", "wersję"),  # Polish "wersja chińska"
        *("версия", "версии", "версию", "версія", "версії", "версіі", "версію"),  # Russian, Ukrainian
        *("έκδοση", "εκδοση"),  # Greek
        *("wala", "wali", "vala", "waala", "wale"),  # Hindi in Latin letters: "usa wala" is the US one
        *(
            "ban",
            "hang",
            "tay",
        ),  # Vietnamese "bản Mỹ" (US version), "hàng Mỹ" (US goods), "xách tay Mỹ" (carried from the US)
        "版",
        "판",  # Korean "미국판" (the US edition), "국제판"
    }
)

# Adjectives of countries that are not language names (CLDR gives "Chinese" and "German" as language
# names; "American" and "Indian" are nobody's language).
COUNTRY_ADJECTIVES: dict[str, str] = {
    "american": "US",
    "us": "US",
    "usa": "US",
    "americano": "US",
    "americana": "US",
    "amerikanisch": "US",
    "americain": "US",
    "americaine": "US",
    # Arabic, with and without the article ("ايفون 15 الامريكي"); folding drops the hamza of "أ"
    **{w: "US" for w in ("امريكي", "الامريكي", "امريكية", "الامريكية", "امريكاني", "الامريكاني")},
    # Russian and Ukrainian, in the cases a post uses ("американская версия", "американский s24")
    **dict.fromkeys(("американская", "американский", "американскую", "американской", "американского"), "US"),
    **dict.fromkeys(("американська", "американський"), "US"),
    "indian": "IN",
    "indiano": "IN",
    "indiana": "IN",
    "indien": "IN",
    "indisch": "IN",
    "british": "GB",
    "uk": "GB",
    "canadian": "CA",
    "australian": "AU",
    "brazilian": "BR",
    "brasileiro": "BR",
    "brasileira": "BR",
    "gringo": "US",  # Mexican Spanish: "el s24 ultra gringo" (otherwise read as "griego" typed wrong)
    "gringa": "US",
    "mexican": "MX",
    "mexicano": "MX",
    "mexicana": "MX",
    "taiwanese": "TW",
    "emirati": "AE",
    "filipino": "PH",
    "hk": "HK",
    "cn": "CN",
    "jp": "JP",
    "kr": "KR",
    "tw": "TW",
    "国行": "CN",
    "港版": "HK",
    "美版": "US",
    "日版": "JP",
    "韩版": "KR",
    "台版": "TW",
    "欧版": "EU",
    # Traditional Chinese, and the mainland's and Hong Kong's own words ("陆版", "港行")
    **{"國行": "CN", "陆版": "CN", "陸版": "CN", "大陆版": "CN", "大陸版": "CN", "港行": "HK"},
    **{"韓版": "KR", "韓國版": "KR", "韩国版": "KR", "歐版": "EU", "臺版": "TW"},
    # "the european galaxy s24": the EU's model (the union's market, as "eu version" says)
    **dict.fromkeys(("european", "europeo", "europea", "europeu", "europeia", "européen", "européenne"), "EU"),
}

# Names people use for countries beyond CLDR's ("uk", "the states", "murica").
COUNTRY_NICKNAMES: dict[str, tuple[str, ...]] = {
    "US": (
        *("usa", "u s", "u s a", "america", "the states", "the us", "in us", "murica", "united states of america"),
        *("eua", "eeuu", "ee uu"),  # Portuguese and Spanish abbreviations
        "amerika",  # Indonesian, Malay, German, Dutch everyday name ("dari amerika", "aus Amerika")
        "abd",  # Turkish ("ABD'den aldım", bought in the US)
    ),
    "GB": ("uk", "u k", "britain", "great britain", "england", "scotland", "wales", "northern ireland"),
    "NL": ("holland",),
    "TR": ("turkiye", "turkey"),  # ISO's name is "Türkiye" now; "turkey" is also a bird: it needs a cue
    "IN": ("bharat",),
    "PH": ("pinas", "pilipinas"),
    "JP": ("nippon", "nihon"),
    "KR": ("korea",),
    # "国内" (at home) in a Chinese post is China; in Japanese ("国内で") it is Japan, see `_acceptable`.
    "CN": ("mainland china", "prc", "mainland", "国内"),
    "MO": ("macau",),
    "HK": ("hongkong",),  # one word, as Indonesian and Vietnamese posts write it
    "ID": ("indo",),  # Indonesian chat: "aman buat di indo?"
    "AU": ("aus", "oz"),
    "NZ": ("aotearoa",),
    "ZA": ("rsa",),
    "NG": ("naija",),
    "AE": ("uae", "u a e", "emirates", "dubai", "abu dhabi", "sharjah"),
    "EG": ("masr", "misr"),  # Egypt in Arabic written in Latin letters ("yeshtaghal fi masr")
    "SA": ("ksa", "saudi", "riyadh", "jeddah"),
    "VN": ("viet nam",),
}

# Everyday names CLDR lacks that no other language writes, so they need no cue: Vietnamese "Mỹ"
# ("mua ở Mỹ", "iPhone bản Mỹ"; CLDR's is "Hoa Kỳ"), which folding keeps apart from "my"; Korean "한국".
COUNTRY_LOCAL_NAMES: dict[str, tuple[str, ...]] = {
    "US": (
        "mỹ",
        "امريكا",
        "أمريكا",
        "अमेरिका",
        "америки",
        "америке",
        *("アメリカ", "米国", "ハワイ"),  # Japanese everyday names, and Hawaii ("ハワイで使う")
    ),  # CLDR's: "Hoa Kỳ", "الولايات المتحدة", "संयुक्त राज्य", "США", "アメリカ合衆国"
    # Russian case forms CLDR's nominatives lack ("в россии", "в китае", "из японии")
    "RU": ("россии", "россию"),
    "CN": ("китае", "китая", "大陆", "大陸"),  # "iphone 15 大陆 能用吗": the mainland
    "JP": ("японии",),
    # Polish locative: "czy działa w polsce" (CLDR's: "Polska")
    "PL": ("polsce",),
    "KR": ("한국", "국내"),  # CLDR's: "대한민국"; "국내" (at home) in a Korean post is Korea
    "HK": ("香港",),  # CLDR's: "中国香港特别行政区" ("在香港有卖吗", "香港で使える")
    "MO": ("澳门", "澳門"),
    "SA": ("السعودية",),  # CLDR's: "المملكة العربية السعودية"
    "AE": ("الامارات", "الإمارات"),  # CLDR's: "الإمارات العربية المتحدة"
    # Bengali writes "in" and "of" glued to the name: "বাংলাদেশে" (in Bangladesh), "ভারতের" (of India)
    "BD": ("বাংলাদেশে", "বাংলাদেশের"),
    "IN": ("ভারতে", "ভারতের"),
}

# Polish case forms of the countries phones come from, which CLDR gives only in the nominative
# ("Chiny", "Niemcy"): the genitive after "z" (from: "z chin", "z niemiec", "ze stanów") and the
# locative after "w" (in: "w niemczech"). Everyday words among them ("chin") need that cue.
COUNTRY_CASE_FORMS: dict[str, tuple[str, ...]] = {
    "CN": ("chin", "chinach"),
    "DE": ("niemiec", "niemczech"),
    "GB": ("anglii", "wielkiej brytanii"),
    "JP": ("japonii",),
    "KR": ("korei",),
    "US": ("ameryki", "stanów", "stanów zjednoczonych", "stanach"),
    "PL": ("polski",),
}

# Vietnamese short names matched with their accents, since without them they are other words:
# "Nhật" (Japan; "nhất" is "most"), "Hàn" (Korea; "han" is Swedish "he"). CLDR's are "Nhật Bản", "Hàn Quốc".
ACCENTED_COUNTRY_NAMES = {"nhật": "JP", "hàn": "KR"}

# Words that name a part of any country: a state or province named only by them ("Central",
# Paraguay's; "North East", Singapore's; "Rivers", Nigeria's) is no place to read in a question
# ("na Central de Controle" is a phone's control centre).
GENERIC_PLACE_WORDS = frozenset(
    {"central", "capital", "north", "south", "east", "west", "northern", "southern", "eastern", "western"}
    | {"norte", "sur", "oriental", "occidental", "centre", "center", "centro", "province", "region"}
    | {"coast", "plateau", "rivers", "lakes", "island", "islands", "upper", "lower", "interior"}
)

# "america" alone is the US, but not in "south america".
COUNTRY_BLOCKERS = {
    "america": frozenset({"north", "south", "latin", "central"}),
    "amerika": frozenset({"utara", "selatan", "latin", "tengah", "nord", "sud", "latein", "zuid", "noord"}),
    # folded, as questions are: "й" loses its breve ("латинской" → "латинскои")
    "америки": frozenset({"южнои", "севернои", "латинскои", "центральнои"}),
    "америке": frozenset({"южнои", "севернои", "латинскои", "центральнои"}),
}

# Two-letter words that are also country codes, and US state abbreviations that are: after "in" they
# mean the word or the state ("in my car", "in ca"), not the country.
LOWER_CODE_BLOCKERS = frozenset(
    [
        *("it", "my", "me", "no", "so", "to", "am", "be", "at", "la", "is", "as", "an", "or", "on", "of", "by"),
        *("do", "go", "he", "hi", "id", "in", "al", "ar", "ca", "co", "de", "ga", "ma", "md", "mn", "mo", "ms"),
        *("mt", "nc", "ne", "pa", "sc", "tn", "va", "vi", "cf", "se"),  # Hindi "se" (from): "amazon se liya"
        "cu",  # Romanian "with": "pe digi cu xiaomi 13t" is no Cuba
        *("np", "gg", "ps"),  # chat's "no problem", "good game", "postscript": "works on tim brasil np"
    ]
)

# "the Indian market", "den deutschen Markt", "el mercado mexicano": where a phone is sold. Not
# "marché": folded it is "marche", French for "works".
MARKET_NOUNS = frozenset({"market", "markets", "markt", "mercado", "mercados", "mercato"})
# Nouns of phones after a market word: "China market devices", "global market version" are made for
# that market (their origin), not sold there.
PHONE_NOUNS = frozenset({"device", "devices", "phone", "phones", "model", "models", "version", "versions", "unit"})


def made_for_market(words: list[str]) -> bool:
    """Whether the words begin with a market word and a word of phones ("market devices"): what a phone
    is made for, not where it is sold."""
    return len(words) >= 2 and words[0] in MARKET_NOUNS and words[1] in PHONE_NOUNS
