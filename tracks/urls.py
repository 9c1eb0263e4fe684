from django.urls import path

from tracks import home, views

app_name = "tracks"

urlpatterns = [
    path("", home.home, name="home"),
    path("tracks/new/", views.track_new, name="new"),
    path("tracks/<int:pk>/", views.track_detail, name="detail"),
]
