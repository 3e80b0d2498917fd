"""Invented news vocabulary in English, Persian and Arabic, and a seeded story composer.

A story is an `Event` (indices into parallel vocabulary lists) written out in one language, so the
same event reads as a translation in another language. Every name and sentence here is invented.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from functools import lru_cache

from wirecrawl.samples.dates import AR_WEEKDAYS, EN_WEEKDAYS, FA_WEEKDAYS, persian_digits

KINDS = ("transport", "weather", "trade", "energy", "research", "football")


@dataclass(frozen=True, slots=True)
class KindText:
    """One topic's vocabulary in one language; lists with the same name are parallel across languages.

    Arabic `actions` are "verb|rest" (the verb agrees with a feminine institution) and Arabic
    `roles` are "masculine|feminine".
    """

    institutions: tuple[str, ...]
    roles: tuple[str, ...]
    things: tuple[str, ...]
    actions: tuple[str, ...]
    headlines: tuple[str, ...]
    alt_headlines: tuple[str, ...]
    reasons: tuple[str, ...]
    quotes: tuple[str, ...]
    stats: tuple[str, ...]
    tags: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Language:
    """Names, sentence frames and topic vocabulary for one language."""

    code: str
    places: tuple[str, ...]
    cities: tuple[str, ...]
    firsts: tuple[str, ...]
    lasts: tuple[str, ...]
    ordinals: tuple[str, ...]
    weekdays: tuple[str, ...]
    frames: dict[str, tuple[str, ...]]
    summaries: tuple[str, ...]
    captions: tuple[str, ...]
    kinds: dict[str, KindText]


# Person gender by first-name index (needed for Arabic verb agreement only).
FEMALE_FIRSTS = frozenset({0, 2, 4, 6, 8, 10, 12, 14, 16, 18})

EN = Language(
    code="en",
    places=(
        "Kestria",
        "Valdoria",
        "Nareth",
        "Belmora",
        "Quillon",
        "Sorvik",
        "Tarsenne",
        "Vossmark",
        "Irnholt",
        "Ambrelia",
        "Corvana",
        "Halvard",
        "Dunmere",
        "Pellar",
        "Ostrin",
        "Lessaro",
    ),
    cities=(
        "Port Avel",
        "Marrowick",
        "Ilsen",
        "Castelbro",
        "Windhaven",
        "Sarnovo",
        "Teleth",
        "Bramfield",
        "Ouvre",
        "Kallis",
        "Redmarsh",
        "Novalin",
        "Estermoor",
        "Calden",
        "Mirabel Bay",
        "Tolvaine",
    ),
    firsts=(
        "Ilse",
        "Tomas",
        "Anika",
        "Dario",
        "Yara",
        "Felix",
        "Mirela",
        "Osric",
        "Lena",
        "Joaquin",
        "Priya",
        "Henrik",
        "Nadia",
        "Corin",
        "Elsbeth",
        "Rafael",
        "Sunniva",
        "Ivo",
        "Maren",
        "Teodor",
    ),
    lasts=(
        "Marrow",
        "Verdell",
        "Sorel",
        "Fenwick",
        "Holloway",
        "Castain",
        "Brannock",
        "Ilves",
        "Delacourt",
        "Varga",
        "Lindqvist",
        "Pereira",
        "Halloran",
        "Quist",
        "Abernethy",
        "Trelawny",
        "Ostrander",
        "Keswick",
        "Moravec",
        "Ashdown",
    ),
    ordinals=("second", "third", "fourth"),
    weekdays=EN_WEEKDAYS,
    frames={
        "lede": (
            "{Org} on {weekday} {action}, {reason}.",
            "{Org} {action} on {weekday} {reason}.",
            "In {city}, {org} {action} on {weekday}, {reason}.",
            "In a move that surprised many in {city}, {org} {action} on {weekday}.",
            "{Org} {action} late on {weekday}, according to people familiar with the decision.",
            "After a {n3}-hour meeting in {city} on {weekday}, {org} {action}.",
        ),
        "context": (
            "The decision affects about {n1},000 people in and around {city}.",
            "It is the {ord} step of its kind taken in {place} this year.",
            "Local media in {place} had reported for days that such a move was being considered.",
            "Critics said the plan came too late, while supporters called it long overdue.",
            "The announcement came {reason}.",
            "{Place} has struggled with problems linked to {thing} for much of the past decade.",
        ),
        "detail": (
            "The details were set out in a {n3}-page document released the same afternoon.",
            "A spokesperson said further information would be published within {n3} days.",
            "{Org} did not say how the measure would be paid for.",
            "Reporters in {city} were given a short briefing, but no questions were taken.",
            "The full text of the decision was posted on the official website shortly afterwards.",
            "Officials said the plan had been drawn up with help from outside advisers.",
        ),
        "quote": (
            '"{quote}," {person}, {role}, told reporters in {city}.',
            '"{quote}," said {person}, {role}.',
            '{person}, {role}, said: "{quote}."',
            'Speaking on {weekday}, {person}, {role}, said: "{quote}."',
            '"{quote}," {person} said in a written statement.',
            '{person}, {role}, put it plainly: "{quote}."',
        ),
        "quote_follow": (
            "{last} added that the situation would be reviewed again in {n3} weeks.",
            "{last} declined to say whether further measures were planned.",
            "The remarks drew applause from some of those present.",
            "{last} left without taking questions after reading the statement.",
            "Asked about the timing, {last} said the matter had been under discussion for months.",
        ),
        "reaction": (
            '{person2}, {role2}, welcomed the move but warned: "{quote2}."',
            "Opposition figures in {place} called for an independent review.",
            "Residents of {city} interviewed by local radio were divided.",
            "{Org2} said it had not been consulted before the announcement.",
            "Business groups said they would study the details before commenting.",
            "Dozens of people gathered outside government buildings in {city} on {weekday} evening.",
        ),
        "background": (
            "{Place} last faced a comparable situation in {year}.",
            "The issue has been a recurring theme in the politics of {place} since {year}.",
            "Experts have long warned that {thing} needed serious attention.",
            "{City}, home to around {n4},000 people, is the largest city in {place}.",
            "Earlier attempts to deal with the problem stalled amid disagreements over money.",
            "Neighbouring countries have taken similar steps in recent years.",
        ),
        "next": (
            "A final decision is expected before the end of the month.",
            "A full report is due to be published in {n3} weeks.",
            "Parliament in {place} is expected to debate the issue next week.",
            "Further announcements are expected in the coming days.",
            "The measures will be reviewed in {n3} months, officials said.",
        ),
    },
    summaries=(
        "{Org} {action}, {reason}.",
        "{Org} {action} on {weekday}.",
        "Officials in {city} say {org} {action}.",
    ),
    captions=(
        "A general view of {city}, the largest city in {place}.",
        "A street in {city}, {place}, earlier this year.",
        "People walk through central {city}.",
        "The waterfront in {city}, {place}.",
    ),
    kinds={
        "transport": KindText(
            institutions=("Transport Ministry", "Port Authority", "National Rail Company"),
            roles=(
                "the transport minister",
                "the head of the port authority",
                "a rail company spokesperson",
                "the project's chief engineer",
            ),
            things=(
                "the coastal rail line",
                "the northern ferry route",
                "the old harbour bridge",
                "the airport road",
                "the eastern freight terminal",
            ),
            actions=(
                "announced plans to reopen {thing}",
                "suspended construction work on {thing}",
                "approved fresh funding for {thing}",
                "ordered urgent safety checks on {thing}",
                "postponed the reopening of {thing}",
            ),
            headlines=(
                "{place} to reopen {short}",
                "{place} halts work on {short}",
                "Fresh funding approved for {short} in {place}",
                "{place} orders urgent safety checks on {short}",
                "Reopening of {short} in {place} postponed again",
            ),
            alt_headlines=(
                "Plans unveiled to bring back {place}'s {short}",
                "Construction stops on {place}'s {short}",
                "{place} finds new money for {short}",
                "Safety fears prompt inspections of {place}'s {short}",
                "{place} delays return of {short}",
            ),
            reasons=(
                "after weeks of complaints from commuters",
                "following a landslide near {city}",
                "after an audit found serious faults",
                "following pressure from local councils",
                "after a sharp rise in costs",
            ),
            quotes=(
                "We cannot keep asking people to wait for a service that never arrives",
                "Safety has to come before the timetable",
                "This is the most important investment in the region for a generation",
                "Nobody wanted this delay, but the engineers were clear",
                "Every day the route stays closed costs local businesses money",
            ),
            stats=(
                "Around {n1},000 passengers used the route every week before the problems began.",
                "The project is expected to cost {n2} million crowns.",
                "Delays across the network rose by {pct} percent last year.",
            ),
            tags=("Transport", "Infrastructure"),
        ),
        "weather": KindText(
            institutions=("Weather Service", "Civil Protection Agency", "Water Board"),
            roles=(
                "the chief forecaster",
                "the head of civil protection",
                "the water board director",
                "the regional governor",
            ),
            things=(
                "the eastern river valley",
                "the coastal towns",
                "the mountain villages",
                "the southern farmland",
                "the outer suburbs of the capital",
            ),
            actions=(
                "issued a red flood warning for {thing}",
                "ordered the evacuation of {thing}",
                "declared a drought emergency across {thing}",
                "warned of severe storms over {thing}",
                "lifted the snow alert for {thing}",
            ),
            headlines=(
                "Red flood warning for {place}'s {short}",
                "{place} evacuates {short} as waters rise",
                "Drought emergency declared in {place}'s {short}",
                "Severe storms to hit {place}'s {short}",
                "{place} lifts snow alert for {short}",
            ),
            alt_headlines=(
                "Floods threaten {short} in {place}",
                "Thousands told to leave {place}'s {short}",
                "Water emergency in {place} as dry spell drags on",
                "Storm warning issued across {place}",
                "Snow alert over for {place}'s {short}",
            ),
            reasons=(
                "after three days of heavy rain",
                "following the driest summer on record",
                "after rivers burst their banks near {city}",
                "following warnings from neighbouring states",
                "after temperatures fell sharply overnight",
            ),
            quotes=(
                "People should not take any risks tonight",
                "We have not seen conditions like this for decades",
                "Emergency teams are in place and ready to help",
                "Farmers are telling us their wells are empty",
                "The worst of the weather should pass by the weekend",
            ),
            stats=(
                "Up to {n2} millimetres of rain fell in parts of the region in a single day.",
                "Temperatures were {pct} degrees below the seasonal average.",
                "About {n1},000 homes were without electricity at one point.",
            ),
            tags=("Weather", "Climate"),
        ),
        "trade": KindText(
            institutions=("Trade Ministry", "Chamber of Commerce", "Customs Office"),
            roles=(
                "the trade minister",
                "the president of the chamber of commerce",
                "the head of customs",
                "the chief economist",
            ),
            things=("grain", "steel", "timber", "frozen fish", "wool"),
            actions=(
                "raised export duties on {thing}",
                "signed a deal to sell more {thing} abroad",
                "banned imports of cheap {thing}",
                "cut subsidies for {thing} producers",
                "opened an inquiry into {thing} prices",
            ),
            headlines=(
                "{place} raises export duties on {short}",
                "{place} signs deal to sell more {short} abroad",
                "{place} bans cheap {short} imports",
                "{place} cuts {short} subsidies",
                "Inquiry opened into {short} prices in {place}",
            ),
            alt_headlines=(
                "Exporters hit as {place} lifts {short} duties",
                "New export deal for {place}'s {short} producers",
                "Cheap {short} imports barred in {place}",
                "Subsidy cuts anger {place}'s {short} producers",
                "{place} investigates rising {short} prices",
            ),
            reasons=(
                "after months of falling prices",
                "following a dispute with a neighbouring state",
                "after producers warned of job losses",
                "following a surge in cheap imports",
                "after a review of the national budget",
            ),
            quotes=(
                "Our producers deserve a fair chance to compete",
                "This deal opens doors that were closed for years",
                "We will not allow the market to be flooded",
                "Difficult choices had to be made about public money",
                "Families are paying too much and we want to know why",
            ),
            stats=(
                "Exports of {thing} were worth {n2} million crowns last year.",
                "Prices rose by {pct} percent in the first nine months of the year.",
                "About {n1},000 jobs depend on the sector.",
            ),
            tags=("Trade", "Economy"),
        ),
        "energy": KindText(
            institutions=("Energy Regulator", "State Power Company", "Grid Operator"),
            roles=(
                "the energy minister",
                "the head of the regulator",
                "the power company's chief executive",
                "a grid operator spokesperson",
            ),
            things=(
                "the northern wind farm",
                "the old coal plant",
                "the new gas pipeline",
                "the desert solar park",
                "the river dam project",
            ),
            actions=(
                "approved the expansion of {thing}",
                "ordered the closure of {thing}",
                "delayed the start-up of {thing}",
                "opened a safety inquiry into {thing}",
                "signed a contract to complete {thing}",
            ),
            headlines=(
                "{place} approves expansion of {short}",
                "{place} orders closure of {short}",
                "Start-up of {place}'s {short} delayed",
                "Safety inquiry opened into {place}'s {short}",
                "Contract signed to complete {place}'s {short}",
            ),
            alt_headlines=(
                "Green light for bigger {short} in {place}",
                "{place} to shut {short}",
                "More delays for {short} in {place}",
                "{place} investigates safety at {short}",
                "{place} moves to finish {short}",
            ),
            reasons=(
                "after a winter of power cuts",
                "following a rise in household bills",
                "after inspectors raised concerns",
                "following objections from nearby towns",
                "after years of legal disputes",
            ),
            quotes=(
                "We need more clean power and we need it quickly",
                "Old plants cannot keep running for ever",
                "The timetable was always ambitious",
                "No risk to the public has been identified so far",
                "This contract gives the project the certainty it needed",
            ),
            stats=(
                "The site supplies about {pct} percent of the country's electricity.",
                "Construction has so far cost {n2} million crowns.",
                "Around {n1},000 households are connected to the local grid.",
            ),
            tags=("Energy", "Economy"),
        ),
        "research": KindText(
            institutions=("Institute of Marine Science", "National University", "Space Agency"),
            roles=(
                "the lead researcher",
                "a professor of earth sciences",
                "the project director",
                "the university rector",
            ),
            things=(
                "the coral reef survey",
                "the glacier monitoring project",
                "a long-term soil study",
                "the seabird census",
                "the deep lake drilling project",
            ),
            actions=(
                "published the first results of {thing}",
                "secured new funding for {thing}",
                "paused {thing}",
                "expanded {thing} to new sites",
                "shared data from {thing} with foreign institutes",
            ),
            headlines=(
                "First results published from {place}'s {short}",
                "New funding secured for {place}'s {short}",
                "{place} pauses {short}",
                "{place} expands {short}",
                "{place} opens up data from {short}",
            ),
            alt_headlines=(
                "Scientists in {place} report early findings",
                "Money found for {short} in {place}",
                "{short} on hold in {place}",
                "Researchers in {place} widen {short}",
                "Foreign scientists gain access to {place}'s {short} data",
            ),
            reasons=(
                "after two years of fieldwork",
                "following a review by international experts",
                "after equipment was damaged in a storm",
                "following interest from foreign partners",
                "after a change in government priorities",
            ),
            quotes=(
                "The data are clearer than we expected",
                "Good science takes time and patience",
                "We had no choice but to stop and repair the equipment",
                "This is a chance to answer questions we have asked for decades",
                "Sharing the data will make the results stronger",
            ),
            stats=(
                "The team collected more than {n1},000 samples over {n3} years.",
                "Funding for the work amounts to {n2} million crowns.",
                "Measurements showed a change of {pct} percent since the previous survey.",
            ),
            tags=("Science", "Research"),
        ),
        "football": KindText(
            institutions=("Football Federation", "Football League", "Referees' Association"),
            roles=(
                "the federation president",
                "the league's chief executive",
                "the national team coach",
                "the head of the referees' body",
            ),
            things=(
                "the cup final",
                "the league season",
                "the national team's friendly",
                "the new stadium project",
                "the women's league",
            ),
            actions=(
                "postponed {thing}",
                "announced a new schedule for {thing}",
                "chose {city} as the venue for {thing}",
                "opened a disciplinary inquiry into {thing}",
                "approved the budget for {thing}",
            ),
            headlines=(
                "{place} postpones {short}",
                "New schedule announced for {place}'s {short}",
                "{city} to host {place}'s {short}",
                "Disciplinary inquiry into {place}'s {short}",
                "Budget approved for {place}'s {short}",
            ),
            alt_headlines=(
                "{short} in {place} put back",
                "Fixtures reshuffled for {place}'s {short}",
                "{place} picks {city} for {short}",
                "{place} investigates {short} incidents",
                "Money agreed for {place}'s {short}",
            ),
            reasons=(
                "after crowd trouble last weekend",
                "following complaints from clubs",
                "after heavy rain left pitches unplayable",
                "following a dispute over television rights",
                "after a review of security arrangements",
            ),
            quotes=(
                "The safety of supporters comes first",
                "Clubs have been asking for clarity for months",
                "We want the best possible conditions for the players",
                "Those responsible will face consequences",
                "This is a big moment for football in our country",
            ),
            stats=(
                "Tickets sold out within {n3} hours.",
                "Attendance fell by {pct} percent last season.",
                "The federation has a yearly budget of {n2} million crowns.",
            ),
            tags=("Football", "Sport"),
        ),
    },
)

FA = Language(
    code="fa",
    places=(
        "کستریا",
        "والدوریا",
        "نارت",
        "بلمورا",
        "کویلون",
        "سورویک",
        "تارسن",
        "وس‌مارک",
        "ایرنهولت",
        "آمبرلیا",
        "کوروانا",
        "هالوارد",
        "دان‌میر",
        "پلار",
        "اوسترین",
        "لسارو",
    ),
    cities=(
        "پورت‌آول",
        "ماروویک",
        "ایلسن",
        "کاستلبرو",
        "ویندهیون",
        "سارنوو",
        "تلث",
        "برمفیلد",
        "اوور",
        "کالیس",
        "ردمارش",
        "نوالین",
        "استرمور",
        "کالدن",
        "میرابل",
        "تولوین",
    ),
    firsts=(
        "ایلزه",
        "توماس",
        "آنیکا",
        "داریو",
        "یارا",
        "فلیکس",
        "میرلا",
        "اوسریک",
        "لنا",
        "خواکین",
        "پریا",
        "هنریک",
        "نادیا",
        "کورین",
        "الزبت",
        "رافائل",
        "سونیوا",
        "ایوو",
        "مارن",
        "تئودور",
    ),
    lasts=(
        "مارو",
        "وردل",
        "سورل",
        "فنویک",
        "هالووی",
        "کستین",
        "برانوک",
        "ایلوس",
        "دلاکور",
        "وارگا",
        "لیندکویست",
        "پریرا",
        "هالوران",
        "کوئیست",
        "ابرنتی",
        "ترلانی",
        "استرندر",
        "کزویک",
        "موراوک",
        "اشداون",
    ),
    ordinals=("دومین", "سومین", "چهارمین"),
    weekdays=FA_WEEKDAYS,
    frames={
        "lede": (
            "{org} روز {weekday} {reason}، {action}.",
            "به گزارش خبرگزاری سحر، {org} روز {weekday} {action}.",
            "{org} {reason} {action}؛ تصمیمی که واکنش‌های زیادی در {city} به دنبال داشت.",
            "پس از نشستی {n3} ساعته در {city}، {org} روز {weekday} {action}.",
            "در {city}، {org} روز {weekday} {action}.",
            "{org} شامگاه {weekday} {action}.",
        ),
        "context": (
            "این تصمیم حدود {n1} هزار نفر را در {city} و اطراف آن تحت تأثیر قرار می‌دهد.",
            "این {ord} اقدام از این دست در {place} در سال جاری است.",
            "رسانه‌های محلی {place} از چند روز پیش از احتمال چنین تصمیمی خبر داده بودند.",
            "منتقدان می‌گویند این طرح دیر اجرا می‌شود، اما حامیان آن را ضروری می‌دانند.",
            "این خبر {reason} منتشر شد.",
            "{place} در بیشتر سال‌های دهه گذشته با مشکلات مربوط به {thing} روبه‌رو بوده است.",
        ),
        "detail": (
            "جزئیات این تصمیم در سندی {n3} صفحه‌ای منتشر شده است.",
            "یک سخنگو گفت اطلاعات بیشتر ظرف {n3} روز آینده اعلام می‌شود.",
            "{org} درباره منابع مالی این اقدام توضیحی نداد.",
            "خبرنگاران در {city} در نشستی کوتاه در جریان جزئیات قرار گرفتند، اما فرصتی برای پرسش داده نشد.",
            "متن کامل این تصمیم اندکی بعد در وب‌سایت رسمی منتشر شد.",
            "مقام‌ها گفتند این طرح با کمک مشاوران خارجی تهیه شده است.",
        ),
        "quote": (
            "{person}، {role}، به خبرنگاران در {city} گفت: «{quote}».",
            "{role} {person} گفت: «{quote}».",
            "{person} روز {weekday} در این باره گفت: «{quote}».",
            "{person}، {role}، در بیانیه‌ای تأکید کرد: «{quote}».",
            "«{quote}»؛ این را {person}، {role}، گفت.",
        ),
        "quote_follow": (
            "{last} افزود که وضعیت ظرف {n3} هفته آینده دوباره بررسی خواهد شد.",
            "{last} از پاسخ به این پرسش که آیا اقدامات دیگری در راه است خودداری کرد.",
            "این سخنان با تشویق برخی از حاضران روبه‌رو شد.",
            "{last} پس از قرائت بیانیه بدون پاسخ به پرسش‌ها جلسه را ترک کرد.",
            "{last} درباره زمان‌بندی گفت این موضوع ماه‌ها در دست بررسی بوده است.",
        ),
        "reaction": (
            "{person2}، {role2}، از این اقدام استقبال کرد اما هشدار داد: «{quote2}».",
            "چهره‌های مخالف در {place} خواستار بررسی مستقل شدند.",
            "ساکنان {city} در گفت‌وگو با رادیوی محلی نظرات متفاوتی داشتند.",
            "{org2} اعلام کرد پیش از این تصمیم با آن مشورتی نشده است.",
            "گروه‌های تجاری گفتند پیش از اظهارنظر، جزئیات را بررسی می‌کنند.",
            "ده‌ها نفر شامگاه {weekday} مقابل ساختمان‌های دولتی در {city} تجمع کردند.",
        ),
        "background": (
            "{place} آخرین بار در سال {year} میلادی با وضعیتی مشابه روبه‌رو شد.",
            "این موضوع از سال {year} میلادی یکی از مسائل همیشگی سیاست در {place} بوده است.",
            "کارشناسان مدت‌هاست هشدار داده‌اند که {thing} نیازمند توجه جدی است.",
            "{city} با حدود {n4} هزار نفر جمعیت، بزرگ‌ترین شهر {place} است.",
            "تلاش‌های پیشین برای حل این مشکل به دلیل اختلاف بر سر بودجه به نتیجه نرسید.",
            "کشورهای همسایه نیز در سال‌های اخیر اقدامات مشابهی انجام داده‌اند.",
        ),
        "next": (
            "انتظار می‌رود تصمیم نهایی تا پایان ماه گرفته شود.",
            "قرار است گزارش کاملی ظرف {n3} هفته منتشر شود.",
            "انتظار می‌رود پارلمان {place} هفته آینده این موضوع را بررسی کند.",
            "اعلام جزئیات بیشتر در روزهای آینده پیش‌بینی می‌شود.",
            "به گفته مقام‌ها، این اقدامات ظرف {n3} ماه بازبینی خواهد شد.",
        ),
    },
    summaries=(
        "{org} {reason} {action}.",
        "{org} روز {weekday} {action}.",
        "مقام‌ها در {city} می‌گویند {org} {action}.",
    ),
    captions=(
        "نمایی از شهر {city}، بزرگ‌ترین شهر {place}",
        "خیابانی در {city}، {place}",
        "رهگذران در مرکز شهر {city}",
        "ساحل شهر {city} در {place}",
    ),
    kinds={
        "transport": KindText(
            institutions=("وزارت حمل‌ونقل", "سازمان بنادر", "شرکت ملی راه‌آهن"),
            roles=("وزیر حمل‌ونقل", "رئیس سازمان بنادر", "سخنگوی شرکت راه‌آهن", "مهندس ارشد پروژه"),
            things=(
                "خط ریلی ساحلی",
                "مسیر کشتیرانی شمالی",
                "پل قدیمی بندر",
                "جاده فرودگاه",
                "پایانه باری شرقی",
            ),
            actions=(
                "از طرح بازگشایی {thing} خبر داد",
                "عملیات ساخت {thing} را متوقف کرد",
                "بودجه تازه‌ای برای {thing} تصویب کرد",
                "دستور بازرسی فوری ایمنی {thing} را صادر کرد",
                "بازگشایی {thing} را به تعویق انداخت",
            ),
            headlines=(
                "طرح بازگشایی {thing} در {place} اعلام شد",
                "ساخت {thing} در {place} متوقف شد",
                "تصویب بودجه تازه برای {thing} در {place}",
                "دستور بازرسی فوری ایمنی {thing} در {place}",
                "بازگشایی {thing} در {place} باز هم به تعویق افتاد",
            ),
            alt_headlines=(),
            reasons=(
                "پس از هفته‌ها شکایت مسافران",
                "در پی رانش زمین در نزدیکی {city}",
                "پس از آنکه یک بازرسی ایرادهای جدی را نشان داد",
                "در پی فشار شوراهای محلی",
                "پس از افزایش شدید هزینه‌ها",
            ),
            quotes=(
                "نمی‌توانیم از مردم بخواهیم برای خدمتی صبر کنند که هرگز نمی‌رسد",
                "ایمنی باید بر برنامه زمانی مقدم باشد",
                "این مهم‌ترین سرمایه‌گذاری منطقه در یک نسل اخیر است",
                "هیچ‌کس این تأخیر را نمی‌خواست، اما مهندسان نظر روشنی داشتند",
                "هر روز تعطیلی این مسیر برای کسب‌وکارهای محلی هزینه دارد",
            ),
            stats=(
                "پیش از بروز مشکلات، هر هفته حدود {n1} هزار مسافر از این مسیر استفاده می‌کردند.",
                "هزینه این طرح حدود {n2} میلیون کرون برآورد شده است.",
                "تأخیرها در کل شبکه سال گذشته {pct} درصد افزایش یافت.",
            ),
            tags=("حمل‌ونقل", "زیرساخت"),
        ),
        "weather": KindText(
            institutions=("سازمان هواشناسی", "سازمان مدیریت بحران", "شرکت آب منطقه‌ای"),
            roles=(
                "رئیس اداره پیش‌بینی",
                "رئیس سازمان مدیریت بحران",
                "مدیرعامل شرکت آب منطقه‌ای",
                "استاندار منطقه",
            ),
            things=(
                "دره رودخانه شرقی",
                "شهرهای ساحلی",
                "روستاهای کوهستانی",
                "زمین‌های کشاورزی جنوب",
                "حومه پایتخت",
            ),
            actions=(
                "برای {thing} هشدار قرمز سیلاب صادر کرد",
                "دستور تخلیه {thing} را صادر کرد",
                "در {thing} وضعیت اضطراری خشکسالی اعلام کرد",
                "درباره توفان‌های شدید در {thing} هشدار داد",
                "هشدار برف را برای {thing} لغو کرد",
            ),
            headlines=(
                "هشدار قرمز سیلاب برای {thing} {place}",
                "تخلیه {thing} {place} با بالا آمدن آب",
                "اعلام وضعیت اضطراری خشکسالی در {thing} {place}",
                "هشدار توفان شدید برای {thing} {place}",
                "لغو هشدار برف در {thing} {place}",
            ),
            alt_headlines=(),
            reasons=(
                "پس از سه روز بارش شدید باران",
                "در پی خشک‌ترین تابستان ثبت‌شده",
                "پس از طغیان رودخانه‌ها در نزدیکی {city}",
                "در پی هشدار کشورهای همسایه",
                "پس از افت شدید دما در طول شب",
            ),
            quotes=(
                "مردم امشب نباید هیچ خطری را بپذیرند",
                "دهه‌ها بود چنین شرایطی ندیده بودیم",
                "تیم‌های امدادی مستقر و آماده کمک هستند",
                "کشاورزان می‌گویند چاه‌هایشان خالی شده است",
                "بدترین بخش این وضعیت تا آخر هفته سپری می‌شود",
            ),
            stats=(
                "در برخی نقاط منطقه تنها در یک روز تا {n2} میلی‌متر باران بارید.",
                "دما {pct} درجه کمتر از میانگین فصلی بود.",
                "در مقطعی حدود {n1} هزار خانه بدون برق ماندند.",
            ),
            tags=("هواشناسی", "اقلیم"),
        ),
        "trade": KindText(
            institutions=("وزارت بازرگانی", "اتاق بازرگانی", "اداره گمرک"),
            roles=("وزیر بازرگانی", "رئیس اتاق بازرگانی", "مدیرکل گمرک", "اقتصاددان ارشد"),
            things=("گندم", "فولاد", "الوار", "ماهی منجمد", "پشم"),
            actions=(
                "عوارض صادرات {thing} را افزایش داد",
                "قراردادی برای فروش بیشتر {thing} به خارج امضا کرد",
                "واردات {thing} ارزان را ممنوع کرد",
                "یارانه تولیدکنندگان {thing} را کاهش داد",
                "تحقیقی درباره قیمت {thing} آغاز کرد",
            ),
            headlines=(
                "افزایش عوارض صادرات {thing} در {place}",
                "قرارداد تازه {place} برای صادرات {thing}",
                "ممنوعیت واردات {thing} ارزان به {place}",
                "کاهش یارانه تولیدکنندگان {thing} در {place}",
                "آغاز تحقیق درباره قیمت {thing} در {place}",
            ),
            alt_headlines=(),
            reasons=(
                "پس از ماه‌ها کاهش قیمت‌ها",
                "در پی اختلاف با یک کشور همسایه",
                "پس از هشدار تولیدکنندگان درباره از دست رفتن مشاغل",
                "در پی افزایش ناگهانی واردات ارزان",
                "پس از بازنگری در بودجه کشور",
            ),
            quotes=(
                "تولیدکنندگان ما سزاوار فرصتی منصفانه برای رقابت هستند",
                "این قرارداد درهایی را باز می‌کند که سال‌ها بسته بود",
                "اجازه نمی‌دهیم بازار از کالای ارزان اشباع شود",
                "درباره بودجه عمومی باید تصمیم‌های دشواری گرفته می‌شد",
                "خانواده‌ها هزینه زیادی می‌پردازند و ما می‌خواهیم دلیلش را بدانیم",
            ),
            stats=(
                "ارزش صادرات {thing} سال گذشته به {n2} میلیون کرون رسید.",
                "قیمت‌ها در نه ماه نخست سال {pct} درصد افزایش یافت.",
                "حدود {n1} هزار شغل به این بخش وابسته است.",
            ),
            tags=("بازرگانی", "اقتصاد"),
        ),
        "energy": KindText(
            institutions=("نهاد تنظیم مقررات انرژی", "شرکت برق دولتی", "شرکت مدیریت شبکه برق"),
            roles=(
                "وزیر انرژی",
                "رئیس نهاد تنظیم مقررات",
                "مدیرعامل شرکت برق",
                "سخنگوی شرکت مدیریت شبکه",
            ),
            things=(
                "مزرعه بادی شمال",
                "نیروگاه زغال‌سنگی قدیمی",
                "خط لوله جدید گاز",
                "نیروگاه خورشیدی بیابانی",
                "طرح سد رودخانه",
            ),
            actions=(
                "توسعه {thing} را تصویب کرد",
                "دستور تعطیلی {thing} را داد",
                "راه‌اندازی {thing} را به تأخیر انداخت",
                "تحقیقی درباره ایمنی {thing} آغاز کرد",
                "قرارداد تکمیل {thing} را امضا کرد",
            ),
            headlines=(
                "تصویب توسعه {thing} در {place}",
                "دستور تعطیلی {thing} در {place}",
                "تأخیر در راه‌اندازی {thing} {place}",
                "آغاز تحقیق درباره ایمنی {thing} در {place}",
                "امضای قرارداد تکمیل {thing} در {place}",
            ),
            alt_headlines=(),
            reasons=(
                "پس از زمستانی پر از قطعی برق",
                "در پی افزایش قبض‌های خانگی",
                "پس از ابراز نگرانی بازرسان",
                "در پی اعتراض شهرهای مجاور",
                "پس از سال‌ها اختلاف حقوقی",
            ),
            quotes=(
                "ما به برق پاک بیشتری نیاز داریم و آن را سریع می‌خواهیم",
                "نیروگاه‌های قدیمی نمی‌توانند برای همیشه کار کنند",
                "برنامه زمانی از ابتدا بلندپروازانه بود",
                "تاکنون هیچ خطری برای مردم شناسایی نشده است",
                "این قرارداد اطمینانی را که طرح به آن نیاز داشت فراهم می‌کند",
            ),
            stats=(
                "این مجموعه حدود {pct} درصد برق کشور را تأمین می‌کند.",
                "هزینه ساخت تاکنون به {n2} میلیون کرون رسیده است.",
                "حدود {n1} هزار خانوار به شبکه محلی متصل هستند.",
            ),
            tags=("انرژی", "اقتصاد"),
        ),
        "research": KindText(
            institutions=("پژوهشگاه علوم دریایی", "دانشگاه ملی", "سازمان فضایی"),
            roles=("سرپرست تیم پژوهشی", "استاد علوم زمین", "مدیر پروژه", "رئیس دانشگاه"),
            things=(
                "بررسی صخره‌های مرجانی",
                "طرح پایش یخچال‌ها",
                "مطالعه بلندمدت خاک",
                "سرشماری پرندگان دریایی",
                "طرح حفاری دریاچه عمیق",
            ),
            actions=(
                "نخستین نتایج {thing} را منتشر کرد",
                "بودجه تازه‌ای برای {thing} به دست آورد",
                "{thing} را متوقف کرد",
                "{thing} را به مناطق تازه گسترش داد",
                "داده‌های {thing} را در اختیار مؤسسه‌های خارجی گذاشت",
            ),
            headlines=(
                "انتشار نخستین نتایج {thing} در {place}",
                "تأمین بودجه تازه برای {thing} در {place}",
                "توقف {thing} در {place}",
                "گسترش {thing} در {place}",
                "دسترسی مؤسسه‌های خارجی به داده‌های {thing} {place}",
            ),
            alt_headlines=(),
            reasons=(
                "پس از دو سال کار میدانی",
                "در پی بررسی کارشناسان بین‌المللی",
                "پس از آسیب دیدن تجهیزات در یک توفان",
                "در پی ابراز علاقه شرکای خارجی",
                "پس از تغییر اولویت‌های دولت",
            ),
            quotes=(
                "داده‌ها روشن‌تر از چیزی است که انتظار داشتیم",
                "علم خوب به زمان و صبر نیاز دارد",
                "چاره‌ای جز توقف و تعمیر تجهیزات نداشتیم",
                "این فرصتی است برای پاسخ به پرسش‌هایی که دهه‌ها مطرح بوده است",
                "به اشتراک گذاشتن داده‌ها نتایج را قوی‌تر می‌کند",
            ),
            stats=(
                "این تیم طی {n3} سال بیش از {n1} هزار نمونه جمع‌آوری کرده است.",
                "بودجه این کار {n2} میلیون کرون است.",
                "اندازه‌گیری‌ها نسبت به بررسی قبلی {pct} درصد تغییر نشان داد.",
            ),
            tags=("علمی", "پژوهش"),
        ),
        "football": KindText(
            institutions=("فدراسیون فوتبال", "سازمان لیگ فوتبال", "کانون داوران"),
            roles=("رئیس فدراسیون", "مدیرعامل سازمان لیگ", "سرمربی تیم ملی", "رئیس کانون داوران"),
            things=(
                "فینال جام حذفی",
                "فصل جدید لیگ",
                "بازی دوستانه تیم ملی",
                "طرح ورزشگاه جدید",
                "لیگ فوتبال زنان",
            ),
            actions=(
                "{thing} را به تعویق انداخت",
                "برنامه تازه {thing} را اعلام کرد",
                "{city} را میزبان {thing} معرفی کرد",
                "تحقیقات انضباطی درباره {thing} را آغاز کرد",
                "بودجه {thing} را تصویب کرد",
            ),
            headlines=(
                "تعویق {thing} در {place}",
                "اعلام برنامه تازه {thing} در {place}",
                "{city} میزبان {thing} {place} شد",
                "آغاز تحقیقات انضباطی درباره {thing} در {place}",
                "تصویب بودجه {thing} در {place}",
            ),
            alt_headlines=(),
            reasons=(
                "پس از درگیری تماشاگران در هفته گذشته",
                "در پی شکایت باشگاه‌ها",
                "پس از آنکه باران شدید زمین‌ها را غیرقابل بازی کرد",
                "در پی اختلاف بر سر حق پخش تلویزیونی",
                "پس از بازنگری تدابیر امنیتی",
            ),
            quotes=(
                "امنیت هواداران در اولویت است",
                "باشگاه‌ها ماه‌هاست خواستار شفافیت هستند",
                "بهترین شرایط ممکن را برای بازیکنان می‌خواهیم",
                "مسئولان این اتفاق با پیامد آن روبه‌رو خواهند شد",
                "این لحظه بزرگی برای فوتبال کشور ماست",
            ),
            stats=(
                "بلیت‌های این مسابقه ظرف {n3} ساعت به فروش رفت.",
                "تعداد تماشاگران در فصل گذشته {pct} درصد کاهش یافت.",
                "بودجه سالانه فدراسیون {n2} میلیون کرون است.",
            ),
            tags=("فوتبال", "ورزشی"),
        ),
    },
)

AR = Language(
    code="ar",
    places=(
        "كستريا",
        "فالدوريا",
        "نارث",
        "بلمورا",
        "كويلون",
        "سورفيك",
        "تارسين",
        "فوسمارك",
        "إيرنهولت",
        "أمبريليا",
        "كورفانا",
        "هالفارد",
        "دانمير",
        "بيلار",
        "أوسترين",
        "ليسارو",
    ),
    cities=(
        "بورت آفيل",
        "ماروويك",
        "إيلسن",
        "كاستلبرو",
        "ويندهافن",
        "سارنوفو",
        "تيليث",
        "برامفيلد",
        "أوفر",
        "كاليس",
        "ريدمارش",
        "نوفالين",
        "إسترمور",
        "كالدن",
        "خليج ميرابيل",
        "تولفين",
    ),
    firsts=(
        "إيلسه",
        "توماس",
        "أنيكا",
        "داريو",
        "يارا",
        "فيليكس",
        "ميريلا",
        "أوسريك",
        "لينا",
        "خواكين",
        "بريا",
        "هنريك",
        "ناديا",
        "كورين",
        "إلسبيث",
        "رافائيل",
        "سونيفا",
        "إيفو",
        "مارين",
        "تيودور",
    ),
    lasts=(
        "مارو",
        "فيرديل",
        "سوريل",
        "فينويك",
        "هولواي",
        "كاستين",
        "برانوك",
        "إيلفيس",
        "دولاكور",
        "فارغا",
        "ليندكفيست",
        "بيريرا",
        "هالوران",
        "كويست",
        "أبرنيثي",
        "تريلوني",
        "أوستراندر",
        "كيزويك",
        "مورافيك",
        "آشداون",
    ),
    ordinals=("الثانية", "الثالثة", "الرابعة"),
    weekdays=AR_WEEKDAYS,
    frames={
        "lede": (
            "{verb} {org} يوم {weekday} {rest}، {reason}.",
            "{verb} {org} {rest} {reason}، وفق بيان صدر يوم {weekday}.",
            "في {city}، {verb} {org} يوم {weekday} {rest}.",
            "بعد اجتماع استمر {n3} ساعات في {city}، {verb} {org} {rest}.",
            "{reason}، {verb} {org} يوم {weekday} {rest}.",
            "{verb} {org} مساء {weekday} {rest}، بحسب مصادر مطلعة.",
        ),
        "context": (
            "ويطال القرار نحو {n1} ألف شخص في {city} ومحيطها.",
            "وهذه هي الخطوة {ord} من نوعها في {place} هذا العام.",
            "وكانت وسائل إعلام محلية في {place} قد تحدثت منذ أيام عن احتمال اتخاذ هذه الخطوة.",
            "ويقول منتقدون إن الخطة جاءت متأخرة، فيما يراها مؤيدون ضرورية.",
            "وجاء الإعلان {reason}.",
            "وتعاني {place} منذ سنوات من مشكلات متكررة في ملف {thing}.",
        ),
        "detail": (
            "ونُشرت تفاصيل القرار في وثيقة من {n3} صفحات.",
            "وقال متحدث إن مزيدًا من المعلومات سيُعلن خلال {n3} أيام.",
            "ولم توضح {org} كيفية تمويل هذا الإجراء.",
            "وتلقى الصحفيون في {city} إحاطة قصيرة دون أن يُسمح بطرح الأسئلة.",
            "ونُشر النص الكامل للقرار بعد ذلك بوقت قصير عبر الموقع الرسمي.",
            "وقال مسؤولون إن الخطة أُعدت بمساعدة مستشارين من الخارج.",
        ),
        "quote": (
            'وقال{t} {person}، {role}، للصحفيين في {city}: "{quote}".',
            'وقال{t} {role} {person}: "{quote}".',
            'وأكد{t} {person} يوم {weekday}: "{quote}".',
            'وأوضح{t} {person}، {role}، في بيان: "{quote}".',
            '"{quote}"، بهذه الكلمات علّق{t} {person}، {role}، على القرار.',
        ),
        "quote_follow": (
            "وأضاف{t} أن الوضع سيخضع لتقييم جديد خلال {n3} أسابيع.",
            "ورفض{t} {last} الإفصاح عما إذا كانت هناك إجراءات أخرى.",
            "وقوبلت التصريحات بتصفيق من بعض الحاضرين.",
            "وغادر{t} {last} القاعة دون الرد على أسئلة الصحفيين.",
            "وأشار{t} {last} إلى أن الملف قيد الدراسة منذ أشهر.",
        ),
        "reaction": (
            'ورحّب{t2} {person2}، {role2}، بالخطوة، لكن{pron2} حذّر{t2} قائل{a2}: "{quote2}".',
            "ودعت شخصيات معارضة في {place} إلى إجراء مراجعة مستقلة.",
            "وانقسمت آراء سكان {city} الذين تحدثوا إلى الإذاعة المحلية.",
            "وقالت {org2} إنه لم تتم استشارتها قبل الإعلان.",
            "وقالت مجموعات أعمال إنها ستدرس التفاصيل قبل التعليق.",
            "وتجمع العشرات مساء {weekday} أمام المباني الحكومية في {city}.",
        ),
        "background": (
            "وكانت {place} قد واجهت وضعًا مماثلًا آخر مرة عام {year}.",
            "ويشكل هذا الملف محورًا متكررًا في السياسة المحلية في {place} منذ عام {year}.",
            "وحذّر خبراء منذ فترة طويلة من أن ملف {thing} يحتاج إلى معالجة جادة.",
            "ويبلغ عدد سكان {city} نحو {n4} ألف نسمة، وهي أكبر مدن {place}.",
            "وتعثرت محاولات سابقة لمعالجة المشكلة بسبب خلافات حول التمويل.",
            "واتخذت دول مجاورة خطوات مماثلة في السنوات الأخيرة.",
        ),
        "next": (
            "ومن المتوقع صدور قرار نهائي قبل نهاية الشهر.",
            "ومن المقرر نشر تقرير مفصل خلال {n3} أسابيع.",
            "ومن المنتظر أن يناقش البرلمان في {place} المسألة الأسبوع المقبل.",
            "ويُتوقع الإعلان عن مزيد من التفاصيل في الأيام المقبلة.",
            "وقال مسؤولون إن الإجراءات ستخضع للمراجعة بعد {n3} أشهر.",
        ),
    },
    summaries=(
        "{verb} {org} {rest} {reason}.",
        "{verb} {org} يوم {weekday} {rest}.",
        "قال مسؤولون في {city} إن {org} {verb} {rest}.",
    ),
    captions=(
        "منظر عام لمدينة {city}، كبرى مدن {place}",
        "شارع في {city}، {place}",
        "مارة في وسط مدينة {city}",
        "الواجهة البحرية في {city}، {place}",
    ),
    kinds={
        "transport": KindText(
            institutions=("وزارة النقل", "هيئة الموانئ", "الشركة الوطنية للسكك الحديدية"),
            roles=(
                "وزير النقل|وزيرة النقل",
                "رئيس هيئة الموانئ|رئيسة هيئة الموانئ",
                "المتحدث باسم شركة السكك الحديدية|المتحدثة باسم شركة السكك الحديدية",
                "كبير مهندسي المشروع|كبيرة مهندسي المشروع",
            ),
            things=(
                "خط السكك الحديدية الساحلي",
                "خط العبّارات الشمالي",
                "جسر الميناء القديم",
                "طريق المطار",
                "محطة الشحن الشرقية",
            ),
            actions=(
                "أعلنت|عن خطة لإعادة فتح {thing}",
                "أوقفت|أعمال البناء في {thing}",
                "أقرّت|تمويلًا جديدًا من أجل {thing}",
                "أمرت|بإجراء فحوص سلامة عاجلة على {thing}",
                "أرجأت|إعادة افتتاح {thing}",
            ),
            headlines=(
                "{place} تعلن خطة لإعادة فتح {thing}",
                "توقف أعمال البناء في {thing} في {place}",
                "تمويل جديد من أجل {thing} في {place}",
                "{place} تأمر بفحوص سلامة عاجلة على {thing}",
                "تأجيل جديد لإعادة افتتاح {thing} في {place}",
            ),
            alt_headlines=(),
            reasons=(
                "بعد أسابيع من شكاوى الركاب",
                "في أعقاب انهيار أرضي قرب {city}",
                "بعد أن كشف تدقيق عن عيوب خطيرة",
                "تحت ضغط المجالس المحلية",
                "بعد ارتفاع حاد في التكاليف",
            ),
            quotes=(
                "لا يمكننا أن نطلب من الناس انتظار خدمة لا تصل أبدًا",
                "السلامة يجب أن تسبق الجدول الزمني",
                "هذا أهم استثمار في المنطقة منذ جيل كامل",
                "لم يكن أحد يريد هذا التأخير، لكن رأي المهندسين كان واضحًا",
                "كل يوم يبقى فيه الخط مغلقًا يكلف الأعمال المحلية أموالًا",
            ),
            stats=(
                "وكان نحو {n1} ألف راكب يستخدمون الخط أسبوعيًا قبل بدء المشكلات.",
                "ومن المتوقع أن تبلغ كلفة المشروع {n2} مليون كرونة.",
                "وارتفعت معدلات التأخير في الشبكة بنسبة {pct} في المئة العام الماضي.",
            ),
            tags=("النقل", "البنية التحتية"),
        ),
        "weather": KindText(
            institutions=("هيئة الأرصاد الجوية", "وكالة الحماية المدنية", "هيئة المياه"),
            roles=(
                "كبير المتنبئين الجويين|كبيرة المتنبئين الجويين",
                "رئيس الحماية المدنية|رئيسة الحماية المدنية",
                "مدير هيئة المياه|مديرة هيئة المياه",
                "حاكم المنطقة|حاكمة المنطقة",
            ),
            things=(
                "وادي النهر الشرقي",
                "البلدات الساحلية",
                "القرى الجبلية",
                "الأراضي الزراعية الجنوبية",
                "ضواحي العاصمة",
            ),
            actions=(
                "أصدرت|إنذارًا أحمر من الفيضانات في {thing}",
                "أمرت|بإخلاء {thing}",
                "أعلنت|حالة طوارئ بسبب الجفاف في {thing}",
                "حذّرت|من عواصف شديدة فوق {thing}",
                "رفعت|إنذار الثلوج عن {thing}",
            ),
            headlines=(
                "إنذار أحمر من الفيضانات في {thing} في {place}",
                "{place} تخلي {thing} مع ارتفاع منسوب المياه",
                "إعلان طوارئ الجفاف في {thing} في {place}",
                "تحذير من عواصف شديدة فوق {thing} في {place}",
                "{place} ترفع إنذار الثلوج عن {thing}",
            ),
            alt_headlines=(),
            reasons=(
                "بعد ثلاثة أيام من الأمطار الغزيرة",
                "في أعقاب أكثر فصول الصيف جفافًا على الإطلاق",
                "بعد فيضان الأنهار قرب {city}",
                "إثر تحذيرات من دول مجاورة",
                "بعد انخفاض حاد في درجات الحرارة ليلًا",
            ),
            quotes=(
                "يجب ألا يخاطر أحد الليلة",
                "لم نشهد ظروفًا كهذه منذ عقود",
                "فرق الطوارئ في مواقعها ومستعدة للمساعدة",
                "المزارعون يقولون لنا إن آبارهم جفت",
                "من المتوقع أن ينتهي أسوأ ما في هذه الأحوال الجوية بحلول نهاية الأسبوع",
            ),
            stats=(
                "وهطل ما يصل إلى {n2} ملم من الأمطار في بعض المناطق خلال يوم واحد.",
                "وكانت درجات الحرارة أدنى من المعدل الموسمي بنسبة {pct} في المئة.",
                "وانقطعت الكهرباء في وقت ما عن نحو {n1} ألف منزل.",
            ),
            tags=("الطقس", "المناخ"),
        ),
        "trade": KindText(
            institutions=("وزارة التجارة", "غرفة التجارة", "مصلحة الجمارك"),
            roles=(
                "وزير التجارة|وزيرة التجارة",
                "رئيس غرفة التجارة|رئيسة غرفة التجارة",
                "مدير الجمارك|مديرة الجمارك",
                "كبير الاقتصاديين|كبيرة الاقتصاديين",
            ),
            things=("القمح", "الصلب", "الأخشاب", "الأسماك المجمدة", "الصوف"),
            actions=(
                "رفعت|رسوم تصدير {thing}",
                "وقّعت|اتفاقًا لبيع مزيد من {thing} في الخارج",
                "حظرت|واردات {thing} بأسعار متدنية",
                "خفّضت|الدعم المقدم لمنتجي {thing}",
                "فتحت|تحقيقًا في أسعار {thing}",
            ),
            headlines=(
                "{place} ترفع رسوم تصدير {thing}",
                "اتفاق جديد لبيع {thing} من {place} في الخارج",
                "{place} تحظر واردات {thing} بأسعار متدنية",
                "{place} تخفض دعم منتجي {thing}",
                "تحقيق في أسعار {thing} في {place}",
            ),
            alt_headlines=(),
            reasons=(
                "بعد أشهر من تراجع الأسعار",
                "في أعقاب خلاف مع دولة مجاورة",
                "بعد تحذير المنتجين من فقدان الوظائف",
                "إثر تدفق مفاجئ للواردات الرخيصة",
                "بعد مراجعة الميزانية العامة",
            ),
            quotes=(
                "منتجونا يستحقون فرصة عادلة للمنافسة",
                "هذا الاتفاق يفتح أبوابًا ظلت مغلقة سنوات",
                "لن نسمح بإغراق السوق",
                "كان لا بد من اتخاذ قرارات صعبة بشأن المال العام",
                "الأسر تدفع أكثر مما ينبغي ونريد أن نعرف السبب",
            ),
            stats=(
                "وبلغت قيمة صادرات {thing} {n2} مليون كرونة العام الماضي.",
                "وارتفعت الأسعار بنسبة {pct} في المئة في الأشهر التسعة الأولى من العام.",
                "ويعتمد نحو {n1} ألف وظيفة على هذا القطاع.",
            ),
            tags=("التجارة", "الاقتصاد"),
        ),
        "energy": KindText(
            institutions=("هيئة تنظيم الطاقة", "شركة الكهرباء الحكومية", "شركة تشغيل الشبكة"),
            roles=(
                "وزير الطاقة|وزيرة الطاقة",
                "رئيس هيئة التنظيم|رئيسة هيئة التنظيم",
                "الرئيس التنفيذي لشركة الكهرباء|الرئيسة التنفيذية لشركة الكهرباء",
                "المتحدث باسم شركة الشبكة|المتحدثة باسم شركة الشبكة",
            ),
            things=(
                "مزرعة الرياح الشمالية",
                "محطة الفحم القديمة",
                "خط أنابيب الغاز الجديد",
                "مجمع الطاقة الشمسية الصحراوي",
                "مشروع سد النهر",
            ),
            actions=(
                "وافقت|على توسعة {thing}",
                "أمرت|بإغلاق {thing}",
                "أرجأت|تشغيل {thing}",
                "فتحت|تحقيقًا في سلامة {thing}",
                "وقّعت|عقدًا لاستكمال {thing}",
            ),
            headlines=(
                "{place} توافق على توسعة {thing}",
                "أمر بإغلاق {thing} في {place}",
                "تأجيل تشغيل {thing} في {place}",
                "تحقيق في سلامة {thing} في {place}",
                "توقيع عقد لاستكمال {thing} في {place}",
            ),
            alt_headlines=(),
            reasons=(
                "بعد شتاء من انقطاعات الكهرباء",
                "في أعقاب ارتفاع فواتير المنازل",
                "بعد أن أبدى المفتشون مخاوف",
                "إثر اعتراضات من البلدات المجاورة",
                "بعد سنوات من النزاعات القانونية",
            ),
            quotes=(
                "نحتاج إلى مزيد من الطاقة النظيفة وبسرعة",
                "المحطات القديمة لا يمكن أن تعمل إلى الأبد",
                "الجدول الزمني كان طموحًا منذ البداية",
                "لم يُرصد أي خطر على الجمهور حتى الآن",
                "هذا العقد يمنح المشروع اليقين الذي كان يحتاجه",
            ),
            stats=(
                "ويوفر الموقع نحو {pct} في المئة من كهرباء البلاد.",
                "وبلغت كلفة البناء حتى الآن {n2} مليون كرونة.",
                "ويرتبط نحو {n1} ألف منزل بالشبكة المحلية.",
            ),
            tags=("الطاقة", "الاقتصاد"),
        ),
        "research": KindText(
            institutions=("مؤسسة علوم البحار", "الجامعة الوطنية", "وكالة الفضاء"),
            roles=(
                "رئيس فريق البحث|رئيسة فريق البحث",
                "أستاذ علوم الأرض|أستاذة علوم الأرض",
                "مدير المشروع|مديرة المشروع",
                "رئيس الجامعة|رئيسة الجامعة",
            ),
            things=(
                "مسح الشعاب المرجانية",
                "مشروع رصد الأنهار الجليدية",
                "دراسة التربة طويلة الأمد",
                "تعداد الطيور البحرية",
                "مشروع الحفر في البحيرة العميقة",
            ),
            actions=(
                "نشرت|النتائج الأولى من {thing}",
                "حصلت|على تمويل جديد من أجل {thing}",
                "علّقت|العمل في {thing}",
                "وسّعت|نطاق {thing} إلى مواقع جديدة",
                "شاركت|بيانات {thing} مع معاهد أجنبية",
            ),
            headlines=(
                "نشر النتائج الأولى من {thing} في {place}",
                "تمويل جديد من أجل {thing} في {place}",
                "تعليق العمل في {thing} في {place}",
                "توسيع نطاق {thing} في {place}",
                "{place} تشارك بيانات {thing} مع معاهد أجنبية",
            ),
            alt_headlines=(),
            reasons=(
                "بعد عامين من العمل الميداني",
                "في أعقاب مراجعة أجراها خبراء دوليون",
                "بعد تضرر المعدات في عاصفة",
                "إثر اهتمام من شركاء أجانب",
                "بعد تغيّر أولويات الحكومة",
            ),
            quotes=(
                "البيانات أوضح مما توقعنا",
                "العلم الجيد يحتاج إلى وقت وصبر",
                "لم يكن أمامنا خيار سوى التوقف وإصلاح المعدات",
                "هذه فرصة للإجابة عن أسئلة طرحناها منذ عقود",
                "مشاركة البيانات ستجعل النتائج أقوى",
            ),
            stats=(
                "وجمع الفريق أكثر من {n1} ألف عينة على مدى {n3} سنوات.",
                "ويبلغ تمويل العمل {n2} مليون كرونة.",
                "وأظهرت القياسات تغيرًا بنسبة {pct} في المئة مقارنة بالمسح السابق.",
            ),
            tags=("العلوم", "البحث العلمي"),
        ),
        "football": KindText(
            institutions=("رابطة كرة القدم", "رابطة الدوري", "لجنة الحكام"),
            roles=(
                "رئيس الرابطة|رئيسة الرابطة",
                "الرئيس التنفيذي للدوري|الرئيسة التنفيذية للدوري",
                "مدرب المنتخب الوطني|مدربة المنتخب الوطني",
                "رئيس لجنة الحكام|رئيسة لجنة الحكام",
            ),
            things=(
                "نهائي الكأس",
                "موسم الدوري",
                "المباراة الودية للمنتخب الوطني",
                "مشروع الملعب الجديد",
                "دوري السيدات",
            ),
            actions=(
                "أرجأت|{thing}",
                "أعلنت|عن جدول جديد لمباريات {thing}",
                "اختارت|{city} لاستضافة {thing}",
                "فتحت|تحقيقًا تأديبيًا بشأن {thing}",
                "أقرّت|ميزانية {thing}",
            ),
            headlines=(
                "تأجيل {thing} في {place}",
                "جدول جديد لمباريات {thing} في {place}",
                "{city} تستضيف {thing} في {place}",
                "تحقيق تأديبي بشأن {thing} في {place}",
                "إقرار ميزانية {thing} في {place}",
            ),
            alt_headlines=(),
            reasons=(
                "بعد أعمال شغب في المدرجات الأسبوع الماضي",
                "في أعقاب شكاوى من الأندية",
                "بعد أن جعلت الأمطار الغزيرة الملاعب غير صالحة للعب",
                "إثر خلاف على حقوق البث التلفزيوني",
                "بعد مراجعة الترتيبات الأمنية",
            ),
            quotes=(
                "سلامة الجماهير تأتي أولًا",
                "الأندية تطالب بالوضوح منذ أشهر",
                "نريد أفضل الظروف الممكنة للاعبين",
                "المسؤولون عما حدث سيتحملون العواقب",
                "هذه لحظة كبيرة لكرة القدم في بلادنا",
            ),
            stats=(
                "ونفدت التذاكر خلال {n3} ساعات.",
                "وتراجع عدد الحضور بنسبة {pct} في المئة الموسم الماضي.",
                "وتبلغ الميزانية السنوية للرابطة {n2} مليون كرونة.",
            ),
            tags=("كرة القدم", "الرياضة"),
        ),
    },
)

LANGUAGES = {"en": EN, "fa": FA, "ar": AR}


@dataclass(frozen=True, slots=True)
class Event:
    """What happened, as indices into the parallel vocabulary lists; language-neutral."""

    kind: str
    place: int
    institution: int
    institution2: int
    action: int
    thing: int
    reason: int
    quote: int
    quote2: int
    person: tuple[int, int]
    role: int
    person2: tuple[int, int]
    role2: int
    numbers: tuple[int, int, int, int, int, int, int]
    weekday: int


def new_event(rng: random.Random, kind: str, weekday: int) -> Event:
    """Draw an event of `kind` that happened on `weekday` (0 = Monday)."""
    vocab = EN.kinds[kind]

    def two(n: int) -> tuple[int, int]:
        a, b = rng.sample(range(n), 2)
        return a, b

    inst, inst2 = two(len(vocab.institutions))
    role, role2 = two(len(vocab.roles))
    quote, quote2 = two(len(vocab.quotes))
    person = (rng.randrange(len(EN.firsts)), rng.randrange(len(EN.lasts)))
    person2 = (rng.randrange(len(EN.firsts)), rng.randrange(len(EN.lasts)))
    numbers = (
        rng.randint(3, 95),
        rng.randint(12, 480),
        rng.randint(3, 9),
        rng.randint(120, 950),
        rng.randint(2, 38),
        rng.randint(2009, 2021),
        rng.randrange(3),
    )
    return Event(
        kind=kind,
        place=rng.randrange(len(EN.places)),
        institution=inst,
        institution2=inst2,
        action=rng.randrange(len(vocab.actions)),
        thing=rng.randrange(len(vocab.things)),
        reason=rng.randrange(len(vocab.reasons)),
        quote=quote,
        quote2=quote2,
        person=person,
        role=role,
        person2=person2,
        role2=role2,
        numbers=numbers,
        weekday=weekday,
    )


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _strip_article(text: str) -> str:
    return text.removeprefix("the ").removeprefix("a ")


def slots(event: Event, lang: Language) -> dict[str, str]:
    """Every value a frame may name, in the language's words (cached: do not mutate)."""
    return _slots(event, lang.code)


@lru_cache(maxsize=8192)
def _slots(event: Event, code: str) -> dict[str, str]:
    lang = LANGUAGES[code]
    vocab = lang.kinds[event.kind]
    n1, n2, n3, n4, pct, year, ordinal = event.numbers
    place = lang.places[event.place]
    city = lang.cities[event.place]
    base = {"place": place, "city": city, "Place": _cap(place), "City": _cap(city)}
    thing = vocab.things[event.thing].format(**base)
    fill = {**base, "thing": thing}

    def org(index: int) -> str:
        inst = vocab.institutions[index]
        if lang.code == "en":
            return f"the {place} {inst}"
        if lang.code == "fa":
            return f"{inst} {place}"
        return f"{inst} في {place}"

    def person(p: tuple[int, int]) -> str:
        return f"{lang.firsts[p[0]]} {lang.lasts[p[1]]}"

    def role(index: int, p: tuple[int, int]) -> str:
        text = vocab.roles[index]
        if "|" in text:
            masc, fem = text.split("|")
            return fem if p[0] in FEMALE_FIRSTS else masc
        return text

    female = event.person[0] in FEMALE_FIRSTS
    female2 = event.person2[0] in FEMALE_FIRSTS
    action = vocab.actions[event.action].format(**fill)
    verb, _, rest = action.partition("|") if "|" in action else ("", "", action)
    out = {
        **fill,
        "Thing": _cap(thing),
        "short": _strip_article(thing),
        "org": org(event.institution),
        "Org": _cap(org(event.institution)),
        "org2": org(event.institution2),
        "Org2": _cap(org(event.institution2)),
        "action": f"{verb} {rest}" if verb else rest,
        "verb": verb,
        "rest": rest,
        "reason": vocab.reasons[event.reason].format(**fill),
        "quote": vocab.quotes[event.quote],
        "quote2": vocab.quotes[event.quote2],
        "person": person(event.person),
        "last": lang.lasts[event.person[1]],
        "role": role(event.role, event.person),
        "person2": person(event.person2),
        "role2": role(event.role2, event.person2),
        "t": "ت" if female else "",
        "t2": "ت" if female2 else "",
        "pron2": "ها" if female2 else "ه",
        "a2": "ة" if female2 else "ًا",
        "n1": str(n1),
        "n2": str(n2),
        "n3": str(n3),
        "n4": str(n4),
        "pct": str(pct),
        "year": str(year),
        "ord": lang.ordinals[ordinal],
        "weekday": lang.weekdays[event.weekday],
    }
    return out


def _finish(text: str, lang: Language) -> str:
    return persian_digits(text) if lang.code == "fa" else text


def headline(event: Event, lang: Language, *, alternative: bool = False) -> str:
    """The event's headline; `alternative` gives a reworded one (English only has them)."""
    vocab = lang.kinds[event.kind]
    frames = vocab.alt_headlines if alternative and vocab.alt_headlines else vocab.headlines
    return _finish(_cap(frames[event.action].format(**slots(event, lang))), lang)


def summary(event: Event, lang: Language, rng: random.Random) -> str:
    """A one-sentence standfirst, not part of the story body."""
    return _finish(_cap(rng.choice(lang.summaries).format(**slots(event, lang))), lang)


def caption(event: Event, lang: Language, rng: random.Random) -> str:
    """A photo caption naming the event's city."""
    return _finish(rng.choice(lang.captions).format(**slots(event, lang)), lang)


def tags(event: Event, lang: Language) -> list[str]:
    """Topic tags plus the place name."""
    return [*lang.kinds[event.kind].tags, lang.places[event.place]]


# Paragraph plans after the lede: (roles, always included).
_PLANS: tuple[tuple[str, ...], ...] = (
    ("detail", "stat"),
    ("quote", "quote_follow"),
    ("stat", "detail"),
    ("reaction", "reaction"),
    ("background", "background"),
    ("stat", "context"),
)

Sentence = tuple[str, str]


class _Decks:
    """Frames per role drawn without replacement, so a story does not repeat a sentence."""

    def __init__(self, lang: Language, kind: str, rng: random.Random) -> None:
        self._rng = rng
        self._pools = {**lang.frames, "stat": lang.kinds[kind].stats}
        self._decks: dict[str, list[str]] = {}

    def draw(self, role: str) -> str:
        deck = self._decks.get(role)
        if not deck:
            deck = self._decks[role] = list(self._pools[role])
        return deck.pop(int(self._rng.random() * len(deck)))


def compose(event: Event, lang: Language, rng: random.Random) -> list[list[Sentence]]:
    """Write the event as 5 to 8 paragraphs of (role, sentence) pairs, seeded by `rng`."""
    values = slots(event, lang)
    decks = _Decks(lang, event.kind, rng)
    n = rng.randint(5, 8)
    optional = [i for i in range(len(_PLANS)) if _PLANS[i][0] != "quote"]
    chosen = sorted([1, *rng.sample(optional, n - 3)])
    plans = [("lede", "context"), *(_PLANS[i] for i in chosen), ("next",)]
    return [
        [(role, _finish(_cap(decks.draw(role).format(**values)), lang)) for role in plan]
        for plan in plans
    ]


def reword(event: Event, lang: Language, role: str, old: str, rng: random.Random) -> str:
    """Another sentence for the same role and event, different from `old` when the pool allows."""
    pool = {**lang.frames, "stat": lang.kinds[event.kind].stats}[role]
    values = slots(event, lang)
    options = [_finish(_cap(f.format(**values)), lang) for f in pool]
    different = [s for s in options if s != old]
    return rng.choice(different or options)


def join(paragraphs: list[list[Sentence]]) -> list[str]:
    """Paragraph texts from (role, sentence) pairs."""
    return [" ".join(sentence for _, sentence in para) for para in paragraphs]


EN_COMMENTS = (
    "Thanks for posting this, I had not seen it anywhere else.",
    "Does anyone know if this affects people living outside the capital?",
    "Same story every year and nothing changes.",
    "Good to see some proper reporting on this for once.",
    "I was there last week and it looked nothing like the photos.",
    "Would be useful to know where the money is actually coming from.",
    "Finally! This should have happened years ago.",
    "The comments on the original article were much more interesting.",
)
EN_COMMENTERS = (
    "harbourwatcher",
    "M. Eldridge",
    "quietreader42",
    "Tess from Calden",
    "northsideNed",
    "J. Albescu",
    "lowtide",
)
