"""Syndication benchmark: does the near-duplicate index group republished copies and only them?

Everything here is invented: a seeded generator writes news-like English stories (plus some in
Persian and Arabic) about invented people, places and organisations. Each original gets one to
three republished copies with the edits wire copy goes through: a new headline, a disclaimer
(sometimes in another language), paragraphs cut (up to 30%) or moved, 5-20% of the words
replaced, dropped or added, and surface changes (digit script, Arabic/Persian letter forms,
punctuation). Each original also gets two unrelated stories on the same topic (same people,
places and vocabulary; 30% of them share one background paragraph with the original): those
must stay apart.

Stories are fed one at a time to ``NearDupIndex`` in crawl order (query, then add) and every
match joins two clusters, as the crawler would. Precision and recall are counted over all pairs
of stories that end in one cluster, pooled over three seeded corpora (the worst corpus is shown
too); ``d.recall`` counts only the pairs ``query`` returned directly.

Result on this machine type (3 corpora, 4,506 stories, 3,022 true pairs) at threshold 0.22,
192 permutations in 64 bands of 3 rows, 3-word shingles: precision 1.000, recall 0.971 (worst
corpus 0.965); at 0.30 recall 0.935, at the default 0.35 recall 0.81, precision 1.000 throughout.
The default is 0.35 because the sample sites' own world, whose distinct stories share templates,
needs it for precision (see ``wirecrawl/dedup.py``). The sweep shows the other choices: 2 rows per band (128/64) or 2-word
shingles recall more (0.99) at the same precision, but unrelated stories then share buckets so
often that a query at 100,000 stored stories costs 6 (2-word shingles) to 11 (2 rows) times what
it costs at 1,000 (``bench_dedup --shingle 2`` / ``--num-perm 128``); 50 bands lose recall (0.952), 80 bands gain a little (0.983) for 25% more
work per story; a threshold of 0.20 starts merging same-topic stories, 0.30 loses recall; 4-word
shingles with 3 rows recall only 0.86.

Run: ``.venv/bin/python -m benchmarks.syndication`` (``--help`` for seeds and sizes).
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from wirecrawl.dedup import DedupConfig, NearDupIndex

# ---------------------------------------------------------------- invented English vocabulary


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


NOUNS = _words(
    "budget harbour ferry tariff wage reservoir grain shipment council vote inquiry bridge "
    "pipeline refinery strike contract loan bond currency inflation drought flood harvest "
    "election campaign ballot court ruling appeal verdict tribunal minister cabinet parliament "
    "coalition treaty border convoy checkpoint ceasefire talks envoy delegation summit "
    "railway tunnel airport runway terminal highway hospital clinic vaccine outbreak school "
    "university exam teacher union factory plant mine quarry port fleet cargo container "
    "export import quota subsidy reform pension benefit tax levy audit report survey census "
    "forecast estimate figure deficit surplus reserve fund grant investor bank lender "
    "market index share stock price fuel diesel gas electricity grid outage dam canal "
    "river valley coast island district province region capital city village suburb "
    "protest rally march petition license permit plan proposal bill law decree order "
    "agency regulator watchdog committee panel board company firm startup operator carrier "
    "supplier contractor network platform service app data record archive satellite "
    "storm heatwave wildfire earthquake landslide rescue evacuation shelter aid donor "
    "charity festival museum library stadium match league season coach player team"
)


def _past(verb: str) -> str:
    if verb.endswith("e"):
        return verb + "d"
    if verb.endswith("y") and verb[-2] not in "aeiou":
        return verb[:-1] + "ied"
    return verb + "ed"


VERBS = [
    (w, _past(w))
    for w in _words(
        "approve raise suspend delay extend reject announce confirm review launch cancel "
        "restore expand reduce increase block warn urge question defend dismiss fund "
        "finance inspect investigate reopen close halt resume sign ratify debate adopt "
        "demand accept deny report estimate forecast ease tighten revise postpone"
    )
] + [
    ("cut", "cut"),
    ("set", "set"),
    ("hold", "held"),
    ("seek", "sought"),
    ("lead", "led"),
    ("win", "won"),
    ("lose", "lost"),
    ("build", "built"),
    ("sell", "sold"),
    ("buy", "bought"),
    ("meet", "met"),
    ("send", "sent"),
]

ADJECTIVES = _words(
    "new local national regional emergency annual interim final provisional joint federal "
    "municipal private public foreign domestic rural urban coastal northern southern eastern "
    "western central major minor key senior junior former acting temporary permanent "
    "controversial disputed delayed long-awaited costly modest sharp steep gradual sudden "
    "record unusual routine independent official unofficial preliminary revised fresh"
)

ADVERBS = _words(
    "sharply slightly quickly slowly again separately publicly privately formally "
    "reluctantly repeatedly unexpectedly largely partly"
)

DAYS = _words("Monday Tuesday Wednesday Thursday Friday Saturday Sunday")
TIMES = ["on " + d for d in DAYS] + [
    "last week",
    "this month",
    "earlier this year",
    "late on " + "Tuesday",
    "overnight",
    "in recent days",
    "over the weekend",
]
ROLES = _words(
    "spokesperson director minister governor mayor chairman analyst economist lawyer "
    "commander secretary adviser deputy chief"
)
PREPOSITIONS = _words("in across near outside around throughout beyond")
SAYS = ["said", "told reporters", "said in a statement", "wrote in a letter", "told a briefing"]
SOURCES_EN = ["officials", "two people familiar with the matter", "local media", "the agency"]

SYLLABLES = _words(
    "ka ro vel min dar sa lo ten bri ga nor is ul pe tam zo ven har li qua mer dos fen ab ri "
    "tu sel mo rav ek ha nu par ost yel dim"
)

# ---------------------------------------------------------------- invented Persian and Arabic

FA_NOUNS = _words(
    "بودجه بندر کشتی تعرفه دستمزد سد غله محموله شورا تحقیق بازار قیمت نفت برق آب مدرسه "
    "بیمارستان جاده قطار فرودگاه صادرات واردات مالیات کارگران کشاورزان دانشجویان دولت "
    "مجلس وزارت شهرداری دادگاه قرارداد وام ارز تورم خشکسالی سیل برداشت انتخابات گزارش "
    "پل لوله پالایشگاه اعتصاب اوراق پول حکم دادستان هیئت کمیسیون نماینده استاندار فرماندار "
    "مرز گذرگاه آتش‌بس مذاکرات سفیر هیئت‌مدیره نشست راه‌آهن تونل باند پایانه بزرگراه "
    "درمانگاه واکسن بیماری دانشگاه آزمون معلم اتحادیه کارخانه معدن ناوگان بار سهمیه یارانه "
    "اصلاحات مستمری بیمه حسابرسی نظرسنجی سرشماری پیش‌بینی برآورد کسری ذخیره صندوق سرمایه‌گذار "
    "بانک بورس سهام سوخت گازوئیل گاز شبکه خاموشی کانال رودخانه دره ساحل جزیره استان شهرستان "
    "روستا حومه اعتراض تجمع طومار مجوز طرح لایحه قانون بخشنامه سازمان نهاد کمیته شرکت "
    "پیمانکار تامین‌کننده داده ماهواره طوفان گرما آتش‌سوزی زلزله رانش امداد تخلیه پناهگاه کمک "
    "خیریه جشنواره موزه کتابخانه ورزشگاه مسابقه لیگ فصل مربی بازیکن تیم"
)
FA_ADJ = _words(
    "جدید بزرگ محلی ملی اضطراری سالانه تازه دولتی خصوصی موقت نهایی مشترک منطقه‌ای شهری "
    "روستایی ساحلی شمالی جنوبی شرقی غربی مرکزی اصلی کلیدی سابق پرهزینه جنجالی معوق "
    "مقدماتی رسمی غیررسمی مستقل شدید ناگهانی تدریجی بی‌سابقه گسترده محدود"
)
FA_VERBS = [
    "افزایش یافت",
    "کاهش یافت",
    "متوقف شد",
    "تصویب شد",
    "اعلام شد",
    "آغاز شد",
    "تمدید شد",
    "بررسی می‌شود",
    "به تعویق افتاد",
    "لغو شد",
    "رد شد",
    "تایید شد",
    "بازگشایی شد",
    "تعطیل شد",
    "امضا شد",
    "اصلاح شد",
    "گسترش یافت",
    "ادامه دارد",
    "از سر گرفته شد",
    "تشدید شد",
    "کند شد",
    "ممنوع شد",
    "آزاد شد",
    "تحویل داده شد",
    "فروخته شد",
    "ساخته شد",
]
FA_DAYS = ["شنبه", "یکشنبه", "دوشنبه", "سه‌شنبه", "چهارشنبه", "پنجشنبه", "جمعه"]
FA_SYLLABLES = _words("دا رو ون سا مهر تا نو کی لا زر به فر شی گل ما رسا")

AR_NOUNS = _words(
    "الحكومة الميناء الميزانية الأسعار النفط المياه الطاقة المدينة الوزارة المجلس "
    "المحكمة الاتفاق القرض العملة التضخم الجفاف الفيضان الانتخابات التقرير المستشفى "
    "المدرسة الطريق القطار المطار الصادرات الواردات الضرائب العمال المزارعين الجسر "
    "الأنبوب المصفاة الإضراب السندات الحكم النيابة اللجنة البرلمان المحافظ الحدود المعبر "
    "الهدنة المفاوضات السفير القمة السكك النفق المحطة اللقاح الجامعة الامتحان النقابة "
    "المصنع المنجم الأسطول الشحنة الحصة الدعم الإصلاح المعاش التأمين التدقيق الاستطلاع "
    "التعداد التوقعات العجز الاحتياطي الصندوق المستثمرين البنك البورصة الأسهم الوقود "
    "الغاز الشبكة الانقطاع القناة النهر الوادي الساحل الجزيرة الإقليم القرية الاحتجاج "
    "المسيرة الترخيص الخطة المشروع القانون المرسوم الهيئة الشركة المقاول البيانات"
)
AR_ADJ = _words(
    "الجديد الكبير المحلي الوطني الطارئ السنوي الحكومي الخاص المؤقت النهائي الإقليمي "
    "الشمالي الجنوبي الشرقي الغربي المركزي الرئيسي السابق المثير المتأخر الأولي الرسمي "
    "المستقل الحاد المفاجئ التدريجي الواسع المحدود"
)
AR_VERBS = [
    "ارتفع",
    "انخفض",
    "توقف",
    "أُقرّ",
    "أُعلن",
    "بدأ",
    "مُدّد",
    "أُلغي",
    "تأجل",
    "رُفض",
    "أُعيد فتحه",
    "أُغلق",
    "وُقّع",
    "عُدّل",
    "توسّع",
    "استمر",
    "استؤنف",
    "تصاعد",
    "تباطأ",
    "حُظر",
    "سُلّم",
    "بيع",
]
AR_DAYS = ["السبت", "الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة"]

DISCLAIMERS = {
    "en": [
        "This story was first published by {src} and is republished under a content-sharing "
        "agreement.",
        "Copyright {src}. All rights reserved. Reproduced with permission.",
        "Editor's note: this report has been updated with additional details from {src}.",
        "Sign up for the {src} morning briefing to get stories like this in your inbox.",
    ],
    "fa": [
        "این گزارش نخستین بار در {src} منتشر شده و با اجازه بازنشر می‌شود.",
        "تمامی حقوق این مطلب برای {src} محفوظ است.",
    ],
    "ar": [
        "نُشر هذا التقرير أولاً في {src} ويعاد نشره بإذن.",
        "جميع الحقوق محفوظة لـ {src}.",
    ],
}
OUTLETS = ["Harbour Wire", "Daily Meridian", "North Gate News", "Tavar Post", "The Lantern"]

FA_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
LETTER_VARIANTS = str.maketrans({"ی": "ي", "ک": "ك", "ه": "ة"})


@dataclass(frozen=True)
class Topic:
    """What same-topic stories share: language, named entities and a slice of the vocabulary."""

    lang: str
    people: tuple[str, ...]
    places: tuple[str, ...]
    orgs: tuple[str, ...]
    nouns: tuple[str, ...]
    verbs: tuple[tuple[str, str], ...]
    adjectives: tuple[str, ...]


@dataclass(frozen=True)
class Doc:
    """One generated story; ``cluster`` is the id of the original it copies (its own id if none)."""

    id: int
    text: str
    cluster: int
    kind: str


@dataclass
class Corpus:
    """Generated stories in crawl order, with the ground truth in ``Doc.cluster``."""

    docs: list[Doc] = field(default_factory=list)

    def add(self, text: str, cluster: int | None, kind: str) -> int:
        """Append a story; ``cluster=None`` starts a new cluster of its own."""
        doc_id = len(self.docs) + 1
        self.docs.append(Doc(doc_id, text, doc_id if cluster is None else cluster, kind))
        return doc_id


def invent_word(rng: random.Random, syllables: Sequence[str], low: int = 2, high: int = 3) -> str:
    """A pronounceable invented name made of ``low``-``high`` syllables."""
    return "".join(rng.choice(syllables) for _ in range(rng.randint(low, high)))


def make_topic(rng: random.Random, lang: str) -> Topic:
    """Entities and vocabulary for one news topic in ``lang`` (en, fa or ar)."""
    if lang == "en":

        def name() -> str:
            return invent_word(rng, SYLLABLES).capitalize()

        people = tuple(f"{name()} {name()}" for _ in range(3))
        places = tuple(name() for _ in range(2))
        orgs: tuple[str, ...] = (
            f"the {rng.choice(ADJECTIVES).capitalize()} {rng.choice(NOUNS).capitalize()} Authority",
            f"{name()} Holdings",
        )
        nouns, adjectives = NOUNS, ADJECTIVES
        verbs: Sequence[tuple[str, str]] = VERBS
    else:
        people = tuple(
            f"{invent_word(rng, FA_SYLLABLES)} {invent_word(rng, FA_SYLLABLES)}" for _ in range(3)
        )
        places = tuple(invent_word(rng, FA_SYLLABLES) for _ in range(2))
        orgs = tuple(
            f"{invent_word(rng, FA_SYLLABLES)} {invent_word(rng, FA_SYLLABLES)}" for _ in "ab"
        )
        nouns, adjectives = (FA_NOUNS, FA_ADJ) if lang == "fa" else (AR_NOUNS, AR_ADJ)
        verbs = [(v, v) for v in (FA_VERBS if lang == "fa" else AR_VERBS)]
    return Topic(
        lang=lang,
        people=people,
        places=places,
        orgs=orgs,
        nouns=tuple(rng.sample(nouns, 25)),
        verbs=tuple(rng.sample(list(verbs), 10)),
        adjectives=tuple(rng.sample(adjectives, 10)),
    )


def _pick(rng: random.Random, topical: Sequence[str], general: Sequence[str]) -> str:
    """A word from the topic's slice most of the time, from the whole vocabulary otherwise."""
    return rng.choice(topical) if rng.random() < 0.6 else rng.choice(general)


def _number(rng: random.Random) -> str:
    return rng.choice(
        [
            str(rng.randint(2, 99)),
            f"{rng.randint(1, 99)},{rng.randint(0, 999):03d}",
            f"{rng.randint(1, 9)}.{rng.randint(1, 9)} million",
            f"{rng.randint(2, 60)} percent",
        ]
    )


DETERMINERS = _words("the the the a its their this another some every")
MODALS = [
    "would",
    "could",
    "might",
    "is expected to",
    "plans to",
    "refused to",
    "agreed to",
    "failed to",
    "wants to",
    "has promised to",
]
CONNECTIVES = [
    "However",
    "Meanwhile",
    "In a separate development",
    "By contrast",
    "Earlier",
    "Still",
    "At the same time",
    "Separately",
]
JOINERS = ["and", "but", "while", "as", "after", "because", "even though"]


class _English:
    """A small random grammar over the topic's words and the whole vocabulary."""

    def __init__(self, rng: random.Random, t: Topic) -> None:
        self.rng, self.t = rng, t

    def noun(self) -> str:
        return _pick(self.rng, self.t.nouns, NOUNS)

    def verb(self) -> tuple[str, str]:
        rng = self.rng
        return rng.choice(self.t.verbs) if rng.random() < 0.6 else rng.choice(VERBS)

    def entity(self) -> str:
        rng, t = self.rng, self.t
        roll = rng.random()
        if roll < 0.4:
            return rng.choice(t.people)
        if roll < 0.7:
            return rng.choice(t.orgs)
        if roll < 0.85:
            return f"{rng.choice(t.people)}, the {rng.choice(ROLES)} of {rng.choice(t.orgs)},"
        return f"officials in {rng.choice(t.places)}"

    def np(self) -> str:
        rng = self.rng
        if rng.random() < 0.2:
            return self.entity()
        words = [rng.choice(DETERMINERS)]
        if rng.random() < 0.6:
            words.append(_pick(rng, self.t.adjectives, ADJECTIVES))
        words.append(self.noun() + ("s" if rng.random() < 0.25 else ""))
        if rng.random() < 0.25:
            words += ["of", "the", self.noun()]
        if rng.random() < 0.15:
            words.insert(1, _number(rng))
        return " ".join(words)

    def pp(self) -> str:
        rng, t = self.rng, self.t
        return rng.choice(
            [
                f"{rng.choice(PREPOSITIONS)} {rng.choice(t.places)}",
                f"{rng.choice(PREPOSITIONS)} {self.np()}",
                rng.choice(TIMES),
                f"for {_number(rng)}",
            ]
        )

    def vp(self) -> str:
        rng = self.rng
        base, past = self.verb()
        roll = rng.random()
        if roll < 0.45:
            words = [past, self.np()]
        elif roll < 0.7:
            words = [rng.choice(MODALS), base, self.np()]
        else:
            words = ["was", past, rng.choice(ADVERBS)]
            if rng.random() < 0.4:
                words += ["by", self.np()]
        words += [self.pp() for _ in range(rng.choice((0, 1, 1, 2)))]
        return " ".join(words)

    def clause(self) -> str:
        return f"{self.np()} {self.vp()}"

    def sentence(self) -> str:
        rng = self.rng
        roll = rng.random()
        if roll < 0.3:
            body = f"{self.entity()} {rng.choice(SAYS)} {rng.choice(TIMES)} that {self.clause()}"
        elif roll < 0.45:
            quote = self.clause()
            return f'"{quote[0].upper()}{quote[1:]}," {self.entity().rstrip(",")} said.'
        elif roll < 0.6:
            body = f"{rng.choice(CONNECTIVES)}, {self.clause()}"
        elif roll < 0.75:
            body = f"{self.clause()} {rng.choice(JOINERS)} {self.clause()}"
        elif roll < 0.85:
            body = f"{self.clause()}, according to {rng.choice(SOURCES_EN)}"
        else:
            body = self.clause()
        return body[0].upper() + body[1:] + "."


def english_sentence(rng: random.Random, t: Topic) -> str:
    """One news-like English sentence about topic ``t``."""
    return _English(rng, t).sentence()


def _number_fa(rng: random.Random) -> str:
    return rng.choice(
        [str(rng.randint(2, 99)), f"{rng.randint(1, 9)}٫{rng.randint(1, 9)} میلیون", "چند"]
    )


class _Slots:
    """Slot fillers for the Persian and Arabic sentence patterns of one topic."""

    def __init__(
        self, rng: random.Random, t: Topic, nouns: Sequence[str], adjectives: Sequence[str]
    ) -> None:
        self.rng, self.t, self.nouns, self.adjectives = rng, t, nouns, adjectives

    def n(self) -> str:
        return _pick(self.rng, self.t.nouns, self.nouns)

    def a(self) -> str:
        return _pick(self.rng, self.t.adjectives, self.adjectives)

    def v(self) -> str:
        return self.rng.choice(self.t.verbs)[0]

    def who(self) -> str:
        return self.rng.choice(self.t.people + self.t.orgs)

    def place(self) -> str:
        return self.rng.choice(self.t.places)


def persian_sentence(rng: random.Random, t: Topic) -> str:
    """One news-like Persian sentence about topic ``t``."""
    w = _Slots(rng, t, FA_NOUNS, FA_ADJ)

    def np() -> str:
        return rng.choice([f"{w.n()} {w.a()}", w.n(), f"{w.n()} {w.place()}", f"{w.n()} و {w.n()}"])

    def clause() -> str:
        return rng.choice(
            [
                f"{np()} در {w.place()} {w.v()}",
                f"{np()} {_number_fa(rng)} درصد {w.v()}",
                f"{np()} پس از {np()} {w.v()}",
                f"{np()} هنوز {w.v()}",
                f"{np()} برای {np()} {w.v()}",
            ]
        )

    return rng.choice(
        [
            f"{w.who()} روز {rng.choice(FA_DAYS)} گفت که {clause()}.",
            f"به گزارش {w.who()}، {clause()}.",
            f"{w.who()} اعلام کرد {clause()}.",
            f"به گفته {w.who()}، {clause()} و {clause()}.",
            f"مقام‌های {w.place()} گفتند {clause()}.",
            f"{clause()} اما {clause()}.",
            f"{clause()}.",
        ]
    )


def arabic_sentence(rng: random.Random, t: Topic) -> str:
    """One news-like Arabic sentence about topic ``t``."""
    w = _Slots(rng, t, AR_NOUNS, AR_ADJ)

    def np() -> str:
        return rng.choice([f"{w.n()} {w.a()}", w.n(), f"{w.n()} في {w.place()}"])

    def clause() -> str:
        return rng.choice(
            [
                f"{np()} {w.v()} في {w.place()}",
                f"{np()} {w.v()} بنسبة {rng.randint(2, 60)} في المئة",
                f"{np()} {w.v()} بعد {np()}",
                f"{w.v()} {np()} يوم {rng.choice(AR_DAYS)}",
            ]
        )

    return rng.choice(
        [
            f"قال {w.who()} يوم {rng.choice(AR_DAYS)} إن {clause()}.",
            f"وأعلن {w.who()} أن {clause()}.",
            f"وبحسب {w.who()}، {clause()}.",
            f"وأضاف {w.who()} أن {clause()} وأن {clause()}.",
            f"{clause()}.",
        ]
    )


SENTENCE = {"en": english_sentence, "fa": persian_sentence, "ar": arabic_sentence}


def make_paragraphs(rng: random.Random, t: Topic, n_paragraphs: int | None = None) -> list[str]:
    """The body of one story: 7-12 paragraphs of 2-4 sentences (about 350-900 words)."""
    count = n_paragraphs or rng.randint(7, 12)
    return [
        " ".join(SENTENCE[t.lang](rng, t) for _ in range(rng.randint(2, 4))) for _ in range(count)
    ]


def make_headline(rng: random.Random, t: Topic) -> str:
    """A short headline: the start of one sentence about the topic."""
    words = SENTENCE[t.lang](rng, t).split()
    return " ".join(words[: rng.randint(6, 10)]).rstrip(",.،")


def render(headline: str, paragraphs: Iterable[str]) -> str:
    """Headline and paragraphs as the extractor would hand them over."""
    return "\n\n".join([headline, *paragraphs])


def edit_words(rng: random.Random, paragraph: str, rate: float, t: Topic) -> str:
    """Change about ``rate`` of the words: replace (60%), delete (20%) or insert after (20%)."""
    vocab = t.nouns + t.adjectives if t.lang != "en" else NOUNS + ADJECTIVES
    out: list[str] = []
    for word in paragraph.split():
        if rng.random() >= rate:
            out.append(word)
            continue
        roll = rng.random()
        if roll < 0.6:
            out.append(rng.choice(vocab))
        elif roll < 0.8:
            continue
        else:
            out.extend([word, rng.choice(vocab)])
    return " ".join(out)


def surface_noise(rng: random.Random, text: str) -> str:
    """Changes the content hash already ignores: digits, letter forms, punctuation, spacing."""
    if rng.random() < 0.3:
        text = text.translate(FA_DIGITS)
    if rng.random() < 0.3:
        text = text.translate(LETTER_VARIANTS)
    if rng.random() < 0.3:
        text = text.replace(",", "").replace("  ", " ").replace('"', "«", 1)
    return text


def republish(rng: random.Random, headline: str, paragraphs: list[str], t: Topic) -> str:
    """A syndicated copy: new headline, disclaimer, cuts or moves, 5-20% of words changed."""
    paras = list(paragraphs)
    if rng.random() < 0.5:
        cut = rng.randint(1, max(1, len(paras) * 3 // 10))
        if rng.random() < 0.5:
            paras = paras[: len(paras) - cut]
        else:
            for _ in range(cut):
                paras.pop(rng.randrange(1, len(paras)))
    if rng.random() < 0.4:
        i = rng.randrange(len(paras))
        paras.insert(rng.randrange(len(paras)), paras.pop(i))
    rate = rng.uniform(0.05, 0.20)
    paras = [edit_words(rng, p, rate, t) for p in paras]
    if rng.random() < 0.7:
        lang = t.lang if rng.random() < 0.7 else rng.choice([x for x in DISCLAIMERS if x != t.lang])
        note = rng.choice(DISCLAIMERS[lang]).format(src=rng.choice(OUTLETS))
        paras = [note, *paras] if rng.random() < 0.3 else [*paras, note]
    new_headline = make_headline(rng, t) if rng.random() < 0.8 else headline
    return surface_noise(rng, render(new_headline, paras))


def make_corpus(
    seed: int = 7, originals: int = 300, copies: tuple[int, int] = (1, 3), same_topic: int = 2
) -> Corpus:
    """Originals (85% English, 10% Persian, 5% Arabic) with copies and same-topic stories.

    Stories are shuffled in crawl order, except that a copy always follows its original.
    """
    rng = random.Random(seed)
    corpus = Corpus()
    plan: list[tuple[str, int | None, Topic, list[str], str]] = []
    for _ in range(originals):
        lang = rng.choices(["en", "fa", "ar"], weights=[85, 10, 5])[0]
        topic = make_topic(rng, lang)
        paragraphs = make_paragraphs(rng, topic)
        headline = make_headline(rng, topic)
        plan.append(("original", None, topic, paragraphs, headline))
        for _ in range(same_topic):
            other = make_paragraphs(rng, topic)
            if rng.random() < 0.3:
                other.insert(rng.randrange(len(other)), rng.choice(paragraphs))
            plan.append(("same-topic", None, topic, other, make_headline(rng, topic)))
    order = list(range(len(plan)))
    rng.shuffle(order)
    for index in order:
        kind, _, topic, paragraphs, headline = plan[index]
        doc_id = corpus.add(render(headline, paragraphs), None, kind)
        if kind == "original":
            for _ in range(rng.randint(*copies)):
                corpus.add(republish(rng, headline, paragraphs, topic), doc_id, "copy")
    return corpus


# ---------------------------------------------------------------- evaluation


def _pairs(groups: Iterable[Iterable[int]]) -> set[tuple[int, int]]:
    out: set[tuple[int, int]] = set()
    for group in groups:
        members = sorted(group)
        out.update((a, b) for i, a in enumerate(members) for b in members[i + 1 :])
    return out


def _find(parent: dict[int, int], x: int) -> int:
    while parent[x] != x:
        parent[x] = parent[parent[x]]
        x = parent[x]
    return x


@dataclass(frozen=True)
class Score:
    """Pair counts of one configuration on one corpus: true pairs, pairs found, pairs both."""

    truth: int
    found: int
    hit: int
    direct_found: int
    direct_hit: int
    stories: int
    seconds: float

    @property
    def precision(self) -> float:
        """Share of pairs put in one cluster that are copies of one story (1.0 if none)."""
        return self.hit / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        """Share of pairs of copies of one story that ended in one cluster."""
        return self.hit / self.truth if self.truth else 1.0

    @property
    def direct_precision(self) -> float:
        """Precision of the pairs ``query`` returned, before clusters are joined."""
        return self.direct_hit / self.direct_found if self.direct_found else 1.0

    @property
    def direct_recall(self) -> float:
        """Recall of the pairs ``query`` returned, before clusters are joined."""
        return self.direct_hit / self.truth if self.truth else 1.0

    def __add__(self, other: Score) -> Score:
        return Score(
            truth=self.truth + other.truth,
            found=self.found + other.found,
            hit=self.hit + other.hit,
            direct_found=self.direct_found + other.direct_found,
            direct_hit=self.direct_hit + other.direct_hit,
            stories=self.stories + other.stories,
            seconds=self.seconds + other.seconds,
        )


def row(config: DedupConfig, scores: Sequence[Score]) -> str:
    """One line of the printed table: pooled over corpora, then the worst corpus."""
    pooled = sum(scores[1:], scores[0])
    return (
        f"{config.threshold:>9.2f} {config.num_perm:>8} {config.bands:>5} {config.rows:>4} "
        f"{config.shingle:>7} {pooled.precision:>9.4f} {pooled.recall:>7.4f} "
        f"{min(s.precision for s in scores):>9.4f} {min(s.recall for s in scores):>7.4f} "
        f"{pooled.direct_recall:>8.4f} {1000 * pooled.seconds / pooled.stories:>7.3f}"
    )


HEADER = (
    "threshold num_perm bands rows shingle precision  recall  min prec min rec d.recall   ms/st"
)


def evaluate(corpus: Corpus, config: DedupConfig) -> Score:
    """Feed the corpus through a fresh in-memory index in crawl order and score the clusters."""
    conn = sqlite3.connect(":memory:")
    index = NearDupIndex(conn, config)
    parent: dict[int, int] = {}
    direct: set[tuple[int, int]] = set()
    started = time.perf_counter()
    for doc in corpus.docs:
        sig = index.signature(doc.text)
        parent[doc.id] = doc.id
        for other, _ in index.query(sig):
            direct.add((min(other, doc.id), max(other, doc.id)))
            parent[_find(parent, doc.id)] = _find(parent, other)
        index.add(doc.id, sig)
    elapsed = time.perf_counter() - started
    conn.close()
    clusters: dict[int, list[int]] = {}
    truth_groups: dict[int, list[int]] = {}
    for doc in corpus.docs:
        clusters.setdefault(_find(parent, doc.id), []).append(doc.id)
        truth_groups.setdefault(doc.cluster, []).append(doc.id)
    truth = _pairs(truth_groups.values())
    found = _pairs(clusters.values())
    return Score(
        truth=len(truth),
        found=len(found),
        hit=len(found & truth),
        direct_found=len(direct),
        direct_hit=len(direct & truth),
        stories=len(corpus.docs),
        seconds=elapsed,
    )


#: Alternatives printed under the default: thresholds around it; fewer and more bands of 3 rows;
#: 2 rows per band and 2-word shingles (better recall, but see the module docstring for what they
#: cost as the store grows); 4-word shingles.
SWEEP: tuple[DedupConfig, ...] = (
    DedupConfig(threshold=0.20, num_perm=192, bands=64, shingle=3),
    DedupConfig(threshold=0.25, num_perm=192, bands=64, shingle=3),
    DedupConfig(threshold=0.30, num_perm=192, bands=64, shingle=3),
    DedupConfig(threshold=0.22, num_perm=150, bands=50, shingle=3),
    DedupConfig(threshold=0.22, num_perm=240, bands=80, shingle=3),
    DedupConfig(threshold=0.25, num_perm=128, bands=64, shingle=3),
    DedupConfig(threshold=0.35, num_perm=192, bands=64, shingle=2),
    DedupConfig(threshold=0.18, num_perm=128, bands=64, shingle=4),
    DedupConfig(threshold=0.20, num_perm=192, bands=64, shingle=4),
)


def sample_world_scores(stories: int, config: DedupConfig | None = None) -> dict[str, float]:
    """Pair precision and recall of the clusters the store builds for the sample sites' world.

    Every story of ``World(stories=...)`` is written through ``store.write_stories`` with the
    near-duplicate index, as a crawl would; a true pair is two members of one story's family (the
    original and its copies, or two copies of it).
    """
    import itertools
    import tempfile
    from datetime import UTC, datetime
    from pathlib import Path

    from wirecrawl import store
    from wirecrawl.dedup import NearDupIndex, content_hash
    from wirecrawl.items import Story
    from wirecrawl.samples.world import World

    now = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)
    truth = World(stories=stories, now=now).truth()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        db = store.open_db(Path(folder) / "world.db")
        index = NearDupIndex(db, config or DedupConfig())
        batch = []
        for t in truth:
            body = "\n\n".join(t.paragraphs)
            batch.append(
                Story(
                    source=t.site,
                    url=t.url,
                    canonical_url=t.url,
                    fetched_at=now,
                    title=t.title,
                    body=body,
                    content_hash=content_hash(body),
                    # a dateline or trailing outlet name carries no URL: only text links it
                    original_url=None
                    if t.credit_style in ("dateline", "trailing")
                    else t.original_url,
                    published_at=t.published_at,
                )
            )
            if len(batch) == 200:
                store.write_stories(db, batch, dedup=index, keep_raw=False)
                batch = []
        store.write_stories(db, batch, dedup=index, keep_raw=False)
        clusters: dict[int, list[str]] = {}
        for url, cluster in db.execute("SELECT url, cluster_id FROM stories"):
            clusters.setdefault(cluster, []).append(url)
        db.conn.close()
    urls = {t.url for t in truth}
    families: dict[str, list[str]] = {}  # a story and every copy of it belong together
    for t in truth:
        families.setdefault(t.original_url if t.original_url in urls else t.url, []).append(t.url)
    true_pairs = {
        frozenset(p) for members in families.values() for p in itertools.combinations(members, 2)
    }
    found = {
        frozenset(p) for members in clusters.values() for p in itertools.combinations(members, 2)
    }
    hits = len(found & true_pairs)
    return {
        "stories": len(truth),
        "true_pairs": len(true_pairs),
        "precision": hits / len(found) if found else 1.0,
        "recall": hits / len(true_pairs) if true_pairs else 1.0,
        "seconds": time.perf_counter() - started,
    }


def main(argv: Sequence[str] | None = None) -> None:
    """Print the sweep table and the default configuration's figures as one JSON line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, nargs="+", default=[7, 11, 13])
    parser.add_argument("--originals", type=int, default=300, help="originals per corpus")
    parser.add_argument("--no-sweep", action="store_true", help="only the default configuration")
    parser.add_argument(
        "--sample-world",
        type=int,
        metavar="N",
        default=0,
        help="also cluster the sample sites' world (N stories per site) through the store",
    )
    args = parser.parse_args(argv)
    if args.sample_world:
        world = sample_world_scores(args.sample_world)
        print(
            f"sample sites' world, {world['stories']} stories, {world['true_pairs']} true pairs: "
            f"precision {world['precision']:.3f}, recall {world['recall']:.3f} "
            f"({world['seconds']:.0f} s)"
        )
    corpora = [make_corpus(seed, args.originals) for seed in args.seeds]
    default = DedupConfig()
    configs = [default] if args.no_sweep else [default, *(c for c in SWEEP if c != default)]
    kinds: dict[str, int] = {}
    for corpus in corpora:
        for doc in corpus.docs:
            kinds[doc.kind] = kinds.get(doc.kind, 0) + 1
    print(
        f"{sum(kinds.values())} stories in {len(corpora)} corpora (seeds {args.seeds}): "
        + ", ".join(f"{n} {kind}" for kind, n in sorted(kinds.items()))
    )
    print(HEADER)
    first: list[Score] = []
    for config in configs:
        scores = [evaluate(corpus, config) for corpus in corpora]
        first = first or scores
        print(row(config, scores) + ("   <- default" if config is default else ""))
    pooled = sum(first[1:], first[0])
    print(
        json.dumps(
            {
                "benchmark": "syndication",
                "stories": pooled.stories,
                "seeds": args.seeds,
                "threshold": default.threshold,
                "num_perm": default.num_perm,
                "bands": default.bands,
                "shingle": default.shingle,
                "precision": round(pooled.precision, 4),
                "recall": round(pooled.recall, 4),
                "min_precision": round(min(s.precision for s in first), 4),
                "min_recall": round(min(s.recall for s in first), 4),
                "true_pairs": pooled.truth,
                "ms_per_story": round(1000 * pooled.seconds / pooled.stories, 3),
            }
        )
    )


if __name__ == "__main__":
    main()
