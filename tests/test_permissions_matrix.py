"""
Who may do what in the admin: every role × every admin URL and bulk action,
GET and POST, expected against actual in one table.

The URLs come from the URL resolver and `admin.site._registry`, not from a
list written here: a model registered later, or a new view under the admin
or the translations app, is in the matrix the day it appears (a view the
matrix has no rule for fails the test, so that its rights get decided).

The expectations restate the roles of DESIGN.md, independently of
renaulution/roles.py: editors manage all content (the companies, episodes
and timeline apps) and nothing else; translators see all content and change
only what has localized text, add, delete and publish nothing, and reach the
translation views of their own languages only; the glossary is the
editors' to maintain and every translator's to read; authors add, change and view
all content, delete and publish nothing, and see only their own drafts in
the review queue, which editors review; staff without a group reach
no content; superusers reach everything; anonymous visitors are sent to the
login page. Every case runs in a savepoint rolled back afterwards, and every
refused one is checked in the database: no row added, changed or removed.
"""

import datetime
import logging
import re
from dataclasses import dataclass
from http.cookies import SimpleCookie

import factory
import pytest
from django import forms
from django.apps import apps
from django.contrib import admin
from django.contrib.auth.models import Group, User
from django.contrib.contenttypes.models import ContentType
from django.contrib.sessions.models import Session
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone
from modeltranslation.translator import translator

from companies.models import PressRelease
from drafts.models import PendingChange
from renaulution.languages import codes
from revisions.services import record, versions_of
from tests import factories
from tests.translations.test_rights import form_data
from translations.models import FieldComment

pytestmark = pytest.mark.django_db

# The site's languages (a fourth-language run adds one).
LANGUAGES = tuple(codes())
YEAR = datetime.timedelta(days=365)
REVIEW_MODEL = PendingChange
# The apps whose models editors manage (DESIGN.md, "Content model").
CONTENT_APPS = {"companies", "episodes", "timeline"}
# The review queue of drafts (drafts/admin.py).
REVIEW_APP = "drafts"
MODEL_VIEWS = ("changelist", "add", "change", "delete", "history")
METHODS = ("GET", "POST")

# Outcomes, as the table shows them.
OK = "ok"  # 2xx, or a redirect that is not to the login page
LOGIN = "login"  # redirected to the login page
REFUSED = "refused"  # 403, or 404 for what exists but is not theirs to see
NOT_ALLOWED = "405"  # a method the view does not answer
APPLIED = "applied"  # a bulk action that changed the database
UNCHANGED = "unchanged"  # a bulk action that changed nothing


@dataclass(frozen=True)
class Role:
    name: str
    languages: tuple = ()
    editor: bool = False
    author: bool = False
    superuser: bool = False
    staff: bool = True


ROLES = [
    Role("anonymous", staff=False),
    Role("staff without group"),
    *[Role(f"Translators ({code})", languages=(code,)) for code in LANGUAGES],
    Role("Authors", author=True),
    Role("Editors", languages=LANGUAGES, editor=True),
    Role("superuser", languages=LANGUAGES, editor=True, superuser=True),
]


def is_content(model):
    return model._meta.app_label in CONTENT_APPS


def is_translatable(model):
    return model in translator.get_registered_models()


def is_review(model):
    return model._meta.app_label == REVIEW_APP


def is_glossary(model):
    """The translators' glossary: editors maintain it, translators read it."""
    return model._meta.label == "translations.Term"


def is_comment(model):
    """Comments on fields: written in the change form; editors list, resolve and delete them."""
    return model._meta.label == "translations.FieldComment"


def may_view(role, model):
    if is_comment(model):
        return role.superuser or role.editor
    if is_glossary(model):
        return role.superuser or role.editor or bool(role.languages)
    if is_review(model):
        # Authors see their own drafts only: the list, not another's page.
        return role.superuser or role.editor or role.author
    return role.superuser or (
        is_content(model) and (role.editor or role.author or bool(role.languages))
    )


def may_manage(role, model):
    return role.superuser or (
        role.editor and (is_content(model) or is_glossary(model) or is_comment(model))
    )


def is_webhook_log(model):
    """The webhooks' deliveries: written by content changes, read (and redelivered) by admins."""
    return model._meta.label == "webhooks.Delivery"


def is_login_record(model):
    """django-axes' records of logins: written by the login itself, added by nobody."""
    return model._meta.app_label == "axes"


# Expected outcomes ------------------------------------------------------------


def expected_for_review_view(role, view):
    """Drafts are saved from their item's form; editors review them, authors read theirs."""
    if view == "changelist":
        return OK if may_view(role, REVIEW_MODEL) else REFUSED
    if view == "delete":
        return OK if role.superuser else REFUSED
    if view in ("change", "history"):
        return OK if role.superuser or role.editor else REFUSED
    return REFUSED


def expected_for_model_view(role, model, view, method):
    if not role.staff:
        return LOGIN
    if is_review(model):
        return expected_for_review_view(role, view)
    if is_comment(model) and view == "add":
        return REFUSED  # a comment belongs beside its field, in the change form
    if is_webhook_log(model) and (view == "add" or (view == "change" and method == "POST")):
        return REFUSED
    if role.author and is_content(model):
        # Authors neither delete nor restore (a revision may publish); they
        # preview what they edit, by POST as the change form does.
        if view in ("delete", "revisions_restore"):
            return REFUSED
        if view in ("preview", "preview_add"):
            return OK if method == "POST" else NOT_ALLOWED
        return OK
    if view in ("changelist", "history", "tbx"):  # tbx: the glossary's export
        return OK if may_view(role, model) else REFUSED
    if view == "change":
        if method == "GET":
            return OK if may_view(role, model) else REFUSED
        translator_may = bool(role.languages) and is_content(model) and is_translatable(model)
        return OK if may_manage(role, model) or translator_may else REFUSED
    if view == "revisions_compare":
        return OK if may_view(role, model) else REFUSED
    if view == "revisions_restore":
        # Like a save: a translator restores their languages' fields only.
        translator_may = bool(role.languages) and is_content(model) and is_translatable(model)
        return OK if may_manage(role, model) or translator_may else REFUSED
    if view in ("preview", "preview_add"):
        # Previewing shows what a save would: for who may save (POST only).
        translator_may = bool(role.languages) and is_content(model) and is_translatable(model)
        may = may_manage(role, model) or (view == "preview" and translator_may)
        if not may:
            return REFUSED
        return OK if method == "POST" else NOT_ALLOWED
    if view == "add" and is_login_record(model):
        return REFUSED
    # add, delete, and a model's own views (which change it: a user's password)
    return OK if may_manage(role, model) else REFUSED


def expected_for_site_view(role, case, method):
    """The admin site's own views and the translations app's."""
    name = case.name
    if name == "admin:login":
        return OK  # the form for a visitor, a redirect to the index for staff
    if name == "admin:logout":
        if not role.staff:
            return LOGIN  # nobody to log out
        return OK if method == "POST" else NOT_ALLOWED
    if not role.staff:
        return LOGIN
    if name in ("admin:jsi18n", "admin:password_change_done"):
        return OK if method == "GET" else NOT_ALLOWED
    if name in ("admin:index", "admin:view_on_site", "admin:password_change"):
        return OK
    if name in ("admin:two_factor", "admin:two_factor_qr"):
        return OK  # every staff member enrols their own device
    if name == "admin:app_list":
        app_models = [m for m in admin.site._registry if m._meta.app_label == case.app_label]
        return OK if any(may_view(role, m) for m in app_models) else REFUSED
    if name == "admin:autocomplete":
        if method == "POST":
            return NOT_ALLOWED
        return OK if may_view(role, case.model) else REFUSED
    if name in ("translations:dashboard", "translations:import", "translations:memory_import"):
        return OK if role.languages else REFUSED
    if name in ("translations:queue", "translations:export", "translations:memory_export"):
        return OK if case.language in role.languages else REFUSED
    if name == "translations:machine_suggestion":
        # A machine translation of a press release's title, for who translates it.
        if method == "GET":
            return NOT_ALLOWED
        return OK if case.language in role.languages else REFUSED
    if name == "translations:segments":
        # A press release's body, whose source is English: no segment view
        # translates into its own source language, whoever asks.
        return OK if case.language in role.languages and case.language != "en" else REFUSED
    if name == "translations:comment_add":
        # On a field of a release written in English: editors, and the
        # translators with something to translate there.
        if method == "GET":
            return NOT_ALLOWED
        has_work = set(role.languages) - {case.language}
        return OK if role.superuser or role.editor or has_work else REFUSED
    if name == "translations:comment_state":
        # A comment nobody in the matrix wrote: only editors resolve it.
        if method == "GET":
            return NOT_ALLOWED
        return OK if role.superuser or role.editor else REFUSED
    raise AssertionError(
        f"The admin URL {name} has no rule in the permission matrix: decide who may use it"
    )


def expected_for_action(role, model):
    return APPLIED if may_manage(role, model) else UNCHANGED


# Cases ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    name: str  # the URL's name, or the action's "model:action"
    url: str
    kind: str  # "model", "site" or "action"
    model: type | None = None
    view: str = ""
    app_label: str = ""
    language: str = ""
    action: str = ""

    def label(self):
        return self.url if self.kind != "action" else f"{self.url} action={self.action}"


def named_routes(patterns, namespaces=()):
    """(namespaced name, pattern) of every named route."""
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = (*namespaces, pattern.namespace) if pattern.namespace else namespaces
            yield from named_routes(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield ":".join((*namespaces, pattern.name)), pattern


def model_view_names():
    return {
        f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}": (model, view)
        for model in admin.site._registry
        for view in MODEL_VIEWS
    }


def autocomplete_sources():
    """(source model, field, remote model) of every autocomplete field, inlines too."""
    for model, model_admin in admin.site._registry.items():
        holders = [(model, model_admin.autocomplete_fields)]
        holders += [(inline.model, inline.autocomplete_fields) for inline in model_admin.inlines]
        for source, fields in holders:
            for field in fields:
                yield source, field, source._meta.get_field(field).related_model


def model_of_extra_view(name):
    """(model, view) for a registered model's own added view (a user's password…)."""
    for model in admin.site._registry:
        prefix = f"admin:{model._meta.app_label}_{model._meta.model_name}_"
        if name.startswith(prefix):
            return model, name.removeprefix(prefix)
    return None, ""


def build_cases(objects):
    by_view = model_view_names()
    cases = []
    for name, pattern in named_routes(get_resolver().url_patterns):
        if not name.startswith(("admin:", "translations:")):
            continue
        extra_model, extra_view = model_of_extra_view(name)
        if name not in by_view and extra_model is not None:
            # Any argument it takes is the object's id, but a revision's,
            # which is the object's latest (make_objects records one).
            kwargs = dict.fromkeys(pattern.pattern.converters, objects[extra_model].pk)
            if "version_id" in kwargs:
                kwargs["version_id"] = versions_of(objects[extra_model]).first().pk

            if "language" in kwargs:  # a preview's
                kwargs["language"] = "fr"
            url = reverse(name, kwargs=kwargs)
            cases.append(Case(name, url, "model", extra_model, extra_view))
        elif name in by_view:
            model, view = by_view[name]
            args = [objects[model].pk] if view in ("change", "delete", "history") else []
            cases.append(Case(name, reverse(name, args=args), "model", model, view))
        elif name == "admin:app_list":
            for label in sorted({m._meta.app_label for m in admin.site._registry}):
                url = reverse(name, kwargs={"app_label": label})
                cases.append(Case(name, url, "site", app_label=label))
        elif name == "admin:autocomplete":
            for source, field, remote in autocomplete_sources():
                query = (
                    f"?app_label={source._meta.app_label}&model_name={source._meta.model_name}"
                    f"&field_name={field}&term=a"
                )
                cases.append(Case(name, reverse(name) + query, "site", remote))
        elif name == "admin:view_on_site":
            for model, obj in objects.items():
                if hasattr(obj, "get_absolute_url"):
                    content_type = ContentType.objects.get_for_model(model)
                    url = reverse(name, args=[content_type.pk, obj.pk])
                    cases.append(Case(name, url, "site", model))
        elif name in ("translations:queue", "translations:export", "translations:memory_export"):
            for code in LANGUAGES:
                if name.endswith("queue"):
                    url = reverse(name, kwargs={"language": code})
                elif name.endswith("memory_export"):
                    url = reverse(name) + f"?language={code}"
                else:
                    url = reverse(name) + f"?language={code}&format=xliff"
                cases.append(Case(name, url, "site", language=code))
        elif name == "translations:machine_suggestion":
            release = objects[apps.get_model("companies.PressRelease")]
            for code in LANGUAGES:
                if code == release.original_language:
                    continue  # the source: nothing to translate
                args = [release._meta.label_lower, release.pk, "title", code]
                cases.append(Case(name, reverse(name, args=args), "site", language=code))
        elif name == "translations:segments":
            release = objects[PressRelease]
            for code in LANGUAGES:
                args = [code, release._meta.label_lower, release.pk, "body"]
                cases.append(Case(name, reverse(name, args=args), "site", language=code))
        elif name == "translations:comment_add":
            release = objects[PressRelease]
            url = reverse(name, args=[release._meta.label_lower, release.pk])
            cases.append(Case(name, url, "site", language=release.original_language))
        elif name == "translations:comment_state":
            url = reverse(name, args=[objects[FieldComment].pk])
            cases.append(Case(name, url, "site"))
        else:
            cases.append(Case(name, reverse(name), "site"))
    for model, model_admin in admin.site._registry.items():
        request = _request_as(User.objects.filter(is_superuser=True).get())
        for action in model_admin.get_actions(request):
            url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
            cases.append(Case(f"{model._meta.label}:{action}", url, "action", model, action=action))
    return cases


def _request_as(user):
    from django.test import RequestFactory

    request = RequestFactory().get("/admin/")
    request.user = user
    return request


# Data ------------------------------------------------------------------------------


def factory_for(model):
    for value in vars(factories).values():
        is_factory = isinstance(value, type) and issubclass(value, factory.Factory)
        if is_factory and value._meta.model is model:
            return value
    raise AssertionError(f"tests/factories.py has no factory for {model._meta.label}")


def make_objects():
    """One object of every registered model, for its change, delete and history pages."""
    objects = {}
    for model in admin.site._registry:
        if model is User:
            objects[model] = User.objects.create_user("someone", password="pw", is_staff=True)
        elif model is Group:
            objects[model] = Group.objects.create(name="Someone's group")
        else:
            objects[model] = factory_for(model)()
        if is_content(model):
            # A revision to compare and restore (revisions/).
            record(objects[model])
    return objects


def make_action_targets():
    """For each model, two objects nothing refers to (content: a draft and a published one)."""
    targets = {}
    for model in admin.site._registry:
        if model is User:
            pks = [User.objects.create_user(f"target-{n}").pk for n in (1, 2)]
        elif model is Group:
            pks = [Group.objects.create(name=f"Target {n}").pk for n in (1, 2)]
        elif is_content(model):
            factory_class = factory_for(model)
            pks = [factory_class(status=status).pk for status in ("draft", "published")]
        elif is_comment(model):
            # One open and one resolved: either action has one to change.
            pks = [factory_for(model)().pk, factory_for(model)(resolved_at=timezone.now()).pk]
        else:
            pks = [factory_for(model)().pk for _n in (1, 2)]
            if is_login_record(model):
                # Old enough for the clean-up action to have something to remove.
                model.objects.filter(pk__in=pks).update(attempt_time=timezone.now() - YEAR)
        targets[model] = pks
    return targets


def make_users():
    users = {}
    for role in ROLES:
        if not role.staff:
            continue
        user = User.objects.create_user(
            re.sub(r"\W+", "-", role.name).strip("-").lower(),
            password="pw",
            is_staff=True,
            is_superuser=role.superuser,
        )
        if role.name.startswith("Translators") or role.name in ("Editors", "Authors"):
            user.groups.add(Group.objects.get(name=role.name))
        users[role] = user
    return users


def database_state():
    """Every row of every table but the sessions', as comparable values."""
    state = {}
    for model in apps.get_models():
        if model is Session:
            continue
        state[model._meta.label] = list(model._base_manager.order_by("pk").values_list())
    return state


def changed_tables(before, after):
    return sorted(label for label in before if before[label] != after[label])


def post_payloads(objects, superuser):
    """What each change form posts back, every text changed: a real attempt to write."""
    client = Client()
    client.force_login(superuser)
    payloads = {}
    for model, obj in objects.items():
        opts = model._meta
        response = client.get(
            reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
        )
        form = response.context["adminform"].form
        data = form_data(response)
        for name, field in form.fields.items():
            if isinstance(field, forms.CharField) and isinstance(data.get(name), str):
                data[name] += "-matrix"
        payloads[model] = data
    return payloads


# The matrix ------------------------------------------------------------------------


def classify(response, login_url):
    if response.status_code >= 500:
        return f"error {response.status_code}"
    if response.status_code in (301, 302):
        return LOGIN if response["Location"].startswith(login_url) else OK
    if response.status_code in (403, 404):
        return REFUSED
    if response.status_code == 405:
        return NOT_ALLOWED
    if 200 <= response.status_code < 300:
        return OK
    return str(response.status_code)


def request_data(case, method, payloads, targets):
    if method == "GET":
        return None
    if case.kind == "action":
        return {
            "action": case.action,
            "_selected_action": [str(pk) for pk in targets[case.model]],
            "index": "0",
            "post": "yes",
        }
    if case.kind == "model" and case.view in ("add", "change", "preview", "preview_add"):
        return payloads[case.model]
    if case.kind == "model" and case.view == "delete":
        return {"post": "yes"}
    if case.name == "translations:comment_add":
        return {"field": "title", "language": "", "body": "A question from the matrix"}
    if case.name == "translations:comment_state":
        return {"action": "resolve"}
    return {}


@pytest.fixture
def quiet_refusals():
    """Django logs each 403 and 404 with its traceback: hundreds here, all expected."""
    logger = logging.getLogger("django.request")
    level = logger.level
    logger.setLevel(logging.ERROR)
    yield
    logger.setLevel(level)


@pytest.mark.usefixtures("quiet_refusals")
def test_every_role_reaches_only_what_it_may_in_the_admin(deepl):
    superuser_role = ROLES[-1]
    users = make_users()
    objects = make_objects()
    payloads = post_payloads(objects, users[superuser_role])
    cases = build_cases(objects)
    login_url = reverse("admin:login")

    clients = {}
    for role in ROLES:
        client = Client(raise_request_exception=False)
        if role.staff:
            client.force_login(users[role])
        clients[role] = (client, SimpleCookie(client.cookies.output(header="", sep="\n")))
    # After the logins: each one makes django-axes remove expired login records.
    targets = make_action_targets()

    expected, actual, writes = {}, {}, {}
    for role in ROLES:
        client, cookies = clients[role]
        for case in cases:
            methods = ("POST",) if case.kind == "action" else METHODS
            for method in methods:
                key = (role.name, method, case.label())
                if case.kind == "action":
                    expected[key] = expected_for_action(role, case.model)
                elif case.kind == "model":
                    expected[key] = expected_for_model_view(role, case.model, case.view, method)
                else:
                    expected[key] = expected_for_site_view(role, case, method)
                data = request_data(case, method, payloads, targets)
                client.cookies = SimpleCookie(cookies.output(header="", sep="\n"))
                # The database is compared for every write that must not
                # happen, and for actions, whose outcome is what they changed.
                # A preview, or a machine translation, never writes, whoever asks.
                previews = case.view.startswith("preview") or case.name.startswith(
                    "translations:machine"
                )
                compare = method == "POST" and (
                    case.kind == "action" or expected[key] not in (OK, APPLIED) or previews
                )
                with transaction.atomic():
                    before = database_state() if compare else None
                    if method == "GET":
                        response = client.get(case.url)
                    else:
                        response = client.post(case.url, data)
                    changed = changed_tables(before, database_state()) if compare else []
                    transaction.set_rollback(True)
                outcome = classify(response, login_url)
                if case.kind == "action" and not outcome.startswith("error"):
                    outcome = APPLIED if changed else UNCHANGED
                actual[key] = outcome
                if (expected[key] not in (OK, APPLIED) or previews) and changed:
                    writes[key] = changed

    refused = sum(1 for value in expected.values() if value not in (OK, APPLIED))
    print(
        f"\nPermission matrix: {len(expected)} cases ({len(ROLES)} roles × "
        f"{len(cases)} URLs and actions × GET/POST), {refused} refused, "
        f"{len(writes)} unauthorized writes"
    )
    differences = {
        key: f"expected {expected[key]}, got {actual[key]}"
        for key in expected
        if expected[key] != actual[key]
    }
    table = "\n".join(
        f"{role:20} {method:4} {url}: {diff}"
        for (role, method, url), diff in sorted(differences.items())
    )
    assert differences == {}, f"{len(differences)} of {len(expected)} cases differ:\n{table}"
    assert writes == {}, writes
    print(f"{len(expected)} cases, {len(writes)} unauthorized writes")
    # The matrix covers what it claims: every registered model, each role.
    assert {case.model for case in cases if case.kind == "model"} == set(admin.site._registry)
    assert len(expected) > 500
