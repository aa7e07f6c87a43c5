"""Every record of every plan quotes the plan exactly: quote == text[start:end]."""

from __future__ import annotations

import pytest

from layers.extract import Extraction, extract_all
from layers.plans import read_plan_text
from layers.text import display_text


@pytest.fixture(scope="module")
def extraction() -> Extraction:
    return extract_all()


@pytest.mark.parametrize("kind", ["sections", "projects", "structures", "indicators"])
def test_every_quote_equals_the_text_at_its_offsets(extraction: Extraction, kind: str) -> None:
    frame = getattr(extraction, kind)
    assert len(frame) > 0
    for row in frame.itertuples():
        text = read_plan_text(row.doc_id)
        assert 0 <= row.start < row.end <= len(text), row.id
        assert text[row.start:row.end] == row.quote, row.id


@pytest.mark.parametrize("kind", ["sections", "projects", "structures", "indicators"])
def test_ids_are_unique_and_name_their_document(extraction: Extraction, kind: str) -> None:
    frame = getattr(extraction, kind)
    assert frame["id"].is_unique
    assert all(i.startswith(f"{d}/") for i, d in zip(frame["id"], frame["doc_id"], strict=True))


def test_records_in_documents_with_headings_have_a_section_path(extraction: Extraction) -> None:
    for kind in ("projects", "indicators"):
        frame = getattr(extraction, kind)
        assert (frame["section_path"] != "").all(), kind


def test_problem_quotes_are_exact_too(extraction: Extraction) -> None:
    for p in extraction.problems:
        assert read_plan_text(p.doc_id)[p.start:p.end] == p.quote


def test_noise_is_hidden_in_display_but_kept_in_the_quote(extraction: Extraction) -> None:
    noisy = extraction.sections[extraction.sections["quote"].str.contains(r"\[bookmark:")]
    assert len(noisy) > 0
    for quote in noisy["quote"]:
        assert "bookmark" not in display_text(quote)
