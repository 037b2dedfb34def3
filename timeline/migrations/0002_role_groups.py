from django.db import migrations

from renaulution.roles import create_permissions_now, sync_role_groups


def grant_milestone_permissions(apps, schema_editor):
    # Editors manage milestones, translators translate them: the groups get
    # the new model's permissions the way 0001_role_groups gave the others.
    create_permissions_now(apps)
    sync_role_groups(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("timeline", "0001_initial"),
        ("renaulution", "0001_role_groups"),
    ]

    operations = [
        migrations.RunPython(grant_milestone_permissions, migrations.RunPython.noop),
    ]
