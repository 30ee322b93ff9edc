from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from catalog.documents.models import DocumentKind, DocumentVisibility, ProductDocument


class DocumentSerializer(serializers.ModelSerializer):
    # A plain string here: the choices are documented once, on the input (CompanySerializer also
    # has a "kind", and one enum name per choice set keeps the schema free of collisions).
    kind = serializers.CharField(read_only=True)
    kind_label = serializers.CharField(source="get_kind_display", read_only=True)
    is_expired = serializers.BooleanField(read_only=True)
    download_url = serializers.SerializerMethodField()

    class Meta:
        model = ProductDocument
        fields = (
            "id",
            "kind",
            "kind_label",
            "version",
            "title",
            "issue_date",
            "expiry_date",
            "is_expired",
            "visibility",
            "created_at",
            "download_url",
        )

    def get_download_url(self, document) -> str:
        url = reverse("documents-api:download", args=[document.pk])
        request = self.context.get("request")
        return request.build_absolute_uri(url) if request else url


class DocumentInputSerializer(serializers.Serializer):
    """A multipart upload; the service checks the file (PDF only) and the dates."""

    kind = serializers.ChoiceField(choices=DocumentKind.choices)
    file = serializers.FileField(help_text=_("A PDF file."))
    issue_date = serializers.DateField()
    expiry_date = serializers.DateField(required=False, allow_null=True, default=None)
    visibility = serializers.ChoiceField(
        choices=DocumentVisibility.choices, default=DocumentVisibility.PUBLIC
    )
    title = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
