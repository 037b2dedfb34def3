"""What an editor does in a real browser: log in, switch language tabs, write rich text."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from companies.models import PressRelease
from renaulution.languages import codes

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TYPED = {
    "fr": "Texte saisi par une rédactrice dans l'onglet français.",
    "it": "Testo scritto da una redattrice nella scheda italiana.",
}


def log_in(page, live_server, user):
    page.goto(f"{live_server.url}{reverse('admin:index')}")
    expect(page).to_have_url(f"{live_server.url}{reverse('admin:login')}?next=/admin/")
    page.locator("#id_username").fill(user.username)
    page.locator("#id_password").fill(user.raw_password)
    page.locator("#login-form [type=submit]").click()
    expect(page).to_have_url(f"{live_server.url}{reverse('admin:index')}")


def test_editor_writes_rich_text_in_each_language_tab(
    page, live_server, content, editor, external_requests, broken_responses, save_screenshot
):
    """
    The modeltranslation tabs and the prose editor work together: in the French
    and Italian tabs the editor is visible, takes typing, and the text is saved
    in that language's column. Every asset, jQuery UI included, is our own.
    """
    page.set_viewport_size({"width": 1280, "height": 900})
    release = PressRelease.objects.order_by("pk").first()
    log_in(page, live_server, editor)

    page.goto(
        f"{live_server.url}{reverse('admin:companies_pressrelease_change', args=[release.pk])}"
    )
    expect(page.locator(".ui-tabs").first).to_be_visible()
    # modeltranslation's default jQuery UI is a CDN; settings point it at our copy.
    expect(page.locator('script[src*="/static/vendor/jquery-ui/jquery-ui"]')).to_have_count(1)
    body_tabs = page.locator("#tab_id_body_en").locator("xpath=..")
    expect(body_tabs.locator("li.ui-tabs-tab a")).to_have_text(codes())

    for language, text in TYPED.items():
        tab = body_tabs.locator(f'li.ui-tabs-tab a[href="#tab_id_body_{language}"]')
        tab.click()
        expect(tab.locator("xpath=..")).to_contain_class("ui-tabs-active")
        panel = page.locator(f"#tab_id_body_{language}")
        expect(panel).to_be_visible()
        # Only the active language's editor shows: the tabs really switch.
        expect(page.locator("#tab_id_body_en .prose-editor")).to_be_hidden()
        editor_area = panel.locator(".prose-editor .ProseMirror[contenteditable=true]")
        expect(editor_area).to_be_visible()
        editor_area.click()
        # Continue after the existing text, as a new paragraph: the click
        # alone leaves the caret wherever it landed, mid-sentence.
        editor_area.evaluate(
            """(area) => {
                const range = document.createRange();
                range.selectNodeContents(area);
                range.collapse(false);
                getSelection().removeAllRanges();
                getSelection().addRange(range);
            }"""
        )
        page.keyboard.press("Enter")
        page.keyboard.type(text)
        # Where the caret lands depends on when ProseMirror reads the DOM
        # selection; what matters is that the typed text is in this editor.
        expect(editor_area).to_contain_text(text)

    body_tabs.scroll_into_view_if_needed()
    save_screenshot(page, "admin-tabs.png")

    with page.expect_response(lambda response: response.request.method == "POST") as saved:
        page.locator("input[name=_save]").last.click()
    # A valid change form answers with a redirect to the list.
    assert saved.value.status == 302, f"saving answered {saved.value.status}"
    expect(page.locator(".messagelist .success")).to_be_visible()

    release.refresh_from_db()
    assert TYPED["fr"] in release.body_fr
    assert TYPED["it"] in release.body_it
    assert TYPED["fr"] not in release.body_en
    assert broken_responses == []
    assert external_requests == []
