import oscar.apps.search.apps as apps


class SearchConfig(apps.SearchConfig):
    name = "search"

    def ready(self):
        super().ready()
        # Index updates follow catalogue changes (search/signals.py); the catalog imports
        # nothing from search.
        from search import signals

        signals.connect()
