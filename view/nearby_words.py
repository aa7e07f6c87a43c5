"""The near-me page's answers in words: what a not-a-point place is, how a project is located.

`layers.nearby` and `geo.address` return codes (`NotAPointError.reason`,
`location_method`, precision); this module turns them into the reader's
language, so no English code reaches a Chinese page.
All returned text is meant for Markdown elements, so typed text in it is escaped (`plain`).
"""

from __future__ import annotations

from geo.errors import NotAPointError
from geo.precision import PRECISIONS
from geo.settings import NINGBO_DISTRICTS
from layers.locate import LOCATION_METHODS
from layers.nearby import Nearby
from view.text import category_label, t
from view.safe_text import md_text

#: The city's adcode: a 市 is not one district, so its answer offers every plan district.
CITY_ADCODE = "330200"


def plain(text: str) -> str:
    """Typed or linked text made inert for `st.warning`/`st.error`/`st.caption` (Markdown).

    Every Markdown character is backslash-escaped, so "**x**" or "[a](javascript:…)"
    shows as typed.
    """
    return md_text(text)


def district_name(adcode: str, lang: str = "zh") -> str:
    """"鄞州区" for 330212; the city for 330200; the code itself if unknown."""
    if adcode == CITY_ADCODE:
        return t("ningbo_city", lang)
    return NINGBO_DISTRICTS.get(str(adcode), str(adcode))


def not_a_point_message(exc: NotAPointError, *, typed: str, lang: str = "zh") -> str:
    """One plain sentence: what was recognised, why it cannot be searched around, what to do."""
    where = district_name(exc.adcode, lang)
    message = t(f"nearby_not_point_{exc.reason}", lang).format(place=plain(exc.place), district=where)
    if exc.unplaced:
        message = t("nearby_recognised", lang).format(typed=plain(typed), place=plain(exc.place),
                                                     rest=plain(exc.unplaced)) + message
    return message


def location_words(*, method: str, precision: str, via: str = "", lang: str = "zh") -> str:
    """How a project's place is known, in words, from its `location_method` code and precision."""
    precision_words = t(f"precision_{precision}", lang) if precision in _PRECISIONS else ""
    if method in LOCATION_METHODS:
        return t(f"method_{method}", lang).format(place=via, precision=precision_words)
    return precision_words


_PRECISIONS = PRECISIONS


def unknown_place_words(typed: str, *, lang: str = "zh") -> str:
    """"找不到" in the reader's language, with close gazetteer names when there are some."""
    from geo.geocode import default_gazetteer
    from geo.names import normalise_query

    close = default_gazetteer().suggest(normalise_query(typed.strip()))
    close_words = t("nearby_close_names", lang).format(names=plain("、".join(close))) if close else ""
    return t("nearby_unknown_place", lang).format(place=plain(typed), close=close_words)


def nearby_summary(result: Nearby, *, lang: str = "zh") -> str:
    """One plain sentence from the answer's numbers, e.g. "2 公里内有 12 个项目：道路桥梁 5 个、学校教育 3 个…".

    Plain text (for `st.text` and the command line), not Markdown: it holds only numbers and category names.
    """
    dist = format_distance(result.radius_m, lang=lang)
    words = [t("nearby_summary_part", lang).format(category=_category_words(key, lang), n=count)
             for key, count in result.counts.items()]
    sentence = t("nearby_summary", lang).format(dist=dist, n=len(result.within))
    return sentence + (t("nearby_summary_parts", lang).format(parts=t("list_sep", lang).join(words)) if words else "")


def _category_words(key: str, lang: str) -> str:
    # Category names stay in layers.categories for now; English reads them in lower case mid-sentence.
    name = category_label(key, lang)
    return name.lower() if lang == "en" else name


def format_distance(metres: float, *, lang: str = "zh") -> str:
    """"850 m" below a kilometre, "1.2 km" above (公里/米 in Chinese)."""
    if metres < 1000:
        return f"{metres:.0f} 米" if lang == "zh" else f"{metres:.0f} m"
    km = f"{metres / 1000:.1f}".rstrip("0").rstrip(".")
    return f"{km} 公里" if lang == "zh" else f"{km} km"
