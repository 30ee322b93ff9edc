from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language

from marketplace.core.navigation import menu_for, roles_of


def navigation(request):
    user = request.user
    return {
        "main_menu": menu_for(user, request.path, "main"),
        "account_menu": menu_for(user, request.path, "account"),
        "user_company": user.company if user.is_authenticated else None,
        "user_roles": roles_of(user),
    }


def language_links(request):
    """Links to the current page in each language, for the header's switcher."""
    current = get_language()
    path = request.get_full_path()
    return {
        "language_links": [
            {"code": code, "name": name, "url": translate_url(path, code), "active": code == current}
            for code, name in settings.LANGUAGES
        ]
    }
