from django.core.management.base import BaseCommand, CommandError

from search.backends import get_backend
from search.indexing import update_index

SHOWN = 20


class Command(BaseCommand):
    help = "Compare the search index with the catalogue: missing, stale and orphaned entries."

    def add_arguments(self, parser):
        parser.add_argument("--fix", action="store_true", help="Reindex the products that are out of step.")

    def handle(self, *args, **options):
        backend = get_backend()
        report = backend.check()
        problems = sum(len(ids) for ids in report.values())
        for kind, meaning in (
            ("missing", "listed products not in the index"),
            ("stale", "index entries older than the product"),
            ("orphaned", "index entries of products no longer listed"),
        ):
            ids = report[kind]
            shown = ", ".join(map(str, ids[:SHOWN])) + (" …" if len(ids) > SHOWN else "")
            self.stdout.write(f"{kind:>9}: {len(ids):>6}  {meaning}{': ' + shown if ids else ''}")
        if not problems:
            self.stdout.write(self.style.SUCCESS(f"The {backend.name} index is in step with the catalogue."))
            return
        if options["fix"]:
            update_index([pk for ids in report.values() for pk in ids])
            self.stdout.write(self.style.SUCCESS(f"Reindexed {problems} products."))
            return
        raise CommandError(f"{problems} index entries are out of step; run with --fix or search_reindex.")
