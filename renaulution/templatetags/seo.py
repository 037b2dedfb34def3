from django import template

from renaulution import seo

register = template.Library()


@register.simple_tag(takes_context=True)
def page_meta(context):
    """The page's title, description, canonical URL, OpenGraph and JSON-LD (renaulution.seo)."""
    return seo.page_meta(context)
