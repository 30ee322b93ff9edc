import time

from django.core.management.base import BaseCommand

from search.backends import get_backend


class ProgressBar:
    """``[#####-----]  5000/10000  50%`` redrawn in place on a terminal, a line per tenth elsewhere."""

    WIDTH = 30

    def __init__(self, stream):
        self.stream = stream
        self.started = time.monotonic()
        self.interactive = stream.isatty()
        self.last_tenth = -1

    def __call__(self, done: int, total: int) -> None:
        share = done / total if total else 1
        if not self.interactive:
            tenth = int(share * 10)
            if tenth == self.last_tenth:
                return
            self.last_tenth = tenth
        filled = int(share * self.WIDTH)
        bar = "#" * filled + "-" * (self.WIDTH - filled)
        line = f"[{bar}] {done:>7}/{total} {share:4.0%}  {time.monotonic() - self.started:5.1f}s"
        self.stream.write(f"\r{line}" if self.interactive else line, ending="" if self.interactive else "\n")
        self.stream.flush()


class Command(BaseCommand):
    help = (
        "Rebuild the search index from the catalogue. On Elasticsearch a new index is built and "
        "the alias swapped to it, so searches go on meanwhile."
    )

    def handle(self, *args, **options):
        backend = get_backend()
        self.stdout.write(f"Reindexing listed products with the {backend.name} backend")
        count = backend.rebuild(progress=ProgressBar(self.stdout))
        if self.stdout.isatty():
            self.stdout.write("")
        self.stdout.write(self.style.SUCCESS(f"Indexed {count} products."))
