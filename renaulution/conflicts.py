"""
Edit conflicts in the admin change form: a three-way merge, never a silent
overwrite.

The change form carries a signed snapshot of the object as it was when the
form was opened (every column, each language's included, the many-to-many
sets and the inline rows). On save the snapshot (base), the stored object
(theirs) and the submitted form (mine) are compared field by field:

- a field only the other person changed keeps their value;
- a field only I changed takes mine;
- a field both changed differently is a conflict: nothing is saved, the form
  comes back with a panel showing who changed what, a word diff of their
  text against mine, and a choice per field (keep mine / take theirs).

Many-to-many sets merge element by element (their additions and removals
and mine are all kept), so they never conflict.
"""

import datetime
from decimal import Decimal

from django.contrib import messages
from django.contrib.admin.models import LogEntry
from django.contrib.admin.utils import unquote
from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.forms.formsets import DELETION_FIELD_NAME
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from translations.diff import word_diff

SNAPSHOT_FIELD = "_conflict_base"
CHOICE_PREFIX = "_conflict_choice__"
MINE, THEIRS = "mine", "theirs"
SALT = "renaulution.conflicts"
# Who changed the object since the form was opened: the newest entries only.
AUTHORS_LIMIT = 5


def plain(field, value):
    """A field's value in a form that survives JSON and compares as readers see it."""
    if isinstance(field, models.FileField):
        return getattr(value, "name", value) or ""
    if isinstance(value, datetime.datetime):
        # The admin's widgets show whole seconds; the stored value may have
        # microseconds, and the submitted one comes in the current time zone.
        if value.tzinfo is not None:
            value = value.astimezone(datetime.UTC)
        return value.replace(microsecond=0).isoformat()
    if isinstance(value, datetime.time):
        return value.replace(microsecond=0).isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def columns(model, exclude=()):
    return [
        field
        for field in model._meta.concrete_fields
        if field.editable and not field.primary_key and field.name not in exclude
    ]


def row_values(obj, exclude=()):
    """{field name: plain value} of the object's editable columns."""
    return {
        field.name: plain(field, field.value_from_object(obj))
        for field in columns(type(obj), exclude)
    }


def row_attributes(obj, exclude=()):
    """{attname: stored value}: what a merge writes back onto a bound instance."""
    return {field.attname: getattr(obj, field.attname) for field in columns(type(obj), exclude)}


def m2m_values(obj):
    return {
        field.name: sorted(getattr(obj, field.name).values_list("pk", flat=True))
        for field in obj._meta.many_to_many
        if field.editable
    }


def snapshot(obj, column_values, m2m, rows):
    """What the change form carries: the object as the person saw it."""
    return {
        "pk": str(obj.pk),
        "model": obj._meta.label_lower,
        # The newest history entry the person had seen: who changed it since are the later ones.
        "log": object_log(obj).order_by("-pk").values_list("pk", flat=True).first() or 0,
        "columns": column_values,
        "m2m": m2m,
        "rows": rows,
        "pending": {},
    }


def sign(state):
    return signing.dumps(state, salt=SALT, compress=True)


def unsign(token, obj):
    """The snapshot in `token`, or None when it is missing, forged or for another object."""
    try:
        state = signing.loads(token or "", salt=SALT)
    except signing.BadSignature:
        return None
    if state.get("model") != obj._meta.label_lower or state.get("pk") != str(obj.pk):
        return None
    return state


def language_of(field):
    # modeltranslation's columns know their language; other fields have none.
    return getattr(field, "language", "")


class Conflict:
    """One field both people changed, differently."""

    def __init__(self, key, label, language, theirs, mine):
        self.key = key
        self.label = label
        self.language = language
        self.theirs = theirs
        self.mine = mine

    @property
    def choice_name(self):
        return CHOICE_PREFIX + self.key

    @property
    def diff(self):
        return word_diff(str(self.theirs or ""), str(self.mine or ""))


class ConflictCheck:
    """The three states of one save: base (token), theirs (database) and mine (form)."""

    def __init__(self, request, obj):
        self.request = request
        self.obj = obj
        self.current = {"columns": row_values(obj), "m2m": m2m_values(obj)}
        self.current_attributes = row_attributes(obj)
        self.current_rows = {}
        self.current_row_attributes = {}
        self.state = unsign(request.POST.get(SNAPSHOT_FIELD), obj)
        self.conflicts = []
        self.merged = []
        # Rows I changed that someone else deleted meanwhile.
        self.lost_rows = []

    # The inline formsets are made after the form and before it is validated.
    def add_formsets(self, formsets):
        self.formsets = formsets
        for formset in formsets:
            exclude = {formset.fk.name}
            rows = list(formset.get_queryset())
            self.current_rows[formset.prefix] = {
                str(row.pk): row_values(row, exclude) for row in rows
            }
            self.current_row_attributes[formset.prefix] = {
                str(row.pk): row_attributes(row, exclude) for row in rows
            }

    def drop_rows_deleted_meanwhile(self, data, formset_class, prefix):
        """
        The submitted rows that someone else deleted and I left untouched are
        marked deleted too: their deletion is kept, nothing of mine is lost.
        """
        base_rows = self.state["rows"].get(prefix, {})
        model = formset_class.model
        pk_name = model._meta.pk.name
        submitted = {}
        for index in range(int(data.get(f"{prefix}-INITIAL_FORMS") or 0)):
            pk = data.get(f"{prefix}-{index}-{pk_name}", "")
            if pk in base_rows:
                submitted[pk] = index
        if not submitted:
            return data
        existing = {
            str(pk)
            for pk in model._default_manager.filter(pk__in=list(submitted)).values_list(
                "pk", flat=True
            )
        }
        gone = {pk: index for pk, index in submitted.items() if pk not in existing}
        if not gone:
            return data
        data = data.copy()
        for pk, index in gone.items():
            row_prefix = f"{prefix}-{index}"
            form = formset_class.form(data=data, prefix=row_prefix)
            if not row_changed(form, model, base_rows[pk]):
                data[f"{row_prefix}-{DELETION_FIELD_NAME}"] = "on"
        return data

    def choice(self, key, theirs):
        """The person's choice for a conflict shown to them, if theirs is still what they saw."""
        pending = (self.state or {}).get("pending", {})
        if key not in pending or pending[key] != theirs:
            return None
        choice = self.request.POST.get(CHOICE_PREFIX + key)
        return choice if choice in (MINE, THEIRS) else None

    def merge_field(self, key, label, field, bound, instance, base, theirs, attributes):
        """Three-way merge of one column onto `instance` (already holding mine)."""
        if base == theirs:
            return
        if isinstance(field, models.FileField):
            mine_changed = bound.field.has_changed(None, bound.data)
        else:
            mine = plain(field, field.value_from_object(instance))
            mine_changed = mine != base
            if mine_changed and mine == theirs:
                return  # both made the same change
        if not mine_changed:
            setattr(instance, field.attname, attributes[field.attname])
            self.merged.append(label)
            return
        choice = self.choice(key, theirs)
        if choice == THEIRS:
            setattr(instance, field.attname, attributes[field.attname])
        elif choice != MINE:
            mine = plain(field, field.value_from_object(instance))
            self.conflicts.append(Conflict(key, label, language_of(field), theirs, mine))

    def resolve(self, form):
        """Merges theirs into the validated form, or refuses the save with a form error."""
        if self.state is None:
            form.add_error(
                None,
                ValidationError(
                    _(
                        "This form could not be checked against changes made since it "
                        "was opened (its edit check is missing or invalid). Nothing was "
                        "saved: check the values below and save again."
                    ),
                    code="conflict_token",
                ),
            )
            return
        base_columns = self.state["columns"]
        for field in columns(type(self.obj)):
            if field.name not in form.fields or field.name not in base_columns:
                continue
            self.merge_field(
                field.name,
                key_label(field),
                field,
                form[field.name],
                form.instance,
                base_columns[field.name],
                self.current["columns"][field.name],
                self.current_attributes,
            )
        self.merge_m2m(form)
        for formset in getattr(self, "formsets", []):
            self.merge_rows(formset)
        if self.lost_rows:
            form.add_error(
                None,
                ValidationError(
                    _(
                        "Someone else deleted %(rows)s since you opened the form, and you "
                        "changed it. Nothing was saved: tick its delete box, or add it again "
                        "as a new row, then save."
                    )
                    % {"rows": ", ".join(f"“{row}”" for row in self.lost_rows)},
                    code="conflict_deleted",
                ),
            )
        if self.conflicts:
            form.add_error(
                None,
                ValidationError(
                    _(
                        "Someone else changed this item since you opened it, and some of "
                        "their changes are to the same fields as yours. Nothing was saved: "
                        "choose, for each field below, which version to keep, then save again."
                    ),
                    code="conflict",
                ),
            )

    def merge_m2m(self, form):
        base_sets = self.state["m2m"]
        for field in self.obj._meta.many_to_many:
            name = field.name
            if name not in form.cleaned_data or name not in base_sets:
                continue
            base, theirs = set(base_sets[name]), set(self.current["m2m"][name])
            if base == theirs:
                continue
            mine = {item.pk for item in form.cleaned_data[name]}
            merged = (theirs | (mine - base)) - (base - mine)
            form.cleaned_data[name] = field.related_model._default_manager.filter(pk__in=merged)
            self.merged.append(key_label(field))

    def merge_rows(self, formset):
        base_rows = self.state["rows"].get(formset.prefix, {})
        current = self.current_rows.get(formset.prefix, {})
        pk_name = formset.model._meta.pk.name
        for form in formset.initial_forms:
            pk = str(form.data.get(form.add_prefix(pk_name), ""))
            if pk not in base_rows:
                continue
            if pk not in current:
                if not form.data.get(form.add_prefix(DELETION_FIELD_NAME)):
                    self.lost_rows.append(row_name(base_rows[pk]))
                continue
            if not form.is_valid():
                continue
            if formset._should_delete_form(form) and not self.merge_deletion(
                formset, form, pk, base_rows[pk], current[pk]
            ):
                continue
            for field in columns(formset.model, {formset.fk.name}):
                if field.name not in form.fields:
                    continue
                self.merge_field(
                    f"{formset.prefix}-{pk}-{field.name}",
                    row_label(formset, form.instance, field),
                    field,
                    form[field.name],
                    form.instance,
                    base_rows[pk].get(field.name),
                    current[pk][field.name],
                    self.current_row_attributes[formset.prefix][pk],
                )

    def merge_deletion(self, formset, form, pk, base, theirs):
        """
        A row I deleted: gone if nobody changed it, else my choice. True when
        the row stays (their changes taken), so its fields are merged.
        """
        if base == theirs:
            return False
        key = f"{formset.prefix}-{pk}"
        summary = row_text(theirs)
        choice = self.choice(key, summary)
        if choice == THEIRS:
            form.cleaned_data[DELETION_FIELD_NAME] = False
            return True
        if choice != MINE:
            label = _("%(row)s (you deleted it, they changed it)") % {
                "row": f"{capfirst(formset.model._meta.verbose_name)} “{form.instance}”"
            }
            self.conflicts.append(Conflict(key, label, "", summary, ""))
        return False

    def next_state(self, fresh):
        """The snapshot the re-shown form carries."""
        if self.state is None:
            return fresh
        pending = dict(self.state.get("pending", {}))
        pending.update({conflict.key: conflict.theirs for conflict in self.conflicts})
        return {**self.state, "pending": pending}

    def authors(self):
        """Who changed the object since the form was opened, from the admin's log."""
        seen = (self.state or {}).get("log", 0)
        entries = object_log(self.obj).filter(pk__gt=seen).select_related("user")
        return list(entries.order_by("-pk")[:AUTHORS_LIMIT])


def object_log(obj):
    return LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(obj), object_id=str(obj.pk)
    )


def key_label(field):
    return capfirst(field.verbose_name)


def row_label(formset, row, field):
    return f"{capfirst(formset.model._meta.verbose_name)} “{row}”: {field.verbose_name}"


def row_changed(form, model, base):
    """Whether the submitted row differs from its base, as the form's fields compare."""
    for name, field in form.fields.items():
        if name not in base:
            continue
        initial = model._meta.get_field(name).to_python(base[name])
        if field.has_changed(initial, form[name].data):
            return True
    return False


def row_name(row):
    """A row that no longer exists, named by its first text."""
    return next((value for value in row.values() if isinstance(value, str) and value), "")


def row_text(row):
    """A row's values as one line of text, for the panel's diff."""
    return " · ".join(str(value) for value in row.values() if value not in (None, ""))


def stored_rows(context):
    """{formset prefix: {pk: plain row}} of the change form's inlines, as stored."""
    rows = {}
    for inline in context.get("inline_admin_formsets", []):
        formset = inline.formset
        exclude = {formset.fk.name}
        rows[formset.prefix] = {
            str(row.pk): row_values(row, exclude) for row in formset.get_queryset()
        }
    return rows


class ConflictFormMixin:
    """Added to the admin's model form on a save: merges, or refuses with an error."""

    conflict_check = None

    def _post_clean(self):
        super()._post_clean()
        if self.conflict_check is not None:
            self.conflict_check.resolve(self)


class ConflictAdminMixin:
    """For ModelAdmins: the edit check on every change form of an existing object."""

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        if request.method != "POST" or object_id is None or not self._is_change_view(request):
            return super().changeform_view(request, object_id, form_url, extra_context)
        # Locked until the save ends (PostgreSQL): a second save waits for
        # this one and is then checked against it.
        with transaction.atomic():
            obj = (
                self.model._base_manager.select_for_update()
                .filter(pk=self.model._meta.pk.to_python(unquote(object_id)))
                .first()
                if self._valid_pk(object_id)
                else None
            )
            if obj is not None:
                request._conflict_check = ConflictCheck(request, obj)
            return super().changeform_view(request, object_id, form_url, extra_context)

    def _is_change_view(self, request):
        # Other views reuse the change form (django-reversion's revert and
        # recover forms show an old version): the check is for plain edits.
        match = request.resolver_match
        opts = self.model._meta
        return match is not None and match.url_name == f"{opts.app_label}_{opts.model_name}_change"

    def _valid_pk(self, object_id):
        try:
            self.model._meta.pk.to_python(unquote(object_id))
        except ValidationError:
            return False
        return True

    def get_form(self, request, obj=None, change=False, **kwargs):
        form_class = super().get_form(request, obj, change=change, **kwargs)
        check = getattr(request, "_conflict_check", None)
        if check is None or obj is None:
            return form_class
        return type(form_class.__name__, (ConflictFormMixin, form_class), {"conflict_check": check})

    def get_formset_kwargs(self, request, obj, inline, prefix):
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        check = getattr(request, "_conflict_check", None)
        if check is not None and check.state is not None and "data" in kwargs:
            kwargs["data"] = check.drop_rows_deleted_meanwhile(
                kwargs["data"], inline.get_formset(request, obj), prefix
            )
        return kwargs

    def _create_formsets(self, request, obj, change):
        formsets, inline_instances = super()._create_formsets(request, obj, change)
        check = getattr(request, "_conflict_check", None)
        if check is not None and request.method == "POST":
            check.add_formsets(formsets)
        return formsets, inline_instances

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        check = getattr(request, "_conflict_check", None)
        if check is not None and check.merged:
            messages.info(
                request,
                _("Changes made by someone else since you opened the form were kept: %(fields)s.")
                % {"fields": ", ".join(dict.fromkeys(str(label) for label in check.merged))},
            )

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if change and obj is not None and self._is_change_view(request):
            check = getattr(request, "_conflict_check", None)
            if check is None:
                state = snapshot(obj, row_values(obj), m2m_values(obj), stored_rows(context))
            else:
                fresh = snapshot(
                    check.obj, check.current["columns"], check.current["m2m"], check.current_rows
                )
                state = check.next_state(fresh)
                if check.conflicts:
                    context["conflict"] = {
                        "conflicts": check.conflicts,
                        "authors": check.authors(),
                        "updated_at": getattr(check.obj, "updated_at", None),
                        "merged": list(dict.fromkeys(str(label) for label in check.merged)),
                    }
            context["conflict_token"] = sign(state)
            context["conflict_token_name"] = SNAPSHOT_FIELD
        return super().render_change_form(request, context, add, change, form_url, obj)
