"""Profile now lives in accounts (same table); review forgets it without touching the database."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("review", "0002_roles"),
        ("accounts", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="Profile")],
            database_operations=[],
        ),
    ]
