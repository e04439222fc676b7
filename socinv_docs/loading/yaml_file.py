"""A schema file read with its places: the data, and for any key path in it the line and column
it stands on, so that an error names the line an official must change (`rad 12, kolumn 21`).

YAML is composed into nodes (which carry their marks) and the data constructed from those
nodes: one parse, the same safe constructors as yaml.safe_load.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

# Words YAML 1.1 reads as true or false when they stand unquoted: `required: no` is False.
YAML_BOOLEANS = {"y", "yes", "n", "no", "on", "off", "true", "false"}


class YamlSyntaxError(Exception):
    """The file is not YAML: where, and what the parser met (its own English words, which
    loading/errors.py turns into a catalogue key)."""

    def __init__(self, problem: str, line: int | None, column: int | None) -> None:
        super().__init__(problem)
        self.problem, self.line, self.column = problem, line, column


@dataclass
class YamlFile:
    path: Path
    data: Any
    node: Any  # the composed root node (None for an empty file)

    @classmethod
    def read(cls, path: Path) -> YamlFile:
        """The file's data and nodes. Raises OSError, UnicodeDecodeError or YamlSyntaxError."""
        # PyYAML only when a file is read, never for a cached `check` (start-up time). libyaml's
        # loader when PyYAML was built with it: the pure-Python one took ~0.1 s of every `socinv
        # check` (same safe constructors, same results).
        import yaml

        text = path.read_text(encoding="utf-8")
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)(text)
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            raise YamlSyntaxError(str(exc.problem or exc.context or ""), mark.line + 1 if mark else None,
                                  mark.column + 1 if mark else None) from None
        except yaml.YAMLError as exc:
            raise YamlSyntaxError(str(exc), None, None) from None
        finally:
            loader.dispose()
        return cls(path, data, node)

    def find(self, path: tuple, key: bool = False):
        """The node at a key path (("rules", "cofinancing", "max_fund_share"), ("sections", 2)):
        as far down as the file has it (a missing key: the mapping it is missing from). `key`:
        the last step's key node rather than its value (an unknown key is pointed at itself)."""
        node = self.node
        for i, step in enumerate(path):
            found = None
            if node is None:
                break
            if node.id == "mapping" and isinstance(step, str):
                for key_node, value_node in node.value:
                    if key_node.id == "scalar" and key_node.value == step:
                        found = key_node if key and i == len(path) - 1 else value_node
                        break
            elif node.id == "sequence" and isinstance(step, int) and 0 <= step < len(node.value):
                found = node.value[step]
            if found is None:
                continue  # a step the file does not have (a type tag pydantic adds): look further on
            node = found
        return node

    def place(self, path: tuple, key: bool = False) -> tuple[int | None, int | None]:
        """(line, column), 1-based, of the key path (see find)."""
        node = self.find(path, key)
        if node is None:
            return None, None
        return node.start_mark.line + 1, node.start_mark.column + 1

    def written(self, path: tuple) -> str | None:
        """The value at the key path as written in the file, when it is a plain (unquoted) scalar."""
        node = self.find(path)
        if node is None or node.id != "scalar" or node.style not in (None, ""):
            return None
        return node.value
