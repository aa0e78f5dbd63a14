"""YAML that remembers line numbers, so errors can say `file:line: message`."""

import yaml


class LineDict(dict):
    line = 0
    key_lines: dict

    def line_of(self, key):
        return self.key_lines.get(key, self.line)


class LineList(list):
    line = 0
    item_lines: list

    def line_of(self, index):
        return self.item_lines[index] if index < len(self.item_lines) else self.line


class LineLoader(yaml.SafeLoader):
    """SafeLoader (no arbitrary objects) whose mappings and sequences know their lines."""

    line_offset = 0

    def construct_mapping(self, node, deep=False):
        mapping = LineDict(super().construct_mapping(node, deep=True))
        mapping.line = node.start_mark.line + 1 + self.line_offset
        mapping.key_lines = {
            key_node.value: key_node.start_mark.line + 1 + self.line_offset for key_node, _ in node.value
        }
        return mapping

    def construct_sequence(self, node, deep=False):
        sequence = LineList(super().construct_sequence(node, deep=True))
        sequence.line = node.start_mark.line + 1 + self.line_offset
        sequence.item_lines = [item.start_mark.line + 1 + self.line_offset for item in node.value]
        return sequence


LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, LineLoader.construct_mapping)
LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, LineLoader.construct_sequence)


def load_yaml(text, line_offset=0):
    """Parse YAML; line numbers are shifted by `line_offset` (YAML embedded in a larger file).

    Raises yaml.YAMLError with a `problem_mark` pointing into the text.
    """
    loader = LineLoader(text)
    loader.line_offset = line_offset
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()
