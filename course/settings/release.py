"""Which release of the code is running: part of every cache key, so a deploy never serves
HTML cached by the previous release (old markup with new CSS, or the reverse)."""

import hashlib
import os
import shutil
import subprocess
from pathlib import Path

# What shapes cached output: the code, its templates and static files.
RELEASE_SOURCES = ("course", "templates")


def _git_commit(base_dir):
    git = shutil.which("git")
    if git is None:
        return ""
    try:
        result = subprocess.run(  # noqa: S603 - fixed arguments, no input
            [git, "rev-parse", "--short=12", "HEAD"], cwd=base_dir, capture_output=True, text=True, timeout=5
        )
    except (OSError, subprocess.SubprocessError):
        return ""
    return result.stdout.strip() if result.returncode == 0 else ""


def _source_digest(base_dir):
    """Without git (an unpacked release), a digest of the files themselves."""
    digest = hashlib.blake2s(digest_size=6)
    for folder in RELEASE_SOURCES:
        for path in sorted(Path(base_dir, folder).rglob("*")):
            if path.is_file() and path.suffix in {".py", ".html", ".css", ".js", ".txt"}:
                digest.update(str(path.relative_to(base_dir)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()


def current_release(base_dir):
    """RELEASE from the environment (set by the deploy), else the git commit, else a digest."""
    return os.environ.get("RELEASE") or _git_commit(base_dir) or _source_digest(base_dir)
