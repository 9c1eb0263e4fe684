from django.contrib import admin
from django.urls import include, path

from aspen_ce import views

urlpatterns = [
    path("", include("tracks.urls")),
    path("accounts/", include("allauth.urls")),
    path("my-details/", views.profile, name="profile"),
    path("credits/", include("credits.urls")),
    path("events/", include("events.urls")),
    path("admin/", admin.site.urls),
]
