"""The State Library's workbench in the Django admin.

Every change an admin page makes goes through a service of the app that owns
the data; nothing here writes a credit or a decision itself.
"""

from review.admin import credits, events, tracks

__all__ = ["credits", "events", "tracks"]
