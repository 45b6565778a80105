from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("licenses", "0009_spdx_unknown_is_unknown")]

    operations = [
        migrations.CreateModel(
            name="CatalogueStamp",
            fields=[
                ("name", models.CharField(max_length=20, primary_key=True, serialize=False)),
                ("stamp", models.CharField(max_length=32)),
            ],
            options={"db_table": "licenses_catalogue_stamp"},
        ),
    ]
