"""Random YAML and Markdown mutations of a small valid content tree: parse_content
never raises, and every problem it reports names a file, a line and what is wrong.
A mutated tree that load_course refuses changes nothing in the database."""

import tempfile
from io import StringIO
from pathlib import Path

from django.core.management import CommandError, call_command

import pytest
from hypothesis import event, given
from hypothesis import strategies as st

from course.importer.parsing import ContentError, parse_content
from tests.importer.conftest import TREE, site_counts

from .conftest import FUZZ, FUZZ_PROFILE

NAMES = sorted(TREE)
TOKENS = [
    "- ", ": ", "{", "}", "[", "]", "&a ", "*a", "*undefined", "!!python/object/apply:os.system ['true']",
    "!!binary x", "---", "...", "```", "```timeline", "```chart", "```table", "```callout", "```case", "\t",
    "~", "null", "'", '"', "%YAML 1.1", "? ", "|", ">", "<<: *a", "1e999", "2026-02-30", "title:",
    "questions: 5", "type: nonsense", "answer: maybe", "correct: yes", "points: -1", "section: nowhere#x",
    "key_terms: [Unknown term]", "choices: []", "kind: shout", "date: 1949-04-04", "values: [1, two]",
    "a: &x [1, 2]\nb: [*x, *x, *x]", "\u202e", "\ufeff", "#", "## ", "x" * 300,
]  # fmt: skip
RAW = [b"\xff\xfe", b"\xef\xbb\xbf", b"\x00", b"\xc3\x28", b"\r", b"\r\n"]
TEXT = st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=30)
PAYLOAD = st.one_of(st.sampled_from(TOKENS), TEXT)
MUTATION = st.one_of(
    st.tuples(st.just("delete_file"), st.integers(0, 99)),
    st.tuples(st.just("delete_line"), st.integers(0, 99), st.integers(0, 99)),
    st.tuples(st.just("duplicate_line"), st.integers(0, 99), st.integers(0, 99)),
    st.tuples(st.just("swap_lines"), st.integers(0, 99), st.integers(0, 99), st.integers(0, 99)),
    st.tuples(st.just("insert_line"), st.integers(0, 99), st.integers(0, 99), PAYLOAD),
    st.tuples(st.just("replace"), st.integers(0, 99), st.integers(0, 2000), st.integers(0, 20), PAYLOAD),
    st.tuples(st.just("truncate"), st.integers(0, 99), st.integers(0, 2000)),
    st.tuples(st.just("raw_bytes"), st.integers(0, 99), st.integers(0, 2000), st.sampled_from(RAW)),
    st.tuples(st.just("indent"), st.integers(0, 99), st.integers(0, 99), st.sampled_from(["\t", " ", "    "])),
    st.tuples(st.just("rename"), st.integers(0, 99), st.sampled_from(["1-first", "01-First", "01_first", "x"])),
)
MUTATIONS = st.lists(MUTATION, min_size=1, max_size=3)


def mutate(files, mutation):
    """Apply one mutation to {name: bytes}; indexes wrap around, so any draw applies somewhere."""
    how, which, *args = mutation
    name = NAMES[which % len(NAMES)]
    if name not in files:
        return
    data = files[name]
    lines = data.split(b"\n")
    if how == "delete_file":
        del files[name]
    elif how == "delete_line":
        del lines[args[0] % len(lines)]
    elif how == "duplicate_line":
        index = args[0] % len(lines)
        lines.insert(index, lines[index])
    elif how == "swap_lines":
        i, j = args[0] % len(lines), args[1] % len(lines)
        lines[i], lines[j] = lines[j], lines[i]
    elif how == "insert_line":
        lines.insert(args[0] % (len(lines) + 1), args[1].encode("utf-8"))
    elif how == "replace":
        start = args[0] % (len(data) + 1)
        data = data[:start] + args[2].encode("utf-8") + data[start + args[1] :]
    elif how == "truncate":
        data = data[: args[0] % (len(data) + 1)]
    elif how == "raw_bytes":
        start = args[0] % (len(data) + 1)
        data = data[:start] + args[1] + data[start:]
    elif how == "indent":
        index = args[0] % len(lines)
        lines[index] = args[1].encode() + lines[index]
    elif how == "rename":
        folder, _, file = name.rpartition("/")
        suffix = file.split(".", 1)[1] if "." in file else ""
        files[f"{folder}/{args[0]}.{suffix}" if folder else f"{args[0]}.{suffix}"] = files.pop(name)
        return
    if how in ("delete_line", "duplicate_line", "swap_lines", "insert_line", "indent"):
        data = b"\n".join(lines)
    files[name] = data


def write_tree(root, mutations):
    files = {name: text.encode("utf-8") for name, text in TREE.items()}
    for mutation in mutations:
        mutate(files, mutation)
    for name, data in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return files


def assert_clear(errors):
    assert isinstance(errors, list)
    for error in errors:
        assert isinstance(error, ContentError)
        assert error.path and not Path(error.path).is_absolute(), error
        assert isinstance(error.line, int) and error.line >= 1, error
        assert error.message.strip() and "Traceback" not in error.message, error
        assert str(error).startswith(f"{error.path}:{error.line}: ")


@FUZZ
@given(mutations=MUTATIONS)
def test_any_mutated_tree_parses_to_data_or_clear_errors(mutations):
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "content"
        write_tree(root, mutations)

        course, errors = parse_content(root)

    event("errors" if errors else "valid")
    assert_clear(errors)
    if not errors:
        assert course.title and course.modules


# Writing is slower than parsing: a twelfth as many examples (25 in CI, 10 locally).
WRITE_FUZZ = FUZZ.__class__(FUZZ, max_examples=max(10, FUZZ.max_examples // 12))


@pytest.mark.django_db
@WRITE_FUZZ
@given(mutations=MUTATIONS)
def test_load_course_on_a_mutated_tree_writes_all_or_nothing(mutations):
    before = site_counts()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "content"
        write_tree(root, mutations)
        _course, errors = parse_content(root)
        out, err = StringIO(), StringIO()
        try:
            call_command("load_course", content=str(root), stdout=out, stderr=err)
        except CommandError as error:
            event("refused")
            assert errors, "load_course refused a tree parse_content accepted"
            assert "nothing was written" in str(error)
            assert err.getvalue().strip()
            assert site_counts() == before
            return
    event("loaded")
    assert not errors
    assert "Loaded" in out.getvalue()


def test_the_profile_in_use_is_named():
    assert FUZZ_PROFILE in ("ci", "dev")
