"""What bulk import tells the apps above the catalogue.

Bulk writes send no post_save signals, so apps that follow catalogue changes (the search
index) connect here instead: ``products_imported`` is sent inside each chunk's transaction
with the ids of the products it created or changed.
"""

from django.dispatch import Signal

products_imported = Signal()  # kwargs: product_ids (list[int])
