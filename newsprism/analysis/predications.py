"""The ``newsprism_predications`` component: what a clause says happens to whom, read
from the parse, for the claims of the compare stage — including the statements the
events component leaves uncoded because they name no actor ("the crews will not be
freed", "nearly 1,000 people filled the streets").

A predication is a verb whose lemma (or text) is in a predicate class of
``newsprism/data/claim_words.txt``, used as a verb (not as a modifier: "the detained
men" asserts nothing new), about a patient: the subject of a passive verb, the object
of an active one, or the subject of a verb of the [subject] list ("300 relatives
gathered"); a relative pronoun stands for the noun it modifies, "dozens of students"
for the students, and a verb joined to another by "and" shares its subject. The
patient is classed by the [patients] lists (by lemma: "fishermen" is "fisherman"),
else stands as its head noun's lemma; a pronoun names no patient. This is the
predicate-argument reading of a dependency parse (as in semantic role labelling from
syntax: Gildea & Jurafsky 2002), restricted to a few classes of verbs.

Polarity and modality are the events component's (``events.frame_of``: negations and
modal, denial and negative cues of the verb and the words above it, from
``event_cues.txt`` — one reading, one word list; FactBank's factuality: Saurí &
Pustejovsky 2009). A conditional statement asserts nothing and is not kept. The count
is the quantity record inside the patient phrase ("about 300 fishermen"), kept by its
id; the date and place are those of the verb's clause, found as the events component
finds them (``when.date_for``, ``places.place_for``). The doer (the subject, or the
"by" phrase of a passive) and the patient are also kept as the words that name them
("city council", "pension plan"), so that the claims stage can tell one council or
plan from another.

A predication is hedged when its own clause holds a hedge word ("allegedly",
"reportedly", "so-called") or it is the "to" clause of a passive verb of saying or
believing ("the crews are said to have been released", "is believed to"): reported
speech with no one named, which Saurí & Pustejovsky's FactBank reads as uncommitted.
A sentence holding no predication that is negative ("Amador denied the reports", "no
warships had been sent") or hedged ("the alleged raid") gets a reading of its own: a
predication of class ``sentence`` at the verb of what it states, read by the same
``events.frame_of`` and the same hedge test; the claims stage takes the stance of such
sentences from it. A title, parsed apart from the text, is read the same way
(``read_headline``), and is a question when a sentence of it ends with "?", also
before "!" or a closing quote ("?!", "?'").
"""

from __future__ import annotations

import os
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from newsprism.analysis import records_on
from newsprism.analysis.events import RELATIVE_PRONOUNS, EventLexicon, default_lexicon, forms, frame_of
from newsprism.analysis.places import place_for, places_in
from newsprism.analysis.when import date_for, time_refs
from newsprism.kb import section_entries, word_file_texts
from newsprism.records import HeadlineReading, Predication, Quantity

Doc.set_extension("predications", default=(), force=True)

WORDS_FILE = "claim_words.txt"
SECTIONS = ("predicates", "subject", "patients", "objects", "opposites", "particular", "amounts", "generic",
            "hedges", "hedging", "untrue", "statements")
CLASS_SECTIONS = frozenset({"predicates", "patients", "objects", "opposites", "statements"})
MODIFIER_DEPS = frozenset({"amod", "acl", "compound", "nmod"})  # a participle describing a noun
NAMING_DEPS = frozenset({"compound", "amod", "poss"})  # words that tell one council or plan from another
SENTENCE = "sentence"  # the predicate of a sentence's own reading (its main clause as a whole)
REPORTING_SECTIONS = ("speech", "denial", "content")  # verbs whose clause is what the sentence states
CLAUSE_DEPS = frozenset({"ccomp", "advcl", "parataxis", "conj"})  # clauses of their own under a verb
WORD_EDGES = ".,;:!?\"'()[]“”‘’«»"
CLOSING_MARKS = " \"'”’»)]!"  # what may follow a question mark at a sentence's end ("?!", "?'", '?"')


class ClaimWordsError(ValueError):
    """A claim word file that cannot be read (names the file and line)."""


@dataclass(frozen=True, slots=True)
class ClaimWords:
    """The word lists of ``claim_words.txt``: predicate and patient classes, the verbs
    whose subject is their patient, the patient class some predicate classes need, the
    classes that say the opposite of another, the patient classes whose nouns name
    particular things, the nouns that count a noun after "of", and the nouns that may
    count any group of people."""

    predicates: dict[str, list[tuple[tuple[str, ...], str]]]  # first word -> (other words, class), longest first
    subject_verbs: frozenset[tuple[str, ...]]
    patients: dict[tuple[str, ...], str]  # noun (with its compounds) -> patient class
    objects: dict[str, frozenset[str]]  # predicate class -> the only patient classes it is read with
    opposites: dict[str, str]  # predicate class -> the class it says did not happen ("reject" -> "approve")
    particular: frozenset[str]  # patient classes whose nouns name particular things ("proposal")
    amounts: frozenset[str]
    generic: frozenset[str]
    hedges: frozenset[str]  # words that leave a statement in doubt ("alleged", "so-called")
    hedging: frozenset[str]  # verbs whose passive leaves its "to" clause in doubt ("is said to")
    untrue: frozenset[str]  # adjectives saying a statement is false ("baseless")
    statements: dict[str, str]  # event type or predicate class -> the verb a generated claim statement uses

    @classmethod
    def read(cls, texts: Iterable[tuple[str, str]]) -> ClaimWords:
        """The lists of word files' (text, name) pairs, in order (the name is used in errors)."""
        predicates: dict[str, list[tuple[tuple[str, ...], str]]] = defaultdict(list)
        patients: dict[tuple[str, ...], str] = {}
        objects: dict[str, frozenset[str]] = {}
        statements: dict[str, str] = {}
        opposites: dict[str, tuple[str, str]] = {}  # opposite -> (class, where it was given)
        words: dict[str, set[tuple[str, ...]]] = defaultdict(set)
        for text, where in texts:
            for section, entry, place in section_entries(text, where, SECTIONS, ClaimWordsError):
                if section not in CLASS_SECTIONS:
                    words[section].add(tuple(entry.casefold().split()))
                    continue
                name, equals, members = entry.partition("=")
                if not equals or not name.strip():
                    raise ClaimWordsError(f"{place}: expected 'class = word, word, ...'")
                if section == "statements":
                    statements[name.strip()] = " ".join(members.split())
                    continue
                if section == "objects":
                    objects[name.strip()] = frozenset(m.strip() for m in members.split(",") if m.strip())
                    continue
                if section == "predicates" and name.strip() == SENTENCE:
                    raise ClaimWordsError(f"{place}: the class name '{SENTENCE}' is kept for sentence readings")
                if section == "opposites":
                    opposites.update((m.strip(), (name.strip(), place)) for m in members.split(",") if m.strip())
                    continue
                for member in members.split(","):
                    if phrase := tuple(member.casefold().split()):
                        if section == "predicates":
                            predicates[phrase[0]].append((phrase[1:], name.strip()))
                        else:
                            patients[phrase] = name.strip()
        for entries in predicates.values():
            entries.sort(key=lambda entry: -len(entry[0]))
        classes = {name for entries in predicates.values() for _, name in entries}
        for opposite, (name, place) in opposites.items():
            if not {opposite, name} <= classes:
                raise ClaimWordsError(f"{place}: [opposites] names a class that [predicates] does not define "
                                      f"({', '.join(sorted({opposite, name} - classes))})")
        single = {section: frozenset(w[0] for w in words[section])
                  for section in ("amounts", "generic", "particular", "hedges", "hedging", "untrue")}
        return cls(dict(predicates), frozenset(words["subject"]), patients, objects,
                   {opposite: name for opposite, (name, _) in opposites.items()}, single["particular"],
                   single["amounts"], single["generic"], single["hedges"], single["hedging"], single["untrue"], statements)

    def hedged(self, text: str) -> bool:
        """Whether the text holds a word that leaves what it says in doubt ("the alleged
        raid", "so-called fishermen")."""
        return any(word.strip(WORD_EDGES) in self.hedges for word in text.casefold().split())

    def hedged_at(self, verb: Token) -> bool:
        """Whether what the verb says is left in doubt: a hedge word in its own clause
        ("Police allegedly arrested …", "Iran reportedly sent …"), or a verb of [hedging]
        in the passive with the verb as (or above) its "to" clause ("the crews are
        believed to have been released", "Iran is said to have sent troops")."""
        if self.hedged(_clause_text(verb)):
            return True
        token = verb
        while True:
            if self._hedging_passive(token):
                return True
            if token.dep_ != "xcomp" or token.head is token:
                return False
            token = token.head

    def _hedging_passive(self, verb: Token) -> bool:
        children = list(verb.children)
        return (verb.lemma_.casefold() in self.hedging and any(c.dep_ == "auxpass" for c in children)
                and any(c.dep_ == "xcomp" for c in children))

    def predicate_of(self, verb: Token) -> tuple[str, tuple[str, ...]] | None:
        """The class of the verb, and the entry it matched ("set free" needs "free" among
        the verb's dependents); a verb with a particle the entry lacks is another verb
        ("holding up photographs")."""
        particles = {child.lower_ for child in verb.children if child.dep_ == "prt"}
        for form in forms(verb):
            for rest, name in self.predicates.get(form, ()):
                if particles <= set(rest) and all(any(c.lower_ == word for c in verb.children) for word in rest):
                    return name, (form, *rest)
        return None

    def patient_class(self, noun: Token) -> str | None:
        """The patient class of a noun (with its compounds: "crew members"; for a name,
        of the noun before it or in apposition: "deckhand Wilber Alvarado"), else its
        lemma; None for a pronoun, a number or a fragment."""
        lemma = noun.lemma_.casefold()
        compounds = [c.lemma_.casefold() for c in noun.children if c.dep_ == "compound" and c.i < noun.i]
        phrases = [(*compounds[-1:], lemma), (lemma,), (noun.lower_,)]
        if noun.pos_ == "PROPN":
            phrases += [(c.lemma_.casefold(),) for c in noun.children if c.dep_ in ("compound", "appos")]
        for phrase in phrases:
            if phrase in self.patients:
                return self.patients[phrase]
        if noun.pos_ in ("PRON", "NUM") or not lemma.isalpha() or len(lemma) < 3:
            return None
        return lemma


def claim_words(files: tuple[str, ...] = ()) -> ClaimWords:
    """The bundled word lists (newsprism/data/claim_words.txt), extended by the user's
    word files in order (``Settings.lexicon_files`` of kind "claim-words"); a file that cannot be read or
    parsed raises ClaimWordsError naming it. Read again when a user file has changed
    since it was last read, so a long-lived process sees the user's edits."""
    return _claim_words(files, tuple(_file_stamp(path) for path in files))


def _file_stamp(path: str) -> tuple[int, int] | None:
    try:
        stat = os.stat(path)
    except OSError:
        return None  # reading it raises the error that names it
    return stat.st_mtime_ns, stat.st_size


@lru_cache(maxsize=8)
def _claim_words(files: tuple[str, ...], stamps: tuple[tuple[int, int] | None, ...]) -> ClaimWords:
    return ClaimWords.read(word_file_texts(WORDS_FILE, files, ClaimWordsError))


def find_predications(doc: Doc, words: ClaimWords | None = None,
                      lexicon: EventLexicon | None = None) -> list[Predication]:
    """The predications of one parsed article, in reading order (see the module docstring)."""
    words, lexicon = words or claim_words(), lexicon or default_lexicon()
    quantities = records_on(doc, "quantities")
    found, verbs = [], []
    for verb in doc:
        if verb.pos_ != "VERB" or verb.dep_ in MODIFIER_DEPS or (match := words.predicate_of(verb)) is None:
            continue
        predicate, entry = match
        phrase = _patient_phrase(verb, entry in words.subject_verbs)
        noun = _counted_noun(phrase, words) if phrase is not None else None
        patient = words.patient_class(noun) if noun is not None else None
        if patient is None or patient not in words.objects.get(predicate, {patient}):
            continue
        frame = frame_of(lexicon, verb)
        if frame.modality == "conditional":
            continue
        count = _count_in(phrase, noun, quantities)
        doer = None if entry in words.subject_verbs else _agent_of(verb)
        found.append(Predication(
            id="", article_id="", predicate=predicate, patient=patient,
            polarity="negated" if frame.negated else "asserted", modality=frame.modality,
            verb=verb.text, start=verb.idx, end=verb.idx + len(verb.text),
            count=count.value if count else None, counted=count.unit if count else None,
            quantity_id=count.id if count else None,
            agent=naming_words(doer) if doer is not None else None, patient_words=naming_words(noun),
            # a hedge in its own clause: "the so-called fishermen were seized", not "into the
            # so-called dispute, … boats seized fishermen"
            hedged=words.hedged_at(verb),
        ))
        verbs.append(verb)
    if found:
        _place_and_date(doc, found, verbs)
    return _with_sentence_readings(doc, found, words, lexicon)


def _with_sentence_readings(doc: Doc, found: list[Predication], words: ClaimWords,
                            lexicon: EventLexicon) -> list[Predication]:
    """The predications (in reading order, each already marked hedged when its own
    clause holds a hedge), and the reading of each sentence holding none that is
    negative or hedged: a predication of class SENTENCE at the verb of what the sentence
    states (the clause a verb of saying or denying introduces: "Amador said no warships
    had been sent"), with that verb's polarity and modality as ``events.frame_of`` reads
    them, its own denial ("denied the reports") or an untrue predicate ("the reports are
    baseless") negating it too."""
    starts = [p.start for p in found]
    readings = [
        reading for sentence in doc.sents
        # a sentence holding a predication is read by it
        if bisect_left(starts, sentence.start_char) == bisect_left(starts, sentence.end_char)
        and (reading := sentence_reading(sentence, words, lexicon)) is not None
    ]
    merged = sorted([*found, *readings], key=lambda p: (p.start, p.predicate == SENTENCE))
    for number, predication in enumerate(merged):
        predication.id = f"p{number}"
    return merged


def sentence_reading(sentence: Span, words: ClaimWords, lexicon: EventLexicon) -> Predication | None:
    """The sentence's own reading (a predication of class SENTENCE) when it is negative
    or hedged and not conditional, else None; see ``_with_sentence_readings``."""
    verb = _stated_verb(sentence.root, lexicon)
    hedged = words.hedged_at(verb)
    frame = frame_of(lexicon, verb)
    negated = frame.negated != _denies_itself(verb, words, lexicon)
    if not (negated or hedged) or frame.modality == "conditional":  # a condition asserts nothing
        return None
    return Predication(
        id="", article_id="", predicate=SENTENCE, patient="", hedged=hedged,
        polarity="negated" if negated else "asserted", modality=frame.modality,
        verb=verb.text, start=verb.idx, end=verb.idx + len(verb.text))


def read_headline(title: Doc, article_id: str, words: ClaimWords | None = None,
                  lexicon: EventLexicon | None = None) -> HeadlineReading:
    """The reading of a parsed title: negated or hedged when any of its sentences'
    own readings is (the title is read whole, as a sentence holding no predication is:
    a headline is one statement), a question when any sentence is one (``is_question``)."""
    words, lexicon = words or claim_words(), lexicon or default_lexicon()
    sentences = list(title.sents)
    readings = [r for sentence in sentences if (r := sentence_reading(sentence, words, lexicon)) is not None]
    return HeadlineReading(
        article_id, negated=any(r.polarity == "negated" for r in readings), hedged=any(r.hedged for r in readings),
        question=any(is_question(s) for s in sentences))


def is_question(sentence: Span) -> bool:
    """Whether the sentence ends with a question mark, also before "!" or closing
    quotes and brackets ("Rapprochement?!", "'Will they send troops?'")."""
    return sentence.text.rstrip(CLOSING_MARKS).endswith("?")


def _clause_text(verb: Token) -> str:
    """The text of the verb's own clause: its subtree without the clauses under it."""
    inner = [c for c in verb.children if c.dep_ in CLAUSE_DEPS]
    left_out = {t.i for clause in inner for t in clause.subtree}
    return "".join(t.text_with_ws for t in verb.subtree if t.i not in left_out)


def _stated_verb(root: Token, lexicon: EventLexicon) -> Token:
    """The verb of what a sentence states: its root, or the clause a verb of saying,
    denying or reporting introduces ("Amador denied that warships had been sent" → "sent")."""
    verb = root
    while lexicon.sections(verb, REPORTING_SECTIONS):
        clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
        if clause is None:
            break
        verb = clause
    return verb


def _denies_itself(verb: Token, words: ClaimWords, lexicon: EventLexicon) -> bool:
    """A verb that is itself a denial ("Amador denied the reports"; a denial above it is
    the frame's) or a copula before an untrue predicate ("the reports are baseless")."""
    if lexicon.is_cue(verb, "denial"):
        return True
    return any(c.dep_ in ("acomp", "attr") and c.lemma_.casefold() in words.untrue for c in verb.children)


def _patient_phrase(verb: Token, subject_is_patient: bool) -> Token | None:
    """The head of the phrase the verb is about: its passive subject, else its subject
    (for the [subject] verbs, which say nothing of the kind in the passive: "the crews
    were marched off their boats") or object; a verb joined by "and" without a subject
    of its own shares its head's; a relative pronoun stands for the noun its clause modifies."""
    wanted = ("nsubj",) if subject_is_patient else ("nsubjpass", "dobj")
    if subject_is_patient and any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return None
    for dep in wanted:
        heads = [c for c in verb.children if c.dep_ == dep]
        if heads:
            head = heads[0]
            if head.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                return verb.head
            return head
    if verb.dep_ == "conj" and verb.head.pos_ == "VERB" and not any(
            c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return _patient_phrase(verb.head, subject_is_patient)
    if verb.dep_ == "xcomp" and not subject_is_patient and any(c.dep_ == "auxpass" for c in verb.children):
        # "the crews are believed to have been released": the subject raised to the verb above
        return next((c for c in verb.head.children if c.dep_ in ("nsubjpass", "nsubj")), None)
    if verb.dep_ == "xcomp" and subject_is_patient and not any(c.dep_ == "dobj" for c in verb.head.children):
        # "refused to resign"; but "urged the minister to resign" says only what was asked
        return next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    return None


def _agent_of(verb: Token) -> Token | None:
    """The head of the phrase that does what the verb says: the subject of an active verb,
    the "by" phrase of a passive one; a relative pronoun stands for the noun its clause
    modifies, and a verb joined by "and" or "to" without a subject of its own has its
    head's ("the council met and approved the plan", "the council voted to reject it")."""
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return next((o for c in verb.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"), None)
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is not None:
        return verb.head if subject.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl" else subject
    if verb.dep_ in ("conj", "xcomp") and verb.head.pos_ == "VERB":
        return _agent_of(verb.head)
    return None


def naming_words(noun: Token) -> str | None:
    """The words that tell this council or plan from another, as lemmas in text order:
    the noun with its compounds, adjectives and possessor ("Lima's city council" → "lima
    city council"); None for a pronoun ("it approved the plan" names no one)."""
    if noun.pos_ == "PRON":
        return None
    named = sorted([noun, *(c for c in noun.children if c.dep_ in NAMING_DEPS and c.pos_ != "PRON")],
                   key=lambda token: token.i)
    words = [t.lemma_.casefold() for t in named if t.is_alpha or t.like_num]
    return " ".join(words) or None


def _counted_noun(phrase: Token, words: ClaimWords) -> Token:
    """"dozens of students" is about the students."""
    if phrase.pos_ == "NUM" or phrase.lemma_.casefold() in words.amounts:
        for preposition in (c for c in phrase.children if c.dep_ == "prep" and c.lower_ == "of"):
            for noun in (c for c in preposition.children if c.dep_ == "pobj"):
                return noun
    return phrase


def _count_in(phrase: Token, noun: Token, quantities: Sequence[Quantity]) -> Quantity | None:
    """The count inside the patient phrase, up to its head noun ("about 300 fishermen")."""
    begin, end = phrase.left_edge.idx, noun.idx + len(noun.text)
    return next((q for q in quantities if q.kind == "count" and begin <= q.start < end), None)


def _place_and_date(doc: Doc, predications: list[Predication], verbs: list[Token]) -> None:
    """The date and place of each predication's clause, at its verb (read only for
    articles holding one)."""
    refs, places = time_refs(doc), places_in(doc)
    for predication, verb in zip(predications, verbs):
        span = doc[verb.i:verb.i + 1]
        when, where = date_for(span, refs), place_for(span, places)
        predication.date = when.date if when else None
        predication.location = where.name if where else None


@Language.factory(
    "newsprism_predications",
    default_config={"words_files": []},
    requires=["token.dep", "token.lemma"],
    assigns=["doc._.predications"],
)
def make_predication_component(nlp: Language, name: str, words_files: list[str]) -> PredicationComponent:
    return PredicationComponent(claim_words(tuple(words_files)))


class PredicationComponent:
    """Sets ``doc._.predications`` (list of Predication, article_id "")."""

    def __init__(self, words: ClaimWords) -> None:
        self.words = words

    def __call__(self, doc: Doc) -> Doc:
        doc._.predications = find_predications(doc, self.words)
        return doc

    def read_headline(self, title: Doc, article_id: str) -> HeadlineReading:
        """The title's reading with this component's words (see ``read_headline``)."""
        return read_headline(title, article_id, self.words)
