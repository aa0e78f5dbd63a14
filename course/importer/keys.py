"""Stable keys for quiz questions and choices, written into the content files once.

Re-import matches questions and choices by `key:` (writing.py), so a learner's
answers keep pointing at the same rows whatever is edited around them. Authors
never invent keys: `load_course` adds the missing ones here before it reads the
files. Only keys are added: existing keys are never changed, every other byte
of the file stays as it was (a `- text` list item becomes `- {key: ..., text:
"text"}`), and the result is checked to parse to the same content plus keys
before it is written. Running it again changes nothing, so it is safe to re-run
on files edited since.

A new key is derived from the text it names (a short hash), made unique within
its quiz (questions) or question (choices).
"""

import hashlib
import json
from pathlib import Path

import yaml

CHOICE_LISTS = ("choices", "items", "pairs")
QUIZ_GLOBS = ("*/*.quiz.yaml", "*/module-quiz.yaml")


class KeyWriteError(Exception):
    pass


def _pairs(node):
    return {key.value: value for key, value in node.value if isinstance(key, yaml.ScalarNode)}


def _new_key(prefix, text, taken):
    base = f"{prefix}-{hashlib.blake2s(text.encode(), digest_size=3).hexdigest()}"
    key, number = base, 2
    while key in taken:
        key, number = f"{base}-{number}", number + 1
    taken.add(key)
    return key


def _node_text(node):
    if isinstance(node, yaml.ScalarNode):
        return node.value
    return json.dumps(yaml.safe_load(yaml.serialize(node)), sort_keys=True, default=str)


def _line_start(text, index):
    return text.rfind("\n", 0, index) + 1


def _mapping_insertion(text, node, key):
    """(index, text to insert) giving a mapping `key: <key>` as its own entry."""
    if node.flow_style:
        # `{text: ...}` -> `{key: k, text: ...}`
        return node.start_mark.index + 1, f"key: {key}, "
    first_key, first_value = node.value[0]
    column = first_key.start_mark.column
    if first_value.end_mark.line == first_key.start_mark.line or (
        first_value.end_mark.column == 0 and first_value.end_mark.line > first_key.start_mark.line
    ):
        # A new line after the first entry (one line, or a block scalar ending at a line start).
        end = first_value.end_mark.index
        if first_value.end_mark.column != 0:
            newline = text.find("\n", end)
            end = len(text) if newline == -1 else newline + 1
        return end, f"{' ' * column}key: {key}\n"
    return first_key.start_mark.index, f"key: {key}\n{' ' * column}"


def _insertions(text, root):
    """Every (index, insert, replace_until) that adds a missing key to this quiz file."""
    edits = []
    if not isinstance(root, yaml.MappingNode):
        return edits
    questions = _pairs(root).get("questions")
    if not isinstance(questions, yaml.SequenceNode):
        return edits
    question_nodes = [node for node in questions.value if isinstance(node, yaml.MappingNode) and node.value]
    taken_questions = {
        _pairs(node)["key"].value for node in question_nodes if isinstance(_pairs(node).get("key"), yaml.ScalarNode)
    }
    for node in question_nodes:
        fields = _pairs(node)
        if "key" not in fields:
            prompt = fields.get("prompt")
            key = _new_key(
                "q", _node_text(prompt) if prompt is not None else str(node.start_mark.line), taken_questions
            )
            index, insert = _mapping_insertion(text, node, key)
            edits.append((index, insert, index))
        for list_name in CHOICE_LISTS:
            items = fields.get(list_name)
            if isinstance(items, yaml.SequenceNode):
                edits.extend(_choice_insertions(text, items))
    return edits


def _choice_insertions(text, items):
    edits = []
    taken = set()
    for item in items.value:
        if isinstance(item, yaml.MappingNode) and isinstance(_pairs(item).get("key"), yaml.ScalarNode):
            taken.add(_pairs(item)["key"].value)
    for item in items.value:
        if isinstance(item, yaml.MappingNode) and item.value and "key" not in _pairs(item):
            key = _new_key("c", _node_text(item), taken)
            index, insert = _mapping_insertion(text, item, key)
            edits.append((index, insert, index))
        elif isinstance(item, yaml.ScalarNode):
            value = yaml.safe_load(text[item.start_mark.index : item.end_mark.index])
            key = _new_key("c", str(value), taken)
            edits.append(
                (item.start_mark.index, f"{{key: {key}, text: {json.dumps(str(value))}}}", item.end_mark.index)
            )
    return edits


def _without_keys(data):
    """The content minus keys, scalar list items read as {text: ...}: what must not change."""
    if isinstance(data, dict):
        return {name: _without_keys(value) for name, value in data.items() if name != "key"}
    if isinstance(data, list):
        return [_without_keys({"text": item} if not isinstance(item, (dict, list)) else item) for item in data]
    return data


def add_missing_keys(text):
    """The quiz file `text` with a key on every question and choice (unchanged if all have one)."""
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    edits = sorted(_insertions(text, root), key=lambda edit: edit[0], reverse=True)
    if not edits:
        return text
    new_text = text
    for index, insert, until in edits:
        new_text = new_text[:index] + insert + new_text[until:]
    before, after = yaml.safe_load(text), yaml.safe_load(new_text)
    if _without_keys(before) != _without_keys(after):
        raise KeyWriteError("adding keys would change the content")
    return new_text


def write_missing_keys(content_dir):
    """Add missing keys to every quiz file under `content_dir`. Returns the files changed.
    A file that does not parse is left alone (validation reports it)."""
    changed = []
    for pattern in QUIZ_GLOBS:
        for path in sorted(Path(content_dir).glob(pattern)):
            text = path.read_text(encoding="utf-8")
            try:
                new_text = add_missing_keys(text)
            except (yaml.YAMLError, KeyWriteError):
                continue
            if new_text != text:
                path.write_text(new_text, encoding="utf-8")
                changed.append(path)
    return changed
