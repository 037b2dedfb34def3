"""Staff users, their logged-in clients and admin addresses, for tests that go through the admin."""

from django.contrib.auth.models import Group, User
from django.test import Client
from django.urls import reverse


def make_user(name, *groups, **extra):
    user = User.objects.create_user(name, password="pw", is_staff=True, **extra)
    for group in groups:
        user.groups.add(Group.objects.get(name=group))
    return user


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def admin_url(obj, view, *args):
    """The admin's `view` of `obj` (change, history, preview...), with `args` after its id."""
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}", args=[obj.pk, *args])


def change_url(obj):
    return admin_url(obj, "change")
