"""Who is mentioned where: :func:`find_mentions`, the finders run in order and linked into entities.

One pass per kind of mention, each in its own module, in this order (a
later finder leaves alone what an earlier one took):

1. registry aliases (:mod:`~analysis.statements.alias_mentions`; a role
   alias right before a name is that name's title: "Russian President
   Vladimir Putin");
2. unregistered bodies (:mod:`~analysis.statements.bodies`: "the Institute
   for the Study of War", "Meduza, an independent news site");
3. unregistered personal names (:mod:`~analysis.statements.named_persons`,
   spans from :mod:`~analysis.statements.name_spans`) confirmed by a title
   (:mod:`~analysis.statements.titles`), an apposition or a speech verb;
   their surnames and honorifics link back (:mod:`~analysis.statements.surnames`);
4. titles before and appositions after a person add their words to its role
   words (:mod:`~analysis.statements.appositions`);
5. role-noun descriptors (patterns in :mod:`~analysis.statements.role_nouns`)
   that are mentions of their own (:mod:`~analysis.statements.role_mentions`):
   "a Kremlin representative" is the Kremlin, "the foreign policy chief" the
   latest holder of that role (:mod:`~analysis.statements.role_antecedents`);
6. unnamed people described where they speak
   (:mod:`~analysis.statements.described_sources`: "a 50-year-old bank
   employee said").

The :class:`~analysis.statements.mention.Mention` record lives in
:mod:`analysis.statements.mention`, below every finder.

Example:
    >>> from analysis.statements.speakers import default_registry
    >>> t = "EU foreign policy chief Kaja Kallas arrived. The foreign policy chief spoke."
    >>> [(t[m.start:m.end], m.entity) for m in find_mentions(t, default_registry())]
    [('EU', 'European Union'), ('Kaja Kallas', 'Kaja Kallas'), ('The foreign policy chief', 'Kaja Kallas')]
"""

from __future__ import annotations

from collections.abc import Sequence

from analysis.statements.alias_mentions import alias_patterns, registry_alias_mentions
from analysis.statements.appositions import attach_titles_and_appositions
from analysis.statements.bodies import organisation_mentions
from analysis.statements.described_sources import described_source_mentions
from analysis.statements.mention import Mention
from analysis.statements.named_persons import named_person_mentions
from analysis.statements.quotes import QuoteSpan
from analysis.statements.role_mentions import add_descriptor_mentions
from analysis.statements.role_nouns import DESCRIPTOR, bare_descriptors, is_adjectival_head
from analysis.statements.spans import SpanIndex
from analysis.statements.speakers import SpeakerRegistry


def find_mentions(text: str, registry: SpeakerRegistry, quotes: Sequence[QuoteSpan] = ()) -> list[Mention]:
    """All speaker-like mentions of ``text`` in order, linked to entities.

    Example:
        >>> from analysis.statements.speakers import default_registry
        >>> t = "A Kremlin representative spoke. The representative left."
        >>> [m.entity for m in find_mentions(t, default_registry())]
        ['Kremlin', 'Kremlin']
    """
    pats = alias_patterns(registry)
    mentions = registry_alias_mentions(text, registry, pats)
    descriptors = [*DESCRIPTOR.finditer(text), *bare_descriptors(text)]
    descriptors = [d for d in descriptors if not is_adjectival_head(text, d)]
    # bodies first: "the Institute for Grain Studies said" is no person "Grain Studies"
    mentions += organisation_mentions(text, mentions)
    mentions += named_person_mentions(text, mentions, descriptors)
    mentions.sort(key=lambda m: m.start)
    mentions = attach_titles_and_appositions(text, mentions, descriptors)
    mentions = add_descriptor_mentions(text, registry, pats, mentions, descriptors)
    described = described_source_mentions(text, mentions)
    inside = SpanIndex((d.start, d.end) for d in described)
    # "a 50-year-old bank employee said": the described person replaces the "a ... bank" inside it
    mentions = [m for m in mentions if not (m.source == "descriptor" and inside.overlaps(m.start, m.end))]
    mentions = sorted(mentions + described, key=lambda m: m.start)
    quote_spans = SpanIndex((q.start, q.end) for q in quotes)
    for m in mentions:
        m.in_quote = quote_spans.overlaps(m.start, m.end)
        m.surface = text[m.start:m.end]
    return mentions
