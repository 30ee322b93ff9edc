from django.urls import path

from search import api

app_name = "search-api"

urlpatterns = [
    path("search/", api.SearchView.as_view(), name="search"),
    path("search/suggest/", api.SuggestView.as_view(), name="suggest"),
]
