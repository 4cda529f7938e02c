"""Rules that recognise the page furniture of English news web pages.

Each rule looks at one line of a page as collected (plain text, one paragraph
or widget per line) or at a piece of one.  The rules are general: they name
the widgets, captions and credits that news sites print around an article,
never a particular article.  ``analysis.corpus.clean`` applies them and keeps
every character it removes, so nothing here can lose text.

Whole-line reasons (a line is boilerplate as a whole):

=====================  =========================================================
reason                 what it covers
=====================  =========================================================
``whitespace``         blank lines (also: CR of CRLF, edge spaces, final newline)
``separator``          a line of punctuation only: ``-``, ``***``, ``|``
``image``              image markup: ``![alt](src)``, ``![]() |``
``caption``            photo captions: ``FILE PHOTO: ...``, "... in this undated
                       photo. (AP)", a caption cell under an image, a line that
                       ends in a photo credit and repeats a paragraph
``advertisement``      "Advertisement", "Story continues below this ad", ...
``promo``              follow / subscribe / app prompts
``badge``              a lone label: "Premium", "Exclusive", "Live", ...
``metadata``           bullet lines with section or date, "Updated: ...", "3 min read"
``byline``             "By Jane Doe"
``credit``             "(Reporting by ...; Editing by ...)", "With inputs from ..."
``navigation``         "Next In World", "Others Also Read", "Also read: ..."
``related_headlines``  the list of headlines under a navigation heading
``comments``           comment widgets: "Post Comment", "No comments:", ...
``timestamp``          live-blog time stamps: "14.05 BST", "2h ago 14:05",
                       "Updated at 22.28 BST", "First published on Tue 3 Jun
                       2025 09.14 BST", "Last modified on ..."
``widget``             page interface text: "Show key events only", "Key
                       events", "Load more", "View image in fullscreen",
                       "Reuse this content", "skip past newsletter promotion"
``share``              share buttons: "Share on Facebook", "Copy link"
``editors_note``       "This interview has been edited and condensed for
                       clarity.", "Correction: An earlier version of ..."
``signature``          contributor lines: "Jane Doe reported from Kyiv, and
                       John Roe from London.", "Ann Lee contributed reporting."
``duplicate``          a paragraph repeated word for word earlier in the body
=====================  =========================================================

Sub-line reasons (a piece of a line that stays in the body otherwise):
``dateline`` ("MOSCOW (Reuters) -"), ``credit`` (a trailing "(Reuters)"),
``timestamp`` (a leading "14.05 BST" or a trailing "Updated at 22.28 BST"),
``image_alt`` (alt text glued to a caption: "Medvedev talksMedvedev, ..."),
``footnote_marker`` ("[1]"), ``whitespace`` (leading/trailing spaces),
``bom`` (a byte-order mark).

Example:
    >>> line_reason("Story continues below this ad")
    'advertisement'
    >>> line_reason("Medvedev said on Tuesday that talks would go on.") is None
    True
"""

from __future__ import annotations

import re

# Agencies whose names appear in datelines, credits and photo credits.
AGENCIES: tuple[str, ...] = (
    "Reuters", "REUTERS", "AP", "Associated Press", "AFP", "Bloomberg", "TASS", "Tass",
    "Xinhua", "XINHUA", "Sputnik", "RIA Novosti", "Interfax", "Interfax-Ukraine", "UNIAN",
    "Ukrinform", "dpa", "DPA", "EFE", "ANSA", "Kyodo", "Yonhap", "PTI", "IANS", "ANI",
    "Anadolu", "EPA", "EPA-EFE", "Getty Images", "agencies", "Agencies", "AA",
)
_AGENCY = "|".join(re.escape(a) for a in sorted(AGENCIES, key=len, reverse=True))

WHOLE_LINE_REASONS: tuple[str, ...] = (
    "whitespace", "separator", "image", "caption", "advertisement", "promo", "badge",
    "metadata", "byline", "credit", "navigation", "related_headlines", "comments", "timestamp",
    "widget", "share", "editors_note", "signature", "duplicate",
)
SUB_LINE_REASONS: tuple[str, ...] = (
    "dateline", "credit", "timestamp", "image_alt", "footnote_marker", "whitespace", "bom",
)

_ADVERTISEMENT = re.compile(
    r"^(?:advertisements?|advertisment|advert|ad|sponsored(?: content)?|paid content|promoted"
    r"|skip (?:ad|advertisement)|continue reading(?: below| the main story)?"
    r"|scroll to continue with content"
    r"|(?:the )?(?:story|article|content|text|report) continues (?:below|after)"
    r"(?: (?:this|the))? (?:ad|advert|advertisement))$",
    re.IGNORECASE,
)
_PROMO = re.compile(
    r"\b(?:follow us\b|click here to (?:follow|join|subscribe|download)"
    r"|join (?:us|our)\b.{0,40}\b(?:channel|whatsapp|telegram|community)"
    r"|subscribe (?:to|for) (?:our|the)\b|sign up (?:for|to) (?:our|the)\b.{0,30}newsletter"
    r"|download (?:our|the) app|get the app\b|stay updated with the latest"
    r"|follow (?:\w+ ){0,3}on (?:google news|twitter|x|facebook|instagram|telegram|whatsapp)"
    r"|(?:whatsapp|telegram) channel for breaking news|^privacy notice:)",
    re.IGNORECASE,
)
#: The markers a site prints around an inline newsletter sign-up box; every
#: line between them is ``promo`` (see ``analysis.corpus.clean``).
PROMO_BLOCK_START = re.compile(r"^skip past newsletter promotion$", re.IGNORECASE)
PROMO_BLOCK_END = re.compile(r"^after newsletter promotion$", re.IGNORECASE)
#: At most this many lines between the markers: a missing end marker must
#: not swallow the rest of the article.
PROMO_BLOCK_MAX_LINES = 8
_BADGES = frozenset({
    "premium", "exclusive", "live", "live updates", "breaking", "breaking news", "opinion",
    "analysis", "explained", "subscriber only", "subscribers only", "members only",
    "subscriber exclusive", "paywall", "plus", "free", "listen", "listen to this article",
    "share", "save", "print", "gift this article",
})
_MONTH = (
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
)
# A bullet line is page metadata when it is a short label or a date; longer
# bullets are key points written by the outlet and stay in the body.
_METADATA = re.compile(
    rf"^(?:[•·▪●◦‣]\s*(?:\S+(?:\s+\S+){{0,2}}|.{{0,40}}\b(?:{_MONTH}|\d{{4}})\b.{{0,20}})"
    rf"|(?:published|updated|last updated|posted|first published)\s*(?:on|at|:)\s*"
    rf".{{0,40}}\b(?:{_MONTH}|\d{{4}}|\d{{1,2}}:\d{{2}})\b.{{0,20}}"
    r"|\d{1,3}\s*min(?:ute)?s?\s+read)$",
    re.IGNORECASE,
)
_BYLINE = re.compile(
    r"^By\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}"
    r"(?:\s*(?:,|and|&)\s*[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3})*"
    r"(?:\s*[|,]\s*[\w .'’-]{0,40})?$"
)
_CREDIT_LINE = re.compile(
    r"^\(?\s*(?:(?:additional )?reporting|writing|editing|compiled|produced|translated"
    r"|written|edited|graphics?) by\b.*$"
    r"|^\(?\s*with (?:inputs?|reporting|additional reporting) (?:from|by)\b.*$"
    rf"|^(?:[-–—]\s*)?\(?(?:{_AGENCY})\)?$",
    re.IGNORECASE,
)
_NAV_HEADINGS = frozenset({
    "others also read", "also read", "read more", "read also", "related", "related articles",
    "related stories", "related news", "related coverage", "related content", "more stories",
    "more news", "recommended", "recommended for you", "recommended stories", "trending",
    "trending now", "trending news", "most read", "most popular", "most viewed",
    "latest news", "latest stories", "top stories", "you may also like", "you might also like",
    "see also", "don't miss", "don’t miss", "more on this story", "in other news",
    "editor's picks", "editor’s picks", "popular", "what to read next", "read next",
    "more like this", "around the web", "from the web",
})
_NAV_HEADING_PATTERN = re.compile(
    r"^(?:next in|more (?:from|in|on)|latest in|top stories in|also in) [\w &'’.-]{1,40}$",
    re.IGNORECASE,
)
_NAV_INLINE = re.compile(
    r"^(?:also read|read more|read also|see also|related|must read|recommended)\s*[:|]\s*\S",
    re.IGNORECASE,
)
_COMMENTS = re.compile(
    r"^(?:post (?:a )?comments?|latest comments?|read comments?|comments?|leave a (?:comment|reply)"
    r"|add (?:a )?comment|show comments?|view comments?|no comments?|\d+ comments?"
    r"|newer post|older post|home|newer post older post home|subscribe to: post comments.*"
    r"|join the conversation|comments? \(\d+\))\s*:?$",
    re.IGNORECASE,
)
# Time zones printed after a live-blog time; a dotted time ("14.05") counts
# only with a zone or am/pm, since "14.05" alone could be a figure.
_ZONE = r"(?:BST|GMT|CET|CEST|EET|EEST|MSK|UTC|EDT|EST|CDT|CST|PDT|PST|ET|PT|AEST|AEDT|IST|KST|JST)"
_CLOCK = (
    rf"(?:\d{{1,2}}[.:]\d{{2}}\s*(?:[ap]\.?m\.?)?\s*{_ZONE}|\d{{1,2}}[.:]\d{{2}}\s*[ap]\.?m\.?"
    r"|\d{1,2}:\d{2})"
)
_AGO = r"(?:\d{1,3}\s*(?:s|m|min|mins|h|hr|hrs|d|seconds?|minutes?|hours?|days?)\s+ago|just now)"
_TIMESTAMP = re.compile(
    rf"^(?:(?:{_AGO})\s*[·•|,-]?\s*)?{_CLOCK}$"
    rf"|^{_AGO}$"
    rf"|^(?:updated|last updated)(?:\s+at)?:?\s*{_CLOCK}$"
    rf"|^(?:first published|last modified|published|modified|updated)(?:\s+on)?:?\s+"
    rf"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?\d{{1,2}}\s+{_MONTH}\s+\d{{4}}"
    rf"(?:,?\s+{_CLOCK})?$",
    re.IGNORECASE,
)
#: "Updated at 22.28 BST" glued to the end of a body line (live-blog copy).
TRAILING_TIMESTAMP = re.compile(rf"\s*\bUpdated(?:\s+at)?\s+{_CLOCK}\s*$", re.IGNORECASE)
#: "14.05 BST " glued to the start of a body line; a zone is required, so
#: "14:00 was the deadline" stays.
LEADING_TIMESTAMP = re.compile(
    rf"^(?:{_AGO}\s*)?\d{{1,2}}[.:]\d{{2}}\s*(?:[ap]\.?m\.?)?\s*{_ZONE}\b\s*", re.IGNORECASE
)
_WIDGET = re.compile(
    r"^(?:show key events only|key events|live feed|live updates from|pinned post|filters(?: beta)?"
    r"|(?:show|load|view) (?:\d+ )?(?:more|older|newer|all)(?: (?:posts|updates|events|comments))?"
    r"|view image in fullscreen|close dialogue|toggle (?:next|previous) image|enlarge this image"
    r"|reuse this content|explore more on these topics|topics|was this helpful\??"
    r"|please turn on javascript to use this feature|skip past newsletter promotion"
    r"|after newsletter promotion|skip to (?:main )?content|skip to key events|supported by"
    r"|listen to this article(?: · \d+:\d{2} min)?|play video|watch:?|transcript)$",
    re.IGNORECASE,
)
_SHARE = re.compile(
    r"^(?:share (?:on|via|to) (?:facebook|twitter|x|whatsapp|messenger|linkedin|pinterest|reddit"
    r"|telegram|bluesky|e-?mail)|share this (?:article|story|post|page)|share full article"
    r"|copy link|link copied|share(?:\s*[|·]\s*(?:facebook|twitter|x|whatsapp|e-?mail))+)$",
    re.IGNORECASE,
)
_EDITORS_NOTE = re.compile(
    r"^(?:this (?:interview|conversation|transcript|q&a|discussion) (?:has been|was) "
    r"(?:lightly )?(?:edited|condensed)\b.*"
    r"|(?:update|correction|clarification|editor['’]s note)\s*:.*\b(?:updated|corrected|amended"
    r"|earlier version|misstated|misspelled|misidentified|incorrectly)\b.*"
    r"|an earlier version of this (?:article|story|report|post)\b.*)$",
    re.IGNORECASE,
)
# A name: two to four capitalised words ("Jane Doe", "Matthew Mpoke Bigg"),
# so a body sentence such as "The ministry reported from Kyiv" never matches.
_NAME = r"[A-Z][\w.'’-]+(?:\s+(?:[A-Z][\w.'’-]+|de|van|von|al|el|bin)){1,3}"
_NAMES = rf"{_NAME}(?:\s*,\s*{_NAME})*(?:,?\s+and\s+{_NAME})?"
_PLACE = r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}(?:,\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2})?"
_SIGNATURE_SENTENCE = re.compile(
    rf"{_NAMES}\s+(?:reported|contributed(?: additional)? (?:reporting|research)|reported and wrote)"
    rf"(?:\s+from\s+{_PLACE})?"
    rf"(?:,?\s+and\s+{_NAMES}\s+from\s+{_PLACE})*\s*\.",
)
_SEPARATOR = re.compile(r"^[\s\-–—_*•·=~|#+.]+$")
_IMAGE = re.compile(r"^\[?!\[[^\]]*\]\([^)]*\)\]?(?:\([^)]*\))?\s*\|?$")
_CAPTION_START = re.compile(
    r"^(?:FILE PHOTO|FILE|PHOTO|IMAGE|PICTURE|PHOTOGRAPH|Photo|Image|File photo|Picture)\s*:"
)
_CAPTION_PHRASE = re.compile(
    r"\bin this (?:undated |handout |file |screen ?grab |)(?:photo|picture|image|handout|file"
    r"|screengrab|video grab)\b|\b(?:via|/)\s*REUTERS\b|/File Photo\b|\(AP Photo\b"
    r"|\bPhoto(?:graph)?:\s|\bphoto credit\b",
    re.IGNORECASE,
)
#: A photo credit at the very end of a line: "(AP)", "(Reuters)", "(Express photo by ...)".
PHOTO_CREDIT_END = re.compile(
    rf"\s*\((?:{_AGENCY}|AP Photo[^()]*|(?:[\w ]+ )?[Pp]hoto(?:graph)?(?: by)?[^()]*"
    r"|File(?: [Pp]hoto)?|Image[^()]*|Credit[^()]*|Source[^()]*)\)\s*\|?$"
)
#: A trailing agency credit on a body line: "... the ministry said. (Reuters)".
TRAILING_CREDIT = re.compile(rf"\s*[-–—]?\s*\((?:{_AGENCY})\)\s*$")
#: "MOSCOW (Reuters) -", "KYIV, June 3 (Reuters) -", "(AP) —", "MOSCOW, June 3. /TASS/."
DATELINE = re.compile(
    rf"^(?:[A-Z][A-Z .'’/-]{{1,40}}(?:,\s*[A-Za-z0-9. ]{{1,30}})?\s*)?\((?:{_AGENCY})\)\s*[-–—]+\s*"
    r"|^[A-Z][A-Z .'’-]{1,40},\s*[A-Z][a-z]+\s+\d{1,2}\.?\s*/(?:TASS|Tass|ITAR-TASS)/\.?\s*"
)
#: Wikipedia-style reference markers left in generated or scraped text: "integrity[1].".
FOOTNOTE_MARKER = re.compile(r"(?<=[\w.,;:!?)\"”’])\[\d{1,3}\]")
#: Image alt text glued to the caption that follows it: "... talksMedvedev, deputy ...".
GLUED_ALT = re.compile(r"^(?P<alt>[^.,;:!?\"“”]{3,80}?[a-z]{2})(?=[A-Z][a-z])")
_SENTENCE_END = re.compile(r"[.:;,]['\"’”)]*$")


def word_count(text: str) -> int:
    """Number of whitespace-separated words.

    Example:
        >>> word_count("  two  words ")
        2
    """
    return len(text.split())


def is_navigation_heading(text: str) -> bool:
    """True for a heading that introduces a list of other stories.

    Example:
        >>> is_navigation_heading("Next In World")
        True
    """
    t = text.strip().rstrip(":").strip()
    return t.lower() in _NAV_HEADINGS or bool(_NAV_HEADING_PATTERN.match(t))


def is_headline_like(text: str) -> bool:
    """True for a short line that does not end like a sentence (a headline in a list).

    Example:
        >>> is_headline_like("EU border patrol vessel sinks off Greek island")
        True
        >>> is_headline_like("The vessel sank on Monday, officials said.")
        False
    """
    t = text.strip()
    return 1 <= word_count(t) <= 25 and not _SENTENCE_END.search(t)


def line_reason(text: str) -> str | None:
    """The boilerplate reason of a whole line judged on its own, or None for body.

    Context rules (captions under images, headline lists under a navigation
    heading, duplicates) live in ``analysis.corpus.clean``.

    Example:
        >>> line_reason("Follow us on our official WhatsApp channel for breaking news alerts!")
        'promo'
        >>> line_reason("(Reporting by Reuters; Editing by Kevin Liffey)")
        'credit'
    """
    t = text.strip()
    if not t:
        return "whitespace"
    if _SEPARATOR.match(t):
        return "separator"
    if _IMAGE.match(t):
        return "image"
    lowered = t.rstrip(":").strip().lower()
    if _ADVERTISEMENT.match(lowered):
        return "advertisement"
    if _COMMENTS.match(t):
        return "comments"
    if _TIMESTAMP.match(t):
        return "timestamp"
    if _WIDGET.match(lowered) or _WIDGET.match(t):
        return "widget"
    if _SHARE.match(t):
        return "share"
    if lowered in _BADGES:
        return "badge"
    if is_navigation_heading(t) or (_NAV_INLINE.match(t) and word_count(t) <= 30):
        return "navigation"
    if _PROMO.search(t) and (word_count(t) <= 30 or t.lower().startswith("privacy notice:")):
        return "promo"
    if _METADATA.match(t):
        return "metadata"
    if _BYLINE.match(t) and word_count(t) <= 12:
        return "byline"
    if _CREDIT_LINE.match(t) and word_count(t) <= 40:
        return "credit"
    if _EDITORS_NOTE.match(t) and word_count(t) <= 60:
        return "editors_note"
    if is_signature(t):
        return "signature"
    if _CAPTION_START.match(t):
        return "caption"
    if _CAPTION_PHRASE.search(t) and word_count(t) <= 80:
        return "caption"
    return None


def is_signature(text: str) -> bool:
    """True for a line made only of contributor sentences ("X reported from Y.").

    Example:
        >>> is_signature("Carla Gall reported from Bakhmut, Ukraine, and Matt Bigg from London.")
        True
        >>> is_signature("The ministry reported from Kyiv that 12 drones were downed.")
        False
    """
    t = text.strip()
    pos = 0
    while pos < len(t):
        m = _SIGNATURE_SENTENCE.match(t, pos)
        if not m:
            return False
        pos = m.end()
        while pos < len(t) and t[pos].isspace():
            pos += 1
    return pos > 0 and word_count(t) <= 60


def has_photo_credit_end(text: str) -> bool:
    """True if the line ends in a parenthesised photo or agency credit.

    Example:
        >>> has_photo_credit_end("Troops on parade in Moscow. (AP)")
        True
    """
    return bool(PHOTO_CREDIT_END.search(text))


def glued_alt_end(text: str) -> int:
    """Length of image alt text glued to the start of a caption, or 0.

    Example:
        >>> glued_alt_end("Russia Ukraine talksMedvedev, deputy chairman, spoke.")
        20
    """
    m = GLUED_ALT.match(text)
    if not m or word_count(m.group("alt")) < 2:
        return 0
    return m.end("alt")
