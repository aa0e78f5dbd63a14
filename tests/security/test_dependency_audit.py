"""`make lint` fails on ruff findings, unformatted files and known vulnerabilities in
requirements.txt; when PyPI's vulnerability data cannot be reached it says NOT
CHECKED, and fails only when PIP_AUDIT_REQUIRED=1 (docs/deployment.md)."""

import re

from django.conf import settings

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


def lint_recipe():
    makefile = (settings.BASE_DIR / "Makefile").read_text(encoding="utf-8")
    match = re.search(r"^lint:.*\n((?:\t.*\n)+)", makefile, re.MULTILINE)
    assert match, "no lint target"
    return match.group(1)


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


def test_make_lint_runs_ruff_check_format_check_and_the_audit():
    recipe = lint_recipe()

    assert "ruff check ." in recipe
    assert "ruff format --check ." in recipe
    assert "-m course.operations.audit requirements.txt" in recipe


def test_make_test_depends_on_lint():
    makefile = (settings.BASE_DIR / "Makefile").read_text(encoding="utf-8")

    assert re.search(r"^test: .*\blint\b", makefile, re.MULTILINE)
