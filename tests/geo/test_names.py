from geo.names import normalise_query


def test_typed_names_are_trimmed_and_made_simplified():
    assert normalise_query("  寧波 大學 ") == "宁波大学"
    assert normalise_query("慈城古縣城") == "慈城古县城"
    assert normalise_query("东部新城") == "东部新城"
