from django.urls import reverse
from rest_framework import serializers

from catalog.imports.models import IMPORT_FILE_KINDS, ImportJob
from catalog.specs.classes import PRODUCT_CLASSES
from marketplace.core.uploads import UploadValidator


class ImportInputSerializer(serializers.Serializer):
    product_class = serializers.ChoiceField(choices=list(PRODUCT_CLASSES))
    file = serializers.FileField(validators=[UploadValidator(kinds=IMPORT_FILE_KINDS)])


class ProblemSerializer(serializers.Serializer):
    row = serializers.IntegerField()
    column = serializers.CharField(allow_blank=True)
    message = serializers.CharField()


class ImportJobSerializer(serializers.ModelSerializer):
    product_class = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    percent = serializers.IntegerField(read_only=True)
    finished = serializers.BooleanField(source="is_finished", read_only=True)
    errors = ProblemSerializer(many=True, read_only=True)
    url = serializers.SerializerMethodField()

    class Meta:
        model = ImportJob
        fields = (
            "id",
            "url",
            "product_class",
            "status",
            "finished",
            "total_rows",
            "processed_rows",
            "percent",
            "created_count",
            "updated_count",
            "unchanged_count",
            "error_count",
            "errors",
            "failure_message",
            "created_at",
            "started_at",
            "finished_at",
        )
        read_only_fields = fields

    def get_url(self, job) -> str:
        return reverse("imports-api:import", args=[job.pk])
