"""Rebuild the directory's search index from the published offers (home/search_index.py).

Publishing keeps the index up to date; run this after restoring a database or loading offers in bulk.
Safe to rerun: each offer's entries are rewritten, and words no published offer uses any more are dropped.
"""

from django.core.management.base import BaseCommand

from home import search_index


class Command(BaseCommand):
    help = "Rebuild the directory's search index from the published offers."

    def handle(self, *args, **options):
        count = search_index.rebuild()
        self.stdout.write(f"Indexed {count} published offer{'s' if count != 1 else ''}.")
