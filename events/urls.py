from django.urls import path

from events import views

app_name = "events"

urlpatterns = [
    path("", views.catalogue, name="catalogue"),
    path("<int:pk>/", views.event_detail, name="detail"),
    path("<int:pk>/event.ics", views.event_ics, name="ics"),
    path("calendar/", views.calendar_feed, name="calendar"),
    path("calendar/<str:token>.ics", views.calendar_ics, name="calendar_ics"),
]
