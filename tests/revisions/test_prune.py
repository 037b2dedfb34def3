"""Retention: REVISIONS_KEEP bounds the revisions kept per object; prune_revisions applies it."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from reversion.models import Revision

from revisions.services import record, recording, versions_of
from tests.factories import CompanyFactory, PressReleaseFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def history():
    """Five revisions of a release; the first two also hold a company, recorded then only."""
    release, company = PressReleaseFactory(), CompanyFactory()
    for number in range(5):
        with recording(comment=f"edit {number}"):
            release.title_en = f"Title {number}"
            release.save()
            if number < 2:
                record(company)
    return release, company


def prune_revisions(*args):
    out = StringIO()
    call_command("prune_revisions", *args, stdout=out)
    return out.getvalue()


def titles(release):
    return [version.field_dict["title_en"] for version in versions_of(release)]


def test_without_the_setting_every_revision_is_kept(history, settings):
    settings.REVISIONS_KEEP = None
    assert "every revision is kept" in prune_revisions()
    assert Revision.objects.count() == 5


def test_the_newest_are_kept_per_object(history, settings):
    release, company = history
    settings.REVISIONS_KEEP = 2
    output = prune_revisions()
    assert titles(release) == ["Title 4", "Title 3"]
    # The company's two versions are its newest: both kept, with their revisions.
    assert versions_of(company).count() == 2
    assert Revision.objects.count() == 4
    assert "3 old versions and 1 emptied revisions deleted" in output


def test_a_dry_run_deletes_nothing(history):
    release, _company = history
    output = prune_revisions("--keep", "1", "--dry-run")
    assert "5 old versions and 3 emptied revisions would be deleted" in output
    assert len(titles(release)) == 5


def test_keep_option_overrides_the_setting_and_zero_is_refused(history, settings):
    release, _company = history
    settings.REVISIONS_KEEP = 4
    prune_revisions("--keep", "1")
    assert titles(release) == ["Title 4"]
    with pytest.raises(CommandError, match="at least 1"):
        prune_revisions("--keep", "0")
