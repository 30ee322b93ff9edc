"""Catalogue views that differ from Oscar's; Oscar's class loader finds them here first."""

from oscar.apps.catalogue import views

from catalog.selectors import product_for_page, product_page
from marketplace.accounts.models import VerificationStatus


class ProductDetailView(views.ProductDetailView):
    def get_object(self, queryset=None):
        if not hasattr(self, "object"):
            product = super().get_object(queryset)
            self.object = product_for_page(product_id=product.pk)
        return self.object

    def is_viewable(self, product, request):
        # Only a verified supplier's products are public; staff may look at any.
        supplier = product.supplier
        verified = bool(
            supplier
            and supplier.company
            and supplier.company.verification_status == VerificationStatus.VERIFIED
        )
        return super().is_viewable(product, request) and (verified or request.user.is_staff)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["page"] = product_page(product=self.object)
        return context
