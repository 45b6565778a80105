from django.urls import path

from search import views

app_name = "search"
urlpatterns = [
    path("search/", views.search, name="search"),
    path("search/closest/", views.closest, name="closest"),
    path(
        "licenses/<str:slug>/<str:label>/similar/<str:anchor>/",
        views.similar_clauses,
        name="similar-clauses",
    ),
]
