"""
Surrogate keys: the names of what a cached page shows.

Every cacheable public response lists, in the `xkey` header, the keys of the
objects and lists it shows. When content changes, the keys whose pages are
now stale are announced once, after the transaction commits, through
`pages_invalidated`. The app's own page cache and the front caches (Varnish,
a CDN) listen to it and drop exactly those pages.

Naming (no language in any key: a change invalidates every language's page):

- `<app>.<model>:<pk>`, e.g. `companies.pressrelease:42`: the page shows
  that object (its detail page, or any page that read it: a list row, a
  related link, the company named under a release). Announced on every
  change of the object, including a change of what only its translations'
  states say.
- `<app>.<model>:list`, e.g. `companies.pressrelease:list`: the page asked
  the database which objects of that model to show or count (lists, home,
  feeds, sitemaps, a company's releases, search). Announced when a change
  can alter such an answer: an object created, deleted, published,
  unpublished, rescheduled, or any of its non-text fields changed (company,
  date, order). Text-only edits of an existing object announce only its
  own key, so the pages listing others are kept.
- `<app>.<model>:list:<column>=<value>`, e.g.
  `companies.pressrelease:list:company_id=5`: the page asked which rows
  of that model (or many-to-many table) point to object 5 (a company's
  releases, a person's positions). Announced when a row starts or stops
  pointing there, or is published, unpublished, deleted or reordered.
  The page has no `:list` key of the model for that query, and the
  company's own key is not announced: its other pages are kept. Above
  `MAX_OBJECT_KEYS` of one relation on a page, `...:company_id=*` stands
  for them; it is announced with each of them.
- `<app>.<model>:any`: stands for all the object keys of that model on a
  page that read more than `MAX_OBJECT_KEYS` of them (a sitemap section),
  so a header stays bounded; announced with every change of that model.
- `<app>.<model>:gap:<pk>`, e.g. `companies.pressrelease:gap:42`: the
  page shows the first rows of the model's public order (home's latest
  releases, `invalidation.first_rows`) or an object's neighbours in it (an
  episode's previous and next, `invalidation.around`), and row 42 is in
  that window: a row arriving just before 42 in that order (its nearest
  public follower, announced with every published row whose place may
  have changed) enters the window. `<app>.<model>:gap:end` is the place
  after the last public row (a window not full, the last episode's "next");
  `<app>.<model>:gap:*`, carried by every window, is announced when a
  change moves too many rows to name their places.
- `<app>.<model>:year:<column>=<year>`, e.g.
  `companies.pressrelease:year:issued_on=2021`: the page listed the rows
  dated in that year (the press list's year filter). Announced when a row
  dated in that year, before or after the change, joins, leaves or moves.
  Filtered by a foreign key too, the page gets their intersection,
  `companies.pressrelease:year:issued_on=2021,company_id=5` (a company's
  releases of 2021), announced for the years and values of the changed
  rows before and after: a change of another company or year keeps it.
  Each such page also carries `companies.pressrelease:year:issued_on`,
  announced when a change moves too many rows to name their years.
- `<app>.<model>:span:<column>`, e.g. `companies.pressrelease:span:issued_on`:
  the page shows the first and last years of the public rows' dates (the
  press list's year choices, `invalidation.date_span`). Announced when a
  changed row's year is beyond either end of the other rows'.
- `search`: search results, which depend on the text of everything;
  announced with every content change.
"""

from django.dispatch import Signal

# The response header carrying the keys, space-separated (Varnish xkey's).
HEADER = "xkey"

# Sent with `keys`, a frozenset of key strings, after the change commits.
pages_invalidated = Signal()

# Above this many objects of one model on a page, its `:any` key stands for them.
MAX_OBJECT_KEYS = 50

SEARCH = "search"


def model_label(model):
    """`companies.pressrelease`: the model part of every key."""
    return model._meta.label_lower


def object_key(model, pk):
    return f"{model_label(model)}:{pk}"


def list_key(model):
    return f"{model_label(model)}:list"


def relation_key(model, column, value):
    """`companies.pressrelease:list:company_id=5`: the rows of `model` whose `column` is `value`."""
    return f"{model_label(model)}:list:{column}={value}"


def every_relation_key(key):
    """
    `companies.pressrelease:list:company_id=*`, announced with each key of
    that relation: it stands for them on a page that read more than
    `MAX_OBJECT_KEYS` of them, so a header stays bounded.
    """
    return key.rsplit("=", 1)[0] + "=*"


GAP_END = "end"
EVERY_GAP = "*"


def gap_key(model, pk):
    """`companies.pressrelease:gap:42`: the place row 42 fills in a window of the public order."""
    return f"{model_label(model)}:gap:{pk}"


def year_key(model, column, year, within=None):
    """
    `companies.pressrelease:year:issued_on=2021`: the rows dated in one
    year; `within` (column, value) of a foreign key, those of them that
    point there: `companies.pressrelease:year:issued_on=2021,company_id=5`.
    """
    key = f"{model_label(model)}:year:{column}={year}"
    return f"{key},{within[0]}={within[1]}" if within else key


def every_year_key(model, column):
    """
    `companies.pressrelease:year:issued_on`: carried with every year key of
    that date, announced when a change moves too many rows to name their years.
    """
    return f"{model_label(model)}:year:{column}"


def span_key(model, column):
    """`companies.pressrelease:span:issued_on`: the first and last years of the public rows."""
    return f"{model_label(model)}:span:{column}"


def is_relation_key(key):
    return key.count(":") == 2 and "=" in key


def any_key(model):
    return f"{model_label(model)}:any"
