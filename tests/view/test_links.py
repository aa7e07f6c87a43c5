"""Source links are today's `/source?doc=…&start=…&end=…` and read back as the page reads them."""

import subprocess
import sys
from urllib.parse import parse_qs, urlsplit

import numpy as np
import pytest

from layers.plans import load_catalog
from view.links import SOURCE_PATH, source_link


def _as_the_source_page_reads_it(link: str) -> dict[str, str]:
    """Streamlit's `st.query_params` is `parse_qs(query, keep_blank_values=True)`, last value wins."""
    parts = urlsplit(link)
    assert parts.path == SOURCE_PATH == "/source"
    return {k: v[-1] for k, v in parse_qs(parts.query, keep_blank_values=True).items()}


def test_a_passage_link_is_the_format_the_pages_always_wrote():
    assert source_link("jiangbei-14th-five-year-plan", start=120, end=188) == \
        "/source?doc=jiangbei-14th-five-year-plan&start=120&end=188"
    assert source_link("yinzhou-14th-five-year-plan") == "/source?doc=yinzhou-14th-five-year-plan"


@pytest.mark.parametrize("doc_id", [p.id for p in load_catalog()] + ["计划 A&B=1", "a/b?c#d"])
def test_every_link_round_trips_through_the_query_parser_of_the_source_page(doc_id):
    params = _as_the_source_page_reads_it(source_link(doc_id, start=5, end=42))
    assert params == {"doc": doc_id, "start": "5", "end": "42"}
    assert (int(params["start"]), int(params["end"])) == (5, 42)  # as pages/source.py turns them into offsets
    assert _as_the_source_page_reads_it(source_link(doc_id)) == {"doc": doc_id}


def test_offsets_read_from_a_table_are_written_as_whole_numbers():
    assert source_link("d", start=np.int64(7), end=12.0).endswith("start=7&end=12")


def test_half_a_passage_or_no_document_is_refused():
    with pytest.raises(ValueError, match="both start and end"):
        source_link("d", start=3)
    with pytest.raises(ValueError, match="document id"):
        source_link("", start=1, end=2)


def test_view_is_streamlit_free():
    code = "import sys, view, view.links; assert 'streamlit' not in sys.modules and 'ui' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True, cwd=str(__import__("pathlib").Path(__file__).parents[2]))
