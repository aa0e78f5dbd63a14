"""The alliance-membership map: who belonged to which grouping in a given year.

Membership years are the course's checked facts (tests/lessons/test_alliance_map.py compares
them with the project's fact sheet). Country outlines are Natural Earth's, generated into
data/world-110m.json by devtools/build_world_map.py. The map is plain server-rendered SVG
coloured by CSS classes (no inline styles, strict CSP); each year is its own URL
(?year=1999), so every state of the map works without JavaScript.
"""

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.utils.translation import gettext_lazy as _

GEOMETRY = Path(__file__).resolve().parent / "data" / "world-110m.json"


@dataclass(frozen=True)
class Membership:
    country: str  # Natural Earth's name for the shape coloured
    joined: int
    left: int | None = None  # the first year no longer a member
    note: str = ""


SOVIET_REPUBLICS = (
    "Russia", "Ukraine", "Belarus", "Moldova", "Estonia", "Latvia", "Lithuania", "Georgia", "Armenia",
    "Azerbaijan", "Kazakhstan", "Kyrgyzstan", "Tajikistan", "Turkmenistan", "Uzbekistan",
)  # fmt: skip

NATO_FOUNDERS = (
    "Belgium", "Canada", "Denmark", "France", "Iceland", "Italy", "Luxembourg", "Netherlands", "Norway",
    "Portugal", "United Kingdom", "United States of America",
)  # fmt: skip

ALLIANCES = {
    "nato": {
        "name": _("NATO"),
        "members": [
            *(Membership(country, 1949) for country in NATO_FOUNDERS),
            Membership("Greece", 1952),
            Membership("Turkey", 1952),
            Membership("Germany", 1955, note=_("West Germany from 1955; united Germany from 1990")),
            Membership("Spain", 1982),
            *(Membership(country, 1999) for country in ("Czechia", "Hungary", "Poland")),
            *(
                Membership(country, 2004)
                for country in ("Bulgaria", "Estonia", "Latvia", "Lithuania", "Romania", "Slovakia", "Slovenia")
            ),
            Membership("Albania", 2009),
            Membership("Croatia", 2009),
            Membership("Montenegro", 2017),
            Membership("Macedonia", 2020, note=_("North Macedonia")),
            Membership("Finland", 2023),
            Membership("Sweden", 2024),
        ],
    },
    "warsaw": {
        "name": _("Warsaw Pact"),
        "members": [
            *(Membership(country, 1955, 1991, note=_("part of the Soviet Union")) for country in SOVIET_REPUBLICS),
            *(Membership(country, 1955, 1991) for country in ("Poland", "Hungary", "Romania", "Bulgaria")),
            *(Membership(country, 1955, 1991, note=_("Czechoslovakia")) for country in ("Czechia", "Slovakia")),
            Membership("Albania", 1955, 1968, note=_("stopped taking part 1961-62, left 1968")),
        ],
    },
    "csto": {
        "name": _("CSTO"),
        "members": [
            *(
                Membership(country, 1992)
                for country in ("Armenia", "Belarus", "Kazakhstan", "Kyrgyzstan", "Russia", "Tajikistan")
            ),
            Membership("Azerbaijan", 1992, 1999),
            Membership("Georgia", 1992, 1999),
            Membership("Uzbekistan", 1992, 1999),
            Membership("Uzbekistan", 2006, 2012, note=_("rejoined 2006, suspended December 2012")),
        ],
    },
    "sco": {
        "name": _("SCO"),
        "members": [
            *(
                Membership(country, 2001)
                for country in ("China", "Russia", "Kazakhstan", "Kyrgyzstan", "Tajikistan", "Uzbekistan")
            ),
            Membership("India", 2017),
            Membership("Pakistan", 2017),
            Membership("Iran", 2023),
            Membership("Belarus", 2024),
        ],
    },
}

# facts.md has no EU accession dates: these are the European Commission's (DG NEAR, "Enlargement")
# and EUR-Lex's ("Enlargement" glossary): the six founders of the European Economic Community
# (in force 1 Jan 1958), the accessions of 1973-2013, and the UK's exit on 31 Jan 2020. Before
# 1993 (the Maastricht Treaty) the grouping was the European Communities.
EEC_FOUNDERS = ("Belgium", "France", "Italy", "Luxembourg", "Netherlands")
EU_ACCESSIONS = {
    1973: ("Denmark", "Ireland"),
    1981: ("Greece",),
    1986: ("Portugal", "Spain"),
    1995: ("Austria", "Finland", "Sweden"),
    2004: ("Cyprus", "Czechia", "Estonia", "Hungary", "Latvia", "Lithuania", "Malta", "Poland", "Slovakia", "Slovenia"),
    2007: ("Bulgaria", "Romania"),
    2013: ("Croatia",),
}
ALLIANCES["eu"] = {
    "name": _("EU"),
    "members": [
        *(Membership(country, 1958) for country in EEC_FOUNDERS),
        Membership("Germany", 1958, note=_("West Germany from 1958; united Germany from 1990")),
        Membership("United Kingdom", 1973, 2020, note=_("left 31 January 2020")),
        *(Membership(country, year) for year, countries in EU_ACCESSIONS.items() for country in countries),
    ],
}
# Members listed in the table but too small to draw at Natural Earth's 1:110m scale.
NOT_DRAWN = {"Malta"}

# The year control: every year in which the map changes, and the year shown by default.
YEARS = sorted(
    {m.joined for a in ALLIANCES.values() for m in a["members"]}
    | {m.left for a in ALLIANCES.values() for m in a["members"] if m.left}
)
LATEST_YEAR = YEARS[-1]


@cache
def geometry():
    return json.loads(GEOMETRY.read_text(encoding="utf-8"))


def members_in(year):
    """{alliance key: [Membership]} of the members in `year`."""
    return {
        key: [m for m in alliance["members"] if m.joined <= year and (m.left is None or year < m.left)]
        for key, alliance in ALLIANCES.items()
    }


def country_class(keys):
    """One CSS class per combination, so a state in two groupings shows both (e.g. CSTO and SCO)."""
    return "map-" + "-".join(sorted(keys)) if keys else "map-none"


def map_context(year):
    if year not in YEARS:
        year = max((y for y in YEARS if y <= year), default=YEARS[0])
    current = members_in(year)
    by_country = {}
    for key, members in current.items():
        for membership in members:
            by_country.setdefault(membership.country, set()).add(key)
    shapes = geometry()
    countries = [
        {"name": name, "d": shape["d"], "class": country_class(by_country.get(name, ()))}
        for name, shape in shapes["countries"].items()
    ]
    legend = [
        {"class": country_class(combo), "label": " + ".join(str(ALLIANCES[k]["name"]) for k in sorted(combo))}
        for combo in sorted({frozenset(keys) for keys in by_country.values()}, key=lambda c: (len(c), sorted(c)))
    ]
    table = [
        {"key": key, "name": ALLIANCES[key]["name"], "members": sorted(members, key=lambda m: (m.joined, m.country))}
        for key, members in current.items()
        if members
    ]
    return {
        "year": year,
        "years": YEARS,
        "view_box": shapes["viewBox"],
        "countries": countries,
        "legend": legend,
        "table": table,
        "source": shapes["source"],
    }
