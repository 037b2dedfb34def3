"""
Per-process memory of values that depend only on their key.

Some of what a page shows is the same for every request that shows the same
version of an object: the URLs and `srcset` of an image's renditions (a
function of the upload's name, unique per upload, see storage.py), the plain
text of a rich-text field (a function of the text). Computing them costs more
CPU than the rest of the page; remembering them here costs a dict lookup.

A `Memo` is keyed by everything the value depends on, so it never needs
invalidating when content changes: a new upload or a new text is a new key.
It is bounded (least recently used entries go first) and local to the
process, so it works the same with Redis down. It is cleared when a setting
it may depend on changes (the tests change MEDIA_ROOT, MEDIA_URL, CACHES…).
"""

import threading
from collections import OrderedDict

from django.core.signals import setting_changed
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.translation import get_language

_memos = []


class Memo:
    """A bounded least-recently-used mapping, safe to share between threads."""

    def __init__(self, name, max_entries):
        self.name = name
        self.max_entries = max_entries
        self._entries = OrderedDict()
        self._lock = threading.Lock()
        _memos.append(self)

    def __len__(self):
        return len(self._entries)

    def get(self, key, default=None):
        with self._lock:
            try:
                self._entries.move_to_end(key)
            except KeyError:
                return default
            return self._entries[key]

    def set(self, key, value):
        with self._lock:
            self._entries[key] = value
            self._entries.move_to_end(key)
            while len(self._entries) > self.max_entries:
                self._entries.popitem(last=False)

    def discard(self, predicate):
        """Forget the entries whose key satisfies `predicate`."""
        with self._lock:
            for key in [key for key in self._entries if predicate(key)]:
                del self._entries[key]

    def clear(self):
        with self._lock:
            self._entries.clear()


def clear_all():
    """Forget every memo's entries (a setting they may depend on changed)."""
    for memo in _memos:
        memo.clear()


def _on_setting_changed(**kwargs):
    clear_all()


setting_changed.connect(_on_setting_changed, dispatch_uid="renaulution.memo")


# About 400 bytes each: at most some 4 MB per process.
_urls = Memo("urls", 10000)


def cached_reverse(viewname, **kwargs):
    """
    `reverse(viewname, kwargs=kwargs)`, remembered: an address depends only
    on the view, its arguments, the active language (i18n_patterns' prefix),
    the script prefix and the URLconf, all in the key. Pages call
    `get_absolute_url` dozens of times (links, hreflang, JSON-LD), and each
    reverse costs more than the lookup.
    """
    key = (
        viewname,
        tuple(sorted(kwargs.items())),
        get_language(),
        get_script_prefix(),
        get_urlconf(),
    )
    url = _urls.get(key)
    if url is None:
        url = reverse(viewname, kwargs=kwargs or None)
        _urls.set(key, url)
    return url
