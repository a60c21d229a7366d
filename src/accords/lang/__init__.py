"""Language packs: load `<code>.toml` and compile its phrases and patterns (see PACKS.md).

Packs are data; this module is the only place that turns their phrase syntax (`~` stems, `…`
gaps, `{demonym}` and `{country}` slots) into regular expressions, so every extractor reads
cues the same way and adding a language never touches an extractor.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from accords import disk_cache
from accords.document_cache import per_document
from accords.trie import trie_alternation, trie_pattern

#: Codes of the packs Accords ships, main languages first.
LANGUAGES: tuple[str, ...] = ("en", "nb", "de", "vi", "fr", "es", "ru")

GAP = "…"
_GAP_RE = r"\s+(?:\S+\s+){0,4}?"
_SLOT = re.compile(r"\{(demonym|country)\}")

#: Filled in by the registry, which knows the names of states in every language; kept as a
#: hook so that this module does not import the registry (the registry reads packs too).
SlotSource = Callable[[str, str], Iterable[str]]
_slot_source: SlotSource | None = None


def set_slot_source(source: SlotSource) -> None:
    """Tell the loader where `{demonym}` and `{country}` names come from."""
    global _slot_source
    _slot_source = source
    Pack.phrase_regex.cache_clear()
    _query.cache_clear()


def _token_regex(token: str) -> str:
    if token.endswith("~") and len(token) > 1:
        return re.escape(token[:-1]) + r"[\w-]*"
    return re.escape(token)


def phrase_to_regex(phrase: str, slots: dict[str, str] | None = None) -> str:
    """Compile one phrase of the pack syntax into a regex fragment (no anchors)."""
    out: list[str] = []
    for token in phrase.split():
        if token == GAP:
            out.append(_GAP_RE)
            continue
        if out and out[-1] != _GAP_RE:
            out.append(r"\s+")
        pos = 0
        piece: list[str] = []
        for m in _SLOT.finditer(token):
            piece.append(_token_regex(token[pos : m.start()]) if token[pos : m.start()] else "")
            piece.append((slots or {}).get(m.group(1), r"(?!x)x"))
            pos = m.end()
        piece.append(_token_regex(token[pos:]) if token[pos:] else "")
        out.append("".join(piece))
    return "".join(out)


def phrase_parts(phrase: str, slots: dict[str, str] | None = None) -> tuple[str, str]:
    """A phrase as (literal beginning, regex for the rest), for sharing beginnings in a trie."""
    tokens = phrase.split()
    if not tokens:
        return "", r"(?!x)x"
    first = tokens[0]
    if first == GAP or "{" in first:
        return "", phrase_to_regex(phrase, slots)
    head = first[:-1] if first.endswith("~") and len(first) > 1 else first
    tail = r"[\w-]*" if head != first else ""
    if len(tokens) > 1:
        rest = phrase_to_regex(" ".join(tokens[1:]), slots)
        tail += rest if tokens[1] == GAP else r"\s+" + rest
    return head, tail


#: Typographic apostrophes read as the plain one, in phrases and in the text they are matched
#: against ("visite d’Etat" is "visite d'état"); one character for one keeps every offset.
TYPOGRAPHIC_APOSTROPHES = "\u2019\u2018\u02bc`"
APOSTROPHES = str.maketrans({typographic: "'" for typographic in TYPOGRAPHIC_APOSTROPHES})


def plain_apostrophes(text: str) -> str:
    """`text.translate(APOSTROPHES)`, by a replacement of each apostrophe the text holds: a
    translation table with letters beyond ASCII costs a lookup a character, hundreds of times
    more on a long text than the few scans this costs."""
    for typographic in TYPOGRAPHIC_APOSTROPHES:
        if typographic in text:
            text = text.replace(typographic, "'")
    return text


def _any_apostrophe(body: str) -> str:
    """A compiled phrase list for text that is not folded: any apostrophe matches the plain one."""
    return body.replace("'", "['\u2019\u2018\u02bc`]")


def phrases_regex(phrases: Iterable[str], slots: dict[str, str] | None = None) -> str:
    """Phrases of the pack syntax as one regex fragment, longest first, beginnings shared.

    Building the fragments of every list of seven packs costs most of a second: each is kept
    with the compiled patterns (`disk_cache.built`), found by its phrases and slots."""
    listed = list(phrases)
    filled = [f"{slot}={body}" for slot, body in sorted((slots or {}).items())]
    return disk_cache.built(
        ["phrases_regex", *listed, "\1", *filled],
        lambda: trie_alternation(phrase_parts(p.lower().translate(APOSTROPHES), slots) for p in listed),
    )


def alternation(regexes: Iterable[str]) -> str:
    """One alternation of regex fragments, longest first, so the longest cue at a position wins
    (fragments of one length in a fixed order, so that the pattern is the same in every process)."""
    unique = sorted({r for r in regexes if r}, key=lambda r: (-len(r), r))
    return "|".join(unique) if unique else r"(?!x)x"


def bounded(body: str) -> str:
    """Whole words only: no word character may touch either end of a match."""
    return rf"(?<![\w-])(?:{body})(?![\w])"


_WORD_CHAR = re.compile(r"\w")
#: A phrase's rest after a beginning cut from a word (`~`): any letters may follow it.
_STEM_TAIL = r"[\w-]*"


@dataclass(frozen=True)
class Beginnings:
    """The phrase lists (section, key) of a pack by the literal beginnings of their phrases.

    `pattern` finds, at each word start of a lowered text, the longest beginning there and
    whether a word character follows it. It is matched in the text behind one space and takes
    the character before a word, not a look behind: the engine then skips the letters inside
    words at C speed, and a match's start is the word's place in the text itself. A list may
    have a phrase there when one of its beginnings is a part of that one: a stem ("strateg~")
    wherever, a whole word ("a", "agreed") only where no letter follows it. For each longest
    beginning, `inside` gives the lists one of whose phrases may begin there when a letter
    follows it, and `whole` those when it ends a word: read from the beginnings' side, one
    scan of a text tells every list where it may match (`_candidates`). `always` are the lists
    with a phrase of no literal beginning ("{country} side"), which only a full scan finds."""

    pattern: re.Pattern[str]
    inside: dict[str, tuple[tuple[str, str], ...]]
    whole: dict[str, tuple[tuple[str, str], ...]]
    always: frozenset[tuple[str, str]]

    @classmethod
    def of(cls, data: dict[str, Any]) -> Beginnings:
        stems: dict[str, set[tuple[str, str]]] = {}
        words: dict[str, set[tuple[str, str]]] = {}
        always: set[tuple[str, str]] = set()
        for section, table in data.items():
            if not isinstance(table, dict):
                continue
            for key, value in table.items():
                if not isinstance(value, list):
                    continue
                for phrase in value:
                    head, tail = phrase_parts(str(phrase).lower().translate(APOSTROPHES))
                    if not head:
                        always.add((section, key))
                    else:
                        (stems if tail.startswith(_STEM_TAIL) else words).setdefault(head, set()).add((section, key))
        inside: dict[str, set[tuple[str, str]]] = {}
        for head in {*stems, *words}:
            for i in range(1, len(head) + 1):
                for listed in stems.get(head[:i], ()):
                    inside.setdefault(head, set()).add(listed)
                if i < len(head) and not _WORD_CHAR.match(head[i]):
                    for listed in words.get(head[:i], ()):
                        inside.setdefault(head, set()).add(listed)
        pattern = disk_cache.compile(rf"[^\w-](?=({trie_pattern({*stems, *words})})(\w)?)")
        whole = {h: {*inside.get(h, ()), *words.get(h, ())} for h in {*inside, *words}}
        return cls(pattern, {h: tuple(sorted(v)) for h, v in inside.items()},
                   {h: tuple(sorted(v)) for h, v in whole.items()}, frozenset(always))


@dataclass(frozen=True, eq=False)
class Pack:
    """One language's data, with compiled phrase lists cached per key."""

    code: str
    data: dict[str, Any] = field(repr=False)

    @property
    def name(self) -> str:
        return str(self.data.get("name", self.code))

    def get(self, section: str, key: str | None = None, default: Any = None) -> Any:
        value = self.data.get(section, {})
        if key is None:
            return value if value else default
        if not isinstance(value, dict):
            return default
        return value.get(key, default)

    def strings(self, section: str, key: str) -> list[str]:
        value = self.get(section, key, [])
        return [str(v) for v in value] if isinstance(value, list) else []

    def _slots(self) -> dict[str, str]:
        if _slot_source is None:
            return {}
        return {
            slot: trie_pattern(_slot_source(self.code, slot), casefold=True)
            for slot in ("demonym", "country")
        }

    @cache  # noqa: B019 - packs live for the whole process
    def phrase_regex(self, section: str, key: str, folded: bool = False) -> re.Pattern[str]:
        """The phrases under `section.key` as one whole-word regex: case-insensitive, or, with
        `folded`, for text already in lower case, which the regex engine scans several times
        faster (see `lowered`)."""
        phrases = self.strings(section, key)
        slots = self._slots() if any("{" in p for p in phrases) else {}
        body = phrases_regex(phrases, slots)
        return disk_cache.compile(bounded(body if folded else _any_apostrophe(body)), 0 if folded else re.IGNORECASE)

    @cache  # noqa: B019
    def keyed_regex(self, section: str, keys: tuple[str, ...], folded: bool = False) -> re.Pattern[str]:
        """The phrases of several keys in one pass: the key of a match is `match.lastgroup`.

        Where phrases of two keys could match at one position the earlier key wins, so this
        is for keys that rarely share words (the domains), not for ranked cues.
        """
        groups = []
        for key in keys:
            phrases = self.strings(section, key)
            slots = self._slots() if any("{" in p for p in phrases) else {}
            groups.append(f"(?P<{key}>{phrases_regex(phrases, slots)})")
        body = "|".join(groups)
        return disk_cache.compile(bounded(body if folded else _any_apostrophe(body)), 0 if folded else re.IGNORECASE)

    @cache  # noqa: B019
    def union_regex(self, section: str, keys: tuple[str, ...]) -> re.Pattern[str]:
        """The phrases of several keys as one whole-word regex for lowered text, all in one trie.

        It tells whether a phrase of any of them stands in a text, not which: at each word the
        engine walks one trie instead of one per key as in `keyed_regex`, and a search finds a
        match wherever the keyed pattern does, since the order of alternatives decides only
        which match is found first."""
        phrases = [phrase for key in keys for phrase in self.strings(section, key)]
        slots = self._slots() if any("{" in p for p in phrases) else {}
        return disk_cache.compile(bounded(phrases_regex(phrases, slots)))

    @cache  # noqa: B019
    def beginnings(self) -> Beginnings:
        """Every phrase list of the pack indexed by the literal words its phrases begin with."""
        return Beginnings.of(self.data)

    @cache  # noqa: B019
    def pattern_list(self, section: str, key: str) -> tuple[re.Pattern[str], ...]:
        """The regex patterns under `section.key`, each compiled on its own."""
        return tuple(disk_cache.compile(p, re.IGNORECASE) for p in self.strings(section, key))

    def table(self, section: str, key: str) -> dict[str, Any]:
        value = self.get(section, key, {})
        return dict(value) if isinstance(value, dict) else {}

    def keys(self, section: str) -> list[str]:
        value = self.get(section)
        return list(value) if isinstance(value, dict) else []


#: Texts shorter than this (the windows around a cue) are scanned whole for a list: indexing
#: them by the beginnings of every list would cost more than it saves.
INDEXED_CHARS = 160


@per_document
def _candidates(pack: Pack, lower: str) -> dict[tuple[str, str], list[int]]:
    """Where in `lower` (a text as `lowered` gives it) a phrase of each list of `pack` may
    begin, in text order: one scan of the text for every list, so that a list with no
    beginning in the text is answered without looking at the text again."""
    index = pack.beginnings()
    inside, whole = index.inside, index.whole
    out: defaultdict[tuple[str, str], list[int]] = defaultdict(list)
    for m in index.pattern.finditer(" " + lower):
        head, letter = m.groups()
        start = m.start()  # once, not once per list it opens (four on average)
        for listed in (inside if letter else whole).get(head, ()):
            out[listed].append(start)
    return out


@dataclass(frozen=True)
class _Query:
    """What `phrase_matches` needs of some lists of a pack, put together once: their pattern
    for lowered text, and the lists whose candidates it reads (none when a full scan is
    needed: a list has a phrase of no literal beginning)."""

    folded: re.Pattern[str]
    lists: tuple[tuple[str, str], ...] | None


def _pattern(pack: Pack, section: str, keys: tuple[str, ...], folded: bool) -> re.Pattern[str]:
    if len(keys) == 1:
        return pack.phrase_regex(section, keys[0], folded=folded)
    return pack.keyed_regex(section, keys, folded=folded)


@cache
def _query(pack: Pack, section: str, keys: tuple[str, ...]) -> _Query:
    folded = _pattern(pack, section, keys, folded=True)
    lists = tuple((section, key) for key in keys)
    if any(listed in pack.beginnings().always for listed in lists):
        return _Query(folded, None)
    return _Query(folded, lists)


def _starts(candidates: dict[tuple[str, str], list[int]], lists: tuple[tuple[str, str], ...]) -> list[int]:
    """Where a phrase of any of `lists` may begin, in text order and each once."""
    if len(lists) == 1:
        return candidates.get(lists[0], [])
    return sorted({start for listed in lists for start in candidates.get(listed, ())})


def phrase_matches(pack: Pack, section: str, keys: tuple[str, ...], text: str, *, indexed: bool = True) -> list[re.Match[str]]:
    """The matches `finditer` gives of the phrases of `section` under `keys` (one key: its
    phrase list; several: `keyed_regex`) in `text`, with the offsets of `text`.

    In a text that lower-casing keeps the offsets of, the pattern is tried only where one of
    its phrases may begin, as the index of the pack's beginnings says: the same matches, found
    without a scan of the text per list. Indexing a text costs a few scans: a text asked
    about only a few lists (not `indexed`) is scanned for each."""
    lower = lowered(text)
    if lower is None:
        return list(_pattern(pack, section, keys, folded=False).finditer(text))
    if not indexed or len(lower) < INDEXED_CHARS:  # a scan, and no index of the pack to build
        return list(_pattern(pack, section, keys, folded=True).finditer(lower))
    query = _query(pack, section, keys)
    if query.lists is None:
        return list(query.folded.finditer(lower))
    out: list[re.Match[str]] = []
    end = 0
    for start in _starts(_candidates(pack, lower), query.lists):
        if start >= end and (m := query.folded.match(lower, start)) is not None:
            out.append(m)
            end = m.end()
    return out


def holds_any(pack: Pack, section: str, keys: tuple[str, ...], text: str) -> bool:
    """Whether a phrase of any list of `section` under `keys` stands in `text`: one scan for
    them all, as their union finds a match wherever one of them does. A question asked of a
    few lists of every pack (the kind of a document) is mostly answered no by this scan alone."""
    lower = lowered(text)
    if lower is None:
        return _pattern(pack, section, keys, folded=False).search(text) is not None
    return pack.union_regex(section, keys).search(lower) is not None


#: What `case_free` looks past: escapes ("\\W") and group names ("(?P<Name>").
_NOT_LETTERS = re.compile(r"\\.|\(\?P<\w+>")


def case_free(pattern: str) -> bool:
    """Whether `pattern`, compiled case-insensitively, finds in a text what it finds, compiled
    as it is, in the text's `lower_exactly`: none of its letters is a capital or an odd lower
    case (see `_odd_case`), and it sets no flags of its own."""
    letters = _NOT_LETTERS.sub("", pattern)
    return "(?" not in letters.replace("(?:", "").replace("(?=", "").replace("(?!", "").replace(
        "(?<", "") and not any(ch != ch.lower() or _odd_case(ch) for ch in set(letters))


@cache
def _odd_case(ch: str) -> bool:
    """A lower-case letter that case-insensitive matching takes for another one of the same
    capital ("ſ" for "s", "ς" for "σ", "ı" for "i"), which lower-casing keeps apart."""
    upper = ch.upper()
    return len(upper) == 1 and upper.lower() != ch


@lru_cache(maxsize=256)
def lower_exactly(text: str) -> str | None:
    """`text` in lower case, in which a `case_free` pattern compiled without IGNORECASE finds
    the same matches as compiled with it in `text`, several times faster: None when lowering
    moves offsets or the text holds a letter of odd case."""
    lower = text.lower()
    if len(lower) != len(text) or any(map(_odd_case, set(lower))):
        return None
    return lower


@lru_cache(maxsize=256)
def lowered(text: str) -> str | None:
    """`text` in lower case when that keeps every offset (it does but for a few letters such
    as the Turkish dotted I), else None: then matching falls back to case-insensitive.

    Every cue list of an extractor is matched against the same provision, so the provisions of
    the document in hand are lowered once each, not once per cue list."""
    lower = text.lower()
    return plain_apostrophes(lower) if len(lower) == len(text) else None


@cache
def load(code: str) -> Pack:
    """The pack for `code` (`common` holds the language-independent rules)."""
    text = resources.files("accords.lang").joinpath(f"{code}.toml").read_bytes()
    return Pack(code, disk_cache.toml(text))


def packs() -> Iterator[Pack]:
    """Every language pack, main languages first."""
    for code in LANGUAGES:
        yield load(code)
