"""Oscar class loader that keeps haystack out of the process.

Oscar's default loader imports ``oscar.apps.search.<module>`` before the local fork, and
those modules import haystack, which refuses to load without HAYSTACK_CONNECTIONS. Classes
under the ``search`` label therefore come from this package only.
"""

from importlib import import_module

from oscar.core.loading import default_class_loader


def class_loader(module_label: str, classnames: list[str], module_prefix: str) -> list:
    if module_label.split(".", 1)[0] == "search":
        module = import_module(module_label)
        return [getattr(module, name) for name in classnames]
    return default_class_loader(module_label, classnames, module_prefix)
