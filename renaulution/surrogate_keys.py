"""
Surrogate keys: the names of what a cached page shows.

Every cacheable public response lists, in the `xkey` header, the keys of the
objects and lists it shows. When content changes, the keys whose pages are
now stale are announced once, after the transaction commits, through
`pages_invalidated`. The app's own page cache and the front caches (Varnish,
a CDN) listen to it and drop exactly those pages.
"""

from django.dispatch import Signal

# The response header carrying the keys, space-separated (Varnish xkey's).
HEADER = "xkey"

# Sent with `keys`, a frozenset of key strings, after the change commits.
pages_invalidated = Signal()
