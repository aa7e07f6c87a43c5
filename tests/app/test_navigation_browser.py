"""A link to a page opens that page inside the app's own navigation, even as a
fresh server's very first request (Streamlit would otherwise run the page file
on its own, without the language switch or the page titles)."""

from pathlib import Path

from testkit.browser import chromium, offline_page
from testkit.server import running_app

ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"


def test_a_shared_page_link_is_the_first_request_and_still_gets_the_apps_navigation():
    ARTIFACTS.mkdir(exist_ok=True)
    with running_app(log_path=ARTIFACTS / "streamlit-navigation-test.log") as url, chromium() as browser:
        page, log = offline_page(browser)
        page.goto(f"{url}/indicators")
        sidebar = page.locator("section[data-testid='stSidebar']")
        sidebar.get_by_text("规划总览").wait_for(timeout=30_000)
        sidebar.get_by_text("语言 · Language").wait_for()
        page.get_by_role("heading", name="规划指标").wait_for()
        # The folder's bare file names are what the old mode would show.
        assert sidebar.get_by_text("overview", exact=True).count() == 0
        assert "/indicators" in page.url
        assert log.blocked == []


def test_the_first_visitors_first_language_choice_on_a_fresh_server_is_kept():
    with running_app(log_path=ARTIFACTS / "streamlit-navigation-lang-test.log") as url, chromium() as browser:
        page, log = offline_page(browser)
        page.goto(url)
        sidebar = page.locator("section[data-testid='stSidebar']")
        sidebar.get_by_text("语言 · Language").wait_for(timeout=30_000)
        sidebar.get_by_role("link", name="语言 · Language: English").click()
        page.get_by_text("Plan map · Jiangbei, Yinzhou").wait_for(timeout=30_000)
        sidebar.get_by_text("Plan overview").wait_for()
        assert "lang=en" in page.url
        # The choice is kept on the next page, whose link back to Chinese is offered.
        sidebar.get_by_role("link", name="Near me").first.click()
        sidebar.get_by_role("link", name="语言 · Language: 中文").wait_for(timeout=30_000)
        page.wait_for_url(lambda u: "/nearby" in u and "lang=en" in u, timeout=30_000)
        sidebar.get_by_role("link", name="语言 · Language: 中文").click()
        sidebar.get_by_text("规划总览").wait_for(timeout=30_000)
        assert "lang=" not in page.url
        assert log.blocked == [] and log.page_errors == []
