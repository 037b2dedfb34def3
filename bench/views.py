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
from django.shortcuts import render

from companies.models import PressRelease


def constant(request):
    return HttpResponse(b"constant\n", content_type="text/plain")


def floor(request):
    rows = PressRelease.objects.published().order_by("-issued_on", "-pk")[:20]
    return render(request, "bench/floor.html", {"rows": rows})
