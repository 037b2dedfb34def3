"""
The webhooks' admin is for admins (superusers) only: editors reach neither
the endpoints (nor their secrets) nor the log. A new endpoint's secret is
shown in full once, then only its first characters; the log is read-only.
"""

import pytest
from django.urls import reverse

from tests.admin_clients import logged_in, make_user
from tests.factories import DeliveryFactory, EndpointFactory
from webhooks.models import Endpoint, Event

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client_():
    return logged_in(make_user("admin", is_superuser=True))


def test_editors_reach_no_webhook_page(receiver):
    endpoint = EndpointFactory()
    delivery = DeliveryFactory(endpoint=endpoint)
    editor = logged_in(make_user("editor", "Editors"))
    for url in [
        reverse("admin:webhooks_endpoint_changelist"),
        reverse("admin:webhooks_endpoint_change", args=[endpoint.pk]),
        reverse("admin:webhooks_delivery_changelist"),
        reverse("admin:webhooks_delivery_change", args=[delivery.pk]),
    ]:
        response = editor.get(url)
        assert response.status_code == 403, url
        assert endpoint.secret not in response.content.decode()
    index = editor.get(reverse("admin:index")).content.decode()
    assert "webhook" not in index.lower()


def test_a_new_endpoints_secret_is_shown_once_then_only_its_start(admin_client_, receiver):
    response = admin_client_.post(
        reverse("admin:webhooks_endpoint_add"),
        {
            "url": receiver.url,
            "description": "Partner",
            "events": ["published", "deleted"],
            "active": "on",
        },
        follow=True,
    )
    endpoint = Endpoint.objects.get()
    assert endpoint.events == ["published", "deleted"]
    assert endpoint.secret.startswith("whsec_") and len(endpoint.secret) > 40
    assert endpoint.secret in response.content.decode()
    change = admin_client_.get(reverse("admin:webhooks_endpoint_change", args=[endpoint.pk]))
    page = change.content.decode()
    assert endpoint.secret not in page
    assert endpoint.secret[:10] + "…" in page


def test_replacing_a_secret_shows_the_new_one_once(admin_client_):
    endpoint = EndpointFactory()
    old = endpoint.secret
    response = admin_client_.post(
        reverse("admin:webhooks_endpoint_changelist"),
        {"action": "new_secret", "_selected_action": [endpoint.pk], "index": "0"},
        follow=True,
    )
    endpoint.refresh_from_db()
    assert endpoint.secret != old
    assert endpoint.secret in response.content.decode()


def test_the_form_refuses_a_private_address(admin_client_, settings):
    settings.WEBHOOKS_ALLOW_PRIVATE_ADDRESSES = False
    response = admin_client_.post(
        reverse("admin:webhooks_endpoint_add"),
        {"url": "http://127.0.0.1:5432/", "events": [Event.PUBLISHED], "active": "on"},
    )
    assert response.status_code == 200
    assert "private or local address" in response.content.decode()
    assert not Endpoint.objects.exists()


def test_the_log_is_read_only_and_filters_by_status(admin_client_):
    failed = DeliveryFactory(status="failed", response_code=500, error="Server error")
    DeliveryFactory(status="succeeded")
    changelist = reverse("admin:webhooks_delivery_changelist")
    page = admin_client_.get(changelist, {"status__exact": "failed"})
    assert page.context["cl"].result_count == 1
    change = admin_client_.get(reverse("admin:webhooks_delivery_change", args=[failed.pk]))
    assert change.status_code == 200
    assert 'name="_save"' not in change.content.decode()
    assert admin_client_.get(reverse("admin:webhooks_delivery_add")).status_code == 403
    refused = admin_client_.post(
        reverse("admin:webhooks_delivery_change", args=[failed.pk]), {"status": "succeeded"}
    )
    assert refused.status_code == 403
    failed.refresh_from_db()
    assert failed.status == "failed"
