"""
The benchmark's two references, measured in the same run as the pages.

- `constant`: the cost of the stack itself (WSGI server, middleware, no
  database, no template): what no page can beat, and what a page-cache hit
  should come close to.
- `floor`: a minimal Django list page, 20 rows of one simple query through a
  plain template: the least a real uncached page costs. Pages are judged as
  multiples of it.
"""

from django.http import HttpResponse
from django.template import engines

from companies.models import PressRelease

# Compiled once, as the cached template loader does for files in production.
FLOOR = engines["django"].from_string(
    """<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Floor</title></head>
<body>
<h1>Latest press releases</h1>
<ul>
{% for row in rows %}  <li><a href="{{ row.get_absolute_url }}">{{ row.title }}</a> \
<time datetime="{{ row.issued_on|date:'c' }}">{{ row.issued_on }}</time></li>
{% endfor %}</ul>
</body>
</html>
"""
)


def constant(request):
    return HttpResponse(b"constant\n", content_type="text/plain")


def floor(request):
    rows = PressRelease.objects.published().order_by("-issued_on", "-pk")[:20]
    return HttpResponse(FLOOR.render({"rows": rows}, request))
