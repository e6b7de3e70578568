"""Framing: the labels an article attaches to each actor, and the tone around it.

A spaCy component, ``newsprism_framing``, run after ``newsprism_actors``. It sets
``doc._.framings``: one :class:`~newsprism.records.Framing` per actor the article
mentions (``article_id`` ""), in order of first mention.

Labels are read off the dependency parse around each mention, in the manner of the
rule-based description extractors that follow dependency relations out from a target
word (Hu & Liu 2004, adjacent modifiers; Qiu et al. 2011, double propagation), kept to
the relations that tie a phrase to the actor itself. No coreference model can be had
offline, so a description the parse does not link to a name ("the radical caliphate
remains", "they are neither Sunni nor Muslim") is left out rather than guessed.

Kinds of label:

- ``name``: the surface name used for the actor ("Islamic State", "ISIS", "Isis",
  "Daesh", "Tehran"): every mention but demonyms and role references, a leading
  "the" dropped; case is kept, since it is part of the choice.
- ``appositive``: a noun phrase in apposition, on either side ("Hezbollah, a
  U.S.-listed terrorist group"; "the regime's mouthpiece, Morazán News").
- ``predicate``: a predicate nominal of a copula ("Iran is a state sponsor of
  terror") or the complement of a labelling verb whose object is the actor ("which
  the police have classified as a terrorist organisation", "was branded a traitor").
- ``epithet``: the same with an adjective ("ISIS are neither Sunni nor Muslim",
  "Iran does not consider ISIS as Sunni").
- ``modifier``: an evaluative word premodifying the mention or a noun that names the
  actor ("extremist Sunni Islamists", "the self-proclaimed caliphate Islamic State",
  "the rogue regime in Tegucigalpa"). Descriptive words (``[descriptive]`` of the
  word file), numbers, stop words and other mentions (nationality words such as
  "Iranian" are mentions of a country) are not labels.
- ``description``: a noun that names the actor through the parse, with its
  modifiers: a naming noun before the name ("the self-proclaimed caliphate Islamic
  State") or an actor noun (``[actor_nouns]``) governing a mention ("the Iranian
  regime", "Iran's government", "the regime in Tegucigalpa").

A negation on the copula or labelling verb stays in the label ("not a state sponsor
of terror"). Phrases longer than ``MAX_LABEL_WORDS`` lose their clauses, then their
prepositional phrases. Labels count together when their text is the same ignoring
case (names: with case).

Tone is the mean VADER compound score (Hutto & Gilbert 2014; vaderSentiment 3.3.2)
of the sentences that mention the actor, with their number.

The word lists are in ``newsprism/data/framing_words.txt``; the component's
``words_files`` config adds users' files in the same format.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from newsprism.analysis import records_on
from newsprism.kb import section_entries, word_file_texts
from newsprism.records import Framing, Mention

Doc.set_extension("framings", default=(), force=True)

WORDS_FILE = "framing_words.txt"
SECTIONS = ("loaded", "descriptive", "actor_nouns", "copulas", "labelling_verbs")
MAX_LABEL_WORDS = 8
MAX_MODIFIER_WORDS = 4
LOADED_VALENCE = 2.5  # VADER lexicon words at least this strong make a label loaded ("terrorist", "brutal")
NOT_NAMES = frozenset({"demonym", "role"})
LEADING_WORDS = frozenset({"a", "an", "the", "this", "that", "these", "those"})
CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "parataxis"})
ASIDE_PREPOSITIONS = frozenset({"by", "since", "until", "till", "during", "in", "on", "at"})
PHRASE_DEPS = frozenset({"prep", "appos", "conj", "cc"})
OBJECT_DEPS = frozenset({"dobj", "nsubjpass"})
PREMODIFIER_DEPS = frozenset({"amod", "compound", "nmod"})
COMPLEMENT_DEPS = frozenset({"oprd", "xcomp", "dobj"})
NAMING_VERBS = frozenset({"know", "call", "dub", "name", "term", "style"})  # "a gang known as X"
RELATIVE_PRONOUNS = frozenset({"which", "who", "whom", "that"})
NOMINAL = frozenset({"NOUN", "PROPN"})
NOT_LABEL_ENTITIES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"})
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


class FramingFileError(ValueError):
    """A framing word file could not be read; the message names the file and line."""


def word_key(word: str) -> str:
    """A word lower-cased, a plural ending dropped: "Mullahs" and "mullah" match."""
    word = word.lower()
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def label_words(text: str) -> set[str]:
    """The word keys of a label: hyphenated words whole and in parts."""
    keys = set()
    for word in _WORD.findall(text):
        keys.add(word_key(word))
        keys.update(word_key(part) for part in word.split("-"))
    return keys


@dataclass(slots=True)
class FramingWords:
    """The sections of ``framing_words.txt``, as word keys."""

    loaded: set[str] = field(default_factory=set)
    descriptive: set[str] = field(default_factory=set)
    actor_nouns: set[str] = field(default_factory=set)
    copulas: set[str] = field(default_factory=set)
    labelling_verbs: set[str] = field(default_factory=set)

    @classmethod
    def load(cls, extra: Iterable[str | Path] = ()) -> FramingWords:
        """The bundled lists, with each file of ``extra`` added in order."""
        words = cls()
        for text, where in word_file_texts(WORDS_FILE, extra, FramingFileError):
            words.add(text, where)
        return words

    def add(self, text: str, where: str) -> None:
        for section, entry, _ in section_entries(text, where, SECTIONS, FramingFileError):
            getattr(self, section).add(word_key(entry))

    def is_loaded(self, text: str) -> bool:
        """Whether a label has an evaluative word: from ``[loaded]``, or strongly
        positive or negative in VADER's lexicon."""
        keys = label_words(text)
        lexicon = sentiment_analyzer().lexicon
        return bool(keys & self.loaded) or any(
            abs(lexicon.get(word.lower(), 0.0)) >= LOADED_VALENCE for word in _WORD.findall(text)
        )


@lru_cache(maxsize=1)
def sentiment_analyzer() -> SentimentIntensityAnalyzer:
    return SentimentIntensityAnalyzer()


@lru_cache(maxsize=1)
def bundled_words() -> FramingWords:
    return FramingWords.load()


# --------------------------------------------------------------------------- the component


@Language.factory(
    "newsprism_framing",
    default_config={"words_files": []},
    requires=["token.dep", "doc.sents"],
    assigns=["doc._.framings"],
)
def make_framing_component(nlp: Language, name: str, words_files: list[str]) -> FramingComponent:
    return FramingComponent(FramingWords.load(words_files) if words_files else bundled_words())


class FramingComponent:
    """Sets ``doc._.framings`` (list of Framing, article_id "")."""

    def __init__(self, words: FramingWords) -> None:
        self.words = words

    def __call__(self, doc: Doc) -> Doc:
        doc._.framings = find_framings(doc, self.words)
        return doc


# --------------------------------------------------------------------------- per article


@dataclass(slots=True)
class Label:
    text: str
    kind: str
    start: int
    end: int


@dataclass(slots=True)
class ActorLabels:
    """What one article says of one actor while it is being read."""

    labels: dict[tuple[str, str], dict] = field(default_factory=dict)
    seen: set[tuple[str, int]] = field(default_factory=set)  # (kind, start): each occurrence once
    sentences: set[int] = field(default_factory=set)  # start tokens of the sentences

    def add(self, label: Label) -> None:
        if not label.text or (label.kind, label.start) in self.seen:
            return
        self.seen.add((label.kind, label.start))
        key = label_key(label.kind, label.text)
        if key in self.labels:
            self.labels[key]["count"] += 1
        else:
            self.labels[key] = {"text": label.text, "kind": label.kind, "count": 1,
                                "start": label.start, "end": label.end}


def label_key(kind: str, text: str) -> tuple[str, str]:
    """Labels count together when kind and text agree; case matters only for names."""
    return kind, text if kind == "name" else text.lower()


@dataclass(slots=True)
class Context:
    doc: Doc
    words: FramingWords
    owner: dict[int, str]  # token index -> actor id of the mention it is part of


def find_framings(doc: Doc, words: FramingWords | None = None) -> list[Framing]:
    """One Framing per actor mentioned in ``doc`` (see the module docstring)."""
    words = words or bundled_words()
    located = [(m, span) for m in records_on(doc, "actor_mentions") if (span := _token_span(doc, m)) is not None]
    context = Context(doc, words, {t.i: m.actor_id for m, span in located for t in span})
    actors: dict[str, ActorLabels] = {}
    for mention, span in located:
        found = actors.setdefault(mention.actor_id, ActorLabels())
        found.sentences.add(span.sent.start)
        if mention.label not in NOT_NAMES:
            found.add(name_label(mention))
        for label in labels_of(span, mention.actor_id, context):
            found.add(label)
    scores = _sentence_scores(doc, {s for found in actors.values() for s in found.sentences})
    return [
        Framing(
            article_id="",
            actor_id=actor_id,
            labels=sorted(found.labels.values(), key=lambda label: (-label["count"], label["start"])),
            tone=round(sum(scores[s] for s in found.sentences) / len(found.sentences), 4),
            sentences=len(found.sentences),
        )
        for actor_id, found in actors.items()
    ]


def _token_span(doc: Doc, mention: Mention) -> Span | None:
    return doc.char_span(mention.start, mention.end, alignment_mode="expand")


def _sentence_scores(doc: Doc, starts: set[int]) -> dict[int, float]:
    analyzer = sentiment_analyzer()
    sentences = {sentence.start: sentence.text for sentence in doc.sents if sentence.start in starts}
    return {start: analyzer.polarity_scores(text)["compound"] for start, text in sentences.items()}


def name_label(mention: Mention) -> Label:
    text, start = mention.text, mention.start
    first, _, rest = text.partition(" ")
    if rest and first.lower() == "the":
        text, start = rest, start + len(first) + 1
    return Label(text, "name", start, mention.end)


def labels_of(span: Span, actor_id: str, context: Context) -> Iterator[Label]:
    """The labels the parse ties to one mention."""
    head = span.root
    yield from modifiers(head, context, compounds=head.pos_ != "PROPN")
    referents = [head]
    for noun, kind in naming_nouns(head, context):
        if kind == "appositive":
            around = noun.head.i != head.i  # "the regime's mouthpiece, Morazán News": leave the name out
            name = frozenset(t.i for t in head.subtree) if around else frozenset()
            yield _phrase_label(noun, "appositive", exclude=name)
            continue
        yield description(noun, context)
        yield from modifiers(noun, context)
        referents.append(noun)
    for referent in referents:
        yield from predicates(referent, actor_id, context)


def naming_nouns(head: Token, context: Context) -> Iterator[tuple[Token, str]]:
    """Nouns the parse makes another name of the actor: appositives (kind
    "appositive"), a naming noun before the name and actor nouns governing the
    mention (kind "description")."""
    for child in head.children:
        if _in_mention(child, context) or _across_lines(head, child):
            continue
        if child.dep_ == "appos" and child.pos_ == "NOUN":
            yield child, "appositive"
        elif child.dep_ == "compound" and child.i < head.i and head.pos_ == "PROPN" and _naming(child, context):
            yield child, "description"
    governor = _governing_noun(head)
    if governor is None or _in_mention(governor, context):
        return
    if head.dep_ == "appos":
        between = context.doc[min(governor.i, head.i) + 1:max(governor.i, head.i)]
        yield governor, "appositive" if any(t.is_punct for t in between) else "description"
    elif head.dep_ == "pobj" and head.head.lower_ == "as":
        yield governor, "description"
    elif _is_actor_noun(governor, context):
        yield governor, "description"


def _governing_noun(head: Token) -> Token | None:
    """The common noun a name hangs from: in apposition; premodified or possessed
    ("the Iranian regime", "Iran's regime"); through "of"/"in" ("the regime in
    Tegucigalpa"); or through "known as" ("a gang known as the Gulf Sharks")."""
    noun = None
    if head.dep_ in PREMODIFIER_DEPS | {"poss", "appos"}:
        noun = head.head
    elif head.dep_ == "pobj" and head.head.lower_ in ("of", "in"):
        noun = head.head.head
    elif head.dep_ == "pobj" and head.head.lower_ == "as" and head.head.head.dep_ == "acl":
        if head.head.head.lemma_.lower() in NAMING_VERBS:
            noun = head.head.head.head
    if noun is None or noun.i == head.i or noun.pos_ != "NOUN" or _across_lines(head, noun):
        return None
    return noun


def _across_lines(a: Token, b: Token) -> bool:
    """A link across a line break is a parse of a headline run into the text."""
    return "\n" in a.doc[min(a.i, b.i):max(a.i, b.i) + 1].text


def _naming(noun: Token, context: Context) -> bool:
    """A common noun before a name that says what the named is ("deckhand Wilber
    Alvarado"), not a caption or credit run into it ("file photo Joe Biden")."""
    return noun.pos_ == "NOUN" and noun.is_lower and word_key(noun.lemma_) not in context.words.descriptive


def _is_actor_noun(token: Token, context: Context) -> bool:
    return word_key(token.lemma_) in context.words.actor_nouns or word_key(token.text) in context.words.actor_nouns


def _in_mention(token: Token, context: Context) -> bool:
    return token.i in context.owner


# --------------------------------------------------------------------------- modifiers


def modifiers(noun: Token, context: Context, compounds: bool = True) -> Iterator[Label]:
    """Evaluative premodifiers of a noun standing for the actor; a common noun
    compounded with a name ("deckhand Wilber Alvarado") is a description instead."""
    for child in noun.children:
        if not compounds and child.dep_ == "compound":
            continue
        if child.i < noun.i and _is_label_modifier(child, context) and _evaluative(child, context):
            tokens = _trimmed([t for t in child.subtree if t.i < noun.i])
            if 0 < len(tokens) <= MAX_MODIFIER_WORDS and not any(_in_mention(t, context) for t in tokens):
                yield _label(tokens, "modifier")


def _is_label_modifier(token: Token, context: Context) -> bool:
    if token.dep_ not in PREMODIFIER_DEPS or token.pos_ == "PROPN" or _in_mention(token, context):
        return False
    if token.dep_ != "amod" and token.pos_ not in ("NOUN", "ADJ"):
        return False
    return not (
        token.is_stop
        or token.like_num
        or token.ent_type_ in NOT_LABEL_ENTITIES
        or not any(c.isalpha() for c in token.text)
        or word_key(token.lemma_) in context.words.descriptive
        or word_key(token.text) in context.words.descriptive
    )


def _evaluative(token: Token, context: Context) -> bool:
    """Adjectives are taken as evaluative unless listed as descriptive; a noun used as
    a modifier ("campaign chairman", "TV host") only if it is a loaded word ("rogue",
    "terror", which the tagger often reads as nouns)."""
    return token.pos_ != "NOUN" or bool(label_words(token.text) & context.words.loaded)


def description(noun: Token, context: Context) -> Label:
    """A naming noun with its own evaluative premodifiers ("rogue regime")."""
    kept = [noun]
    for child in noun.children:
        if child.i < noun.i and _is_label_modifier(child, context):
            subtree = [t for t in child.subtree if t.i < noun.i]
            if not any(_in_mention(t, context) for t in subtree):
                kept.extend(subtree)
    return _label(_trimmed(sorted(kept, key=lambda t: t.i)), "description")


# --------------------------------------------------------------------------- predicates


def predicates(referent: Token, actor_id: str, context: Context) -> Iterator[Label]:
    """Predicate nominals and adjectives of copulas and labelling verbs whose subject
    or object is the actor (directly or through a relative pronoun)."""
    for verb, role in _governing_verbs(referent):
        lemma = verb.lemma_.lower()
        negated = any(c.dep_ == "neg" for c in verb.children)
        if role == "subject" and lemma in context.words.copulas:
            complements = [c for c in verb.children if c.dep_ in ("attr", "acomp")]
        elif role == "object" and lemma in context.words.labelling_verbs:
            complements = list(_labelling_complements(verb, referent))
        else:
            continue
        for complement in complements:
            if _in_mention(complement, context) and context.owner[complement.i] == actor_id:
                continue
            if complement.pos_ not in NOMINAL | {"ADJ"} or complement.lower_ in RELATIVE_PRONOUNS:
                continue
            if complement.pos_ == "ADJ" and word_key(complement.lemma_) in context.words.descriptive:
                continue  # "able to", "willing to": what the actor can do, not what it is
            kind = "epithet" if complement.pos_ == "ADJ" else "predicate"
            label = _phrase_label(complement, kind)
            if negated and label.text:
                label.text = "not " + label.text
            yield label


def _governing_verbs(referent: Token) -> Iterator[tuple[Token, str]]:
    """(verb, "subject" or "object") for the verbs the referent is an argument of,
    itself or as the antecedent of a relative pronoun ("X, which is ...")."""
    if referent.dep_ == "nsubj":
        yield referent.head, "subject"
    if referent.dep_ in OBJECT_DEPS:
        yield referent.head, "object"
    for clause in referent.children:
        if clause.dep_ != "relcl":
            continue
        for pronoun in clause.children:
            if pronoun.lower_ in RELATIVE_PRONOUNS and pronoun.dep_ == "nsubj":
                yield clause, "subject"
            elif pronoun.lower_ in RELATIVE_PRONOUNS and pronoun.dep_ in OBJECT_DEPS:
                yield clause, "object"


def _labelling_complements(verb: Token, referent: Token) -> Iterator[Token]:
    for child in verb.children:
        if child.dep_ in COMPLEMENT_DEPS and child.i != referent.i and child.lower_ not in RELATIVE_PRONOUNS:
            yield child
        elif child.dep_ == "prep" and child.lower_ == "as":
            yield from (c for c in child.children if c.dep_ in ("pobj", "amod", "acomp", "attr"))


# --------------------------------------------------------------------------- phrases


def _phrase_label(root: Token, kind: str, exclude: frozenset[int] = frozenset()) -> Label:
    """The phrase headed by ``root``, shortened past MAX_LABEL_WORDS: clauses first,
    then prepositional phrases, appositions and conjuncts."""
    aside = {t.i for child in root.children if _is_aside(child, kind) for t in child.subtree}
    tokens = [t for t in root.subtree if t.i not in exclude and t.i not in aside and t.sent == root.sent]
    for dropped in (_clauses(root), {t.i for c in root.children if c.dep_ in PHRASE_DEPS for t in c.subtree}):
        if len(_trimmed(tokens)) <= MAX_LABEL_WORDS:
            break
        tokens = [t for t in tokens if t.i not in dropped]
    tokens = _trimmed(tokens)
    if len(tokens) > MAX_LABEL_WORDS:
        return Label("", kind, -1, -1)
    return _label(tokens, kind)


def _clauses(root: Token) -> set[int]:
    """The tokens of every clause inside the phrase ("who run fuel ...")."""
    return {t.i for token in root.subtree if token.i != root.i and token.dep_ in CLAUSE_DEPS for t in token.subtree}


def _is_aside(token: Token, kind: str) -> bool:
    """Who applied the label and since when are not part of it ("designated as a
    terrorist group by the EU", "classified as a terrorist organisation since 2022");
    nor is what an adjective goes on to say ("ready to talk")."""
    if kind == "epithet" and token.dep_ in ("xcomp", "ccomp"):
        return True
    return token.dep_ == "agent" or (token.dep_ == "prep" and token.lower_ in ASIDE_PREPOSITIONS)


def _trimmed(tokens: list[Token]) -> list[Token]:
    """Without leading articles and demonstratives, and punctuation or spaces at either end."""
    start, end = 0, len(tokens)
    while start < end and (tokens[start].is_punct or tokens[start].is_space or tokens[start].lower_ in LEADING_WORDS):
        start += 1
    while end > start and (tokens[end - 1].is_punct or tokens[end - 1].is_space):
        end -= 1
    return tokens[start:end]


def _label(tokens: list[Token], kind: str) -> Label:
    if not tokens:
        return Label("", kind, -1, -1)
    text = "".join(t.text_with_ws for t in tokens[:-1]) + tokens[-1].text
    return Label(" ".join(text.split()), kind, tokens[0].idx, tokens[-1].idx + len(tokens[-1]))
