"""The State Library's workbench in the Django admin.

Every change an admin page makes goes through a service of the app that owns
the data; nothing here writes a credit or a decision itself.
"""

from django.contrib import admin

from review.admin import credits, events, tracks

# The review list needs the width of an old laptop's screen more than a
# second copy of the index beside it.
admin.site.enable_nav_sidebar = False
admin.site.site_header = "ASPeN CE: State Library workbench"
admin.site.site_title = "ASPeN CE workbench"
admin.site.index_title = "Workbench"

__all__ = ["credits", "events", "tracks"]
