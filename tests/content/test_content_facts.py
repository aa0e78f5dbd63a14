"""The course text avoids the known errors listed in the project's checked facts and
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

    def in_sentence(self, sentence):
        if not all(re.search(pattern, sentence) for pattern in self.requires):
            return False
        return not re.search(self.unless, sentence)


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


@pytest.mark.parametrize("error", KNOWN_ERRORS, ids=lambda error: error.name)
def test_known_error_pattern_tells_errors_from_correct_statements(error):
    wrong, right = EXAMPLES[error.name]
    assert [sentence for sentence in wrong if not error.in_sentence(sentence)] == []
    assert [sentence for sentence in right if error.in_sentence(sentence)] == []


@pytest.mark.parametrize("error", KNOWN_ERRORS, ids=lambda error: error.name)
def test_course_text_avoids_known_error(error):
    hits = [f"{where}: {sentence}" for where, sentence in claim_sentences() if error.in_sentence(sentence)]
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
