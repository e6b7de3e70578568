"""Attributions: content an article credits to a source other than itself.

A spaCy component, ``newsprism_attributions``, run after the parser and, when it is in
the pipeline, after ``newsprism_actors``, whose mentions resolve sources to actor ids.

An attribution is read as an attribution relation of three parts, as in PARC (Pareti
2012, "A database of attribution relations"; Pareti 2016, "PARC 3.0: A corpus of
attribution relations", LREC): the *source* credited, the *cue* that credits it
("according to", "reported", "told") and the *content* credited. As in rule-based
reported-speech taggers built on reporting-verb lexicons (Krestel, Bergler & Witte 2008,
"Minding the source: automatic tagging of reported speech in newspaper articles", LREC),
cues come from a word list that users can read and extend,
``newsprism/data/attribution_cues.txt`` (its sections are named below in brackets); the
parse then finds the source and the content around each cue.

The rules:

1. **Source phrases** [according]: "according to X", "citing X", "quoted by X". The
   object (and any object conjoined with it) is the source, of any kind. The content is
   the rest of the sentence: after the phrase when it opens the sentence, before it
   when it closes it; in the middle, the side the clause's verb is on (the whole
   sentence when the subject is before the phrase and the verb after); inside a relative
   clause, that clause only ("Indians who according to official data live ..."). A phrase inside
   another ("according to X, which cited Y") credits the outer clause too. "X was
   quoted by Y as rejecting Z" credits "rejecting Z". After "according to" any noun
   phrase is a source: the author it names ("a round-up by writer X"), else unnamed
   people (a plural: "according to libertarians") or a document ("the ad library").
2. **Channels** [channel]: "told X", "in an interview with X". X counts only as an
   outlet: a media or organisation actor, or an unknown proper name, but never a
   person, a public body or an audience ("told the committee", [official] and
   [organization] nouns). The content is what was told: the verb's clausal complement,
   or the sentence before a closing "..., a clerk told the Clarion", or the main clause
   of "As X told the Clarion, ..."; when the phrase opens the sentence and the parse hung
   it on a clause of its own ("In an interview with X aired Friday, Y argued that ..."),
   the main clause's reporting verb. "said to X", "suggested to X" are channels too, and so
   is a poll ("telling a YouGov poll that ..."). The article's own outlet is no channel,
   and the speakers who told it stay sources by rule 3 ("officials told the AP that ...").
   The speaker is left to the quotes component.
3. **Reporting verbs** [report, speech]: the subject is the source of the verb's
   clausal complement ("The Times reported that ...", "Sources claim that ...",
   "..., officials said"). A report verb credits any subject but a person; findings
   ("a study found", "the agency concluded", "polls show", "the ruling held") are
   report verbs. A complement the parse cut in two ("shows that A - and B was ...")
   is credited whole, and an object carrying a finite verb of its own ("shows [two
   channels differed ...]") stands for the clause it is; an outlet that "reported on"
   something credits what it reported on, and a document that shows or finds a noun phrase
   credits it ("court records show two payments"). A verb
   the tagger took for a noun counts when it has a subject and a clausal complement
   ("The charges, unsealed on Wednesday, allege that ..."), and a plural the parse
   compounded with the verb is its subject ("..., the department's filings show"); of two
   subjects the parse gave a verb, the first that names a source counts. A plain
   speech verb credits only an outlet, a document or an unnamed source; a named
   speaker, person or body, becomes a source only with a statement phrase [statement]
   ("said in a statement", "in his written statement": its first and last words count)
   or in a parenthetical "as" clause ("as Time notes, ..."; not a politician's "as
   Senator X noted", which the annotators read as a quote), whose content is the clause
   it modifies. "Said in an interview" and "wrote on Twitter" are no statement phrases
   (quotes, for the annotators). The outlet a piece appeared in is the source of what
   its writer says ("“…,” writes X in The Guardian", "wrote at Lawfare": a media actor,
   or after "write" a name that is no actor). "X issued a statement saying/describing/
   expressing ..." credits the issuer with the participle's clause or object. A
   journalist who "reported" is a media source; an unnamed or official source that
   reports figures credits them ("officials have reported 469 cases"). "It has been
   reported that ..." credits unnamed reports, "in a poll, it was found that ..." the
   poll; "the report found", set off by commas, the whole sentence. "Two of the
   network's sources" is unnamed like "sources". A clause with its own subject that the
   parse conjoined with the reporting verb after its complement ("said A, but B") is
   content too; "... and said B" after a told content is not; a complement the parse
   hung across a paragraph break is not the content. With a statement phrase, "he"/"she" is the person named before,
   "they"/"it" leave the statement as the source ("they said in court documents") and
   a common noun is an unnamed speaker ("the judge wrote in her ruling"); a statement
   phrase naming another owner makes that owner the source ("In a Quinnipiac poll, voters
   said ...": the poll's respondents are a measurement, not a source). Unnamed
   groups that are no [anonymous] noun ("some Christians say") credit nothing, nor do
   unnamed commentators ([journalist], [expert]: "experts say", "observers said") with a
   plain speech verb. A
   complement before its verb ("A, but B, Reuters reports") is the sentence up to it. Any verb with a that-clause credits
   unnamed or an outlet's reports ("reports emerged that ..."). "The official" and
   "the Texas Republican" (definite, singular) are taken for someone named elsewhere,
   unless unnamed ones came before ("Senior officials said ... the official said").
   Negated or modal verbs ("did not report", "must report") credit nothing.
4. **Documents** [document]: a document noun credits its owner: possessor (not a date:
   "Thursday's reports"), compound or "by/from/of" object ("the BBC's translation", "a CNN
   report", "a report by X"), but not a country by its demonym ("a German study" is the study's own). Without one, a plural listed as anonymous is anonymous ("reports say"), "the
   report" is the last owned report named before it ("an FBI memo ... The memo said"),
   else it is a document. A document noun with a that-clause is a cue by itself
   ("denied reports that ...").
   A document the article's own outlet names among its owners ("a CNN/ORC poll" in CNN) is
   the outlet citing itself: no attribution.
5. **Hearsay** [reportedly]: "reportedly", "is reported to" credit the clause they qualify
   to unnamed reports (anonymous): a main clause to the end of its sentence, a subordinate
   one without its conjunction ("as the FBI reportedly expands ..."), and only the
   predicate when the subject holds an aside set off by commas.
6. **Source lines** [line]: a short line "Source: X" credits the text above it.

A cue inside a quotation that opens and closes in its paragraph credits nothing: the
source is the speaker's, not the article's.

A cue whose words end in a colon that closes its paragraph ("Besides that, the AP reports:",
"..., as reported by The Guardian:", "a spokesperson said in an email:") credits the paragraph
after it, past short label lines ("Advertisement:"), as well as a content fronted before it.

Contents lose a leading "that", a news dateline ("GENEVA —") and punctuation at
their edges; quotation marks stay when paired inside, and go when they enclose it all.
A quotation the content opens or closes is taken whole, across sentences, within its
paragraph; a content that opens with a quotation ending in a comma and goes on with
its speaker ('"...," the mayor told a meeting, according to X') is the quotation.

Kinds: an actor's kind gives it (media → media; country, government → official; igo,
organisation, armed group → organization; unnamed groups such as "Kurds" →
anonymous). A person takes the kind of their affiliation, else of their role or of a
noun before their name ([journalist] → media, [expert] → organization, other titles →
official); an outlet whose possessive, or whose name before a [journalist] title, precedes the name is
the source itself ("the Post's Anna Berg", "Post reporter Anna Berg" credit the Post); other people are official.
A body named by a country's possessive ("Sweden's public health agency") is official,
with the country's id. An unresolved source takes the kind of its head noun ([anonymous], [media],
[official], [organization]; unnamed plurals of public bodies are anonymous), or, for
a proper name, of its entity label and head word; "the site", "the newspaper" (a
definite singular [media] noun) is the outlet named last. Source ids: the actor, or for an
unnamed source the country or outlet named inside it ("Syrian state media",
"Syrian officials").
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, ORTH
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from newsprism.analysis import records_on
from newsprism.analysis.actors import is_possessive, org_kind
from newsprism.kb import normalise_name, section_entries, slugify, word_file_texts
from newsprism.records import Actor, Attribution, Mention

if not Doc.has_extension("attributions"):
    Doc.set_extension("attributions", default=())

CUES_FILE = "attribution_cues.txt"
# Sections whose words are looked for in the text; the others describe source phrases.
SCANNED_SECTIONS = ("according", "channel", "report", "speech", "statement", "document", "reportedly")
NOUN_SECTIONS = ("anonymous", "media", "official", "organization", "journalist", "expert", "document")
SECTIONS = frozenset((*SCANNED_SECTIONS, *NOUN_SECTIONS, "line"))
ACTOR_KINDS = {
    "media": "media",
    "country": "official",
    "government": "official",
    "igo": "organization",
    "organization": "organization",
    "armed_group": "organization",
    "other": "anonymous",
}
PERSON_KINDS = {"journalist": "media", "expert": "organization"}
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "expl", "csubj"})
OBJECT_DEPS = frozenset({"pobj", "dobj", "dative", "obj", "attr"})
NOUN_PHRASE_RIGHT_DEPS = frozenset({"prep", "compound", "amod", "nummod", "case", "flat", "nmod", "poss"})
# Right dependents that make a clause go on past a phrase in its middle.
CORE_RIGHT_DEPS = frozenset({"dobj", "dative", "attr", "acomp", "ccomp", "xcomp", "prep", "npadvmod", "oprd", "agent"})
# What may follow the verb of a reporting clause that closes a sentence ("..., a clerk
# told the Clarion on Monday.").
CLOSING_DEPS = frozenset({"dobj", "dative", "prep", "npadvmod", "advmod", "punct", "agent"})
RELATIVE_PRONOUNS = frozenset({"which", "who", "that", "whom"})
INDEFINITE = frozenset({"a", "an", "one", "some", "several", "many", "two", "three", "few", "other", "unnamed"})
QUOTE_MARKS = frozenset("\"'“”‘’«»")
STRAIGHT_MARKS = frozenset("\"'")
OPENING_MARKS = frozenset("“‘«")
CLOSING_MARKS = frozenset("\"'”’»")
SOURCE_LINE_MAX_WORDS = 10
DATELINE_MAX_TOKENS = 10
LABEL_LINE_MAX_TOKENS = 3  # "Advertisement:", "Read more:" between a colon and its block
DATELINE_DASHES = frozenset({"—", "–", "--"})
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
NOT_SOURCE_LABELS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY"})
CCOMP = get_string_id("ccomp")


Forms = Sequence[tuple[int, ...]]


class CueFileError(ValueError):
    """A cue file could not be read; the message names the file and line."""


# --------------------------------------------------------------------------- the cue lexicon


@dataclass(slots=True)
class CueLexicon:
    """The cue words by section, indexed for matching on tokens."""

    entries: dict[str, list[tuple[str, ...]]] = field(default_factory=dict)
    # entries as string hashes, by first word and by every word
    _by_first: dict[int, list[tuple[str, tuple[int, ...]]]] = field(default_factory=dict)
    _by_word: dict[int, list[tuple[str, tuple[int, ...]]]] = field(default_factory=dict)
    # statement phrases as (preposition, noun): "in a statement" also finds "in his statement"
    _statements: set[tuple[str, str]] = field(default_factory=set)

    @classmethod
    def load(cls, extra: Sequence[str | Path] = ()) -> CueLexicon:
        """The bundled cues plus those of the ``extra`` files."""
        if isinstance(extra, (str, Path)):
            extra = [extra]
        lexicon = cls()
        for text, where in word_file_texts(CUES_FILE, extra, CueFileError):
            for section, words in cue_entries(text, where):
                lexicon.add(section, words)
        return lexicon

    def add(self, section: str, words: tuple[str, ...]) -> None:
        if words in self.entries.setdefault(section, []):
            return
        self.entries[section].append(words)
        keys = tuple(map(get_string_id, words))
        if section == "statement":
            self._statements.add((words[0], words[-1]))
        if section in SCANNED_SECTIONS:
            self._by_first.setdefault(keys[0], []).append((section, keys))
            self._by_first[keys[0]].sort(key=lambda entry: -len(entry[1]))
        if section in NOUN_SECTIONS:
            for key in set(keys):
                self._by_word.setdefault(key, []).append((section, keys))

    def is_statement(self, preposition: str, noun: str) -> bool:
        return (preposition, noun) in self._statements

    def is_statement_noun(self, noun: str) -> bool:
        return any(n == noun for _, n in self._statements)

    def lines(self) -> list[str]:
        return [" ".join(words) for words in self.entries.get("line", [])]

    def phrases_at(self, forms: Forms, i: int) -> Iterator[tuple[str, int]]:
        """(section, end) for every cue phrase starting at token ``i``, longest first;
        ``forms`` holds each token's forms (:func:`read_tokens`)."""
        seen = set()
        for form in forms[i]:
            for section, words in self._by_first.get(form, ()):
                if (section, words) not in seen and matches(forms, i, words):
                    seen.add((section, words))
                    yield section, i + len(words)

    def hits(self, forms: Forms) -> list[tuple[str, int, int]]:
        """(section, start, end) for every cue phrase in the text."""
        firsts = self._by_first.keys()
        starts = [i for i, keys in enumerate(forms) if any(k in firsts for k in keys)]
        return [(section, i, end) for i in starts for section, end in self.phrases_at(forms, i)]

    def phrase_in(self, forms: Forms, i: int, section: str) -> int | None:
        """The end of the longest ``section`` phrase starting at token ``i``."""
        return next((end for s, end in self.phrases_at(forms, i) if s == section), None)

    def noun_section(self, forms: Forms, head: int, start: int, end: int) -> str | None:
        """The section of the longest noun entry that covers token ``head`` inside [start, end)."""
        best: tuple[int, int, str] | None = None
        for form in forms[head]:
            for section, words in self._by_word.get(form, ()):
                for offset in (k for k, w in enumerate(words) if w == form):
                    first = head - offset
                    if first >= start and first + len(words) <= end and matches(forms, first, words):
                        rank = (len(words), -NOUN_SECTIONS.index(section), section)
                        best = max(best, rank) if best else rank
        return best[2] if best else None

    def word_section(self, word: str) -> str | None:
        """The section of a one-word noun entry, if any."""
        key = get_string_id(word)
        return next((s for s, words in self._by_word.get(key, ()) if words == (key,)), None)


def cue_entries(text: str, where: str) -> Iterator[tuple[str, tuple[str, ...]]]:
    """(section, lower-case words) for each cue of a cue file's text (``[section]``
    headers, one cue a line: :func:`newsprism.kb.section_entries`); ``where`` names
    the file in errors."""
    for section, cue, _ in section_entries(text, where, SECTIONS, CueFileError):
        yield section, tuple(cue.lower().split())


@lru_cache(maxsize=1)
def default_lexicon() -> CueLexicon:
    return CueLexicon.load()


def read_tokens(doc: Doc) -> tuple[Forms, list[int], list[int]]:
    """The forms a cue word may take, for each token (the hashes of its lower-case text
    and its lemma), the tokens that hold a line break and the clausal complements. Read
    as arrays: making a Token object per word would cost more than the whole search."""
    rows = doc.to_array([LOWER, LEMMA, IS_SPACE, DEP]).tolist() if len(doc) else []
    forms = [(lower,) if lemma in (lower, 0) else (lower, lemma) for lower, lemma, _, _ in rows]
    breaks = [i for i, row in enumerate(rows) if row[2] and "\n" in doc[i].text]
    clauses = [i for i, row in enumerate(rows) if row[3] == CCOMP]
    return forms, breaks, clauses


def matches(forms: Forms, start: int, words: tuple[int, ...]) -> bool:
    if start < 0 or start + len(words) > len(forms):
        return False
    return all(word in forms[start + k] for k, word in enumerate(words))


# --------------------------------------------------------------------------- article state


@dataclass(slots=True)
class Source:
    text: str
    id: str | None
    kind: str
    start: int  # character offsets of the words naming the source here
    end: int
    anaphoric: bool = False  # "the official": someone named elsewhere
    noun: str | None = None  # the cue-file section of an unnamed source's head noun


@dataclass(slots=True)
class Found:
    source: Source
    cue: str
    start: int  # content, token offsets
    end: int


@dataclass(slots=True)
class Article:
    doc: Doc
    lexicon: CueLexicon
    forms: Forms
    breaks: list[int]  # tokens holding a line break
    clauses: list[int]  # clausal complements (ccomp)
    quoted: list[bool]  # token -> inside a quotation of its paragraph (:func:`paragraph_quotations`)
    owner: list[tuple[Mention, int, int] | None]  # token -> (mention, token start, token end)
    actors: dict[str, Actor]
    spans_of: dict[str, list[tuple[int, int]]]  # actor id -> token spans of its mentions
    person_kinds: dict[str, str] = field(default_factory=dict)
    with_channel: set[int] = field(default_factory=set)  # verbs whose channel is a source
    read_verbs: set[int] = field(default_factory=set)  # reporting verbs already read

    @classmethod
    def read(cls, doc: Doc, lexicon: CueLexicon) -> Article:
        owner: list[tuple[Mention, int, int] | None] = [None] * len(doc)
        spans_of: dict[str, list[tuple[int, int]]] = {}
        mentions = records_on(doc, "actor_mentions")
        for mention in mentions:
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None:
                continue
            owner[span.start:span.end] = [(mention, span.start, span.end)] * len(span)
            spans_of.setdefault(mention.actor_id, []).append((span.start, span.end))
        actors = {a.id: a for a in records_on(doc, "actors")}
        forms, breaks, clauses = read_tokens(doc)
        return cls(doc, lexicon, forms, breaks, clauses, paragraph_quotations(doc, breaks), owner, actors, spans_of)


# --------------------------------------------------------------------------- entry points


def find_attributions(doc: Doc, lexicon: CueLexicon | None = None) -> list[Attribution]:
    """The attributions of one parsed article, in document order (see the module docstring)."""
    art = Article.read(doc, lexicon or default_lexicon())
    hits = [hit for hit in art.lexicon.hits(art.forms) if not art.quoted[hit[1]]]
    found: list[Found] = []
    for section, start, end in hits:
        if section == "according":
            found += from_source_phrase(art, start, end)
        elif section == "channel":
            found += from_channel(art, start, end)
        elif section == "reportedly":
            found += from_hearsay(art, start, end)
    for section, start, end in hits:
        if section in ("report", "speech") and is_verb(doc[start]):
            found += from_reporting_verb(art, doc[start], section, end)
        elif section == "document" and doc[start].pos_ in ("NOUN", "PROPN"):
            found += from_document_clause(art, doc[start])
            found += from_issued_statement(art, doc[start])
    for token in map(doc.__getitem__, art.clauses):
        if has_mark(token, "that") and is_verb(token.head) and not art.quoted[token.head.i]:
            found += from_reporting_verb(art, token.head, "clause", token.head.i + 1)
    found += from_source_lines(art)
    return [a for a in records(doc, found) if not cites_itself(a, doc.user_data.get("newsprism_outlet"))]


def paragraph_quotations(doc: Doc, breaks: list[int]) -> list[bool]:
    """For each token, whether it lies inside a quotation that opens and closes in its
    paragraph: a source the speaker cites is the speaker's, not the article's ("\"As the
    deputy said, ...\""); quotations inside quotations are not marked either (the
    guidelines). Read once per article, from the few tokens that are quotation marks."""
    quoted = [False] * len(doc)
    mark_ids = {get_string_id(mark) for mark in QUOTE_MARKS}
    orths = doc.to_array([ORTH]).tolist() if len(doc) else []
    sides = {i: side for i, orth in enumerate(orths) if orth in mark_ids and (side := quote_side(doc[i]))}
    marks = sorted(sides)
    for first, last in zip([0, *(b + 1 for b in breaks)], [*breaks, len(doc)]):
        inside = marks[bisect_left(marks, first):bisect_left(marks, last)]
        if not inside:
            continue
        total = sum(sides[i] for i in inside)
        before = 0
        for i in range(first, last):
            side = sides.get(i, 0)
            quoted[i] = before > 0 and total - before - side < 0
            before += side
    return quoted


def cites_itself(attribution: Attribution, outlet: str | None) -> bool:
    """An outlet's own reporting ("told the Klaxon" in the Daily Klaxon) is not a
    citation of another source (the annotation guidelines' ruling)."""
    return is_own_outlet(attribution.source, attribution.source_id, outlet)


def is_own_outlet(source: str, source_id: str | None, outlet: str | None) -> bool:
    """Whether a source names the article's own outlet."""
    if not outlet:
        return False
    own, cited = normalise_name(outlet), normalise_name(source)
    own_slug = slugify(outlet)
    return bool(cited) and (
        cited == own or f" {cited} " in f" {own} " or f" {own} " in f" {cited} "
        or source_id in (own_slug, f"the-{own_slug}")
    )


@Language.factory(
    "newsprism_attributions",
    default_config={"cues_files": []},
    requires=["token.dep"],
    assigns=["doc._.attributions"],
)
def make_attribution_component(nlp: Language, name: str, cues_files: list[str]) -> AttributionComponent:
    lexicon = CueLexicon.load(extra=cues_files) if cues_files else default_lexicon()
    return AttributionComponent(lexicon)


class AttributionComponent:
    """Sets ``doc._.attributions`` (list of Attribution, article_id "", ids a0, a1, ...)."""

    def __init__(self, lexicon: CueLexicon) -> None:
        self.lexicon = lexicon

    def __call__(self, doc: Doc) -> Doc:
        doc._.attributions = find_attributions(doc, self.lexicon)
        return doc


# --------------------------------------------------------------------------- 1. source phrases


def from_source_phrase(art: Article, start: int, end: int) -> Iterator[Found]:
    doc = art.doc
    anchor = phrase_anchor(doc, start, end)
    content = None
    if is_verb(anchor) and any(c.dep_ == "nsubjpass" for c in anchor.children):
        content = as_complement(art, anchor)  # "X was quoted by Y as rejecting Z"
    phrase_end = max(t.right_edge.i for t in doc[start:end])
    if content is None and doc[phrase_end + 1:phrase_end + 2].text == ":" and closes_paragraph(doc, phrase_end + 1):
        content = paragraph_after(doc, phrase_end + 1)  # "..., as reported by the Clarion:" + a block
    if content is None:
        outer, head = clause_of(anchor)
        if head.dep_ == "relcl":
            content = relative_content(doc, head, outer.left_edge.i, outer.right_edge.i + 1)
        else:
            content = rest_of_sentence(doc, outer.left_edge.i, outer.right_edge.i + 1, head)
    if content is None:
        return
    cue = doc[start:end].text
    for _, source in sources_after(art, start, end, any_noun=art.doc[start].lower_ == "according"):
        yield Found(source, cue, *content)


def phrase_anchor(doc: Doc, start: int, end: int) -> Token:
    """The phrase's word whose head lies outside it."""
    return next((t for t in doc[start:end] if not start <= t.head.i < end or t.head.i == t.i), doc[start])


def clause_of(token: Token) -> tuple[Token, Token]:
    """(the dependent of the clause's verb that holds ``token``, that verb)."""
    outer, head = token, token.head
    while head.i != outer.i and not is_clause_verb(head):
        outer, head = head, head.head
    return outer, head


def is_clause_verb(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX") and token.dep_ not in ("prep", "amod", "acl", "pcomp")


def sources_after(art: Article, start: int, end: int, any_noun: bool = False) -> Iterator[tuple[Token, Source]]:
    """(head, source) for the phrase's object and the objects conjoined with it;
    ``any_noun``: the phrase makes any noun phrase a source ("according to a round-up by
    X", "according to libertarians")."""
    obj = phrase_object(art.doc, start, end)
    if obj is None:
        return
    for head in [obj, *obj.conjuncts]:
        source = resolve(art, head)
        if source is None and any_noun:
            source = named_by_phrase(art, head)
        if source is not None:
            yield head, source


def named_by_phrase(art: Article, head: Token) -> Source | None:
    """A noun phrase no rule names a source, after "according to": the author it names
    ("a round-up by writer X"), else unnamed people (a plural) or a document."""
    if head.pos_ not in ("NOUN", "PROPN") or head.ent_type_ in NOT_SOURCE_LABELS:
        return None
    owner = document_owner(art, head)
    if owner is not None:
        return owner
    doc = art.doc
    start, end = noun_phrase(head)
    kind = "anonymous" if head.tag_ == "NNS" else "document"
    return Source(doc[start:end].text, None, kind, doc[start].idx, doc[end - 1].idx + len(doc[end - 1]),
                  noun="anonymous" if kind == "anonymous" else "document")


def phrase_object(doc: Doc, start: int, end: int) -> Token | None:
    """The head of the noun phrase a cue phrase introduces."""
    last = doc[end - 1]
    for child in last.children:
        if child.dep_ in OBJECT_DEPS and child.i >= end:
            return child
    for token in doc[end:min(end + 6, len(doc))]:
        if token.is_punct or token.is_space or token.pos_ == "VERB":
            return None
        if token.pos_ in ("NOUN", "PROPN", "NUM"):
            while token.dep_ in ("compound", "flat") and token.head.i > token.i:
                token = token.head
            return token
    return None


def rest_of_sentence(doc: Doc, start: int, end: int, head: Token) -> tuple[int, int] | None:
    """The content of a phrase [start, end) modifying the clause of ``head``."""
    first, last = line_bounds(doc, head.sent, start)
    before = any(is_word(t) for t in doc[first:start])
    after = any(is_word(t) for t in doc[end:last])
    if not after or not before:
        return trim(doc, first, start) if not after else trim(doc, end, last)
    if head.i < start:
        goes_on = any(c.i >= end and c.dep_ in CORE_RIGHT_DEPS for c in head.children)
        return trim(doc, first, last) if goes_on else trim(doc, first, start)
    subject_before = any(c.dep_ in SUBJECT_DEPS and c.i < start for c in head.children)
    return trim(doc, first, last) if subject_before else trim(doc, end, last)


def relative_content(doc: Doc, verb: Token, start: int, end: int) -> tuple[int, int] | None:
    """A phrase [start, end) inside a relative clause credits that clause only ("a district
    whose population is 50% black according to census data", "Indians who according to
    official data live below the poverty line"): its side of the phrase with more words,
    without the relative pronoun."""
    first, last = verb.left_edge.i, verb.right_edge.i + 1
    if doc[first].lower_ in RELATIVE_PRONOUNS:
        first += 1
    before = [t for t in doc[first:start] if is_word(t)]
    after = [t for t in doc[end:last] if is_word(t)]
    return trim(doc, first, start) if len(before) >= len(after) else trim(doc, end, last)


def line_bounds(doc: Doc, sent, i: int) -> tuple[int, int]:
    """The sentence around token ``i``, cut at line breaks."""
    first, last = sent.start, sent.end
    for j in range(i - 1, first - 1, -1):
        if "\n" in doc[j].text:
            first = j + 1
            break
    for j in range(i, last):
        if "\n" in doc[j].text:
            last = j
            break
    return first, last


def is_word(token: Token) -> bool:
    return not (token.is_punct or token.is_space)


# --------------------------------------------------------------------------- 2. channels


def from_channel(art: Article, start: int, end: int) -> Iterator[Found]:
    doc = art.doc
    anchor = phrase_anchor(doc, start, end)
    verb = anchor if is_verb(anchor) else clause_of(anchor)[1]
    if not is_cue_verb(art, verb) and verb.dep_ in ("ccomp", "advcl") and verb.i < verb.head.i \
            and is_cue_verb(art, verb.head):
        verb = verb.head  # "In an interview with X aired Friday, Smith argued that ...": the parse's "aired"
    if not is_actual(verb):
        return
    sources = [as_channel(art, head, s) for head, s in sources_after(art, start, end)]
    outlet = art.doc.user_data.get("newsprism_outlet")
    # "officials told the AP" in an AP article: no channel, but the officials may still be a source
    sources = [s for s in sources if s is not None and not is_own_outlet(s.text, s.id, outlet)]
    if not sources:
        return
    subject = subject_of(verb)
    content = verb_content(art, verb)
    if content is None and subject is not None and art.lexicon.phrase_in(art.forms, verb.i, "speech") is not None:
        content = closing_clause_content(doc, verb, subject)
    if content is None and (verb.i != anchor.i or is_parenthetical(art, verb)):  # "As X told the Clarion, ..."
        outer, head = clause_of(anchor if verb.i != anchor.i else verb)
        content = rest_of_sentence(doc, outer.left_edge.i, outer.right_edge.i + 1, head)
    if content is None:
        return
    art.with_channel.add(verb.i)
    for source in sources:
        yield Found(source, doc[start:end].text, *content)


def as_channel(art: Article, head: Token, source: Source) -> Source | None:
    """The source as an outlet; None for a person, a public body, an audience ("told the
    committee") or anything else that cannot carry the words to print."""
    if source.noun == "document" and not is_person(art, source):
        return source  # "telling a YouGov poll that ...": the poll
    audience = art.lexicon.noun_section(art.forms, head.i, *noun_phrase(head)) in ("official", "organization")
    actor = art.actors.get(source.id) if source.id else None
    if audience or (actor is not None and actor.kind not in ("media", "organization")):
        return None
    if actor is None and source.kind != "media":
        named = head.pos_ == "PROPN" and head.ent_type_ not in ("PERSON", "GPE", "NORP")
        if not named or source.noun is not None:
            return None
    return replace_kind(source, "media")


def replace_kind(source: Source, kind: str) -> Source:
    source.kind = kind
    return source


# --------------------------------------------------------------------------- 3. reporting verbs


def is_verb(token: Token) -> bool:
    """A verb, or a verb the tagger took for a noun in an "as" clause ("as Smith notes")
    or with a subject and a clausal complement ("The charges, unsealed ..., allege that")."""
    if token.pos_ in ("VERB", "AUX") or (token.dep_ == "advcl" and has_mark(token, "as")):
        return True
    deps = {c.dep_ for c in token.children}
    return token.pos_ == "NOUN" and ("nsubj" in deps or plural_compound(token) is not None) and "ccomp" in deps


def plural_compound(token: Token) -> Token | None:
    """"filings" in "..., the department's filings show": a plural the parse compounded
    with the verb (or with a verb it took for a noun)."""
    return next((c for c in token.lefts if c.dep_ == "compound" and c.tag_ == "NNS"), None)


def has_mark(token: Token, word: str) -> bool:
    return any(c.dep_ == "mark" and c.lower_ == word for c in token.children)


def from_reporting_verb(art: Article, verb: Token, section: str, end: int) -> Iterator[Found]:
    """Rule 3; ``section`` "clause" is any verb with a that-clause ("reports emerged that")."""
    if verb.i in art.with_channel or verb.i in art.read_verbs or not is_actual(verb):
        return
    art.read_verbs.add(verb.i)
    subject = subject_of(verb)
    if subject is not None and _line_between(art, subject.i, verb.i):
        subject = None  # a parse run across a line break ("Photo: Evan Vucci/AP" over the next paragraph)
    source = resolve(art, subject) if subject is not None else None
    if source is None and subject is not None:
        source = other_subject_source(art, verb, subject)
    statement = statement_phrase(art, verb)
    named_in = document_owner(art, statement_noun(statement)) if statement is not None else None
    if named_in is not None and (source is None or named_in.id != source.id):
        source = named_in  # "In a Quinnipiac poll, voters said ...": the pollster, not the voters
    if source is None and statement is not None and subject is not None:
        source = speaker_of_statement(art, subject, statement)
    if source is None and subject is None and is_impersonal_passive(verb):
        source = impersonal_source(art, verb, section, statement)
    if source is None:
        return
    parenthetical = is_parenthetical(art, verb)
    outlet = outlet_written_in(art, verb) if statement is None else None
    if outlet is not None:  # "“…,” writes Ann Berg in the Clarion": the outlet carried the words
        source, parenthetical = outlet, True
    # "as Time notes, ..." marks a source, "as Senator Durbin noted, ..." a quote (the annotators' reading)
    aside = parenthetical and not (is_person(art, source) and source.kind == "official")
    if not credits(art, source, section, statement is not None or aside):
        return
    doc = art.doc
    # "reported his denial", "officials reported 469 cases": what was reported
    # "court records show two payments"
    allow_object = section == "report" and (source.noun == "document" or not is_person(art, source) and (
        source.kind == "media" or verb.lemma_ == "report"))
    cue = doc[verb.i:end].text
    if statement is not None:
        cue = f"{cue} {doc[statement.i:statement_noun(statement).i + 1].text}"
    block = colon_block(doc, verb)
    content = verb_content(art, verb, allow_object=allow_object)
    if block is not None:  # "the AP reports:" closing a paragraph: the block after it ...
        yield Found(source, cue, *block)
        if content is None or content[1] > verb.i:  # ... and what comes before ("A, the AP reports:")
            return
    content = content or (statement_content(art, statement) if statement is not None else None)
    content = content or closing_clause_content(doc, verb, subject)
    if content is None and parenthetical:
        outer, head = clause_of(verb)
        content = rest_of_sentence(doc, outer.left_edge.i, outer.right_edge.i + 1, head)
    if content is None:
        return
    yield Found(source, cue, *content)


def outlet_written_in(art: Article, verb: Token) -> Source | None:
    """The named outlet of "said on X", "writes in/at/for X" (also "writes Ann Berg in X"):
    a media actor or, after "write", a name that is no actor ("wrote at Lawfare")."""
    subject = subject_of(verb)
    heads = [verb] + ([subject] if subject is not None and subject.i > verb.i else [])
    for prep in (c for head in heads for c in head.children):
        obj = statement_noun(prep) if prep.dep_ == "prep" and prep.lower_ in ("in", "at", "for", "on") else None
        source = resolve(art, obj) if obj is not None else None
        if source is None or obj.pos_ != "PROPN":
            continue
        unknown_outlet = source.id is None and verb.lemma_ == "write" and prep.lower_ != "on"  # not "on Twitter"
        if source.kind == "media" and source.id or unknown_outlet:
            return replace_kind(source, "media")
    return None


def other_subject_source(art: Article, verb: Token, subject: Token) -> Source | None:
    """A second subject the parse gave the verb ("A 2017 DOJ investigation into ... tools
    publicized in 2016 suggests"): the first before it that names a source."""
    for other in verb.lefts:
        if other.dep_ == "nsubj" and other.i != subject.i:
            source = resolve(art, other)
            if source is not None:
                return source
    return None


def is_impersonal_passive(verb: Token) -> bool:
    """"It has been reported that ...", "it was found that ...": a passive with "it" and a
    clausal complement."""
    return (any(c.dep_ in ("nsubjpass", "expl") and c.lower_ == "it" for c in verb.children)
            and any(c.dep_ == "auxpass" for c in verb.children)
            and any(c.dep_ == "ccomp" and c.i > verb.i for c in verb.children))


def impersonal_source(art: Article, verb: Token, section: str, statement: Token | None) -> Source | None:
    """The document of "in a 2014 poll, it was found that ...", else unnamed reports for
    what "it was reported" or "it is said" (not what "it was revealed": a fact)."""
    if statement is not None:
        noun = statement_noun(statement)
        source = resolve(art, noun) if noun is not None else None
        if source is not None:
            return source
    if section != "speech" and verb.lemma_.lower() != "report":
        return None
    return Source("reports", None, "anonymous", verb.idx, verb.idx + len(verb), noun="anonymous")


def from_issued_statement(art: Article, noun: Token) -> Iterator[Found]:
    """"X issued a statement saying ...", "X released a statement describing Y as Z": the
    issuer is the source (as with "X said in a statement"), the participle's clause or
    object the content."""
    if noun.dep_ != "dobj" or not art.lexicon.is_statement_noun(noun.lemma_.lower()):
        return
    verb = noun.head
    participles = [c for c in noun.children if c.dep_ == "acl"]
    participles += [c for c in verb.children if c.dep_ == "advcl" and c.i > noun.i]
    participle = next((p for p in participles if p.tag_ == "VBG" and is_cue_verb(art, p)), None)
    if participle is None or participle.i in art.read_verbs or not is_actual(verb) or not is_actual(participle):
        return
    subject = subject_of(verb)
    source = resolve(art, subject) if subject is not None else None
    if source is None and subject is not None and subject.pos_ == "PRON":
        source = antecedent(art, subject)
    if source is None:
        return
    has_clause = any(c.dep_ == "ccomp" for c in participle.children)
    content = verb_content(art, participle) if has_clause else object_content(art, participle)
    content = content or verb_content(art, participle)
    if content is None:
        return
    art.read_verbs.add(participle.i)
    yield Found(source, f"{verb.text} {noun.text} {participle.text}", *content)


def is_cue_verb(art: Article, verb: Token) -> bool:
    return any(art.lexicon.phrase_in(art.forms, verb.i, section) for section in ("speech", "report"))


def object_content(art: Article, verb: Token) -> tuple[int, int] | None:
    """What follows a verb within its phrase ("describing [Y as "Z"]", "expressing
    ["disappointment" with Y]"), when it has an object."""
    if not any(c.dep_ == "dobj" for c in verb.children):
        return None
    _, last = line_bounds(art.doc, verb.sent, verb.i)
    return trim(art.doc, verb.i + 1, min(verb.right_edge.i + 1, last))


def _line_between(art: Article, a: int, b: int) -> bool:
    low, high = min(a, b), max(a, b)
    k = bisect_left(art.breaks, low)
    return k < len(art.breaks) and art.breaks[k] < high


def credits(art: Article, source: Source, section: str, marked: bool) -> bool:
    """Whether a reporting verb credits its subject (rule 3); ``marked``: a statement
    phrase or an "as" clause makes any speaker a source."""
    if marked:
        return True
    if is_person(art, source) and source.noun != "document":
        # a person's plain "said" credits nothing, nor does their spokesman's ("Strzok's court
        # filing says" credits the filing); a journalist who "reported" is a source
        return section == "report" and source.kind == "media" and source.noun is None
    if section == "report":
        return True
    if section == "clause":
        return source.noun == "document" and source.kind in ("anonymous", "media")
    if source.kind in ("media", "document") or source.noun == "document":
        return True
    # "officials said", not "Christians say" nor "experts say": a group's view is not a source's report
    return (source.kind == "anonymous" and not source.anaphoric
            and source.noun not in (None, "journalist", "expert"))


def is_person(art: Article, source: Source) -> bool:
    actor = art.actors.get(source.id) if source.id else None
    return actor is not None and actor.kind == "person"


def is_parenthetical(art: Article, verb: Token) -> bool:
    """"as Smith notes, ...": an "as" clause without an object (but the one told) or a
    complement of its own, or with a complement after a comma that the parse took from
    the main clause ("As X told Congress, ...")."""
    if verb.dep_ != "advcl" or not has_mark(verb, "as"):
        return False
    told = art.lexicon.phrase_in(art.forms, verb.i, "channel") is not None
    if not told and any(c.dep_ == "dobj" for c in verb.children):
        return False
    return all(after_comma(verb.doc, c.left_edge.i) for c in verb.children if c.dep_ == "ccomp")


def after_comma(doc: Doc, i: int) -> bool:
    """Whether a comma precedes token ``i``, quotation marks aside."""
    j = i - 1
    while j >= 0 and quote_side(doc[j]) != 0:
        j -= 1
    return j >= 0 and doc[j].text == ","


def is_actual(verb: Token) -> bool:
    """Not negated or modal: "has not published", "must report" credit nothing."""
    return not any(c.dep_ == "neg" or (c.dep_ == "aux" and c.tag_ == "MD") for c in verb.children)


def subject_of(verb: Token) -> Token | None:
    """The verb's subject: the nearest nsubj before it; the noun a participle or relative
    clause modifies ("Reuters, the news agency, reported"); a conjoined verb's subject, or
    the subject of the verb a closing participle hangs on ("issued a response, saying"); the name
    compounded with a verb mis-tagged as a noun ("as Smith notes")."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if subjects:
        before = [s for s in subjects if s.i < verb.i]
        subject = before[-1] if before else subjects[0]
        if subject.lower_ not in RELATIVE_PRONOUNS:
            return subject
        return verb.head if verb.dep_ == "relcl" else None
    if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head
    if verb.dep_ == "conj" and verb.head.i != verb.i:
        return subject_of(verb.head)
    if verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.head.pos_ in ("VERB", "AUX") and verb.head.i < verb.i:
        return subject_of(verb.head)  # "Sessions issued a response, saying in a statement: ..."
    compound = plural_compound(verb)
    if compound is not None:
        return compound
    return next((c for c in verb.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"), None)


def statement_phrase(art: Article, verb: Token) -> Token | None:
    """The preposition opening "in a statement", "in an interview" among the verb's modifiers."""
    return next((c for c in verb.children if c.dep_ == "prep" and in_statement_phrase(art, c)), None)


def in_statement_phrase(art: Article, prep: Token) -> bool:
    """A [statement] phrase, whatever the words before its noun: "in a statement", "in
    his written statement", "in court documents"."""
    noun = statement_noun(prep)
    return noun is not None and any(
        art.lexicon.is_statement(prep.lower_, form) for form in (noun.lower_, noun.lemma_.lower())
    )


def statement_noun(prep: Token) -> Token | None:
    return next((c for c in prep.children if c.dep_ == "pobj"), None)


def speaker_of_statement(art: Article, subject: Token, statement: Token) -> Source | None:
    """A source for a subject :func:`resolve` leaves out, once a statement phrase makes
    any speaker one: "he" is the person meant, "they" or "it" leave the statement as the
    source ("they said in court documents"), a common noun is an unnamed person ("the
    judge said in her ruling")."""
    if subject.pos_ == "PRON":
        return antecedent(art, subject) or resolve(art, statement_noun(statement))
    if subject.pos_ != "NOUN":
        return None
    start, end = noun_phrase(subject)
    span = art.doc[start:end]
    return Source(span.text, None, "anonymous", span.start_char, span.end_char)


def antecedent(art: Article, pronoun: Token) -> Source | None:
    """The person "he" or "she" stands for: in the nearest sentence before it that names
    a person, the person who is a subject, else the first named; a shallow form of the
    subject and leftmost preferences of Hobbs (1978, "Resolving pronoun references")."""
    if pronoun.lower_ not in ("he", "she"):
        return None
    doc = art.doc
    resolved = quoted_speaker(art, pronoun)
    if resolved is not None:
        return Source(pronoun.text, resolved.id, actor_kind(art, resolved), pronoun.idx, pronoun.idx + len(pronoun))
    sentences = [s for s in doc.sents if s.start < pronoun.i]
    for sent in reversed(sentences):
        people = []
        for token in doc[sent.start:min(sent.end, pronoun.i)]:
            owned = art.owner[token.i]
            actor = art.actors.get(owned[0].actor_id) if owned is not None else None
            if actor is not None and actor.kind == "person":
                people.append((token.dep_ in ("nsubj", "nsubjpass"), actor))
        if people:
            actor = next((a for is_subject, a in people if is_subject), people[0][1])
            return Source(pronoun.text, actor.id, actor_kind(art, actor), pronoun.idx, pronoun.idx + len(pronoun))
    return None


def quoted_speaker(art: Article, pronoun: Token) -> Actor | None:
    """The person the quotes component, run before this one, resolved this "he" to as a
    quote's speaker ("“…,” he said in his resignation letter"): one answer for both."""
    doc = art.doc
    quotes = doc._.quotes if Doc.has_extension("quotes") else None
    found = next((q for q in quotes or [] if q.speaker_start == pronoun.idx and q.speaker_id), None)
    actor = art.actors.get(found.speaker_id) if found is not None else None
    return actor if actor is not None and actor.kind == "person" else None


def statement_content(art: Article, prep: Token) -> tuple[int, int] | None:
    """"said in a statement that ...": the clause the parse hung on the statement."""
    for noun in prep.children:
        for clause in noun.children:
            if clause.dep_ in ("acl", "ccomp") and has_mark(clause, "that"):
                return subtree_content(art, clause, noun)
    return None


def verb_content(art: Article, verb: Token, allow_object: bool = False) -> tuple[int, int] | None:
    """The content of a reporting verb: its clausal complement; the clause it comments
    on (parataxis); "as" + complement ("quoted X as saying ..."); the complement of a
    participle it governs ("warn ..., saying ..."); a quotation after a colon ("said in a
    statement: “...”"); for report verbs, an object that is
    not an actor ("reported his denial", "reported on two men who ...")."""
    doc = art.doc
    first, last = line_bounds(doc, verb.sent, verb.i)
    complements = [c for c in verb.children if c.dep_ == "ccomp" and first <= c.i < last  # not across a paragraph
                   and (c.i > verb.i or is_fronted(c, verb))]
    complements = complements or [c for c in [misparsed_complement(verb)] if c is not None]
    if complements:
        after = [c for c in complements if c.i > verb.i]
        if len(after) > 1:  # one clause the parse cut in two: "shows that A - and B was ..."
            content = subtree_content(art, after[0], verb)
            return trim(doc, content[0], min(after[-1].right_edge.i + 1, last)) if content else None
        if after:
            content = subtree_content(art, after[0], verb)
            second = second_clause(art, verb, after[0])
            if content is None or second is None:
                return content
            return trim(doc, content[0], min(second.right_edge.i + 1, last))
        # "A, but B, the Times reports.": the sentence up to the reporting clause
        return trim(doc, first, complements[0].right_edge.i + 1)
    if verb.dep_ == "parataxis" and verb.head.i < verb.i:
        return trim(doc, first, verb.left_edge.i)
    opening = next((t.i for t in verb.subtree if is_word(t)), verb.i)
    if verb.dep_ == "parataxis" and after_comma(doc, opening):  # "A, the report found, was B"
        return trim(doc, first, last)
    found = as_complement(art, verb) or colon_quotation(doc, verb)
    if found is not None:
        return found
    for child in verb.children:
        if child.dep_ == "advcl" and child.tag_ == "VBG" and art.lexicon.phrase_in(art.forms, child.i, "speech"):
            inner = verb_content(art, child)
            if inner is not None:
                return inner
    if allow_object:  # "reported his denial", "reported on two men who ..."
        on = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "on" and c.i == verb.i + 1), None)
        objects = [c for c in verb.children if c.dep_ == "dobj"] + [c for c in (on.children if on else []) if c.dep_ == "pobj"]
        obj = objects[0] if objects else None
        if obj is not None and art.owner[obj.i] is None and obj.pos_ != "PRON":  # not "found itself ..."
            return trim(doc, obj.left_edge.i, min(object_end(verb, obj), last))
    return None


def object_end(verb: Token, obj: Token) -> int:
    """The end of an object with the phrases the parse hung on its verb after it
    ("reported 469 cases of the disease, the ministry's figure, and 10 deaths"), up to
    a clause ("..., because ...")."""
    end = obj.right_edge.i + 1
    for child in verb.rights:
        if child.i > obj.i:
            if child.dep_ in ("advcl", "ccomp", "xcomp", "parataxis", "mark"):
                break
            end = child.right_edge.i + 1
    return end


def colon_after(doc: Doc, verb: Token) -> Token | None:
    """The colon closing the verb's words."""
    return next((t for t in doc[verb.i + 1:verb.right_edge.i + 2] if t.text == ":"), None)


def colon_block(doc: Doc, verb: Token) -> tuple[int, int] | None:
    """"the AP reports:" closing its paragraph: the paragraph after it (not after a
    complement that ends in a colon: "reported that X wrote the following:")."""
    colon = colon_after(doc, verb)
    if colon is None or not closes_paragraph(doc, colon.i):
        return None
    if any(c.dep_ == "ccomp" and verb.i < c.i < colon.i for c in verb.children):
        return None
    return paragraph_after(doc, colon.i)


def colon_quotation(doc: Doc, verb: Token) -> tuple[int, int] | None:
    """"saying in a statement: “...”": the quotation after the colon closing the verb's words."""
    colon = colon_after(doc, verb)
    if colon is None or colon.i + 1 >= len(doc) or doc[colon.i + 1].text not in QUOTE_MARKS:
        return None
    _, last = line_bounds(doc, verb.sent, colon.i)
    return trim(doc, colon.i + 1, last)


def closes_paragraph(doc: Doc, i: int) -> bool:
    return i + 1 < len(doc) and "\n" in doc[i + 1].text


def paragraph_after(doc: Doc, i: int) -> tuple[int, int] | None:
    """The paragraph after token ``i``, past short label lines ("Advertisement:"): the block a
    colon closing its paragraph introduces (a quoted post, another outlet's paragraph)."""
    start = i + 1
    while True:
        while start < len(doc) and doc[start].is_space:
            start += 1
        end = start
        while end < len(doc) and "\n" not in doc[end].text:
            end += 1
        if start < end <= start + LABEL_LINE_MAX_TOKENS and doc[end - 1].text == ":":
            start = end
            continue
        return trim(doc, start, end) if start < end else None


def misparsed_complement(verb: Token) -> Token | None:
    """"shows [two channels differed ...]": a clause the parse read as an object with a
    finite verb hung on it, right after it or after a phrase of its ("said [content about
    drones passed ...]"); "said only that officers who ... found ...": "that" read as the
    determiner of a plural. The object stands for the clause."""
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    if obj is None:
        return None
    if obj.tag_ in ("NNS", "NNPS") and any(c.dep_ == "det" and c.lower_ == "that" for c in obj.lefts):
        return obj
    for noun in obj.subtree:
        if noun is not obj and noun.dep_ != "pobj":
            continue
        clause = next((c for c in noun.rights if c.dep_ in ("acl", "relcl") and c.i == noun.i + 1), None)
        finite = ("VBD", "VBZ", "VBP", "VBN") if noun is obj else ("VBD", "VBZ", "VBP")
        if clause is not None and clause.tag_ in finite and not any(
                c.dep_ in ("nsubj", "nsubjpass", "mark", "agent") for c in clause.children):
            return obj
    return None


def is_fronted(clause: Token, verb: Token) -> bool:
    """A complement before its verb ("..., officials said"): a clause closed by a comma."""
    return clause.pos_ in ("VERB", "AUX") and any(t.text == "," for t in clause.doc[clause.right_edge.i:verb.i])


def closing_clause_content(doc: Doc, verb: Token, subject: Token) -> tuple[int, int] | None:
    """"X, officials said." / "X, a clerk told the Clarion." when the parse gave the
    reporting verb no complement: the words before the comma that opens the reporting
    clause, if that clause ends the sentence."""
    start = min(noun_phrase(subject)[0], verb.i)
    if start < 1 or doc[start - 1].text != ",":
        return None
    first, last = line_bounds(doc, verb.sent, verb.i)
    tail = [c for c in verb.rights if c.dep_ not in CLOSING_DEPS]
    if tail or any(is_word(t) for t in doc[verb.right_edge.i + 1:last]):
        return None
    if not any(t.pos_ in ("VERB", "AUX") for t in doc[first:start - 1]):
        return None  # "In recent days, officials have warned of ...": no clause before
    return trim(doc, first, start - 1)


def as_complement(art: Article, verb: Token) -> tuple[int, int] | None:
    """"as rejecting Z" after "quoted by Y"; "as saying that Z" gives Z."""
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ == "as":
            for pcomp in child.children:
                if pcomp.dep_ == "pcomp":
                    inner = verb_content(art, pcomp) if art.lexicon.phrase_in(art.forms, pcomp.i, "speech") else None
                    return inner or subtree_content(art, pcomp, verb)
    return None


def subtree_content(art: Article, token: Token, cue: Token) -> tuple[int, int] | None:
    """A clause's words within the cue's line, from after its "that" (what comes before
    belongs to the main clause: "reported, citing X, that ..."), without a trailing
    ", saying ..." that the parse hung on it but belongs to the main verb."""
    doc = art.doc
    first, last = line_bounds(doc, cue.sent, cue.i)
    start, end = max(token.left_edge.i, first), min(token.right_edge.i + 1, last)
    mark = next((c for c in token.lefts if c.dep_ == "mark" and c.lower_ == "that"), None)
    start = max(start, mark.i + 1) if mark is not None else start
    for child in token.rights:
        opens = child.left_edge.i
        if child.dep_ == "advcl" and child.tag_ == "VBG" and doc[opens - 1].text == "," and opens == child.i:
            if is_cue_verb(art, child):
                end = min(end, opens - 1)
        elif child.dep_ == "conj" and not has_subject(child) and is_cue_verb(art, child):
            # "told Politico they thought A and said B": "and said" is the speaker's, not the content
            cc = next((c for c in token.rights if c.dep_ == "cc" and c.i < child.i), child)
            end = min(end, cc.i)
    return trim(doc, start, end)


def has_subject(verb: Token) -> bool:
    return any(c.dep_ in SUBJECT_DEPS for c in verb.children)


def second_clause(art: Article, verb: Token, complement: Token) -> Token | None:
    """"said A, but B": a clause with a subject of its own that the parse conjoined with
    the reporting verb after its complement goes on with what was said (not "said A, and
    the Times reported B": another cue)."""
    return next((c for c in verb.rights if c.dep_ == "conj" and c.i > complement.right_edge.i
                 and c.pos_ in ("VERB", "AUX") and has_subject(c) and not is_cue_verb(art, c)), None)


def trim(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """Without a dateline, or punctuation, spaces, a conjunction or "that" at the edges;
    quotation marks and brackets stay when they are paired inside (a closing one the
    parse left just outside is taken in), except around the whole span."""
    start = after_dateline(doc, start, end)
    if start > 0 and quote_side(doc[start - 1]) > 0:
        start -= 1  # the parse left the marks of a quoted content outside
    while end < len(doc) and (doc[end].text == "," or quote_side(doc[end]) < 0) and quote_side(doc[end - 1]) >= 0:
        end += 1
    start, end = _take_in_marks(doc, start, end)
    while start < end and doc[start].is_space:
        start += 1
    end = _quotation_first(doc, start, end)
    while True:
        while start < end and (_loose(doc[start]) or is_that(doc[start])) and not _paired(doc, start, start, end):
            start += 1
        while end > start and _loose(doc[end - 1]) and not _paired(doc, end - 1, start, end):
            end -= 1
        if not _quoted_whole(doc, start, end):
            break
        start, end = start + 1, end - 1
    return (start, end) if any(t.is_alpha or t.is_digit for t in doc[start:end]) else None


def _quoted_whole(doc: Doc, start: int, end: int) -> bool:
    """Whether [start, end) is one quotation, marks included: the content is the words."""
    if end - start < 3 or quote_side(doc[start]) <= 0 or quote_side(doc[end - 1]) >= 0:
        return False
    depth = 0
    for token in doc[start + 1:end - 1]:
        depth += quote_side(token)
        if depth < 0:
            return False
    return depth == 0


def is_that(token: Token) -> bool:
    return token.lower_ == "that" and token.dep_ == "mark"


def _loose(token: Token) -> bool:
    return token.is_punct or token.is_space or token.dep_ == "cc"


def quote_side(token: Token) -> int:
    """+1 for an opening quotation mark, -1 for a closing one, 0 for anything else.
    Straight marks open when they follow a space and precede a word; an apostrophe
    marking a possessive is not a quotation mark."""
    text = token.text
    if text in OPENING_MARKS:
        return 1
    if text not in QUOTE_MARKS or is_possessive(token):
        return 0
    if text in CLOSING_MARKS and text not in STRAIGHT_MARKS:
        return -1
    before = token.doc[token.i - 1] if token.i > 0 else None
    opens = (before is None or bool(before.whitespace_) or before.is_space or before.text in "([—–") and not token.whitespace_
    return 1 if opens else -1


def _balance(doc: Doc, start: int, end: int) -> int:
    """Opening minus closing marks, brackets included, in [start, end)."""
    return sum(quote_side(t) + (t.text == "(") - (t.text == ")") for t in doc[start:end])


def _paired(doc: Doc, i: int, start: int, end: int) -> bool:
    side = quote_side(doc[i]) + (doc[i].text == "(") - (doc[i].text == ")")
    if side > 0:
        return _balance(doc, i + 1, end) < 0
    if side < 0:
        return _balance(doc, start, i) > 0
    return False


def _take_in_marks(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Take in the rest of a quotation (or bracket) that the span opens (closes) but does
    not close (open), as far as its mark within the paragraph: a quotation of several
    sentences is credited whole."""
    balance = _balance(doc, start, end)
    if balance > 0:
        for j in range(end, len(doc)):
            if "\n" in doc[j].text:
                break
            balance += quote_side(doc[j]) + (doc[j].text == "(") - (doc[j].text == ")")
            if balance <= 0:
                return start, j + 1
    elif balance < 0:
        for j in range(start - 1, -1, -1):
            if "\n" in doc[j].text:
                break
            balance += quote_side(doc[j]) + (doc[j].text == "(") - (doc[j].text == ")")
            if balance >= 0:
                return j, end
    return start, end


def _quotation_first(doc: Doc, start: int, end: int) -> int:
    """The end of a quotation that opens the span and closes with a comma before other
    words ("\"We will win,\" the coach told the Clarion"): those words name its speaker,
    so the quotation alone is the content. ``end`` when there is none."""
    if quote_side(doc[start]) <= 0:
        return end
    depth = 0
    for j in range(start, end):
        depth += quote_side(doc[j])
        if depth == 0:
            comma = doc[j - 1].text == "," or (j + 1 < end and doc[j + 1].text == ",")
            return j + 1 if comma and any(is_word(t) for t in doc[j + 1:end]) else end
    return end


def after_dateline(doc: Doc, start: int, end: int) -> int:
    """Past a news dateline ("GENEVA —", "SAN JOSE, Costa Rica (AP) —")."""
    for j in range(start, min(start + DATELINE_MAX_TOKENS, end)):
        if doc[j].text in DATELINE_DASHES:
            upper = any(t.is_upper and len(t) > 1 for t in doc[start:j])
            return j + 1 if upper else start
    return start


# --------------------------------------------------------------------------- 4. documents


def from_document_clause(art: Article, noun: Token) -> Iterator[Found]:
    """"reports that ...", "a report by X that ..."; not "said in a statement that ..."
    (rule 3 reads that)."""
    if noun.dep_ == "pobj" and in_statement_phrase(art, noun.head):
        return
    for clause in noun.children:
        if clause.dep_ in ("acl", "ccomp") and clause.i > noun.i and has_mark(clause, "that"):
            content = subtree_content(art, clause, noun)
            source = resolve(art, noun)
            if content is not None and source is not None:
                yield Found(source, noun.text, *content)
            return


# --------------------------------------------------------------------------- 5. hearsay


def from_hearsay(art: Article, start: int, end: int) -> Iterator[Found]:
    """"X reportedly did Y", "X is reported to have done Y": the clause, from unnamed reports
    (the source is named "reports", its words are the cue)."""
    doc = art.doc
    anchor = phrase_anchor(doc, start, end)
    verb = anchor.head if anchor.dep_ == "advmod" else anchor
    if doc[start].pos_ not in ("ADV", "AUX", "VERB") or not is_actual(verb):
        return
    first, last = line_bounds(doc, anchor.sent, start)
    content = trim(doc, *hearsay_clause(verb, first, last))
    if content is not None:
        cue = doc[start:end]
        yield Found(Source("reports", None, "anonymous", *span_chars(cue)), cue.text, *content)


def hearsay_clause(verb: Token, first: int, last: int) -> tuple[int, int]:
    """The clause "reportedly" qualifies, within its line: the verb's own clause without its
    conjunction ("as the FBI reportedly expands ..."); only the predicate when the subject
    holds an aside set off by commas ("X, whose records were seized, is now reportedly
    under investigation": the aside is the article's own statement). A main verb's clause
    (its head is none or across a line break) runs to the end of the line's sentence,
    whatever the parse hung elsewhere."""
    main = verb.dep_ == "ROOT" or not first <= verb.head.i < last
    start, end = verb.left_edge.i, (last if main else verb.right_edge.i + 1)
    if any(c.dep_ == "mark" and c.i == start for c in verb.children):
        start += 1
    subject = next((c for c in verb.lefts if c.dep_ in SUBJECT_DEPS), None)
    if subject is not None and any(t.text == "," for t in subject.subtree):
        start = subject.right_edge.i + 1
    return max(start, first), min(end, last)


# --------------------------------------------------------------------------- 6. source lines


def from_source_lines(art: Article) -> Iterator[Found]:
    doc = art.doc
    openings = art.lexicon.lines()
    starts = [0, *(i + 1 for i in art.breaks)]
    ends = [*art.breaks, len(doc)]
    for start, end in zip(starts, ends):
        if start < end <= start + SOURCE_LINE_MAX_WORDS + 3:
            line = " ".join(doc[start:end].text.lower().split())
            if any(line.startswith(opening) for opening in openings):
                found = _source_line(art, start, end)
                if found is not None:
                    yield found


def _source_line(art: Article, start: int, end: int) -> Found | None:
    doc = art.doc
    colon = next((i for i in range(start, end) if doc[i].text == ":"), None)
    if colon is None:
        return None
    name_end = end
    while name_end > colon + 1 and (doc[name_end - 1].is_punct or doc[name_end - 1].is_space):
        name_end -= 1
    content = words_between(doc, 0, start)
    if name_end <= colon + 1 or content is None:
        return None
    name = doc[colon + 1:name_end]
    owned = art.owner[name.root.i]
    source = actor_source(art, owned) if owned else Source(name.text, None, "media", *span_chars(name))
    return Found(source, doc[start:colon + 1].text, *content)


# --------------------------------------------------------------------------- sources


def resolve(art: Article, head: Token) -> Source | None:
    """The source a noun phrase names (see the module docstring for kinds)."""
    part = part_of(art, head)
    if part is not None:
        return part
    if head.pos_ == "PRON" or head.lower_ in RELATIVE_PRONOUNS or head.ent_type_ in NOT_SOURCE_LABELS:
        return None
    start, end = noun_phrase(head)
    if art.owner[head.i] is not None:
        return actor_source(art, art.owner[head.i])
    section = art.lexicon.noun_section(art.forms, head.i, start, end)
    if section == "document" or art.lexicon.word_section(head.lemma_.lower()) == "document":
        return document_source(art, head, start, end)
    if section is not None:
        return common_source(art, head, section, start, end)
    if head.pos_ == "PROPN" or (head.is_upper and len(head) > 1) or head.ent_type_ in NAME_LABELS:
        return name_source(art, head, start, end)
    return state_body(art, head, start, end)


def part_of(art: Article, head: Token) -> Source | None:
    """"two of the network's sources", "one of the officials": the group named after "of",
    as unnamed as the part taken from it."""
    if head.lower_ not in INDEFINITE and head.pos_ != "NUM":
        return None
    of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    group = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    source = resolve(art, group) if group is not None and group.tag_ in ("NNS", "NNPS") else None
    if source is None or source.kind != "anonymous":
        return None
    doc = art.doc
    end = noun_phrase(group)[1]
    source.text, source.start = doc[head.i:end].text, head.idx
    return source


def state_body(art: Article, head: Token, start: int, end: int) -> Source | None:
    """"Sweden's public health agency": a body a country's possessive names is official."""
    owner = next((c for c in head.children if c.dep_ == "poss"), None)
    owned = art.owner[owner.i] if owner is not None else None
    actor = art.actors.get(owned[0].actor_id) if owned is not None else None
    if actor is None or actor.kind not in ("country", "government") or head.pos_ != "NOUN":
        return None
    doc = art.doc
    return Source(doc[start:end].text, actor.id, "official", doc[start].idx, doc[end - 1].idx + len(doc[end - 1]))


def noun_phrase(head: Token) -> tuple[int, int]:
    """The head's words: its left dependents, and right ones up to a comma, a clause or
    an apposition."""
    doc = head.doc
    start, end = head.left_edge.i, head.i + 1
    for child in head.rights:
        if child.dep_ not in NOUN_PHRASE_RIGHT_DEPS or any(t.text == "," for t in doc[end:child.i]):
            break
        end = child.right_edge.i + 1
    while start < head.i and (doc[start].is_punct or doc[start].dep_ == "cc"):
        start += 1
    while end > head.i + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return start, end


def actor_source(art: Article, owned: tuple[Mention, int, int]) -> Source:
    mention, start, end = owned
    actor = art.actors.get(mention.actor_id)
    if actor is not None and actor.kind == "person":
        outlet = outlet_before(art, start)
        if outlet is not None:
            return outlet
    kind = actor_kind(art, actor) if actor is not None else "anonymous"
    return Source(mention.text, mention.actor_id, kind, mention.start, mention.end)


def outlet_before(art: Article, start: int) -> Source | None:
    """The outlet in "the Post's Anna Berg" and "Post reporter Anna Berg"."""
    doc = art.doc
    titled = start >= 2 and art.lexicon.word_section(doc[start - 1].lower_) == "journalist"
    if start < 2 or not (is_possessive(doc[start - 1]) or titled):
        return None
    owned = art.owner[start - 2]
    actor = art.actors.get(owned[0].actor_id) if owned is not None else None
    if actor is None or actor.kind != "media":
        return None
    return Source(owned[0].text, actor.id, "media", owned[0].start, owned[0].end)


def actor_kind(art: Article, actor: Actor) -> str:
    if actor.kind != "person":
        return ACTOR_KINDS.get(actor.kind, "organization")
    if actor.id not in art.person_kinds:
        art.person_kinds[actor.id] = person_kind(art, actor)
    return art.person_kinds[actor.id]


def person_kind(art: Article, actor: Actor) -> str:
    affiliation = art.actors.get(actor.affiliation) if actor.affiliation else None
    if affiliation is not None and affiliation.kind != "person":
        return ACTOR_KINDS.get(affiliation.kind, "organization")
    words = (actor.role or "").lower().split()[-1:]
    for start, _ in art.spans_of.get(actor.id, ()):
        if outlet_before(art, start) is not None:
            return "media"
        if start > 0 and art.doc[start - 1].pos_ == "NOUN":
            words.append(art.doc[start - 1].lemma_.lower())
    sections = (art.lexicon.word_section(w) for w in words)
    return next((PERSON_KINDS[s] for s in sections if s in PERSON_KINDS), "official")


def document_source(art: Article, head: Token, start: int, end: int) -> Source:
    """A document's owner (a person's document is the document, with the person's id);
    else anonymous when its plural is listed as anonymous
    ("reports say"); else the last owned document of the same name before it ("the
    report"); else the document itself."""
    owner = document_owner(art, head)
    doc = art.doc
    text, char_start, char_end = doc[start:end].text, doc[start].idx, doc[end - 1].idx + len(doc[end - 1])
    if owner is not None and is_person(art, owner):  # "Strzok's court filing": the filing, by him
        return Source(text, owner.id, "document", char_start, char_end, noun="document")
    if owner is not None:
        owner.noun = "document"
        return owner
    determiner = next((t.lower_ for t in doc[start:head.i] if t.dep_ in ("det", "nummod", "poss")), None)
    unnamed = art.lexicon.word_section(head.lower_) == "anonymous"
    if unnamed and (determiner is None or determiner in INDEFINITE):
        return Source(text, None, "anonymous", char_start, char_end, noun="document")
    if determiner in ("the", "this", "that"):
        earlier = earlier_document_owner(art, head)
        if earlier is not None:
            return Source(earlier.text, earlier.id, earlier.kind, char_start, char_end, noun="document")
    return Source(text, None, "document", char_start, char_end, noun="document")


def document_owner(art: Article, head: Token) -> Source | None:
    """Who a document is by: an actor as its possessor, compound or "by/from/of" object
    (not a person or country after "of": "a survey of Iraqis", nor a country by its
    demonym: "a French report"), a country only if nothing else; without actors, a
    proper name there."""
    own = own_outlet_in(art, head)
    if own is not None:  # "a CNN/ORC poll" in CNN: the outlet citing itself, whoever else ran it
        return own
    owners = []
    for word, via in owner_words(head):
        owned = art.owner[word.i]
        actor = art.actors.get(owned[0].actor_id) if owned is not None else None
        if actor is not None and actor.kind == "country" and via in ("of", "amod"):
            continue  # "a survey of Iraqis", "a German study": the country did not write it
        if owned is not None and not (via == "of" and actor is not None and actor.kind == "person"):
            owners.append((owned, actor))
    if owners:
        preferred = [o for o, a in owners if a is None or a.kind != "country"] or [o for o, _ in owners]
        return actor_source(art, preferred[0])
    for word, via in owner_words(head):
        if word.pos_ == "PROPN" and via != "amod" and art.owner[word.i] is None:
            return name_source(art, word, *noun_phrase(word))
    return None


def own_outlet_in(art: Article, head: Token) -> Source | None:
    """The article's own outlet when it names the document, anywhere before its head."""
    outlet = art.doc.user_data.get("newsprism_outlet")
    for word in art.doc[head.left_edge.i:head.i] if outlet else ():
        owned = art.owner[word.i]
        if owned is not None:
            source = actor_source(art, owned)
            if is_own_outlet(source.text, source.id, outlet):
                return source
    return None


def owner_words(head: Token) -> Iterator[tuple[Token, str]]:
    """(word, how it attaches) for the words that may say whose a document is."""
    for child in head.children:
        if child.dep_ in ("poss", "compound", "nmod", "amod") and child.i < head.i and child.ent_type_ not in NOT_SOURCE_LABELS:
            yield child, child.dep_  # not "Thursday's reports"
        elif child.dep_ == "prep" and child.lower_ in ("by", "from", "of"):
            yield from ((c, child.lower_) for c in child.children if c.dep_ == "pobj")


def earlier_document_owner(art: Article, head: Token) -> Source | None:
    for token in reversed(art.doc[:head.i]):
        if token.lemma_ == head.lemma_ and token.pos_ == head.pos_:
            owner = document_owner(art, token)
            if owner is not None:
                return owner
    return None


def common_source(art: Article, head: Token, section: str, start: int, end: int) -> Source:
    """An unnamed source: "Syrian officials", "Syrian state media", "the navy"."""
    doc = art.doc
    inside = [art.owner[i] for i in modifier_words(head, start) if art.owner[i] is not None]
    named = inside[0][0].actor_id if inside else None
    determiner = next((t.lower_ for t in doc[start:head.i] if t.dep_ in ("det", "poss", "nummod")), None)
    plural = head.tag_ in ("NNS", "NNPS")
    unnamed_group = plural and (determiner is None or determiner in INDEFINITE)
    if section in ("anonymous", "journalist", "expert"):
        kind = "media" if section == "journalist" and _is_media(art, named) else "anonymous"
        anaphoric = not plural and determiner in ("the", "this", "that") and not _one_of_unnamed(doc, head)
    else:
        kind = "anonymous" if section == "official" and unnamed_group else section
        anaphoric = False
    char_start, char_end = doc[start].idx, doc[end - 1].idx + len(doc[end - 1])
    if section == "media" and named is None and not plural and determiner == "the":
        named = last_outlet_before(art, start)  # "the site": the outlet named last
    return Source(doc[start:end].text, named, kind, char_start, char_end, anaphoric, section)


def modifier_words(head: Token, start: int) -> list[int]:
    """The words that may say whom an unnamed source speaks for: those before its head
    ("Syrian officials") and the object of its "of", "from", "at" or "in" ("officials
    from the ministry"), not a name further inside ("officials with knowledge of Bolton's
    briefing")."""
    words = list(range(start, head.i + 1))
    for prep in head.rights:
        if prep.dep_ == "prep" and prep.lower_ in ("of", "from", "at", "in"):
            words += [t.i for obj in prep.children if obj.dep_ == "pobj" for t in obj.subtree]
    return words


def _one_of_unnamed(doc: Doc, head: Token) -> bool:
    """"Senior officials told reporters ... the official said": "the official" is one of
    the unnamed officials introduced before, not someone named elsewhere."""
    lemma = head.lemma_.lower()
    for earlier in doc[:head.i]:
        if earlier.pos_ == "NOUN" and earlier.lemma_.lower() == lemma:
            determiner = next((c.lower_ for c in earlier.children if c.dep_ in ("det", "poss", "nummod")), None)
            if determiner in INDEFINITE or (determiner is None and earlier.tag_ == "NNS"):
                return True
    return False


def last_outlet_before(art: Article, i: int) -> str | None:
    for owned in reversed(art.owner[:i]):
        if owned is not None and _is_media(art, owned[0].actor_id):
            return owned[0].actor_id
    return None


def _is_media(art: Article, actor_id: str | None) -> bool:
    actor = art.actors.get(actor_id) if actor_id else None
    return actor is not None and actor.kind == "media"


def name_source(art: Article, head: Token, start: int, end: int) -> Source:
    """A proper name no actor covers: kind from its entity label and head word."""
    doc = art.doc
    while start < head.i and doc[start].pos_ == "DET":
        start += 1
    while end > head.i + 1 and is_possessive(doc[end - 1]):
        end -= 1
    span = doc[start:end]
    label = head.ent_type_
    if label in ("PERSON", "GPE"):
        kind = "official"
    elif label == "NORP":
        kind = "anonymous"
    else:
        kind = ACTOR_KINDS.get(org_kind(doc[start:head.i + 1], None), "organization")
    # "the Texas Republican": someone named elsewhere, unlike "Republicans"
    anaphoric = label == "NORP" and head.tag_ not in ("NNS", "NNPS")
    return Source(span.text, None, kind, span.start_char, span.end_char, anaphoric)


def words_between(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """[start, end) without spaces at the edges."""
    while start < end and doc[start].is_space:
        start += 1
    while end > start and doc[end - 1].is_space:
        end -= 1
    return (start, end) if start < end else None


def span_chars(span) -> tuple[int, int]:
    return span.start_char, span.end_char


# --------------------------------------------------------------------------- records


def records(doc: Doc, found: list[Found]) -> list[Attribution]:
    """Attributions in document order; the same content credited twice to the same
    source is kept once."""
    kept: dict[tuple, Found] = {}
    for f in found:
        key = (f.start, f.end, f.source.id or f.source.text.lower())
        kept.setdefault(key, f)
    ordered = sorted(kept.values(), key=lambda f: (f.start, f.source.start))
    result = []
    for i, f in enumerate(ordered):
        content = doc[f.start:f.end]
        result.append(
            Attribution(
                id=f"a{i}",
                article_id="",
                source=f.source.text,
                source_id=f.source.id,
                kind=f.source.kind,
                text=content.text,
                start=content.start_char,
                end=content.end_char,
                cue=f.cue,
                source_start=f.source.start,
                source_end=f.source.end,
            )
        )
    return result
