"""Events as iCalendar (RFC 5545) data, for downloads, feeds and emails."""

import icalendar

PRODUCT_ID = "-//Montana State Library//ASPeN CE//EN"


def _vevent(event, *, with_link):
    vevent = icalendar.Event()
    vevent.add("uid", f"event-{event.pk}@aspen-ce")
    vevent.add("dtstamp", event.created_at)
    vevent.add("dtstart", event.begins_at)
    vevent.add("dtend", event.ends_at)
    vevent.add("summary", event.title)
    lines = [event.description] if event.description else []
    lines.append(f"Sponsor: {event.sponsor}")
    lines.append(f"{event.credit_value} CE credit(s) in {event.category.name}")
    if event.is_online:
        location = event.online_link if with_link and event.online_link else "Online"
    else:
        location = event.place
    if location:
        vevent.add("location", location)
    if with_link and event.online_link:
        vevent.add("url", event.online_link)
    vevent.add("description", "\n".join(lines))
    return vevent


def calendar_of(events, *, name=None, with_links=False):
    """The bytes of an .ics file holding ``events``.

    The online link is included only when ``with_links`` is true: it is meant
    for people who registered.
    """
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    if name:
        calendar.add("x-wr-calname", name)
    for event in events:
        calendar.add_component(_vevent(event, with_link=with_links))
    return calendar.to_ical()
