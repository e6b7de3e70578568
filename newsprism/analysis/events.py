"""Events: who did what to whom, as the spaCy component ``newsprism_events``.

Runs after the parser and ``newsprism_actors`` (whose mentions give the doers and
targets their actor ids) and, when they are in the pipeline, after
``newsprism_quotes`` and ``newsprism_attributions`` (which say who claims an event).
Sets ``doc._.events``, a list of :class:`~newsprism.records.Event`.

The method is PETRARCH's: verb and noun patterns matched over a dependency parse,
each naming an event category, with the parse supplying source and target
(Schrodt's TABARI and PETRARCH coders; Norris, Schrodt & Beieler 2017, "PETRARCH2:
Another event coding program", JOSS). The categories are those of the CAMEO codebook
(Gerner, Schrodt, Yilmaz & Abu-Jabr 2002; Schrodt 2012, CAMEO manual 1.1b3) recoded
into PLOVER (Open Event Data Alliance, PLOVER manual and its 2021 CAMEO-to-PLOVER
table; Halterman et al. 2023). An event's factuality is read as in FactBank (Saurí &
Pustejovsky 2009): a polarity (asserted, negated) and a modality (actual, possible,
conditional, future, hypothetical), from cues in the parse above the event.

The words live in two data files users can read and extend:
``newsprism/data/event_patterns.tsv`` (trigger words, PLOVER type, CAMEO root, quad
class, where source and target are) and ``newsprism/data/event_cues.txt`` (negation,
denial, modality, support verbs, ...). Their formats are in their headers.

The rules:

1. **Triggers.** A verb or noun whose lemma starts a pattern, with the pattern's
   other words among its dependents ("rule out", "send troops", "take control of"),
   is an event; the most specific pattern wins. Words a pattern uses ("provide
   *assistance*") are not triggers of their own. A particle of a pattern ("give
   *in*") is not matched by a preposition with an object ("gave euros *in* aid"); a
   preposition the pattern names opens its object ("go *on* strike", "take *into*
   custody"), and a noun's "of" its object ("lifted the state of *emergency*"); the
   subject the parser gives a verb's infinitive clause is the verb's object
   ("allowed *inspectors* to visit"), for a pattern's words and for its target. A
   noun naming a kind of thing ("*war* planes", "*attack* helicopters") is no event,
   nor is a definite one with no argument of its own, which refers back to an event
   already told ("asked Honduras to explain *the deployment*"; :func:`refers_back`).
2. **Source and target** come from the slots the pattern names: the subject (for a
   passive, the "by" phrase: "ISIS convoys were struck by Syrian war planes"), the
   object (for a passive, the subject), the indirect object, a preposition's object
   ("air strikes on ISIS"), a noun's possessor or actor modifiers ("Syria's air
   strikes", "ISIS attacks"; a noun's "by" also where the parser hung it, on its "of"
   object or on the active verb it is the object of: "condemned the killing of X by
   Y"), or, for a noun, the subject of the support verb it is
   the object of ("Syria launched air strikes", "the President announced the
   deployment"), of a verb of intent or weighing ("would consider an alliance") or
   of any verb the noun modifies with "in" ("came out in support of"); a noun's
   preposition slots are also read on that verb ("made an offer to Iran", "lodged a
   complaint with Uganda"), of a verb of travel the noun is the purpose of ("flew to
   Harare for talks"), or of the verb that claims responsibility for it ("claimed
   responsibility for the bombing"). A noun that a verb of receipt takes as its
   object or "under" phrase is done by its (or the verb's) "from" or "by" phrase to
   the verb's subject ("Israel came under criticism from the UN", "Syria faced
   sanctions from the Arab League"). The "speaker" slot is the subject of the verb of
   saying or warning whose clause holds the trigger ("Russia said Ukraine would face
   consequences"). The "clause" slot is the subject of the verb's
   clause ("demanded that Ethiopia stop", "helped Zambia build"). A passive's "by"
   may hang on a phrase of the verb ("was threatened with force by X"). A past tense
   the parser hung as a participle on the noun before it, leaving the sentence
   without a verb, is the main verb ("Iranian commanders threatened on Sunday to
   ..."), unless it has a "by" phrase. Dates fill no slot ("opened fire on Friday"),
   nor does a reflexive object ("blew himself up").
   Other objects the parser hangs elsewhere are still the object: the subject of a
   participle right after the verb ("killed 40 Palestinians sheltering in a
   school"), a noun made the verb's clause ("welcomed the US move"), the noun a
   past tense with its own subject was made to modify ("Trump blamed Clinton"); a
   verb's preposition slot is also read on its object ("broke off talks with the
   separatists"), and a gerund clause right after a verb with no target gives its
   target ("ruled out extraditing him to X").
   A verb without a subject takes it from the verb it depends on: infinitives and
   participles ("Iran offered to send troops"), conjuncts, "as" and "in" gerunds,
   the object of "urge X to", "force X to", "blame X for", "accuse X of", the noun a
   participle modifies ("militias battling ISIS"), the doer of the noun an
   infinitive belongs to ("approved a plan to release"). A main verb the parser
   left without a subject takes the one it gave a participle clause before it
   ("Putin, ..., turning the tide, welcomed the move"); a dateline ("KABUL
   (Reuters) -") is no subject. Conjoined passives share their "by" ("was shot and
   killed by police"). A noun counted by a measure noun has that noun's support
   verb ("made scores of arrests"); so does what a verb of response answers with
   ("responded with air strikes"). An arrest a passive leaves without a doer is the
   reporting state's ("... were held, Turkish police said"). A verb with no target
   takes the target of the verb it governs (its people, for a hostile act: "vowed to
   crush the rebels"; "threatened to attack Iraq", "threatened
   to launch missiles at American bases"), and an act with none that of a joined act
   of the same kind ("opened fire and wounded five people"); words naming people end
   the search ("shot three soldiers at a hotel"). An accusation of an act whose
   doer is named is aimed at that doer ("condemned the killing of three villagers by
   Ugandan troops"), an investigation into "whether" someone acted at that someone
   ("investigating whether the campaign colluded with Russia"), and a response that
   names no one at the named doers of the hostile act it answers ("retaliated for the
   rocket attacks by Hamas", "vowed to avenge the killing of X by Y"). The act a
   pattern's own noun governs gives its target ("expressed willingness to meet
   Turkey"), and a verb's preposition slot is read last on what its object is about
   ("shared information about the bombers with German police"). A passive with no
   doer takes the named doer of the act its "when", "as" or "after" clause tells, of
   the same quad class ("three people were killed when rioters threw petrol bombs").
   A target is never the doer itself, unless
   named apart as people of it ("Belarusian police detained protesters in Minsk");
   words that refer back never are: "recalled its ambassador to Nicaragua" has
   Nicaragua as its target, and "pledged his country's support" is not aimed at the
   speaker's own country. Mutual events
   ("Egypt and Israel held talks") make the first of conjoined doers the source and
   the others targets; a pattern may require a target actor ("help!"), which words
   naming people also satisfy ("freed 12 hostages").
3. **Actors.** A slot's words name the actor of the mention covering its head, else
   the mention among its modifiers ("Syrian war planes", "the Iranian government")
   or appositive, else of its first preposition phrase that names one: for a doer
   "of", "by", "from", "in" ("the government of Iraq", "officials from Sudan",
   "rebels in Darfur"); for a target also "with", "to", "between", "against", "on",
   "at", "outside", "near" ("a request from Jordan", "talks with India", "dozens of
   Somali nationals", "a market in Yemen"). A demonym before a sector noun ("Israeli
   troops", "the Japanese foreign minister") is its country, also before a
   relational noun ("Hungarian supporters", but not "Iran's allies"); so is a city
   before a body ("a Moscow court"), not before an event ("a Mississippi rally").
   A noun that names no actor stands for those it is said to include ("a number of
   rivals, including Senator X", "neighbours such as Chad"). Conjuncts give
   one event each ("Iran and Syria", "the Syrian and Iranian governments"). Actors
   joined by a hyphen ("US-Iran cooperation") or "between" give doer and target.
   Metonyms and role references ("Tehran", "the Iranian President") are mentions of
   the actors component. A place the places module geocodes stands for its country
   ("took Mosul", "police in Cairo"); a country known only that way is added to the
   article's actors when an event uses it. People named only by what they are, with
   no nationality ("police", "thousands of nurses"), are of the country of a place
   where the event happens, in the event's own clause; what a material event (quad
   2, 4) is done to, named without an actor ("stormed a hotel in Nairobi") or not at
   all ("carried out air strikes near Damascus"), is of the country where it
   happens, anywhere in the sentence (not the doer's own, for the unnamed). People
   so named with no place of the event belong to the country of the places their
   sentence names (towns and regions before countries; not a dateline's: "gunmen
   opened fire on a bus, officials in Peshawar said"), else to the article's
   dominant country (``actors.dominant_country``), unless it acts in that sentence
   or, for an attack, is the attacked; a protest
   against nothing named is against the state where it happens, else the
   protesters' own ("thousands marched in Seoul"). Pronouns are resolved by recency: "we"/"us" in a quote is the
   speaker's country or body, "I" the speaker; "he"/"she" the last person named or
   quoted in this or the four previous sentences, else the country of an office
   holder a subject before it describes ("The Moldovan President said she ...");
   "it"/"they" the last subject of a
   main clause there, in this or the previous sentence, that is not a person, not
   the pronoun's own co-argument and, for "it", not plural; "his country" that
   person's country; "the country" the last country named (as a subject, the last
   that acted); "the group" the last group or organisation named; "a spokesman
   for X" speaks for X; "the President" the last person named whose role has that title or,
   for a leader's title, who is named as heading a government ("the Obama
   administration"). Reflexives resolve to nothing (the clause's own subject). A
   name heading a title ("Defence Minister X Y") is the person, not the country.
   Events with no actor at all are dropped unless a slot's words name people ("rebels
   attacked a convoy", "the foreign minister condemned the bombing"; with no actors
   component, events need some words in a slot).
   **Recoding** (CAMEO's distinction between doing and stating an intent; not for
   negated events or deployments): cooperation (quad 1-2) that its doer agrees,
   offers, promises or is ready to undertake ("agreed to release the prisoners", "was
   willing to resume patrols", not "asked if it was prepared to"), or says it will or
   would undertake ("said it would provide aid"), is an AGREE (03); a hostile act
   (quad 3-4) its doer vows or warns it will do ("vowed to attack", "warned it would
   impose sanctions"), or says it will or would do (a material one: "said it would
   retaliate", "said it would expel the diplomats if ..."), is a THREATEN (13), and so is a vow or pledge to do one
   ("vowed to continue attacks"). What a speaker says another must or should do is
   also the speaker's demand of them, a REQUEST (10) placed at the verb of saying
   ("Egypt said Israel must withdraw"). Cooperation its doer will or would not
   undertake, or has no intention or plan to, is also the doer's refusal, a REJECT
   (12) named by the negating word and placed before it ("said it would never
   negotiate with": a REJECT, and the talks negated).
4. **Polarity**, computed down the words above the event as Nairn, Condoravdi &
   Karttunen (2006, "Computing relative polarity for textual inference") compute
   relative polarity. Negated: a "not", "never", "no", "no longer" on the trigger or
   a verb above it whose modality it shares ("did not send", "did not launch
   strikes", "sent no troops", "without sending"), or a negative word above it
   ("unwilling to"); "not just" is no negation. An implicative verb passes on its
   truth by its signature: "managed to" / "did not manage to", "failed to" / "did
   not fail to", "prevented X from" (negated; not preventing leaves it open, so
   possible), "forced X to" (asserted; not forcing leaves it open), "did not
   hesitate to" (asserted). A factive verb's complement holds whatever frames it
   ("did not reveal that it had sent troops": sent). A non-factive word's complement
   is neither asserted nor negated ("wants to", "asked X to", "was not inviting X to
   stage an attack", "has no plans to"): asserted, with the word's modality or, for
   a request or a negated one, hypothetical; "asked if" is a question, not a
   request. A phrase of a support verb that has an object of its own is outside its
   frame ("unwilling to commit troops to the offensive": the offensive is not
   negated), and so is a relative clause ("did not arrest the men who attacked"). A
   negated word of intent states no intent ("did not agree to release" is no
   AGREE). A denial verb above the event
   ("dismissed reports that troops had been sent", "ruled out cooperation", "refused
   to help") negates it and makes the denier the one who claims it; the denial is
   also an event itself, a REJECT, when the patterns say so. A negated denial ("did
   not rule out") leaves the event asserted but possible. Likewise what someone is
   accused of ("blamed the US for funding ISIS") is the accuser's claim.
5. **Modality**, strongest first: conditional (the event's clause is opened by "if"
   or "unless", or has such a clause: "if the Iraqi government asks us, we may
   provide"), hypothetical ("would", "should", "would consider working"), possible
   ("could", "may", "potential", "the possibility of"), future ("will", "plans to",
   "is ready to", "offered to"), else actual. Cues count on the trigger and on the
   verbs and nouns above it that it depends on through an infinitive, an object of
   a cue or support verb, a preposition, a content noun ("reports that") or a
   non-factive word's clause ("demanded that", "a plan to"), up to a factive verb.
6. **Attribution.** An event under a denial or accusation is the denier's or
   accuser's claim (rule 4); else an event inside a quote is its speaker's claim,
   inside an attributed passage its source's (the innermost wins).
   ``attributed_to`` is the actor id, else the surface form.
7. **When and where.** The date and place of the trigger's clause, from
   :func:`newsprism.analysis.when.date_for` and
   :func:`newsprism.analysis.places.place_for`.
8. **Order.** Events follow the text sentence by sentence (a line of a sentence
   counts as its own); within one the main event (nearest the root of the parse)
   comes first, then by position; a refusal (rule 3) comes just before the event it
   refuses, at the same place. Each event keeps its trigger word's offset
   (``trigger_start``), so it pairs exactly with what else is read at that word.
9. **Fallback.** A sentence where no pattern fires, whose main verb (or the verb a
   verb of saying at its root reports) has a doer and one acted on (actors, or
   words naming people, as for any event),
   gets its type from a multinomial logistic regression over words of the parse
   around that verb (lemmas of the verb, its particle, object, prepositions and the
   nouns of the sentence; features as in Hogenboom et al. 2011, "An overview of
   event extraction from text", and trained as PLOVER's own demo classifier is,
   on labelled sentences: ``bench/train_event_fallback.py`` writes the weights to
   ``newsprism/data/event_fallback.tsv``, readable and replaceable). Only a guess
   whose probability reaches the file's threshold is kept; it carries that
   probability as ``confidence`` (events coded by a pattern have none) and its type's
   most common CAMEO root and quad class among the patterns. Off by default (the
   component's ``fallback`` setting): on sentences it was not trained on, few of its
   guesses were right (``bench/events_dev_eval.py --fallback``).
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import count
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from newsprism.analysis import records_on
from newsprism.analysis.actors import UNPLACED_KINDS, dominant_country, titles_lexicon
from newsprism.analysis.places import Place, default_kb, locative_preposition, place_for, places_in
from newsprism.analysis.when import TimeRef, date_for, time_refs
from newsprism.kb import KBEntry, bundled_path, section_entries, word_file_texts
from newsprism.records import Actor, Event, Mention

if not Doc.has_extension("events"):
    Doc.set_extension("events", default=())

PATTERNS_FILE = "event_patterns.tsv"
CUES_FILE = "event_cues.txt"
FALLBACK_FILE = "event_fallback.tsv"
FALLBACK_SOURCE = ("subject",)
FALLBACK_TARGET = ("object", "dative", "with", "to", "against", "on", "at", "from", "into", "for")
FALLBACK_THRESHOLD = "@threshold"  # the line of the weights file that holds the threshold
FALLBACK_BIAS = "@bias"
PLOVER_TYPES = frozenset(
    "AGREE CONSULT SUPPORT COOPERATE AID CONCEDE RETREAT ACCUSE REQUEST REJECT THREATEN "
    "PROTEST MOBILIZE SANCTION COERCE ASSAULT".split()
)
PARTS_OF_SPEECH = ("VERB", "NOUN")
CUE_SECTIONS = frozenset(
    "negation focus negative denial accusation possible hypothetical future conditional support "
    "content relational country government leader speech motion intent menace people crowd measure response "
    "receipt organisation voice deed obligation "
    "acceptance complaint charge foreign implicative factive nonfactive".split()
)
HAPPENED, NOT_HAPPENED, OPEN = "+", "-", "?"  # an implicative signature's values (rule 4)
SIGNATURE_VALUES = frozenset({HAPPENED, NOT_HAPPENED, OPEN})
DEFAULT_SLOTS = {
    ("VERB", "source"): ("subject",),
    ("VERB", "target"): ("object",),
    ("NOUN", "source"): ("owner", "by", "support"),
    ("NOUN", "target"): ("on", "against", "to", "into", "with", "between"),
}
MODALITIES = ("conditional", "hypothetical", "possible", "future")  # strongest first
# Dependents that do not count as "next to" a trigger for a pattern's other words.
APART_DEPS = frozenset({"nsubj", "csubj", "conj", "cc", "ccomp", "advcl", "relcl", "parataxis", "acl", "appos", "punct"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
OWNER_DEPS = frozenset({"poss", "compound", "amod", "nmod", "npadvmod"})
DEFINITE_DETERMINERS = frozenset({"the", "this", "that", "these", "those"})
# A nominal trigger's dependents that make it an event of its own (see refers_back).
OWN_ARGUMENT_DEPS = frozenset({"poss", "nummod", "relcl", "acl", "appos"})
MODIFIER_CUE_DEPS = frozenset({"aux", "auxpass", "advmod", "amod", "npadvmod"})
PREPOSITION_DEPS = frozenset({"prep", "dative", "agent"})
PARTICLES = frozenset({"in", "out", "up", "down", "off", "over", "back", "away"})
SPATIAL_PREPOSITIONS = frozenset({"to", "into", "toward", "towards", "in", "at", "near", "on", "onto", "across", "through"})
OBJECT_CONTROL_PREPOSITIONS = frozenset({"of", "for", "from"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
PERSONAL_PRONOUNS = frozenset({"he", "him", "his", "himself", "she", "her", "hers", "herself"})
GROUP_PRONOUNS = frozenset({"it", "its", "itself", "they", "them", "their", "theirs", "themselves"})
FIRST_PLURAL = frozenset({"we", "us", "our", "ours", "ourselves"})
FIRST_SINGULAR = frozenset({"i", "me", "my", "mine", "myself"})
HYPHENS = frozenset({"", "-", "–", "/"})
DASHES = frozenset({"-", "–", "—", "--"})
DATELINE_WORDS = 8  # a dateline's dash comes within the sentence's first words
BACK_SENTENCES = 4  # how far back "he", "she" and "the President" look
COUNTRY_BACK_SENTENCES = 6  # how far back "the country" looks
MAX_FRAME = 8  # steps up the parse when reading modality
IMPLYING_SECTIONS = ("implicative", "negative", "denial", "nonfactive")
FRAMING_SECTIONS = ("support", "denial", "negative", "accusation", "content", "nonfactive", *MODALITIES[1:])
NP_WORDS = 8  # words kept of a slot's surface form
# Prepositions whose object says whose a slot's actor-less words are: for a doer
# ("officials from Sudan", "rebels in Darfur"), for the one acted on ("a request from
# Jordan", "talks with India", "bases in Guam").
OWNER_PHRASES = frozenset({"of", "by", "from", "in"})
TARGET_PHRASES = OWNER_PHRASES | {"with", "to", "between", "against", "on", "at", "outside", "near"}
TIME_ENTITIES = frozenset({"DATE", "TIME"})
# Quad classes of material events, whose target may be where they happen ("shelled
# residential areas of Khartoum").
MATERIAL_QUADS = frozenset({2, 4})
OF, BY = frozenset({"of"}), frozenset({"by"})
ANSWERED = frozenset({"for", "to"})  # what a response answers: "retaliated for", "responded to"
ABOUT = frozenset({"about", "on", "over", "regarding", "concerning"})  # what an object is about
QUESTION_MARKS = frozenset({"whether", "if"})  # "investigating whether X colluded"
EXPLAINING_WORDS = frozenset({"when", "as", "after"})  # "were killed when rebels shelled the town"
# A noun naming no actor stands for the ones it is said to include: "rivals,
# including Senator X", "neighbours such as Chad".
EXAMPLE_PHRASES = frozenset({"including", "as"})
SPEAKER_SLOT = "speaker"
ACCUSATION = "ACCUSE"
REFUSING_MODALITIES = frozenset({"future", "hypothetical"})  # "will not", "would never": a refusal (refusals_in)
REFUSAL = "REJECT"
PROTESTED = "PROTEST"  # the type whose unnamed target is the state protested against (protested_state)
RECEIVED_FROM = ("from|by",)  # who does what a verb of receipt's subject undergoes
# Slots a verb without a target reads on the verb it governs ("threatened to launch missiles at").
GOVERNED_TARGET_SLOTS = ("object", "dative", "with", "to", "at", "against", "on", "into", "from", "between")


class EventFileError(ValueError):
    """A pattern or cue file could not be read; the message names the file and line."""


# --------------------------------------------------------------------------- the lexicon


@dataclass(frozen=True, slots=True)
class EventPattern:
    """One line of a pattern file."""

    trigger: frozenset[str]
    needs: tuple[frozenset[str], ...]  # words that must stand next to the trigger
    pos: str  # VERB or NOUN
    type: str | None  # None: the words are no event
    cameo: str | None
    quad: int | None
    source: tuple[str, ...]
    target: tuple[str, ...]
    target_required: bool = False


@dataclass(slots=True)
class EventLexicon:
    """Patterns indexed by (trigger word, part of speech), best first, and cue words by section."""

    patterns: dict[tuple[str, str], list[tuple[int, int, EventPattern]]] = field(default_factory=dict)
    cues: dict[str, dict[str, list[tuple[str, ...]]]] = field(default_factory=dict)
    signatures: dict[tuple[str, ...], tuple[str, str]] = field(default_factory=dict)  # implicatives
    _order: count = field(default_factory=count)

    @classmethod
    def load(cls, patterns_files: Sequence[str | Path] = (), cues_files: Sequence[str | Path] = ()) -> EventLexicon:
        """The bundled patterns and cues, then those of the given files."""
        lexicon = cls()
        for path in [bundled_path(PATTERNS_FILE), *map(Path, patterns_files)]:
            for pattern in read_patterns(path):
                lexicon.add_pattern(pattern)
        for text, where in word_file_texts(CUES_FILE, cues_files, EventFileError):
            for section, words in cue_entries(text, where):
                lexicon.add_cue(section, words)
        return lexicon

    def add_pattern(self, pattern: EventPattern) -> None:
        rank = next(self._order)
        for word in pattern.trigger:
            entries = self.patterns.setdefault((word, pattern.pos), [])
            entries.append((-len(pattern.needs), -rank, pattern))
            entries.sort(key=lambda entry: entry[:2])

    def add_cue(self, section: str, words: tuple[str, ...]) -> None:
        if section == "implicative":  # the last two words are the signature
            words, signature = words[:-2], words[-2:]
            self.signatures[words] = (signature[0], signature[1])
        rests = self.cues.setdefault(section, {}).setdefault(words[0], [])
        if words[1:] not in rests:
            rests.append(words[1:])

    def candidates(self, token: Token) -> list[EventPattern]:
        """The patterns the token may trigger, most specific first."""
        found = []
        for pos in token_parts_of_speech(token):  # the token's own part of speech first
            entries = [e for form in dict.fromkeys(forms(token)) for e in self.patterns.get((form, pos), ())]
            found += [pattern for *_, pattern in sorted(entries, key=lambda entry: entry[:2])]
        return found

    def is_cue(self, token: Token, section: str) -> bool:
        """Whether the token (with the dependents a cue of several words needs) is a cue."""
        return self.matched_cue(token, section) is not None

    def matched_cue(self, token: Token, section: str) -> tuple[str, ...] | None:
        """The words of the section's cue the token is, if any."""
        words = self.cues.get(section, {})
        for form in forms(token):
            for rest in words.get(form, ()):
                if not rest or all(any(c.lower_ == w for c in token.children) for w in rest):
                    return (form, *rest)
        return None

    def signature(self, token: Token) -> tuple[str, str] | None:
        """What an implicative verb makes of its complement when it is asserted and
        when it is negated (``+``, ``-``, ``?``), if the token is one."""
        cue = self.matched_cue(token, "implicative")
        return self.signatures[cue] if cue is not None else None

    def sections(self, token: Token, names: Iterable[str]) -> set[str]:
        return {name for name in names if self.is_cue(token, name)}

    def typical_code(self, kind: str) -> tuple[str, int]:
        """The (CAMEO root, quad class) most of the type's patterns give it."""
        codes = Counter((p.cameo[:2], p.quad) for entries in self.patterns.values()
                        for *_, p in entries if p.type == kind and p.cameo and p.quad)
        if not codes:
            raise EventFileError(f"no pattern codes the type {kind}")
        return codes.most_common(1)[0][0]


@dataclass(frozen=True, slots=True)
class FallbackModel:
    """A multinomial logistic regression over parse features (module docstring, rule 9)."""

    weights: dict[str, dict[str, float]]  # feature -> PLOVER type -> weight
    bias: dict[str, float]
    threshold: float

    @classmethod
    def load(cls, path: str | Path) -> FallbackModel:
        """The weights of a TSV file: "feature TAB type TAB weight" lines, the biases
        under the feature "@bias", and a line "@threshold TAB probability"."""
        weights: dict[str, dict[str, float]] = {}
        threshold = None
        for where, cells in _data_lines(path):
            try:
                if cells[0] == FALLBACK_THRESHOLD and len(cells) == 2:
                    threshold = float(cells[1])
                elif len(cells) == 3 and cells[1] in PLOVER_TYPES:
                    weights.setdefault(cells[0], {})[cells[1]] = float(cells[2])
                else:
                    raise ValueError
            except ValueError:
                raise EventFileError(f"{where}: expected 'feature TAB type TAB weight' or '@threshold TAB p'") from None
        if threshold is None:
            raise EventFileError(f"{path}: no {FALLBACK_THRESHOLD} line")
        bias = weights.pop(FALLBACK_BIAS, {})
        return cls(weights, bias, threshold)

    def classify(self, features: Iterable[str]) -> tuple[str, float]:
        """The most probable type and its probability."""
        scores = dict.fromkeys(PLOVER_TYPES, 0.0) | self.bias
        for feature in set(features):
            for kind, weight in self.weights.get(feature, {}).items():
                scores[kind] += weight
        top = max(scores.values())
        exps = {kind: math.exp(score - top) for kind, score in scores.items()}
        best = max(exps, key=exps.__getitem__)
        return best, exps[best] / sum(exps.values())


@lru_cache(maxsize=1)
def default_fallback() -> FallbackModel:
    return FallbackModel.load(bundled_path(FALLBACK_FILE))


def main_verb(sentence: Span, lexicon: EventLexicon) -> Token:
    """The sentence's root, or the verb a verb of saying at the root reports."""
    root = sentence.root
    reported = [c for c in root.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")]
    return reported[0] if reported and lexicon.is_cue(root, "speech") else root


def fallback_features(verb: Token) -> list[str]:
    """Words of the parse around the main verb that say what kind of event it is."""
    features = [f"v={verb.lemma_.lower()}"]
    for child in verb.children:
        word = child.lemma_.lower()
        if child.dep_ == "prt":
            features.append(f"v={verb.lemma_.lower()}_{word}")
        elif child.dep_ in ("dobj", "nsubjpass", "attr", "acomp"):
            features += [f"o={word}", f"vo={verb.lemma_.lower()}_{word}"]
        elif child.dep_ in ("prep", "agent", "dative"):
            features.append(f"p={word}")
            features += [f"po={word}_{g.lemma_.lower()}" for g in child.children if g.dep_ == "pobj"]
        elif child.dep_ in ("xcomp", "ccomp", "advcl") and child.pos_ == "VERB":
            features.append(f"x={word}")
    features += [f"n={t.lemma_.lower()}" for t in verb.sent if t.pos_ == "NOUN"]
    return features


def read_patterns(path: str | Path) -> Iterator[EventPattern]:
    """The patterns of a TSV file (format in ``newsprism/data/event_patterns.tsv``)."""
    for where, cells in _data_lines(path):
        if not 5 <= len(cells) <= 7:
            raise EventFileError(f"{where}: expected 5 to 7 TAB-separated columns, found {len(cells)}")
        yield _pattern(where, *cells)


def _pattern(where: str, words: str, pos: str, kind: str, cameo: str, quad: str, source: str = "", target: str = "") -> EventPattern:
    slots = [frozenset(w.lower() for w in slot.split("|") if w) for slot in words.split()]
    pos = pos.upper()
    if not slots or not all(slots) or pos not in PARTS_OF_SPEECH:
        raise EventFileError(f"{where}: expected words and a part of speech (VERB or NOUN)")
    if kind == "-":
        return EventPattern(slots[0], tuple(slots[1:]), pos, None, None, None, (), ())
    if kind not in PLOVER_TYPES or not (cameo.isdigit() and 2 <= len(cameo) <= 4) or quad not in ("1", "2", "3", "4"):
        raise EventFileError(f"{where}: expected a PLOVER type, a CAMEO code and a quad class 1-4, or '-'")
    required = target.endswith("!")
    return EventPattern(
        slots[0], tuple(slots[1:]), pos, kind, cameo, int(quad),
        _slots(source, DEFAULT_SLOTS[pos, "source"]), _slots(target.rstrip("!"), DEFAULT_SLOTS[pos, "target"]),
        required,
    )


def _slots(text: str, default: tuple[str, ...]) -> tuple[str, ...]:
    text = text.strip().lower()
    if text in ("", "*"):
        return default
    if text == "-":
        return ()
    return tuple(slot.strip() for slot in text.split(",") if slot.strip())


def cue_entries(text: str, where: str) -> Iterator[tuple[str, tuple[str, ...]]]:
    """(section, lower-case words) for each cue of a cue file's text (``[section]``
    headers, one cue a line: :func:`newsprism.kb.section_entries`); ``where`` names
    the file in errors."""
    for section, cue, line in section_entries(text, where, CUE_SECTIONS, EventFileError):
        words = tuple(cue.lower().split())
        if section == "implicative" and (len(words) < 3 or not SIGNATURE_VALUES >= set(words[-2:])):
            raise EventFileError(f"{line}: an implicative is its words, then two of + - ? "
                                 f"(its complement when asserted, when negated): {cue!r}")
        yield section, words


def _data_lines(path: str | Path) -> Iterator[tuple[str, list[str]]]:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as err:
        raise EventFileError(f"{path}: cannot read: {err}") from err
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        yield f"{path}: line {number}", [cell.strip() for cell in line.split("\t")]


@lru_cache(maxsize=1)
def default_lexicon() -> EventLexicon:
    return EventLexicon.load()


@lru_cache(maxsize=1)
def title_words() -> frozenset[str]:
    """The last word of each person title ("president", "minister", "spokeswoman")."""
    return frozenset(title.split()[-1] for title in titles_lexicon())


def forms(token: Token) -> tuple[str, ...]:
    """A token's lemma and its lower-case text; for a verb whose lemma lost its
    final "e" ("staged" -> "stag", "hopes" -> "hop"), also the lemma with it."""
    lemma, lower = token.lemma_.lower(), token.lower_
    if not lemma or lemma == lower:
        return (lower,)
    if lower in (lemma + "ed", lemma + "ing", lemma + "es") and token.tag_ in ("VBD", "VBN", "VBG", "VBZ"):
        return (lemma, lower, lemma + "e")
    return (lemma, lower)


def token_parts_of_speech(token: Token) -> tuple[str, ...]:
    if token.pos_ == "VERB":
        return ("VERB", "NOUN") if is_nominal_gerund(token) else ("VERB",)
    if token.pos_ in ("NOUN", "PROPN"):
        return ("NOUN",)
    return ()


def is_nominal_gerund(token: Token) -> bool:
    """A gerund used as a noun: "the bombing of", "Syria's shelling"."""
    return token.tag_ == "VBG" and any(
        c.dep_ in ("det", "poss") or (c.dep_ == "prep" and c.lower_ == "of") for c in token.children)


# --------------------------------------------------------------------------- entry points


@dataclass(frozen=True, slots=True)
class Party:
    """An actor found in a slot, with the words that name it there."""

    actor_id: str
    text: str
    start: int  # character offset of the words naming it
    group: bool = False  # words for people of the actor, not the actor: "Iranian police", "rebels in Darfur"
    anaphoric: bool = False  # found through a pronoun or "the country": "its ambassador"

    def as_group(self, text: str | None = None) -> Party:
        return replace(self, text=text or self.text, group=True)


@dataclass(slots=True)
class Article:
    """What the rules need to know about the parsed article."""

    doc: Doc
    text: str  # the doc's text, which spaCy joins anew at each access
    lexicon: EventLexicon
    mention_at: list[Mention | None]
    mentions: list[Mention]
    actors: dict[str, Actor]
    country_actor: dict[str, str]  # ISO alpha-3 -> actor id of that country
    claims: list[tuple[int, int, str]]  # quote and attribution spans -> who claims them
    quotes: list[tuple[int, int, str]]  # quote spans -> speaker actor id
    speakers: list[tuple[int, int, str]]  # speaker spans of quotes -> speaker actor id
    people: list[tuple[int, str]]  # where a person is named or speaks -> actor id, in text order
    leaders: set[str]  # people named as heading a government ("the Obama administration")
    places: list[Place]
    times: list[TimeRef]
    sentence_starts: list[int]
    actors_ran: bool
    dominant: str | None = None  # the article's dominant country (ISO code): actors.dominant_country
    resolving: set[int] = field(default_factory=set)  # tokens whose referents are being looked up
    added: list[Actor] = field(default_factory=list)  # countries known only from the places named

    @classmethod
    def build(cls, doc: Doc, lexicon: EventLexicon) -> Article:
        mentions = list(records_on(doc, "actor_mentions"))
        actors = {a.id: a for a in records_on(doc, "actors")}
        quotes = list(records_on(doc, "quotes"))
        attributions = list(records_on(doc, "attributions"))
        speakers = [(q.speaker_start, q.speaker_end, q.speaker_id) for q in quotes
                    if q.speaker_id and q.speaker_start is not None and q.speaker_end is not None]
        people = {(m.start, m.actor_id) for m in mentions} | {(start, who) for start, _, who in speakers}
        return cls(
            doc=doc,
            text=doc.text,
            lexicon=lexicon,
            mention_at=_mention_index(doc, mentions),
            mentions=sorted(mentions, key=lambda m: m.start),
            actors=actors,
            country_actor={a.country: a.id for a in actors.values() if a.kind == "country" and a.country},
            claims=[(q.start, q.end, q.speaker_id or q.speaker) for q in quotes if q.speaker_id or q.speaker]
            + [(a.start, a.end, a.source_id or a.source) for a in attributions if a.source_id or a.source],
            quotes=[(q.start, q.end, q.speaker_id) for q in quotes if q.speaker_id],
            speakers=speakers,
            people=sorted((start, who) for start, who in people if who in actors and actors[who].kind == "person"),
            leaders=government_heads(doc, lexicon, mentions, actors),
            places=places_in(doc),
            times=time_refs(doc),
            sentence_starts=[s.start for s in doc.sents],
            actors_ran=isinstance(doc._.actor_mentions, list),
            dominant=dominant_country(country_code(actors, m.actor_id) for m in mentions
                                      if m.actor_id in actors and actors[m.actor_id].kind not in UNPLACED_KINDS),
        )

    def actor(self, actor_id: str) -> Actor | None:
        return self.actors.get(actor_id)

    def country_id(self, code: str) -> str | None:
        """The actor id of the country with this ISO code: the article's own actor,
        else the knowledge base's country ("police in Cairo" in an article that
        names Egypt nowhere else), added to the article's actors when an event uses it."""
        found = self.country_actor.get(code)
        entry = countries_by_code().get(code) if found is None else None
        if entry is not None and entry.id not in self.actors:
            actor = Actor(entry.id, entry.name, "country", code)
            self.actors[actor.id] = actor
            self.added.append(actor)
            self.country_actor[code] = found = actor.id
        return found

    def window_start(self, token: Token, sentences: int) -> int:
        """The first token of the sentence ``sentences`` before the token's."""
        k = bisect_right(self.sentence_starts, token.i) - 1
        return self.sentence_starts[max(0, k - sentences)]


@lru_cache(maxsize=1)
def countries_by_code() -> dict[str, KBEntry]:
    """The bundled knowledge base's countries by ISO alpha-3 code."""
    return {e.country: e for e in default_kb().entries.values() if e.kind == "country" and e.country}


def government_heads(doc: Doc, lexicon: EventLexicon, mentions: list[Mention], actors: dict[str, Actor]) -> set[str]:
    """People whose name modifies a government noun: "the Obama administration"."""
    heads = set()
    for mention in mentions:
        actor = actors.get(mention.actor_id)
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if actor is None or actor.kind != "person" or span is None:
            continue
        root = span.root
        if root.dep_ in ("compound", "poss") and lexicon.is_cue(root.head, "government"):
            heads.add(actor.id)
    return heads


def _mention_index(doc: Doc, mentions: list[Mention]) -> list[Mention | None]:
    index: list[Mention | None] = [None] * len(doc)
    for mention in mentions:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is not None:
            index[span.start:span.end] = [mention] * len(span)
    return index


def find_events(doc: Doc, lexicon: EventLexicon | None = None, fallback: FallbackModel | None = None) -> list[Event]:
    """The events of one parsed article, in reading order (see the module docstring);
    with a fallback model, also the guesses of rule 9."""
    art = Article.build(doc, lexicon or default_lexicon())
    matches = list(find_triggers(art))
    used = {t.i for _, _, needs in matches for t in needs}
    found: list[tuple[tuple[int, int, int], Event]] = []
    seen: set[tuple[int, str, str | None, str | None]] = set()
    for trigger, pattern, needs in matches:
        if trigger.i in used:
            continue
        for event in events_for(art, trigger, pattern, needs):
            for anchor, event in (*refusals_in(art, trigger, event), (trigger, event), *demands_in(art, trigger, event)):
                key = (anchor.i, event.type, event.source_id, event.target_id)
                if key not in seen:
                    seen.add(key)
                    found.append(((event.start, depth(main_word(art, anchor)), anchor.i), event))
    if fallback is not None:
        found += fallback_events(art, fallback, {event.start for _, event in found})
    found.sort(key=lambda item: item[0])
    events = [event for _, event in found]
    for i, event in enumerate(events):
        event.id = f"e{i}"
    _keep_added_countries(art, events)
    return events


def fallback_events(art: Article, model: FallbackModel, covered: set[int]) -> Iterator[tuple[tuple[int, int, int], Event]]:
    """The classifier's events of the sentences no pattern covers (rule 9)."""
    for sentence in art.doc.sents:
        verb = main_verb(sentence, art.lexicon)
        if verb.pos_ not in ("VERB", "AUX") or any(sentence.start_char <= start < sentence.end_char for start in covered):
            continue
        kind, probability = model.classify(fallback_features(verb))
        if probability < model.threshold:
            continue
        cameo, quad = art.lexicon.typical_code(kind)
        pattern = EventPattern(frozenset({verb.lemma_.lower()}), (), "VERB", kind, cameo, quad,
                               FALLBACK_SOURCE, FALLBACK_TARGET, target_required=True)
        for event in events_for(art, verb, pattern, []):
            if (event.source_id or event.source_text) and (event.target_id or event.target_text):
                event.confidence = round(probability, 3)
                yield (event.start, depth(verb), verb.i), event


def _keep_added_countries(art: Article, events: list[Event]) -> None:
    """Put the countries that only places named, and that events use, among the
    article's actors, so that every event's actor id is an actor of the article."""
    used = {e.source_id for e in events} | {e.target_id for e in events}
    actors = art.doc._.actors if Doc.has_extension("actors") else None
    if isinstance(actors, list):
        actors.extend(actor for actor in art.added if actor.id in used)


@Language.factory(
    "newsprism_events",
    default_config={"patterns_files": [], "cues_files": [], "fallback": False, "fallback_file": ""},
    requires=["token.dep", "token.lemma"],
    assigns=["doc._.events"],
)
def make_event_component(nlp: Language, name: str, patterns_files: list[str], cues_files: list[str],
                         fallback: bool, fallback_file: str) -> EventComponent:
    lexicon = EventLexicon.load(patterns_files, cues_files) if patterns_files or cues_files else default_lexicon()
    model = (FallbackModel.load(fallback_file) if fallback_file else default_fallback()) if fallback else None
    return EventComponent(lexicon, model)


class EventComponent:
    """Sets ``doc._.events`` (list of Event, article_id ""); ``fallback`` is the model
    of rule 9, None to code by patterns alone."""

    def __init__(self, lexicon: EventLexicon, fallback: FallbackModel | None = None) -> None:
        self.lexicon = lexicon
        self.fallback = fallback

    def __call__(self, doc: Doc) -> Doc:
        doc._.events = find_events(doc, self.lexicon, self.fallback)
        return doc


# --------------------------------------------------------------------------- 1. triggers


def find_triggers(art: Article) -> Iterator[tuple[Token, EventPattern, list[Token]]]:
    """(trigger, pattern, tokens its other words matched) for every event word; a
    noun naming a kind of thing is none ("war planes", "attack helicopters"), nor is
    a word of a date ("in March")."""
    for token in art.doc:
        if (token.dep_ == "compound" and token.pos_ == "NOUN") or token.ent_type_ in TIME_ENTITIES:
            continue
        for pattern in art.lexicon.candidates(token):
            needs = matched_needs(token, pattern.needs)
            if needs is not None:
                if pattern.type is not None:
                    yield token, pattern, needs
                break


def matched_needs(trigger: Token, needs: tuple[frozenset[str], ...]) -> list[Token] | None:
    """One distinct token next to the trigger for each of the pattern's other words."""
    if not needs:
        return []
    # not the trigger's own "to": "gathered to protest against" is no "protest to"
    near = [t for c in trigger.children if c.dep_ not in APART_DEPS and c.dep_ != "aux" for t in (c, *_near_children(c))]
    near += infinitive_subjects(trigger)
    used: list[Token] = []
    for words in needs:
        hit = next((t for t in near if t not in used and not words.isdisjoint(forms(t)) and not _is_phrase(t, words)), None)
        if hit is None:
            return None
        used.append(hit)
        if hit.pos_ == "ADP":  # a preposition the pattern names opens its object: "go on strike"
            near += [c for c in hit.children if c.dep_ not in APART_DEPS]
    return used


def _is_phrase(token: Token, words: frozenset[str]) -> bool:
    """Whether a pattern's particle is matched by a preposition with an object: the
    "in" of "gave Tunisia euros in budget support" is not that of "gave in"."""
    return token.lower_ in PARTICLES and token.dep_ == "prep" and any(c.dep_ == "pobj" for c in token.children)


def _near_children(token: Token) -> list[Token]:
    """A child's children that may fill a pattern word: not those of "according
    to" or "including", nor places ("taken to the town")."""
    if token.dep_ == "prep" and (token.pos_ == "VERB" or token.lower_ in SPATIAL_PREPOSITIONS):
        return []
    near = [c for c in token.children if c.dep_ not in APART_DEPS]
    # the noun after "of" is the one meant: "lifted the state of emergency"
    return near + [o for c in near if c.dep_ == "prep" and c.lower_ == "of" for o in c.children if o.dep_ == "pobj"]


def main_word(art: Article, trigger: Token) -> Token:
    """Where an event stands in its sentence: a noun's support verb ("Police made
    scores of arrests at the demonstration": the arrests, not the demonstration)."""
    verb = support_verb(art, trigger) if trigger.pos_ != "VERB" else None
    return verb or trigger


def depth(token: Token) -> int:
    steps = 0
    while token.head.i != token.i:
        token, steps = token.head, steps + 1
    return steps


# --------------------------------------------------------------------------- 2. slots


def events_for(art: Article, trigger: Token, pattern: EventPattern, needs: list[Token]) -> Iterator[Event]:
    receiver = receiving_verb(art, trigger) if pattern.pos == "NOUN" else None
    if receiver is not None:  # "came under criticism from the UN": the UN criticises
        source_slot = fill(art, trigger, RECEIVED_FROM, needs)
        source_slot = source_slot if source_slot.filled else fill(art, receiver, RECEIVED_FROM, [])
        target_slot = fill(art, receiver, ("subject",), [], source_slot.parties)
    else:
        source_slot = fill(art, trigger, pattern.source, needs)
        target_slot = fill_target(art, trigger, pattern, needs, source_slot)
    if refers_back(art, trigger, pattern, source_slot, target_slot):
        return
    sources, targets = split_pairs(source_slot, target_slot, "conjunct" in pattern.target)
    span = trigger.doc[trigger.i:trigger.i + 1]
    where = place_for(span, art.places)
    if not sources and names_people(art, source_slot.head):
        if where is not None:
            sources = located(art, source_slot, place_for(span, art.places, attached=True))
        sources = sources or belonging(art, source_slot, target_slot.parties if pattern.type == "ASSAULT" else [])
    sources = sources or explaining_doers(art, trigger, pattern) or reporting_authority(art, trigger, pattern, where)
    if not sources and SPEAKER_SLOT in pattern.source:  # what someone will suffer is only a threat when someone says it
        return
    if not targets and pattern.quad in MATERIAL_QUADS:  # the place of what is acted on may be another clause's
        targets = [t for t in located(art, target_slot, where) if not _is_doer(t, sources)]
        if not target_slot.filled:
            targets = where_it_happens(art, where, sources)
    if not targets and sources and target_slot.head is not None:
        targets = unnamed_target(art, target_slot, where, sources, pattern.type)
    if not targets and pattern.type == PROTESTED:
        targets = protested_state(art, where, sources)
    if pattern.target_required and not (targets if art.actors_ran else target_slot.filled) \
            and not names_people(art, target_slot.head):
        return
    source_text, target_text = source_slot.text, target_slot.text
    if art.actors_ran and not sources and not targets and not (
            names_people(art, source_slot.head) or names_people(art, target_slot.head)):
        return
    if not art.actors_ran and source_text is None and target_text is None:
        return
    reading = read_frame(art, trigger)
    renamed = charged_state(art, trigger, targets) or state_complaint(art, trigger, pattern, sources)
    if renamed:  # the same act under its CAMEO name: its own negation stays
        (kind, cameo, quad), negated = renamed, reading.negated
    else:
        kind, cameo, quad = coded_as(art, trigger, pattern, reading, sources)
        negated = reading.negated and kind == pattern.type  # a refusal coded from a negation is asserted
    claimed = reading.claimer_id or claimant(art, trigger.idx)
    when = date_for(span, art.times)
    start, end = clause_bounds(trigger)
    for source in sources or [None]:
        for target in targets or [None]:
            if source is not None and target is not None and same_actor(source, target):
                continue
            yield Event(
                id="", article_id="",
                source_id=source.actor_id if source else None, type=kind,
                target_id=target.actor_id if target else None,
                cameo=cameo, quad_class=quad,
                polarity="negated" if negated else "asserted", modality=reading.modality,
                attributed_to=claimed, date=when.date if when else None,
                location=where.name if where else None,
                text=art.text[start:end], start=start, end=end, trigger=trigger.text,
                source_text=source.text if source else source_text,
                target_text=target.text if target else target_text,
                date_granularity=when.granularity if when else None,
                location_country=where.country if where else None,
                latitude=where.latitude if where else None, longitude=where.longitude if where else None,
                trigger_start=trigger.idx,
            )


def receiving_verb(art: Article, noun: Token) -> Token | None:
    """The verb of receipt whose subject undergoes what the noun names: its object
    ("received praise", "faced sanctions") or its "under" phrase ("came under
    criticism")."""
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "under":
        head = head.head
    elif noun.dep_ != "dobj":
        return None
    return head if head.pos_ == "VERB" and art.lexicon.is_cue(head, "receipt") else None


def refers_back(art: Article, trigger: Token, pattern: EventPattern, source_slot: Slot, target_slot: Slot) -> bool:
    """Whether a nominal trigger is a definite description of an event already told,
    with no argument of its own: "asked Honduras to explain the deployment",
    "condemned the attack", "after the strikes". Such a noun names no new happening
    (an anaphoric definite description of an event: Vieira & Poesio 2000, "An
    empirically based system for processing definite descriptions"; Lee et al. 2012
    on event coreference), so its actors could only be guessed from the place or the
    sentence around it and it would tell the same story twice. Its own arguments keep
    it: a possessor or actor modifier ("Syria's strikes", "the US deployment", "its
    deployment": a possessive pronoun names its doer), a filled slot, which includes
    the subject of its support verb ("Syria launched the strikes") and a target from
    a governed infinitive or a joined act, a preposition phrase other than a date
    ("the deployment of 275 personnel", "the war for Idlib", "the attack in Kabul":
    what it names is said, not guessed), a number ("the two attacks") or a clause of
    its own ("the attack that killed 40"). An indefinite noun ("a deployment of troops") introduces its
    event and is never one."""
    if pattern.pos != "NOUN" or source_slot.filled or target_slot.filled:
        return False
    children = list(trigger.children)
    if not any(c.dep_ == "det" and c.lower_ in DEFINITE_DETERMINERS for c in children):
        return False
    own = any(c.dep_ in OWN_ARGUMENT_DEPS or _has_phrase_object(c) for c in children)
    return not own and not owner_parties(art, trigger)


def _has_phrase_object(preposition: Token) -> bool:
    """A preposition phrase other than a date: "of 275 personnel", "for Idlib
    province", "in Kabul", but not "on Sunday"."""
    return preposition.dep_ == "prep" and any(
        o.dep_ in ("pobj", "pcomp") and o.ent_type_ not in TIME_ENTITIES for o in preposition.children)


def explaining_doers(art: Article, trigger: Token, pattern: EventPattern) -> list[Party]:
    """Who did what a passive leaves without a doer, when a "when", "as" or "after"
    clause of it tells the act that did it: "three people were killed when rioters
    threw petrol bombs at a bank" (the rioters kill; CAMEO codes the act's doer as the
    source of what it caused). Only an act of the same quad class, whose doer is named."""
    if trigger.pos_ != "VERB" or not is_passive(trigger) or logical_subject(art, trigger) is not None:
        return []
    for clause in (c for c in trigger.children if c.dep_ == "advcl" and c.pos_ == "VERB"):
        if not any(w.dep_ in ("advmod", "mark") and w.lower_ in EXPLAINING_WORDS for w in clause.children):
            continue
        act = matched_pattern(art, clause)
        subject = logical_subject(art, clause) if act is not None and act.quad == pattern.quad else None
        if subject is not None:
            doers = parties_of(art, subject)
            if doers:
                return doers
    return []


def reporting_authority(art: Article, trigger: Token, pattern: EventPattern, where: Place | None) -> list[Party]:
    """Who made an arrest a passive leaves without a doer: the state that reports it
    ("two men were held on suspicion of spying, Turkish police said"), else the state
    where it was made ("hundreds of protesters were arrested in Minsk"): arrests,
    bans and curfews are the authorities' acts (CAMEO 17), coded as the police of
    the place."""
    if pattern.type != "COERCE" or not is_passive(trigger) or any(c.dep_ == "agent" for c in trigger.children):
        return []
    claimed = claimant(art, trigger.idx)
    actor = art.actor(claimed) if claimed else None
    if actor is not None and actor.kind in ("country", "government"):
        return [Party(actor.id, actor.name, trigger.idx, group=True)]
    if not any(names_people(art, head) for head in objects(trigger)):
        return []  # "websites banned in Russia": who banned them is not said
    country = art.country_id(where.country) if where is not None and where.country else None
    return [Party(country, where.name, where.start, group=True)] if country else []


def refusals_in(art: Article, trigger: Token, event: Event) -> list[tuple[Token, Event]]:
    """Cooperation (quad 1, 2) its doer will or would not undertake ("said it would
    never negotiate with", "will not extradite"), or has no intention or plan to
    ("has no intention of negotiating"), is also the doer's refusal, CAMEO 12: a
    REJECT of the same parties, named by the negating word and placed before the
    negated event (a past "did not send" is no refusal)."""
    if event.quad_class not in (1, 2) or event.type == REFUSAL:
        return []
    negation = None
    if event.polarity == "negated" and event.modality in REFUSING_MODALITIES:
        negation = negating_word(art.lexicon, trigger)
    negation = negation or disowned_intent(art, trigger)
    if negation is None:
        return []
    return [(trigger, replace(event, type=REFUSAL, cameo="12", quad_class=3, polarity="asserted",
                              trigger=negation.text, trigger_start=negation.idx))]


def negating_word(lexicon: EventLexicon, trigger: Token) -> Token | None:
    """The "not" or "never" that negates the trigger or a word above it whose frame it shares."""
    for word in (trigger, *(head for head, own, _ in frame_chain(lexicon, trigger) if own)):
        found = next((c for c in word.children if c.dep_ in ("neg", "advmod") and lexicon.is_cue(c, "negation")), None)
        if found is not None:
            return found
    return None


def disowned_intent(art: Article, trigger: Token) -> Token | None:
    """The negated word of intent that frames the trigger ("has *no intention* of
    negotiating", "does *not plan* to resume talks"), as its negating word; not a word
    that is an event of its own ("did not agree to": coded_as makes it a refusal)."""
    for head, _, _ in frame_chain(art.lexicon, trigger):
        if art.lexicon.is_cue(head, "nonfactive") and art.lexicon.is_cue(head, "future") \
                and negation_count(art.lexicon, head, own=True) and matched_pattern(art, head) is None:
            determiner = next((c for c in head.children if c.dep_ == "det" and art.lexicon.is_cue(c, "negation")), None)
            return determiner or negating_word(art.lexicon, head) or head
    return None


def demands_in(art: Article, trigger: Token, event: Event) -> list[tuple[Token, Event]]:
    """What someone says another must or should do is a demand of them (CAMEO 10):
    "Egypt said Israel must withdraw its troops" is also Egypt's REQUEST to Israel,
    placed at the verb of saying. Nothing when the speaker is the doer ("Iran said
    it should ...") or the verb of saying is an event of its own ("urged")."""
    speech = trigger.head
    if trigger.dep_ != "ccomp" or not art.lexicon.is_cue(speech, "speech") or matched_pattern(art, speech):
        return []
    if not any(c.dep_ == "aux" and art.lexicon.is_cue(c, "obligation") for c in trigger.children):
        return []
    subject = logical_subject(art, speech)
    speakers = [p for p in parties_of(art, subject) if p.actor_id != event.source_id
                and country_of(art, p.actor_id) != event.source_id] if subject is not None else []
    if not speakers or event.source_id is None:
        return []
    reading = read_frame(art, speech)
    return [(speech, replace(
        event, type="REQUEST", cameo="10", quad_class=3, trigger=speech.text, trigger_start=speech.idx,
        source_id=speaker.actor_id, source_text=speaker.text,
        target_id=event.source_id, target_text=event.source_text,
        polarity="negated" if reading.negated else "asserted", modality=reading.modality,
        attributed_to=claimant(art, speech.idx),
    )) for speaker in speakers]


def located(art: Article, slot: Slot, where: Place | None) -> list[Party]:
    """People named only by what they are ("police", "thousands of nurses", "a
    hotel") are of the country where the event happens: "Police arrested dozens of
    activists in Cairo", "nurses went on strike across Britain"; an event noun
    ("the attack killed") is nobody."""
    head = slot.head
    if head is None or head.pos_ != "NOUN" or where is None or not where.country or art.lexicon.candidates(head):
        return []
    if any(c.ent_type_ in ("NORP", "GPE", "ORG", "PERSON") for c in head.lefts):
        return []  # named as someone's, though no actor: "the Yugoslav army", "Scottish police"
    country = art.country_id(where.country)
    return [Party(country, slot.text or head.text, head.idx, group=True)] if country else []


def belonging(art: Article, slot: Slot, attacked: list[Party]) -> list[Party]:
    """People named only by a role or sector ("police", "protesters", "the
    government") with no place of the event to go by belong to the country of the
    places the sentence names ("Police fired tear gas at a rally near a Nairobi
    market"), else to the article's dominant country (``Article.dominant``): event
    coders code unidentified actors by the state the story is about (Schrodt 2012,
    CAMEO manual, on agents without a nationality); attackers are not taken to be
    of the country they attack ("a suicide bomber rammed a car into the Pakistani
    embassy"). Not words naming someone's people without an actor ("the Yugoslav
    army", "whose army"), nor event nouns."""
    head = slot.head
    if head is None or head.pos_ != "NOUN" or (art.lexicon.candidates(head) and not art.lexicon.is_cue(head, "people")):
        return []  # an event noun: "the attack of rebels"; not "the opposition"
    if any(c.ent_type_ in ("NORP", "GPE", "ORG", "PERSON") or c.dep_ == "poss" for c in head.lefts):
        return []  # someone's people, though not an actor: "the Yugoslav army", "whose army"
    code = sentence_place_country(art, head)
    if code is None and art.dominant not in {actor_code(art, p.actor_id) for p in attacked}:
        code = story_country(art, head)
    country = art.country_id(code) if code else None
    return [Party(country, slot.text or head.text, head.idx, group=True)] if country else []


def story_country(art: Article, token: Token) -> str | None:
    """The article's dominant country, unless it is the subject of a clause in the
    token's sentence, where it is another party, not the setting ("militants stormed
    a checkpoint after the US carried out a strike"; but "farmers protested against
    the Indian government's law")."""
    sentence = token.sent
    acting = any(
        m.start >= sentence.start_char and m.end <= sentence.end_char and actor_code(art, m.actor_id) == art.dominant
        and _is_subject(art.doc.char_span(m.start, m.end, alignment_mode="expand"))
        for m in art.mentions)
    return None if acting else art.dominant


def _is_subject(span: Span | None) -> bool:
    if span is None:
        return False
    root = span.root
    if root.dep_ in ("amod", "compound"):
        root = root.head
    return root.dep_ in SUBJECT_DEPS


def sentence_place_country(art: Article, token: Token) -> str | None:
    """The country of the places the token's sentence names, outside a dateline,
    when they agree: towns and regions first, a country named as a place only when
    the sentence names no other place, and only where it is named as a place ("arrested
    at a California airport before he could board a flight to China": the United
    States; "rallies in US cities"; not "the US" of "was accused by the US")."""
    sentence = token.sent
    opening = dateline_end(sentence)
    begin = art.doc[opening].idx if opening is not None else sentence.start_char
    inside = [(p, _named_country(art, p)) for p in art.places
              if begin <= p.start and p.end <= sentence.end_char and p.country]
    local = [p for p, span in inside if span is None]
    countries = [p for p, span in inside if span is not None and _named_as_place(span)]
    codes = {p.country for p in (local or countries)}
    return codes.pop() if len(codes) == 1 else None


def _named_as_place(span: Span) -> bool:
    """The object of a locative preposition, or a word before one: "in Iraq", "in US cities"."""
    root = span.root
    if root.dep_ in ("compound", "amod", "nmod"):
        root = root.head
    return locative_preposition(root) is not None


def _named_country(art: Article, place: Place) -> Span | None:
    """The words of a place that name a country (an actor of the article), if they do."""
    span = art.doc.char_span(place.start, place.end, alignment_mode="expand")
    mention = art.mention_at[span.start] if span is not None else None
    actor = art.actor(mention.actor_id) if mention is not None else None
    return span if actor is not None and actor.kind == "country" else None


def names_people(art: Article, head: Token | None) -> bool:
    """Whether a doer's words that name no actor still name people who act: a name
    ("Abu Sayyaf"), a group ("rebels", "thousands of protesters", "thousands" as a
    subject) or a title ("the foreign minister")."""
    if head is None or head.pos_ == "PRON":
        return False
    if head.pos_ == "PROPN" and head.ent_type_ in ("PERSON", "ORG", "NORP"):
        return True
    if head.dep_ == "nsubj" and art.lexicon.is_cue(head, "crowd"):  # "thousands rallied"
        return True
    of = [o for p in head.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
    return any(art.lexicon.is_cue(word, "people") or word.lower_ in title_words() for word in (head, *of))


def unnamed_target(art: Article, slot: Slot, where: Place | None, doers: list[Party], kind: str) -> list[Party]:
    """Someone acted on who is named only by a role or a group that is no actor of
    the article ("sentenced the former Prime Minister", "demanded that the government
    publish", "bombed Kurdish fighters in northeast Syria", "interned a million
    Uighurs") belongs to the country where the event happens, else to the doer's own
    country: the GSR's (and CAMEO coders') convention of coding unnamed people by the
    state the sentence is about. What such people own stands for them ("hailed the
    army's victory"). Those a doer attacks are not taken to be its own ("Israeli
    strikes killed 12 fighters"). The doer's country is not assumed for people named
    by a nationality or name ("cooperated with Ecuadorian troops"); nothing when that
    would make the target the doer itself (a doer named by "it")."""
    head = next((o for o in slot.head.children if o.dep_ in ("poss", "compound") and names_people(art, o)
                 and not names_people(art, slot.head)), slot.head)
    if not names_people(art, head):  # "the army's victory" is the army's, "opposition rallies" the opposition's
        return []
    code = where.country if where is not None and where.country else sentence_place_country(art, slot.head)
    country = art.country_id(code) if code else None
    foreign = _named_as_someones(head) or art.lexicon.is_cue(head, "foreign")  # "expelled three diplomats"
    codes = {c for p in doers if (c := actor_code(art, p.actor_id))}
    if country is None and kind != "ASSAULT" and not foreign:
        country = art.country_id(codes.pop()) if len(codes) == 1 else None
    if country is None and not foreign and (kind != "ASSAULT" or art.dominant not in codes):
        code = story_country(art, head)  # the attacked are not taken to be the attacker's own
        country = art.country_id(code) if code else None
    if country is None:
        return []
    party = Party(country, slot.text or slot.head.text, slot.head.idx, group=True)
    return [] if _is_doer(party, doers) else [party]


def _named_as_someones(head: Token) -> bool:
    """Whether a nationality or place modifies the words ("Ecuadorian troops"); the
    name of a body that is no actor does not ("the Supreme Court judges")."""
    return any(c.ent_type_ in ("NORP", "GPE") for c in head.lefts)


def actor_code(art: Article, actor_id: str) -> str | None:
    """The ISO code of an actor's country, or of the body it belongs to."""
    return country_code(art.actors, actor_id)


def country_code(actors: dict[str, Actor], actor_id: str) -> str | None:
    actor = actors.get(actor_id)
    if actor is None:
        return None
    owner = actors.get(actor.affiliation) if actor.affiliation else None
    return actor.country or (owner.country if owner else None)


def protested_state(art: Article, where: Place | None, doers: list[Party]) -> list[Party]:
    """A protest that names nothing it is against is against the state where it
    happens, else the protesters' own ("thousands marched in Seoul", "Lebanese
    students staged a sit-in"): CAMEO coders' convention of coding a domestic protest
    as aimed at its government (Schrodt 2012, CAMEO manual, 14). Only for protesters
    who are people or groups, not a state itself."""
    if not doers or any(not d.group and (actor := art.actor(d.actor_id)) is not None and actor.kind == "country"
                        for d in doers):
        return []
    codes = {c for d in doers if (c := actor_code(art, d.actor_id))}
    code = where.country if where is not None and where.country else (codes.pop() if len(codes) == 1 else None)
    country = art.country_id(code) if code else None
    if country is None:
        return []
    text, start = (where.name, where.start) if where is not None and where.country == code else (doers[0].text, doers[0].start)
    return [Party(country, text, start, group=True)]


def where_it_happens(art: Article, where: Place | None, doers: list[Party]) -> list[Party]:
    """A material event that names nobody it is done to is done to the country where
    it happens ("carried out air strikes near Damascus"), unless that is the doer's own."""
    country = art.country_id(where.country) if where is not None and where.country else None
    if country is None or any(p.actor_id == country for p in doers):
        return []
    return [Party(country, where.name, where.start, group=True)]


def coded_as(art: Article, trigger: Token, pattern: EventPattern, reading: Reading,
             doers: list[Party]) -> tuple[str, str, int]:
    """(type, CAMEO root, quad class) of a matched event: the pattern's, except for
    what its doer only states it will do (CAMEO's own distinction between doing and
    expressing an intent): cooperation the doer agrees, offers, promises or is ready
    to undertake, or says it will or would undertake, is an intent to cooperate
    ("agreed to release the prisoners", "said it would provide aid": CAMEO 03); a
    hostile act the doer vows or warns it will do, or says it will or would do, is a
    threat ("vowed to attack", "warned it would impose sanctions", "said it would
    retaliate", "said it would expel the diplomats if ...": CAMEO 13), and so is a vow
    or pledge to do harm ("vowed to continue attacks", "vowed further attacks"), and
    not ruling out a hostile act ("did not rule out military action", "refused to
    rule out a strike"). Deployments stay what they are."""
    if pattern.type == "AGREE" and not reading.negated and art.lexicon.is_cue(trigger, "menace") \
            and governs_hostile_act(art, trigger):
        return "THREATEN", "13", 3
    if pattern.type == "REJECT" and keeps_force_open(art, trigger, reading.negated):
        return "THREATEN", "13", 3
    if reading.negated and pattern.type == "AGREE" and art.lexicon.is_cue(trigger, "acceptance"):
        return "REJECT", "12", 3  # "would not accept the terms" is a refusal
    if reading.negated or pattern.type in ("AGREE", "THREATEN", "REQUEST", "MOBILIZE"):
        return pattern.type, pattern.cameo, pattern.quad
    said = trigger.dep_ == "ccomp" and art.lexicon.is_cue(trigger.head, "speech") and _same_doer(art, trigger.head, doers)
    governing = [head for head, _, via in frame_chain(art.lexicon, trigger) if via == "xcomp"]
    if trigger.dep_ == "ccomp" and _same_doer(art, trigger.head, doers):
        governing.append(trigger.head)  # "warned that it would attack"
    if pattern.quad in (1, 2):
        if any(is_stated_intent(art, head, "intent") for head in governing) or (
                said and reading.modality in ("future", "hypothetical")):
            return "AGREE", "03", 1
    elif any(is_stated_intent(art, head, "menace") for head in governing) or (
            said and pattern.quad == 4 and reading.modality in ("conditional", "future", "hypothetical")):
        return "THREATEN", "13", 3
    return pattern.type, pattern.cameo, pattern.quad


def _is_state(art: Article, party: Party) -> bool:
    """Whether the party is a country or its government itself, not people of it
    ("Georgians")."""
    actor = art.actor(party.actor_id)
    if party.group or actor is None or actor.kind not in ("country", "government"):
        return False
    named = art.doc.char_span(party.start, party.start + len(party.text), alignment_mode="expand")
    return named is None or named.root.ent_type_ != "NORP"


def state_complaint(art: Article, trigger: Token, pattern: EventPattern, doers: list[Party]) -> tuple[str, str, int] | None:
    """A state that protests something (the `complaint` cues) complains of it (CAMEO
    114): states do not march ("Britain protested the expulsion of its diplomats")."""
    if pattern.type == "PROTEST" and art.lexicon.is_cue(trigger, "complaint") and doers \
            and all(_is_state(art, p) for p in doers):
        return "ACCUSE", "11", 3
    return None


def charged_state(art: Article, trigger: Token, targets: list[Party]) -> tuple[str, str, int] | None:
    """A state "charged with" something (the `charge` cues) is accused of it (CAMEO
    112), not arrested: people are charged before a court, states only by words
    ("charged Britain with meddling")."""
    if not art.lexicon.is_cue(trigger, "charge") or not targets:
        return None
    return ("ACCUSE", "11", 3) if all(_is_state(art, t) for t in targets) else None


def keeps_force_open(art: Article, trigger: Token, negated: bool) -> bool:
    """Whether a refusal is one not to exclude a hostile act, a threat (CAMEO 13):
    "did not rule out military action", "refused to rule out a strike"."""
    if trigger.lemma_ == "rule":
        return negated and _names_hostile_act(art, objects(trigger))
    ruled = [c for c in trigger.children if c.dep_ == "xcomp" and c.lemma_ == "rule"
             and any(p.dep_ == "prt" for p in c.children)]
    return not negated and any(_names_hostile_act(art, objects(verb)) for verb in ruled)


def _names_hostile_act(art: Article, words: list[Token]) -> bool:
    """Whether one of the words triggers a hostile act (quad 3-4, not a deployment)."""
    for word in words:
        pattern = matched_pattern(art, word)
        if pattern is not None and pattern.quad in (3, 4) and pattern.type != "MOBILIZE":
            return True
    return False


def governs_hostile_act(art: Article, verb: Token) -> bool:
    """Whether the verb governs a hostile act (quad 3-4, not a deployment), named by
    its object ("vowed further attacks"), by the verb under it or by that verb's
    object ("vowed to continue attacks")."""
    if _names_hostile_act(art, [c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "NOUN"]):
        return True
    for governed in verb.children:
        if governed.pos_ != "VERB" or not (governed.dep_ == "xcomp" or _is_infinitive_clause(governed)):
            continue
        nouns = [c for c in governed.children if c.dep_ == "dobj"] if art.lexicon.is_cue(governed, "support") else []
        if _names_hostile_act(art, [governed, *nouns]):
            return True
    return False


def matched_pattern(art: Article, token: Token) -> EventPattern | None:
    """The pattern a word triggers, if any (as in :func:`find_triggers`)."""
    for pattern in art.lexicon.candidates(token):
        if matched_needs(token, pattern.needs) is not None:
            return pattern if pattern.type is not None else None
    return None


def is_stated_intent(art: Article, word: Token, section: str) -> bool:
    """A word of intent that states it ("was willing to", "agreed to", "vowed to"),
    not one asked about ("asked if Iran was prepared to")."""
    if not art.lexicon.is_cue(word, section) or is_negated(art.lexicon, word):
        return False  # "did not agree to release" states no intent
    return not (_is_question(word) or _is_question(word.head))


def _same_doer(art: Article, verb: Token, doers: list[Party]) -> bool:
    """Whether the one who speaks (or warns) is the event's doer or speaks for it."""
    speaker = _claimer_id(art, verb)
    ids = {p.actor_id for p in doers}
    return speaker is None or not ids or speaker in ids or country_of(art, speaker) in ids


def fill_target(art: Article, trigger: Token, pattern: EventPattern, needs: list[Token], doers: Slot) -> Slot:
    """The target slot, never the doer itself ("recalled its ambassador to X"); a verb
    with none takes the one of the verb it governs ("offered to hand over suspects to
    Britain", "threatened to launch missiles at American bases", "scrambled jets to
    intercept the bombers"; for a hostile act, the people it is done to, though no actor:
    "vowed to crush the rebels"), and so does a noun ("a threat to use force against
    Armenia") — but not a cooperative verb with an object of its own,
    whose object is the one helped ("trained 60 fighters to fight IS": the fighters
    fight IS; the trainer helps the fighters, not IS). What an accusation condemns,
    when it is an act whose doer is named, is aimed at that doer ("condemned the
    killing of three villagers by Ugandan troops": at the troops)."""
    skip, slots = doers.parties, pattern.target
    accused = accused_doers(art, trigger, pattern, needs, skip) or questioned_doers(art, trigger, pattern, skip)
    if accused is not None:
        return accused
    found = fill(art, trigger, slots, needs, skip)
    if found.parties:
        return found
    if pattern.quad in (1, 2) and trigger.pos_ == "VERB" and any(
            c.dep_ in ("dobj", "obj") and c not in needs for c in trigger.children):
        return found
    people = None  # the people a governed hostile act is done to, when no actor is: "vowed to crush the rebels"
    # a pattern's own noun governs the act too: "expressed willingness to meet Turkey"
    intended = [c for n in needs if n.pos_ == "NOUN" for c in n.children if _is_infinitive_modifier(c)]
    for governed in (*trigger.children, *intended):
        if governed.pos_ == "VERB" and (governed.dep_ == "xcomp" or _is_infinitive_clause(governed)
                                        or _is_gerund_clause(governed) or governed in intended
                                        or (trigger.pos_ != "VERB" and _is_infinitive_modifier(governed))):
            inner = fill(art, governed, (*slots, *GOVERNED_TARGET_SLOTS), [], skip)
            if inner.parties:
                return inner
            if people is None and inner.head is not None and names_people(art, inner.head) \
                    and matched_pattern(art, inner.head) is None \
                    and (act := matched_pattern(art, governed)) is not None \
                    and act.quad in (3, 4):  # those threatened, not those freed nor an act
                people = inner
    if found.filled:
        return found
    return joined_target(art, trigger, pattern, skip) or answered_doers(art, trigger, skip) or people or found


def accused_doers(art: Article, trigger: Token, pattern: EventPattern, needs: list[Token],
                  skip: Sequence[Party]) -> Slot | None:
    """The named doers of the act an accusation's object names (CAMEO codes the one
    blamed as the target of 11), or None."""
    if pattern.type != ACCUSATION:
        return None
    for head in slot_heads(art, trigger, "object", needs):
        act = matched_pattern(art, head) if head.pos_ == "NOUN" else None
        if act is not None and act.type != ACCUSATION:
            doers = fill(art, head, act.source, [], skip)
            if doers.parties:
                return doers
    return None


def answered_doers(art: Article, trigger: Token, skip: Sequence[Party]) -> Slot | None:
    """Whom a response is aimed at, when it names no one: the named doers of the
    hostile act it answers ("retaliated for the rocket attacks by Hamas", "vowed to
    avenge the killing of their commander by Israeli troops"), or None."""
    verbs = [trigger, *(c for c in trigger.children if c.dep_ == "xcomp" and c.pos_ == "VERB")]
    for verb in (v for v in verbs if art.lexicon.is_cue(v, "response")):
        for noun in (*objects(verb), *preposition_objects(verb, ANSWERED)):
            act = matched_pattern(art, noun) if noun.pos_ == "NOUN" else None
            doers = fill(art, noun, act.source, [], skip) if act is not None and act.quad in (3, 4) else None
            if doers is not None and doers.parties:
                return doers
    return None


def questioned_doers(art: Article, trigger: Token, pattern: EventPattern, skip: Sequence[Party]) -> Slot | None:
    """Who an investigation asks about: the subject of its "whether" or "if" clause
    ("investigating whether the campaign colluded with Russia": the campaign, not
    Russia; "an inquiry into whether troops fired on protesters": the troops), or None."""
    if pattern.type != ACCUSATION:
        return None
    holders = [trigger, *(c for c in trigger.children if c.dep_ == "prep")]
    for clause in (c for holder in holders for c in holder.children if c.dep_ in ("ccomp", "pcomp")):
        if not any(m.dep_ == "mark" and m.lower_ in QUESTION_MARKS for m in clause.children):
            continue
        subject = logical_subject(art, clause)
        doers = [p for p in parties_of(art, subject) if not _doers_own(art, p, skip)] if subject is not None else []
        if doers:
            return Slot(doers, doers[0].text, True, False)
    return None


def joined_target(art: Article, trigger: Token, pattern: EventPattern, skip: Sequence[Party]) -> Slot | None:
    """The target of an act of the same kind joined to one that names none: "opened
    fire in Seattle and wounded five people", "a mortar strike that killed 40
    Palestinians"."""
    joined = [c for c in trigger.children if c.dep_ == "conj" and c.pos_ == "VERB"
              and not any(s.dep_ in SUBJECT_DEPS for s in c.children)]
    joined += [c for c in trigger.children if c.dep_ == "relcl" and c.pos_ == "VERB"
               and any(s.dep_ == "nsubj" and s.lower_ in RELATIVE_PRONOUNS for s in c.children)]
    for verb in joined:
        other = matched_pattern(art, verb)
        if other is not None and other.quad == pattern.quad:
            inner = fill(art, verb, other.target, [], skip)
            if inner.filled:
                return inner
    return None


def _is_infinitive_modifier(verb: Token) -> bool:
    """"to use" of a noun: "a threat to use force against Armenia"."""
    return verb.dep_ == "acl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _is_gerund_clause(verb: Token) -> bool:
    """A gerund the parser made a clause of its own, with no subject or conjunction:
    "ruled out extraditing the commander to the United States"."""
    return verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.i == verb.head.i + 1 + sum(
        1 for c in verb.head.children if c.dep_ == "prt" and c.i < verb.i) and not any(
        c.dep_ in ("mark", *SUBJECT_DEPS) for c in verb.children)


def _is_infinitive_clause(verb: Token) -> bool:
    """"to destroy" parsed as a clause of its own ("threatened on Sunday to destroy")."""
    return verb.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def fill(art: Article, trigger: Token, slots: tuple[str, ...], needs: list[Token],
         skip: Sequence[Party] = ()) -> Slot:
    """The actors of the first slot that names one (other than those to skip); else
    no actors and the words of the first slot that has any. A slot's words that name
    no actor may still say whose they are: "dozens of Somali nationals", "a request
    from Jordan", "talks with India", "a market in Yemen" (see :func:`phrase_parties`).
    Words naming people end the search: "shot three people at a building in Detroit"
    hit the people, not the building."""
    first_text, first_head = None, None
    for slot in slots:
        if slot == "conjunct":  # read by split_pairs
            continue
        if slot == "owner":
            if _owned_by_support_subject(art, trigger):
                continue
            parties = [p for p in owner_parties(art, trigger) if not _doers_own(art, p, skip)]
            if parties:
                return Slot(parties, parties[0].text, True, len(parties) == 2 and _hyphenated(art, parties))
            continue
        for head in slot_heads(art, trigger, slot, needs):
            if head.ent_type_ in TIME_ENTITIES and art.mention_at[head.i] is None:
                continue  # "opened fire on Friday", but not a country taken for a date ("out of Niger")
            if head.pos_ == "PRON" and head.lower_.endswith(("self", "selves")) and slot != "subject":
                continue  # "blew himself up in a mosque": the act is done to no one named
            parties = [p for p in parties_of(art, head) if not _doers_own(art, p, skip)]
            if not parties and slot != "subject":
                parties = [p for p in phrase_parties(art, head, TARGET_PHRASES) if not _doers_own(art, p, skip)]
            if parties:
                return Slot(parties, parties[0].text, True, "between" in slot.split("|"))
            if names_people(art, head):  # "shot three people at a building in Detroit"
                return Slot([], surface(head), True, False, head)
            if first_text is None:
                first_text, first_head = surface(head), head
    return Slot([], first_text, first_text is not None, False, first_head)


def _owned_by_support_subject(art: Article, noun: Token) -> bool:
    """A possessive pronoun on a support verb's object is that verb's subject: in
    "the US carried out its first air strike on the Taliban", "its" is the US's."""
    if not any(c.dep_ == "poss" and c.pos_ == "PRON" for c in noun.children):
        return False
    verb = support_verb(art, noun)
    return verb is not None and logical_subject(art, verb) is not None


def same_actor(doer: Party, other: Party) -> bool:
    """Whether two parties are the doer itself on both sides: the same actor, unless
    named apart as people of it ("Iranian police arrested Iranian students", "rebels
    in Darfur attacked a Sudanese army convoy"); words that refer back ("recalled its
    ambassador") never name anyone apart."""
    if doer.actor_id != other.actor_id:
        return False
    return doer.anaphoric or other.anaphoric or not (doer.group or other.group)


def _is_doer(party: Party, doers: Sequence[Party]) -> bool:
    return any(same_actor(doer, party) for doer in doers)


def _doers_own(art: Article, party: Party, doers: Sequence[Party]) -> bool:
    """The doer itself, or its own country referred back to ("Shoukry pledged *his
    country's* support for Libya": Egypt is the one who pledges, not the one helped)."""
    return _is_doer(party, doers) or party.anaphoric and any(
        country_of(art, doer.actor_id) == party.actor_id for doer in doers)


@dataclass(slots=True)
class Slot:
    """What fills a source or target slot."""

    parties: list[Party]
    text: str | None  # the words naming the first party, or the slot's words
    filled: bool  # the slot has words, actors or not
    paired: bool  # actors named as a pair: "between Iran and the US", "US-Iran"
    head: Token | None = None  # the slot's head word, when it names no actor


def split_pairs(sources: Slot, targets: Slot, mutual: bool) -> tuple[list[Party], list[Party]]:
    """Actors named as a pair with nobody on the other side ("talks between Iran and
    the US", "US-Iran cooperation", and for mutual events "Egypt and Israel held
    talks"): the first is the doer, the others the targets."""
    if (sources.paired or mutual) and not targets.parties and len(sources.parties) > 1:
        return sources.parties[:1], sources.parties[1:]
    if targets.paired and not sources.parties:
        return targets.parties[:1], targets.parties[1:]
    return sources.parties, targets.parties


def slot_heads(art: Article, trigger: Token, slot: str, needs: list[Token]) -> list[Token]:
    """The head words filling a slot of the trigger."""
    if slot == "subject":
        subject = logical_subject(art, trigger) if trigger.pos_ == "VERB" else None
        return [subject] if subject is not None else []
    if slot == "object":
        return objects(trigger)
    if slot == "dative":  # of a noun, its support verb's: "gave the government an ultimatum"
        holder = support_verb(art, trigger) if trigger.pos_ != "VERB" else trigger
        return [c for c in holder.children if c.dep_ == "dative" and c.pos_ != "ADP"] if holder is not None else []
    if slot == "support":
        verb = support_verb(art, trigger)
        subject = logical_subject(art, verb) if verb is not None else None
        return [subject] if subject is not None else []
    if slot == SPEAKER_SLOT:  # "Israel warned that Hezbollah would pay a heavy price"
        speech = speech_above(art, trigger)
        subject = logical_subject(art, speech) if speech is not None else None
        return [subject] if subject is not None else []
    if slot == "clause":  # "demanded that Ethiopia stop", "charged that Colombia was"
        return [s for c in trigger.children if c.dep_ == "ccomp" for s in c.children if s.dep_ in SUBJECT_DEPS]
    words = frozenset(slot.split("|"))
    holders = [trigger, *needs]
    if trigger.pos_ == "VERB" and "of" not in words:  # the parser often hangs the phrase on the object:
        held = [o for o in objects(trigger) if o not in needs and o.pos_ == "NOUN"]  # "broke off talks with X"
        # or on the object's own phrase, last: "shared information about the bombers with German police"
        topics = [p for o in (*held, *needs) if o.pos_ == "NOUN" for p in preposition_objects(o, ABOUT)]
        holders += held + [p for p in topics if p.pos_ in ("NOUN", "PROPN")]
    if trigger.pos_ != "VERB" and (verb := support_verb(art, trigger)) is not None:
        holders.append(verb)  # "made an offer to Iran", "lodged a complaint with Uganda"
    heads = [o for holder in holders for o in preposition_objects(holder, words)]
    if "by" in words:  # "the campaign ... led by the United States"
        heads += [o for c in trigger.children if c.dep_ == "acl" for o in preposition_objects(c, words)]
        if trigger.pos_ == "NOUN":  # the parser hangs the doer on the noun's "of" or on the active verb
            heads += [b for o in preposition_objects(trigger, OF) for b in preposition_objects(o, BY)]  # "the killing of X by Y"
            if trigger.dep_ == "dobj" and not is_passive(trigger.head):  # "condemned the killing of X by Y"
                heads += [b for b in preposition_objects(trigger.head, BY) if b.dep_ == "pobj"]
    return heads


def speech_above(art: Article, trigger: Token) -> Token | None:
    """The verb of saying or warning whose clause holds the trigger ("Russia *said*
    Ukraine would face consequences", "Israel *told* Hezbollah it would pay")."""
    word = trigger
    while word.dep_ in ("ccomp", "conj", "advcl") and word.head.i != word.i:
        word = word.head
        if art.lexicon.is_cue(word, "speech") or art.lexicon.is_cue(word, "menace"):
            return word
    return None


def objects(verb: Token) -> list[Token]:
    if is_passive(verb):
        if verb.dep_ == "acl":
            return [verb.head]
        own = [c for c in verb.children if c.dep_ == "nsubjpass"]
        return own or [c for v in passive_conjuncts(verb) for c in v.children if c.dep_ == "nsubjpass"]
    return [c for c in verb.children if c.dep_ == "dobj"] or infinitive_subjects(verb) \
        or participle_subjects(verb) or misparsed_objects(verb)


def participle_subjects(verb: Token) -> list[Token]:
    """The subject the parser gave a participle clause right after the verb, which is
    the verb's object: "killed 40 Palestinians sheltering in a school", "saw soldiers
    laying mines"."""
    return [
        s for c in verb.children
        if c.dep_ in ("advcl", "ccomp") and c.tag_ == "VBG" and c.i > verb.i
        for s in c.children if s.dep_ == "nsubj" and verb.i < s.i < c.i
    ]


def misparsed_objects(verb: Token) -> list[Token]:
    """An object the parser hung otherwise: a noun it made the verb's clause ("welcomed
    the US move"), or the noun a past tense with a subject of its own was made to
    modify ("Trump blamed Clinton", parsed as "blamed Clinton" with "blamed" an
    adjective)."""
    if verb.dep_ == "amod" and verb.tag_ in ("VBD", "VBN") and verb.i < verb.head.i \
            and any(c.dep_ == "nsubj" for c in verb.children):
        noun = verb.head
        while noun.dep_ == "compound" and noun.head.i > noun.i:
            noun = noun.head
        return [noun]
    return [c for c in verb.children if c.dep_ == "ccomp" and c.pos_ in ("NOUN", "PROPN")
            and not any(g.dep_ in SUBJECT_DEPS for g in c.children)]


def infinitive_subjects(verb: Token) -> list[Token]:
    """The subject the parser gave an infinitive clause of the verb, which is the
    verb's own object ("allowed inspectors to visit", "urged Syria to withdraw")."""
    return [
        s for c in verb.children
        if c.dep_ == "ccomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        for s in c.children if s.dep_ == "nsubj"
    ]


def preposition_objects(holder: Token, words: frozenset[str]) -> list[Token]:
    return [
        o for p in holder.children if p.dep_ in PREPOSITION_DEPS and p.lower_ in words
        for o in p.children if o.dep_ in ("pobj", "pcomp")
    ]


def is_passive(verb: Token) -> bool:
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        return not is_misparsed_main_verb(verb)
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return True
    # "was shot and killed by police": a bare participle joined to a passive is one
    return verb.dep_ == "conj" and verb.tag_ == "VBN" and verb.head.pos_ == "VERB" and is_passive(verb.head) \
        and not any(c.dep_ in SUBJECT_DEPS or c.dep_ == "aux" for c in verb.children)


def is_misparsed_main_verb(verb: Token) -> bool:
    """A past tense the parser hung on the noun before it as a participle, leaving
    the sentence without a verb: "Iranian commanders threatened on Sunday to destroy
    ...", "The minister accused Israel of ...". A participle with a "by" phrase or
    with nothing after it ("soldiers killed in an attack") stays a passive."""
    head = verb.head
    if verb.dep_ != "acl" or head.dep_ != "ROOT" or head.pos_ not in ("NOUN", "PROPN"):
        return False
    after = {c.dep_ for c in verb.children}
    return "agent" not in after and bool(after & {"dobj", "dative", "xcomp", "ccomp", "advcl"})


def support_verb(art: Article, noun: Token) -> Token | None:
    """The verb whose object the noun is, when its subject is the noun's doer: a
    support verb ("launched strikes", "engaged in talks"), a verb of intent or
    weighing ("plans an offensive", "would consider an alliance") or a verb of
    travel the noun is the purpose of ("flew to Harare for talks") or a verb of
    response it answers with ("responded with air strikes")."""
    head = noun.head
    manner = False
    if noun.dep_ == "pobj" and head.lower_ == "of" and art.lexicon.is_cue(head.head, "measure"):
        noun, head = head.head, head.head.head  # "made scores of arrests", "launched a wave of attacks"
    if noun.dep_ == "pobj" and head.lower_ == "for" and art.lexicon.is_cue(head.head, "deed"):
        noun, head = head.head, head.head.head  # "claimed responsibility for the bombing"
    if noun.dep_ == "pobj" and head.dep_ == "prep":
        manner = head.lower_ in ("in", "under")  # "came out in support of", "placed under arrest"
        # "travelled to Berlin for talks with", "arrived in Israel for meetings", "is on a visit to"
        manner = manner or (head.lower_ in ("for", "on") and (
            art.lexicon.is_cue(head.head, "motion") or head.head.lemma_ == "be"))
        manner = manner or (head.lower_ == "with" and art.lexicon.is_cue(head.head, "response"))  # "responded with strikes"
        head = head.head
    elif noun.dep_ not in ("dobj", "nsubjpass"):
        return None
    if head.pos_ != "VERB" and not (manner and head.lemma_ == "be"):
        return None
    return head if manner or art.lexicon.sections(head, ("support", "hypothetical", "future")) else None


def logical_subject(art: Article, verb: Token) -> Token | None:
    """Who does what the verb says: its subject, the "by" of a passive, or the
    subject it inherits."""
    if is_passive(verb):
        agents = [o for c in verb.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
        # a "by" the parser hung on a phrase of the verb: "threatened with force by X"
        agents += [o for c in verb.children if c.dep_ == "prep" for n in c.children if n.dep_ == "pobj"
                   for b in n.children if b.dep_ in ("agent", "prep") and b.lower_ == "by"
                   for o in b.children if o.dep_ == "pobj"]
        if not agents:  # one "by" for conjoined passives: "was shot and killed by police"
            agents = [o for v in passive_conjuncts(verb) for c in v.children if c.dep_ == "agent"
                      for o in c.children if o.dep_ == "pobj"]
        return agents[0] if agents else None
    return surface_subject(art, verb)


def passive_conjuncts(verb: Token) -> list[Token]:
    """The passives joined to a passive verb ("was shot and killed")."""
    joined = [c for c in verb.children if c.dep_ == "conj"]
    if verb.dep_ == "conj":
        joined.append(verb.head)
    return [v for v in joined if v.pos_ == "VERB" and is_passive(v)]


def surface_subject(art: Article, verb: Token, depth_left: int = 6) -> Token | None:
    own = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
    if own is None and verb.head.i == verb.i:
        own = misplaced_subject(verb)
    end = dateline_end(verb.sent) if own is not None else None
    if end is not None and own.i < end:  # "KABUL (Reuters) - The United States ... carried out"
        own = next((c for c in (*verb.children, *own.children) if c.i > end and c.dep_ in (*SUBJECT_DEPS, "appos")), None)
    if own is not None or depth_left == 0 or verb.head.i == verb.i:
        return own
    head, dep = verb.head, verb.dep_
    if dep == "xcomp":
        controller = next((c for c in head.children if c.dep_ == "dobj"), None)
        return controller or _subject_through(art, head, depth_left)
    if dep in ("conj", "advcl"):
        return _subject_through(art, head, depth_left)
    if dep == "pcomp" and head.pos_ == "ADP":  # "in sending", "as rejecting", "commitment to fighting"
        governor = head.head
        controller = next((c for c in governor.children if c.dep_ == "dobj"), None)
        if controller is not None and head.lower_ in OBJECT_CONTROL_PREPOSITIONS:
            return controller  # "blamed the US for funding", "accused X of arming"
        return _subject_through(art, governor, depth_left)
    if is_misparsed_main_verb(verb):
        return head
    if dep == "acl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return _subject_through(art, head, depth_left)  # "approved a plan to release", "Iran's offer to mediate"
    if dep == "acl" and verb.tag_ == "VBG":  # "militias battling ISIS"; "experience aiding" -> who has it
        return head if parties_of(art, head) or head.dep_ not in ("dobj", "attr") else _subject_through(art, head.head, depth_left)
    return None


def dateline_end(sentence: Span) -> int | None:
    """The dash closing a dateline that opens the sentence ("KABUL (Reuters) -",
    "Washington (AFP) –", "BEIRUT -"): the place there is no doer."""
    for token in sentence[:DATELINE_WORDS]:
        if token.text in DASHES:
            before = sentence[:token.i - sentence.start]
            capitals = len(before) > 0 and before[0].text.isupper() and len(before[0].text) > 1
            agency = any(t.text == "(" for t in before)
            named = all(t.is_punct or t.text[:1].isupper() for t in before)
            return token.i if len(before) > 0 and named and (capitals or agency) else None
    return None


def misplaced_subject(root: Token) -> Token | None:
    """The subject the parser gave to a participle clause before a main verb that has
    none: "Putin, ..., turning the tide in favour of Assad, welcomed the US move"."""
    for clause in root.lefts:
        if clause.dep_ == "advcl" and clause.tag_ in ("VBG", "VBN") and not any(c.dep_ == "mark" for c in clause.children):
            subject = next((c for c in clause.children if c.dep_ == "nsubj" and c.i < clause.i), None)
            if subject is not None:
                return subject
    return None


def _subject_through(art: Article, head: Token, depth_left: int) -> Token | None:
    """The subject of a word a verb depends on; for an adjective or a noun, of the
    noun it describes ("coalition unwilling to commit") or owns ("Iran's commitment")."""
    if head.pos_ in ("VERB", "AUX"):
        return surface_subject(art, head, depth_left - 1)
    if head.pos_ == "ADJ":
        if head.dep_ == "amod":
            return head.head
        return surface_subject(art, head.head, depth_left - 1) if head.head.i != head.i else None
    if head.pos_ in ("NOUN", "PROPN"):
        owner = next((c for c in head.children if c.dep_ == "poss"), None)
        if owner is not None:
            return owner
        if head.dep_ in ("dobj", "nsubj") and head.head.pos_ in ("VERB", "AUX"):
            return surface_subject(art, head.head, depth_left - 1)
    return None


def surface(head: Token) -> str:
    """The words of a slot: the head and what stands before it, on its line."""
    start = max(head.left_edge.i, head.i - NP_WORDS + 1)
    return head.doc[start:head.i + 1].text.rsplit("\n", 1)[-1].strip()


# --------------------------------------------------------------------------- 3. actors


def parties_of(art: Article, head: Token) -> list[Party]:
    """The actors a slot's head word names, one per conjunct."""
    found = referents(art, head)
    for conj in head.conjuncts:
        if conj.i > head.i:
            found += referents(art, conj)
    return unique(found)


def unique(parties: list[Party]) -> list[Party]:
    """The parties with the first of each actor kept."""
    seen: dict[str, Party] = {}
    for party in parties:
        seen.setdefault(party.actor_id, party)
    return list(seen.values())


def referents(art: Article, token: Token, resolve_pronouns: bool = True,
              prepositions: frozenset[str] = OWNER_PHRASES) -> list[Party]:
    """The actors a word names (rule 3); a noun naming none, those of its phrases
    opened by one of the prepositions. A word already being resolved further up the
    same chain (a relative pronoun leads back up the tree) names nobody new."""
    if token.i in art.resolving:
        return []
    art.resolving.add(token.i)
    try:
        return _referents(art, token, resolve_pronouns, prepositions)
    finally:
        art.resolving.discard(token.i)


def _referents(art: Article, token: Token, resolve_pronouns: bool, prepositions: frozenset[str]) -> list[Party]:
    text, start = surface(token), token.idx
    if token.lower_ in RELATIVE_PRONOUNS and token.head.dep_ == "relcl":
        return referents(art, token.head.head, resolve_pronouns)
    speaker = _in_spans(art.speakers, token.idx)
    if speaker is not None:
        return [Party(speaker, text, start)]
    mention = art.mention_at[token.i]
    if mention is not None:
        return [Party(mention.actor_id, text, start)]
    if token.pos_ == "PRON":
        if not resolve_pronouns or token.lower_.endswith(("self", "selves")):
            return []  # a reflexive is the clause's own subject
        return [Party(a, text, start, anaphoric=True) for a in antecedents(art, token)]
    place_country = _place_country(art, token)
    if place_country is not None:
        return [Party(place_country, text, start, group=True)]
    appositive = _appositive(art, token)
    if appositive:
        return [Party(a, text, start) for a in appositive]
    anaphor = _definite_anaphor(art, token)
    if anaphor:
        return [Party(a, text, start, anaphoric=True) for a in anaphor]
    owners = owner_parties(art, token, text, nationality_only=art.lexicon.is_cue(token, "relational"))
    if owners and art.lexicon.is_cue(token, "country"):  # "his country"
        owners = [replace(p, actor_id=country_of(art, p.actor_id)) for p in owners]
    elif token.pos_ == "PROPN" or token.lower_ in title_words():  # "Honduran Defence Minister X Y"
        owners = [p for p in owners if is_person(art, p.actor_id)] or owners
    if art.lexicon.is_cue(token, "voice"):  # "a spokesman for the Iranian foreign ministry"
        prepositions = prepositions | {"for"}
    return owners or phrase_parties(art, token, prepositions, text) or _example_parties(art, token, text)


def _example_parties(art: Article, token: Token, text: str) -> list[Party]:
    """The actors a noun naming none is said to include: "a number of rivals,
    including Senator X" (not an "as" that is no "such as": "served as envoy")."""
    examples = [p for p in token.children if p.dep_ == "prep" and p.lower_ in EXAMPLE_PHRASES
                and (p.lower_ != "as" or any(c.lower_ == "such" for c in p.children))]
    for phrase in examples:
        for noun in (c for c in phrase.children if c.dep_ == "pobj"):
            found = referents(art, noun, resolve_pronouns=False)
            if found:
                return [p.as_group(text) for p in found]
    return []


def owner_parties(art: Article, noun: Token, text: str | None = None, nationality_only: bool = False) -> list[Party]:
    """Actors among a noun's possessor and modifiers, in text order: "Syria's",
    "Syrian war planes", "the Syrian and Iranian governments", "U.S.-led", "US-Iran".
    For a relational noun only a nationality counts: "Hungarian supporters" are
    Hungarians, "Iran's allies" and "US allies" are not Iran or the US."""
    found: list[Party] = []
    for child in noun.children:
        if child.dep_ not in OWNER_DEPS or child.i > noun.i or (nationality_only and child.pos_ != "ADJ"):
            continue
        for word in (child, *child.conjuncts):
            found += _modifier_parties(art, word, text)
    found.sort(key=lambda p: p.start)
    return unique(found)


def _modifier_parties(art: Article, word: Token, text: str | None) -> list[Party]:
    mention = art.mention_at[word.i]
    place_country = _place_country(art, word) if mention is None else None
    if place_country is not None:  # "a Moscow court", but where it happens: "a Mississippi rally"
        return [] if art.lexicon.candidates(word.head) else [Party(place_country, text or word.text, word.idx, group=True)]
    if mention is None:  # "the country's", "his", "U.S.-led"
        return [p.as_group(text) for p in referents(art, word)]
    found = [Party(mention.actor_id, text or mention.text, mention.start, group=True)]
    for inner in word.children:  # the "US" of "US-Iran", the "British" of "British-Iranian"
        inner_mention = art.mention_at[inner.i]
        joined = inner.dep_ in ("compound", "npadvmod", "nmod") or (
            inner.dep_ == "amod" and art.text[inner.idx + len(inner):word.idx].strip() in HYPHENS)
        if joined and inner_mention not in (None, mention):
            found.append(Party(inner_mention.actor_id, text or inner_mention.text, inner_mention.start, group=True))
    return found


def _hyphenated(art: Article, parties: list[Party]) -> bool:
    first, second = sorted(parties, key=lambda p: p.start)
    gap = art.text[first.start + len(first.text):second.start].strip()
    return gap in HYPHENS


def _appositive(art: Article, token: Token) -> list[str]:
    return [m.actor_id for c in token.children if c.dep_ == "appos" and (m := art.mention_at[c.i]) is not None]


def phrase_parties(art: Article, token: Token, prepositions: frozenset[str], text: str | None = None) -> list[Party]:
    """Actors a noun that names none gets from its first preposition phrase that
    names one: "the government of Iraq", "officials from Sudan", "rebels in Darfur",
    "dozens of Somali nationals", "the decision by Serbia", "sanctions imposed by
    the US"."""
    phrases = [p for p in token.children if p.dep_ == "prep"]
    phrases += [a for c in token.children if c.dep_ == "acl" and c.tag_ == "VBN" for a in c.children if a.dep_ == "agent"]
    for preposition in phrases:
        if preposition.lower_ not in prepositions:
            continue
        for noun in preposition.children:
            if noun.dep_ == "pobj":
                found = referents(art, noun, resolve_pronouns=False, prepositions=prepositions)
                if found:
                    return [p.as_group(text) for p in found]
    return []


def _place_country(art: Article, token: Token) -> str | None:
    for place in art.places:
        if place.start <= token.idx < place.end and place.country:
            return art.country_id(place.country)
    return None


def country_of(art: Article, actor_id: str) -> str:
    """A person's country (or body) when the article has it as an actor, else the actor."""
    actor = art.actor(actor_id)
    if actor is None or actor.kind != "person":
        return actor_id
    return (art.country_id(actor.country) if actor.country else None) or actor.affiliation or actor_id


def antecedents(art: Article, pronoun: Token) -> list[str]:
    """Actor ids a pronoun refers to, by the recency rules of the docstring."""
    lower = pronoun.lower_
    speaker = _in_spans(art.quotes, pronoun.idx)
    if speaker is not None and lower in FIRST_PLURAL:
        return [country_of(art, speaker)]
    if speaker is not None and lower in FIRST_SINGULAR:
        return [speaker]
    if lower in PERSONAL_PRONOUNS:
        person = last_person(art, pronoun, None)
        return [person] if person else described_holder(art, pronoun)
    if lower in GROUP_PRONOUNS:
        return last_group_subject(art, pronoun)
    return []


def last_person(art: Article, token: Token, title: Token | None) -> str | None:
    """The last person named, or speaking, before the token in this or the previous
    sentences; for a title, the last whose role has that title or, for a leader's
    title, who heads a government."""
    floor = art.doc[art.window_start(token, BACK_SENTENCES)].idx
    before = bisect_right([start for start, _ in art.people], token.idx - 1)
    for start, actor_id in reversed(art.people[:before]):
        if start < floor:
            return None
        if title is None or _holds(art, actor_id, title):
            return actor_id
    return None


def described_holder(art: Article, pronoun: Token) -> list[str]:
    """For "he" or "she" when no person is named: the country of the office holder
    a main clause's subject before it describes by title and nationality only, in
    this or the previous sentence ("The Moldovan President said *she* would not
    accept": Moldova, as "the Moldovan President" itself codes); not a holder named
    in apposition, who is a person the actors did not resolve."""
    if pronoun.lower_ not in ("he", "she"):  # "his denial" refers back to a deed, not to who did it
        return []
    floor = art.window_start(pronoun, 1)
    for i in range(pronoun.i - 1, floor - 1, -1):
        token = art.doc[i]
        if token.dep_ in SUBJECT_DEPS and token.lower_ in title_words() and not _in_relative_clause(token):
            if any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in token.children):
                return []  # a named holder the actors did not resolve ("the minister, Rodrigo Amador,")
            return [p.actor_id for p in owner_parties(art, token) if not is_person(art, p.actor_id)]
    return []


def _holds(art: Article, actor_id: str, title: Token) -> bool:
    role = art.actors[actor_id].role
    if role is not None:
        return role.lower().split()[-1] == title.lower_
    return actor_id in art.leaders and art.lexicon.is_cue(title, "leader")


def last_group_subject(art: Article, pronoun: Token) -> list[str]:
    """The actors of the last main-clause subject before the pronoun that is not a
    person (nor plural, for "it")."""
    floor = art.window_start(pronoun, 1)
    singular = pronoun.lower_.startswith("it")
    for i in range(pronoun.i - 1, floor - 1, -1):
        token = art.doc[i]
        if token.dep_ not in SUBJECT_DEPS or token.pos_ == "PRON" or _in_relative_clause(token):
            continue
        if (singular and token.tag_ in ("NNS", "NNPS")) or token.head.i == pronoun.head.i:
            continue  # a co-argument is no antecedent ("X denied it")
        ids = [p.actor_id for p in referents(art, token, resolve_pronouns=False) if not is_person(art, p.actor_id)]
        if ids:
            return ids
    return []


def is_person(art: Article, actor_id: str) -> bool:
    actor = art.actor(actor_id)
    return actor is not None and actor.kind == "person"


def _in_relative_clause(token: Token) -> bool:
    return any(a.dep_ == "relcl" for a in token.ancestors)


def _definite_anaphor(art: Article, token: Token) -> list[str]:
    """"the country", "the nation" -> the last country; "the group" -> the last
    group or organisation; "the President" -> a person."""
    left = [c for c in token.children if c.i < token.i]
    if len(left) != 1 or left[0].lower_ not in ("the", "that", "this"):
        return []
    if art.lexicon.is_cue(token, "country"):
        country = last_country(art, token)
        return [country] if country else []
    if art.lexicon.is_cue(token, "organisation"):
        group = last_organisation(art, token)
        return [group] if group else []
    if token.lower_ in title_words():
        person = last_person(art, token, token)
        return [person] if person else []
    return []


def last_country(art: Article, token: Token) -> str | None:
    """The last country named before the token; for a subject, the last that acted."""
    floor = art.doc[art.window_start(token, COUNTRY_BACK_SENTENCES)].idx
    acting = token.dep_ in SUBJECT_DEPS
    for mention in reversed(art.mentions[:_mentions_before(art, token.idx)]):
        if mention.start < floor:
            return None
        actor = art.actor(mention.actor_id)
        if actor is None or actor.kind != "country":
            continue
        if not acting or _acts(art.doc.char_span(mention.start, mention.end, alignment_mode="expand")):
            return actor.id
    return None


def last_organisation(art: Article, token: Token) -> str | None:
    """The last armed group or organisation named before the token, in this or
    the previous sentences ("Hamas fighters entered the town. The group ...")."""
    floor = art.doc[art.window_start(token, COUNTRY_BACK_SENTENCES)].idx
    for mention in reversed(art.mentions[:_mentions_before(art, token.idx)]):
        if mention.start < floor:
            return None
        actor = art.actor(mention.actor_id)
        if actor is not None and actor.kind in ("armed_group", "organization"):
            return actor.id
    return None


def _acts(span: Span | None) -> bool:
    if span is None:
        return False
    root = span.root
    if root.dep_ in ("amod", "compound"):
        root = root.head
    return root.dep_ in ("nsubj", "nsubjpass", "poss")


def _mentions_before(art: Article, offset: int) -> int:
    return bisect_right([m.start for m in art.mentions], offset - 1)


def _in_spans(spans: list[tuple[int, int, str]], offset: int) -> str | None:
    """The value of the innermost span containing the offset."""
    inside = [(end - start, value) for start, end, value in spans if start <= offset < end]
    return min(inside)[1] if inside else None


# --------------------------------------------------------------------------- 4-5. polarity and modality


@dataclass(slots=True)
class Reading:
    negated: bool
    modality: str
    claimer_id: str | None = None  # who denies or alleges it


@dataclass(slots=True)
class Frame:
    """Polarity and modality of a word as the words above it frame it (rules 4, 5),
    and the denial or accusation verb whose subject claims it. Read from the parse
    and the event cues alone, so other components share it (predications.py)."""

    negated: bool
    modality: str
    claimer: Token | None = None


def read_frame(art: Article, trigger: Token) -> Reading:
    """Polarity and modality from the trigger and the words above it (rules 4, 5)."""
    frame = frame_of(art.lexicon, trigger)
    claimer_id = _claimer_id(art, frame.claimer) if frame.claimer is not None else None
    return Reading(frame.negated, frame.modality, claimer_id)


def frame_of(lexicon: EventLexicon, trigger: Token) -> Frame:
    """The frame of a word: its negations and modal cues and those of the words above
    it. Polarity is computed top-down as Nairn, Condoravdi & Karttunen (2006) compute
    relative polarity: each word on the way down keeps, reverses or leaves open
    whether its complement happens, by its negation and its kind (rule 4)."""
    chain = frame_chain(lexicon, trigger)
    truth, found, claimer = HAPPENED, set(), None
    for head, polar, via in reversed(chain):
        if polar and is_negated(lexicon, head):
            truth = reversed_truth(truth)
        sections = lexicon.sections(head, ("denial", "negative", "accusation", "nonfactive", *MODALITIES[1:]))
        found |= sections & set(MODALITIES) | modal_cues(lexicon, head)
        if "accusation" in sections and via != "dobj":  # what X is accused of, not X
            claimer = head
        if "denial" in sections and truth == HAPPENED:
            claimer = head
        truth, opened = complement_truth(lexicon, head, sections, truth)
        found |= opened
    if negation_count(lexicon, trigger, own=True):
        truth = reversed_truth(truth)
    found |= modal_cues(lexicon, trigger)
    if truth == OPEN:
        found.add("possible")
    if any(is_conditional(lexicon, t) for t in (trigger, *(t for t, _, _ in chain))):
        found.add("conditional")
    modality = next((m for m in MODALITIES if m in found), "actual")
    return Frame(truth == NOT_HAPPENED, modality, claimer)


def reversed_truth(truth: str) -> str:
    return {HAPPENED: NOT_HAPPENED, NOT_HAPPENED: HAPPENED}.get(truth, OPEN)


def complement_truth(lexicon: EventLexicon, head: Token, sections: set[str], truth: str) -> tuple[str, set[str]]:
    """Whether what the head governs happens, given whether the head does, and the
    modalities that leaves it: a denial or negative word reverses it ("refused to
    help"), a negated denial leaves it open ("did not rule out"); an implicative
    verb maps it by its signature ("failed to", "did not manage to", "did not force
    X to"); a non-factive word asserts nothing of it ("wants to", "was not inviting
    X to"): its own modality when the word holds, else hypothetical."""
    if truth == OPEN:
        return OPEN, set()
    signature = lexicon.signature(head)
    if signature is not None:
        return signature[0] if truth == HAPPENED else signature[1], set()
    if "denial" in sections:
        return (NOT_HAPPENED, set()) if truth == HAPPENED else (OPEN, set())
    if "negative" in sections:
        return reversed_truth(truth), set()
    if "nonfactive" in sections:
        if truth == NOT_HAPPENED:
            return HAPPENED, {"hypothetical"}
        return HAPPENED, set() if sections & set(MODALITIES) else {"hypothetical"}
    return truth, set()


def is_negated(lexicon: EventLexicon, head: Token) -> bool:
    """Whether a word above the event is negated: "not", "never", "no longer"; for a
    non-factive noun also "no" ("has no plans to")."""
    if negation_count(lexicon, head):
        return True
    return head.pos_ == "NOUN" and lexicon.is_cue(head, "nonfactive") and _has_negative_determiner(lexicon, head)


def _has_negative_determiner(lexicon: EventLexicon, noun: Token) -> bool:
    """"no troops", "no plans"."""
    return any(c.dep_ == "det" and lexicon.is_cue(c, "negation") for c in noun.children)


def frame_chain(lexicon: EventLexicon, trigger: Token) -> list[tuple[Token, bool, str]]:
    """The words above the trigger whose polarity and modality it shares, each with
    whether its negation counts too (a copula lends only its modality) and the
    relation by which the frame reached it."""
    chain, token = [], trigger
    for _ in range(MAX_FRAME):
        head = token.head
        if head.i == token.i:
            break
        step = climbs(lexicon, token, head)
        if step is None:
            break
        chain.append((head, step, token.dep_))
        token = head
    return chain


def climbs(lexicon: EventLexicon, token: Token, head: Token) -> bool | None:
    """Whether the frame goes on from a word to its head: True (polarity and
    modality), False (modality only) or None (it stops)."""
    dep = token.dep_
    if lexicon.is_cue(head, "factive") and not (dep == "xcomp" and lexicon.signature(head)):
        return None  # "did not reveal that troops were sent": they were
    if dep in ("xcomp", "acomp", "oprd") or (_is_infinitive_clause(token) and lexicon.sections(head, IMPLYING_SECTIONS)):
        return True  # an infinitive the parser hung as a clause of its own: "hesitated to bomb"
    if dep == "ccomp" and token.tag_ == "VB" and lexicon.signature(head):
        return True  # a bare infinitive with its own subject: "helped the army prevent a takeover"
    if dep == "conj":
        shares = token.pos_ != "VERB" or (token.tag_ == "VB" and not any(
            c.dep_ in ("aux", "nsubj", "nsubjpass") for c in token.children))
        return True if shares else None
    if dep in ("pobj", "pcomp") and head.pos_ == "ADP":
        return True
    framing = lexicon.sections(head, FRAMING_SECTIONS)
    if dep in ("prep", "dobj", "dative"):
        if dep in ("prep", "dative") and framing == {"support"} and has_own_object(lexicon, head):
            return None  # "committed tanks to the offensive": the offensive is not committed
        return True if framing or lexicon.signature(head) else None
    if dep in ("acl", "ccomp") and lexicon.sections(head, ("denial", "accusation")):
        return True
    if dep in ("acl", "ccomp") and lexicon.is_cue(head, "nonfactive"):
        return None if _is_question(token) else True  # "asked if Iran was prepared to": a question
    if dep in ("acl", "ccomp") and lexicon.sections(head, ("content",)):
        # "reports that ..." frames what it reports; "not claiming that X" leaves X open
        return True if head.pos_ != "VERB" else None
    if dep in ("nsubj", "nsubjpass", "attr") and token.pos_ in ("NOUN", "PROPN") and head.lemma_ == "be":
        return any(c.dep_ == "expl" for c in head.children)  # "there won't be cooperation"
    return None


def _is_question(clause: Token) -> bool:
    """Whether "if" or "whether" opens the clause ("asked if Iran was prepared to")."""
    return any(c.dep_ == "mark" and c.lower_ in ("if", "whether") for c in clause.children)


def has_own_object(lexicon: EventLexicon, verb: Token) -> bool:
    """Whether a support verb has a direct object besides its cue's words ("took
    *part*" has none)."""
    cue = lexicon.matched_cue(verb, "support") or ()
    return any(c.dep_ == "dobj" and c.lower_ not in cue and c.lemma_.lower() not in cue for c in verb.children)


def negation_count(lexicon: EventLexicon, token: Token, own: bool = False) -> int:
    """1 if the token is negated ("not", "never", "no longer"; for the trigger itself
    also "no troops", "nobody"), else 0."""
    for child in token.children:
        if child.dep_ in ("neg", "advmod", "preconj") and lexicon.is_cue(child, "negation"):
            after = child.doc[child.i + 1] if child.i + 1 < len(child.doc) else None
            if after is None or not lexicon.is_cue(after, "focus"):
                return 1
    if token.dep_ == "pcomp" and token.head.lower_ == "without":
        return 1
    if own:
        nominal = [token] if token.pos_ != "VERB" else [
            c for c in token.children if c.dep_ in ("dobj", "nsubj", "nsubjpass")]
        for noun in nominal:
            if lexicon.is_cue(noun, "negation") or _has_negative_determiner(lexicon, noun):
                return 1
    return 0


def modal_cues(lexicon: EventLexicon, token: Token) -> set[str]:
    """Modalities named by the token's auxiliaries and modifiers ("may", "potential")."""
    found: set[str] = set()
    for child in token.children:
        if child.dep_ in MODIFIER_CUE_DEPS:
            found |= lexicon.sections(child, MODALITIES[1:])
    return found


def is_conditional(lexicon: EventLexicon, token: Token) -> bool:
    """Whether the token's clause is a condition ("if ... asks") or has one; "asked
    if" opens a question, not a condition."""
    if token.dep_ == "advcl" and _opened_by_condition(lexicon, token):
        return True
    return any(c.dep_ == "advcl" and _opened_by_condition(lexicon, c) for c in token.children)


def _opened_by_condition(lexicon: EventLexicon, clause: Token) -> bool:
    return any(m.dep_ == "mark" and lexicon.is_cue(m, "conditional") for m in clause.children)


def _claimer_id(art: Article, verb: Token) -> str | None:
    subject = logical_subject(art, verb)
    parties = parties_of(art, subject) if subject is not None else []
    return parties[0].actor_id if parties else None


# --------------------------------------------------------------------------- 6-7. claims, text


def claimant(art: Article, offset: int) -> str | None:
    """Who claims what is said at the offset: the innermost quote's speaker or
    attribution's source."""
    return _in_spans(art.claims, offset)


def clause_bounds(trigger: Token) -> tuple[int, int]:
    """Character bounds of the trigger's sentence, cut to its line and stripped."""
    sentence = trigger.sent
    text, base = sentence.text, sentence.start_char
    offset = trigger.idx - base
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    end = len(text) if end < 0 else end
    piece = text[start:end]
    start += len(piece) - len(piece.lstrip())
    end -= len(piece) - len(piece.rstrip())
    return base + start, base + end
