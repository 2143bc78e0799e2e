"""`manage.py delete_old_submissions`: delete submissions older than their page's retention
period (run it daily from cron, next to publish_scheduled)."""

from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone

from participation.models import ParticipationPage, ParticipationSubmission


class Command(BaseCommand):
    help = "Deletes form submissions older than their page's retention period."

    def handle(self, *args, **options):
        now = timezone.now()
        deleted = 0
        for page_id, days in ParticipationPage.objects.values_list("pk", "retention_days"):
            count, _by_model = ParticipationSubmission.objects.filter(
                page_id=page_id, submit_time__lt=now - timedelta(days=days)
            ).delete()
            deleted += count
        self.stdout.write(f"Deleted {deleted} submission(s) past their retention period.")
