"""The Cyrillic and Latin character classes have one home, ``analysis.language``.

Until round 7, ``[\\u0400-\\u04ff]`` was compiled in five modules (language,
corpus.external, scoring.score, statements.extract, statements.language_runs)
and spelled inside two patterns of scoring.morph; ``[A-Za-z]`` beside it in
four; the Russian and Ukrainian alphabets (``а-яёіїєґ``, ``А-ЯЁІЇЄҐ``) in four
patterns of three modules (:data:`~analysis.language.RU_UK_LOWER`, ``RU_UK_UPPER``).  Each module now uses :data:`analysis.language.CYRILLIC` /
:data:`~analysis.language.LATIN` or composes its pattern from
:data:`~analysis.language.CYRILLIC_BLOCK` and :data:`~analysis.language.LATIN_ASCII`.
The old patterns are kept here verbatim: each new one must parse to the same
regular expression (same opcodes), and the one-character classes must accept
exactly the same code points, all 1,114,112 of them.  ``language_runs``'s
Latin class is wider on purpose (accented letters) and stays its own.
"""

from __future__ import annotations

import re
import re._parser as sre_parse  # type: ignore[import-not-found]  # the same parse tree compiles to the same matcher

import pytest

from analysis import language
from analysis.corpus import external
from analysis.scoring import lemma_match, score
from analysis.statements import extract, extract_ru_uk, language_runs, quotes_cyrillic

#: (module, new pattern object, the pattern its module compiled before round 7, verbatim)
REPLACED: tuple[tuple[str, re.Pattern[str], str], ...] = (
    ("language CYRILLIC", language.CYRILLIC, r"[\u0400-\u04ff]"),
    ("language LATIN", language.LATIN, r"[A-Za-z]"),
    ("external CYRILLIC", external.CYRILLIC, r"[\u0400-\u04ff]"),
    ("external LATIN", external.LATIN, r"[A-Za-z]"),
    ("score CYRILLIC", score.CYRILLIC, "[\u0400-\u04ff]"),
    ("score LATIN", score.LATIN, "[A-Za-z]"),
    ("extract CYRILLIC", extract.CYRILLIC, r"[\u0400-\u04ff]"),
    ("language_runs CYRILLIC", language_runs.CYRILLIC, r"[\u0400-\u04ff]"),
    ("language_runs _LATIN", language_runs._LATIN, r"[A-Za-z\u00c0-\u024f]"),
    ("language MIXED_WORD", language.MIXED_WORD,
     r"[^\W\d_]*(?:[A-Za-z][^\W\d_]*[\u0400-\u04ff]|[\u0400-\u04ff][^\W\d_]*[A-Za-z])[^\W\d_]*"),
    ("language SCRIPT_TOUCH", language.SCRIPT_TOUCH, r"[A-Za-z][\u0400-\u04ff]|[\u0400-\u04ff][A-Za-z]"),
    # the Russian and Ukrainian alphabets, RU_UK_LOWER / RU_UK_UPPER
    ("lemma_match _SCARE", lemma_match._SCARE, r"[«„\"“]([а-яёіїєґ][^\W\d_]*(?:['’ʼ-][^\W\d_]+)*)[»“”\"]"),
    ("extract_ru_uk _CAP_WORD", extract_ru_uk._CAP_WORD,
     r"(?<![\w'ʼ’-])[А-ЯЁІЇЄҐ][а-яёіїєґ'ʼ’-]*[а-яёіїєґ](?![\w'ʼ’-])"),
    ("extract_ru_uk _SENTENCE_END", extract_ru_uk._SENTENCE_END, r"[.!?…]+[\"»“”]?\s+(?=[«„\"—–А-ЯЁІЇЄҐA-Z0-9])"),
    ("quotes_cyrillic _AUTHOR", quotes_cyrillic._AUTHOR, r"(?<=[,!?…])[ \u00a0]+[—–-][ \u00a0]+(?=[a-zа-яёіїєґ])"),
)
#: the one-character classes among them (the others are compared as parse trees only)
SINGLE = [r for r in REPLACED if re.fullmatch(r"\[[^\]]*\]", r[2])]
EVERY_CODE_POINT = "".join(map(chr, range(0x110000)))


def _tree(pattern: str, flags: int) -> str:
    return str(sre_parse.parse(pattern, flags).data)


@pytest.mark.parametrize(("name", "new", "old"), REPLACED, ids=[r[0] for r in REPLACED])
def test_same_regular_expression(name: str, new: re.Pattern[str], old: str) -> None:
    assert new.flags == re.compile(old).flags
    assert _tree(new.pattern, new.flags) == _tree(old, new.flags)


@pytest.mark.parametrize(("name", "new", "old"), SINGLE, ids=[r[0] for r in SINGLE])
def test_same_code_points(name: str, new: re.Pattern[str], old: str) -> None:
    assert new.findall(EVERY_CODE_POINT) == re.compile(old).findall(EVERY_CODE_POINT)


def test_shared_objects() -> None:
    """One compiled class, not five copies of it."""
    assert external.CYRILLIC is score.CYRILLIC is extract.CYRILLIC is language_runs.CYRILLIC \
        is language.CYRILLIC
    assert external.LATIN is score.LATIN is language.LATIN
    assert language_runs._LATIN is not language.LATIN  # wider on purpose


def test_the_block_is_what_russian_and_ukrainian_need() -> None:
    letters = "абвгґдеєёжзиіїйклмнопрстуфхцчшщъыьэюяАБВГҐДЕЄЁЖЗИІЇЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ"
    assert len(language.CYRILLIC.findall(letters)) == len(letters)
    assert all(language.CYRILLIC.fullmatch(c) for c in language.OTHER_CYRILLIC)
    assert language.CYRILLIC.search("\u0500\u052f") is None  # the supplement is not counted
    lower = re.compile(f"[{language.RU_UK_LOWER}]")
    assert "".join(lower.findall(EVERY_CODE_POINT)) == "".join(sorted(set(letters.lower())))
    upper = re.compile(f"[{language.RU_UK_UPPER}]")
    assert "".join(upper.findall(EVERY_CODE_POINT)) == "".join(sorted(set(letters.upper())))
