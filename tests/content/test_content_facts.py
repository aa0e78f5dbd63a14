"""The course text avoids the known errors listed in /work/shared/facts.md and
states the key changeable facts correctly.

Only what the course presents as true is checked (see course_text.claim_sentences):
a wrong choice or a true/false statement whose answer is "false" may state an
error on purpose. Each pattern is tried on made-up sentences first, so a check
that could never fire would fail here too.
"""

import re
from dataclasses import dataclass

import pytest

from tests.content.course_text import claim_sentences

# A sentence that denies or corrects the claim, rather than making it.
NEGATION = (
    r"(?i:\b(?:not|no|nothing|never|neither|nor|without|rather than|instead of|unlike|isn't|wasn't|"
    r"didn't|mistake|mistaken|wrong|incorrect|error|myth)\b)"
)
UNITED_STATES = r"\bUnited States\b|\bU\.S\.|\bUS\b|\bAmerica\b|\bWashington\b|(?i:\bAmericans?\b)"
TWO_PER_CENT = r"(?<![\d.,])2\s?(?:%|(?i:per ?cent))|(?i:\btwo per ?cent)"
FIVE_PER_CENT = r"(?<![\d.,])5\s?(?:%|(?i:per ?cent))|(?i:\bfive per ?cent)"


@dataclass(frozen=True)
class KnownError:
    name: str
    requires: tuple  # regexes that must all match the sentence
    unless: str  # a regex that, when it matches, shows the sentence is not making the error
    # Also read where the sentence comes from: a timeline's date or a glossary term is part of
    # what the sentence says ("content/x.md (timeline 2022): Armenia starts buying from India.").
    with_where: bool = False

    def in_sentence(self, sentence):
        if not all(re.search(pattern, sentence) for pattern in self.requires):
            return False
        return not re.search(self.unless, sentence)

    def in_claim(self, where, sentence):
        return self.in_sentence(f"{where}: {sentence}" if self.with_where else sentence)


KNOWN_ERRORS = [
    KnownError(
        "NATO with 31 members (true only April 2023 - March 2024)",
        requires=(
            r"(?i:\b(?:31|thirty-one)(?:[\s-]+(?:members?|allies|member states|nations|countries)\b|-member\b))",
        ),
        unless=r"(?i:\b(?:32|thirty-two)\b|out of date|outdated|no longer|\buntil\b|\bbetween\b|\bonly\b)",
    ),
    KnownError(
        'the United States "withdrew" from the Arms Trade Treaty',
        requires=(
            UNITED_STATES,
            r"(?i:\bwithdr[ae]w\w*|\bwithdrawal\b|\bpull(?:ed|s)? out\b|\bleft the\b|\bquit\b|\bexit(?:ed|s)?\b)",
            r"\bATT\b|(?i:arms trade treaty|\btreaty\b)",
        ),
        unless=NEGATION,
    ),
    KnownError(
        "the SCO as a military alliance or mutual-defence pact",
        requires=(
            r"\bSCO\b|Shanghai Cooperation Organi[sz]ation",
            r"(?i:military alliance|(?:mutual|collective)[- ]defen[cs]e|defen[cs]e (?:pact|alliance|treaty|guarantee|"
            r"commitment|bloc)|military bloc|(?:\bSCO\b|Organi[sz]ation)(?:'s)?\s+(?:is|was|remains|became|as)\s+"
            r"(?:\S+\s+){0,3}?(?:alliance|pact|bloc)\b)",
        ),
        unless=NEGATION + r"|(?i:\b(?:distinguish\w*|contrast\w*|compare\w*|versus)\b)",
    ),
    KnownError(
        "2 % of GDP as NATO's current target (it is 5 % by 2035 since June 2025)",
        requires=(
            TWO_PER_CENT,
            r"(?i:\b(?:target|goal|benchmark|guideline|threshold|yardstick|must|should|expected|required|asks?|"
            r"requires?|calls? for)\b)",
            r"(?i:\b(?:is|are|remains?|current(?:ly)?|now|today|as of)\b)",
        ),
        unless=FIVE_PER_CENT + r"|(?i:no longer|\b(?:old|older|former|previous|earlier|mid-2000s|2006|2014|Wales|"
        r"was|were|agreed|adopted|pledged|aimed|promised)\b)",
    ),
    KnownError(
        "SIPRI arms-transfer figures as money (they are volumes in TIV)",
        requires=(
            r"\bSIPRI\b|\bTIVs?\b|(?i:trend[- ]indicator)",
            r"[$€£]|\bUSD\b|(?i:\bdollars?\b|\beuros?\b|\b\d+(?:\.\d+)?\s?(?:billion|bn|million|trillion)\b|\bworth\b|"
            r"\bvalued at\b|\bspent\b|\bsales? (?:value|revenue)s?\b)",
        ),
        unless=r"(?i:\bnot\b|\bnever\b|\bcannot\b|\brather than\b|\binstead of\b|\bunlike\b|military expenditure)",
    ),
]

# Made-up sentences: each error must be found in the first list and not in the second.
EXAMPLES = {
    KNOWN_ERRORS[0].name: (
        ["NATO's 31 members agreed the plan.", "The alliance has thirty-one allies.", "A 31-member alliance."],
        ["NATO has had 32 members since March 2024; 31 is out of date.", "Finland became the 31st member."],
    ),
    KNOWN_ERRORS[1].name: (
        ["In 2019 the United States withdrew from the Arms Trade Treaty.", "The US pulled out of the ATT."],
        ["The United States did not withdraw from the ATT, because it was never a party.", "The US never ratified it."],
    ),
    KNOWN_ERRORS[2].name: (
        ["The SCO is a military alliance led by China and Russia.", "The SCO's mutual-defence pact binds ten states."],
        [
            "The SCO is not a mutual-defence alliance.",
            "Unlike NATO, the SCO has no defence guarantee.",
            "Distinguish a mutual-defence alliance from a forum such as the SCO.",
        ],
    ),
    KNOWN_ERRORS[3].name: (
        ["NATO's target is 2 % of GDP.", "Allies are expected to spend 2 per cent of GDP on defence."],
        [
            "As of March 2026 the target is 5 % of GDP by 2035.",
            "The 2 % guideline agreed in 2006 is no longer the aim.",
        ],
    ),
    KNOWN_ERRORS[4].name: (
        ["SIPRI says US arms exports were worth $100 billion.", "In TIV terms, France sold 12 billion dollars."],
        ["SIPRI's TIV measures capability, not money.", "SIPRI ranks the US first with 42 % of exports."],
    ),
}


# Errors found in the line-by-line fact-check of issue 19, each with made-up sentences: the
# wrong ones (the first is close to the sentence the course used to carry) and correct ones.
NOT_SO = r"(?i:\b(?:not|never|no|nor|didn't|did not|rather than|instead of)\b)"
CORRECTED_ERRORS = [
    (
        KnownError(
            "Lend-Lease lent money (it lent or leased war materials; loans to belligerents were barred)",
            requires=(
                r"Lend[- ]Lease",
                r"(?i:\b(?:lend(?![- ]lease)\w*|lent|loans?)\b[^.;:]{0,25}\b(?:money|cash|dollars|funds)\b"
                r"|\bmoney\b[^.;:]{0,20}\blen[dt])",
            ),
            unless=NOT_SO + r"|(?i:\bbarred\b|\binstead\b)",
        ),
        [
            "Lending them the money is the tempting wrong answer: that came later, with Lend-Lease.",
            "Under Lend-Lease the United States lent Britain money to buy arms.",
        ],
        [
            "Lend-Lease lent or leased war materials, not money.",
            "When dollars ran out, Lend-Lease supplied goods instead of loans of cash.",
        ],
    ),
    (
        KnownError(
            "the Budapest Memorandum handed Ukraine's nuclear weapons to Russia (the 1994 Trilateral Statement did)",
            requires=(
                r"Budapest",
                r"(?i:\bhand(?:ed|s|ing)?\b|\btransferr?\w*|\bgave up\b|\bgive up\b|\bsurrender\w*)",
                r"(?i:\bweapons\b|\barsenal\b|\bwarheads\b)",
            ),
            unless=NOT_SO + r"|(?i:Trilateral Statement)",
        ),
        [
            "Ukraine handed the nuclear weapons on its territory to Russia under the 1994 Budapest Memorandum.",
            "In the Budapest Memorandum Ukraine gave up its warheads to Russia.",
        ],
        [
            "The Budapest Memorandum did not hand over the weapons: it gave security assurances.",
            "The transfer was agreed in the Trilateral Statement; the Budapest Memorandum gave assurances.",
        ],
    ),
    (
        KnownError(
            "Armenia's purchases from India began in 2022 (the first, SWATHI radars, came in March 2020)",
            requires=(
                r"Armenia",
                r"\bIndia",
                r"\b2022\b",
                r"(?i:\b(?:since|began|begin|begins|start\w*|first|new suppliers)\b)",
            ),
            unless=r"\b2020\b|(?i:\blarger\b|\bmore\b)",
            with_where=True,
        ),
        [
            "Since 2022 Armenia has bought artillery and rocket launchers from India.",
            "content/x.md (timeline 2022): Indian contracts begin. Armenia starts buying from India.",
            "Armenia's new suppliers since 2022 are India and France.",
        ],
        [
            "Armenia's first Indian purchase came in 2020; larger contracts followed from 2022.",
            "content/x.md (timeline 2022): Armenia orders more from India, including Pinaka launchers.",
        ],
    ),
    (
        KnownError(
            'the S-400, not Russia, as "the most significant and direct threat" of NATO\'s Strategic Concept',
            requires=(r"(?i:most significant and direct threat)", r"(?i:\bS-400\b|\bsystem\b)"),
            unless=r"(?i:the country (?:that|which)|\bRussia (?:is|as|was)\b)",
        ),
        [
            "It bought the S-400, a system made by Russia, which NATO's 2022 Strategic Concept calls the most "
            "significant and direct threat to allied security.",
            "The S-400 is the most significant and direct threat to allied security.",
        ],
        [
            "It bought the S-400 from Russia, the country that NATO's Strategic Concept calls the most "
            "significant and direct threat.",
            "NATO's 2022 Strategic Concept names Russia as the most significant and direct threat.",
        ],
    ),
    (
        KnownError(
            "CAATSA presented as clearly before the S-400 deal (the two came within weeks in 2017)",
            requires=(
                r"CAATSA|(?i:the law)",
                r"(?i:\bshortly before\b|\bbefore the S-400 deal\b|\bcame first\b|\bpreceded\b|\bpredates?\b)",
            ),
            unless=r"(?i:\bneither\b|not clearly|\beither\b)",
        ),
        [
            "CAATSA was signed in August 2017, shortly before the S-400 deal was announced in September 2017.",
            "Many assume the law answered the Turkish deal, but it came first.",
        ],
        [
            "CAATSA became law between Erdogan's statement and the contract, so neither is clearly first.",
            "CAATSA became law on 2 August 2017.",
        ],
    ),
    (
        KnownError(
            "the UK Court of Appeal quashed the Saudi licences (it found the process unlawful and had it retaken)",
            requires=(r"(?i:\bquash\w*)",),
            unless=NOT_SO,
        ),
        [
            "The court quashed the decisions and sent them back to be taken again lawfully.",
            "The Court of Appeal quashed the licences for Saudi Arabia.",
        ],
        [
            "The court did not quash the licences; it ordered the decisions to be retaken.",
            "It never quashed any licence.",
        ],
    ),
    (
        KnownError(
            "exchanging messages given as an example of compatibility (in NATO's AAP-06 that is interoperability)",
            requires=(
                r"(?i:^\s*compatibility\b)",
                r"(?i:exchange (?:messages|information|data)|\bcommunicat\w+|talk to each other|share information)",
            ),
            unless=r"(?!)",
        ),
        [
            "Compatibility | Systems can work together | Different national radios that can still exchange messages",
            "Compatibility means allied units can communicate with each other.",
        ],
        [
            "Compatibility | Systems can be used together without interfering | Radars that do not jam each other",
            "Interoperability means allied units can exchange messages.",
        ],
    ),
    (
        KnownError(
            "NATO as the oldest alliance still in force (the Rio Treaty of 1947 is older)",
            requires=(r"\bNATO\b|North Atlantic", r"(?i:\boldest\b)"),
            unless=r"(?i:integrated (?:military )?command|not the oldest|Rio Treaty)",
        ),
        [
            "NATO is the oldest of today's major military alliances and by far the most developed.",
            "The North Atlantic alliance is the oldest alliance in the world.",
        ],
        [
            "NATO is the oldest major alliance with an integrated military command.",
            "NATO is not the oldest alliance still in force: the Rio Treaty is older.",
        ],
    ),
    (
        KnownError(
            "the Quad formalised in 2007 (it first met as an informal dialogue and lapsed in 2008)",
            requires=(r"(?i:formali[sz]ed (?:\w+ ){0,3}in (?:May )?2007|2007[^.]{0,30}formali[sz]ed)",),
            unless=NOT_SO,
        ),
        [
            "It began as a joint response to the tsunami of 2004, was formalised in 2007, faded, and was revived.",
            "The Quad was formally formalised in May 2007.",
        ],
        [
            "The four first met as an informal dialogue in May 2007.",
            "The Quad was not formalised in 2007; it lapsed in 2008.",
        ],
    ),
    (
        KnownError(
            "the CSTO's Central Asian members as bordering Afghanistan (only Tajikistan does)",
            requires=(r"Central Asian", r"Afghanistan", r"(?i:\bborder)"),
            unless=r"Tajikistan|(?i:\bonly\b)",
        ),
        [
            "The Central Asian members, with long borders near Afghanistan and weak armed forces, value the CSTO.",
            "The CSTO's Central Asian members all border Afghanistan.",
        ],
        [
            "The Central Asian members, with weak forces and, in Tajikistan's case, a border with Afghanistan.",
            "Of the Central Asian members only one borders Afghanistan.",
        ],
    ),
    (
        KnownError(
            "the CSTO's rapid reaction forces as the force sent to Kazakhstan in 2022 (it was the peacekeeping force)",
            requires=(r"(?i:rapid reaction|force of this kind)", r"Kazakhstan"),
            unless=r"(?i:peacekeeping|\bnot\b|distinct)",
            with_where=True,
        ),
        [
            "content/glossary.yaml: Collective Rapid Reaction Forces: A CSTO force of this kind was deployed for the "
            "first time in Kazakhstan in January 2022.",
            "The Collective Rapid Reaction Forces were sent to Kazakhstan in January 2022.",
        ],
        [
            "The force sent to Kazakhstan came from the Collective Peacekeeping Forces, not the rapid reaction forces.",
            "content/glossary.yaml: Collective Rapid Reaction Forces: They are distinct from the force sent to "
            "Kazakhstan.",
        ],
    ),
    (
        KnownError(
            "Poland ordered 288 Chunmoo launchers (288 was a framework; about 218 and then 72 were ordered)",
            requires=(r"\b288\b", r"Chunmoo|(?i:rocket launchers)"),
            unless=r"(?i:framework)",
            with_where=True,
        ),
        [
            "Poland also ordered 288 Chunmoo rocket launchers.",
            "content/x.md (table row): South Korea | Chunmoo rocket launchers | 288",
        ],
        [
            "Poland signed a framework for 288 Chunmoo launchers and ordered about 218 that November.",
            "content/x.md (table row): South Korea | Chunmoo rocket launchers | Framework for 288",
        ],
    ),
    (
        KnownError(
            "the CCW's 11 guiding principles dated December 2019 (endorsed at the meeting of 13-15 November 2019)",
            requires=(r"(?i:guiding principles)", r"(?i:December 2019|2019-12)"),
            unless=NOT_SO,
            with_where=True,
        ),
        [
            "In December 2019 the CCW parties adopted 11 guiding principles.",
            "content/x.md (timeline 2019-12): Eleven guiding principles.",
        ],
        [
            "At their meeting of 13-15 November 2019 the CCW parties endorsed 11 guiding principles.",
            "content/x.md (timeline 2019-11): Eleven guiding principles.",
        ],
    ),
]
KNOWN_ERRORS += [error for error, _wrong, _right in CORRECTED_ERRORS]
EXAMPLES.update({error.name: (wrong, right) for error, wrong, right in CORRECTED_ERRORS})


@pytest.mark.parametrize("error", KNOWN_ERRORS, ids=lambda error: error.name)
def test_known_error_pattern_tells_errors_from_correct_statements(error):
    wrong, right = EXAMPLES[error.name]
    assert [sentence for sentence in wrong if not error.in_sentence(sentence)] == []
    assert [sentence for sentence in right if error.in_sentence(sentence)] == []


@pytest.mark.parametrize("error", KNOWN_ERRORS, ids=lambda error: error.name)
def test_course_text_avoids_known_error(error):
    hits = [f"{where}: {sentence}" for where, sentence in claim_sentences() if error.in_claim(where, sentence)]
    assert not hits, f"{error.name}:\n" + "\n".join(hits)


CSTO_PARTNERS = ("Armenia", "Belarus", "Kazakhstan", "Kyrgyzstan", "Tajikistan")


def test_lists_of_csto_members_include_russia():
    hits = [
        f"{where}: {sentence}"
        for where, sentence in claim_sentences()
        if re.search(r"\bCSTO\b|Collective Security Treaty", sentence)
        and sum(country in sentence for country in CSTO_PARTNERS) >= 3
        and "Russia" not in sentence
    ]
    assert not hits, "a list of CSTO members without Russia, its leading member:\n" + "\n".join(hits)


# Key facts -----------------------------------------------------------------------------------

NATO_SIZE = re.compile(
    r"(?i:\b(?:has|have|had|has had|with|to|now)\s+(\d+|[a-z]+(?:-[a-z]+)?)\s+(?:members|allies|member states)\b"
    r"(?=[^.;]*\b(?:as of|since|today|now)\b)|\b(?:has|have|has had)\s+(\d+|[a-z]+(?:-[a-z]+)?)\s+"
    r"(?:members|allies|member states)\b|\((\d+) members as of)"
)


def test_nato_size_is_32_wherever_given():
    sizes = []
    for where, sentence in claim_sentences():
        if "NATO" in sentence or "North Atlantic" in sentence:
            for match in NATO_SIZE.finditer(sentence):
                sizes.append((where, next(group for group in match.groups() if group), sentence))
    wrong = [f"{where}: {sentence}" for where, size, sentence in sizes if size not in ("32", "thirty-two")]
    assert not wrong, "NATO's current size must be 32:\n" + "\n".join(wrong)
    assert len(sizes) >= 3, f"expected NATO's size to be stated in several places, found {sizes}"


SWEDEN_JOINED = re.compile(
    r"Sweden(?:\s+(?:joined(?: NATO)?|became (?:a member|the 32nd member|NATO's 32nd member)|the 32nd(?: member)?))?"
    r"\s+(?:on|in)\s+((?:\d{1,2}\s+)?(?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December)?\s*\d{4})"
)


def test_sweden_joined_nato_on_7_march_2024():
    dates = [(where, match.group(1).strip()) for where, s in claim_sentences() for match in SWEDEN_JOINED.finditer(s)]
    wrong = [f"{where}: {date}" for where, date in dates if date not in ("7 March 2024", "March 2024", "2024")]
    assert not wrong, f"Sweden joined NATO on 7 March 2024: {wrong}"
    assert sum(date == "7 March 2024" for _where, date in dates) >= 2, dates


ATT_PARTY_COUNT = re.compile(r"(?i:\b(\d+)\s+(?:states?\s+)?parties\b)")


def test_att_party_count_is_116_as_of_august_2025():
    counts = []
    for where, sentence in claim_sentences():
        for match in ATT_PARTY_COUNT.finditer(sentence):
            counts.append((where, match.group(1), sentence))
    wrong = [
        f"{where}: {sentence}"
        for where, count, sentence in counts
        if count != "116" or not re.search(r"\b(?:August|Aug\.?) 2025\b", sentence)
    ]
    assert not wrong, 'the ATT had 116 states parties "as of August 2025" (give the date):\n' + "\n".join(wrong)
    assert counts, "the ATT's number of states parties is given somewhere"


def test_no_ordering_question_sequences_caatsa_and_the_s400_deal():
    """CAATSA became law on 2 August 2017, between Erdogan's statement (25 July) that an S-400 deal
    was signed and the contract's confirmation (12 September): neither is clearly first."""
    from tests.content.course_text import quizzes

    bad = []
    for quiz, _page, _module in quizzes():
        for number, question in enumerate(quiz.questions, start=1):
            items = [text for text, _correct, _match in question.choices] if question.type == "ordering" else []
            if any("CAATSA" in item for item in items) and any(re.search(r"S-400 deal", item) for item in items):
                bad.append(f"{quiz.source}: question {number}")
    assert not bad, "an ordering question puts CAATSA and the S-400 deal in sequence: " + ", ".join(bad)
