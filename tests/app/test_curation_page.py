"""The curation page writes nothing for a session without an editor login, by any route:
no editors configured, a flag or a forged `Editor` in the session, query parameters,
or a page helper called directly with something that is not a login.

Runs the page with Streamlit's AppTest on a temporary copy of the gazetteer.
"""

import dataclasses
import hashlib
import time

import pytest
import shapely
from streamlit.testing.v1 import AppTest

from geo.access import files
from geo.access.editors import ENV_VAR, Editor
from geo.settings import ROOT
from testkit.curation import copy_gazetteer, copy_store, editors, login
from ui.curation import data as curation_data
from ui.curation.auth import EDITOR_KEY

PAGE = str(ROOT / "pages" / "curation.py")
PLACE = "jb-ningbo-wenchuang-port"


@pytest.fixture
def copy(tmp_path, monkeypatch):
    """The page's store on a temporary gazetteer copy; editor `wang` configured."""
    gazetteer = copy_gazetteer(tmp_path / "gazetteer", with_curation=True)
    monkeypatch.setattr(curation_data, "GAZETTEER_DIR", gazetteer)
    monkeypatch.setenv(ENV_VAR, ",".join(f"{n}:{h}" for n, h in editors("wang").items()))
    return gazetteer


def _digest(folder):
    """Hashes of the data files (the `.lock` a reader may create holds nothing)."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*"))
            if p.is_file() and not p.name.startswith(".")}


def _page(session=None, params=None):
    at = AppTest.from_file(PAGE, default_timeout=120)
    for k, v in (session or {}).items():
        at.session_state[k] = v
    for k, v in (params or {}).items():
        at.query_params[k] = v
    at.session_state["cur-place"] = PLACE
    return at.run()


def _buttons(at):
    return [b.label for b in at.button]


def _editing_widgets(at):
    """Labels of anything that could write: save, undo, import, the form's inputs."""
    labels = _buttons(at) + [w.label for w in at.text_input] + [w.label for w in at.radio]
    labels += [w.label for w in at.text_area]
    found = [x for x in labels if any(word in x for word in ("保存", "撤销", "导入", "来源", "定位方式", "原因"))]
    return found + [f"uploader:{u}" for u in at.get("file_uploader")]


def test_with_an_editor_login_the_form_is_there(copy):
    # The control for the tests below: the widgets they look for do exist for an editor.
    at = _page({EDITOR_KEY: login("wang")})
    assert not at.exception
    assert "保存" in _buttons(at)
    assert any("来源" in w.label for w in at.text_input)


@pytest.mark.parametrize("fake", [
    True, "wang", {"name": "wang"},
    Editor(name="wang", issued_at=time.time()),
    dataclasses.replace(login("wang"), name="li"),
    dataclasses.replace(login("wang"), issued_at=time.time() - 10 * 86400),
], ids=["flag", "name", "dict", "constructed", "renamed", "expired"])
def test_anything_but_a_login_in_the_session_gets_the_read_only_page(copy, fake):
    before = _digest(copy)
    at = _page({EDITOR_KEY: fake})
    assert not at.exception
    assert _editing_widgets(at) == []
    assert any("只读模式" in i.value for i in at.info)
    assert EDITOR_KEY not in at.session_state  # the fake was dropped, not kept around
    assert _digest(copy) == before


def test_query_parameters_grant_nothing(copy):
    at = _page(params={"editor": "1", "edit": "true", "role": "editor", EDITOR_KEY: "wang", "place": PLACE})
    assert not at.exception
    assert _editing_widgets(at) == []


def test_without_configured_editors_there_is_not_even_a_login_form(copy, monkeypatch):
    monkeypatch.delenv(ENV_VAR)
    at = _page()
    assert not at.exception
    assert "登录" not in _buttons(at) and _editing_widgets(at) == []
    assert any("未配置编辑人员" in c.value for c in at.caption)


def _call_save(who):
    """A page calling the form's save helper directly with `who` as the editor."""
    import shapely

    from ui.curation.edit import _save

    _save(who, "jb-ningbo-wenchuang-port", geometry=shapely.Point(121.556, 29.889), same_as=None,
          precision="approximate", source="unit test: made-up point", reason="", lang="zh")


@pytest.mark.parametrize("who", [None, "wang", Editor(name="wang", issued_at=time.time())],
                         ids=["none", "name", "constructed"])
def test_a_page_helper_called_directly_without_a_login_is_refused(copy, who):
    before = _digest(copy)
    at = AppTest.from_function(_call_save, args=(who,), default_timeout=60).run()
    assert not at.exception
    assert [e.value for e in at.error] and "未保存" in at.error[0].value
    assert "log in" in at.error[0].value
    assert _digest(copy) == before


def test_a_save_that_waits_too_long_for_the_lock_says_not_saved_and_try_again(copy, monkeypatch):
    # Another writer holds the curation folder's lock: the page says "not saved", as for a refused change.
    monkeypatch.setattr(files, "LOCK_TIMEOUT_S", 0.2)
    before = _digest(copy)
    with files.locked(copy / "curation" / ".lock"):
        at = AppTest.from_function(_call_save, args=(login("wang"),), default_timeout=60).run()
    assert not at.exception
    assert [e.value for e in at.error] and "未保存" in at.error[0].value
    assert "busy" in at.error[0].value and "try again" in at.error[0].value
    assert _digest(copy) == before


def test_a_conflict_asks_to_reload_and_keeps_what_the_editor_typed(copy, tmp_path, monkeypatch):
    monkeypatch.setattr(curation_data, "LAYERS_GPKG", copy_store(tmp_path / "layers" / "planmap.gpkg"))
    at = _page({EDITOR_KEY: login("wang")})
    # Another editor saves the same place after this page loaded it.
    curation_data.store().save(login("li"), PLACE, geometry=shapely.Point(121.55, 29.88), precision="approximate",
                               source="unit test: made-up point (li)", expected_revision="base")
    at.radio(key=f"cur-{PLACE}-how").set_value("coords").run()
    at.number_input(key=f"cur-{PLACE}-lon").set_value(121.556)
    at.number_input(key=f"cur-{PLACE}-lat").set_value(29.889)
    at.text_input(key=f"cur-{PLACE}-source").set_value("unit test: made-up point (wang)")
    at.button(key=f"cur-{PLACE}-save").click().run()
    assert any("li" in w.value and "重新载入" in w.value for w in at.warning)
    assert len(curation_data.store().history(PLACE)) == 1  # nothing of wang's was written

    at.button(key=f"cur-{PLACE}-reload").click().run()
    assert not at.warning
    assert at.text_input(key=f"cur-{PLACE}-source").value == "unit test: made-up point (wang)"
    assert at.number_input(key=f"cur-{PLACE}-lon").value == pytest.approx(121.556)
    at.button(key=f"cur-{PLACE}-save").click().run()
    assert not at.exception
    assert any("已保存" in s.value for s in at.success)
    latest = curation_data.store().history(PLACE)[0]
    assert (latest.editor, latest.before["source"]) == ("wang", "unit test: made-up point (li)")


def test_names_the_gazetteer_lacks_are_listed_with_a_mention(copy):
    at = _page()
    expanders = [e for e in at.expander if e.label.startswith("地名库未收录的地名")]
    assert len(expanders) == 1
    n = int(expanders[0].label.split("（")[1].rstrip("）"))
    table = expanders[0].dataframe[0].value
    assert n == len(table) > 0
    assert list(table.columns)[:3] == ["名称", "提及次数", "文件数"]
    assert (table["提及次数"] >= 1).all()
@pytest.mark.parametrize("setting", ["wang=hunter2", "pbkdf2_sha256$600000$00ff00ff$deadbeefcafe"])
def test_a_visitor_sees_only_that_editing_is_unavailable_when_the_editors_are_misconfigured(
        copy, monkeypatch, caplog, setting):
    monkeypatch.setenv(ENV_VAR, setting)
    at = _page()
    assert not at.exception
    shown = " ".join(str(e.value) for e in (*at.error, *at.sidebar.error, *at.markdown, *at.caption))
    assert "编辑功能暂不可用" in shown
    for secret in ("hunter2", "00ff00ff", "deadbeefcafe", "wang="):
        assert secret not in shown
