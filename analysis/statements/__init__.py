"""Statements: who says what in a news text.

``extract.extract_statements`` splits a text into direct quotes, partial
quotes, reported speech and the outlet's narration, with speakers resolved
against ``speakers.SpeakerRegistry`` (``corpus/speakers.csv``).  The modules
run one way: quotes -> sentences -> mentions (``mentions.find_mentions`` runs
one finder module per kind of mention, all building ``mention.Mention``) ->
cataphora -> cues/attribution -> extract.  Russian and Ukrainian texts go from ``extract`` to ``extract_ru_uk``
(quotes_cyrillic -> cues_ru_uk -> extract_ru_uk), selected by the text's language.

Example:
    >>> from analysis.statements.extract import extract_statements
    >>> extract_statements('"No," Peskov said.').loc[0, "speaker"]
    'Dmitry Peskov'
"""
