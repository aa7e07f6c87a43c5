from pathlib import Path

from streamlit.testing.v1 import AppTest

from layers.plans import read_plan_text

SOURCE = str(Path(__file__).resolve().parents[2] / "pages" / "source.py")


def test_a_passage_link_highlights_exactly_those_characters():
    text = read_plan_text("jiangbei-14th-five-year-plan")
    start = text.index("专栏3")
    end = start + 20
    app = AppTest.from_file(SOURCE, default_timeout=30)
    app.query_params.update({"doc": "jiangbei-14th-five-year-plan", "start": str(start), "end": str(end)})
    app.run()
    assert not app.exception
    html = "".join(m.value for m in app.markdown)
    assert f"<mark id='passage'>{text[start:end]}</mark>" in html


def test_an_unknown_document_is_reported_and_the_first_is_shown():
    app = AppTest.from_file(SOURCE, default_timeout=30)
    app.query_params.update({"doc": "<script>alert(1)</script>"})
    app.run()
    assert not app.exception
    assert app.error and "script" in app.error[0].value
    assert app.subheader[0].value.startswith("江北区国民经济")
