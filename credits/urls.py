from django.urls import path

from credits import registration_views, views

app_name = "credits"

urlpatterns = [
    path("new-event/", views.independent_event_new, name="new_event"),
    path("conference/", views.conference_new, name="conference"),
    path("claim/", views.claim_start, name="claim_start"),
    path("claim/<int:pk>/", views.claim, name="claim"),
    path("<int:pk>/", views.credit_detail, name="detail"),
    path("register/<int:event_id>/", registration_views.register, name="register"),
    path(
        "register/<int:event_id>/cancel/",
        registration_views.registration_cancel,
        name="registration_cancel",
    ),
    path("<int:pk>/edit/", views.credit_edit, name="edit"),
    path("<int:pk>/withdraw/", views.credit_withdraw, name="withdraw"),
    path("evidence/<int:pk>/", views.evidence_download, name="evidence"),
]
