"""A press release with text to translate, for the exchange tests; a French translator."""

import pytest

from tests.admin_clients import make_user
from tests.factories import CompanyFactory, PressReleaseFactory


@pytest.fixture
def translator_fr(client):
    """A French translator, logged in on `client`."""
    user = make_user("marie", "Translators (fr)")
    client.force_login(user)
    return user


@pytest.fixture
def release():
    return PressReleaseFactory(
        title_en="Ampere starts",
        title_fr="",
        title_it="Ampere parte",
        summary_en="Eleven sites and 11,000 people.",
        summary_fr="Onze sites et 11 000 personnes.",
        body_en="<p>Launched on 1 November 2023.</p>",
        body_fr="",
        image_alt_en="",
        company=CompanyFactory(tagline_en="", tagline_fr="", tagline_it=""),
    )
