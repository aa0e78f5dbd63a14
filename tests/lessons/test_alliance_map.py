"""The alliance map agrees with the project's fact sheet (facts.md, which CI puts beside the checkout),
works without JavaScript, and is styled by classes."""

import re
from pathlib import Path

from django.conf import settings
from django.urls import reverse

import pytest

from course.lessons.alliance_map import ALLIANCES, NOT_DRAWN, YEARS, geometry, map_context, members_in

FACTS = Path(settings.BASE_DIR).parent / "shared" / "facts.md"
STYLESHEET = Path(settings.BASE_DIR) / "course" / "static" / "course" / "site.css"
NATURAL_EARTH_NAMES = {"North Macedonia": "Macedonia", "United States": "United States of America"}


def facts_paragraph(starts_with):
    text = FACTS.read_text(encoding="utf-8")
    start = text.index(starts_with)
    end = text.find("\n- ", start + 1)
    return " ".join(text[start:end].split())


def joined(alliance, country):
    return {m.joined for m in ALLIANCES[alliance]["members"] if m.country == NATURAL_EARTH_NAMES.get(country, country)}


@pytest.mark.skipif(not FACTS.exists(), reason="facts.md lives beside the project checkout")
def test_nato_accessions_match_facts():
    founders = facts_paragraph("- North Atlantic Treaty signed")
    for country in re.search(r"founders: (.*?)\. \[V\]", founders).group(1).split(", "):
        assert joined("nato", country) == {1949}, country
    accessions = facts_paragraph("- NATO has 32 members").split("Accessions:")[1]
    checked = 0
    for part in accessions.split(";"):
        found = re.match(r"\s*(.*?) (?:\d{1,2} )?[A-Z][a-z]+ (\d{4})", part)
        names, year = found.group(1), int(found.group(2))
        for country in re.split(r", | and ", names):
            country = {"West Germany": "Germany"}.get(country, country)
            assert year in joined("nato", country), (country, year)
            checked += 1
    assert checked == 20  # 32 members less the 12 founders
    assert len(members_in(2024)["nato"]) == 32


@pytest.mark.skipif(not FACTS.exists(), reason="facts.md lives beside the project checkout")
def test_csto_and_sco_members_match_facts():
    csto = facts_paragraph("- CSTO: Collective Security Treaty")
    members = re.search(r"Members: (.*?)\. Azerbaijan", csto).group(1).replace(" and", "").split(", ")
    assert sorted(m.country for m in members_in(2024)["csto"]) == sorted(members)
    sco = facts_paragraph("- SCO:")
    assert "India and Pakistan joined 9 Jun 2017" in sco and joined("sco", "India") == {2017}
    assert "Iran 4 Jul 2023" in sco and joined("sco", "Iran") == {2023}
    assert "Belarus 4 Jul 2024 (10 members)" in sco and len(members_in(2024)["sco"]) == 10
    assert "founded 15 Jun 2001" in sco and joined("sco", "China") == {2001}
    warsaw = facts_paragraph("- Warsaw Pact")
    assert "dissolved 1 Jul 1991" in warsaw and members_in(1991)["warsaw"] == []
    assert "left formally 1968" in warsaw and joined("warsaw", "Albania") == {1955}


def test_the_eu_matches_the_commission_and_the_course_text():
    """facts.md has no EU dates: the Commission's enlargement list (DG NEAR; EUR-Lex) is the
    source, and the course's "23 of its 27 members are also NATO allies" (lesson 3.3) must hold."""
    assert len(members_in(1958)["eu"]) == 6
    expected = {1973: 9, 1981: 10, 1986: 12, 1995: 15, 2004: 25, 2007: 27, 2013: 28, 2020: 27}
    assert {year: len(members_in(year)["eu"]) for year in expected} == expected
    eu = {m.country for m in members_in(2026)["eu"]}
    nato = {m.country for m in members_in(2026)["nato"]}
    assert len(eu & nato) == 23 and eu - nato == {"Austria", "Cyprus", "Ireland", "Malta"}
    lesson = (Path(settings.BASE_DIR) / "content" / "03-current-alliances").glob("03-*.md")
    assert "23 of its 27 members are also NATO allies" in " ".join(next(lesson).read_text().split())


def test_every_member_has_a_shape_and_every_colour_a_class():
    shapes = geometry()["countries"]
    stylesheet = STYLESHEET.read_text(encoding="utf-8")
    for alliance in ALLIANCES.values():
        for membership in alliance["members"]:
            assert membership.country in shapes or membership.country in NOT_DRAWN, membership
    for year in YEARS:
        for item in map_context(year)["legend"]:
            assert f".{item['class']} " in stylesheet, item


@pytest.mark.django_db
def test_each_year_is_its_own_server_rendered_page(client):
    response = client.get(reverse("alliance-map"), {"year": 1999})
    html = response.content.decode()
    assert response.status_code == 200
    assert 'aria-current="page">1999<' in html
    assert "Poland (1999)" in html and "<svg" in html and "style=" not in html
    assert client.get(reverse("alliance-map"), {"year": "nonsense"}).status_code == 200
    assert client.get(reverse("alliance-map"), {"year": 1900}).context["map"]["year"] == YEARS[0]


@pytest.mark.django_db
@pytest.mark.parametrize("slug", ["nato-today", "the-csto", "the-sco-and-other-arrangements", "the-cold-war"])
def test_the_lessons_that_teach_alliances_show_the_map(client, slug):
    from course.lessons.models import LessonPage

    html = client.get(LessonPage.objects.get(slug=slug).url).content.decode()
    assert 'class="world-map"' in html and f'href="{reverse("alliance-map")}?year=' in html
