"""
One account per role, for trying the site out in development.

The passwords are random and printed once: they are stored only as hashes,
so a second run cannot show them again. It leaves accounts that exist as
they are (someone may have changed them on purpose); `--reset` gives them
new passwords and their role back.
"""

import secrets
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from renaulution.roles import AUTHORS, EDITORS, TRANSLATORS

# About 96 bits: more than enough for an account on a development machine.
PASSWORD_BYTES = 12


@dataclass(frozen=True)
class DemoRole:
    username: str
    label: str
    group: str | None  # None: the superuser, who needs no group


def demo_roles():
    return [
        DemoRole("demo-admin", "Admin (superuser)", None),
        DemoRole("demo-editor", EDITORS, EDITORS),
        DemoRole("demo-author", AUTHORS, AUTHORS),
        *(
            DemoRole(f"demo-translator-{code}", name, name)
            for code, _language in settings.LANGUAGES
            for name in [TRANSLATORS.format(language=code)]
        ),
    ]


class Command(BaseCommand):
    help = (
        "Create one staff account per role (admin, editor, author, a translator per "
        "language) with a random password, printed once. Development only: refused "
        "when DJANGO_DEBUG is off. Existing accounts are left as they are."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--reset",
            action="store_true",
            help="Give the demo accounts that exist new passwords and their role back.",
        )

    def handle(self, *args, reset=False, **options):
        if not settings.DEBUG:
            raise CommandError(
                "create_demo_users makes accounts whose passwords it prints: it runs only "
                "in development, with DJANGO_DEBUG=1."
            )
        roles = demo_roles()
        group_names = {role.group for role in roles if role.group}
        groups = Group.objects.in_bulk(list(group_names), field_name="name")
        missing = sorted(group_names - set(groups))
        if missing:
            raise CommandError(
                f"The role groups {', '.join(missing)} do not exist: run `manage.py migrate` first."
            )
        User = get_user_model()
        existing = User.objects.in_bulk([role.username for role in roles], field_name="username")

        made, kept = [], []
        with transaction.atomic():
            for role in roles:
                user = existing.get(role.username)
                if user is not None and not reset:
                    kept.append(role)
                    continue
                if user is None:
                    user = User(username=role.username)
                password = secrets.token_urlsafe(PASSWORD_BYTES)
                user.set_password(password)
                user.is_active = user.is_staff = True
                user.is_superuser = role.group is None
                user.save()
                user.groups.set([groups[role.group]] if role.group else [])
                made.append((role, password))

        self._report(made, kept)

    def _report(self, made, kept):
        if made:
            width = max(len(role.username) for role, _password in made)
            role_width = max(len(role.label) for role, _password in made)
            self.stdout.write("Demo accounts (the passwords are shown only this once):")
            for role, password in made:
                username, label = role.username.ljust(width), role.label.ljust(role_width)
                self.stdout.write(f"  {username}  {label}  {password}")
            self.stdout.write("Log in at /admin/.")
        for role in kept:
            self.stdout.write(
                f"{role.username} exists: left as it is, password unchanged "
                "(--reset gives it a new one)."
            )
