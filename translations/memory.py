"""
The translation memory: every current translation, segment by segment, and
the suggestions it makes for new text.

Segments. Rich text is split into blocks (paragraphs, headings, list items,
quotes), then each block into sentences; plain text into sentences. A
segment keeps its inline markup (bold, italic, links), so a suggestion
inserted into a body keeps it; matching runs on its *normalized* text: tags
removed, entities decoded, spaces collapsed. A sentence boundary inside an
inline element (a sentence end within a bold run) is not a boundary, so
every segment is well-formed HTML.

Alignment. A source and its translation pair sentence by sentence when a
block has as many sentences on both sides, block by block when only the
number of blocks agrees, else as the whole field: a translation that merged
two sentences still gives a correct, if longer, entry.

Entries. `remember()` replaces the entries of one origin (object, field,
target language) with those of its current translation; `forget()` drops
them when the translation is no longer current. `translations.tracking`
calls both as states change, so the memory holds the current translations
and nothing else (plus what was imported from TMX files, which has no
origin).

Matching. Exact: the same normalized text (a SHA-256 lookup), 100 %. Fuzzy:
trigram similarity, the measure of PostgreSQL's pg_trgm (words of letters
and digits, lowercased, padded with two spaces before and one after;
|shared trigrams| / |all trigrams|), at least `THRESHOLD`. A suggestion
shows it as a percentage: 100 for an exact match only, else the similarity
times 100, rounded, at most 99 (a text that differs only in case or
spacing is 99 %). PostgreSQL computes it with a GIN trigram index of the
language pair (migration 0007), all the segments of a text in at most three
queries whatever their number: per segment the exact matches through the
hash index and the fuzzy ones through the trigram index, each bounded
(`LIMIT * 3` rows, for the same translation made in several places), first
at higher thresholds, then at `THRESHOLD` for the segments that did not
get enough there (see `_postgres_candidates`). Elsewhere (SQLite) one
query fetches the candidates that share one of each segment's longest
words and Python computes the same measure, so both databases give the
same percentages.
"""

import re
from dataclasses import dataclass
from html import escape, unescape
from html.parser import HTMLParser

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import Q
from django.utils.html import strip_tags

from .models import FieldTranslation, MemoryEntry, State
from .registry import (
    is_rich,
    source_language,
    text_hash,
    translatable_fields,
    translatable_models,
    value,
)

# pg_trgm's default is 0.3; below one half, suggestions are mostly noise.
THRESHOLD = 0.5
# PostgreSQL asks at these thresholds first, in turn (see _postgres_candidates).
FIRST_THRESHOLDS = (0.85, 0.7)
LIMIT = 3
# SQLite: the words of a segment used to find candidates, longest first.
CANDIDATE_WORDS = 4
BATCH_SIZE = 1000

BLOCK_TAGS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "ul", "ol", "div", "pre"}
VOID_TAGS = {"br", "img", "hr", "wbr"}
_BLOCKTAG_RE = re.compile(r"</?(?:{}|br)\b[^>]*>".format("|".join(sorted(BLOCK_TAGS))), re.I)
TAG_RE = re.compile(r"(<[^>]*>)")
# A sentence ends with . ! ? or … (and any closing quotes or brackets), then
# space, then what starts a sentence: a capital, a digit, an opening quote.
_SENTENCE_END_RE = re.compile(
    r"[.!?…]+[\"'»”’)\]\u00a0\u202f]*\s+(?=[«“\"'(\[]?[\s\u202f]*[^\W\d_a-z]|\d)"
)
# Words that end with a full stop without ending the sentence.
ABBREVIATIONS = {
    "m",
    "mm",
    "mme",
    "mmes",
    "mr",
    "mrs",
    "ms",
    "dr",
    "st",
    "sr",
    "jr",
    "no",
    "n",
    "nos",
    "sig",
    "dott",
    "ing",
    "avv",
    "prof",
    "vs",
    "e.g",
    "i.e",
    "cf",
}
_WORD_RE = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class Match:
    source: str
    target: str
    percent: int
    markup: bool

    @property
    def exact(self):
        return self.percent == 100

    @property
    def target_text(self):
        """The target as plain text, for a plain field."""
        return unescape(strip_tags(self.target)) if self.markup else self.target

    @property
    def target_html(self):
        """The target as an HTML fragment, for rich text."""
        return self.target if self.markup else escape(self.target, quote=False)


# Segmentation


class _BlockParser(HTMLParser):
    """Collects each block's inline HTML, as written (tags kept, text escaped)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks = []
        self.current = []

    def flush(self):
        fragment = "".join(self.current).strip()
        if strip_tags(fragment).strip():
            self.blocks.append(fragment)
        self.current = []

    def handle_starttag(self, tag, attrs):
        if tag in BLOCK_TAGS:
            self.flush()
        else:
            self.current.append(self.get_starttag_text())

    def handle_startendtag(self, tag, attrs):
        self.current.append(self.get_starttag_text())

    def handle_endtag(self, tag):
        if tag in BLOCK_TAGS:
            self.flush()
        elif tag not in VOID_TAGS:
            self.current.append(f"</{tag}>")

    def handle_data(self, data):
        self.current.append(escape(data, quote=False))


class _Serializer(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []

    def handle_starttag(self, tag, attrs):
        self.parts.append(self.get_starttag_text())

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag):
        if tag not in VOID_TAGS:
            self.parts.append(f"</{tag}>")

    def handle_data(self, data):
        self.parts.append(escape(data, quote=False))


def canonical_html(html):
    """`html` written as segments are (entities decoded but &, <, >), to compare them."""
    serializer = _Serializer()
    serializer.feed(html)
    serializer.close()
    return "".join(serializer.parts)


def blocks(text, markup):
    """The blocks of a field: rich text's paragraphs, headings, items; plain text is one."""
    if not markup:
        return [text.strip()] if text.strip() else []
    parser = _BlockParser()
    parser.feed(text or "")
    parser.close()
    parser.flush()
    return parser.blocks


def sentences(block, markup):
    """The sentences of one block, splitting only outside inline elements."""
    pieces = TAG_RE.split(block) if markup else [block]
    result, current, depth = [], [], 0
    for piece in pieces:
        if markup and piece.startswith("<"):
            name = re.match(r"</?\s*([a-zA-Z0-9]+)", piece)
            tag = name.group(1).lower() if name else ""
            if piece.startswith("</"):
                depth = max(depth - 1, 0)
            elif tag not in VOID_TAGS and not piece.endswith("/>"):
                depth += 1
            current.append(piece)
            continue
        start = 0
        if depth == 0:
            for end in _SENTENCE_END_RE.finditer(piece):
                if _is_abbreviation(piece[: end.start() + 1]):
                    continue
                current.append(piece[start : end.end()])
                result.append("".join(current).strip())
                current, start = [], end.end()
        current.append(piece[start:])
    last = "".join(current).strip()
    if last:
        result.append(last)
    return [sentence for sentence in result if normalize(sentence, markup)]


def _is_abbreviation(text):
    """Whether `text`, which ends with a full stop, ends with an abbreviation or an initial."""
    if not text.endswith("."):
        return False
    word = re.search(r"([^\s(«“\"']+)\.$", text)
    if word is None:
        return False
    word = word.group(1)
    return word.lower() in ABBREVIATIONS or (len(word) == 1 and word.isupper())


def segments(text, markup):
    """What a translator translates one by one: each block's sentences, in order."""
    return [sentence for block in blocks(text, markup) for sentence in sentences(block, markup)]


def normalize(text, markup):
    if markup:
        text = unescape(strip_tags(_BLOCKTAG_RE.sub(" ", text)))
    return " ".join(text.split())


def aligned_pairs(source, target, markup):
    """(source segment, target segment) pairs of a translation, see the module's docstring."""
    source_blocks, target_blocks = blocks(source, markup), blocks(target, markup)
    if not source_blocks or not target_blocks:
        return []
    if len(source_blocks) != len(target_blocks):
        return [(source.strip(), target.strip())]
    pairs = []
    for source_block, target_block in zip(source_blocks, target_blocks, strict=True):
        source_sentences = sentences(source_block, markup)
        target_sentences = sentences(target_block, markup)
        if len(source_sentences) == len(target_sentences):
            pairs.extend(zip(source_sentences, target_sentences, strict=True))
        else:
            pairs.append((source_block, target_block))
    return pairs


# Keeping the memory in step with the content


def new_entry(source, target, markup, source_lang, target_lang, **origin):
    """An unsaved entry for one pair of segments; None when either side has no text."""
    normalized = normalize(source, markup)
    if not normalized or not normalize(target, markup):
        return None
    return MemoryEntry(
        source_language=source_lang,
        target_language=target_lang,
        source_text=source,
        target_text=target,
        normalized=normalized,
        source_hash=text_hash(normalized),
        markup=markup,
        **origin,
    )


def _entries(pairs, markup, source_lang, target_lang, **origin):
    """{hash: unsaved entry} for the pairs; a segment seen twice keeps its last translation."""
    entries = {}
    for source, target in pairs:
        entry = new_entry(source, target, markup, source_lang, target_lang, **origin)
        if entry is not None:
            entries[entry.source_hash] = entry
    return entries


def remember(obj, field, language, *, text=None):
    """
    Make the memory hold the current translation of `obj`'s `field` into
    `language`, read from `text` (the values as saved) or `obj`.
    """
    model = type(obj)
    markup = is_rich(model, field)
    text = obj if text is None else text
    source_lang = source_language(text)
    content_type = ContentType.objects.get_for_model(obj, for_concrete_model=False)
    wanted = _entries(
        aligned_pairs(value(text, field, source_lang), value(text, field, language), markup),
        markup,
        source_lang,
        language,
        content_type=content_type,
        object_id=obj.pk,
        field=field,
    )
    existing = MemoryEntry.objects.filter(
        content_type=content_type, object_id=obj.pk, field=field, target_language=language
    )
    stale, changed = [], []
    for entry in existing:
        new = wanted.get(entry.source_hash)
        if new is None or entry.source_language != source_lang:
            stale.append(entry.pk)
            continue
        del wanted[entry.source_hash]
        if (entry.source_text, entry.target_text, entry.markup) != (
            new.source_text,
            new.target_text,
            new.markup,
        ):
            entry.source_text, entry.target_text, entry.markup = (
                new.source_text,
                new.target_text,
                new.markup,
            )
            changed.append(entry)
    with transaction.atomic():
        if stale:
            MemoryEntry.objects.filter(pk__in=stale).delete()
        for entry in changed:
            entry.save(update_fields=["source_text", "target_text", "markup", "updated_at"])
        if wanted:
            MemoryEntry.objects.bulk_create(wanted.values())


def forget(obj, field, language):
    """The translation of `obj`'s `field` into `language` is not current: drop its entries."""
    MemoryEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(obj, for_concrete_model=False),
        object_id=obj.pk,
        field=field,
        target_language=language,
    ).delete()


def rebuild():
    """Make the entries of the site's content anew from the current translations."""
    count = 0
    with transaction.atomic():
        MemoryEntry.objects.filter(content_type__isnull=False).delete()
        for model in translatable_models():
            content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
            current = {}
            for object_id, field, language in FieldTranslation.objects.filter(
                content_type=content_type, state=State.CURRENT
            ).values_list("object_id", "field", "language"):
                current.setdefault(object_id, []).append((field, language))
            batch = []
            rich = {field: is_rich(model, field) for field in translatable_fields(model)}
            for obj in model._base_manager.filter(pk__in=current).iterator(chunk_size=500):
                source_lang = source_language(obj)
                for field, language in current[obj.pk]:
                    if field not in rich:
                        continue
                    pairs = aligned_pairs(
                        value(obj, field, source_lang), value(obj, field, language), rich[field]
                    )
                    batch.extend(
                        _entries(
                            pairs,
                            rich[field],
                            source_lang,
                            language,
                            content_type=content_type,
                            object_id=obj.pk,
                            field=field,
                        ).values()
                    )
                if len(batch) >= BATCH_SIZE:
                    MemoryEntry.objects.bulk_create(batch)
                    count += len(batch)
                    batch = []
            MemoryEntry.objects.bulk_create(batch)
            count += len(batch)
    return count


def is_filled():
    """False when current translations exist but the memory has none of the content's."""
    has_entries = MemoryEntry.objects.filter(content_type__isnull=False).exists()
    return has_entries or not FieldTranslation.objects.filter(state=State.CURRENT).exists()


# Suggestions


def trigrams(text):
    """pg_trgm's trigrams of `text`."""
    grams = set()
    for word in _WORD_RE.findall(text.lower()):
        padded = f"  {word} "
        grams.update(padded[index : index + 3] for index in range(len(padded) - 2))
    return grams


def similarity(a, b):
    """pg_trgm's similarity(): shared trigrams over all trigrams of the two texts."""
    return _similarity_of(trigrams(a), trigrams(b))


def _similarity_of(first, second):
    """similarity() of two texts' trigram sets."""
    if not first or not second:
        return 0.0
    shared = len(first & second)
    return shared / (len(first) + len(second) - shared)


def _percent(score, exact):
    if exact:
        return 100
    # A fuzzy match never shows as 100 %: only an exact one is.
    return min(round(score * 100), 99)


def suggest(text, source_language, target_language, limit=LIMIT, *, markup=False):
    """The best matches for one segment: exact ones first (100 %), then fuzzy by similarity."""
    return suggest_many([text], source_language, target_language, limit=limit, markup=markup)[0]


def suggest_many(texts, source_language, target_language, *, limit=LIMIT, markup=False):
    """
    `suggest()` for each of `texts`, a list of match lists in order: one
    query on SQLite, at most three on PostgreSQL (`len(FIRST_THRESHOLDS) + 1`),
    whatever the number of texts.
    """
    queries = [normalize(text, markup) for text in texts]
    results = [[] for _ in queries]
    wanted = [index for index, query in enumerate(queries) if query]
    if not wanted or limit < 1:
        return results
    asked = [queries[index] for index in wanted]
    hashes = [text_hash(query) for query in asked]
    if connection.vendor == "postgresql":
        found = _postgres_candidates(asked, hashes, source_language, target_language, limit)
    else:
        found = _python_candidates(asked, hashes, source_language, target_language)
    for position, candidates in found.items():
        matches, seen = [], set()
        for percent, _updated_at, entry in sorted(
            candidates, key=lambda item: (-item[0], -item[1].timestamp(), item[2].pk)
        ):
            # The same translation made in several places is one suggestion.
            if entry.target_text in seen:
                continue
            seen.add(entry.target_text)
            matches.append(
                Match(entry.source_text, entry.target_text, percent, markup=entry.markup)
            )
            if len(matches) == limit:
                break
        results[wanted[position]] = matches
    return results


# The `%` operator (the one the trigram index serves) compares with
# pg_trgm.similarity_threshold: set to ours for this statement's transaction
# first, so the index itself leaves out what is below it (GIN scans only the
# posting lists of the rarest trigrams the threshold requires, fewer the
# higher it is). The setting's CTE is materialized and scanned first, so the
# setting holds before any index scan. Per segment, exact matches come from
# the hash index and fuzzy ones from the trigram index in two separate
# branches: an OR of the two makes PostgreSQL recheck every row of a
# BitmapOr, and `%` alone needs no second similarity() filter. The first
# parameter after the arrays turns the exact branch off (second pass).
_POSTGRES_SQL = """
WITH setting AS MATERIALIZED (
    SELECT set_config('pg_trgm.similarity_threshold', %s, true) AS threshold
)
SELECT q.position, m.id, m.source_text, m.target_text, m.markup, m.updated_at,
       m.exact, m.score
FROM setting
CROSS JOIN unnest(%s::text[], %s::text[]) WITH ORDINALITY AS q(query, hash, position)
CROSS JOIN LATERAL (
    (SELECT e.id, e.source_text, e.target_text, e.markup, e.updated_at,
            true AS exact, 1.0::float4 AS score
     FROM translations_memoryentry e
     WHERE %s AND e.source_language = %s AND e.target_language = %s AND e.source_hash = q.hash
       AND setting.threshold IS NOT NULL
     ORDER BY e.updated_at DESC, e.id
     LIMIT %s)
    UNION ALL
    (SELECT e.id, e.source_text, e.target_text, e.markup, e.updated_at,
            false AS exact, similarity(e.normalized, q.query) AS score
     FROM translations_memoryentry e
     WHERE e.source_language = %s AND e.target_language = %s
       AND e.normalized %% q.query AND e.source_hash <> q.hash
       AND setting.threshold IS NOT NULL
     ORDER BY score DESC, e.updated_at DESC, e.id
     LIMIT %s)
) m
"""


def _postgres_candidates(queries, hashes, source_lang, target_lang, limit):
    """
    {position: [(percent, updated_at, entry)]}: every exact match and the best
    fuzzy ones of each query, in at most `len(FIRST_THRESHOLDS) + 1` queries.
    The first asks at FIRST_THRESHOLDS[0], whose index scan reads fewer
    posting lists and whose recheck computes the similarity of fewer rows; a
    segment that got its `rows` fuzzy matches there has its best ones (what
    is below ranks after them), the others are asked again at the next
    threshold, fuzzy matches only, and so on down to THRESHOLD. A pass at
    0.85 before the one at 0.7 costs the segments without close matches one
    more index scan, but most of bench/memory.py's held and changed
    sentences get their matches there, in a cheaper scan than at 0.7: 12 to
    15 % less time in all than 0.7 then THRESHOLD (docs/benchmarks.md).
    """
    rows = limit * 3  # more than asked, for the same translation made in several places
    exact_found, fuzzy_found = {}, {}

    def run(threshold, positions, *, with_exact):
        with connection.cursor() as cursor:
            cursor.execute(
                _POSTGRES_SQL,
                [
                    str(threshold),
                    [queries[index] for index in positions],
                    [hashes[index] for index in positions],
                    with_exact,
                    source_lang,
                    target_lang,
                    rows,
                    source_lang,
                    target_lang,
                    rows,
                ],
            )
            for position, pk, source, target, markup, updated_at, exact, score in cursor:
                entry = MemoryEntry(
                    pk=pk,
                    source_text=source,
                    target_text=target,
                    markup=markup,
                    updated_at=updated_at,
                )
                found = exact_found if exact else fuzzy_found
                found.setdefault(positions[position - 1], []).append(
                    (_percent(score, exact), updated_at, entry)
                )

    again = list(range(len(queries)))
    run(FIRST_THRESHOLDS[0], again, with_exact=True)
    for threshold in (*FIRST_THRESHOLDS[1:], THRESHOLD):
        again = [index for index in again if len(fuzzy_found.get(index, ())) < rows]
        if not again:
            break
        for index in again:
            fuzzy_found.pop(index, None)
        run(threshold, again, with_exact=False)
    for index, matches in fuzzy_found.items():
        exact_found.setdefault(index, []).extend(matches)
    return exact_found


def _candidate_words(query):
    words = sorted(set(_WORD_RE.findall(query.lower())), key=lambda word: (-len(word), word))
    return words[:CANDIDATE_WORDS]


def _python_candidates(queries, hashes, source_lang, target_lang):
    # A text at least half similar shares most of its trigrams, so it holds
    # at least one of the query's longest words, as a rule.
    condition = Q(source_hash__in=hashes)
    for query in queries:
        for word in _candidate_words(query):
            condition |= Q(normalized__icontains=word)
    candidates = list(
        MemoryEntry.objects.for_pair(source_lang, target_lang)
        .filter(condition)
        .only("source_text", "target_text", "markup", "normalized", "source_hash", "updated_at")
    )
    # Each text's trigrams once, not once per segment; a similarity of at
    # least THRESHOLD needs trigram counts within a factor THRESHOLD of each
    # other (shared ≤ the smaller, all ≥ the larger), so most pairs are
    # left out without comparing their trigrams. Same results, fewer sums.
    grams = [trigrams(entry.normalized) for entry in candidates]
    found = {}
    for position, (query, digest) in enumerate(zip(queries, hashes, strict=True)):
        wanted = trigrams(query)
        for entry, entry_grams in zip(candidates, grams, strict=True):
            exact = entry.source_hash == digest
            smaller, larger = sorted((len(wanted), len(entry_grams)))
            if not exact and smaller < THRESHOLD * larger:
                continue
            score = 1.0 if exact else _similarity_of(wanted, entry_grams)
            if exact or score >= THRESHOLD:
                found.setdefault(position, []).append(
                    (_percent(score, exact), entry.updated_at, entry)
                )
    return found


def prefill(source_text, source_lang, target_lang, *, markup=False):
    """
    The memory's exact translation of `source_text`, or None: for an
    export's pre-filled targets (XLIFF `state="needs-review-translation"`).
    The text as a whole, else (plain text, or rich text of one block) its
    sentences' exact translations joined, when every sentence has one; as
    HTML when `markup` (rich text), else as plain text. The newest entry
    wins where the memory holds several. One query.
    """
    return prefill_many([(source_text, source_lang, markup)], target_lang)[0]


def prefill_many(texts, target_lang):
    """
    `prefill()` for each (source text, source language, markup) of `texts`,
    all into `target_lang`: a list of translations or None, in order. One
    query whatever the number of texts (none when none has text).
    """
    plans, wanted = [], set()
    for source_text, source_lang, markup in texts:
        whole = normalize(source_text or "", markup)
        if not whole:
            plans.append(None)
            continue
        parts = blocks(source_text, markup)
        pieces = sentences(parts[0], markup) if len(parts) == 1 else []
        digests = [text_hash(whole)] + [text_hash(normalize(piece, markup)) for piece in pieces]
        plans.append((source_lang, markup, digests))
        wanted.update((source_lang, digest) for digest in digests)
    if not wanted:
        return [None] * len(plans)
    condition = Q()
    for source_lang in {source_lang for source_lang, _digest in wanted}:
        digests = {digest for lang, digest in wanted if lang == source_lang}
        condition |= Q(source_language=source_lang, source_hash__in=digests)
    found = {}
    for source_lang, digest, target, entry_markup in (
        MemoryEntry.objects.filter(condition, target_language=target_lang)
        .order_by("updated_at", "pk")
        .values_list("source_language", "source_hash", "target_text", "markup")
    ):
        found[(source_lang, digest)] = (target, entry_markup)  # newest last
    results = []
    for plan in plans:
        if plan is None:
            results.append(None)
            continue
        source_lang, markup, digests = plan

        def translation(digest, source_lang=source_lang, markup=markup):
            target, entry_markup = found[(source_lang, digest)]
            # As the field takes it: HTML for rich text, characters for plain.
            match = Match("", target, 100, markup=entry_markup)
            return match.target_html if markup else match.target_text

        if (source_lang, digests[0]) in found:
            results.append(translation(digests[0]))
        elif len(digests) > 2 and all((source_lang, d) in found for d in digests[1:]):
            results.append(" ".join(translation(digest) for digest in digests[1:]))
        else:
            results.append(None)
    return results
