"""Errors that carry messages by field, nested where the data is nested.

Django's ``ValidationError`` holds one level of fields; a product with typed specs needs two
(``{"chemical_spec": {"cas_number": [...]}}``). Services raise ``FieldValidationError`` for that, pages
show the messages beside their fields, and the API's one exception handler answers 400 with them.
"""


class FieldValidationError(Exception):
    def __init__(self, errors: dict):
        super().__init__(errors)
        self.errors = errors
