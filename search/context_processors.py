from search.forms import SearchForm


def search_form(request):
    """The header's search box on every page."""
    return {"search_form": SearchForm(request.GET or None)}
