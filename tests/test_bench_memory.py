"""
The memory benchmark's parts that must keep working with the site: its body
of segments and its timing run on any database (`make bench` runs them on
PostgreSQL at 100,000 segments, bench/memory.py).
"""

import random

import pytest

from bench import memory as bench_memory
from tests.factories import PressReleaseFactory
from translations.memory import new_entry

pytestmark = pytest.mark.django_db


def test_a_variation_changes_a_sentence_but_keeps_most_of_it():
    rng = random.Random(1)
    words = ["The", "group", "reported", "a", "record", "loss", "of", "7.3", "billion"]
    for _n in range(20):
        varied = bench_memory.vary(rng, words, ["Ampere", "Douai", "plant"])
        assert varied != words and len(set(varied) & set(words)) >= len(words) - 1
        assert new_entry(" ".join(varied), "x", False, "en", "fr") is not None


def test_the_measure_runs_a_body_of_30_segments(monkeypatch):
    monkeypatch.setattr(bench_memory, "RUNS", 2)
    for n in range(25):
        PressReleaseFactory(
            title_en=f"Renault opens plant number {n} in the north of France",
            title_fr=f"Renault ouvre l'usine numéro {n} dans le nord de la France",
        )
    result = bench_memory.measure()
    assert result["segments"] == 30 and result["runs"] == 2
    assert result["exact"] >= 10  # the ten held sentences
    assert result["exact"] + result["fuzzy"] + result["none"] == 30
