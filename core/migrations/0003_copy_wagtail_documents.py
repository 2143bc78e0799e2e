"""Documents uploaded before core.SiteDocument existed move over with their ids unchanged.

The strategy page's document fields then point at the same ids in the new table
(strategy 0002). Files stay where they are; tags are not copied.
"""

from django.core.management.color import no_style
from django.db import migrations

COPIED_FIELDS = [
    "id", "title", "file", "created_at", "uploaded_by_user_id", "collection_id",
    "file_size", "file_hash",
]


def copy_documents(apps, schema_editor):
    OldDocument = apps.get_model("wagtaildocs", "Document")
    SiteDocument = apps.get_model("core", "SiteDocument")
    old = OldDocument.objects.using(schema_editor.connection.alias).values(*COPIED_FIELDS)
    SiteDocument.objects.using(schema_editor.connection.alias).bulk_create(
        [SiteDocument(**row) for row in old]
    )
    # Explicit ids leave PostgreSQL's sequence behind; move it past them.
    connection = schema_editor.connection
    for sql in connection.ops.sequence_reset_sql(no_style(), [SiteDocument]):
        schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0002_sitedocument_and_sharing_settings"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(copy_documents, migrations.RunPython.noop)]
