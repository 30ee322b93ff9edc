"""Unsaved model instances for bulk_create, built fast."""


class InstanceBuilder:
    """Builds ``model`` instances from values by attribute name (``product_id``, ``title``).

    Django's keyword path looks up each missing field's default for every instance; the
    positional path does not, which makes Oscar's product (about twenty fields) three times
    cheaper to build. Defaults are therefore read once, when the builder is made: use it for
    models whose defaults are constants (dates with auto_now are filled in by bulk_create).
    """

    def __init__(self, model):
        fields = model._meta.concrete_fields
        self.model = model
        self.position = {field.attname: index for index, field in enumerate(fields)}
        self.defaults = [field.get_default() for field in fields]

    def __call__(self, **values):
        arguments = list(self.defaults)
        for name, value in values.items():
            arguments[self.position[name]] = value
        return self.model(*arguments)
