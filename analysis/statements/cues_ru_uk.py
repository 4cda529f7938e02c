"""Russian and Ukrainian speech cues and names: verbs, pronouns, roles, nominative name forms.

* ``data/reporting_verbs_ru_uk.csv`` lists each speech verb (or phrase) by
  language with its stance class (the classes of
  :mod:`analysis.statements.reporting_verbs`), every inflected form
  (gender and number: заявил, заявила, заявили; заявив, заявила, заявили)
  and the source or rationale, usually the class of its English equivalent.
* :func:`nominative` turns a name as written in any case into its
  nominative ("Пескова" -> "Песков", "Андрія Єрмака" -> "Андрій Єрмак")
  with pymorphy3's installed dictionaries (no download): each word takes the
  parse that is a first name, surname or patronymic in the expected case,
  with the gender of the first name (or of the verb); a word the dictionary
  cannot place is kept as written.
* :func:`transliterate` gives the Latin spelling (Ukrainian national and
  Russian passport tables) that :mod:`analysis.statements.identity` folds, so
  "Андрій Єрмак" and "Andriy Yermak" share a ``speaker_id``.

Example:
    >>> speech_verb("заявила", "ru").lemma, speech_verb("наголосив", "uk").stance
    ('заявить', 'emphatic')
    >>> nominative("Пескова", "ru", case="gent")
    'Песков'
    >>> transliterate("Андрій Єрмак", "uk")
    'Andrii Yermak'
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from analysis import paths
from analysis.statements.reporting_verbs import STANCES

if TYPE_CHECKING:
    import pymorphy3

VERBS_CSV: Path = paths.PACKAGE_DIR / "statements" / "data" / "reporting_verbs_ru_uk.csv"
_COLUMNS = ("language", "lemma", "stance", "forms", "source", "rationale")
CYR_LANGUAGES: tuple[str, ...] = ("ru", "uk")
PRONOUNS: dict[str, dict[str, str]] = {
    "ru": {"он": "m", "она": "f", "они": "pl"},
    "uk": {"він": "m", "вона": "f", "вони": "pl"},
}
FIRST_PERSON: dict[str, frozenset[str]] = {"ru": frozenset({"я", "мы"}), "uk": frozenset({"я", "ми"})}
#: head nouns of roles ("пресс-секретарь президента", "керівник Офісу Президента")
ROLE_HEADS: dict[str, frozenset[str]] = {
    "ru": frozenset("президент премьер-министр премьер министр глава пресс-секретарь представитель "
                    "официальный спикер посол губернатор мэр командующий советник депутат замглавы "
                    "заместитель руководитель председатель вице-премьер министерство ведомство".split()),
    "uk": frozenset("президент глава прем'єр-міністр прем'єр міністр голова речник речниця представник "
                    "представниця посол губернатор мер командувач радник радниця депутат заступник "
                    "заступниця керівник керівниця начальник очільник віцепрем'єр віце-прем'єр "
                    "міністерство".split()),
}
#: two-word roles that name the same office as a one-word role head
ROLE_EQUIVALENTS: dict[str, str] = {
    "глава государства": "президент", "глава держави": "президент", "глава мид": "министр",
    "глава мзс": "міністр", "голова держави": "президент",
}
#: a speech noun whose genitive names the speaker: "слова Голди Меїр", "Брифінг X", "Інтервʼю X"
#: verb forms that are first person: their speaker is the narrator ("скажемо: «…»")
FIRST_PERSON_FORMS: frozenset[str] = frozenset(
    "скажу скажем скажемо говорю говорим говоримо кажу кажемо заявляю заявляем заявляємо пишу пишем "
    "пишемо наголошую наголошуємо подчеркиваю підкреслюю отмечаю зазначаю".split())
SPEECH_NOUNS: frozenset[str] = frozenset(
    "слова словами слів заява заяву заявление заявлении брифінг брифинг інтерв'ю интервью "
    "звернення обращение виступ выступление".split())
#: organisations that speak in news copy ("Минобороны России", "Офіс Президента", "СБУ"); one
#: capitalised word of these plus an optional country in the genitive
ORGANISATION = re.compile(
    r"(?<![\w-])(?:Минобороны|Міноборони|Генштаб\w*|Кремл\w*|Пентагон\w*|Офіс\w*\s+Президента|"
    r"Министерств\w+\s+обороны|Міністерств\w+\s+оборони|МИД|МЗС|СБУ|ЗСУ|ВСУ|ФСБ|ООН|НАТО|МАГАТЭ|МАГАТЕ)"
    r"(?:\s+(?:России|РФ|України|Украины|США))?(?![\w-])")
#: between a verb and an organisation: "говорится в заявлении", "повідомили в"
ORG_LEAD = re.compile(r"\s*(?:(?:в|во|у)\s+)?(?:заявлении|сообщении|заяві|повідомленні|пресс-службе|пресс-релизе|"
                      r"пресслужбі|прес-службі|telegram-канале|телеграм-каналі)?\s*", re.IGNORECASE)
_NAME_TAGS = frozenset({"Name", "Surn", "Patr"})
_CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
_APOS = str.maketrans({"ʼ": "'", "’": "'", "`": "'"})


@dataclass(frozen=True)
class SpeechVerb:
    """One row of the ru/uk verb table."""

    language: str
    lemma: str
    stance: str
    forms: tuple[str, ...]
    source: str
    rationale: str


class VerbTableError(ValueError):
    """A ru/uk verb table that cannot be used; the message names file, line and field."""


def load_speech_verbs(path: str | Path | None = None) -> dict[tuple[str, str], SpeechVerb]:
    """``{(language, form): SpeechVerb}`` from the CSV; raises VerbTableError naming line and field.

    Example:
        >>> table = load_speech_verbs()
        >>> table[("uk", "за словами")].stance
        'neutral'
    """
    p = Path(path) if path is not None else VERBS_CSV
    out: dict[tuple[str, str], SpeechVerb] = {}
    with p.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        if tuple(reader.fieldnames or ()) != _COLUMNS:
            raise VerbTableError(f"{p}: header must be {','.join(_COLUMNS)}, got {reader.fieldnames}")
        for line, row in enumerate(reader, start=2):
            for col in _COLUMNS:
                if not (row.get(col) or "").strip():
                    raise VerbTableError(f"{p}:{line}: field {col!r} is empty")
            if row["language"] not in CYR_LANGUAGES or row["stance"] not in STANCES:
                raise VerbTableError(f"{p}:{line}: language {row['language']!r} or stance "
                                     f"{row['stance']!r} not one of {CYR_LANGUAGES} / {STANCES}")
            verb = SpeechVerb(row["language"], row["lemma"], row["stance"],
                              tuple(f.strip().lower() for f in row["forms"].split("|")),
                              row["source"], row["rationale"])
            for form in verb.forms:
                if (verb.language, form) in out:
                    raise VerbTableError(f"{p}:{line}: form {form!r} already listed")
                out[(verb.language, form)] = verb
    return out


@lru_cache(maxsize=1)
def _table() -> dict[tuple[str, str], SpeechVerb]:
    return load_speech_verbs()


def speech_verb(form: str, language: str) -> SpeechVerb | None:
    """The table row of one written form (any case, ё or е), or None.

    Example:
        >>> speech_verb("Подчеркнул", "ru").stance
        'emphatic'
        >>> speech_verb("шепнул", "ru") is None
        True
    """
    key = re.sub(r"\s+", " ", form.strip().lower().replace("ё", "е"))
    # the other language second: short texts are often told apart badly, and a Russian
    # article may quote Ukrainian ("заявив") -- the two verb lists share no form
    for lang in (language, *(x for x in CYR_LANGUAGES if x != language)):
        found = _table().get((lang, key)) or _table().get((lang, form.strip().lower()))
        if found is not None:
            return found
    return None


@lru_cache(maxsize=2)
def verb_pattern(language: str) -> re.Pattern[str]:
    """One regex matching any listed form (of both languages, ``language``'s first) as a whole word.

    Example:
        >>> verb_pattern("uk").search("як зазначив Подоляк").group("verb")
        'як зазначив'
    """
    forms = sorted({f for (_, f) in _table()}, key=len, reverse=True)
    body = "|".join(re.escape(f).replace("е", "[её]").replace(r"\ ", r"\s+") for f in forms)
    return re.compile(rf"(?<![\w'ʼ’-])(?P<verb>{body})(?![\w'ʼ’-])", re.IGNORECASE)


@lru_cache(maxsize=2)
def analyzer(language: str) -> pymorphy3.MorphAnalyzer:
    """The pymorphy3 analyser of ``ru`` or ``uk`` from the installed dictionaries (cached)."""
    import pymorphy3

    if language not in CYR_LANGUAGES:
        raise ValueError(f"no morphology for language {language!r}; expected one of {CYR_LANGUAGES}")
    return pymorphy3.MorphAnalyzer(lang=language)


@lru_cache(maxsize=65536)
def is_name_word(word: str, language: str) -> bool:
    """Does a capitalised word read as a first name, surname or patronymic (or an unknown word)?

    Example:
        >>> is_name_word("Пескова", "ru"), is_name_word("Сегодня", "ru")
        (True, False)
    """
    morph = analyzer(language)
    w = word.translate(_APOS)
    parses = morph.parse(w)
    if any(_NAME_TAGS & set(p.tag.grammemes) for p in parses[:4]):
        return True
    return not morph.word_is_known(w.lower())


@lru_cache(maxsize=65536)
def is_first_name(word: str, language: str) -> bool:
    """Is the word's likeliest reading a first name (so the next capitalised word is the surname)?

    Example:
        >>> is_first_name("Григорія", "uk"), is_first_name("Сковороди", "uk")
        (True, False)
    """
    parses = analyzer(language).parse(word.translate(_APOS))
    return bool(parses) and "Name" in parses[0].tag.grammemes


@lru_cache(maxsize=65536)
def is_animate_noun(word: str, language: str, case: str = "nomn") -> bool:
    """Is the word an animate common noun in ``case`` ("політики", "эксперты"): a described speaker.

    Example:
        >>> is_animate_noun("політики", "uk"), is_animate_noun("мені", "uk")
        (True, False)
    """
    for p in analyzer(language).parse(word.translate(_APOS))[:3]:
        g = set(p.tag.grammemes)
        if p.tag.POS == "NOUN" and "anim" in g and p.tag.case == case and not _NAME_TAGS & g:
            return True
    return False


@lru_cache(maxsize=65536)
def can_be_nominative(word: str, language: str) -> bool:
    """Has the word a nominative reading (a subject can be only nominative: not "Блинкеном")?

    Example:
        >>> can_be_nominative("Лавров", "ru"), can_be_nominative("Блинкеном", "ru")
        (True, False)
    """
    return any(p.tag.case == "nomn" or "Fixd" in p.tag.grammemes
               for p in analyzer(language).parse(word.translate(_APOS)))


@lru_cache(maxsize=65536)
def _pick(word: str, language: str, case: str | None, gender: str) -> tuple[str, str]:
    """(nominative, gender) of one name word; the word itself when nothing fits."""
    parses = analyzer(language).parse(word.translate(_APOS))
    cases = [case] if case else list(_CASES)

    def score(p: pymorphy3.analyzer.Parse) -> tuple[int, int, int, int, float]:
        g = set(p.tag.grammemes)
        is_name = bool(_NAME_TAGS & g)
        in_case = p.tag.case in cases
        fits_gender = not gender or ("masc" in g) == (gender == "m") or "ms-f" in g
        # one person's name is singular: "Табах" is the surname, not the plural locative of "Таба"
        single = "plur" not in g
        return (int(in_case), int(is_name), int(single), int(fits_gender), p.score)

    for p in sorted(parses, key=score, reverse=True):
        if p.tag.case not in cases:
            break
        g = set(p.tag.grammemes)
        found = "f" if "femn" in g else "m" if "masc" in g else ""
        if found != "f":
            return p.normal_form, found  # a noun's or masculine adjective's normal form is its nominative
        # a woman's surname: the normal form is the man's (Захаровой -> захаров), so inflect
        nom = p.inflect({"nomn", "sing"}) or p.inflect({"nomn"})
        if nom is not None:
            return nom.word, found
    return word.lower(), ""


def _masc_genitive_surname(word: str) -> str | None:
    # dictionaries miss many surnames; -ова/-ева/-іна/-ина is then a man's genitive
    m = re.fullmatch(r"(.+(?:ов|ев|єв|ін|ин|ёв))а", word)
    return m.group(1) if m else None


@lru_cache(maxsize=65536)
def nominative(name: str, language: str, case: str | None = None, gender: str = "") -> str:
    """The nominative of a person's name as written (``case``: the case it stands in, if known).

    ``gender`` (``m``/``f``, e.g. from the verb form) breaks ties; otherwise
    the first name's gender is used for the following words.

    Example:
        >>> nominative("Андрія Єрмака", "uk", case="gent")
        'Андрій Єрмак'
        >>> nominative("Марии Захаровой", "ru", case="gent")
        'Мария Захарова'
        >>> nominative("Олексія Дніпрова", "uk", case="gent")
        'Олексій Дніпров'
    """
    words = name.split()
    out: list[str] = []
    for w in words:
        nom, found = _pick(w, language, case, gender)
        if case == "gent" and gender != "f" and nom.lower() == w.lower() and w.endswith("а"):
            stem = _masc_genitive_surname(w)
            nom = stem if stem else nom
        gender = gender or found
        out.append(_recase(nom, w))
    return " ".join(out)


def _recase(word: str, model: str) -> str:
    if model.isupper() and len(model) > 1:
        return word.upper()
    if model[:1].isupper():
        return "-".join(part[:1].upper() + part[1:] for part in word.split("-"))
    return word


_UK_LATIN = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ie", "ж": "zh", "з": "z",
    "и": "y", "і": "i", "ї": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p",
    "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ь": "", "ю": "iu", "я": "ia", "'": "",
}
_UK_INITIAL = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}
_RU_LATIN = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z", "и": "i",
    "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y",
    "ь": "", "э": "e", "ю": "iu", "я": "ia",
}


def transliterate(name: str, language: str) -> str:
    """Latin spelling of a Cyrillic name (Ukrainian national table for ``uk``, passport table for ``ru``).

    Example:
        >>> transliterate("Дмитрий Песков", "ru"), transliterate("Юлія Свириденко", "uk")
        ('Dmitrii Peskov', 'Yuliia Svyrydenko')
    """
    table = _UK_LATIN if language == "uk" else _RU_LATIN
    out: list[str] = []
    for word in name.translate(_APOS).split():
        letters: list[str] = []
        for i, ch in enumerate(word):
            low = ch.lower()
            initial = i == 0 or not word[i - 1].isalpha()
            latin = _UK_INITIAL.get(low, table.get(low, low)) if language == "uk" and initial \
                else table.get(low, low)
            letters.append(latin.capitalize() if ch.isupper() and latin else latin)
        out.append("".join(letters))
    return " ".join(out)
