from django.urls import path

from credits import registration_views, views

app_name = "credits"

urlpatterns = [
    path("new-event/", views.independent_event_new, name="new_event"),
    path("<int:pk>/", views.credit_detail, name="detail"),
    path("register/<int:event_id>/", registration_views.register, name="register"),
    path(
        "register/<int:event_id>/cancel/",
        registration_views.registration_cancel,
        name="registration_cancel",
    ),
]
