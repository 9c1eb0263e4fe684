"""Read a rendered form back, so tests post what the page holds."""

from html.parser import HTMLParser


class _FormReader(HTMLParser):
    def __init__(self, form_index):
        super().__init__()
        self.form_index, self.seen, self.inside = form_index, -1, False
        self.data, self.select, self.textarea = {}, None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.seen += 1
            self.inside = self.seen == self.form_index
        if not self.inside:
            return
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type") not in ("file", "submit"):
            checkable = attrs.get("type") in ("checkbox", "radio")
            if not checkable or "checked" in attrs:
                self.data[name] = attrs.get("value", "on" if checkable else "")
        elif tag == "select":
            self.select = name
            self.data[name] = ""
        elif tag == "option" and self.select and "selected" in attrs:
            self.data[self.select] = attrs.get("value", "")
        elif tag == "textarea":
            self.textarea = name
            self.data[name] = ""

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "select":
            self.select = None
        elif tag == "textarea" and self.textarea is not None:
            # A browser drops the newline that follows <textarea>.
            value = self.data[self.textarea]
            self.data[self.textarea] = value[1:] if value[:1] == "\n" else value
            self.textarea = None

    def handle_data(self, data):
        if self.inside and self.textarea:
            self.data[self.textarea] += data


def form_data(html, form_index=1):
    """The fields of the page's ``form_index``-th form (0 is the sign-out form
    in the navigation bar) as a browser would post them."""
    reader = _FormReader(form_index)
    reader.feed(html)
    return reader.data
