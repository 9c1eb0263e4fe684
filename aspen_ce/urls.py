from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("tracks.urls")),
    path("accounts/", include("allauth.urls")),
    path("credits/", include("credits.urls")),
    path("events/", include("events.urls")),
    path("admin/", admin.site.urls),
]
