from layers.store import read_layer
from view.indicator_words import flag_words


def test_cumulative_and_header_flags_read_as_chinese():
    assert flag_words("growth cumulative [ ]; unit from header") == "年均增长为累计值（原文加 [ ]）；单位取自表头"


def test_the_plans_own_footnote_is_kept_as_written():
    assert flag_words("(*) 带*号指标为常住人口口径") == "(*) 带*号指标为常住人口口径"


def test_no_stored_flag_reaches_a_chinese_page_in_english():
    for flags in read_layer("indicators")["flags"].astype(str):
        words = flag_words(flags)
        assert not any(code in words for code in ("cumulative", "from header", "base (*)", "check failed")), words
