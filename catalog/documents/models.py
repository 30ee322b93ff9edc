from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from catalog.documents.validators import PDF_ONLY
from marketplace.core.uploads import private_storage, safe_upload_path


class DocumentKind(models.TextChoices):
    SDS = "sds", _("Safety data sheet (SDS)")
    TDS = "tds", _("Technical data sheet (TDS)")
    COA = "coa", _("Certificate of analysis (COA)")
    UN38_3 = "un38_3", _("UN38.3 test summary")
    CERTIFICATE = "certificate", _("Certificate")


class DocumentVisibility(models.TextChoices):
    PUBLIC = "public", _("Public: anyone can download it")
    RESTRICTED = "restricted", _("Restricted: buyers with an order or RFQ")


class ProductDocumentQuerySet(models.QuerySet):
    def current(self) -> "ProductDocumentQuerySet":
        """The latest version of each kind (NOT EXISTS a newer one: works on any database)."""
        newer = ProductDocument.objects.filter(
            product_id=models.OuterRef("product_id"),
            kind=models.OuterRef("kind"),
            version__gt=models.OuterRef("version"),
        )
        return self.filter(~models.Exists(newer))


class ProductDocument(models.Model):
    """One version of a supplier's document for a product (SDS, TDS, COA, UN38.3, certificate).

    Versions count 1, 2, 3… per product and kind; the highest is the current one, older ones
    stay for the supplier's history.
    """

    product = models.ForeignKey(
        "catalogue.Product", on_delete=models.CASCADE, related_name="documents", verbose_name=_("Product")
    )
    kind = models.CharField(_("Kind"), max_length=20, choices=DocumentKind.choices)
    version = models.PositiveIntegerField(_("Version"))
    title = models.CharField(_("Title"), max_length=200, blank=True)
    file = models.FileField(
        _("File (PDF)"),
        upload_to=safe_upload_path("products/documents"),
        storage=private_storage,
        validators=[PDF_ONLY],
        max_length=200,
    )
    issue_date = models.DateField(_("Issue date"))
    expiry_date = models.DateField(_("Expiry date"), null=True, blank=True)
    visibility = models.CharField(
        _("Visibility"), max_length=20, choices=DocumentVisibility.choices, default=DocumentVisibility.PUBLIC
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Uploaded by"),
    )
    created_at = models.DateTimeField(_("Uploaded at"), auto_now_add=True)
    expiry_notified_at = models.DateTimeField(_("Supplier told of expiry at"), null=True, blank=True)

    objects = ProductDocumentQuerySet.as_manager()

    class Meta:
        verbose_name = _("Product document")
        verbose_name_plural = _("Product documents")
        ordering = ("product", "kind", "-version")
        constraints = [
            models.UniqueConstraint(fields=("product", "kind", "version"), name="document_unique_version"),
            models.CheckConstraint(condition=Q(version__gte=1), name="document_version_positive"),
            models.CheckConstraint(
                condition=Q(expiry_date__isnull=True) | Q(expiry_date__gte=F("issue_date")),
                name="document_expiry_after_issue",
            ),
            models.CheckConstraint(condition=Q(kind__in=DocumentKind.values), name="document_kind_valid"),
            models.CheckConstraint(
                condition=Q(visibility__in=DocumentVisibility.values), name="document_visibility_valid"
            ),
        ]
        indexes = [
            # The daily expiry sweep reads only documents nobody was told about yet.
            models.Index(
                fields=("expiry_date",),
                condition=Q(expiry_notified_at__isnull=True, expiry_date__isnull=False),
                name="document_expiry_unflagged",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} v{self.version} · {self.product_id}"

    @property
    def is_public(self) -> bool:
        return self.visibility == DocumentVisibility.PUBLIC

    @property
    def is_expired(self) -> bool:
        return self.expiry_date is not None and self.expiry_date < timezone.localdate()
