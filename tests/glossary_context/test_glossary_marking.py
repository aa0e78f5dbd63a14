"""mark_glossary_terms on sanitised HTML: first use per h2 section, never inside links,
headings, code or an existing dfn/abbr; acronyms as <abbr>. Pure: no database."""

from bs4 import BeautifulSoup

from course.lessons.glossary_marking import GlossaryEntry, mark_glossary_terms

ENTRIES = (
    GlossaryEntry("Entrapment", "entrapment", "The fear of being dragged into an ally's war."),
    GlossaryEntry("Alliance security dilemma", "alliance-security-dilemma", "Abandonment versus entrapment."),
    GlossaryEntry("NATO", "nato", "The North Atlantic Treaty Organization."),
)


def marked(html):
    return BeautifulSoup(mark_glossary_terms(html, ENTRIES, "t"), "html.parser")


def test_the_first_use_is_a_dfn_linking_to_the_glossary_entry():
    soup = marked("<p>Entrapment worries allies. Entrapment again.</p>")
    dfns = soup.select("dfn.gloss")
    assert len(dfns) == 1
    assert dfns[0].a["href"] == "/glossary/#term-entrapment"
    assert dfns[0].get_text() == "Entrapment"


def test_the_definition_is_a_popover_opened_by_a_labelled_button():
    soup = marked("<p>Allies fear entrapment.</p>")
    button = soup.select_one("button.gloss__button")
    popover = soup.find(id=button["popovertarget"])
    assert button["type"] == "button" and button["aria-label"] == "Definition of Entrapment"
    assert popover.has_attr("popover")
    assert "dragged into an ally" in popover.get_text()


def test_the_sentence_reads_on_unchanged():
    soup = marked("<p>Allies fear entrapment in wars.</p>")
    assert soup.p.get_text() == "Allies fear entrapment in wars."


def test_each_h2_section_marks_a_term_again():
    soup = marked("<p>Entrapment.</p><h2>Next</h2><p>Entrapment.</p><p>Entrapment.</p>")
    assert len(soup.select("dfn.gloss")) == 2


def test_acronyms_are_abbr_and_match_only_in_capitals():
    soup = marked("<p>The nato of it. NATO allies.</p>")
    assert [abbr.get_text() for abbr in soup.select("abbr.gloss")] == ["NATO"]
    assert not soup.select("dfn")


def test_the_longest_term_wins():
    soup = marked("<p>The alliance security dilemma explains entrapment.</p>")
    assert [dfn.get_text() for dfn in soup.select("dfn.gloss")] == ["alliance security dilemma", "entrapment"]


def test_links_headings_code_and_existing_definitions_are_left_alone():
    html = (
        '<h2>Entrapment</h2><p><a href="/x">Entrapment</a> <code>NATO</code> <dfn>NATO</dfn> '
        '<abbr title="x">NATO</abbr></p><pre><code>Entrapment</code></pre><h3>NATO</h3>'
    )
    assert mark_glossary_terms(html, ENTRIES, "t") == html


def test_words_that_merely_contain_a_term_are_not_marked():
    assert mark_glossary_terms("<p>Disentrapment and NATO-led</p>", ENTRIES, "t").count("gloss") == 0


def test_text_with_markup_characters_stays_escaped():
    soup = marked("<p>Entrapment &amp; &lt;b&gt;</p>")
    assert "&lt;b&gt;" in str(soup)
