"""
Slugs filled in from titles, on the add form only.

Each language's slug follows that language's title as the editor types it
(`prepopulated_fields`, which modeltranslation expands per language), and
stays editable. On a change form nothing is filled in: a French slug left
empty falls back to the English one, and filling it as soon as an editor
touched the French title would give a published page a new address.
"""


class PrepopulatedOnAddMixin:
    """For ModelAdmins: `prepopulated_fields` apply to new objects only."""

    def get_prepopulated_fields(self, request, obj=None):
        if obj is not None:
            return {}
        return super().get_prepopulated_fields(request, obj)
