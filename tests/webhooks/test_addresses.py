"""
SSRF protection: endpoints are http or https on public addresses only;
the admin's form refuses the others, and the worker refuses them again
before connecting (a row written another way, or a name that now resolves
to the local network). The tests' receiver is on loopback: refused as soon
as the setting that allows it is off.
"""

import pytest
from django.core.exceptions import ValidationError

from tests.factories import CompanyFactory, PressReleaseFactory
from webhooks import addresses
from webhooks import delivery as worker
from webhooks.models import Delivery, Endpoint

pytestmark = pytest.mark.django_db


@pytest.fixture
def strict(settings):
    settings.WEBHOOKS_ALLOW_PRIVATE_ADDRESSES = False


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8000/hook",
        "http://localhost/hook",
        "http://[::1]/hook",
        "http://10.0.0.7/hook",
        "http://192.168.1.1/hook",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::ffff:127.0.0.1]/hook",
        "http://0.0.0.0/hook",
    ],
)
def test_private_and_loopback_addresses_are_refused(strict, url):
    with pytest.raises(ValidationError, match="private or local address"):
        Endpoint(url=url, events=["published"]).full_clean()


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("ftp://93.184.216.34/hook", "Only http and https"),
        ("file:///etc/passwd", "Only http and https"),
        ("http://user:secret@93.184.216.34/hook", "user name or password"),
    ],
)
def test_other_schemes_and_credentials_are_refused(url, message):
    assert message in addresses.refused_url_reason(url, check_addresses=True)


def test_a_public_address_is_accepted(strict):
    Endpoint(url="https://93.184.216.34/hook", events=["published"]).full_clean()
    assert addresses.is_public("93.184.216.34")
    assert not addresses.is_public("::ffff:10.0.0.1")


def test_the_worker_refuses_a_private_address_it_finds_in_the_log(strict, receiver, endpoint):
    PressReleaseFactory(company=CompanyFactory(draft=True))
    worker.deliver_due()
    queued = Delivery.objects.get()
    assert receiver.requests == []
    assert queued.status == Delivery.Status.RETRYING
    assert "private or local address" in queued.error


def test_loopback_is_allowed_by_the_setting(receiver, endpoint):
    PressReleaseFactory(company=CompanyFactory(draft=True))
    worker.deliver_due()
    assert receiver.events == ["published"]
