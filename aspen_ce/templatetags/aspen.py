from django import template

register = template.Library()


@register.filter
def lower_first(text):
    """'Start date' -> 'start date', but 'CE category' stays as it is."""
    text = str(text)
    first_word = text.split(" ", 1)[0]
    if first_word.isupper() and len(first_word) > 1:
        return text
    return text[:1].lower() + text[1:]
