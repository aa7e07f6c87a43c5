from geo.names import normalise_query


def test_typed_names_are_trimmed_and_made_simplified():
    assert normalise_query("  寧波 大學 ") == "宁波大学"
    assert normalise_query("慈城古縣城") == "慈城古县城"
    assert normalise_query("东部新城") == "东部新城"


def test_district_names_are_romanised_without_their_unit_suffix():
    from geo.names import romanised

    assert [romanised(n) for n in ("江北区", "鄞州区", "海曙区", "象山县", "余姚市")] == \
        ["Jiangbei", "Yinzhou", "Haishu", "Xiangshan", "Yuyao"]
    assert romanised("城区") == "Chengqu"  # too short to drop the suffix
