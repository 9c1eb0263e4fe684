from django.shortcuts import get_object_or_404

from credits.models import Credit


def own_credit(person, pk):
    """The person's own credit, or 404: nobody reaches another person's."""
    queryset = Credit.objects.filter(person=person).select_related("event", "category")
    return get_object_or_404(queryset, pk=pk)
