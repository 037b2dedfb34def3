"""A press release with text to translate, for the exchange tests."""

import pytest

from tests.factories import CompanyFactory, PressReleaseFactory


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
