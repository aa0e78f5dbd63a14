"""What every content reader shares: errors with file and line, YAML loading, field readers,
and the names a content file or folder may take."""

import datetime
import re
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.urls import URLPattern, URLResolver, get_resolver

import yaml

from .setup import SITE_PAGE_SLUGS
from .yaml_lines import LineDict, load_yaml

NAME_PATTERN = re.compile(r"^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)$")


def url_prefixes(patterns, prefix=""):
    """The first path segment of every URL the site routes itself (not through Wagtail)."""
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver) and route == "":
            yield from url_prefixes(pattern.url_patterns, route)
        elif isinstance(pattern, (URLPattern, URLResolver)) and route and not route.startswith("<"):
            yield route.strip("^").split("/")[0]


def reserved_module_slugs():
    """Module slugs taken by the site's own URLs and pages (a module there would crash the
    import or be unreachable): read from the URLconf, the static and media URLs, and the
    pages the importer makes beside the modules."""
    served = {url.strip("/").split("/")[0] for url in (settings.STATIC_URL, settings.MEDIA_URL)}
    return set(url_prefixes(get_resolver().url_patterns)) | served | set(SITE_PAGE_SLUGS)


INVALID = object()  # what load() returns for a file whose YAML does not parse (already reported)


@dataclass(frozen=True)
class ContentError:
    path: str
    line: int
    message: str

    def __str__(self):
        return f"{self.path}:{self.line}: {self.message}"


class Reader:
    """Collects errors while reading one content folder."""

    def __init__(self, root):
        self.root = Path(root)
        self.errors = []

    def rel(self, path):
        try:
            return str(Path(path).relative_to(self.root.parent))
        except ValueError:
            return str(path)

    def error(self, path, line, message):
        self.errors.append(ContentError(self.rel(path), line, message))

    def read_text(self, path):
        try:
            return Path(path).read_text(encoding="utf-8")
        except UnicodeDecodeError:
            self.error(path, 1, "the file is not UTF-8 text")
        except OSError as error:
            self.error(path, 1, f"cannot read the file ({error.strerror})")
        return None

    def load(self, path, text=None, line_offset=0):
        text = self.read_text(path) if text is None else text
        if text is None:
            return INVALID
        try:
            return load_yaml(text, line_offset)
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            line = (mark.line + 1 + line_offset) if mark else 1 + line_offset
            problem = getattr(error, "problem", None) or str(error).splitlines()[0]
            # Where the broken construct began, when that is another line (e.g. an unclosed bracket).
            context, context_mark = getattr(error, "context", None), getattr(error, "context_mark", None)
            if context and context_mark and context_mark.line + 1 + line_offset != line:
                problem += f" ({context} that starts at line {context_mark.line + 1 + line_offset})"
            self.error(path, line, f"invalid YAML: {problem}")
            return INVALID

    # Field readers: each reports a missing or mistyped field at its line.
    def mapping(self, path, value, what, line=1):
        if value is INVALID:
            return None
        if not isinstance(value, dict):
            self.error(path, getattr(value, "line", line), f"{what} must be a mapping of fields")
            return None
        return value

    def text(self, path, mapping, key, required=True, max_length=None):
        value = mapping.get(key)
        line = mapping.line_of(key) if isinstance(mapping, LineDict) else 1
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.error(path, getattr(mapping, "line", 1) if key not in mapping else line, f"missing {key}")
            return ""
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            self.error(path, line, f"{key} must be text")
            return ""
        if max_length and len(value) > max_length:
            self.error(path, line, f"{key} is longer than {max_length} characters")
        return value.strip()

    def text_list(self, path, mapping, key, required=True, minimum=1):
        value = mapping.get(key)
        line = mapping.line_of(key) if isinstance(mapping, LineDict) else 1
        if value is None:
            if required:
                self.error(path, getattr(mapping, "line", 1), f"missing {key}")
            return []
        if not isinstance(value, list) or not all(isinstance(item, (str, int, float)) for item in value):
            self.error(path, line, f"{key} must be a list of text items")
            return []
        if required and len(value) < minimum:
            self.error(path, line, f"{key} needs at least {minimum} item(s)")
        return [str(item).strip() for item in value]

    def date(self, path, mapping, key):
        value = mapping.get(key)
        if value is None:
            return None
        if isinstance(value, datetime.date):
            return value
        try:
            return datetime.date.fromisoformat(str(value))
        except ValueError:
            self.error(path, mapping.line_of(key), f"{key} must be a date (YYYY-MM-DD)")
            return None

    def integer(self, path, mapping, key, default, minimum, maximum, required=False):
        value = mapping.get(key, default)
        if value is None:
            if required:
                self.error(path, mapping.line, f"missing {key}")
            return None
        if isinstance(value, bool) or not isinstance(value, int) or not minimum <= value <= maximum:
            self.error(path, mapping.line_of(key), f"{key} must be a whole number from {minimum} to {maximum}")
            return default
        return value
