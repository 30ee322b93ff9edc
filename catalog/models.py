# Catalog models: subclasses of Oscar's abstract models go above the star import.
from oscar.apps.catalogue.models import *  # noqa: E402, F403
