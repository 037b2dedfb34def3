"""
The users' list shows each user's role groups, read for the whole page in
one query: its number of queries is the same for 3 users as for 30.
"""

import html
import re

import pytest
from django.contrib.auth.models import Group, User
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from renaulution.roles import EDITORS, translator_group_names

pytestmark = pytest.mark.django_db

URL = reverse("admin:auth_user_changelist")


@pytest.fixture
def admin_client_(client):
    user = User.objects.create_superuser("boss", password="pw")
    client.force_login(user)
    return client


def add_users(count, start=0):
    editors = Group.objects.get(name=EDITORS)
    french, italian = (Group.objects.get(name=name) for name in translator_group_names()[1:])
    for number in range(start, start + count):
        user = User.objects.create_user(f"user-{number:02}", is_staff=True)
        user.groups.add(editors if number % 2 else french, italian)


ROW = re.compile(
    r'<th class="field-username"><a [^>]*>([^<]*)</a></th>.*?'
    r'<td class="field-roles_column">([^<]*)</td>',
    re.DOTALL,
)


def roles_by_user(response):
    """{username: the roles column's text}, as the page shows them."""
    assert response.status_code == 200
    return {name: html.unescape(roles) for name, roles in ROW.findall(response.content.decode())}


def test_each_user_is_listed_with_their_role_groups(admin_client_):
    add_users(2)
    User.objects.create_user("nobody", is_staff=True)
    roles = roles_by_user(admin_client_.get(URL))
    assert roles == {
        "boss": "—",
        "nobody": "—",
        "user-00": "Translators (fr), Translators (it)",
        "user-01": "Editors, Translators (it)",
    }


def test_the_users_list_makes_the_same_queries_at_3_and_30_users(admin_client_):
    def count():
        with CaptureQueriesContext(connection) as queries:
            response = admin_client_.get(URL)
        assert response.status_code == 200
        return len(queries)

    add_users(3)
    small = count()
    add_users(27, start=3)
    assert count() == small
    assert len(roles_by_user(admin_client_.get(URL))) == 31
    # Session, user, the counts, the page of users, their groups (one
    # prefetch), the groups filter: a fixed number.
    assert small <= 10
