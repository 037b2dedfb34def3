"""
The users' list says who may do what: a column with each user's role
groups (Editors, Translators (fr), …), read for the whole page in one
query, beside Django's own columns.
"""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.models import Group, User
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _


class UserAdmin(DjangoUserAdmin):
    list_display = [*DjangoUserAdmin.list_display, "is_superuser", "roles_column"]

    def get_queryset(self, request):
        # Roles are the user's auth groups; one prefetch for the page, in name order.
        return (
            super()
            .get_queryset(request)
            .prefetch_related(Prefetch("groups", queryset=Group.objects.order_by("name")))
        )

    @admin.display(description=_("roles"))
    def roles_column(self, user):
        return ", ".join(group.name for group in user.groups.all()) or "—"


admin.site.unregister(User)
admin.site.register(User, UserAdmin)
