"""Which models keep revisions, with which columns and which owned rows."""

import reversion
from modeltranslation.translator import NotRegistered, translator

# Columns a revision leaves out: written by every save, they would make each
# revision differ from the last one, and a restore must not set them back.
NOT_RECORDED = ("updated_at",)

_follows = {}


def localized_fields(model):
    """The untranslated names of `model`'s localized fields ("title" for title_en...)."""
    try:
        return tuple(translator.get_options_for_model(model).fields)
    except NotRegistered:
        return ()


def register(model, *, follow=()):
    """
    Keep revisions of `model`, with the rows named in `follow` (reverse
    relations it owns: a person's positions). Call it in the app's
    translation.py after modeltranslation's `@register`: registered earlier,
    a revision would not know the `_fr`/`_it` columns, and a restore would
    empty them. The untranslated column ("title") is left out: it reads the
    active language, not a column of its own.
    """
    names = {field.name for field in model._meta.local_fields}
    exclude = [name for name in NOT_RECORDED if name in names]
    exclude += localized_fields(model)
    reversion.register(model, follow=follow, exclude=exclude)
    _follows[model] = tuple(follow)


def recorded_fields(model):
    """The model's fields a revision holds, in the model's order (no primary key)."""
    excluded = {*NOT_RECORDED, *localized_fields(model)}
    opts = model._meta
    return [
        field
        for field in [*opts.local_fields, *opts.local_many_to_many]
        if field.name not in excluded and not field.primary_key
    ]


def follows(model):
    return _follows.get(model, ())


def owned_relation(model, name):
    """The reverse relation behind a `follow` name ("positions", "seriesproducer_set")."""
    for relation in model._meta.related_objects:
        if relation.get_accessor_name() == name:
            return relation
    raise LookupError(f"{model._meta.label} has no relation {name!r}")
