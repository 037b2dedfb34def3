"""
The full-text index of the embedded SQLite database: one FTS5 table per
language of settings.LANGUAGES (`search_index_en`, `search_index_fr`, …,
created by renaulution/migrations/0002_search_index.py, and for a language
added later by renaulution/search_documents.py after `migrate`; absent on
PostgreSQL, where the tables' generated tsvector columns do this work).

FTS5 has no Snowball tokenizer, so the words are folded and stemmed here, in
Python, with the Snowball stemmer of the language (`snowballstemmer`, the
algorithm renaulution/languages.py names), both
in the documents written to the index and in the queries read from it: the
table holds stems ("électriques" → "electr"), which FTS5 splits with
`unicode61 remove_diacritics 2`. A row holds what the PostgreSQL document
holds (renaulution/search.py's `SOURCES`): the title or name, then the other
fields by weight (A to D), each localized field in the language or its
English text when empty.

A row's rowid names its object: the primary key times KIND_SLOTS plus its
source's code, so that one pass over the index gives every match's kind, key
and bm25 rank; each is then kept if its object is published (a primary-key
probe per match). Every object has
its row, drafts included: publication changes with time alone (a scheduled
item goes live, an expired one goes), so the search asks `published()` of
the object's own table at query time. A row changes when its object's text
does: on every save and delete (signals, whatever saves: the admin, the
translators' form, imports, the loader, restores) and on a queryset
`update()` of its text (renaulution/publishing.py). Rows written in bulk
without signals are caught up by `manage.py rebuild_search_index`.
"""

import html
import re
import unicodedata
from functools import lru_cache

import snowballstemmer
from django.db import connections, transaction
from django.db.models.expressions import RawSQL
from django.db.models.signals import post_delete, post_save

from . import languages

# The document's columns, one per PostgreSQL weight, and bm25's weight of
# each: PostgreSQL's default ts_rank weights (A 1.0, B 0.4, C 0.2, D 0.1).
WEIGHTS = {"a": 1.0, "b": 0.4, "c": 0.2, "d": 0.1}
# rowid = primary key * KIND_SLOTS + the source's code (1 to KIND_SLOTS - 1).
KIND_SLOTS = 8
TAG = re.compile(r"<[^>]*>")
WORD = re.compile(r"\w+")
CHUNK = 500
STEM_CACHE = 200_000


def table(language):
    """The index's table of `language` (its name is ours: safe to put in SQL)."""
    return f"search_index_{language}"


def fold(text):
    """Lower case without diacritics: "Électrique" → "electrique"."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=16)
def _stemmer(language):
    return snowballstemmer.stemmer(languages.get(language).snowball)


# The pure-Python stemmer takes some microseconds a word; texts repeat their
# words, and a rebuild reads millions of them.
@lru_cache(maxsize=STEM_CACHE)
def _stem_folded(word, language):
    return _stemmer(language).stemWord(word)


def stem(word, language):
    """The stem of one word in `language`, folded first as the index is."""
    return _stem_folded(fold(word), language)


def stems(text, language):
    """The stems of the words of `text`, in order."""
    return [_stem_folded(word, language) for word in WORD.findall(fold(text))]


def plain(text, rich):
    """Rich text (sanitized HTML) as words: tags are spaces, entities decoded."""
    return html.unescape(TAG.sub(" ", text)) if rich else text


def rowid(source, pk):
    return pk * KIND_SLOTS + source.code


def document(source, obj, language):
    """{column: stemmed text} of `obj`'s row in `language`'s table."""
    columns = {column: [] for column in WEIGHTS}
    for field, weight in [(source.title, "A"), *zip(source.texts, source.weights, strict=True)]:
        text = source.value(obj, field, language)
        columns[weight.lower()].append(" ".join(stems(plain(text, field in source.rich), language)))
    return {column: " ".join(filter(None, texts)) for column, texts in columns.items()}


def enabled(using):
    return connections[using].vendor == "sqlite"


def _sources_of(model):
    from .search import SOURCES

    return [source for source in SOURCES.values() if source.model is model]


def write(model, objects, *, using="default"):
    """Write the rows of `objects` (instances of `model`), replacing their old ones."""
    if not enabled(using):
        return
    rows = {language: [] for language in languages.codes()}
    for source in _sources_of(model):
        for obj in objects:
            for language in languages.codes():
                row = document(source, obj, language)
                rows[language].append((rowid(source, obj.pk), *row.values()))
    columns = ", ".join(WEIGHTS)
    marks = ", ".join("%s" for _ in WEIGHTS)
    with connections[using].cursor() as cursor:
        for language, values in rows.items():
            if values:
                cursor.executemany(
                    f"INSERT OR REPLACE INTO {table(language)} (rowid, {columns}) "  # noqa: S608
                    f"VALUES (%s, {marks})",
                    values,
                )


def remove(model, pks, *, using="default"):
    """Drop the rows of objects `pks` of `model`."""
    if not enabled(using):
        return
    ids = [(rowid(source, pk),) for source in _sources_of(model) for pk in pks]
    with connections[using].cursor() as cursor:
        for language in languages.codes():
            cursor.executemany(f"DELETE FROM {table(language)} WHERE rowid = %s", ids)  # noqa: S608


def reindex(model, pks, *, using="default"):
    """Rewrite the rows of objects `pks` from the database (after a bulk update)."""
    if enabled(using) and _sources_of(model):
        write(model, model._base_manager.using(using).filter(pk__in=pks), using=using)


def updated(model, pks, fields, *, using="default"):
    """After a queryset `update()` of `fields`: rewrite the rows if their text changed."""
    searched = set()
    for source in _sources_of(model):
        for field in (source.title, *source.texts):
            searched.update({field, *(f"{field}_{language}" for language in languages.codes())})
    if searched & set(fields):
        reindex(model, pks, using=using)


def rebuild(*, using="default"):
    """Empty the index and write every object's rows; returns the number of objects."""
    from .search import SOURCES

    if not enabled(using):
        return 0
    count = 0
    # Readers keep the old index until the new one is whole.
    with transaction.atomic(using=using), connections[using].cursor() as cursor:
        for language in languages.codes():
            cursor.execute(f"DELETE FROM {table(language)}")  # noqa: S608
        for source in SOURCES.values():
            batch = []
            for obj in source.model._base_manager.using(using).order_by("pk").iterator(CHUNK):
                batch.append(obj)
                if len(batch) == CHUNK:
                    write(source.model, batch, using=using)
                    count, batch = count + len(batch), []
            write(source.model, batch, using=using)
            count += len(batch)
    return count


def is_complete(*, using="default"):
    """Whether every language's table holds one row per object (a cheap check)."""
    from .search import SOURCES

    if not enabled(using):
        return True
    expected = sum(source.model._base_manager.using(using).count() for source in SOURCES.values())
    with connections[using].cursor() as cursor:
        for language in languages.codes():
            cursor.execute(f"SELECT count(*) FROM {table(language)}")  # noqa: S608
            if cursor.fetchone()[0] != expected:
                return False
    return True


def match_expression(terms, language):
    """
    The FTS5 query of parsed `terms` (renaulution/search.py's `parse_query`):
    every group must match (a group is one phrase or several joined by "or"),
    no excluded phrase may; None when nothing is looked for.
    """
    groups, excluded = terms

    def phrase(words):
        found = [s for word in words for s in stems(word, language)]
        return '"' + " ".join(found) + '"' if found else None

    clauses = []
    for group in groups:
        alternatives = [p for p in map(phrase, group) if p]
        if alternatives:
            clauses.append("(" + " OR ".join(alternatives) + ")")
    if not clauses:
        return None
    expression = " AND ".join(clauses)
    negatives = [p for p in map(phrase, excluded) if p]
    if negatives:
        expression = f"({expression}) NOT ({' OR '.join(negatives)})"
    return expression


def matches_sql(sources, match, language):
    """
    (SQL, params) of the (search_kind, search_key, search_rank) rows of every
    source's published objects that FTS5 query `match` finds, read from the
    index in one pass (bm25 negated: greater is better, as with ts_rank), each
    kept if its object is published (a primary-key probe per match).
    """
    index = table(language)
    weights = ", ".join(str(weight) for weight in WEIGHTS.values())
    key = f"{index}.rowid / {KIND_SLOTS}"
    parts, params = [], []
    for source in sources:
        published = source.queryset().filter(pk=RawSQL(key, [])).values("pk")  # noqa: S611
        sql, published_params = published.query.sql_with_params()
        # Every name in the SQL is one of ours; the query is a parameter.
        parts.append(
            f"SELECT %s AS search_kind, {key} AS search_key, "  # noqa: S608
            f"-bm25({index}, {weights}) AS search_rank FROM {index} "
            f"WHERE {index} MATCH %s AND {index}.rowid %% {KIND_SLOTS} = {source.code} "
            f"AND EXISTS ({sql})"
        )
        params += [source.kind, match, *published_params]
    return " UNION ALL ".join(parts), params


def _saved(sender, instance, raw=False, using="default", **kwargs):
    write(sender, [instance], using=using)


def _deleted(sender, instance, using="default", **kwargs):
    remove(sender, [instance.pk], using=using)


def connect():
    """Called once from AppConfig.ready()."""
    from .search import SOURCES

    for source in SOURCES.values():
        label = source.model_label
        post_save.connect(_saved, sender=source.model, dispatch_uid=f"search-save-{label}")
        post_delete.connect(_deleted, sender=source.model, dispatch_uid=f"search-del-{label}")
