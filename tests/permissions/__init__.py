"""The permission matrix (#18): every route of the project has a rule, and each rule is tried.

- ``routes.py`` reads every URL pattern from Django's resolver (pages, the API, Oscar, Wagtail).
- ``rules.py`` is the rules table: a route without a rule fails ``test_every_route_has_a_rule``.
- ``world.py`` builds one marketplace with two of everything (company A owns the objects).
- ``test_matrix.py`` sends each rule's GET and writes as every role it refuses, the reader's GET,
  the writer's write, crossed requests (an outsider's own id beside one of A's) and one sample page
  per framework group.
"""
