from django.urls import path

from credits import views

app_name = "credits"

urlpatterns = [
    path("new-event/", views.independent_event_new, name="new_event"),
    path("<int:pk>/", views.credit_detail, name="detail"),
]
