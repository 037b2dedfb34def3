"""`manage.py create_demo_users`: one account per role, passwords printed once, development only."""

import re
from io import StringIO

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse

from renaulution.roles import AUTHORS, EDITORS, translator_group_names

pytestmark = pytest.mark.django_db

# "  demo-editor   Editors   <password>": passwords are URL-safe, without spaces.
ACCOUNT_LINE = re.compile(r"^  (\S+)\s+(.+?)\s+(\S+)$", re.MULTILINE)


@pytest.fixture(autouse=True)
def _development(settings):
    """As `make run` has it (pytest-django runs tests with DEBUG off)."""
    settings.DEBUG = True


def create_demo_users(*arguments):
    out = StringIO()
    call_command("create_demo_users", *arguments, stdout=out)
    return out.getvalue()


def printed_accounts(output):
    """{username: password} as the command printed them."""
    return {username: password for username, _role, password in ACCOUNT_LINE.findall(output)}


def logs_in(username, password):
    """Through the real admin login form, as a newcomer would."""
    client = Client()
    response = client.post(
        reverse("admin:login"),
        {"username": username, "password": password, "next": reverse("admin:index")},
    )
    return response.status_code == 302 and response["Location"] == reverse("admin:index")


def test_one_account_per_role_that_logs_in_with_its_printed_password():
    output = create_demo_users()

    accounts = printed_accounts(output)
    users = {user.username: user for user in User.objects.prefetch_related("groups")}
    assert set(accounts) == set(users)
    roles = {username: {g.name for g in user.groups.all()} for username, user in users.items()}
    # Every role group has exactly one account, and the superuser is the admin.
    expected_groups = [EDITORS, AUTHORS, *translator_group_names()]
    assert sorted(name for groups in roles.values() for name in groups) == sorted(expected_groups)
    assert all(len(groups) <= 1 for groups in roles.values())
    superusers = [user for user in users.values() if user.is_superuser]
    assert len(superusers) == 1 and roles[superusers[0].username] == set()
    assert len(users) == len(expected_groups) + 1

    for username, password in accounts.items():
        user = users[username]
        assert user.is_staff and user.is_active
        assert user.check_password(password)
        assert logs_in(username, password), username
    # Random: no two accounts share a password.
    assert len(set(accounts.values())) == len(accounts)


def test_the_translators_rights_come_with_their_group():
    accounts = printed_accounts(create_demo_users())
    french = User.objects.get(groups__name="Translators (fr)")

    assert french.has_perm("companies.change_company")
    assert not french.has_perm("companies.delete_company")
    assert logs_in(french.username, accounts[french.username])


def test_refused_when_debug_is_off(settings):
    settings.DEBUG = False

    with pytest.raises(CommandError, match="DJANGO_DEBUG=1"):
        create_demo_users()
    assert not User.objects.exists()


def test_a_second_run_changes_no_password_and_prints_none():
    create_demo_users()
    hashes = dict(User.objects.values_list("username", "password"))

    output = create_demo_users()

    assert printed_accounts(output) == {}
    assert dict(User.objects.values_list("username", "password")) == hashes
    for username in hashes:
        assert f"{username} exists: left as it is, password unchanged" in output
    assert "--reset" in output


def test_an_account_someone_changed_is_left_as_it_is():
    first = printed_accounts(create_demo_users())
    editor = User.objects.get(groups__name=EDITORS)
    editor.groups.clear()
    editor.is_staff = False
    editor.save()

    create_demo_users()

    editor.refresh_from_db()
    assert not editor.is_staff and not editor.groups.exists()
    assert editor.check_password(first[editor.username])


def test_reset_sets_new_passwords_and_gives_the_role_back():
    first = printed_accounts(create_demo_users())
    editor = User.objects.get(groups__name=EDITORS)
    editor.groups.clear()

    second = printed_accounts(create_demo_users("--reset"))

    assert set(second) == set(first)
    users = User.objects.in_bulk(list(first), field_name="username")
    for username in first:
        assert second[username] != first[username]
        # (Not by logging in: failed logins from one address would lock it out.)
        assert not users[username].check_password(first[username])
        assert logs_in(username, second[username])
    editor.refresh_from_db()
    assert list(editor.groups.values_list("name", flat=True)) == [EDITORS]
    assert User.objects.count() == len(first)


def test_missing_role_groups_say_to_migrate():
    Group.objects.filter(name=AUTHORS).delete()

    with pytest.raises(CommandError, match="migrate"):
        create_demo_users()
    assert not User.objects.exists()
