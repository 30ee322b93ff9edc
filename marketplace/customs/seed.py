"""Initial customs reference data, loaded by a data migration and kept by operators afterwards.

Rows not given by DOMAIN.md are marked ``needs_review``: they come from the customs code tables
as commonly published, not from an official page read for this project.
"""

# (code, name, Chinese name, office, port, needs review)
CUSTOMS_OFFICES = [
    ("0700", "Hohhot customs district", "呼和浩特关区", True, False, False),
    ("0701", "Hohhot", "呼和浩特海关", True, True, False),
    ("0702", "Erenhot", "二连海关", True, True, False),
    ("0703", "Baotou", "包头海关", True, True, False),
]

# (ISO alpha-2, ISO alpha-3, customs numeric code, needs review)
COUNTRIES = [
    ("CN", "CHN", "142", True),
    ("RU", "RUS", "344", False),
    ("US", "USA", "502", False),
    ("MN", "MNG", "124", True),
    ("KZ", "KAZ", "145", True),
    ("KG", "KGZ", "146", True),
    ("UZ", "UZB", "149", True),
    ("IR", "IRN", "113", True),
    ("DE", "DEU", "304", True),
    ("BR", "BRA", "410", True),
]

# (code, name, sea)
TRANSPORT_MODES = [
    ("2", "Sea", True),
    ("3", "Rail", False),
    ("4", "Road", False),
    ("5", "Air", False),
]

# Pure-electric passenger cars need an export licence from 2026-01-01 (MOFCOM et al. 2025 No. 54).
LICENCE_REQUIRED_HS = "8703801090 2026-01-01"


def load_reference_data(apps) -> None:
    """Create the rows that are missing; never overwrite what operators changed."""
    office_model = apps.get_model("customs", "CustomsOffice")
    for code, name, name_zh, is_office, is_port, review in CUSTOMS_OFFICES:
        office_model.objects.get_or_create(
            code=code,
            defaults={
                "name": name,
                "name_zh": name_zh,
                "is_office": is_office,
                "is_port": is_port,
                "needs_review": review,
            },
        )
    country_model = apps.get_model("customs", "CountryCode")
    for iso2, iso3, customs_code, review in COUNTRIES:
        country_model.objects.get_or_create(
            iso2=iso2, defaults={"iso3": iso3, "customs_code": customs_code, "needs_review": review}
        )
    mode_model = apps.get_model("customs", "TransportMode")
    for code, name, is_sea in TRANSPORT_MODES:
        mode_model.objects.get_or_create(code=code, defaults={"name": name, "is_sea": is_sea})
    settings_model = apps.get_model("customs", "CustomsSettings")
    if not settings_model.objects.exists():
        settings_model.objects.create(
            platform_code="",
            platform_name="Ordos B2B Marketplace",
            list_limit_cny=5000,
            licence_required_hs=LICENCE_REQUIRED_HS,
        )
