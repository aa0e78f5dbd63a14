"""`make audit-deps` fails on known vulnerabilities in requirements.lock (every pinned
package, transitive ones too); when PyPI's vulnerability data cannot be reached it says
NOT CHECKED and fails (PIP_AUDIT_REQUIRED=1, the target's default). It is not part of
`make lint`/`make test`, which must not spend time on data they cannot reach. The lock
pins every package with hashes and agrees with requirements.txt and requirements-dev.txt."""

import re

from django.conf import settings

import pytest

from course.operations.audit import CLEAN, UNCHECKED_FAIL, VULNERABLE, verdict

VULNERABLE_REPORT = {
    "dependencies": [
        {"name": "django", "version": "3.2.0", "vulns": [{"id": "PYSEC-2021-98", "fix_versions": ["3.2.2"]}]},
        {"name": "pyyaml", "version": "6.0.3", "vulns": []},
    ]
}
CLEAN_REPORT = {"dependencies": [{"name": "django", "version": "5.2.19", "vulns": []}]}
UNREACHABLE_REPORT = {
    "dependencies": [
        {"name": "django", "skip_reason": "Dependency not found on PyPI and could not be audited: django (5.2.19)"}
    ]
}


def recipe(target):
    makefile = (settings.BASE_DIR / "Makefile").read_text(encoding="utf-8")
    match = re.search(rf"^{re.escape(target)}:.*\n((?:\t.*\n)+)", makefile, re.MULTILINE)
    assert match, f"no {target} target"
    return match.group(1)


def pins(path):
    """{normalised name: version} of the `name==version` lines of a requirements file."""
    found = {}
    for line in (settings.BASE_DIR / path).read_text(encoding="utf-8").splitlines():
        match = re.match(r"^([A-Za-z0-9_.\-]+)(?:\[[^\]]*\])?==([^\s;\\]+)", line)
        if match:
            found[re.sub(r"[-_.]+", "-", match.group(1)).lower()] = match.group(2)
    return found


def test_a_known_vulnerability_fails_and_names_the_fix():
    code, lines = verdict(VULNERABLE_REPORT)

    assert code == VULNERABLE
    assert "django 3.2.0: PYSEC-2021-98 (fixed in: 3.2.2)" in "\n".join(lines)


def test_a_known_vulnerability_fails_even_when_other_packages_were_not_checked():
    report = {"dependencies": VULNERABLE_REPORT["dependencies"] + UNREACHABLE_REPORT["dependencies"]}

    assert verdict(report)[0] == VULNERABLE


def test_a_clean_audit_passes():
    assert verdict(CLEAN_REPORT) == (CLEAN, ["No known vulnerabilities in 1 packages."])


def test_unreachable_vulnerability_data_is_reported_as_not_checked():
    code, lines = verdict(UNREACHABLE_REPORT)

    assert code == CLEAN
    assert lines[0].startswith("NOT CHECKED: 1 of 1 packages")


def test_unreachable_vulnerability_data_fails_when_an_audit_is_required():
    assert verdict(UNREACHABLE_REPORT, required=True)[0] == UNCHECKED_FAIL


def test_pip_audit_failing_outright_is_not_checked_not_clean():
    code, lines = verdict(None, "ConnectionError: could not reach PyPI", required=True)

    assert code == UNCHECKED_FAIL
    assert "could not reach PyPI" in "\n".join(lines)


def test_make_lint_runs_ruff_check_and_format_check_but_not_the_audit():
    lint = recipe("lint")

    assert "ruff check ." in lint
    assert "ruff format --check ." in lint
    assert "course.operations.audit" not in lint


def test_make_audit_deps_audits_the_lock_and_fails_when_it_cannot():
    audit = recipe("audit-deps")

    assert "-m course.operations.audit requirements.lock" in audit
    assert "PIP_AUDIT_REQUIRED=$${PIP_AUDIT_REQUIRED:-1}" in audit


def test_make_test_depends_on_lint_not_on_the_audit():
    makefile = (settings.BASE_DIR / "Makefile").read_text(encoding="utf-8")

    assert re.search(r"^test: .*\blint\b", makefile, re.MULTILINE)
    assert not re.search(r"^(test|lint):.*audit", makefile, re.MULTILINE)


def test_install_uses_the_hashed_lock():
    makefile = (settings.BASE_DIR / "Makefile").read_text(encoding="utf-8")

    assert "pip install --quiet --require-hashes -r requirements-dev.lock" in makefile


@pytest.mark.parametrize(
    ("lock", "sources"),
    [
        ("requirements.lock", ["requirements.txt"]),
        ("requirements-dev.lock", ["requirements.txt", "requirements-dev.txt"]),
    ],
)
def test_the_locks_pin_every_requirement_at_its_version_with_hashes(lock, sources):
    locked = pins(lock)
    for source in sources:
        for name, version in pins(source).items():
            assert locked.get(name) == version, (
                f"{name}=={version} in {source}, {locked.get(name)} in {lock}: make lock"
            )
    text = (settings.BASE_DIR / lock).read_text(encoding="utf-8")
    entries = re.findall(
        r"^[A-Za-z0-9_.\-]+==\S+ \\\n((?:\s+--hash=sha256:[0-9a-f]{64}(?: \\)?\n)+)", text, re.MULTILINE
    )
    assert len(entries) == len(locked), "every pinned package carries its hashes"
    assert len(locked) > len(pins("requirements.txt"))  # transitive packages too


def test_the_runtime_lock_holds_no_development_tools():
    assert not {"pytest", "ruff", "pip-audit", "pip-tools"} & set(pins("requirements.lock"))
