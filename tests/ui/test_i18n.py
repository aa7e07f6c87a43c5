"""The UI catalogue: every key the code asks for exists, in Chinese and in English."""

import ast
import re

import pytest

from geo.settings import ROOT
from ui import i18n
from ui.i18n import _TEXTS, t

#: Files whose words a user reads.
UI_FILES = [ROOT / "app.py", *sorted((ROOT / "pages").glob("*.py")), *sorted((ROOT / "ui").glob("*.py"))]
#: One label shown in both languages at once, on purpose (whoever cannot read one finds the switch).
BILINGUAL = {"language"}


def _keys_used() -> tuple[set[str], set[str]]:
    """Literal keys passed to `t(...)`, and the literal prefixes of computed ones (f"ind_{c}", "ind_" + c)."""
    literal, prefixes = set(), set()
    for path in UI_FILES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "t"
                    and node.args):
                continue
            arg = node.args[0]
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                literal.add(arg.value)
            elif isinstance(arg, ast.JoinedStr) and isinstance(arg.values[0], ast.Constant):
                prefixes.add(arg.values[0].value)
            elif (isinstance(arg, ast.BinOp) and isinstance(arg.left, ast.Constant)
                  and isinstance(arg.left.value, str)):
                prefixes.add(arg.left.value)
    return literal, prefixes


def test_the_scan_finds_the_keys_the_pages_use():
    literal, prefixes = _keys_used()
    assert {"nearby_title", "read_in_plan", "passage_at"} <= literal
    assert {"nearby_not_point_", "precision_", "cur_prec_"} <= prefixes


@pytest.mark.parametrize("key", sorted(_keys_used()[0]))
def test_every_key_used_in_code_is_in_the_catalogue(key):
    assert key in _TEXTS, f"t({key!r}) is used but not in ui/i18n.py"


def test_every_computed_key_prefix_has_entries():
    _, prefixes = _keys_used()
    missing = [p for p in prefixes if not any(k.startswith(p) for k in _TEXTS)]
    assert not missing, missing


@pytest.mark.parametrize("key", sorted(set(_TEXTS) - BILINGUAL))
def test_every_catalogue_entry_has_chinese_and_english(key):
    entry = _TEXTS[key]
    assert entry.get("zh") and entry.get("en"), f"{key} lacks a language: {entry}"


@pytest.mark.parametrize("reason", ["city", "district", "district_only", "unlocated"])
def test_every_not_a_point_reason_is_worded(reason):
    for lang in ("zh", "en"):
        assert "{place}" in t(f"nearby_not_point_{reason}", lang)


def test_every_location_method_is_worded():
    from layers.locate import LOCATION_METHODS

    for code in LOCATION_METHODS:
        assert t(f"method_{code}", "zh") and t(f"method_{code}", "en")


def test_the_chinese_texts_hold_no_english_sentence():
    """A Chinese entry may name a product (OpenStreetMap) or quote a `command`, never run English words."""
    for key, entry in _TEXTS.items():
        zh = re.sub(r"`[^`]*`|python -m [\w.]+(?: [a-z-]+)*", "", entry["zh"])
        assert key in BILINGUAL or not re.search(r"[A-Za-z]+(\s+[A-Za-z]+){2,}", zh), (key, zh)


def test_every_plan_note_and_place_type_has_both_languages():
    for table in (i18n._PLAN_NOTES, i18n._PLACE_TYPES):
        for key, entry in table.items():
            assert entry.get("zh") and entry.get("en"), key
