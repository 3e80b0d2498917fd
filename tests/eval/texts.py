"""Invented news text for the extraction evaluation set (every name, place and quote is made up).

English stories are assembled from per-topic sentence banks with a seeded random generator, so
each page carries a different story; stories in Persian, Arabic, French, German, Spanish,
Japanese and Turkish are written out in full below.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

CITIES = [
    "Port Alder",
    "Westmere",
    "Kellan Bay",
    "Northgate",
    "Saltmarsh",
    "Riverton",
    "Elmsford",
    "Caldera Springs",
    "Brightwater",
    "Dunmore",
    "Haverleigh",
    "Marlow Heights",
    "Ostrava Point",
    "Linden Falls",
    "Ashcombe",
    "Greyhaven",
]
PEOPLE = [
    "Mara Lindqvist",
    "Tobias Renner",
    "Ilse Varga",
    "Daniel Okafor",
    "Priya Raman",
    "Hugo Castellan",
    "Selma Brandt",
    "Jonah Whitcombe",
    "Aiko Morimoto",
    "Rafael Quintero",
    "Nadia Haddad",
    "Owen Pritchard",
    "Leonie Faber",
    "Samuel Adeyemi",
    "Clara Montfort",
    "Viktor Halloran",
    "Beatrix Nolan",
    "Emeka Obi",
    "Lucia Ferrante",
    "Anders Holm",
]
REPORTERS = [
    "Jane Marlowe",
    "Peter Ashgrove",
    "Sofia Reyes",
    "Martin Kessel",
    "Helen Achterberg",
    "Yusuf Demir",
    "Grace Whitley",
    "Liam Calloway",
    "Ruth Okonkwo",
    "Felix Brandauer",
    "Ana Ribeiro",
    "Thomas Vane",
    "Irene Kostova",
    "Kwame Mensah",
    "Eleanor Pike",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

_SLOTS_COMMON = [
    "Officials said further details would be released on {day2}, once the review team had "
    "finished its work.",
    "The announcement drew a mixed response from residents, some of whom said they had waited "
    "years for a decision.",
    "A spokesperson for the {org} declined to comment on the figures but said the agency was "
    '"monitoring the situation closely".',
    "Opposition members called for an independent inquiry, arguing that the public deserved a "
    "full account of how the decision was reached.",
    "The measure is expected to be debated again when the assembly reconvenes in the new year.",
    "Local business owners said the uncertainty had already affected bookings and deliveries.",
    "According to figures published by the {org}, the number has risen by {pct} percent since "
    "last spring.",
    '"We are not going to pretend this is easy," {person2} told reporters outside the town '
    'hall, "but the numbers leave us very little room."',
    "Residents who want to comment on the plans have until the end of the month to submit "
    "their views in writing.",
    "The last comparable case, in {year0}, took almost two years to resolve.",
]

TOPICS: dict[str, dict[str, list[str]]] = {
    "flood": {
        "titles": [
            "Flood barriers hold as river peaks in {city}",
            "{city} residents return home as floodwaters recede",
            "River crest passes {city} without breaching quay defences",
        ],
        "sentences": [
            "The temporary barriers along the eastern quay in {city} held overnight as the river "
            "crested at its highest level in {num} years, city engineers said on {day}.",
            "About {big} households had been told to prepare for evacuation, but the order was "
            "lifted shortly after dawn.",
            '"We were lucky this time," said deputy mayor {person}, adding that permanent '
            "defences would be discussed at next month's council meeting.",
            "Volunteers filled more than {big} sandbags at the old fire station over the weekend.",
            "The regional water authority said rainfall in the upper valley had been roughly "
            "twice the seasonal average.",
            "Two schools near the waterfront stayed closed as a precaution and are expected to "
            "reopen on {day2}.",
            "Insurers estimated that damage to basements and ground-floor shops could run into "
            "several million.",
            "Engineers will inspect the pumping stations before the next band of rain arrives.",
            "Some residents criticised the timing of the warnings, saying the first text "
            "messages arrived after midnight.",
            "The {org} said it had moved {num} rescue boats to higher ground as a precaution.",
            "Footage shared online showed water lapping at the top of the barrier near the old "
            "ferry terminal.",
            "Forecasters expect river levels to fall steadily over the next three days.",
        ],
    },
    "budget": {
        "titles": [
            "{city} council approves leaner budget after long night of talks",
            "Council in {city} cuts library hours to balance books",
            "{city} budget passes with narrow majority",
        ],
        "sentences": [
            "The council of {city} approved its budget for the coming year by {num} votes to "
            "{num2} after a session that ran past midnight.",
            "The plan trims spending on road maintenance and reduces opening hours at three "
            "branch libraries.",
            'Finance chair {person} said the cuts were "painful but unavoidable" after a fall '
            "in business rate income.",
            "Property taxes will rise by {pct} percent, the smallest increase in five years.",
            "A proposal to close the municipal swimming pool was withdrawn after a petition "
            "gathered more than {big} signatures.",
            "Unions representing council staff said they would study the plan before deciding "
            "on any action.",
            "The budget sets aside a contingency fund for winter road gritting and emergency "
            "repairs.",
            "Several councillors complained that the final figures had been circulated only "
            "hours before the vote.",
            "Youth centres will keep their funding, reversing an earlier draft that would have "
            "halved it.",
            "The {org} will review the council's accounts in the spring, as it does every year.",
            "Residents packed the public gallery, and several interrupted the debate with "
            "applause.",
            "Under the plan, bus subsidies for pensioners remain unchanged.",
        ],
    },
    "transit": {
        "titles": [
            "Tram drivers in {city} vote to strike over rosters",
            "Commuters face disruption as {city} rail staff walk out",
            "{city} bus network to run reduced timetable during strike",
        ],
        "sentences": [
            "Tram drivers in {city} voted overwhelmingly to strike for {num} days this month in a "
            "dispute over shift patterns.",
            "The operator said it would run a reduced service on the two busiest lines and "
            "advised passengers to travel early.",
            "Union representative {person} said drivers had been asked to work split shifts "
            "without extra pay.",
            "The transport authority estimated that around {big} passengers use the network on "
            "a typical weekday.",
            "Talks at the conciliation service broke down on {day} after eight hours.",
            "Schools have been asked to be flexible with pupils who arrive late.",
            "Taxi firms reported a sharp rise in advance bookings for the first day of the "
            "walkout.",
            'The operator\'s chief executive, {person2}, called the strike "disproportionate" '
            "and urged the union to return to talks.",
            "Cycling groups are offering free bicycle checks at three stations during the dispute.",
            "Night services will not run at all while the strike lasts.",
            "The last strike on the network, three years ago, lasted a week.",
            "Passengers with season tickets will be able to claim partial refunds online.",
        ],
    },
    "science": {
        "titles": [
            "Researchers in {city} map deep-sea vents with autonomous drone",
            "{city} lab reports advance in low-cost water filters",
            "Telescope team in {city} spots unusual comet tail",
        ],
        "sentences": [
            "A team at the {org} in {city} has mapped a field of hydrothermal vents using an "
            "autonomous underwater drone.",
            "The vehicle spent {num} days surveying the sea floor at depths of more than two "
            "kilometres.",
            "Lead researcher {person} said the maps revealed chimneys taller than previously "
            "recorded in the region.",
            "The findings were published on {day} in a peer-reviewed journal.",
            "Samples collected near the vents contained microbes that thrive at temperatures "
            "above 80 degrees.",
            "The project was funded by a consortium of universities and a private foundation.",
            "Other scientists welcomed the results but cautioned that the survey covered only a "
            "small area.",
            "The team plans a second expedition next summer with a larger drone.",
            '"Every dive showed us something we had not expected," said co-author {person2}.',
            "The data will be made freely available to other research groups.",
            "Engineers had to redesign the drone's batteries after a failure during early trials.",
            "Similar vent fields are thought to exist along much of the ridge.",
        ],
    },
    "football": {
        "titles": [
            "{city} Rovers snatch late win in derby",
            "Late penalty keeps {city} United in title race",
            "{city} Athletic held to goalless draw at home",
        ],
        "sentences": [
            "A stoppage-time header from {person} gave {city} Rovers a 2-1 win in a tense derby "
            "on {day}.",
            "The visitors had taken the lead midway through the first half with a deflected shot.",
            "Rovers equalised after the break when the goalkeeper fumbled a low cross.",
            'Manager {person2} said his side had "never stopped believing" despite a difficult '
            "first hour.",
            "The win lifts the club to fourth place, {num} points behind the leaders.",
            "A crowd of {big} filled the stadium, the largest attendance of the season.",
            "Two players were booked after a scuffle near the touchline shortly before half-time.",
            "The referee consulted the video assistant twice but upheld both decisions.",
            "Rovers travel to the coast next weekend for a cup tie against lower-league "
            "opposition.",
            "Supporters sang for several minutes after the final whistle.",
            "The defeat leaves the visitors without a win in {num2} matches.",
            "Club officials said ticket sales for the next home game were already strong.",
        ],
    },
    "court": {
        "titles": [
            "Court in {city} blocks sale of historic market hall",
            "Judge orders new hearing in {city} land dispute",
            "{city} developer loses appeal over riverside towers",
        ],
        "sentences": [
            "A court in {city} has temporarily blocked the sale of the historic market hall to a "
            "private developer.",
            "Judge {person} said the council had not properly consulted traders before agreeing "
            "the deal.",
            "The ruling halts the transaction until a full hearing can take place early next year.",
            "Traders' association chair {person2} described the decision as \"a victory for common "
            'sense".',
            "The council said it would study the judgment carefully before deciding whether to "
            "appeal.",
            "The hall, built in the 1890s, houses about {num} stalls selling food and crafts.",
            "The developer had planned to convert the upper floors into offices and a rooftop "
            "restaurant.",
            "Lawyers for the developer argued that the market had been losing money for a decade.",
            "The case attracted hundreds of written submissions from residents.",
            "Legal costs so far are estimated at more than {big}.",
            "The judge also ordered the council to publish the valuation report.",
            "A date for the full hearing is expected to be set within weeks.",
        ],
    },
    "health": {
        "titles": [
            "New maternity wing opens at {city} General",
            "{city} clinic extends evening hours for vaccinations",
            "Waiting times fall at {city} emergency department",
        ],
        "sentences": [
            "A new maternity wing opened at {city} General Hospital on {day}, adding {num} beds "
            "and two operating theatres.",
            "The wing took three years to build and was funded partly by a local appeal.",
            "Head midwife {person} said the extra space would end the practice of moving mothers "
            "to other hospitals during busy periods.",
            "The unit includes a bereavement suite and rooms where partners can stay overnight.",
            "Health officials said the region's birth rate had risen slightly since last year.",
            "The old ward will be converted into a day-surgery unit.",
            "Staff shortages remain a concern, with {num2} midwife posts still vacant.",
            "The {org} praised the design but urged managers to recruit more staff quickly.",
            "Families were invited to tour the wing during an open day last month.",
            '"It feels like a home rather than a hospital," said {person2}, who gave birth there '
            "this week.",
            "Parking at the hospital will be expanded next year.",
            "The project came in slightly under its original budget.",
        ],
    },
    "economy": {
        "titles": [
            "Port of {city} reports record container traffic",
            "Factory orders rise for third month in {city} region",
            "{city} retailers report strong start to holiday season",
        ],
        "sentences": [
            "The port of {city} handled a record {big} containers in the third quarter, the port "
            "authority said on {day}.",
            "Growth was driven by new shipping routes and the opening of a second rail terminal.",
            'Port director {person} said the figures showed the expansion was "paying off sooner '
            'than we expected".',
            "Exports of machinery and processed food rose strongly, while imports of fuel fell.",
            "Dock workers' representatives said staffing had not kept pace with the increase.",
            "The authority plans to dredge the main channel next year to accommodate larger ships.",
            "Environmental groups have raised concerns about the effect of dredging on local "
            "fisheries.",
            "Analysts at the {org} expect traffic to slow slightly in the winter months.",
            "Revenue rose {pct} percent compared with the same period last year.",
            "The port employs about {num} people directly and thousands more indirectly.",
            "Trucking firms complained of long queues at the terminal gates during peak hours.",
            "A new automated gate system is due to be installed in the spring.",
        ],
    },
    "wildfire": {
        "titles": [
            "Crews contain hillside fire near {city}",
            "Evacuation order lifted as {city} fire is contained",
            "Wind shift helps firefighters near {city}",
        ],
        "sentences": [
            "Firefighters contained a hillside fire near {city} on {day} after it burned through "
            "about {num} hectares of scrub.",
            "No homes were destroyed, although two barns and several vehicles were damaged.",
            "Fire chief {person} said a change in wind direction overnight had been decisive.",
            "Around {big} residents were briefly evacuated to a sports centre.",
            "Investigators are examining whether the fire was started by sparks from farm "
            "machinery.",
            "Helicopters dropped water collected from a nearby reservoir throughout the afternoon.",
            "Roads into the area remain closed while crews damp down hotspots.",
            "The {org} warned that the dry conditions would continue until the weekend.",
            "A temporary ban on open fires and barbecues is in place across the district.",
            "Volunteers brought food and water to firefighters working through the night.",
            '"We could see the flames from the kitchen window," said resident {person2}.',
            "Officials thanked neighbouring districts for sending extra crews.",
        ],
    },
    "culture": {
        "titles": [
            "{city} museum unveils restored ship figureheads",
            "Forgotten composer's opera revived in {city}",
            "{city} library opens archive of wartime letters",
        ],
        "sentences": [
            "The maritime museum in {city} has unveiled {num} restored ship figureheads after a "
            "two-year conservation project.",
            "Some of the carved figures had spent decades in storage and were badly damaged by "
            "damp.",
            "Curator {person} said conservators had uncovered layers of original paint beneath "
            "later repairs.",
            "The exhibition opens to the public on {day2} and runs until the end of next summer.",
            "Entry will be free for children under twelve.",
            "The oldest figurehead on display is thought to date from the late eighteenth century.",
            "Visitors can watch a short film showing how the restoration was carried out.",
            "The project was supported by a heritage grant and donations from local families.",
            '"Each of these figures has a story," said volunteer guide {person2}.',
            "The museum expects more than {big} visitors during the first month.",
            "A catalogue of the collection will be published in the spring.",
            "Schools can book guided tours through the museum's website.",
        ],
    },
    "energy": {
        "titles": [
            "Power restored to most homes in {city} after storm",
            "{city} approves solar farm on former airfield",
            "Grid operator warns of tight supply in {city} region",
        ],
        "sentences": [
            "Power has been restored to most homes in {city} after a storm brought down lines "
            "across the district on {day}.",
            "At the peak of the outage about {big} customers were without electricity.",
            "The grid operator said {num} engineers had worked through the night to repair "
            "damaged lines.",
            "Operations manager {person} said fallen trees had made some sites hard to reach.",
            "A few rural properties may remain without power until the end of the week.",
            "Customers cut off for more than 48 hours will be entitled to compensation.",
            "Generators were brought in to keep a care home and a water treatment plant running.",
            "The {org} said the storm was the strongest to hit the area in a decade.",
            "Residents were advised not to approach fallen cables.",
            "Schools reopened on {day2} after a day of closures.",
            '"The response has been remarkable," said councillor {person2}.',
            "Forecasters expect calmer weather over the coming days.",
        ],
    },
    "education": {
        "titles": [
            "{city} pupils post best exam results in a decade",
            "New technical college to open in {city}",
            "Teachers in {city} pilot four-day timetable",
        ],
        "sentences": [
            "Pupils in {city} achieved their best exam results in a decade, figures released on "
            "{day} show.",
            "The proportion of students passing at least five subjects rose to {pct} percent.",
            "Head teacher {person} credited a new tutoring scheme introduced after the pandemic.",
            "Results in mathematics improved most sharply, particularly among girls.",
            "The district still trails the national average in languages.",
            "Education officials plan to expand the tutoring scheme to primary schools.",
            "Parents' groups welcomed the figures but warned that class sizes remained too large.",
            "The {org} will publish a detailed breakdown by school next month.",
            '"These results belong to the students," said {person2}, chair of the school board.',
            "Two schools that had been placed in special measures showed marked improvement.",
            "Funding for the scheme is guaranteed for two more years.",
            "A celebration for staff and students will be held at the town hall.",
        ],
    },
}

ORGS = [
    "Regional Water Authority",
    "Institute for Coastal Studies",
    "Harbour Commission",
    "Civic Audit Office",
    "Transport Users' Council",
    "Meteorological Service",
    "Chamber of Commerce",
    "Public Health Board",
    "Heritage Trust",
    "Statistics Office",
]


@dataclass
class Story:
    """One invented story: what a page shows and what the truth file expects."""

    slug: str
    title: str
    paragraphs: list[str]
    authors: list[str]
    published: str
    lang: str = "en"
    section: str = "News"
    tags: list[str] = field(default_factory=list)
    dek: str = ""
    subheads: set[int] = field(default_factory=set)
    modified: str | None = None


def english_story(
    seed: int,
    topic: str,
    *,
    paragraphs: int = 6,
    subheads: int = 0,
    published: str = "2026-11-27T09:30:00+00:00",
    authors: int = 1,
) -> Story:
    """A fresh English story on ``topic``, different for each seed."""
    rng = random.Random(seed)
    bank = TOPICS[topic]
    city = rng.choice(CITIES)
    people = rng.sample(PEOPLE, 3)
    slots = {
        "city": city,
        "person": people[0],
        "person2": people[1],
        "org": rng.choice(ORGS),
        "num": str(rng.randint(6, 40)),
        "num2": str(rng.randint(2, 5)),
        "big": f"{rng.randint(2, 60) * 100:,}",
        "pct": str(rng.randint(2, 19)),
        "day": rng.choice(DAYS),
        "day2": rng.choice(DAYS),
        "year0": str(rng.randint(1998, 2019)),
    }
    title = rng.choice(bank["titles"]).format(**slots)
    sentences = list(bank["sentences"])
    lead = sentences.pop(0)
    rng.shuffle(sentences)
    extra = list(_SLOTS_COMMON)
    rng.shuffle(extra)
    pool = [*sentences, *extra]
    paras = [lead.format(**slots)]
    while len(paras) < paragraphs and pool:
        take = min(len(pool), rng.choice((1, 2, 2, 3)))
        paras.append(" ".join(s.format(**slots) for s in pool[:take]))
        pool = pool[take:]
    heads: set[int] = set()
    headings = ["What happens next", "A long wait", "Reaction", "The numbers", "Background"]
    for i in range(subheads):
        position = 2 + i * 3
        if position < len(paras):
            paras.insert(position, headings[(seed + i) % len(headings)])
            heads.add(position)
    names = rng.sample(REPORTERS, authors)
    dek = f"Officials in {city} say the coming weeks will be decisive."
    return Story(
        slug=title.lower().replace(" ", "-").replace("'", "")[:60],
        title=title,
        paragraphs=paras,
        authors=names,
        published=published,
        section=topic.capitalize(),
        tags=[city, topic.capitalize()],
        dek=dek,
        subheads=heads,
    )


def teaser_texts(seed: int, count: int) -> list[tuple[str, str]]:
    """(headline, one-sentence excerpt) pairs for related lists and sidebars."""
    rng = random.Random(seed * 7919)
    topics = list(TOPICS)
    teasers = []
    for i in range(count):
        story = english_story(seed * 100 + i, rng.choice(topics), paragraphs=2)
        teasers.append((story.title, story.paragraphs[0]))
    return teasers


PERSIAN_STORIES = [
    Story(
        slug="fa-bridge",
        title="بازگشایی پل تاریخی شهر پس از دو سال مرمت",
        paragraphs=[
            "پل تاریخی شهر نوبهار پس از دو سال مرمت روز پنجشنبه با حضور مسئولان محلی و گروهی از "
            "شهروندان دوباره به روی عابران پیاده باز شد.",
            "مدیر میراث فرهنگی استان گفت در جریان مرمت بیش از هزار و دویست آجر فرسوده با آجرهای "
            "دست‌ساز جایگزین شده و پایه‌های پل تقویت شده است.",
            "به گفته او، هزینه این پروژه از محل بودجه استانی و کمک‌های مردمی تأمین شده و کار "
            "زودتر از زمان پیش‌بینی‌شده به پایان رسیده است.",
            "ساکنان محله قدیمی کنار رودخانه از بازگشایی پل استقبال کردند و گفتند رفت‌وآمد آنها "
            "به بازار در این مدت بسیار دشوار شده بود.",
            "قرار است در ماه‌های آینده نورپردازی تازه‌ای نیز برای پل اجرا شود تا بازدیدکنندگان "
            "بتوانند شب‌ها هم از آن دیدن کنند.",
        ],
        authors=["سارا محمدی"],
        published="2026-11-26T10:15:00+03:30",
        lang="fa",
        section="فرهنگی",
        tags=["میراث فرهنگی", "نوبهار"],
    ),
    Story(
        slug="fa-rain",
        title="بارش‌های پاییزی ذخایر سدهای استان را افزایش داد",
        paragraphs=[
            "بارش‌های کم‌سابقه هفته گذشته حجم ذخایر سدهای استان را به بیش از شصت درصد رساند.",
            "معاون شرکت آب منطقه‌ای گفت این میزان در مقایسه با مدت مشابه سال گذشته نزدیک به "
            "بیست درصد بیشتر است.",
            "او با این حال از کشاورزان خواست در مصرف آب صرفه‌جویی کنند، زیرا پیش‌بینی‌ها از "
            "زمستانی کم‌بارش‌تر از معمول خبر می‌دهد.",
            "کارشناسان هواشناسی نیز اعلام کردند سامانه بارشی تازه‌ای از اوایل هفته آینده وارد "
            "استان می‌شود.",
        ],
        authors=["رضا کاظمی"],
        published="2026-11-25T22:40:00+03:30",
        lang="fa",
        section="اجتماعی",
        tags=["آب", "بارش"],
    ),
    Story(
        slug="fa-metro",
        title="خط دوم قطار شهری تا پایان سال به بهره‌برداری می‌رسد",
        paragraphs=[
            "مدیرعامل شرکت قطار شهری گفت خط دوم مترو تا پایان سال جاری به طور کامل به "
            "بهره‌برداری خواهد رسید.",
            "به گفته وی، عملیات ریل‌گذاری در هفت ایستگاه به پایان رسیده و آزمایش قطارها از ماه "
            "آینده آغاز می‌شود.",
            "این خط با طول هجده کیلومتر، محله‌های جنوبی شهر را به مرکز شهر متصل می‌کند و "
            "پیش‌بینی می‌شود روزانه صد هزار مسافر را جابه‌جا کند.",
            "شورای شهر نیز با اختصاص اعتبار تازه برای خرید واگن‌ها موافقت کرده است.",
        ],
        authors=["مریم احمدی", "علی رضایی"],
        published="2026-11-24T08:05:00+03:30",
        lang="fa",
        section="شهری",
        tags=["مترو", "حمل و نقل"],
    ),
]

ARABIC_STORIES = [
    Story(
        slug="ar-desal",
        title="افتتاح محطة جديدة لتحلية المياه على الساحل الشرقي",
        paragraphs=[
            "افتتحت السلطات المحلية يوم الأربعاء محطة جديدة لتحلية المياه على الساحل الشرقي "
            "بطاقة إنتاجية تبلغ مئة ألف متر مكعب يوميا.",
            "وقال مدير المشروع إن المحطة ستغطي احتياجات نحو ثلاثمئة ألف نسمة في المدن الساحلية "
            "والقرى المجاورة.",
            "وأضاف أن المحطة تعتمد جزئيا على الطاقة الشمسية، مما يخفض تكاليف التشغيل بنسبة "
            "ملحوظة مقارنة بالمحطات القديمة.",
            "ومن المقرر أن تبدأ المرحلة الثانية من المشروع في الربيع المقبل لمضاعفة الطاقة "
            "الإنتاجية.",
        ],
        authors=["أحمد الخطيب"],
        published="2026-11-25T14:20:00+03:00",
        lang="ar",
        section="اقتصاد",
        tags=["مياه", "طاقة"],
    ),
    Story(
        slug="ar-book-fair",
        title="معرض الكتاب يستقبل أكثر من مليون زائر في دورته الجديدة",
        paragraphs=[
            "اختتم معرض الكتاب الدولي دورته الجديدة مساء السبت بعد أن استقبل أكثر من مليون "
            "زائر على مدى عشرة أيام.",
            "وشارك في المعرض نحو ألف دار نشر من أربعين دولة، وشهد تنظيم مئات الندوات والأمسيات "
            "الشعرية.",
            "وقالت رئيسة اللجنة المنظمة إن الإقبال على كتب الأطفال والروايات المترجمة كان لافتا "
            "هذا العام.",
            "وأعلنت اللجنة عن جائزة جديدة للكتاب الأول تمنح ابتداء من الدورة المقبلة.",
        ],
        authors=["ليلى منصور"],
        published="2026-11-22T19:00:00+03:00",
        lang="ar",
        section="ثقافة",
        tags=["كتب", "معارض"],
    ),
    Story(
        slug="ar-port",
        title="ارتفاع حركة الحاويات في الميناء خلال الربع الثالث",
        paragraphs=[
            "سجل الميناء التجاري ارتفاعا في حركة الحاويات خلال الربع الثالث من العام بنسبة "
            "اثني عشر في المئة مقارنة بالفترة نفسها من العام الماضي.",
            "وأوضح تقرير هيئة الموانئ أن الزيادة تعود إلى خطوط ملاحية جديدة تربط الميناء بموانئ "
            "آسيوية وأوروبية.",
            "وتعمل الهيئة على توسعة الأرصفة لاستقبال السفن الأكبر حجما بحلول نهاية العام المقبل.",
        ],
        authors=["سامي العلي"],
        published="2026-11-23T11:45:00+03:00",
        lang="ar",
        section="اقتصاد",
        tags=["موانئ"],
    ),
]

FRENCH_STORY = Story(
    slug="fr-velo",
    title="La ville de Rochebelle inaugure sa première piste cyclable express",
    paragraphs=[
        "La ville de Rochebelle a inauguré samedi sa première piste cyclable express, longue de "
        "douze kilomètres, qui relie la gare au nouveau quartier d'affaires.",
        "Selon l'adjointe chargée des mobilités, Élodie Marchand, près de quatre mille cyclistes "
        "devraient l'emprunter chaque jour dès le printemps.",
        "Les travaux, d'un coût de huit millions d'euros, ont été financés en partie par la "
        "région et par l'État.",
        "Les associations de cyclistes saluent un « progrès réel », tout en réclamant davantage "
        "de stationnements sécurisés près des écoles.",
        "Une deuxième ligne, vers l'hôpital et l'université, est prévue pour 2028.",
    ],
    authors=["Claire Dubois"],
    published="2026-11-21T17:30:00+01:00",
    lang="fr",
    section="Société",
    tags=["vélo", "mobilité"],
)
GERMAN_STORY = Story(
    slug="de-bahn",
    title="Neue Regionalbahn verbindet Talheim und Bergstadt",
    paragraphs=[
        "Seit Sonntag verkehrt eine neue Regionalbahn zwischen Talheim und Bergstadt im "
        "Stundentakt.",
        "Die Strecke war vor mehr als dreißig Jahren stillgelegt worden und wurde in den "
        "vergangenen zwei Jahren für rund 90 Millionen Euro reaktiviert.",
        "Landrätin Ursula Keller sprach bei der Eröffnung von einem „großen Tag für die ganze "
        "Region“.",
        "Pendler sparen nach Angaben des Verkehrsverbunds bis zu zwanzig Minuten pro Fahrt.",
        "In den ersten beiden Wochen können Fahrgäste die Strecke kostenlos testen.",
    ],
    authors=["Jonas Weber", "Katrin Vogel"],
    published="2026-11-23T06:00:00+01:00",
    lang="de",
    section="Region",
    tags=["Bahn", "Verkehr"],
)
SPANISH_STORY = Story(
    slug="es-olivos",
    title="Los olivareros de Valdeluz esperan una cosecha récord",
    paragraphs=[
        "Los productores de aceite de Valdeluz prevén este año la mayor cosecha de aceituna de la "
        "última década, gracias a las lluvias de la primavera.",
        "La cooperativa local calcula que se recogerán unas cuarenta mil toneladas, un treinta "
        "por ciento más que la campaña anterior.",
        "Sin embargo, los agricultores advierten de la falta de temporeros y del aumento del "
        "precio del gasóleo.",
        "La recogida comenzará la próxima semana y se prolongará hasta finales de enero.",
    ],
    authors=["Lucía Navarro"],
    published="2026-11-20T12:00:00+01:00",
    lang="es",
    section="Economía",
    tags=["aceite", "agricultura"],
)
JAPANESE_STORY = Story(
    slug="ja-festival",
    title="港町で秋の灯籠祭り、三年ぶりに開催",
    paragraphs=[
        "港町として知られる汐見市で二十二日、秋の灯籠祭りが三年ぶりに開催された。",
        "会場の海岸通りには約二千個の灯籠が並び、夕方から多くの家族連れでにぎわった。",
        "実行委員会によると、来場者は昨年の予想を上回る約三万人に達したという。",
        "地元の高校生が制作した大型の灯籠も初めて展示され、訪れた人たちの注目を集めた。",
    ],
    authors=["山田花子"],
    published="2026-11-22T20:00:00+09:00",
    lang="ja",
    section="地域",
    tags=["祭り"],
)
TURKISH_STORY = Story(
    slug="tr-kutuphane",
    title="Yeni şehir kütüphanesi kapılarını açtı",
    paragraphs=[
        "Deniztepe'de üç yıldır inşaatı süren yeni şehir kütüphanesi cumartesi günü düzenlenen "
        "törenle hizmete girdi.",
        "Beş katlı binada iki yüz bin kitap, çocuklar için ayrı bir okuma salonu ve yirmi dört "
        "saat açık bir çalışma alanı bulunuyor.",
        "Belediye başkanı, kütüphanenin özellikle üniversite öğrencilerinin yoğun ilgisini "
        "görmesini beklediklerini söyledi.",
        "Kütüphane hafta içi sabah sekizden gece yarısına kadar açık olacak.",
    ],
    authors=["Elif Yılmaz"],
    published="2026-11-21T10:00:00+03:00",
    lang="tr",
    section="Kültür",
    tags=["kütüphane"],
)
