"""
The API's interactive docs in a real Chromium: Swagger UI loads from our
own static files, reads the schema and lists every operation, under the
site's Content-Security-Policy (a violation fails the test, see conftest),
with no request to another site.
"""

import pytest

pytestmark = pytest.mark.browser


def test_the_api_docs_work_under_the_csp_from_our_own_files(
    page, live_server, transactional_db, external_requests, broken_responses
):
    page.goto(f"{live_server.url}/api/v1/docs")

    page.locator(".opblock").first.wait_for()
    operations = page.locator(".opblock-summary-path").all_inner_texts()
    assert "/api/v1/press-releases/" in [text.replace("\u200b", "") for text in operations]
    assert page.locator(".info .title").inner_text().startswith("Renaulution API")
    # Trying an operation from the page reaches the API itself.
    page.locator(".opblock-summary-path", has_text="/api/v1/series/").first.click()
    page.get_by_role("button", name="Try it out").click()
    page.get_by_role("button", name="Execute").click()
    page.locator(".responses-table .response-col_status", has_text="200").first.wait_for()
    assert external_requests == []
    assert broken_responses == []
