"""Writes of the catalogue: a supplier's product with its typed specs, all or nothing."""

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from catalog.models import ProductStatus
from catalog.specs.forms import SPEC_FORMS, ProductForm, existing_spec, spec_names_for
from catalog.translation.models import TRANSLATED_LANGUAGES, ProductTranslation
from catalog.translation.services import translate_product
from marketplace.core.errors import FieldValidationError
from marketplace.core.services import record_event

Category = get_model("catalogue", "Category")
Partner = get_model("partner", "Partner")
Product = get_model("catalogue", "Product")
PRODUCT_FIELDS = ("title", "upc", "product_class", "description")
# A published product's title or description changed: it stays published (the text is cleaned
# like any other), and the audit log keeps what it said before and after.
TEXT_CHANGED = "product.text_changed"


class ProductDataError(FieldValidationError):
    """Bad product data; ``errors`` maps each field (and spec field) to its messages."""


def _messages(form) -> dict[str, list[str]]:
    return {
        field: [error["message"] for error in errors] for field, errors in form.errors.get_json_data().items()
    }


def public_text(*, title: str, description: str, translations: dict[str, tuple[str, str]]) -> dict:
    """What buyers read of a product, by field: {"title": …, "ru.description": …}.

    ``translations`` maps a language to its (title, description).
    """
    text = {"title": title, "description": description}
    for language, (translated_title, translated_description) in translations.items():
        text[f"{language}.title"], text[f"{language}.description"] = translated_title, translated_description
    return text


def text_changes(*, before: dict, after: dict) -> dict:
    """The fields of two ``public_text`` results that differ, as {field: {"from": …, "to": …}}."""
    return {
        name: {"from": before.get(name, ""), "to": after.get(name, "")}
        for name in sorted(before.keys() | after.keys())
        if before.get(name, "") != after.get(name, "")
    }


def _stored_text(product: Product) -> dict:
    translations = ProductTranslation.objects.filter(product=product).values_list(
        "language", "title", "description"
    )
    return public_text(
        title=product.title,
        description=product.description,
        translations={language: (title, description) for language, title, description in translations},
    )


def save_product(
    *, supplier: Partner, data: dict, product: Product | None = None, by: AbstractBaseUser | None = None
) -> Product:
    """Create one of ``supplier``'s products, or update ``product`` with ``data``.

    Top-level fields not in ``data`` keep their values; a spec object in ``data`` replaces
    that spec whole. The product class decides which specs are required (specs/registry.py).
    Raises ProductDataError with every problem at once; nothing is written then.

    Descriptions are stored cleaned (Product.clean, which ProductForm runs, and
    translate_product). A published product stays published when ``by`` changes its text;
    the change is recorded in its audit log (TEXT_CHANGED) for operators to look at.
    """
    if product is not None and product.supplier_id != supplier.pk:
        raise PermissionDenied(_("Only the product's own supplier can change it."))
    # Read before the form below writes the new values onto ``product``.
    published_text = _stored_text(product) if product and product.status == ProductStatus.PUBLISHED else None
    current = {}
    if product is not None:
        current = {
            "title": product.title,
            "upc": product.upc,
            "product_class": product.product_class.slug,
            "description": product.description,
        }
    product_form = ProductForm(
        {**current, **{key: data[key] for key in PRODUCT_FIELDS if key in data}}, instance=product
    )
    errors = {} if product_form.is_valid() else _messages(product_form)
    product_class = product_form.cleaned_data.get("product_class") or (product and product.product_class)

    wanted = set(spec_names_for(product_class.slug)) if product_class else set()
    spec_forms = {}
    for name, form_class in SPEC_FORMS.items():
        payload, existing = data.get(name), existing_spec(product, name)
        if name not in wanted:
            if payload is not None and product_class:
                errors[name] = [_("A %(type)s has no %(spec)s.") % {"type": product_class.name, "spec": name}]
            continue
        if payload is None:
            if existing is None:
                errors[name] = [_("This product type needs its %(spec)s.") % {"spec": name}]
            continue
        if not isinstance(payload, dict):
            errors[name] = [_("Send the specification as an object of fields.")]
            continue
        spec_forms[name] = form_class(payload, instance=existing)
        if not spec_forms[name].is_valid():
            errors[name] = _messages(spec_forms[name])

    translations = data.get("translations") or {}
    languages = dict(TRANSLATED_LANGUAGES)
    if not isinstance(translations, dict) or any(
        language not in languages or not isinstance(text, dict) or not str(text.get("title", "")).strip()
        for language, text in translations.items()
    ):
        errors["translations"] = [
            _("Give translations by language (%(languages)s), each with a title.")
            % {"languages": ", ".join(languages)}
        ]
    category_ids = data.get("categories")
    categories = []
    if category_ids is not None:
        categories = list(Category.objects.filter(pk__in=[i for i in category_ids if isinstance(i, int)]))
        if len(categories) != len(set(category_ids)):
            errors["categories"] = [_("Some categories do not exist.")]
    if errors:
        raise ProductDataError(errors)

    with transaction.atomic():
        saved = product_form.save(commit=False)
        saved.supplier = supplier
        saved.save()
        for name in set(SPEC_FORMS) - wanted:
            if (stale := existing_spec(product, name)) is not None:
                stale.delete()  # the product changed class
        for form in spec_forms.values():
            spec = form.save(commit=False)
            spec.product = saved
            spec.save()
        if category_ids is not None:
            saved.categories.set(categories)
        for language, text in translations.items():
            translate_product(
                product=saved,
                language=language,
                title=str(text["title"]).strip(),
                description=str(text.get("description", "")),
                search_words=str(text.get("search_words", "")),
            )
        if published_text is not None and (
            changes := text_changes(before=published_text, after=_stored_text(saved))
        ):
            record_event(actor=by, subject=saved, verb=TEXT_CHANGED, data={"changes": changes})
    return saved
