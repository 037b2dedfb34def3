"""The moment the `clock` fixture (tests/conftest.py) stops time at."""

import datetime

NOW = datetime.datetime(2026, 3, 10, 12, 0, tzinfo=datetime.UTC)
