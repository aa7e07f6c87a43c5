from pathlib import Path

from streamlit.testing.v1 import AppTest

from layers.plans import read_plan_text

SOURCE = str(Path(__file__).resolve().parents[2] / "pages" / "source.py")


def _page_html(app) -> str:
    """The bodies of the page's `st.html` elements."""
    return "".join(el.proto.body for el in app.main if type(el).__name__ == "Html")


def test_a_passage_link_highlights_exactly_those_characters():
    text = read_plan_text("jiangbei-14th-five-year-plan")
    start = text.index("专栏3")
    end = start + 20
    app = AppTest.from_file(SOURCE, default_timeout=30)
    app.query_params.update({"doc": "jiangbei-14th-five-year-plan", "start": str(start), "end": str(end)})
    app.run()
    assert not app.exception
    assert "<mark id='passage'" in _page_html(app)
    assert f">{text[start:end]}</mark>" in _page_html(app)
    assert not any("<mark" in m.value for m in app.markdown), "the document must not go through Markdown"


def test_an_unknown_document_is_reported_as_text_and_the_first_is_shown():
    app = AppTest.from_file(SOURCE, default_timeout=30)
    app.query_params.update({"doc": "<script>alert(1)</script>"})
    app.run()
    assert not app.exception
    assert any("<script>alert(1)</script>" in el.value for el in app.text)
    assert app.subheader[0].value.startswith("江北区国民经济")


def test_the_catalogue_note_is_shown_in_chinese():
    app = AppTest.from_file(SOURCE, default_timeout=30)
    app.query_params.update({"doc": "jiangbei-2022-press-feature"})
    app.run()
    assert app.info and "新闻报道" in app.info[0].value and "press" not in app.info[0].value
