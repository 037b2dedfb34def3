"""
Each public object's address in the JSON API, for what points at it from
outside the API (the webhooks' payloads). tests/api/test_addresses.py
asks the API for every one of them, so the paths cannot drift from the
router's.
"""

from urllib.parse import quote

API_ROOT = "/api/v1/"

# Model label → the detail path, by primary key (series) or English slug.
DETAIL_PATHS = {
    "episodes.series": "series/{pk}/",
    "episodes.episode": "episodes/{slug}/",
    "companies.company": "companies/{slug}/",
    "companies.person": "people/{slug}/",
    "companies.pressrelease": "press-releases/{slug}/",
    "timeline.milestone": "milestones/{slug}/",
}


def api_path(obj):
    """The object's detail address in the API, or None for a model it does not serve."""
    template = DETAIL_PATHS.get(obj._meta.label_lower)
    if template is None:
        return None
    slug = getattr(obj, "slug_en", None) or getattr(obj, "slug", "") or ""
    return API_ROOT + template.format(pk=obj.pk, slug=quote(slug))
