"""The UI catalogue: every key the code asks for exists, in Chinese and in English."""

import ast
import re
from pathlib import Path

import pytest

from geo.settings import ROOT
from view import text as i18n
from view.text import _TEXTS, t

#: Files whose words a user reads.
UI_FILES = [ROOT / "app.py", *(path for folder in ("pages", "ui", "view") for path in sorted((ROOT / folder).rglob("*.py")))]
#: One label shown in both languages at once, on purpose (whoever cannot read one finds the switch).
BILINGUAL = {"language"}


#: The functions that look a key up in the catalogue.
_LOOKUPS = {"t", "ui_text", "has_text"}


def _keys_used() -> tuple[set[str], set[str]]:
    """Keys the code asks for, and the literal prefixes of computed ones (f"ind_{c}", "ind_" + c).

    A key counts as asked for when it is the first argument of a lookup (either branch of an
    `a if … else b` too), or when it sits in a tuple or list of catalogue keys the code walks
    (`_UI_KEYS`, the history table's columns): every string in such a literal is a key.
    """
    literal, prefixes = set(), set()
    for path in UI_FILES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.Tuple, ast.List)) and len(node.elts) > 1 and all(
                    isinstance(e, ast.Constant) and isinstance(e.value, str) and e.value in _TEXTS for e in node.elts):
                literal.update(e.value for e in node.elts)
                continue
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in _LOOKUPS
                    and node.args):
                continue
            args = [node.args[0]]
            if isinstance(args[0], ast.IfExp):
                args = [args[0].body, args[0].orelse]
            for arg in args:
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
    assert {"pm_layers", "tour_prev", "cur_h_time", "ind_chart_target_result"} <= literal  # key tuples, a … if … else …


def test_no_catalogue_key_is_unused():
    literal, prefixes = _keys_used()
    unused = [key for key in _TEXTS if key not in literal and not key.startswith(tuple(prefixes))]
    assert not unused, f"keys no code asks for (remove them from view/text.py): {unused}"


def test_every_precision_has_a_label_in_both_languages():
    from geo.gazetteer import PRECISIONS
    for lang in ("zh", "en"):
        labels = i18n.precision_labels(lang)
        assert set(labels) == set(PRECISIONS) and all(labels.values()), labels
    assert i18n.precision_labels("zh")["approximate"] == "近似（按描述绘制或推算）"


def test_every_layer_import_refusal_is_worded_in_chinese():
    from geo.sources.layer import MESSAGES
    assert set(i18n._LAYER_REFUSALS_ZH) == set(MESSAGES)
    assert i18n.layer_refusal("missing", "zh") == "文件不存在"
    assert i18n.layer_refusal("missing", "en") is None  # English shows the exception's own message


@pytest.mark.parametrize("key", sorted(_keys_used()[0]))
def test_every_key_used_in_code_is_in_the_catalogue(key):
    assert key in _TEXTS, f"t({key!r}) is used but not in view/text.py"


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


def test_every_project_category_has_words_in_both_languages_and_layers_keeps_none() -> None:
    from layers import categories
    from view.text import category_label

    for key in categories.category_keys():
        assert category_label(key, "zh") and category_label(key, "en"), key
    assert category_label("roads") == "道路桥梁"
    with pytest.raises(KeyError, match="unknown category"):
        category_label("nonsense")
    assert not re.search(r"[\u4e00-\u9fff]{2,}\",\s*\"[A-Z]", Path(categories.__file__).read_text(encoding="utf-8"))
