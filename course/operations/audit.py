"""Known vulnerabilities in the pinned requirements: `make audit-deps`, i.e.
`python -m course.operations.audit requirements.lock` (every package, transitive ones too).

Runs pip-audit (PyPI's vulnerability data) and decides:

- any known vulnerability: exit 1, listing each with the versions that fix it;
- every package checked, none vulnerable: exit 0;
- some packages could not be checked (pip-audit could not reach PyPI's per-release
  data, or a package is not on PyPI): a loud NOT CHECKED report, then exit 0, or
  exit 2 when PIP_AUDIT_REQUIRED=1. A network outage must not fail every build,
  but must never look like a clean audit either (docs/deployment.md).
"""

import json
import os
import subprocess
import sys

VULNERABLE, CLEAN, UNCHECKED_FAIL = 1, 0, 2


def locked_with_hashes(requirements):
    with open(requirements, encoding="utf-8") as lines:
        return any("--hash=" in line for line in lines)


def run_pip_audit(requirements):
    """(report dict or None, error text) from `pip-audit -r requirements --format json`."""
    command = [sys.executable, "-m", "pip_audit", "-r", requirements, "--format", "json", "--progress-spinner", "off"]
    # PyPI's data by default; PIP_AUDIT_SERVICE=osv asks osv.dev instead, where that is the one reachable.
    command += ["--vulnerability-service", os.environ.get("PIP_AUDIT_SERVICE", "pypi")]
    if locked_with_hashes(requirements):
        # Every package is already pinned: audit the pins as they are, without pip resolving them.
        command += ["--require-hashes", "--disable-pip"]
    result = subprocess.run(  # noqa: S603 - a fixed module of this interpreter
        command,
        capture_output=True,
        text=True,
        check=False,
        timeout=900,
    )
    try:
        return json.loads(result.stdout), ""
    except json.JSONDecodeError:
        return None, (result.stderr or result.stdout).strip()[-2000:]


def verdict(report, error="", required=False):
    """(exit code, lines to print) for a pip-audit JSON report (None when pip-audit itself failed)."""
    if report is None:
        lines = ["NOT CHECKED: pip-audit could not audit the requirements.", error]
        return (UNCHECKED_FAIL if required else CLEAN), lines
    dependencies = report.get("dependencies", [])
    vulnerable = [dep for dep in dependencies if dep.get("vulns")]
    skipped = [dep for dep in dependencies if dep.get("skip_reason")]
    if vulnerable:
        lines = [f"{len(vulnerable)} pinned package(s) with known vulnerabilities:"]
        for dep in vulnerable:
            for vuln in dep["vulns"]:
                fixes = ", ".join(vuln.get("fix_versions", [])) or "no fixed release yet"
                lines.append(f"  {dep['name']} {dep.get('version', '?')}: {vuln.get('id')} (fixed in: {fixes})")
        return VULNERABLE, lines
    if skipped:
        lines = [
            f"NOT CHECKED: {len(skipped)} of {len(dependencies)} packages could not be looked up in PyPI's "
            "vulnerability data (no answer from https://pypi.org/pypi/<name>/<version>/json):",
            *(f"  {dep['name']}: {dep['skip_reason']}" for dep in skipped[:10]),
        ]
        if len(skipped) > 10:
            lines.append(f"  ... and {len(skipped) - 10} more")
        if not required:
            lines.append("Not failing the build for an unreachable service; set PIP_AUDIT_REQUIRED=1 to fail.")
        return (UNCHECKED_FAIL if required else CLEAN), lines
    return CLEAN, [f"No known vulnerabilities in {len(dependencies)} packages."]


def main(argv):
    requirements = argv[1] if len(argv) > 1 else "requirements.lock"
    report, error = run_pip_audit(requirements)
    code, lines = verdict(report, error, required=os.environ.get("PIP_AUDIT_REQUIRED") == "1")
    print("\n".join(line for line in lines if line), file=sys.stderr if code else sys.stdout)
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv))
