"""Quotes: who said what, as the spaCy component ``newsprism_quotes``.

Runs after the parser and, when present, after ``newsprism_actors``, whose mentions
give speakers their actor ids (without it, speakers keep their words but no id).
Rule-based and deterministic, in two stages as in Muzny et al. (2017), "A two-stage
sieve approach for quote attribution" (EACL): a quote is first linked to the words
naming its speaker by sieves tried in order, then those words to an actor. Quote, cue
and source follow the attribution relations of Pareti (2016), "PARC 3.0: A corpus of
attribution relations" (LREC), and Pareti et al. (2013), "Automatically detecting and
attributing indirect quotations" (EMNLP): direct, mixed (here *partial*) and indirect
quotes; like Newell, Margolin & Ruths (2018), "An attribution relations corpus for
political news" (LREC), reported beliefs ("X believes that ...") count as indirect
quotes. As in textacy's ``extract.triples.direct_quotations``, the cue is a speech
verb linked to the quoted words in the parse, but marks are paired over the whole
article, not within a sentence, so that quotes missing a mark or running over several
paragraphs are found.

1. **Marks** (characters). Double marks (straight, curly, mismatched, and the double
   prime "″" some wire copy closes quotes with, but not after a digit: 6′4″) are read as
   opening or closing from the characters beside them and paired paragraph by
   paragraph. A quote left open at the end of a paragraph goes on if the next
   paragraph opens with a mark (one quote over several paragraphs), else ends with
   its paragraph; a second opening mark after a finished sentence ends the quote
   before it. A closing mark with nothing open is a quote whose opening mark is
   missing: it starts after the last speech verb before it in the paragraph ("He
   replied that All countries ... that.”"). Single marks count only as a pair within
   one paragraph, outside double quotes; apostrophes ("it’s", "’90s") are not marks.
   A double mark glued to words on both sides ("vote.”Then") opens or closes as
   the pairing needs. Without marks (GUIDELINES, Rulings): a transcript line headed
   by a named person's name in capitals ("HOLM: ...") and an embedded post signed
   "— Name (@handle) Date" are direct quotes; quotes inside them are not kept apart.
2. **Cue in the sentence.** A speech verb outside the quote that governs it in the
   parse (nearest first; a quote that is only a conjunct of the clause is not
   governed by it), else a speech verb a few words (punctuation not counted) from
   the quote, else a speech verb in an as-clause of the quote's clause ("As Durbin
   noted, many Democrats “...”"), else "according to X", else a name and one word
   closing the sentence after a quote ending in a comma ("“...,” Walsh judges."). Its
   subject is the speaker, after the verb too ("said Rouhani"); a finite cue the parse
   left without a subject, or whose subject is a clause misparsed ("As proponents
   struggle ..., Giffords say"), takes the first person named just before it (a
   person NER found counts even when the actor component did not take the name; a
   relative clause of a person is passed over: "Mr Cummings, who represents ...,
   suggested"), as does a cue whose subject the parse took from another paragraph; a
   dateline the parse made the subject ("BALTIMORE (AP) — Johns Hopkins University
   has filed") gives way to the name after its dash;
   participles and conjuncts take the subject of the verb they hang on ("..., saying
   the “...”"), "X was quoted as saying" gives X, a relative "who" its noun, "his
   assertion" gives "his", a cue noun as object ("issued a warning to ...",
   "released a statement calling ...", "followed it up with a post saying ...") the
   verb's subject, "comments from X that ..." X, and a speech verb
   misparsed as a participle of the name just before it ("Holm tweeted", "the mayor,
   Jack Young, called Mr Trump “...”") that name. Labelling verbs quote the label given
   with "as" ("attacked them as “...”"), and opinion verbs ("sees the bill as a way to
   “...”") a named speaker's. A fragment later in the sentence of a credited partial
   quote continues it ("comes from “...,” which has “...”"), unless it is a term.
   A speech verb set off by commas in a clause above the quote ("In retaliation, he said,
   the government …“untrustworthy.”") credits the whole clause to its subject; a speech
   participle hung on a noun of people ("with commentators describing it as “torture”")
   credits that noun, for its content or as-label only; a fragment in the content clause
   of a verb of reported speech that introduces no quoted words itself ("mentions that …")
   is its subject's. "Dubbed as" labels like "derided as". Words said earlier and echoed
   in the writer's own question ("Have you gotten “…”?") are irony, not a new quote.
   For a fragment inside reported speech the outermost
   reporting verb with a new speaker wins ("One diplomat said officials had
   acknowledged “a dozen”" quotes the diplomat). A subject that cannot speak ("the
   report said") gives way to an earlier speaker of the same words (sieve 3).
3. **Context sieves.** The same words (three or more) quoted earlier: that speaker.
   For a quote shaped as a sentence: a lead-in ending in a colon ("A diplomat put it
   to me: “...”", or a caption's "Meghan McCain: “...”"); for a quote starting its
   sentence, the last speaker of its paragraph; for a quote opening a paragraph, a
   person named as the speaker of the next sentence, else the last speaker of the
   previous paragraph (skipping page lines such as "Follow @x"), else the last person
   that paragraph makes a subject, by name or as a "he"/"she" resolved to a named person.
   Before those, a post's handle before a colon (".@GovChristie: “...”", the one person
   named whose surname it holds; a handle as subject resolves the same way). Last, cues
   without an active speech verb (`partial_cue`): a passive cue's agent ("was labelled
   “inept” by X", "in emails from X"), a labelling verb's subject for a quoted manner or
   adjective of its object ("“strongly” condemned", "blasted the “reckless” plan"), an
   opinion's named holder ("X sees her getting “forced out”", "X's impression that …"),
   whoever is criticised for a message saying the words, a caption's "Name on “...”",
   "As Time notes, ..." (the tagger's noun "notes"), a named person's quoted state ("has
   “no idea”"), a crowd's "chants of “...”" (anonymous) and the reader's "You say, “...”";
   and after a quoted question or exclamation, a name and speech verb opening the next
   words ("“...?!” Page wrote in one text"), unless they introduce the next quote.
4. **Speakers to actors.** A name resolves to the person mention covering it, an
   appositive name ("the spokeswoman, Marzieh Afkham") to its person, a role mention
   ("the Iranian president") to its holder, a country or organisation to itself.
   "He"/"she" resolve to the nearest person (or person described earlier) before
   them outside quotation marks, preferring the subject of a main clause of the same
   or the previous sentence, where a subject "he"/"she" counts as its own antecedent
   (centering), then a person named outside a relative clause; they skip a person
   the text marks as of the other gender (an honorific, a gendered role word, or
   "his"/"her" agreeing with the person as subject of its clause, by a 2:1 vote over
   the article, else a given name of one gender, ``data/first_names.txt``). "They"
   and "it" resolve to the nearest group or body that was a subject just before
   ("it" also to an unknown proper name that spoke; "they" also to people named
   together: "Kerry, along with Lew, said"). A document
   with an owner speaks for the owner ("the group's letter said": "the group"); "the
   group", "the appeals court" is the last organisation named before whose name holds the
   word and its noun modifiers (any one for "group"), else the only one so named anywhere
   before, else for "the agency" the one government body of the last paragraphs; a singular
   description never takes an earlier plural one's referent; "the
   lawsuit", "the complaint" speaks for whoever the article first says filed one
   (in quotes only: as the subject of indirect speech it stays an attribution); a
   described person with an appositive name speaks as that name ("an aunt, Venitta
   Body,"); a body's description keeps the name beside it ("the
   activist group Harbourwatch"), and a country inside an unknown proper name is no
   affiliation ("Centre for Iranian Studies"). "The clerk" takes the earlier speaker
   with the same head noun that has an actor, else "the minister" is the one person
   named before with that role (the head of the role, "secretary" of "Secretary of
   State", or a title just before a name, abbreviations spelled out: "Gov. Jan
   Brewer" is "the governor"); "a federal judge" in the lead is the one person the
   article gives that title (not "a senior official", a source news leaves unnamed);
   "Donald Trump's daughter", "his wife" is the other person named with that
   surname; "who" hung by the parse on a thing ("two women prior to the election
   who said") stands for the person word just before. Unnamed speakers ("a senior
   US official", "officials", "one of the sources") are anonymous; their actor id is
   the country or body their description names ("one Iraqi official" -> iraq). A
   first-person speaker outside quotes is the writer: no quote.
5. **Kind.** Direct: a quote spanning sentences, after a colon, the second half of a
   quote split by its cue, a complete clause (its verb, subject and their words
   inside the marks), or standing at the start of its sentence (unless it is the
   subject or object of a verb outside: "“Two officials” told ABC"). Else partial.
6. **Not quotes.** Title-case phrases that name rather than predicate ("on “This
   Week”") are titles. A fragment with no speaker is a scare quote after
   "so-called", "dubbed" and the like, or when it is a short noun or adjective
   phrase of the writer's own sentence ("the prospect of “groundbreaking military
   cooperation”"); a nickname inside a name (Bernard “Jack” Young) is no quote; single
   words, title case (but a label given "as": 'described him as the “John Dean”'),
   names after "titled", "the word",
   "known as", clipped phrases of speech ("about how to reconcile") and sentences
   with no speaker are dropped. Whoever speaks, fragments after "the terms", "the
   slogan", "a book" and the like, after a participle "called"/"named" of a noun ("a
   program called “...”"), next in a list of such terms, and quotes in a subheading
   (at most 20 words ending without punctuation, or in title case; not a quote ending
   in a comma and its cue: '“...,” he said' with its full stop lost) are no quotes.
   But a listed post ("@handle: ... http://…") is no subheading, words a verb of voice
   calls out in capitals ('scream “F— TRUMP!”') are no title, and quoted words ending in
   a comma, then a short cue, a comma and the next quote are the first half of a split
   quote (direct) whatever their case ('“Little Adam Schiff,” the president tweeted, “…”').
7. **Indirect.** A speech or cognition verb, not negated, with a content clause (a
   ccomp with a subject, not a question; "accused X of -ing"; the main clause before
   ", officials said" or after "As X said,") and a subject that can speak: a person,
   group, body, pronoun or unnamed official; not a document, an outlet (those are
   attributions), the writer, a subject with "no" ("no mayor") or an unresolved
   "it"; not in the writer's own question nor in a headline; "made (it) clear that
   ..."; a wh-clause only after explaining verbs ("explained why ...", not "asked
   why ..."), an if- or whether-clause only after "ask" ("asked if he was ...", not
   "Asked if he would run, Walsh said"). Also "said in a statement that ...", a
   parenthetical cue ("And, they said, ..."), a cue noun with a possessor and a
   that-clause ("his argument that ...", "comments from X that ..."), and a clause "according to" a person, a
   government body or an unnamed official (other sources are attributions). Span:
   the clause without "that", with a second that-clause of the same cue ("said it
   released the footage, but that ..."), without "according to X" (nor clauses
   joined after it), a
   dateline or a speech verb the parse joined to it ("... and warned"), cut at
   semicolons and at a full stop the parse ran over ("in May.The dam"), and widened
   over a quotation it cuts. A that-clause the parse hangs on the hearer of "tell",
   "notify" and the like is what was said. A clause mostly inside a direct
   quote is left to it; one holding a partial quote is kept too (GUIDELINES,
   Rulings); a clause reported inside another of the same speaker ("said she thinks
   ...") is only the outer one.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import takewhile

import pycountry
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from newsprism.analysis import records_on
from newsprism.analysis.actors import entity_of, titles_lexicon
from newsprism.kb import first_names
from newsprism.records import Actor, Mention, Quote, ScareQuote

for _name in ("quotes", "scare_quotes"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=())

# Verbs that introduce quoted words (direct or partial quotes).
SPEECH_VERBS = frozenset(
    "say tell add ask answer reply respond write tweet post declare state announce affirm insist warn "
    "claim argue note explain acknowledge admit deny stress emphasise emphasize suggest recall continue "
    "conclude complain concede confirm describe call label brand term promise pledge vow threaten urge "
    "predict observe remark comment joke quip shout scream cry yell whisper mutter exclaim plead demand "
    "assert contend maintain allege accuse blame charge criticise criticize praise thank mock lament "
    "caution agree estimate reveal indicate point quote cite testify boast counter retort interject "
    "wonder think believe fear hope expect report order decry denounce dismiss reject hail "
    "characterize characterise echo speak talk chant email e-mail text message question".split()
)
# Verbs that quote only a label given with "as": "attacked Democrats as “un-American”".
LABELLING_VERBS = frozenset("attack deride slam blast lambaste ridicule castigate condemn disparage portray "
                            "paint cast tout assail excoriate dub".split())
# Opinion verbs that quote a named speaker's label given with "as": "Stewart sees the bill as a way
# to “bridge that gap”"; for "bigots who see it as a way to protect their “right”" the marks are the writer's.
OPINION_VERBS = frozenset("see view regard".split())
# Verbs whose quoted predicate describes their person subject in the person's words.
STATE_VERBS = frozenset("be have feel remain seem".split())
# Verbs of calling words out loud: what they call out in capitals is no title.
VOICE_VERBS = frozenset("shout scream yell chant cry exclaim roar".split())
# Nouns of a crowd's voices: "cheers of “…”".
VOICE_NOUNS = frozenset("chant cheer cry shout scream roar chorus boo yell".split())
# Nouns of a held view: "the envoy's impression that the reports were “mostly true”".
OPINION_NOUNS = frozenset("impression view opinion assessment verdict conclusion judgment judgement belief "
                          "feeling sense".split())
# Verbs that give something a name: the quoted name is the word of their own subject.
NAMING_VERBS = frozenset("call label brand dub term".split())
# Verbs of intent whose quoted infinitive gives the person's own words: 'intended to “get under the hood”'.
INTENTION_VERBS = frozenset("intend want plan aim seek wish mean resolve".split())
# Lemmas the tagger gets wrong for speech verbs: "texted" → "texte".
LEMMA_FIXES = {"texte": "text"}
# Verbs whose content clause is reported speech or thought (indirect quotes).
INDIRECT_VERBS = frozenset(
    "say tell add claim argue warn deny insist announce believe think declare state affirm note explain "
    "acknowledge admit stress emphasise emphasize suggest confirm reveal indicate predict promise pledge "
    "vow threaten assert contend maintain allege concede recall complain caution agree conclude estimate "
    "write tweet post reply respond answer hint signal fear hope expect feel worry doubt reckon imply "
    "observe testify disclose inform assure remind notify accuse charge point continue describe detail outline "
    "ask lament boast muse quip reiterate repeat recount remark mention retort counter clarify underscore "
    "speculate email e-mail text message".split()
)
# Verbs whose wh-clause reports what was said ("explained why ..."), not a question.
WH_REPORTING_VERBS = frozenset("explain describe detail outline reveal recall disclose tell".split())
# Verbs whose object is the hearer: a that-clause the parse hangs on it is what was said.
ADDRESSING_VERBS = frozenset("tell notify inform assure remind warn promise advise".split())
# Verbs that report speech only with their particle: "shot back", "lashed out".
PHRASAL_SPEECH = {"shoot": "back", "fire": "back", "hit": "back", "lash": "out", "speak": "up"}
# Verbs whose object does what their infinitive says: "prompts supporters to chant".
OBJECT_CONTROL = frozenset("prompt urge ask tell force lead cause encourage push pressure invite get compel "
                           "inspire order allow persuade convince".split())
# Nouns that report someone's words: "his assertion that ...", "Rouhani's statement".
NOUN_CUES = frozenset(
    "statement assertion claim remark remarks comment comments words warning message tweet post speech "
    "promise pledge insistence denial accusation argument answer reply response quote quip description "
    "appeal plea demand belief suggestion admission declaration announcement vow threat allegation "
    "assurance explanation complaint criticism prediction challenge rejoinder retort chant".split()
)
# Heads of noun phrases that cannot speak: documents and the like.
DOCUMENT_NOUNS = frozenset(
    "report study survey poll data statement document analysis research paper article letter memo filing "
    "record records review book evidence figure figures finding findings investigation law bill rule order "
    "story post tweet website site page video footage photo headline email lawsuit suit ruling decision "
    "indictment transcript text message note sign poster banner editorial column op-ed piece essay blog "
    "release communique constitution plan proposal agreement deal treaty resolution budget forecast model "
    "estimate index chart graph map image picture list database test audit assessment summary account "
    "speech interview caption history experience number numbers result results complaint petition motion "
    "brief".split()
)
# Court papers: "the complaint" may stand for "a lawsuit" filed earlier.
LEGAL_FILINGS = frozenset("lawsuit suit complaint petition motion brief filing".split())
FILING_VERBS = frozenset("file bring lodge submit issue release publish write send".split())
# Heads of noun phrases naming outlets rather than speakers.
MEDIA_NOUNS = frozenset(
    "media press newspaper paper outlet channel network station television tv radio broadcaster "
    "magazine journal tabloid wire".split()
)
# Heads of noun phrases naming bodies that can speak.
BODY_NOUNS = frozenset(
    "government ministry department agency office council committee commission administration authority "
    "authorities police army military court company firm group party campaign union association "
    "organisation organization institute foundation coalition alliance bank board embassy parliament "
    "congress senate cabinet presidency regime team club league federation secretariat mission navy "
    "coastguard militia movement spokesperson business district school university college hospital".split()
)
# Heads of noun phrases naming people without naming them.
PERSON_NOUNS = frozenset(
    "official source spokesman spokeswoman spokesperson diplomat aide adviser advisor analyst expert "
    "observer resident witness clerk officer commander soldier fighter lawmaker legislator senator minister "
    "member leader lawyer attorney activist worker employee staffer insider person people man woman boy "
    "girl child friend neighbour neighbor relative father mother son daughter wife husband brother sister "
    "victim survivor doctor nurse teacher student farmer fisherman driver owner manager executive director "
    "chief head president chairman chairwoman governor mayor general colonel captain sergeant judge "
    "prosecutor investigator detective agent negotiator envoy ambassador delegate mediator researcher "
    "scientist economist professor scholar historian journalist reporter editor correspondent commentator "
    "critic supporter opponent protester protestor demonstrator voter citizen civilian local villager "
    "refugee migrant passenger customer user fan player coach candidate campaigner organiser organizer "
    "volunteer congressman congresswoman parent pastor priest imam cleric rabbi bishop militant rebel "
    "insurgent guard bureaucrat administrator strategist pollster consultant operative advocate plaintiff "
    "backer proponent sponsor donor defendant suspect deckhand skipper crew representative official family "
    "relative colleague "
    "others some many several few most both".split()
)
# Roles of sources news leaves unnamed: "a senior official" is not the official named later.
UNNAMED_ROLES = frozenset("official source spokesman spokeswoman spokesperson aide adviser advisor diplomat".split())
LEAD_PARAGRAPHS = 1  # paragraphs (after the headline) in which "a federal judge" is introduced
KIN_NOUNS = frozenset(
    "daughter son wife husband widow widower father mother brother sister niece nephew grandson granddaughter "
    "grandfather grandmother cousin stepson stepdaughter aunt uncle fiance fiancee".split()
)
PERSON_SUFFIXES = ("ist", "man", "men", "woman", "women", "person", "people", "ian", "eer")
FIRST_PERSON = frozenset("i me we us you".split())
SHARE_WORDS = frozenset({"%", "percent", "cent"})  # "45% of adults said": a poll's measurement, no speaker
PARTITIVES = frozenset(
    "one two three some many several most few none each all both majority plurality minority half handful "
    "third quarter percent dozen dozens".split()
)
NAME_DEPS = frozenset({"compound", "flat", "appos", "conj"})
SUBORDINATORS = frozenset("as while when because although though since after before once".split())
RELATIVE_PRONOUNS = frozenset("who that which whom".split())
MALE_WORDS = frozenset("mr sir lord king prince father son husband brother man spokesman chairman".split())
POSSESSIVES = {"his": "m", "her": "f"}
FEMALE_WORDS = frozenset(
    "mrs ms miss madam dame lady queen princess mother daughter wife sister woman spokeswoman "
    "chairwoman congresswoman businesswoman".split()
)
# Words before quoted words that mark distance (scare quotes) ...
SCARE_MARKERS = frozenset("so-called dubbed self-styled self-proclaimed self-described supposed alleged".split())
# ... or a title, name or term (neither quote nor scare quote).
NAMING_PARTICIPLES = frozenset("called named".split())  # terms only after a noun: "a show called"
TERM_MARKERS = frozenset(
    "titled entitled nicknamed word words term phrase slogan hashtag motto label book film movie "
    "song album show series novel documentary play poem op-ed column essay podcast programme program "
    "headline brand".split()
)
# "″" (double prime) stands for a closing mark in some wire copy ("workers,″ said Pocan").
DOUBLE_MARKS = {'"': "straight", "“": "open", "”": "close", "„": "open", "«": "open", "»": "close", "″": "straight"}
PRIMES = frozenset("″′")
# Abbreviated titles ("Gov. Jan Brewer") and the word a later description uses ("the governor").
ROLE_ABBREVIATIONS = {"gov": "governor", "sen": "senator", "rep": "representative", "gen": "general",
                      "lt": "lieutenant", "sec": "secretary", "sgt": "sergeant", "supt": "superintendent",
                      "atty": "attorney", "amb": "ambassador", "col": "colonel", "capt": "captain",
                      "cmdr": "commander", "adm": "admiral", "pres": "president", "insp": "inspector"}
SINGLE_MARKS = {"'": "straight", "‘": "open", "’": "close"}
NP_PUNCTUATION = frozenset({"-", ".", "&", *DOUBLE_MARKS, *SINGLE_MARKS})  # inside a speaker's words
AFTER_OPENING = set("([{—–-/:;") | set(DOUBLE_MARKS) | set(SINGLE_MARKS)
BEFORE_CLOSING = set(".,;:!?)]}—–-…") | set(DOUBLE_MARKS) | set(SINGLE_MARKS)
ELISIONS = frozenset("em til tis twas cause cos n bout round nuff".split())
SENTENCE_END = frozenset({".", "?", "!", "…"})
SUBJECTS = frozenset({"nsubj", "csubj"})
# Words that make a title of lower rank than its head word: "the vice president" is not "the president".
SECOND_RANK = frozenset({"vice", "deputy", "assistant", "lieutenant", "associate", "under"})
INHERITING_DEPS = frozenset({"conj", "xcomp", "advcl", "pcomp", "acl"})
OBJECT_DEPS = frozenset({"dobj", "pobj", "dative", "iobj", "attr", "oprd"})
NOUN_SLOTS = frozenset({"dobj", "pobj", "attr", "nsubj", "nsubjpass"})
PREDICATE_DEPS = frozenset({"oprd", "attr", "acomp", "xcomp", "ccomp", "ROOT"})
CLAUSE_DEPS = frozenset({"mark", "advcl", "ccomp", "parataxis", "conj", "cc", "advmod", "npadvmod", "prep"})
CLAUSE_LINKS = frozenset({"ccomp", "xcomp", "advcl", "relcl", "acl", "csubj", "parataxis"})  # a clause below
SMALL_ROOT = 3  # a quoted root with no more words than this ("[cooperation]") is ignored
NP_RIGHT_DEPS = frozenset({"prep", "compound", "nummod", "amod", "case", "flat", "nmod"})
NP_PREPOSITIONS = frozenset("of in at for from on with to within inside".split())  # "a clerk in San Lorenzo"
TRAILING_CUE_WORDS = 4  # longest "Name verb." after a quote
NEARBY_WORDS = 6  # how far from its quote a cue the parse did not link may be
OUTSIDE_WORDS_ALLOWED = 2  # words of a content clause outside the marks for it to count as quoted
QUOTED_SHARE = 0.75  # an indirect clause this much inside quotation marks is left to the quote
LABEL_WORDS = 5  # longest scare quote
ECHO_WORDS = 3  # shortest quote recognised as said again ("fake news" is only a term)
NOT_LABEL_START = frozenset({"ADP", "ADV", "SCONJ", "AUX", "PART", "PRON", "CCONJ"})
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
MODIFIER_TAGS = frozenset({"JJ", "JJR", "JJS", "RB", "RBR", "RBS"})
RELATIVE_WORDS = 6  # how far before a misattached "who" its person may be
SUBJECT_WORDS = 12  # how far before a subjectless cue its speaker's name may start
DATELINE_WORDS = 8  # how far into a clause a dateline's dash may come
HEADING_WORDS = 20  # longest subheading
FURNITURE_WORDS = 5  # longest page line ("Follow @politicalticker") skipped between lead-in and quote
HEADLINE_WORDS = 3  # fewest long words of a quoted headline recognised by its title case
# "(D-NY)", "(R-N.Y.)": a US party label's state, by its postal code (ISO 3166-2, from
# pycountry), its name without spaces, or its AP style abbreviation.
PARTY_LABEL = re.compile(r"\([DRI]-([A-Z][A-Za-z. ]{0,12})\)")
AP_STATE_ABBREVIATIONS = {
    "ala": "alabama", "ariz": "arizona", "ark": "arkansas", "calif": "california", "colo": "colorado",
    "conn": "connecticut", "del": "delaware", "fla": "florida", "ill": "illinois", "ind": "indiana",
    "kan": "kansas", "mass": "massachusetts", "mich": "michigan", "minn": "minnesota", "miss": "mississippi",
    "mont": "montana", "neb": "nebraska", "nev": "nevada", "okla": "oklahoma", "ore": "oregon",
    "tenn": "tennessee", "tex": "texas", "wash": "washington", "wis": "wisconsin", "wyo": "wyoming",
}


def _state_abbreviations() -> dict[str, str]:
    states = [s for s in pycountry.subdivisions.get(country_code="US") if s.type == "State"]
    found = dict(AP_STATE_ABBREVIATIONS)
    for state in states:
        name = state.name.lower()
        found[state.code.split("-")[1].lower()] = name
        found[name.replace(" ", "")] = name
    return found


STATE_ABBREVIATIONS = _state_abbreviations()
BACK_REFERENCES = frozenset("that this so those these thus such".split())  # "That was how X put it."
TITLE_SHARE = 0.7  # share of capitalised long words in a heading written in title case
PRONOUN_PARAGRAPHS = 3  # how far back "he" and "she" look for a person
BODY_KINDS = frozenset({"organization", "government", "igo", "armed_group"})
GENERIC_BODIES = frozenset("group organisation organization company firm body".split())  # "the group": any body
BODY_NOUN_KINDS = {"agency": ("government", "igo")}  # "the agency": the one such body named just before
INDEFINITES = frozenset({"a", "an", "another", "one"})
SPEAKING_KINDS = frozenset({"person", "government"})  # actors "according to" whom a clause is indirect


# --------------------------------------------------------------------------- records


@dataclass(slots=True)
class Marked:
    """Text between quotation marks, in characters (marks excluded)."""

    start: int
    end: int
    opened: bool = True  # False when the opening mark was missing


@dataclass(slots=True)
class Speaker:
    start: int  # characters
    end: int
    text: str
    actor_id: str | None = None
    anonymous: bool = False
    can_speak: bool = True  # a person, group or body; not a document or an outlet
    head: str = ""  # lemma of the head noun of a description
    plural: bool = False


@dataclass(slots=True)
class Attributed:
    """A quote with its speaker, before it becomes a record."""

    start: int
    end: int
    kind: str
    speaker: Speaker
    cue: str | None
    paragraph: int


# --------------------------------------------------------------------------- entry points


def find_quotes(doc: Doc) -> tuple[list[Quote], list[ScareQuote]]:
    """The quotes and scare quotes of one parsed article: marks paired over the
    article, each quote linked to its speaker's words by sieves in order (Muzny et
    al. 2017), kinds and indirect speech as in PARC (Pareti 2016); the rules are in
    the module docstring."""
    art = marked_article(doc)
    indirect = list(indirect_quotes(art))
    found, scare, headlines = [], [], []
    for m, verdict, _ in judged_marks(art):
        if verdict is None and _headline_marked(art, m):
            headlines.append(m)  # nor is its clause anyone's indirect speech
        elif isinstance(verdict, Attributed):
            found.append(verdict)
        elif verdict == "scare":
            scare.append(ScareQuote("", art.original[m.start:m.end], m.start, m.end))
    unmarked = list(unmarked_quotes(art, found))
    found = [q for q in found if not any(u.start <= q.start and q.end <= u.end for u in unmarked)] + unmarked
    direct = quoted_tokens(doc, [Marked(q.start, q.end) for q in found if q.kind == "direct"] + headlines)
    found += [q for q in outermost(indirect) if not _mostly_quoted(art, q, direct)]
    found.sort(key=lambda q: (q.start, q.end))
    return [_record(art.original, i, q) for i, q in enumerate(found)], scare  # the article's own marks


@Language.factory(
    "newsprism_quotes",
    requires=["token.dep"],
    assigns=["doc._.quotes", "doc._.scare_quotes"],
)
def make_quote_component(nlp: Language, name: str) -> QuoteComponent:
    return QuoteComponent()


class QuoteComponent:
    """Sets ``doc._.quotes`` (list of Quote) and ``doc._.scare_quotes`` (list of ScareQuote)."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.quotes, doc._.scare_quotes = find_quotes(doc)
        return doc


def _record(text: str, i: int, q: Attributed) -> Quote:
    s = q.speaker
    return Quote(
        id=f"q{i}", article_id="", text=text[q.start:q.end], speaker=s.text, speaker_id=s.actor_id,
        cue=q.cue, kind=q.kind, start=q.start, end=q.end, anonymous=s.anonymous,
        speaker_start=s.start, speaker_end=s.end,
    )


# --------------------------------------------------------------------------- the article


@dataclass(slots=True)
class ArticleView:
    """The parsed article with the indexes the rules need."""

    doc: Doc
    original: str  # doc.text, which spaCy rebuilds on every access
    text: str  # the same with two-character double marks made one (`one_char_marks`), same offsets
    paragraphs: list[tuple[int, int]]  # character spans of non-empty lines
    paragraph_starts: list[int]
    paragraph_of: list[int]  # token -> paragraph number
    sentence_of: list[tuple[int, int]]  # token -> (start, end) of its sentence
    mention_at: list[Mention | None]  # token -> actor mention covering it
    actors: dict[str, Actor]
    person_mentions: list[tuple[int, Mention]]  # (first token, mention), in order
    genders: dict[str, str] = field(default_factory=dict)  # actor id -> "m" / "f"
    marked: list[Marked] = field(default_factory=list)  # the article's quotes between marks
    quoted: list[bool] = field(default_factory=list)  # token -> inside quotation marks
    history: list[Attributed] = field(default_factory=list)  # attributed so far, in order
    pronouns: dict[int, str | Speaker | None] = field(default_factory=dict)  # he/she token -> antecedent
    headings: dict[int, bool] = field(default_factory=dict)  # paragraph -> a headline, link or page line

    @classmethod
    def build(cls, doc: Doc) -> ArticleView:
        original = doc.text
        text = one_char_marks(original)
        paragraphs = paragraph_spans(text)
        starts = [s for s, _ in paragraphs]
        paragraph_of = [max(0, bisect_right(starts, t.idx) - 1) for t in doc]
        sentence_of = [(0, len(doc))] * len(doc)
        if doc.has_annotation("SENT_START"):
            for sent in doc.sents:
                sentence_of[sent.start:sent.end] = [(sent.start, sent.end)] * len(sent)
        mentions = list(records_on(doc, "actor_mentions"))
        actors = {a.id: a for a in records_on(doc, "actors")}
        mention_at: list[Mention | None] = [None] * len(doc)
        people = []
        for m in mentions:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            mention_at[span.start:span.end] = [m] * len(span)
            if _is_person(actors, m.actor_id):
                people.append((span.start, m))
        return cls(doc, original, text, paragraphs, starts, paragraph_of, sentence_of, mention_at, actors, people)

    def actor_kind(self, actor_id: str | None) -> str | None:
        actor = self.actors.get(actor_id) if actor_id else None
        return actor.kind if actor else None

    def paragraph_at(self, position: int) -> int:
        """The number of the paragraph a character is in."""
        return max(0, bisect_right(self.paragraph_starts, position) - 1)

    def clause(self, i: int) -> tuple[int, int]:
        """The sentence of token i, cut to its paragraph."""
        start, end = self.sentence_of[i]
        paragraph = self.paragraph_of[i]
        while start < i and self.paragraph_of[start] != paragraph:
            start += 1
        while end > i + 1 and self.paragraph_of[end - 1] != paragraph:
            end -= 1
        return start, end

    def is_heading(self, paragraph: int) -> bool:
        """Whether a whole paragraph is a headline, a link between paragraphs or a page line."""
        if paragraph not in self.headings:
            self.headings[paragraph] = in_heading(self, self.paragraphs[paragraph][0])
        return self.headings[paragraph]

    def remember(self, attributed: Attributed) -> None:
        insort(self.history, attributed, key=lambda a: a.start)


# Two characters written for one double mark: “…’’, ''…'', ‘‘…’’, ,,…“ (typewriter and German habits).
TWO_CHAR_OPENING = re.compile(r"(?:(?<=\s)|^)(?:‘‘|,,|'')(?=\w)", re.MULTILINE)
TWO_CHAR_CLOSING = re.compile(r"(?<=[\w.,;:!?…])(?:’’|'')(?=[\s.,;:!?)]|$)", re.MULTILINE)


def one_char_marks(text: str) -> str:
    """The text with each two-character double mark written as one double mark beside a
    space, on the side away from the quoted words: offsets stay those of the article."""
    text = TWO_CHAR_OPENING.sub(" “", text)
    return TWO_CHAR_CLOSING.sub("” ", text)


def _is_person(actors: dict[str, Actor], actor_id: str) -> bool:
    actor = actors.get(actor_id)
    return actor is not None and actor.kind == "person"


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the non-empty lines, without surrounding whitespace."""
    spans, start = [], 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            lead = start + len(line) - len(line.lstrip())
            spans.append((lead, lead + len(stripped)))
        start += len(line) + 1
    return spans or [(0, 0)]


def quoted_tokens(doc: Doc, marked: list[Marked]) -> list[bool]:
    flags = [False] * len(doc)
    for m in marked:
        span = doc.char_span(m.start, m.end, alignment_mode="contract")
        if span is not None:
            flags[span.start:span.end] = [True] * len(span)
    return flags


# --------------------------------------------------------------------------- 1. marks


def mark_shape(text: str, i: int, family: dict[str, str]) -> str | None:
    """"open", "close", "either", or None for an apostrophe."""
    kind = family[text[i]]
    before = text[i - 1] if i > 0 else "\n"
    after = text[i + 1] if i + 1 < len(text) else "\n"
    if family is SINGLE_MARKS and _apostrophe(text, i, before, after):
        return None
    if text[i] in PRIMES and before.isdigit():
        return None  # inches or seconds: 5′10″
    opens = (before.isspace() or before in AFTER_OPENING) and not after.isspace()
    closes = (after.isspace() or after in BEFORE_CLOSING) and not before.isspace()
    if not opens and not closes and family is DOUBLE_MARKS:
        return "either"  # glued to words on both sides ("vote.”Then"): read from the pairing
    if kind == "open":
        return "close" if closes and not opens else "open"
    if kind == "close":
        return "open" if opens and not closes else "close"
    if opens != closes:
        return "open" if opens else "close"
    return "either"


def _apostrophe(text: str, i: int, before: str, after: str) -> bool:
    if before.isalnum() and after.isalnum():
        return True  # it’s, don't
    if after.isdigit() and not before.isalnum():
        return True  # ’90s
    word = ""
    for ch in text[i + 1:i + 6]:
        if not ch.isalpha():
            break
        word += ch.lower()
    return not before.isalnum() and word in ELISIONS


def marked_spans(text: str, paragraphs: list[tuple[int, int]]) -> list[Marked]:
    """Quotes between double marks, then between single marks outside them."""
    double = pair_marks(text, paragraphs, DOUBLE_MARKS, lenient=True)
    taken = [(m.start - 1, m.end + 1) for m in double]
    single = [
        m for m in pair_marks(text, paragraphs, SINGLE_MARKS, lenient=False)
        if not any(s <= m.start and m.end <= e for s, e in taken)
    ]
    return sorted(double + single, key=lambda m: m.start)


def pair_marks(text: str, paragraphs: list[tuple[int, int]], family: dict[str, str], lenient: bool) -> list[Marked]:
    """Pair the marks of one family. Lenient pairing (double marks) lets a quote run
    over paragraphs and keeps one left open at the end of its paragraph; strict
    pairing (single marks) keeps only pairs inside one paragraph."""
    found: list[Marked] = []
    open_at: int | None = None  # first character after the pending opening mark
    previous_end = 0
    positions = mark_positions(text, family)
    for start, end in paragraphs:
        inside = positions[bisect_left(positions, start):bisect_left(positions, end)]
        marks = [(i, shape) for i in inside if (shape := mark_shape(text, i, family)) is not None]
        if open_at is not None:
            if lenient and marks and marks[0][0] == start and marks[0][1] != "close":
                marks = marks[1:]  # the quote goes on in this paragraph
            else:
                if lenient:
                    found.append(Marked(open_at, previous_end))
                open_at = None
        for i, shape in marks:
            if open_at is None:
                open_at = None if shape == "close" else i + 1  # a closing mark alone: see recovered_openings
            elif shape != "open":
                found.append(Marked(open_at, i))
                open_at = None
            else:  # a second opening mark: the first quote ends here if it ended a sentence
                if text[open_at:i].rstrip()[-1:] in SENTENCE_END:
                    found.append(Marked(open_at, i))
                open_at = i + 1
        previous_end = end
    if open_at is not None and lenient:
        found.append(Marked(open_at, previous_end))
    return [_trimmed(text, m) for m in found if text[m.start:m.end].strip()]


def mark_positions(text: str, family: dict[str, str]) -> list[int]:
    return [i for i, ch in enumerate(text) if ch in family]


def _trimmed(text: str, m: Marked) -> Marked:
    start, end = m.start, m.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Marked(start, end, m.opened)


def recovered_openings(art: ArticleView, marked: list[Marked]) -> list[Marked]:
    """Quotes whose opening mark is missing: a closing double mark that nothing
    opened starts a quote after the last speech verb before it in the paragraph."""
    text = art.text
    used = {m.end for m in marked}
    starts = [s for s, _ in art.paragraphs]
    recovered = []
    for i in mark_positions(text, DOUBLE_MARKS):
        if i in used or mark_shape(text, i, DOUBLE_MARKS) != "close" or text[i - 1] not in SENTENCE_END | {","}:
            continue
        if not _inside(marked, i):
            start = art.paragraphs[max(0, bisect_right(starts, i) - 1)][0]
            floor = max([start] + [m.end + 1 for m in marked if start <= m.end < i])
            opening = _opening_after_cue(art, floor, i)
            if opening is not None:
                recovered.append(Marked(opening, i, opened=False))
    return recovered


def _inside(marked: list[Marked], i: int) -> bool:
    return any(m.start <= i < m.end for m in marked)


def _opening_after_cue(art: ArticleView, floor: int, close: int) -> int | None:
    doc = art.doc
    tokens = [t for t in doc.char_span(floor, close, alignment_mode="contract") or []]
    for verb in reversed(tokens):
        if verb.pos_ == "VERB" and verb_lemma(verb) in SPEECH_VERBS and subject_of(verb) is not None:
            content = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i), None)
            first = content.left_edge if content is not None else doc[min(verb.i + 1, len(doc) - 1)]
            while first.i < len(doc) - 1 and (first.dep_ == "mark" or first.is_punct) and first.idx < close:
                first = doc[first.i + 1]
            words = [t for t in tokens if first.idx <= t.idx]
            # "…,” he said in the letter.”: a stray mark after the cue's own phrase, no one's words
            return first.idx if first.idx < close and any(t.pos_ in ("VERB", "AUX") for t in words) else None
    return None


# --------------------------------------------------------------------------- 1b. quotes without marks

# "Image copyright AFP Image caption The ambassador says ...": the words of a photo's caption follow.
CAPTION = re.compile(r"\b(?:Image|Media|Photo) caption\s")
# "in May.The dam": a full stop with no space after it, which the tokenizer keeps in one word.
GLUED_SENTENCE = re.compile(r"(?<=[a-z0-9])\.(?=[A-Z][a-z])")
# "HOLM: It is not safe.": a transcript line, its speaker's name in capitals.
TRANSCRIPT_LINE = re.compile(r"([A-Z][A-Z.'’\- ]*[A-Z]):\s+(\S.*)")
# "Open the bridge. https://t.co/x — Tom Walsh (@tomwalsh) July 4, 2020": an embedded post.
EMBEDDED_POST = re.compile(
    r"(\S.*?)\s*(?:(?:https?://|pic\.twitter\.com/)\S*\s*)*"  # the post, then its links
    r"[—–]\s*([^—–()@]+?)\s*\(@\w+\)\s+\w+\.? \d{1,2}, \d{4}"  # "— Name (@handle) July 4, 2020"
)


POST_PREFIX = re.compile(r"@\w{1,30}:\s")  # a paragraph that is a listed post
HANDLE_BEFORE_COLON = re.compile(r"@(\w{2,30}):\Z")  # ".@GovChristie: “…”"
HANDLE_POST = re.compile(r"@(\w{1,30}):\s+([^.@\s].*?)(?:\s+(?:https?://|pic\.twitter\.com/)\S*)*(?:\s*…)?\s*")  # "@name: post"


def unmarked_quotes(art: ArticleView, found: list[Attributed]) -> Iterator[Attributed]:
    """Words presented as someone's without marks (GUIDELINES, Rulings): transcript
    lines headed by a person's name in capitals, block quotes after "She continued:",
    posts listed as "@handle: words" (not replies or passed-on posts: ".@name: …", "@name: @other …"),
    and embedded posts signed "— Name (@handle) Date" whose formatting was lost. A post
    holding a quote already attributed (`found`) is a reporter quoting someone (""…,"
    Trump says … — ABC News Politics"): its quotes stand, the post is no one's words."""
    for number, (start, end) in enumerate(art.paragraphs):
        paragraph = art.text[start:end]
        line = TRANSCRIPT_LINE.fullmatch(paragraph)
        if line is not None:
            person = _person_named(art, line.group(1))
            if person is not None:
                speaker = Speaker(start + line.start(1), start + line.end(1), line.group(1), person)
                yield Attributed(start + line.start(2), end, "direct", speaker, None, number)
            continue
        handle = HANDLE_POST.fullmatch(paragraph)
        if handle is not None and not any(_reported_in_post(q, start + handle.start(2), start + handle.end(2))
                                          for q in found):
            speaker = Speaker(start, start + handle.end(1), "@" + handle.group(1))
            yield Attributed(start + handle.start(2), start + handle.end(2), "direct", speaker, None, number)
            continue
        pulled = pull_quote(art, number, found)
        if pulled is not None:
            yield pulled
            continue
        post = EMBEDDED_POST.fullmatch(paragraph)
        lead_in = block_quote_lead_in(art, number) if post is None else None
        if lead_in is not None:
            cue, speaker = lead_in
            yield Attributed(start, end, "direct", speaker, cue, number)
        if post is not None and not any(_reported_in_post(q, start + post.start(1), start + post.end(1))
                                        for q in found):
            name_start, name_end = start + post.start(2), start + post.end(2)
            speaker = Speaker(name_start, name_end, post.group(2))
            span = art.doc.char_span(name_start, name_end, alignment_mode="expand")
            mention = art.mention_at[span.start] if span is not None else None
            speaker.actor_id = mention.actor_id if mention is not None else None
            yield Attributed(start + post.start(1), start + post.end(1), "direct", speaker, None, number)


def pull_quote(art: ArticleView, number: int, found: list[Attributed]) -> Attributed | None:
    """A pull quote whose formatting was lost: a paragraph without marks that repeats
    words the article quotes elsewhere, then ends with the name of the person
    ("It is the tragedy of the principled person … Patrick Cotter")."""
    start, end = art.paragraphs[number]
    if any(start <= m.start < end for m in art.marked):
        return None
    span = art.doc.char_span(start, end, alignment_mode="expand")
    last = next((t for t in reversed(span) if not t.is_space), None) if span is not None else None
    mention = art.mention_at[last.i] if last is not None else None
    if mention is None or not _is_person(art.actors, mention.actor_id) or mention.end != last.idx + len(last):
        return None
    body = art.text[start:mention.start].rstrip()
    words = _normal_words(body)
    if len(words.split()) < ECHO_WORDS or not any(
            q.kind != "indirect" and words in _normal_words(art.text[q.start:q.end]) for q in found):
        return None
    speaker = Speaker(mention.start, mention.end, mention.text, mention.actor_id)
    return Attributed(start, start + len(body), "direct", speaker, None, number)


def _reported_in_post(quote: Attributed, start: int, end: int) -> bool:
    """Whether a post is a reporter passing on this quote: the quote opens the post or
    fills most of it; a short quote inside the author's own sentences ("the first word
    she said was “butter”") is nested in the author's words."""
    inside = start <= quote.start and quote.end <= end
    return inside and (quote.start - start <= 2 or 2 * (quote.end - quote.start) >= end - start)


def _person_named(art: ArticleView, label: str) -> str | None:
    """The person the article names whose surname or name is this label ("HOLM")."""
    wanted = label.lower()
    for _, mention in art.person_mentions:
        name = art.actors[mention.actor_id].name.lower()
        if wanted in (name, name.split()[-1]):
            return mention.actor_id
    return None


# --------------------------------------------------------------------------- 2-6. judging a quote


def marked_article(doc: Doc) -> ArticleView:
    """The article with its quotation marks paired (lost openings recovered) and its
    people's known genders: what judging the marks needs."""
    art = ArticleView.build(doc)
    marked = marked_spans(art.text, art.paragraphs)
    marked += recovered_openings(art, marked)
    marked.sort(key=lambda m: m.start)
    art.marked, art.quoted = marked, quoted_tokens(doc, marked)
    art.genders = known_genders(art)
    return art


def judged_marks(art: ArticleView) -> Iterator[tuple[Marked, Attributed | str | None, str]]:
    """Each marked span in order with its verdict and the rule that decided it (`judge`);
    an attributed quote is remembered before the next is judged, as later quotes take
    their speakers from earlier ones."""
    for i, m in enumerate(art.marked):
        verdict, reason = judge(art, m, art.marked[i - 1] if i else None)
        if isinstance(verdict, Attributed):
            art.remember(verdict)
        yield m, verdict, reason


def judge(art: ArticleView, m: Marked, before: Marked | None) -> tuple[Attributed | str | None, str]:
    """An attributed quote, "scare" for a scare quote, or None for a title or term, with
    the rule that decided it (for diagnostics)."""
    doc = art.doc
    span = doc.char_span(m.start, m.end, alignment_mode="contract")
    if span is None or not any(t.is_alpha for t in span):
        return None, "no words"
    paragraph = art.paragraph_of[span.start]
    sentence_like = is_sentence_like(art, span, m, before)
    if not sentence_like and SCARE_MARKERS.intersection(words_before(art.text, m, 1)):
        return "scare", "scare marker"
    if not sentence_like and is_nickname(span):
        return None, "nickname"
    if not sentence_like and is_title(span) and not _label_as(span) and not shouted(span):
        return None, "title"
    if not sentence_like and named_term(art, m, before):
        return None, "named term"
    if headline_case(span):
        return None, "headline case"
    if in_heading(art, m.start) and not _labelled(art, m) and not post_line(art, m.start):
        return None, "in heading"  # a headline, but a caption's "Name: “...”" or a post is a quote
    cue, speaker = cue_in_sentence(art, span, partial=not sentence_like)
    if speaker is None:
        cue, speaker = parenthetical_reporter(art, span)
    if speaker is None:
        cue, speaker = speaking_participle(art, span)
    if speaker is None:
        cue, speaker = reporting_verb_above(art, span)
    if speaker is None:
        cue, speaker = trailing_name_cue(art, span, m)
    if speaker is None:
        cue, speaker = name_and_verb_after(art, span, m)
    if (speaker is None or not speaker.can_speak) and not writers_question(art, span):
        echo = echoed_speaker(art, m)
        if echo is not None:
            cue, speaker = None, echo
    if speaker is None and sentence_like:
        cue, speaker = None, handle_label(art, m)
    if speaker is None and sentence_like:
        cue, speaker = context_speaker(art, span, m)
    if speaker is None and not sentence_like:
        cue, speaker = intended_words(art, span)
    if speaker is None and not sentence_like and not is_term(art, span, m):
        cue, speaker = chained_partial(art, span, m)
    if speaker is None:
        cue, speaker = partial_cue(art, span)
    if speaker is not None and speaker.actor_id is None and speaker.text.lstrip(".").startswith("@"):
        speaker.actor_id = handle_person(art, speaker.text)  # ".@BenSasse says …"
    if speaker is None:
        if not sentence_like and is_label(span) and not is_term(art, span, m):
            return "scare", "no speaker, label"
        return None, "no speaker" + (", term" if not sentence_like and is_term(art, span, m) else "")
    if not sentence_like and cue == "according to" and not speaker.can_speak and speaker.actor_id is None:
        # "would “recommend appropriate remedies,” according to the summary": no one's words
        return None, "according to a non-speaker"
    kind = "direct" if sentence_like else "partial"
    return Attributed(m.start, m.end, kind, speaker, cue, paragraph), f"cue {cue!r}"


def parenthetical_reporter(art: ArticleView, span: Span) -> tuple[str | None, Speaker | None]:
    """'In retaliation, he said, the government jailed him for being “untrustworthy.”': a
    speech verb set off by commas inside a clause above the quote reports the whole
    clause, so the quoted words are its speaker's (Pareti 2016: the cue's source holds
    over its whole content span, a fragment in it included)."""
    frame = frame_tokens(art, span)
    for token in governing_tokens(span):
        for child in token.children:
            if (child.dep_ == "parataxis" and child.i in frame and _is_speech_verb(child)
                    and parenthetical_cue(child)):
                speaker = cue_speaker(art, child)
                if speaker is not None and speaker.can_speak:
                    return cue_text(child), speaker
    return None, None


def speaking_participle(art: ArticleView, span: Span) -> tuple[str | None, Speaker | None]:
    """'…, with commentators describing it as a form of “torture”': a speech participle
    the parse hangs on the noun before it (no subject of its own) is that noun's speech,
    when the noun names people ("commentators", "critics"), not things ("a post saying")."""
    frame = frame_tokens(art, span)
    for token in governing_tokens(span):
        noun = token.head
        if (token.i in frame and token.dep_ == "acl" and token.tag_ == "VBG" and _is_speech_verb(token)
                and noun.i < token.i and noun.pos_ == "NOUN" and is_person_noun(noun)
                and not any(c.dep_ in SUBJECTS for c in token.children) and _says_it(token, span)):
            speaker = speaker_from(art, noun)
            if speaker is not None and speaker.can_speak:
                return cue_text(token), speaker
    return None, None


def _says_it(verb: Token, span: Span) -> bool:
    """Whether the quote is what the verb says: its content clause or the label its "as"
    gives, not a thing it names ("a lawyer promising “dirt”")."""
    token = path_up_to(span, verb)[-1]
    return token.head.i == verb.i and (token.dep_ in ("ccomp", "xcomp", "parataxis")
                                       or (token.dep_ == "prep" and token.lower_ == "as"))


def path_up_to(span: Span, verb: Token) -> list[Token]:
    """The quote's root and the tokens above it up to the verb, the verb left out (up to
    the sentence's root when the verb is not above)."""
    path = [span.root]
    while path[-1].head.i not in (verb.i, path[-1].i):
        path.append(path[-1].head)
    return path


def reporting_verb_above(art: ArticleView, span: Span) -> tuple[str | None, Speaker | None]:
    """'The reporter mentions that Rico got “a handful of raises.”': a fragment inside the
    content clause of a verb of reported speech (one that does not itself introduce quoted
    words: "mention", "reiterate", "disclose") is the words of that verb's speaker, as a
    partial quote inside an indirect one is (GUIDELINES, Rulings)."""
    frame = frame_tokens(art, span)
    for token in governing_tokens(span):
        if token.i in frame and token.pos_ == "VERB" and verb_lemma(token) in INDIRECT_VERBS and reports(
                token, span.root):
            speaker = subject_speaker(art, token, guess=False)
            if speaker is not None and speaker.can_speak:
                return cue_text(token), speaker
    return None, None


def writers_question(art: ArticleView, span: Span) -> bool:
    """'Have you gotten “a handful of raises”?': the writer's own question, its question
    mark outside the quote; words quoted earlier and repeated in it are an ironic echo."""
    _, end = art.clause(span.end - 1)
    last = next((t for t in reversed(art.doc[span.end:end]) if not (t.is_space or t.is_quote)), None)
    return last is not None and last.text == "?" and not art.quoted[last.i]


def intended_words(art: ArticleView, span: Span) -> tuple[str | None, Speaker | None]:
    """'He intended to “get under the hood”': a quoted infinitive phrase after a verb of
    intent is the words of its subject, when that is a person the article names."""
    root = span.root
    to = next((c for c in root.children if c.dep_ == "aux" and c.lower_ == "to" and not art.quoted[c.i]), None)
    if (to is None or root.dep_ != "xcomp" or root.i != span.start or root.pos_ != "VERB"
            or root.head.lemma_.lower() not in INTENTION_VERBS):
        return None, None
    subject = subject_of(root.head)
    speaker = speaker_from(art, subject) if subject is not None else None
    if speaker is None or not _is_person(art.actors, speaker.actor_id):
        return None, None
    return root.head.text, speaker


def chained_partial(art: ArticleView, span: Span, m: Marked) -> tuple[str | None, Speaker | None]:
    """'Funds come from “a vocal part of the base,” which has “given him a platform”': a
    fragment later in the sentence of a partial quote already credited continues it."""
    start, _ = art.clause(span.start)
    sentence_start = art.doc[start].idx
    earlier = [a for a in art.history if a.kind == "partial" and sentence_start <= a.start and a.end <= m.start]
    return (earlier[-1].cue, earlier[-1].speaker) if earlier else (None, None)


def post_line(art: ArticleView, position: int) -> bool:
    """Whether a character is in a post listed as "@handle: words" (a newsletter's list of
    posts): short and ending in a link, but sentences, not a subheading."""
    number = art.paragraph_at(position)
    return POST_PREFIX.match(art.text, art.paragraphs[number][0]) is not None


def handle_label(art: ArticleView, m: Marked) -> Speaker | None:
    """'.@GovChristie: “…”': a post quoting someone by the handle before a colon, when the
    handle holds the surname of one person the article names."""
    position, char = last_char_before(art.text, m.start - 1)
    handle = HANDLE_BEFORE_COLON.search(art.text[max(0, position - 40):position + 1]) if char == ":" else None
    if handle is None:
        return None
    person = handle_person(art, handle.group(1))
    if person is None:
        return None
    start, end = position + 1 - len(handle.group(0)), position
    return Speaker(start, end, art.text[start:end], person)


def handle_person(art: ArticleView, handle: str) -> str | None:
    """The one person the article names whose surname the handle holds ("BenSasse")."""
    words = handle.lstrip(".@").lower()
    people = {mention.actor_id for _, mention in art.person_mentions
              if art.actors[mention.actor_id].name.split()[-1].lower() in words}
    return people.pop() if len(people) == 1 else None


def name_and_verb_after(art: ArticleView, span: Span, m: Marked) -> tuple[str | None, Speaker | None]:
    """'“… right? Right?!” Page wrote in one text.': a question or exclamation, then a
    name and its speech verb opening the next words, whatever follows them but another
    quote the verb introduces."""
    if art.text[m.start:m.end].rstrip()[-1:] not in ("?", "!"):
        return None, None
    words = [t for t in art.doc[span.end:span.end + TRAILING_CUE_WORDS + 2] if not t.is_space]
    words = words[1:] if words and words[0].is_quote else words
    name = list(takewhile(lambda t: t.pos_ == "PROPN" and t.is_title, words))
    verb = words[len(name)] if 0 < len(name) < len(words) else None
    if verb is None or len(name) > 3 or not verb.is_lower or verb_lemma(verb) not in SPEECH_VERBS:
        return None, None
    rest = art.doc[verb.i + 1:art.clause(verb.i)[1]]
    if any(art.quoted[t.i] or t.text == ":" for t in rest):
        return None, None  # 'Tanden emailed Podesta: “…”' introduces the next quote
    return verb.text, speaker_from(art, name[-1])


def partial_cue(art: ArticleView, span: Span) -> tuple[str | None, Speaker | None]:
    """A quote's speaker from its own clause when no speech verb in the active voice gave
    one: the agent of a passive cue ("was labelled “inept” by X"), the subject of a
    labelling verb whose manner or object the words give ("“strongly” condemned",
    "blasted the “reckless” plan"), the holder of a view the words state ("sees her
    getting “forced out”", "the envoy's impression that … “mostly true”"), the author of a
    message blamed or praised for what it says ("was criticised for a tweet telling them
    to “go back”"), the person a video caption shows talking ("Media caption Ann Lee on
    the “last laugh”"). Pareti (2016) counts such fragments as mixed quotes of the source
    their clause names. These speakers must resolve to an actor: the cues are weaker than
    a speech verb's, and later quotes take their speaker from the quotes before them.
    Then "As Time notes, …" before the quote, a named person's quoted state ("has “no
    idea”"), a crowd's "chants of “…”" and the reader's "You say, “…”"."""
    for finder in (passive_source, labelling_subject, opinion_holder, reproached_author, caption_speaker):
        cue, speaker = finder(art, span)
        if speaker is not None and speaker.can_speak and speaker.actor_id is not None:
            return cue, speaker
    cue, speaker = as_name_says(art, span)
    if speaker is None:
        cue, speaker = person_predicate(art, span)
    if speaker is None:
        cue, speaker = crowd_voice(art, span)
    return (cue, speaker) if speaker is not None else reader_voice(art, span)


def passive_source(art: ArticleView, span: Span) -> tuple[str | None, Speaker | None]:
    """'was described as “a disaster” by X', 'was labelled “inept” in emails from X': a
    passive speech or labelling verb over the fragment, its agent, or the person or body
    its words come from."""
    for verb in governing_tokens(span)[:2]:
        if not _passive_cue(verb):
            continue
        source = _agent_of(verb)
        if source is not None and not span.start <= source.i < span.end:
            return cue_text(verb), speaker_from(art, source)
    return None, None


def opinion_holder(art: ArticleView, span: Span) -> tuple[str | None, Speaker | None]:
    """'X sees her getting “forced out”', "the envoy's impression that the reports were
    “mostly true”": an opinion verb whose object or complement the fragment is (not a
    label given with "as": "bigots who see it as a way to protect their “right”" are the
    writer's marks), or an opinion noun with its holder."""
    for token in governing_tokens(span)[:3]:
        if token.pos_ == "VERB" and token.lemma_.lower() in OPINION_VERBS:
            if _through_as(span, token):
                return None, None
            return token.text, subject_speaker(art, token, guess=False)
        if token.pos_ == "NOUN" and token.lemma_.lower() in OPINION_NOUNS:
            holder = next((c for c in token.children if c.dep_ == "poss"), None)
            return (token.text, speaker_from(art, holder)) if holder is not None else (None, None)
    return None, None


def _through_as(span: Span, verb: Token) -> bool:
    """Whether the quote hangs on the verb through an "as" phrase."""
    return any(t.lower_ == "as" for t in path_up_to(span, verb)[1:])


def person_predicate(art: ArticleView, span: Span) -> tuple[str | None, Speaker | None]:
    """'Ana Ruiz has “no idea” how …', 'Holm was “deeply disappointed”': what a named
    person is, feels or has, in quoted words, is that person's own description of it (a
    group, a thing or a description as subject is the writer's: 'the candidates were
    “nice”', 'the vote was “uncomfortable”')."""
    words = outside_heads(span)
    if len(words) != 1:
        return None, None
    word, verb = words[0], words[0].head
    if word.dep_ not in ("acomp", "attr", "dobj") or verb.lemma_.lower() not in STATE_VERBS:
        return None, None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    speaker = speaker_from(art, subject) if subject is not None else None
    if speaker is None or not _is_person(art.actors, speaker.actor_id):
        return None, None
    return None, speaker


def crowd_voice(art: ArticleView, span: Span) -> tuple[str | None, Speaker | None]:
    """'was met with cheers of “We love Ted!”', 'chants of “lock him up”': the words a
    crowd called out, given by a noun of voices and "of"; the voices are the anonymous
    speaker (GUIDELINES: unnamed groups are anonymous)."""
    for token in governing_tokens(span)[:2]:
        if token.lower_ == "of" and token.head.pos_ == "NOUN" and token.head.lemma_.lower() in VOICE_NOUNS:
            voices = token.head
            return f"{voices.text} of", Speaker(voices.idx, voices.idx + len(voices), voices.text, anonymous=True,
                                                head=voices.lemma_.lower(), plural=voices.tag_ == "NNS")
    return None, None


def reproached_author(art: ArticleView, span: Span) -> tuple[str | None, Speaker | None]:
    """'X was criticised for a tweet telling them to “go back”': a message's speech
    participle over the fragment, the message the reason someone is blamed or praised in
    the passive; that someone wrote it."""
    chain = governing_tokens(span)
    for participle, message, reason, verb in zip(chain, chain[1:], chain[2:], chain[3:]):
        if (participle.dep_ == "acl" and participle.tag_ == "VBG" and _is_speech_verb(participle)
                and message.lemma_.lower() in NOUN_CUES | DOCUMENT_NOUNS and message.dep_ == "pobj"
                and reason.lower_ == "for" and verb.pos_ == "VERB"):
            author = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
            return (participle.text, speaker_from(art, author)) if author is not None else (None, None)
    return None, None


def reader_voice(art: ArticleView, span: Span) -> tuple[str | None, Speaker | None]:
    """'You say, “Medicare is not a handout!”': words the writer puts in the reader's mouth
    are a quote of an anonymous "you" (GUIDELINES, Rulings, dev6); not a condition ("if you
    say “…”") nor a question."""
    for verb in governing_tokens(span)[:2]:
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if (subject is not None and subject.lower_ == "you" and verb.tag_ == "VBP" and _is_speech_verb(verb)
                and not any(c.dep_ in ("mark", "aux") for c in verb.children) and verb.dep_ == "ROOT"):
            return verb.text, Speaker(subject.idx, subject.idx + len(subject), subject.text, anonymous=True)
    return None, None


def caption_speaker(art: ArticleView, span: Span) -> tuple[str | None, Speaker | None]:
    """'Media caption Barack Obama on John McCain's “last laugh”': a video caption naming a
    person and what they talk "on": the quoted words are that person's."""
    paragraph = art.paragraph_of[span.start]
    caption = CAPTION.search(art.text, art.paragraphs[paragraph][0], span.start_char)
    first = art.doc.char_span(caption.end(), caption.end() + 1, alignment_mode="expand") if caption else None
    mention = art.mention_at[first.start] if first is not None else None
    if mention is None or mention.start != caption.end() or not _is_person(art.actors, mention.actor_id):
        return None, None
    if not art.text.startswith(" on ", mention.end):
        return None, None
    return None, Speaker(mention.start, mention.end, mention.text, mention.actor_id)


def as_name_says(art: ArticleView, span: Span) -> tuple[str | None, Speaker | None]:
    """'As Time notes, its strength comes from “…”': "as", a name and a speech verb
    before a comma earlier in the quote's sentence, whatever the tagger made of the verb
    ("notes" and "reports" are often read as plural nouns, so the parse links nothing)."""
    start, _ = art.clause(span.start)
    doc = art.doc
    for i in range(start, span.start):
        if doc[i].lower_ != "as" or art.quoted[i]:
            continue
        words = list(takewhile(lambda t: not t.is_punct and t.i < span.start, doc[i + 1:]))
        end = i + 1 + len(words)
        if not 2 <= len(words) <= TRAILING_CUE_WORDS or end >= len(doc) or doc[end].text != ",":
            continue
        verb, name = words[-1], words[:-1]
        if (verb.is_lower and verb_lemma(verb) in SPEECH_VERBS and name[-1].pos_ == "PROPN"
                and all(t.pos_ == "PROPN" or t.is_stop for t in name)):
            return verb.text, speaker_from(art, name[-1])
    return None, None


def _passive_cue(verb: Token) -> bool:
    lemma = verb_lemma(verb)
    return (verb.tag_ == "VBN" and (lemma in SPEECH_VERBS or lemma in LABELLING_VERBS)
            and (verb.dep_ == "acl" or any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)))


def _agent_of(verb: Token) -> Token | None:
    """"by X", "from X", or "in a letter from X" / "in X's letter" on a passive verb, or
    on the words it governs (the parse often hangs "by X" on the label before it)."""
    for prep in _preps_of_clause(verb):
        objects = [c for c in prep.children if c.dep_ == "pobj"]
        if prep.lower_ in ("by", "from") and objects:
            return objects[0]
        if prep.lower_ == "in" and objects and objects[0].lemma_.lower() in DOCUMENT_NOUNS | NOUN_CUES:
            document = objects[0]
            owner = next((c for c in document.children if c.dep_ == "poss"), None)
            origin = next((g for c in document.children if c.dep_ == "prep" and c.lower_ in ("from", "by")
                           for g in c.children if g.dep_ == "pobj"), None)
            if owner is not None or origin is not None:
                return owner if owner is not None else origin
    return None


def _preps_of_clause(verb: Token) -> list[Token]:
    """The prepositions after a verb that belong to its own clause: on the verb, or on
    words below it with no clause between."""
    def in_clause(token: Token) -> bool:
        while token.i != verb.i:
            if token.dep_ in CLAUSE_LINKS or token.head.i == token.i:
                return False
            token = token.head
        return True
    return [t for t in verb.subtree if t.i > verb.i and t.dep_ in ("agent", "prep") and in_clause(t.head)]


def labelling_subject(art: ArticleView, span: Span) -> tuple[str | None, Speaker | None]:
    """'“strongly” condemned', 'blasted the “reckless” plan', 'slammed them for their
    “reckless” plan': a labelling verb whose manner, or an adjective of whose object, the
    quoted words give is the subject's wording, as the label it gives with "as" is; a
    quoted object itself is what they attack ("attacked the “reform”")."""
    words = outside_heads(span)
    if len(words) != 1:
        return None, None
    word = words[0]
    verb = word.head
    if word.dep_ == "amod" and word.pos_ == "ADJ" and verb.dep_ in ("dobj", "pobj"):
        verb = verb.head
        if verb.dep_ == "prep" and verb.lower_ == "for":
            verb = verb.head
    elif word.dep_ != "advmod":
        return None, None  # "attacked the “reform”": a term they attack, not their word
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in LABELLING_VERBS:
        return None, None
    return cue_text(verb), subject_speaker(art, verb, guess=False)


def is_sentence_like(art: ArticleView, span: Span, m: Marked, before: Marked | None) -> bool:
    """Direct-quote shape: several sentences, a sentence of its own, after a colon,
    the second half of a quote split by its cue, or a complete clause."""
    if spans_sentences(span):
        return True
    doc, text = art.doc, art.text
    start, _ = art.clause(span.start)
    lead = [t for t in doc[start:span.start] if not t.is_punct and not t.is_space and t.idx < m.start - 1]
    if not lead:  # ““Two officials” told ABC" is no sentence, but the first half of a split quote is
        return not _argument_of_outside_verb(art, span) or split_by_cue(art, m)
    previous = last_char_before(text, m.start - 1)[1] if m.opened else ""
    if previous == ":":
        return True
    if previous == "," and before is not None and before.end >= doc[start].idx:
        return True
    return complete_clause(span)


def split_by_cue(art: ArticleView, m: Marked) -> bool:
    """'“Little Adam Schiff,” the president tweeted, “who is …”': quoted words ending in a
    comma, then only a cue of a few words with its speech verb, a comma and the next quote:
    the first half of a quote split by its cue, whatever the parse made of its words."""
    following = next((n for n in art.marked if n.start > m.end), None)
    if following is None or not art.text[m.start:m.end].rstrip().endswith(","):
        return False
    between = art.doc.char_span(m.end, following.start, alignment_mode="contract")
    if between is None or not art.text[m.end:following.start].rstrip(" " + "".join(DOUBLE_MARKS)).endswith(","):
        return False
    words = [t for t in between if t.is_alpha]
    return 2 <= len(words) <= TRAILING_CUE_WORDS and any(_is_speech_verb(t) for t in words)


def outside_heads(span: Span) -> list[Token]:
    """The quoted words whose head lies outside the quote: where it joins its sentence."""
    return [t for t in span if not span.start <= t.head.i < span.end and not t.is_punct]


def _argument_of_outside_verb(art: ArticleView, span: Span) -> bool:
    roots = outside_heads(span)
    main = max(roots, key=lambda r: sum(1 for _ in r.subtree), default=None)
    if main is None or art.paragraph_of[main.head.i] != art.paragraph_of[main.i]:
        return False  # a parse joining paragraphs
    return main.dep_ in NOUN_SLOTS


def last_char_before(text: str, position: int) -> tuple[int, str]:
    """The last character before a position that is not white space, and where it is."""
    i = position - 1
    while i >= 0 and text[i].isspace():
        i -= 1
    return i, text[i] if i >= 0 else ""


def spans_sentences(span: Span) -> bool:
    """Whether a sentence ends inside the quote and words follow."""
    last_word = max((t.i for t in span if t.is_alpha), default=span.start)
    return any(t.text in SENTENCE_END for t in span.doc[span.start:last_word])


def complete_clause(span: Span) -> bool:
    """The quoted words are whole clauses: each sizeable root is a verb whose
    subject is quoted and whose quoted dependents are quoted whole; what it governs
    outside the marks is only other clauses, "that" or punctuation ("...,” he said")."""
    roots = [t for t in span if not t.is_punct and not t.is_space and not span.start <= t.head.i < span.end]
    roots += [t for t in span if t.head.i == t.i and t not in roots]
    sizeable = [r for r in roots if sum(1 for t in r.subtree if span.start <= t.i < span.end) > SMALL_ROOT]
    return bool(sizeable) and all(_whole_clause(root, span) for root in sizeable)


def _whole_clause(root: Token, span: Span) -> bool:
    if root.pos_ not in ("VERB", "AUX"):
        return False
    inside = [c for c in root.children if span.start <= c.i < span.end]
    if not any(c.dep_ in SUBJECTS | {"nsubjpass", "expl"} for c in inside):
        return False
    if any(not span.start <= t.i < span.end and not t.is_punct for c in inside for t in c.subtree):
        return False
    outside = [c for c in root.children if not span.start <= c.i < span.end and not c.is_punct]
    return all(c.dep_ in CLAUSE_DEPS for c in outside)


def words_before(text: str, m: Marked, count: int = 2) -> list[str]:
    """The last words before the opening mark, lower case, without punctuation but hyphens."""
    words = text[max(0, m.start - 40):m.start - 1].lower().split()[-count:]
    return ["".join(c for c in w if c.isalnum() or c == "-") for w in words]


def is_label(span: Span) -> bool:
    """A short noun or adjective phrase ("law and order", "post-partisan"): the shape
    of a scare quote, unlike a clipped phrase of speech ("about how to reconcile")."""
    words = [t for t in span if t.is_alpha]
    if not words or len(words) > LABEL_WORDS:
        return False
    first, last = words[0], words[-1]
    opens_phrase = first.pos_ not in NOT_LABEL_START and first.tag_ not in FINITE_TAGS
    return opens_phrase and last.pos_ in ("NOUN", "PROPN", "ADJ")


def named_term(art: ArticleView, m: Marked, previous: Marked | None) -> bool:
    """A term or title the sentence names, whoever speaks: after "the terms", "the
    slogan", "a book", or a participle "called"/"named" of a noun ("a program called
    “...”"), but not "he called it “...”"; and the next of a list of them ("the terms
    “...” and “...”")."""
    if previous is not None and art.text[previous.end + 1:m.start - 1].strip(" ,") in ("and", "or", ""):
        if named_term(art, previous, None):
            return True
    before = words_before(art.text, m)
    if not before:
        return False
    last = before[-1]
    if last in NAMING_PARTICIPLES:
        marker = art.doc.char_span(m.start - 1, m.start, alignment_mode="expand")
        participle = art.doc[marker.start - 1] if marker is not None and marker.start > 0 else None
        return participle is not None and participle.tag_ == "VBN" and participle.dep_ == "acl"
    return last in TERM_MARKERS or (last.endswith("s") and last[:-1] in TERM_MARKERS)


# A paragraph of a quote ending in a comma and a cue of a few words: '“We will win,” she said'.
QUOTE_THEN_CUE = re.compile(r"[\"“].+,[\"”″]\s+(?:\S+\s+){0,%d}\S+" % (TRAILING_CUE_WORDS - 1))


def in_heading(art: ArticleView, position: int) -> bool:
    """Whether a character is in a headline or subheading: a short paragraph ending
    without punctuation, or one in title case ("‘It’s Not About Me’")."""
    number = art.paragraph_at(position)
    start, end = art.paragraphs[number]
    paragraph = art.text[start:end]
    if in_caption(art, number, position):
        return False  # "Image caption Trump called it a “mess”": a caption is a sentence
    if number > 0 and QUOTE_THEN_CUE.fullmatch(paragraph):
        return False  # "“It will be part of the inquiry,” he said": a full stop lost, not a subheading
    words = paragraph.split()
    if len(words) > HEADING_WORDS:
        return False
    ends_sentence = not paragraph.rstrip("".join(DOUBLE_MARKS) + "".join(SINGLE_MARKS))[-1:].isalnum()
    long_words = [w for w in words if len(w.strip("".join(DOUBLE_MARKS) + "".join(SINGLE_MARKS))) > 3]
    capitalised = sum(w.lstrip("".join(DOUBLE_MARKS) + "".join(SINGLE_MARKS))[:1].isupper() for w in long_words)
    return not ends_sentence or capitalised >= TITLE_SHARE * len(long_words)


def in_caption(art: ArticleView, paragraph: int, position: int) -> bool:
    """Whether a character of this paragraph follows "Image caption" or the like."""
    return CAPTION.search(art.text, art.paragraphs[paragraph][0], position) is not None


def is_term(art: ArticleView, span: Span, m: Marked) -> bool:
    """A name or term: one word, title case, after "titled", "book", "the word", "known as"."""
    words = [t for t in span if t.is_alpha]
    before = words_before(art.text, m)
    if len(words) <= 1 or (before and before[-1] in TERM_MARKERS | NAMING_PARTICIPLES) or before == ["known", "as"]:
        return True
    return title_case(words)


def title_case(words: list[Token]) -> bool:
    long_words = [t for t in words if len(t) > 3 or t.i == words[0].i]
    return all(t.text[0].isupper() for t in long_words)


def is_title(span: Span) -> bool:
    """Several words in title case named, not predicated ("on “This Week”", not
    "called it “Fake News”"): a title, whoever is speaking."""
    words = [t for t in span if t.is_alpha]
    roots = outside_heads(span)
    predicated = any(r.dep_ in PREDICATE_DEPS for r in roots)
    return len(words) > 1 and title_case(words) and not predicated


def is_nickname(span: Span) -> bool:
    """Title-case words quoted inside a name: Bernard “Jack” Young."""
    doc = span.doc
    before, after = span.start - 2, span.end + 1
    return (before >= 0 and after < len(doc) and doc[before].pos_ == "PROPN" and doc[after].pos_ == "PROPN"
            and doc[span.start - 1].is_quote and doc[span.end].is_quote and title_case([t for t in span if t.is_alpha]))


def shouted(span: Span) -> bool:
    """Words a verb of voice calls out ('scream “F— TRUMP!”', 'chanted “Four More
    Years”'): capitals are their loudness, not a title's."""
    head = span.root.head
    return (span.root.dep_ in ("dobj", "ccomp") and not span.start <= head.i < span.end
            and head.lemma_.lower() in VOICE_VERBS)


def _label_as(span: Span) -> bool:
    """A title-case label given with "as" by a speaker: 'described her spouse as the “John Dean”'."""
    head = span.root.head
    return (head.lower_ == "as" and head.dep_ == "prep" and not span.start <= head.i < span.end
            and (_is_speech_verb(head.head) or _labels_as(head.head)))


def _headline_marked(art: ArticleView, m: Marked) -> bool:
    span = art.doc.char_span(m.start, m.end, alignment_mode="contract")
    return span is not None and headline_case(span)


def headline_case(span: Span) -> bool:
    """A whole sentence in title case, its small words capitalised too ("“Why Cruz Is
    Worse Than Trump,” read one headline"): the title of a piece, not anyone's speech."""
    words = [t for t in span if t.is_alpha]
    if sum(len(t) > 3 for t in words) < HEADLINE_WORDS or not title_case(words) or all(t.is_upper for t in words):
        return False
    return any(t.is_title and t.vocab[t.lower_].is_stop for t in words[1:])


# --------------------------------------------------------------------------- 2. cues in the sentence


def cue_in_sentence(art: ArticleView, span: Span, partial: bool) -> tuple[str | None, Speaker | None]:
    """The cue and speaker the quote's own sentence gives, if any: a governing
    speech verb, a speech verb right beside the quote, "according to"; last, a
    governing cue whose subject cannot speak ("the report said")."""
    frame = frame_tokens(art, span)
    chain = [(t, s) for t in governing_tokens(span) if t.i in frame and (s := cue_speaker(art, t)) is not None]
    speaking = [(t, s) for t, s in chain if s.can_speak]
    if speaking:
        verb, speaker = reporting_cue(speaking) if partial else speaking[0]
        return cue_text(verb), speaker
    nearby = nearest_cue(art, span, frame) or as_cue(art, span, frame)
    if nearby is not None:
        return nearby
    according = according_to(art, frame)
    if according is not None:
        return "according to", according
    return (cue_text(chain[0][0]), chain[0][1]) if chain else (None, None)


def reporting_cue(speaking: list[tuple[Token, Speaker]]) -> tuple[Token, Speaker]:
    """For a fragment inside reported speech, the outermost speech verb that
    brings a new speaker: "One diplomat said officials had acknowledged “a
    dozen”" quotes the diplomat; "Rouhani dismissed reports, saying “...”" keeps
    the nearer "saying"; a label keeps the one who applies it ("called him “boy”")."""
    verb, speaker = speaking[0]
    if verb_lemma(verb) in NAMING_VERBS:
        return verb, speaker  # "Figures testified that Sessions called him “boy”": the word is Sessions's
    for outer, outer_speaker in speaking[1:]:
        if reports(outer, verb) and _identity(outer_speaker) != _identity(speaker):
            verb, speaker = outer, outer_speaker
    return verb, speaker


def reports(outer: Token, inner: Token) -> bool:
    """Whether the inner token lies in the outer verb's content clause."""
    token = inner
    while token.head.i != token.i:
        if token.head.i == outer.i:
            return token.dep_ == "ccomp"
        token = token.head
    return False


def _identity(speaker: Speaker) -> str:
    return speaker.actor_id or speaker.text.lower()


def frame_tokens(art: ArticleView, span: Span) -> set[int]:
    """Tokens outside quotes in the first and last sentence of the quote."""
    frame: set[int] = set()
    for i in (span.start, span.end - 1):
        start, end = art.clause(i)
        frame.update(j for j in range(start, end) if not art.quoted[j] and not span.start <= j < span.end)
    return frame


def governing_tokens(span: Span) -> list[Token]:
    """The tokens above the quoted words in the parse, nearest first (fewest steps
    up, then fewest words away). A quote joined to a clause as its conjunct ("He
    blamed the US: “Where did ...”") is not governed by it; a conjoined label is ("called it
    “cruel” and “stupid”")."""
    best: dict[int, tuple[int, int, Token]] = {}
    for root in span:
        clause_conjunct = root.dep_ == "conj" and root.pos_ in ("VERB", "AUX") and root.head.pos_ in ("VERB", "AUX")
        if span.start <= root.head.i < span.end or root.head.i == root.i or clause_conjunct:
            continue
        for steps, ancestor in enumerate(root.ancestors, start=1):
            if span.start <= ancestor.i < span.end:
                continue
            distance = min(abs(ancestor.i - span.start), abs(ancestor.i - span.end))
            if ancestor.i not in best or (steps, distance) < best[ancestor.i][:2]:
                best[ancestor.i] = (steps, distance, ancestor)
    return [token for _, _, token in sorted(best.values(), key=lambda item: item[:2])]


def cue_speaker(art: ArticleView, token: Token) -> Speaker | None:
    """The speaker a cue word gives: a speech verb's subject, a cue noun's possessor;
    "the agency quoted Ryabkov as saying": the one quoted."""
    quoted = _quoted_as(token)
    if quoted is not None:
        return speaker_from(art, quoted)
    owner = possessor_of_verb(token) if token.pos_ == "VERB" else None
    if owner is not None and (token.tag_ == "VBG" or any(c.dep_ == "ccomp" for c in token.children)) and (
            verb_lemma(token) in SPEECH_VERBS or token.lower_ in NOUN_CUES):
        return speaker_from(art, owner)  # "Cohen’s earlier boasts that he was …", "Comey’s saying: “…”"
    if _is_speech_verb(token) or _labels_as(token) or (token.pos_ == "VERB" and any(
            c.dep_ == "dobj" and c.lemma_.lower() in NOUN_CUES for c in token.children)):
        return subject_speaker(art, token)  # "said", "issued a warning to ..."
    if _labels_as(token, OPINION_VERBS):
        speaker = subject_speaker(art, token)
        return speaker if speaker is not None and speaker.actor_id and not speaker.anonymous else None
    if token.dep_ == "dobj" and verb_lemma(token.head) in NAMING_VERBS:
        return None  # "called Olsen’s remarks “misleading”": the remarks are what is named
    if token.pos_ == "NOUN" and token.lemma_.lower() in NOUN_CUES:
        owner = next((c for c in token.children if c.dep_ == "poss"), None) or _author_after(token)
        if owner is not None:
            return speaker_from(art, owner)
        if token.dep_ == "dobj":  # "issued a challenge to ...", "released a statement calling ..."
            return subject_speaker(art, token.head)
    return None


def _labels_as(verb: Token, verbs: frozenset[str] = LABELLING_VERBS) -> bool:
    """"Derided them as “liars and leakers”": a labelling verb with its as-phrase."""
    return verb.pos_ == "VERB" and verb.lemma_.lower() in verbs and any(
        c.dep_ == "prep" and c.lower_ == "as" for c in verb.children)


def _quoted_as(verb: Token) -> Token | None:
    """The object of "quoted X as saying" (active voice)."""
    if verb.lemma_.lower() not in ("quote", "cite") or not any(
            c.dep_ == "prep" and c.lower_ == "as" for c in verb.children):
        return None
    return next((c for c in verb.children if c.dep_ == "dobj"), None)


def _is_speech_verb(token: Token) -> bool:
    if token.pos_ not in ("VERB", "AUX"):
        return False
    if possessor_of_verb(token) is not None:
        return False  # "Trump's remarks": a noun the tagger took for a verb
    return verb_lemma(token) in SPEECH_VERBS or _speech_particle(token) is not None


def possessor_of_verb(token: Token) -> Token | None:
    """The owner of a plural noun the tagger took for a verb: "Trump" in "Trump's
    remarks", "Cohen’s earlier boasts", "his repeated claims"."""
    i = token.i - 1
    while i >= 0 and token.doc[i].tag_ in MODIFIER_TAGS:
        i -= 1
    if i < 0:
        return None
    if token.doc[i].tag_ == "POS" and i > 0:
        return token.doc[i - 1]
    return token.doc[i] if token.doc[i].tag_ == "PRP$" else None


def verb_lemma(token: Token) -> str:
    lemma = token.lemma_.lower()
    return LEMMA_FIXES.get(lemma, lemma)


def _speech_particle(token: Token) -> Token | None:
    """The "back" of "shot back" (a particle, or an adverb right after the verb)."""
    wanted = PHRASAL_SPEECH.get(token.lemma_.lower())
    return next((c for c in token.children if c.lower_ == wanted and c.i == token.i + 1
                 and c.dep_ in ("prt", "advmod")), None)


def cue_text(token: Token) -> str:
    particle = next((c for c in token.children if c.dep_ == "prt" and c.i == token.i + 1), None) or _speech_particle(token)
    return f"{token.text} {particle.text}" if particle is not None else token.text


def subject_of(verb: Token, depth: int = 0) -> Token | None:
    """The verb's subject, or for a participle, infinitive or conjunct without one,
    the subject of the verb it hangs on; "X was quoted as saying" gives X."""
    quoted_as = verb.lemma_.lower() in ("quote", "cite")
    subjects = [c for c in verb.children if c.dep_ in SUBJECTS or (quoted_as and c.dep_ == "nsubjpass")]
    inverted = [c for c in subjects if c.i > verb.i]
    if inverted and len(subjects) > 1 and _is_speech_verb(verb):
        return _past_dateline(inverted[0])  # "Journalists, writes Clinton, “…”": the inverted one speaks
    named = _parenthetical_name(verb)
    if named is not None:
        return named
    if subjects and _misparsed_participle_subject(verb, subjects):
        return subject_of(verb.head, depth + 1)  # "Amos laid out his concerns saying, “...”"
    if subjects:  # the nearest, when a bad parse gives two
        subject = _past_dateline(min(subjects, key=lambda c: abs(c.i - verb.i)))
        return _named_by_comparison(subject) or subject
    if any(c.dep_ == "nsubjpass" for c in verb.children) or depth >= 3:
        return None
    opening = _paragraph_opening_noun(verb)
    if opening is not None:
        return opening  # "…authority.” ¶ Gen. Ann Lee labeled it …": one parse over two paragraphs
    if verb.dep_ == "acl" and verb.head.i == verb.i - 1 and verb.head.pos_ == "PROPN" and not any(
        c.dep_ in ("agent", "dobj") for c in verb.children
    ):
        return verb.head  # "Holm tweeted" misparsed as a participle modifying the name
    if verb.dep_ == "acl" and _is_speech_verb(verb) and not any(c.dep_ in ("agent", "dobj") for c in verb.children):
        # "Boehner, after trying to pass the bill joked, “...”": a speech verb the parse hung on
        # the noun before it; its subject is the one the parse gave a later verb
        subject = next((t for t in reversed(verb.doc[verb.sent.start:verb.i])
                        if t.dep_ in SUBJECTS and t.head.i > verb.i), None)
        if subject is not None and subject.i != verb.head.i:
            return subject
    if _misparsed_predicate(verb):
        return verb.head  # "the mayor, Jack Young, called Mr Trump “...”"
    quoted = _quoted_as(verb.head.head) if verb.dep_ == "pcomp" and verb.head.lower_ == "as" else None
    if quoted is not None:
        return quoted  # "quoted Ryabkov as saying"
    controller = next((c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i), None)
    if (verb.dep_ == "xcomp" and verb.head.lemma_.lower() in OBJECT_CONTROL and controller is not None
            and controller.pos_ in ("NOUN", "PROPN", "PRON")):
        return controller  # "prompts his supporters to chant ...": the supporters chant
    if verb.dep_ in INHERITING_DEPS and verb.head.i != verb.i:
        head = verb.head
        if head.dep_ == "prep":  # "quoted ... as rejecting"
            head = head.head
        if verb.dep_ == "advcl" and head.dep_ in ("acl", "relcl") and head.head.dep_ in NOUN_SLOTS:
            head = head.head.head  # "dismissed reports that troops were sent, saying ..."
        elif _continues_speech(verb) and head.dep_ == "ccomp" and _is_speech_verb(head.head):
            head = head.head  # "warns that X will ..., adding": the one who warns adds
        elif (verb.dep_ == "conj" and verb.tag_ in FINITE_TAGS and head.dep_ == "ccomp"
              and verb.lemma_ == head.head.lemma_ and _is_speech_verb(verb)):
            head = head.head  # "Iran says its aims are peaceful and says it will stick": Iran says both
        elif verb.dep_ == "acl" and head.lemma_.lower() in NOUN_CUES and head.dep_ in ("dobj", "pobj"):
            head = head.head  # "released a statement describing ...", "followed up with a post saying ..."
            if head.dep_ == "prep":
                head = head.head
        return subject_of(head, depth + 1)
    return None


def _named_by_comparison(subject: Token) -> Token | None:
    """"No less an authority than Paul Krugman", "none other than Ann Lee": the person
    after "than" is the subject."""
    if not any(t.lower_ in ("less", "other") for t in subject.subtree if t.i <= subject.i):
        return None
    than = next((c for c in subject.children if c.dep_ == "prep" and c.lower_ == "than"), None)
    name = next((c for c in than.children if c.dep_ == "pobj"), None) if than is not None else None
    if name is not None and name.pos_ != "PROPN":  # "than the economist Paul Reyes"
        name = next((c for c in name.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
    return name if name is not None and name.pos_ == "PROPN" else None


def _paragraph_opening_noun(verb: Token) -> Token | None:
    """For a verb the parse joined to an earlier paragraph (a sentence run over a
    paragraph break), the noun phrase opening the verb's own paragraph before it, when
    the parse hung that on the earlier paragraph too: the subject it lost."""
    doc = verb.doc
    start = next((t.i + 1 for t in reversed(doc[verb.sent.start:verb.i]) if t.is_space and "\n" in t.text), None)
    if start is None or not any(a.i < start for a in verb.ancestors):
        return None
    tops = [t for t in doc[start:verb.i] if t.head.i < start and not (t.is_punct or t.is_space or t.dep_ == "cc")]
    if len(tops) == 1 and tops[0].pos_ in ("PROPN", "NOUN"):
        return tops[0]
    return None


def _misparsed_participle_subject(verb: Token, subjects: list[Token]) -> bool:
    """A bare participle whose subject is a thing someone owns ("laid out his concerns saying
    ..."): the parse took the object of the verb before for the participle's subject."""
    return (verb.tag_ == "VBG" and verb.dep_ in ("ccomp", "advcl", "xcomp") and verb.head.i < verb.i
            and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
            and all(s.pos_ == "NOUN" and s.i < verb.i and any(c.dep_ == "poss" for c in s.children)
                    and not is_person_noun(s) for s in subjects))


def _misparsed_predicate(verb: Token) -> bool:
    """"The mayor, Jack Young, called Mr Trump “...”": a speech verb in the past the parse
    hung on the name before it and its comma as a participle, though it takes an object
    and no agent, as a finite verb does."""
    doc = verb.doc
    return (verb.dep_ == "acl" and verb.tag_ in ("VBN", "VBD") and _is_speech_verb(verb)
            and verb.head.pos_ == "PROPN" and verb.head.i == verb.i - 2 and doc[verb.i - 1].text == ","
            and not any(c.dep_ == "agent" for c in verb.children)
            and any(c.dep_ in ("dobj", "oprd") and c.i > verb.i for c in verb.children))


def _parenthetical_name(verb: Token) -> Token | None:
    """"Journalists, writes Clinton, “…”": a speech verb set off by commas with a name after
    it, which the parse took for its object; not a hearer ("X, told Walsh, …")."""
    doc = verb.doc
    if verb.i == 0 or doc[verb.i - 1].text != "," or not _is_speech_verb(verb) or (
            verb.lemma_.lower() in ADDRESSING_VERBS | {"ask"}):
        return None
    name = next((c for c in verb.rights if c.dep_ == "dobj" and c.pos_ == "PROPN"), None)
    after = name.right_edge.i + 1 if name is not None else len(doc)
    return name if after < len(doc) and doc[after].text == "," else None


def _past_dateline(subject: Token) -> Token:
    """"BALTIMORE (AP) — Johns Hopkins University has filed": the parse makes the dateline
    the subject and the real one its appositive after the dash."""
    dash = next((c for c in subject.children if c.text in ("—", "–", "--")), None)
    if dash is None or not subject.is_upper:
        return subject
    return next((c for c in subject.children if c.dep_ == "appos" and c.i > dash.i), subject)


def according_to(art: ArticleView, frame: set[int]) -> Speaker | None:
    doc = art.doc
    for i in sorted(frame):
        token = doc[i]
        if token.lower_ == "according" and i + 1 < len(doc) and doc[i + 1].lower_ == "to":
            source = next((c for c in doc[i + 1].children if c.dep_ == "pobj"), None)
            if source is not None:
                return speaker_from(art, source)
    return None


def nearest_cue(art: ArticleView, span: Span, frame: set[int]) -> tuple[str, Speaker] | None:
    """A speech verb right before or after the quote in its sentence (the parse
    missed the link): at most a few words away, its subject outside the quote."""
    def words_away(i: int) -> int:
        between = art.doc[i + 1:span.start] if i < span.start else art.doc[span.end:i]
        return sum(1 for t in between if not t.is_punct)

    for i in sorted(frame, key=words_away):
        if words_away(i) > NEARBY_WORDS:
            break
        token = art.doc[i]
        if _is_speech_verb(token):
            speaker = cue_speaker(art, token)
            if speaker is not None and speaker.can_speak:
                return cue_text(token), speaker
    return None


def as_cue(art: ArticleView, span: Span, frame: set[int]) -> tuple[str, Speaker] | None:
    """"As Durbin noted the other day, a lot of Democrats “wanted ...”": a speech
    verb (or "put it": "as the economist Ann Lee put it, “...”") in an as-clause of
    the clause holding the quote."""
    clause_heads = [t for t in span if not span.start <= t.head.i < span.end or t.head.i == t.i]
    for head in [*clause_heads, *governing_tokens(span)]:
        for child in head.children:
            if child.dep_ != "advcl" or child.i not in frame:
                continue
            if (_is_speech_verb(child) or _puts_it(child, frame)) and any(
                    c.dep_ in ("mark", "prep") and c.lower_ == "as" and c.i < child.i for c in child.children):
                speaker = subject_speaker(art, child, guess=False) or _as_object_speaker(art, child)
                if speaker is not None and speaker.can_speak:
                    return cue_text(child), speaker
    return None


def _as_object_speaker(art: ArticleView, verb: Token) -> Speaker | None:
    """"As the economist Ann Lee put it": the parse made "as" a preposition and the
    speaker its object, leaving the verb without a subject."""
    as_word = next((c for c in verb.children if c.dep_ in ("prep", "mark") and c.lower_ == "as" and c.i < verb.i), None)
    speaker_word = next((g for g in as_word.children if g.dep_ == "pobj"), None) if as_word is not None else None
    return speaker_from(art, speaker_word) if speaker_word is not None else None


def _puts_it(verb: Token, frame: set[int]) -> bool:
    """"Put it" (bluntly), not "put it on hold" or "put it off" (words of the frame, not of the quote)."""
    return (verb.lemma_.lower() == "put" and any(c.dep_ == "dobj" and c.lower_ == "it" for c in verb.children)
            and not any(c.dep_ in ("prep", "prt") and c.i in frame and c.lower_ != "as" for c in verb.children))


def trailing_name_cue(art: ArticleView, span: Span, m: Marked) -> tuple[str | None, Speaker | None]:
    """"“...,” Walsh judges.": a quote ending in a comma, then only a name and
    one word to the end of the sentence, whatever the parse made of that word;
    "“...?” CNN's Jake Tapper asked.": a question or exclamation, then a name (after
    an outlet's possessive) and a speech verb, which the parser often makes a
    sentence of its own."""
    ending = art.text[m.start:m.end].rstrip()[-1:]
    if ending not in (",", "?", "!"):
        return None, None
    titled = _titled_name_cue(art, span)
    if titled is not None:
        return titled
    after = next((t.i for t in art.doc[span.end:] if not (t.is_punct or t.is_space)), len(art.doc) - 1)
    short = _short_cue_after(art, after)
    if short is not None:
        return short
    end = art.clause(span.end - 1)[1] if ending == "," else art.clause(after)[1]  # past the closing mark
    rest = [t for t in art.doc[span.end:end] if not t.is_punct and not t.is_space]
    owner = next((t for t in rest if t.tag_ == "POS"), None)
    rest = rest[rest.index(owner) + 1:] if owner is not None else rest
    if not 2 <= len(rest) <= TRAILING_CUE_WORDS or art.doc[rest[-1].i + 1:end].text.strip() not in SENTENCE_END:
        return None, None
    name, word = rest[:-1], rest[-1]
    if not all(t.pos_ == "PROPN" for t in name) or not word.is_lower or word.i != name[-1].i + 1:
        return None, None
    if ending != "," and verb_lemma(word) not in SPEECH_VERBS:
        return None, None
    speaker = speaker_from(art, name[-1])
    return (word.text, speaker) if speaker is not None else (None, None)


def _short_cue_after(art: ArticleView, first: int) -> tuple[str, Speaker] | None:
    """"“…!” some chanted, and …", "“…?” the senator asked.": a few words up to the next
    punctuation that are a subject and its speech verb, nothing else."""
    words = list(takewhile(lambda t: not (t.is_punct or t.is_space or art.quoted[t.i]), art.doc[first:]))
    if not 2 <= len(words) <= TRAILING_CUE_WORDS:
        return None
    verb = words[-1]
    subject = subject_of(verb) if verb_lemma(verb) in SPEECH_VERBS and verb.is_lower else None
    if subject is None or subject.i != verb.i - 1 or subject.left_edge.i != first:
        return None
    speaker = subject_speaker(art, verb, guess=False)
    return (verb.text, speaker) if speaker is not None and speaker.can_speak else None


def _titled_name_cue(art: ArticleView, span: Span) -> tuple[str, Speaker] | None:
    """"“…,” Pres. Trump says as …": an abbreviated title, a name and a speech verb
    right after the quote, which the sentence splitter cut apart at the title's full stop."""
    doc = art.doc
    words = [t for t in doc[span.end:min(span.end + TRAILING_CUE_WORDS + 3, len(doc))] if not t.is_space]
    words = words[1:] if words and words[0].is_quote else words
    if len(words) < 4 or words[0].lower_ not in ROLE_ABBREVIATIONS or words[1].text != ".":
        return None
    name = list(takewhile(lambda t: t.is_title and t.is_alpha, words[2:]))
    after = words[2 + len(name)] if len(words) > 2 + len(name) else None
    if not name or after is None or not after.is_lower or verb_lemma(after) not in SPEECH_VERBS:
        return None
    speaker = speaker_from(art, name[-1])
    return (after.text, speaker) if speaker is not None else None


# --------------------------------------------------------------------------- 3. context sieves


def echoed_speaker(art: ArticleView, m: Marked) -> Speaker | None:
    """The speaker of an earlier quote holding the same words."""
    words = _normal_words(art.text[m.start:m.end])
    if len(words.split()) < ECHO_WORDS:
        return None
    for earlier in reversed(art.history):
        if earlier.start >= m.start or earlier.kind == "indirect":
            continue
        other = _normal_words(art.text[earlier.start:earlier.end])
        if words in other or other in words:
            return earlier.speaker
    return None


def _normal_words(text: str) -> str:
    return " ".join("".join(c for c in word if c.isalnum()) for word in text.lower().split())


def context_speaker(art: ArticleView, span: Span, m: Marked) -> tuple[str | None, Speaker | None]:
    """Colon lead-in, then the last speaker of the paragraph, then a person named as
    speaker in the next sentence, then the previous paragraph's last speaker or last
    person named."""
    lead = colon_lead_in(art, span, m)
    if lead is not None:
        return lead
    doc = art.doc
    start, _ = art.clause(span.start)
    if any(t.is_alpha for t in doc[start:span.start] if t.idx < m.start - 1):
        return None, None
    paragraph = art.paragraph_of[span.start]
    earlier = [a for a in art.history if a.paragraph == paragraph and a.end <= m.start]
    if earlier:
        return None, earlier[-1].speaker
    if art.paragraphs[paragraph][0] < m.start - 1:
        return None, None  # mid-paragraph quote with no one before it
    after = named_right_after(art, span) or named_in_next_paragraph(art, span)
    if after is not None:
        return after
    previous = paragraph - 1
    while previous > 0 and _page_furniture(art, previous):
        previous -= 1  # "Follow @politicalticker", "ADVERTISEMENT" between lead-in and quote
    before = [a for a in art.history if a.paragraph == previous]
    if before:
        return None, before[-1].speaker
    person = last_person_in_paragraph(art, previous)
    return (None, person) if person is not None else (None, None)


def named_right_after(art: ArticleView, span: Span) -> tuple[str, Speaker] | None:
    """"“We will win.” Omar Khaled said the vote would be close.": a person named as
    the subject of a speech verb in the sentence after a quote that opens its paragraph."""
    end = _after_quote(art, span.end)
    if end == len(art.doc) or art.paragraph_of[end] != art.paragraph_of[span.start]:
        return None
    start, stop = art.clause(end)
    return _person_cue(art, art.doc[max(start, end):stop], put_it=False)


def named_in_next_paragraph(art: ArticleView, span: Span) -> tuple[str, Speaker] | None:
    """"“We will win.” ¶ That was how Omar Khaled put it.": a quote paragraph whose next
    paragraph opens by pointing back at it ("that", "so", "those") and names the speaker;
    "“We will win,” ¶ Omar Khaled, the mayor, told reporters.": a quote left open by its
    comma, whose cue a paragraph break cut off."""
    end = _after_quote(art, span.end)
    if end == len(art.doc) or art.paragraph_of[end] != art.paragraph_of[span.start] + 1:
        return None
    points_back = art.doc[end].lower_ in BACK_REFERENCES
    if not points_back and not art.text[span.start_char:span.end_char].rstrip().endswith(","):
        return None
    _, stop = art.clause(end)
    cue = _person_cue(art, art.doc[end:stop], put_it=True)
    if cue is not None and not points_back and cue[1].start != art.doc[end].idx:
        return None  # after a comma, only a paragraph that opens with the speaker's name
    return cue


def _after_quote(art: ArticleView, end: int) -> int:
    while end < len(art.doc) and (art.quoted[end] or art.doc[end].is_punct or art.doc[end].is_space):
        end += 1
    return end


def _person_cue(art: ArticleView, tokens: Span, put_it: bool) -> tuple[str, Speaker] | None:
    """The first speech verb (or "put it") of these words, when a named person is its subject."""
    for token in tokens:
        said = _is_speech_verb(token) or (put_it and token.lemma_ == "put" and any(
            c.lower_ == "it" for c in token.children))
        if art.quoted[token.i] or not said:
            continue
        subject = subject_of(token)
        mention = art.mention_at[subject.i] if subject is not None else None
        if mention is not None and _is_person(art.actors, mention.actor_id) and subject.pos_ == "PROPN":
            return cue_text(token), Speaker(mention.start, mention.end, mention.text, mention.actor_id)
        return None
    return None


def _page_furniture(art: ArticleView, paragraph: int) -> bool:
    """A line of a few words ending without punctuation, or a verbless label ending in a
    colon ("Advertisement:"), holding no quote: a page's link, button or advertisement
    label, not part of the story."""
    start, end = art.paragraphs[paragraph]
    line = art.text[start:end]
    if len(line.split()) > FURNITURE_WORDS or any(start <= q.start < end for q in art.marked):
        return False
    words = art.doc.char_span(start, end, alignment_mode="expand")
    label = line.endswith(":") and words is not None and not any(t.pos_ in ("VERB", "AUX") for t in words)
    return line[-1:].isalnum() or label


def colon_lead_in(art: ArticleView, span: Span, m: Marked) -> tuple[str | None, Speaker] | None:
    """"A diplomat put it to me bluntly: “...”": the subject of the verb before the
    colon; "Meghan McCain: “...”" (a caption or transcript label): the person named."""
    doc = art.doc
    position, char = last_char_before(art.text, m.start - 1)
    label = doc.char_span(position, position + 1, alignment_mode="expand") if char == ":" else None
    if label is not None and _page_furniture(art, art.paragraph_of[label.start]):
        start = art.paragraphs[art.paragraph_of[label.start]][0]
        position, char = last_char_before(art.text, start)  # "Advertisement:" between lead-in and quote
    if not m.opened or char != ":":
        return None
    colon = doc.char_span(position, position + 1, alignment_mode="expand")
    if colon is None:
        return None
    labelled = _name_label(art, colon.start)
    if labelled is not None:
        return None, labelled
    lead = _lead_in_verb(art, colon.start)
    if lead is None:
        return None
    speaker = subject_speaker(art, lead)
    if speaker is None or not speaker.can_speak or not (_person_like(art, speaker) or speaker.head in PERSON_NOUNS):
        return None  # "a government spokesperson said in an email:" speaks for a country, in person
    return cue_text(lead), speaker


def _lead_in_verb(art: ArticleView, colon: int) -> Token | None:
    """The main verb of the clause a colon ends ("She continued:")."""
    start, _ = art.clause(colon)
    lead = range(start, colon)
    verbs = [t for t in art.doc[start:colon] if t.pos_ in ("VERB", "AUX") and (t.head.i == t.i or t.head.i not in lead)]
    return verbs[-1] if verbs else None


def block_quote_lead_in(art: ArticleView, number: int) -> tuple[str, Speaker] | None:
    """"She continued:" ending the paragraph before a paragraph with no quotation
    marks: a block quote whose formatting was lost, the words of the speech verb's
    subject (GUIDELINES, Rulings). "Four examples:" and "The list includes:" have
    no speech verb and introduce no one's words."""
    if number == 0:
        return None
    previous = number - 1
    while previous > 0 and art.text[art.paragraphs[previous][1] - 1] == ":" and _page_furniture(art, previous):
        previous -= 1  # "…the following comment:", "Advertisement:", then the block
    previous_end = art.paragraphs[previous][1]
    if art.text[previous_end - 1] != ":":  # first: the cheap test, which rules out most paragraphs
        return None
    if _page_furniture(art, number):
        return None
    start, end = art.paragraphs[number]
    if any(start <= m.start < end or start < m.end <= end for m in art.marked):
        return None
    colon = art.doc.char_span(previous_end - 1, previous_end, alignment_mode="expand")
    if colon is None:
        return None
    start, _ = art.clause(colon.start)
    verbs = [t for t in art.doc[start:colon.start] if t.pos_ == "VERB" and verb_lemma(t) in SPEECH_VERBS
             and (t.head.i == t.i or not start <= t.head.i < colon.start)]
    verb = verbs[-1] if verbs else None
    if verb is None:
        return None
    speaker = subject_speaker(art, verb)
    if speaker is None or not speaker.can_speak:
        return None
    return cue_text(verb), speaker


def _labelled(art: ArticleView, m: Marked) -> bool:
    position, char = last_char_before(art.text, m.start - 1)
    colon = art.doc.char_span(position, position + 1, alignment_mode="expand") if char == ":" else None
    return colon is not None and _name_label(art, colon.start) is not None


def _name_label(art: ArticleView, colon: int) -> Speaker | None:
    """The person named right before a colon, unless the name is the object of a
    verb or preposition ("He told Holm: ..." names the hearer)."""
    if colon == 0:
        return None
    mention = art.mention_at[colon - 1]
    if mention is None or not _is_person(art.actors, mention.actor_id):
        return None
    name = art.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if name is None or name.end != colon or name.root.dep_ in OBJECT_DEPS:
        return None
    return Speaker(mention.start, mention.end, mention.text, mention.actor_id)


def _person_like(art: ArticleView, speaker: Speaker) -> bool:
    return speaker.anonymous or art.actor_kind(speaker.actor_id) in ("person", None)


def last_person_in_paragraph(art: ArticleView, paragraph: int) -> Speaker | None:
    """The last person the paragraph makes a subject (not one named in passing), by name
    or as "he"/"she" ("He listed three aims. ¶ “No. 1, ...”": the person "he" stands for)."""
    if paragraph < 0:
        return None
    named = [(i, m) for i, m in art.person_mentions if art.paragraph_of[i] == paragraph and _in_subject(art.doc[i])]
    start, end = art.paragraphs[paragraph]
    words = art.doc.char_span(start, end, alignment_mode="expand")
    pronoun = max((t for t in words or () if t.lower_ in ("he", "she") and t.dep_ in SUBJECTS | {"nsubjpass"}
                   and not art.quoted[t.i]), key=lambda t: t.i, default=None)
    if pronoun is not None and (not named or named[-1][0] < pronoun.i):
        speaker = pronoun_speaker(art, pronoun)
        return speaker if speaker is not None and speaker.actor_id else None
    if not named:
        return None
    mention = named[-1][1]
    return Speaker(mention.start, mention.end, mention.text, mention.actor_id)


def _in_subject(token: Token) -> bool:
    """Whether the word heads, or is part of the name heading, a subject."""
    return _name_head(token).dep_ in SUBJECTS | {"nsubjpass"}


def _name_head(token: Token) -> Token:
    while token.dep_ in NAME_DEPS and token.head.i != token.i:
        token = token.head
    return token


# --------------------------------------------------------------------------- 4. speakers


def speaker_from(art: ArticleView, token: Token) -> Speaker | None:
    """The speaker the words headed by this token name, resolved to an actor."""
    if token.lower_ in RELATIVE_PRONOUNS and token.head.dep_ == "relcl":
        token = _relative_antecedent(art, token)
        subject = next((c for c in token.head.children if c.dep_ == "nsubj"), None)
        if token.dep_ == "attr" and token.head.lemma_ == "be" and subject is not None and (
                _person_mention(art, subject) is not None):
            token = subject  # "Huckabee is a man who says ...": Huckabee says it
    if token.lower_ in FIRST_PERSON or token.dep_ == "expl" or art.quoted[token.i]:
        return None
    if token.lower_ in SHARE_WORDS and any(c.like_num for c in token.subtree):
        return None  # poll results are no quotes (GUIDELINES): the respondents are a measurement
    if token.pos_ == "PRON" and token.lower_ not in PERSON_NOUNS:
        return pronoun_speaker(art, token)
    start, end = noun_phrase(art, token)
    doc = art.doc
    span = doc[start:end]
    speaker = Speaker(span.start_char, span.end_char, span.text, head=title_lemma(token),
                      plural=token.tag_ in ("NNS", "NNPS"))
    person = _person_mention(art, token)
    if person is not None and person.label == "role":
        return Speaker(speaker.start, speaker.end, speaker.text, person.actor_id, plural=_with_others(art, token))
    if person is not None:
        return Speaker(person.start, person.end, person.text, person.actor_id, plural=_with_others(art, token))
    name = _appositive_name(token)
    if name is not None:  # "An aunt, Venitta Body, said": a name the actor component did not know
        return Speaker(name.start_char, name.end_char, name.text, head=token.lemma_.lower())
    own = art.mention_at[token.i]
    if own is not None and _party_member(art, token, speaker):
        member = described_person(art, token)
        if member is not None:  # "the Texas Republican": a person, not the party
            return Speaker(speaker.start, speaker.end, speaker.text, member, head=speaker.head)
    if own is not None:
        speaker.actor_id = own.actor_id
        kind = art.actor_kind(own.actor_id)
        speaker.can_speak = kind != "media"
        speaker.anonymous = kind in ("country", "other") and token.pos_ == "NOUN"  # "Iranians"
        return speaker
    return describe(art, token, span, speaker)


def _appositive_name(token: Token) -> Span | None:
    """The proper name in apposition to a person noun ("an aunt, Venitta Body,"), or the names
    ("the researchers, Ann Lee and Bo Kim," which the parser reads as conjuncts), when they are
    all capitalised names."""
    if token.pos_ != "NOUN" or not is_person_noun(token):
        return None
    name = next((c for c in token.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
    if name is None and token.tag_ == "NNS":
        name = next((c for c in token.children if c.dep_ == "conj" and c.pos_ == "PROPN"
                     and c.left_edge.i == token.i + 2 and token.nbor().text == ","), None)
    if name is None:
        return None
    last = name
    while (following := next((c for c in last.children if c.dep_ == "conj" and c.pos_ == "PROPN"), None)) is not None:
        last = following
    words = token.doc[name.left_edge.i:last.i + 1]
    names = all(w.text[0].isupper() if w.pos_ == "PROPN" else w.lower_ in ("and", ",") for w in words)
    return words if names and words[-1].pos_ == "PROPN" else None


def _with_others(art: ArticleView, head: Token) -> bool:
    """Whether a person speaks with others: "Kerry and Lew", "Kerry, along with Lew,"
    (so that "they" can refer back to them)."""
    partners = [c for c in head.children if c.dep_ == "conj"]
    partners += [t for c in head.children if c.dep_ == "prep" and c.lower_ in ("with", "along", "together")
                 for t in c.subtree]
    if head.dep_ in SUBJECTS:  # "Kerry, along with Lew, said": hung on the verb
        partners += [t for c in head.head.children if c.dep_ == "prep" and c.lower_ in ("along", "together")
                     for t in c.subtree]
    return any((m := art.mention_at[t.i]) is not None and _is_person(art.actors, m.actor_id) for t in partners)


def _relative_antecedent(art: ArticleView, pronoun: Token) -> Token:
    """The noun a relative pronoun stands for: the one its clause hangs on, but for
    "who", the nearest person above it when the parse hung the clause on a thing
    ("two women prior to the election who said ...": the women)."""
    noun = pronoun.head.head
    if pronoun.lower_ not in ("who", "whom") or _person_word(art, noun):
        return noun
    for i in range(pronoun.i - 1, max(-1, pronoun.i - RELATIVE_WORDS - 1), -1):
        word = art.doc[i]
        if word.pos_ in ("VERB", "AUX") or word.is_punct:
            break
        if word.pos_ in ("NOUN", "PROPN") and _person_word(art, word):
            return word
    return noun


def _person_word(art: ArticleView, token: Token) -> bool:
    mention = art.mention_at[token.i]
    if mention is not None:
        return art.actor_kind(mention.actor_id) != "country"
    return token.pos_ == "PROPN" or is_person_noun(token)


def noun_phrase(art: ArticleView, head: Token) -> tuple[int, int]:
    """The words naming a speaker: the head, its left modifiers and its right
    prepositional modifiers; no appositive, relative clause or punctuation."""
    paragraph = art.paragraph_of[head.i]
    start = min([head.i] + [c.left_edge.i for c in head.lefts if not c.is_punct])
    end = head.i + 1
    for child in head.rights:
        if child.dep_ not in NP_RIGHT_DEPS or child.i != end or (child.dep_ == "case" and head.dep_ == "poss"):
            break  # "the group's letter": the group
        if child.dep_ == "prep" and child.lower_ not in NP_PREPOSITIONS:
            break
        end = child.right_edge.i + 1
    breaks = [t.i for t in art.doc[start:head.i] if t.is_punct and t.dep_ != "case" and t.text not in NP_PUNCTUATION]
    start = breaks[-1] + 1 if breaks else start
    while start < head.i and (art.paragraph_of[start] != paragraph or art.doc[start].is_punct):
        start += 1
    while end > head.i + 1 and (art.paragraph_of[end - 1] != paragraph or art.doc[end - 1].is_punct):
        end -= 1
    return start, end


def _person_mention(art: ArticleView, head: Token) -> Mention | None:
    """A person mention at the head, in an appositive, or a role mention."""
    names = [c for c in head.children if c.dep_ == "appos" or (c.dep_ == "compound" and head.pos_ == "PROPN")]
    candidates = [head, *names]
    if head.dep_ == "appos":
        candidates.append(head.head)
    for token in candidates:
        mention = art.mention_at[token.i]
        if mention is not None and _is_person(art.actors, mention.actor_id):
            return mention
    return None


def describe(art: ArticleView, head: Token, span: Span, speaker: Speaker) -> Speaker:
    """A speaker named by a description: anonymous person, body, document or outlet."""
    if head.lower_ in PARTITIVES:  # "one of the sources": described by "sources"
        head = next((g for p in head.children if p.lower_ == "of" for g in p.children if g.dep_ == "pobj"), head)
    lemma = title_lemma(head)
    affiliation = next(
        (m for t in span if (m := art.mention_at[t.i]) is not None and not _is_person(art.actors, m.actor_id)),
        None,
    )
    speaker.actor_id = affiliation.actor_id if affiliation is not None else None
    if art.actor_kind(speaker.actor_id) == "media" and (lemma in BODY_NOUNS or lemma in MEDIA_NOUNS):
        speaker.can_speak = False  # "RIA state news agency reported": the outlet itself, a channel
        return speaker
    owner = owner_of(head)
    if lemma in KIN_NOUNS and owner is not None:
        relative = relative_of(art, owner, head.i)
        if relative is not None:
            speaker.actor_id = relative
            return speaker
    if lemma in DOCUMENT_NOUNS and owner is not None:  # "the group's letter said": the group
        author = _possessor(art, owner)
        if author is not None and author.can_speak:
            return author
    issuer = next((g for p in head.rights if p.dep_ == "prep" and p.lower_ == "from"
                   for g in p.children if g.dep_ == "pobj"), None) if lemma in DOCUMENT_NOUNS else None
    if issuer is not None:  # "a statement from the hospital said": the hospital
        author = speaker_from(art, issuer)
        if author is not None and author.can_speak and not author.anonymous:
            return author
    if lemma in DOCUMENT_NOUNS and owner is None and _definite(head):
        filer = document_filer(art, lemma, head.i)
        if filer is not None:  # "the lawsuit says": whoever filed it
            return Speaker(speaker.start, speaker.end, speaker.text, filer.actor_id, head=lemma)
    if lemma in DOCUMENT_NOUNS or lemma in MEDIA_NOUNS:
        speaker.can_speak = False
        return speaker
    definite = any(c.lower_ in ("the", "this", "that") for c in head.children if c.dep_ == "det")
    if lemma in BODY_NOUNS:
        name = next((c for c in head.rights if c.dep_ == "appos" and c.i == head.i + 1 and c.pos_ == "PROPN"), None)
        if name is not None:  # "the activist group Harbourwatch": the name belongs to the speaker's words
            end = art.doc[name.right_edge.i].idx + len(art.doc[name.right_edge.i])
            return Speaker(speaker.start, end, art.text[speaker.start:end], speaker.actor_id, head=lemma)
        if definite and speaker.actor_id is None:
            speaker.actor_id = earlier_body(art, head)
        return speaker
    if definite:
        earlier = _earlier_description(art, lemma, span.start_char, speaker.plural)
        if earlier is not None and earlier.actor_id is not None:
            return Speaker(speaker.start, speaker.end, speaker.text, earlier.actor_id, earlier.anonymous,
                           head=lemma, plural=speaker.plural)
        holder = role_holder(art, lemma, head.i)
        if holder is None and (lemma in _title_heads() or lemma in PERSON_NOUNS) and not speaker.plural:
            holder = described_person(art, head, fitting_only=True)  # "the New York lawmaker"
            if holder is None:
                holder = topic_person(art, head, lemma)  # "the neighbor"
        if holder is None and earlier is not None:
            return Speaker(speaker.start, speaker.end, speaker.text, None, earlier.anonymous, head=lemma,
                           plural=speaker.plural)
        if holder is not None or ((lemma in _title_heads() or " " in lemma) and not speaker.plural):
            return Speaker(speaker.start, speaker.end, speaker.text, holder, head=lemma)  # "the defence minister"
    elif _lead_description(art, head, speaker):
        holder = role_holder(art, lemma, len(art.doc))
        if holder is not None:  # "A federal judge on Monday said ...", named later as Judge Victor Marrero
            return Speaker(speaker.start, speaker.end, speaker.text, holder, head=lemma)
    elif _titled_description(head, lemma, speaker):
        holder = named_next(art, lemma, head.i)
        if holder is not None:  # "A former prosecutor said ... “...,” prosecutor Peter Toren told Bloomberg."
            return Speaker(speaker.start, speaker.end, speaker.text, holder, head=lemma)
    if head.pos_ == "PROPN":
        if affiliation is not None and not _is_modifier(art, affiliation):
            speaker.actor_id = None  # "Centre for Iranian Studies" is not "Iranian"
        return speaker  # a name the actor component did not know
    speaker.anonymous = is_person_noun(head)
    speaker.can_speak = speaker.anonymous
    return speaker


def owner_of(head: Token) -> Token | None:
    """The possessor of a noun, also a name ending in s with a curly apostrophe, which the
    parser reads as a modifier followed by a quotation mark ("Hendriks’ father")."""
    owner = next((c for c in head.children if c.dep_ == "poss"), None)
    if owner is None:
        owner = next((c for c in head.lefts if c.dep_ in ("nmod", "compound") and c.pos_ == "PROPN"
                      and c.lower_.endswith("s") and c.i + 1 < head.i and c.nbor().text in ("’", "'")), None)
    return owner


def _party_member(art: ArticleView, head: Token, speaker: Speaker) -> bool:
    """"The Texas Republican", "the Democrat": one member of a party the article names."""
    mention = art.mention_at[head.i]
    if speaker.plural or not _definite(head) or mention is None or head.text.endswith("s"):
        return False
    party = art.actors[mention.actor_id].name.lower().split()
    return party[-1:] == ["party"] and len(party) > 1 and party[0][:6] == head.lower_[:6]


def described_person(art: ArticleView, head: Token, fitting_only: bool = False) -> str | None:
    """The person a definite description stands for: of the people named in the last few
    paragraphs, those whose sentence holds the description's proper modifiers ("Texas",
    "Iranian"; a state also by its abbreviation in "(D-N.Y.)"), else (unless `fitting_only`)
    all; the latest subject of a sentence's main verb among them (its topic), else of any
    clause, else the latest named."""
    floor = text_paragraphs_back(art, art.paragraph_of[head.i], PRONOUN_PARAGRAPHS)
    named = [(i, m) for i, m in art.person_mentions if floor <= m.start < head.idx and not art.quoted[i]]
    modifiers = " ".join(t.lower_ for t in art.doc[head.left_edge.i:head.i] if t.is_title and t.dep_ != "det")
    fitting = [(i, m) for i, m in named if modifiers and _describes(modifiers, art.doc[i].sent)]
    if fitting_only and not fitting:
        return None
    return _topic_of(art, fitting or named)


def _introduced_unnamed(art: ArticleView, head: Token) -> bool:
    """Whether the article last brought in someone by this noun without a name ("with a
    professor who ...": "the professor" is that one) rather than said it of a person ("he
    was trying to be a good neighbor")."""
    lemma = head.lemma_.lower()
    uses = [t for t in art.doc[:head.i] if t.lemma_.lower() == lemma and t.pos_ == "NOUN"
            and art.mention_at[t.i] is None and not art.quoted[t.i]]
    telling = [t.dep_ != "attr" for t in uses
               if t.dep_ == "attr" or any(c.dep_ == "det" and c.lower_ in INDEFINITES for c in t.children)]
    return bool(telling) and telling[-1]


def _may_be_described(roles: set[str], lemma: str, held: bool) -> bool:
    """A holder of the title when someone in the article holds it, else someone with no title."""
    return lemma in roles if held else not roles


def _plain_description(head: Token) -> bool:
    """"The neighbor", "the veteran diplomat": no capitalised word before the head but the
    determiner, nothing after it, and no ordinal or "other" setting it apart from someone
    ("the second agent")."""
    before = head.doc[head.left_edge.i:head.i]
    return head.right_edge.i == head.i and not any(
        (t.text[:1].isupper() and t.dep_ != "det") or t.ent_type_ == "ORDINAL" or t.lower_ in ("other", "another")
        for t in before)


def _topic_of(art: ArticleView, named: list[tuple[int, Mention]]) -> str | None:
    """Of these person mentions, the latest subject of a sentence's main verb (its topic),
    else of any clause, else the latest."""
    subjects = [(i, m) for i, m in named if _salience(art.doc[i]) == 2]
    topics = [(i, m) for i, m in subjects if _name_head(art.doc[i]).head.dep_ == "ROOT"]
    chosen = [m for _, m in topics or subjects or named]
    return chosen[-1].actor_id if chosen else None


def topic_person(art: ArticleView, head: Token, lemma: str) -> str | None:
    """"Sir Kim Darroch ... the ambassador warns": a plain definite title or person noun as
    a clause's subject, that no single holder or words of the article fit, stands for the
    topic of the last few paragraphs (`_topic_of`) among the people named there who hold
    that title in the article, or, when nobody in the article holds it, among those given no
    title at all (a re-mention varies the name by what the person is; Poesio & Vieira
    1998). Descriptions naming a place, a body or a holder's words ("the New Jersey judge",
    "the head of the agency") are left to the rules before, and one the article introduced
    unnamed ("a professor") stays that one."""
    if head.dep_ not in SUBJECTS | {"nsubjpass"} or not _plain_description(head) or _introduced_unnamed(art, head):
        return None
    held = any(lemma in _roles(art, i, m) for i, m in art.person_mentions)
    floor = text_paragraphs_back(art, art.paragraph_of[head.i], PRONOUN_PARAGRAPHS)
    named = [(i, m) for i, m in art.person_mentions if floor <= m.start < head.idx and not art.quoted[i]
             and _may_be_described(_roles(art, i, m), lemma, held)]
    return _topic_of(art, named)


def _describes(modifiers: str, sentence: Span) -> bool:
    """Whether a sentence says of someone what these words do ("new york": "New York", or
    the abbreviation in a party label "(D-NY)")."""
    words = f" {' '.join(t.lower_ for t in sentence)} "
    if f" {modifiers} " in words:
        return True
    labels = PARTY_LABEL.findall(sentence.text)
    return any(STATE_ABBREVIATIONS.get(label.lower().replace(".", "").replace(" ", "")) == modifiers
               for label in labels)


def _possessor(art: ArticleView, owner: Token) -> Speaker | None:
    """Who "his" or "Strzok's" stands for: "his suit says" quotes the person "his" refers to."""
    if owner.lower_ not in POSSESSIVES:
        return speaker_from(art, owner)
    antecedent = _person_antecedent(art, owner, POSSESSIVES[owner.lower_])
    if antecedent is None:
        return None
    speaker = Speaker(owner.idx, owner.idx + len(owner), owner.text)
    if isinstance(antecedent, Speaker):
        speaker.actor_id, speaker.anonymous, speaker.head = antecedent.actor_id, antecedent.anonymous, antecedent.head
    else:
        speaker.actor_id = antecedent
    return speaker


def _definite(head: Token) -> bool:
    return any(c.lower_ in ("the", "this", "that") for c in head.children if c.dep_ == "det")


def document_filer(art: ArticleView, lemma: str, position: int) -> Speaker | None:
    """Who filed, issued or wrote the document "the lawsuit" refers to: the named subject
    of the first "X filed a lawsuit" (any court paper for another) or "In a statement,
    X said" before it."""
    same = LEGAL_FILINGS if lemma in LEGAL_FILINGS else frozenset({lemma})
    for token in art.doc[:position]:  # the first: the one the story is about
        filer = _filed_by(art, token, same)
        if filer is not None:
            return filer
        filed = token.dep_ == "dobj" and token.head.lemma_.lower() in FILING_VERBS
        within = token.dep_ == "pobj" and token.head.lower_ == "in" and token.head.head.pos_ == "VERB"
        if token.lemma_.lower() in same and (filed or within):  # "issued a statement", "In a statement, X said"
            subject = subject_of(token.head if filed else token.head.head)
            filer = speaker_from(art, subject) if subject is not None and subject.pos_ != "PRON" else None
            if filer is not None and filer.actor_id is not None and filer.can_speak and not filer.anonymous:
                return filer
    return None


def _filed_by(art: ArticleView, document: Token, same: frozenset[str]) -> Speaker | None:
    """The named agent of "a lawsuit filed by Julius Wilson" or "court records filed by
    special counsel Robert Mueller" (with "file", any document counts as a court paper)."""
    lemma = document.lemma_.lower()
    if lemma not in same and not (same is LEGAL_FILINGS and lemma in DOCUMENT_NOUNS):
        return None
    for verb in document.children:
        if verb.dep_ != "acl" or verb.lemma_.lower() not in FILING_VERBS:
            continue
        if lemma not in same and verb.lemma_.lower() != "file":
            continue
        agent = next((g for by in verb.children if by.dep_ == "agent" for g in by.children if g.dep_ == "pobj"), None)
        filer = speaker_from(art, agent) if agent is not None and agent.pos_ != "PRON" else None
        if filer is not None and filer.actor_id is not None and filer.can_speak and not filer.anonymous:
            return filer
    return None


def _lead_description(art: ArticleView, head: Token, speaker: Speaker) -> bool:
    """"A federal judge" in an article's first lines: news names such a person later
    (a title, not an unnamed source like "a senior official")."""
    lemma = head.lemma_.lower()
    indefinite = any(c.lower_ in ("a", "an") for c in head.children if c.dep_ == "det")
    return (indefinite and not speaker.plural and art.paragraph_of[head.i] <= LEAD_PARAGRAPHS
            and lemma in _title_heads() and lemma not in UNNAMED_ROLES)


def _titled_description(head: Token, lemma: str, speaker: Speaker) -> bool:
    indefinite = any(c.lower_ in ("a", "an") for c in head.children if c.dep_ == "det")
    return indefinite and not speaker.plural and lemma in _title_heads() and lemma not in UNNAMED_ROLES


def named_next(art: ArticleView, lemma: str, i: int) -> str | None:
    """The one person the next sentence names with this title ("prosecutor Peter Toren")."""
    _, end = art.sentence_of[i]
    following = art.sentence_of[end][1] if end < len(art.doc) else end
    holders = {m.actor_id for j, m in art.person_mentions if end <= j < following and lemma in _roles(art, j, m)}
    return holders.pop() if len(holders) == 1 else None


def relative_of(art: ArticleView, owner: Token, position: int) -> str | None:
    """"Donald Trump's daughter": the other person of the article with the owner's
    surname, the nearest one named before, else the first named after."""
    if owner.lower_ in POSSESSIVES:  # "his wife"
        antecedent = _person_antecedent(art, owner, POSSESSIVES[owner.lower_])
        kin = antecedent.actor_id if isinstance(antecedent, Speaker) else antecedent
    else:
        kin = getattr(speaker_from(art, owner), "actor_id", None)
    if not _is_person(art.actors, kin):
        return None
    surname = art.actors[kin].name.split()[-1:]
    family = [(i, m.actor_id) for i, m in art.person_mentions
              if m.actor_id != kin and art.actors[m.actor_id].name.split()[-1:] == surname
              and len(art.actors[m.actor_id].name.split()) > 1]
    before = [actor_id for i, actor_id in family if i < position]
    after = [actor_id for i, actor_id in family if i > position]
    return before[-1] if before else (after[0] if after else None)


def _is_modifier(art: ArticleView, mention: Mention) -> bool:
    """Whether a mention stands as a word of its own, not inside a longer name."""
    span = art.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span is not None and not (span.root.dep_ in ("compound", "pobj", "nmod") and span.root.head.pos_ == "PROPN")


def is_person_noun(token: Token) -> bool:
    lemma = token.lemma_.lower()
    if lemma in PERSON_NOUNS or token.lower_ in PERSON_NOUNS or lemma in KIN_NOUNS or lemma in _title_heads():
        return True
    if token.ent_type_ == "NORP":
        return True
    return lemma not in DOCUMENT_NOUNS and lemma.endswith(PERSON_SUFFIXES)


@lru_cache(maxsize=1)
def _title_heads() -> frozenset[str]:
    return frozenset(title.split()[-1] for title in titles_lexicon())


def _earlier_description(art: ArticleView, lemma: str, before: int, plural: bool) -> Speaker | None:
    """The last earlier speaker described by the same noun, in the same number ("the
    former senator" is not "several Republican senators")."""
    for earlier in reversed(art.history):
        speaker = earlier.speaker
        if speaker is not None and speaker.start < before and speaker.head == lemma and speaker.plural == plural:
            return speaker
    return None


def earlier_body(art: ArticleView, head: Token) -> str | None:
    """"The group", "the appeals court": the last organisation named before, in the last
    few paragraphs, whose name holds the head word and its noun modifiers ("U.S. Circuit
    Court of Appeals"; any body for a generic word like "group"), else the only one named
    anywhere before whose name holds them; for a word that names a kind of body ("the
    agency": a government body), the one body of that kind named in those paragraphs."""
    lemma, position = head.lemma_.lower(), head.i
    if lemma in GENERIC_BODIES and (focus := _body_in_focus(art, position)) is not None:
        return focus
    words = {lemma, *(c.lower_ for c in head.children if c.dep_ == "compound" and c.pos_ == "NOUN")}
    floor = art.paragraph_of[position] - PRONOUN_PARAGRAPHS
    of_kind: set[str] = set()
    for i in range(position - 1, -1, -1):
        if art.paragraph_of[i] < floor:
            break
        mention = art.mention_at[i]
        if mention is None or art.actor_kind(mention.actor_id) not in BODY_KINDS or art.quoted[i]:
            continue
        if lemma in GENERIC_BODIES or words <= _name_words(art, mention.actor_id):
            return mention.actor_id
        if art.actor_kind(mention.actor_id) in BODY_NOUN_KINDS.get(lemma, ()):
            of_kind.add(mention.actor_id)
    named = {m.actor_id for m in art.mention_at[:position] if m is not None
             and art.actor_kind(m.actor_id) in BODY_KINDS and words <= _name_words(art, m.actor_id)}
    if len(named) == 1:
        return named.pop()  # further back: the one body of that name
    return of_kind.pop() if len(of_kind) == 1 and not named else None


def _body_in_focus(art: ArticleView, position: int) -> str | None:
    """"The Trust has partnered with the Harbor Alliance and the Civic Fund. The group
    says": the one body that is a subject in the sentence before, not the last one listed
    (the subject is the sentence's topic, as for "he" in `_salience`), when the
    description's own sentence names no body before it."""
    start = art.sentence_of[position][0]
    if start == 0 or any((m := art.mention_at[i]) is not None and art.actor_kind(m.actor_id) in BODY_KINDS
                         for i in range(start, position)):
        return None  # a body its own sentence names before it is nearer
    subjects = {m.actor_id for i in range(art.sentence_of[start - 1][0], start)
                if art.doc[i].dep_ in SUBJECTS | {"nsubjpass"} and not art.quoted[i]
                and (m := art.mention_at[i]) is not None and art.actor_kind(m.actor_id) in BODY_KINDS}
    return subjects.pop() if len(subjects) == 1 else None


def _name_words(art: ArticleView, actor_id: str) -> set[str]:
    return set(art.actors[actor_id].name.lower().split())


def role_holder(art: ArticleView, lemma: str, position: int) -> str | None:
    """The one person named before whose role ends in this word ("the minister")."""
    holders = {m.actor_id for i, m in art.person_mentions if i < position and lemma in _roles(art, i, m)}
    return holders.pop() if len(holders) == 1 else None


def _roles(art: ArticleView, i: int, mention: Mention) -> set[str]:
    """The head word of the person's role (its last word, or the last before "of"), and
    the title just before this mention ("Gov. Jan Brewer": governor)."""
    role = (art.actors[mention.actor_id].role or "").lower().replace(".", " ")
    words = [_role_word(role.split(" of ")[0].split()), _role_word(role.split())]  # "secretary of state": secretary
    before = [t.lower_.rstrip(".") for t in art.doc[max(0, i - 3):i] if t.text[:1].isupper() or t.lower_ == "of"]
    if before:  # "Gov. Jan Brewer", "Secretary of State Ana Ruiz"
        words += [_role_word(before), *(before[k - 1] for k in range(1, len(before)) if before[k] == "of")]
    return {ROLE_ABBREVIATIONS.get(w, w) for w in words
            if w in ROLE_ABBREVIATIONS or w in _title_heads() or w.split(" ")[0] in SECOND_RANK}


def _role_word(words: list[str]) -> str:
    """A title's head word, or its last two words for a second-rank title ("vice president" is
    not "president", while a "defence minister" is "the minister")."""
    if len(words) > 1 and words[-2] in SECOND_RANK:
        return " ".join(words[-2:])
    return "".join(words[-1:])


def title_lemma(head: Token) -> str:
    """A description's head word, with the word before it for a second-rank title ("the vice
    president said" does not refer back to "the president")."""
    lemma = head.lemma_.lower()
    if head.i > 0:
        before = head.doc[head.i - 1]
        if before.head.i == head.i and before.lower_ in SECOND_RANK and lemma in _title_heads():
            return f"{before.lower_} {lemma}"
    return lemma


def pronoun_speaker(art: ArticleView, token: Token) -> Speaker | None:
    """He/she: the nearest person (or earlier unnamed speaker) before, of a
    compatible gender; they/it: the nearest group or body that was a subject."""
    word = {"his": "he", "her": "she", "their": "they", "its": "it"}.get(token.lower_, token.lower_)
    speaker = Speaker(token.idx, token.idx + len(token), token.text)
    if word in ("he", "she"):
        gender = "m" if word == "he" else "f"
        antecedent = _person_antecedent(art, token, gender)
        if isinstance(antecedent, Speaker):
            return Speaker(speaker.start, speaker.end, speaker.text, antecedent.actor_id, antecedent.anonymous,
                           head=antecedent.head)
        speaker.actor_id = antecedent
        return speaker
    if word in ("they", "it"):
        speaker.plural = word == "they"
        group = _group_antecedent(art, token)
        if group is not None:
            speaker.actor_id, speaker.anonymous = group.actor_id, group.anonymous
            if group.head in DOCUMENT_NOUNS:  # "It said": the lawsuit just quoted, still a document
                speaker.head = group.head
        elif word == "it":
            speaker.can_speak = False
        return speaker
    return None


def text_paragraphs_back(art: ArticleView, paragraph: int, count: int) -> int:
    """Where the `count` paragraphs of text before this one start, headlines and page
    lines ("Follow @politicalticker") between them not counted."""
    number = paragraph
    while count > 0 and number > 0:
        number -= 1
        count -= not art.is_heading(number)
    return art.paragraphs[number][0]


def _person_antecedent(art: ArticleView, token: Token, gender: str) -> str | Speaker | None:
    """The nearest compatible person before the pronoun, preferring a subject of a
    main clause in its own or the previous sentence, a pronoun subject counting as
    the person it stands for (centering: subjects stay in focus), then a person
    named outside relative clauses: a person mention (its actor id) or an earlier
    speaker described, not named, or an earlier subject "he"/"she" (in turn resolved),
    so a run of "she added" paragraphs keeps its person. People named inside quotation
    marks or in headlines and links between paragraphs are skipped."""
    if token.i in art.pronouns:
        return art.pronouns[token.i]
    art.pronouns[token.i] = None  # no cycles
    author = _author_of_modified_thing(art, token, gender)
    if author is not None:
        art.pronouns[token.i] = author
        return author
    floor = text_paragraphs_back(art, art.paragraph_of[token.i], PRONOUN_PARAGRAPHS)
    focus = art.doc[_previous_sentence_start(art, token.i)].idx
    candidates: list[tuple[int, int, str | Speaker]] = [
        (m.start, _salience(art.doc[i]), m.actor_id) for i, m in art.person_mentions
        if floor <= m.start < token.idx and art.genders.get(m.actor_id, gender) == gender and not art.quoted[i]
        and not art.is_heading(art.paragraph_of[i])  # "McConnell: Shutdowns 'off the table'": a link
        and not in_caption(art, art.paragraph_of[i], m.start)  # "Media caption The BBC's reporter asks X"
    ]
    candidates += [
        (a.speaker.start, 2, a.speaker) for a in art.history
        if a.speaker.head and not a.speaker.plural and a.speaker.can_speak
        and _person_like(art, a.speaker) and floor <= a.speaker.start < token.idx
    ]
    before = art.doc.char_span(floor, token.idx, alignment_mode="expand")  # None for a pronoun opening the text
    candidates += [  # a chain of "she continued" paragraphs stands for the person its first "she" does
        (t.idx, 2, antecedent) for t in (before if before is not None else [])
        if t.lower_ == token.lower_ and not art.quoted[t.i] and _salience(t) == 2
        and (antecedent := _person_antecedent(art, t, gender)) is not None
    ]
    if not candidates:
        return None
    subjects = [c for c in candidates if c[1] == 2 and c[0] >= focus]
    found = max(subjects or _last_sentence_subjects(art, candidates) or candidates, key=lambda c: (c[1] > 0, c[0]))[2]
    art.pronouns[token.i] = found
    return found


def _author_of_modified_thing(art: ArticleView, token: Token, gender: str) -> str | None:
    """"A speech by Ann Lee in 1968, when she said ...", "the one remark Lee did make, which
    she didn't pursue": a pronoun in a clause modifying a thing (not a person) is the person
    named in that thing's own words before it."""
    clause = next((a for a in token.ancestors if a.dep_ in ("relcl", "acl")), None)
    if clause is None:
        return None
    thing = clause.head
    while thing.dep_ == "pobj" and thing.head.dep_ == "prep" and thing.head.head.pos_ in ("NOUN", "PROPN"):
        thing = thing.head.head  # "a speech by X in 1968, when ...": the speech
    if thing.pos_ != "NOUN" or is_person_noun(thing) or art.mention_at[thing.i] is not None:
        return None
    if art.paragraph_of[thing.i] != art.paragraph_of[token.i]:
        return None  # a parse run over a paragraph break
    inside = {t.i for t in clause.subtree}
    people = [m for t in thing.subtree if t.i < token.i and t.i not in inside
              and (m := art.mention_at[t.i]) is not None and _is_person(art.actors, m.actor_id)
              and art.genders.get(m.actor_id, gender) == gender and not art.quoted[t.i]]
    return people[-1].actor_id if people else None


def _last_sentence_subjects(art: ArticleView, candidates: list[tuple[int, int, str | Speaker]]) -> list:
    """With no subject in focus, the subjects of the last sentence that names a candidate, its
    main clause's subject alone when that is one (Hobbs 1978, Grosz et al. 1995: subjects before
    objects): in "we heard from Clinton as she sat down with reporters Dougherty and Labott" she is
    Clinton, not the last woman named."""
    named = [(c, art.doc.char_span(c[0], c[0] + 1, alignment_mode="expand")) for c in candidates if c[1] > 0]
    named = [(c, span[0]) for c, span in named if span is not None]
    if not named:
        return []
    last = max(art.sentence_of[t.i][0] for _, t in named)
    subjects = [(c, t) for c, t in named if art.sentence_of[t.i][0] == last and c[1] == 2]
    main = [c for c, t in subjects if _head_of_name(t).head.dep_ == "ROOT"]
    return main or [c for c, _ in subjects]


def _head_of_name(token: Token) -> Token:
    while token.dep_ in NAME_DEPS and token.head.i != token.i:
        token = token.head
    return token


def _salience(token: Token) -> int:
    """2 for the subject of a main clause, 1 for other words outside relative
    clauses, 0 inside one ("Walsh, who beat Khaled, ...": Khaled is not in focus) or
    for a person named as someone's relation outside a subject ("his boss, Donald Trump") or
    as the modifier of a thing ("the Trump campaign")."""
    while token.dep_ in NAME_DEPS and token.head.i != token.i:
        head = token.head
        if token.dep_ == "compound" and head.pos_ == "NOUN" and head.is_lower and not is_person_noun(head):
            return 0  # "the Trump campaign": the name of a thing, not the person in focus
        token = token.head
    if any(a.dep_ in ("relcl", "acl") for a in token.ancestors):
        return 0
    if token.dep_ not in SUBJECTS | {"nsubjpass"} and any(c.tag_ == "PRP$" for c in token.children):
        return 0  # "included him, his role and his boss, Donald Trump": named in relation to the one in focus
    return 2 if token.dep_ in SUBJECTS | {"nsubjpass"} else 1


def _unknown_name(art: ArticleView, speaker: Speaker) -> bool:
    """A speaker named by a proper name the actor component did not know ("Twitter said")."""
    span = art.doc.char_span(speaker.start, speaker.end, alignment_mode="expand")
    return speaker.actor_id is None and span is not None and span.root.pos_ == "PROPN" and not speaker.anonymous


def _previous_sentence_start(art: ArticleView, i: int) -> int:
    start = art.sentence_of[i][0]
    return art.sentence_of[start - 1][0] if start > 0 else 0


def _group_antecedent(art: ArticleView, token: Token) -> Speaker | None:
    """An earlier plural or group speaker, else a group or body that was a subject,
    in this sentence or the one before."""
    floor_token = _previous_sentence_start(art, token.i)
    floor = art.doc[floor_token].idx
    groups = [
        a.speaker for a in art.history
        if floor <= a.speaker.start < token.idx
        and (a.speaker.plural or art.actor_kind(a.speaker.actor_id) not in (None, "person")
             or (token.lower_ == "it" and (_unknown_name(art, a.speaker) or a.speaker.head in DOCUMENT_NOUNS)))
    ]
    if groups:
        return groups[-1]
    document = _document_quoted_last(art, token)
    if document is not None:
        return document
    for i in range(token.i - 1, floor_token - 1, -1):
        mention = art.mention_at[i]
        if mention is None or not _in_subject(art.doc[i]):
            continue
        if not _is_person(art.actors, mention.actor_id):
            return Speaker(mention.start, mention.end, mention.text, mention.actor_id)
        head = _name_head(art.doc[i])
        if _with_others(art, head) and art.mention_at[head.i] is not None:  # "Holm and Walsh": Holm
            first = art.mention_at[head.i]
            return Speaker(first.start, first.end, first.text, first.actor_id, plural=True)
    return None


def _document_quoted_last(art: ArticleView, token: Token) -> Speaker | None:
    """"“…,” the filing says. [a sentence of the writer's] “…,” it says.": "it" is the
    document quoted last, when the last quote before it, in this or the previous
    paragraph, was the document's and nothing else is a subject in between."""
    if token.lower_ != "it":
        return None
    last = next((a for a in reversed(art.history) if a.end <= token.idx), None)
    if last is None or last.speaker.head not in DOCUMENT_NOUNS:
        return None
    if art.paragraph_of[token.i] - art.paragraph_of[art.doc.char_span(
            last.speaker.start, last.speaker.end, alignment_mode="expand").start] > 1:
        return None
    between = art.doc.char_span(last.speaker.end, token.idx, alignment_mode="contract")
    if between is not None and any(t.dep_ in SUBJECTS and t.pos_ in ("NOUN", "PROPN", "PRON") and not art.quoted[t.i]
                                   and not is_person_noun(t) and art.mention_at[t.i] is None for t in between):
        return None
    return last.speaker


def known_genders(art: ArticleView) -> dict[str, str]:
    """Genders the text states: an honorific before a name ("Ms Holm") or a gendered
    role word ("spokeswoman"), else the possessives that agree with the person as
    subject of their own clause ("Holm defended her budget"), when the article's
    votes for one gender are at least twice those for the other; last, a given name
    of one gender (``data/first_names.txt``). Pronouns merely
    near a name are not counted: in news they often refer to someone else ("She and
    Trump clashed ... on her claim")."""
    genders: dict[str, str] = {}
    votes: dict[str, dict[str, int]] = {}
    for i, mention in art.person_mentions:
        words = [art.doc[i - 1].lower_.rstrip(".")] if i > 0 else []
        words += (art.actors[mention.actor_id].role or "").lower().split()
        for word in words:
            if word in MALE_WORDS:
                genders.setdefault(mention.actor_id, "m")
            elif word in FEMALE_WORDS:
                genders.setdefault(mention.actor_id, "f")
        for gender in _agreeing_possessives(art, art.doc[i]):
            tally = votes.setdefault(mention.actor_id, {"m": 0, "f": 0})
            tally[gender] += 1
    for actor_id, tally in votes.items():
        for gender, other in (("m", "f"), ("f", "m")):
            if tally[gender] and tally[gender] >= 2 * tally[other]:
                genders.setdefault(actor_id, gender)
    for _, mention in art.person_mentions:  # last, a given name ("Lena Holm")
        words = art.actors[mention.actor_id].name.lower().split()
        if len(words) > 1 and words[0] in first_names():
            genders.setdefault(mention.actor_id, first_names()[words[0]])
    return genders


def _agreeing_possessives(art: ArticleView, token: Token) -> Iterator[str]:
    """"his"/"her" in the clause whose subject this name is, not in a clause of its own."""
    while token.dep_ in NAME_DEPS and token.head.i != token.i:
        token = token.head
    if token.dep_ not in SUBJECTS or art.quoted[token.i]:
        return
    verb = token.head
    for t in verb.subtree:
        if t.lower_ in POSSESSIVES and t.tag_ == "PRP$" and not art.quoted[t.i] and _clause_verb(t) == verb:
            yield POSSESSIVES[t.lower_]


def _clause_verb(token: Token) -> Token:
    """The nearest verb above a word that heads a clause with a subject of its own, or the root."""
    for ancestor in token.ancestors:
        if ancestor.pos_ in ("VERB", "AUX") and (
            any(c.dep_ in SUBJECTS for c in ancestor.children) or ancestor.head.i == ancestor.i
        ):
            return ancestor
    return token


# --------------------------------------------------------------------------- 7. indirect


def indirect_quotes(art: ArticleView) -> Iterator[Attributed]:
    """Reported speech: a speech or cognition verb, its content clause, a speaker who can speak."""
    for verb in art.doc:
        if art.quoted[verb.i] or any(c.dep_ == "neg" for c in verb.children):
            continue
        content, speaker = reported_clause(art, verb)
        if content is None or speaker is None or not speaker.can_speak or _in_question(art, verb):
            continue
        if speaker.head in DOCUMENT_NOUNS:  # "the lawsuit argues ...": an attribution (GUIDELINES)
            continue
        if in_heading(art, verb.idx):  # headlines are no quotes (GUIDELINES)
            continue
        if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in OBJECT_CONTROL:
            continue  # "asked her to explain what ...": words asked for, not said
        span = clause_span(art, verb, content)
        if span is not None:
            found = Attributed(span[0], span[1], "indirect", speaker, cue_text(verb), art.paragraph_of[verb.i])
            art.remember(found)
            yield found


def reported_clause(art: ArticleView, cue: Token) -> tuple[Token | None, Speaker | None]:
    """The content clause a cue reports and its speaker: a speech verb and its
    subject, a cue noun and its possessor ("his argument that ..."), or "according
    to X" and the clause it hangs on."""
    if cue.pos_ == "VERB" and (verb_lemma(cue) in INDIRECT_VERBS or _made_clear(cue)):
        content = content_clause(cue)
        if content is None:
            return None, None
        return content, subject_speaker(art, cue, guess=content.i > cue.i)  # not the words the clause ran over
    if cue.pos_ == "NOUN" and cue.lemma_.lower() in NOUN_CUES:
        owner = next((c for c in cue.children if c.dep_ == "poss"), None) or _author_after(cue)
        content = noun_content(cue) if owner is not None else None
        return (content, speaker_from(art, owner)) if content is not None else (None, None)
    if cue.lower_ == "according" and cue.head.pos_ in ("VERB", "AUX") and not _is_speech_verb(cue.head):
        source = next((c for c in art.doc[cue.i + 1].children if c.dep_ == "pobj"), None) if cue.i + 1 < len(
            art.doc) else None
        speaker = speaker_from(art, source) if source is not None else None
        official = speaker is not None and (speaker.anonymous or art.actor_kind(speaker.actor_id) in SPEAKING_KINDS)
        if official and any(c.dep_ in SUBJECTS | {"nsubjpass", "expl"} for c in cue.head.children):
            return cue.head, speaker  # documents, outlets and organisations cited so are attributions
    return None, None


def _author_after(cue: Token) -> Token | None:
    """"comments from the mayor that ...", "a claim by Holm that ...": the object of "from" or "by"."""
    for prep in cue.children:
        if prep.dep_ == "prep" and prep.lower_ in ("from", "by") and prep.i == cue.i + 1:
            return next((c for c in prep.children if c.dep_ == "pobj"), None)
    return None


def content_clause(verb: Token) -> Token | None:
    """The clause a verb reports: its ccomp with a subject of its own, the gerund
    of "accused X of -ing", or the main clause before ", officials told X" or
    after "As X said,"."""
    asked = verb.lemma_.lower() == "ask"
    if asked and verb.tag_ == "VBN":
        return None  # "Asked if he ..., Biden said": the one asked is no speaker of the question
    for child in verb.children:
        statement = _yes_no(child) if asked else not _question(child) or _explained(verb, child)
        if child.dep_ == "ccomp" and child.pos_ in ("VERB", "AUX") and statement and _same_paragraph(verb, child):
            if any(c.dep_ in SUBJECTS | {"nsubjpass", "expl"} for c in child.children):
                return child
        if child.dep_ == "dobj" and verb.lemma_.lower() in ADDRESSING_VERBS:  # "notified traders that ..."
            clause = noun_content(child)
            if clause is not None:
                return clause
        if child.dep_ == "prep" and child.lower_ == "in":  # "said in a statement that ..."
            noun = next((c for c in child.children if c.dep_ == "pobj" and c.lemma_.lower() in NOUN_CUES), None)
            clause = noun_content(noun) if noun is not None else None
            if clause is not None:
                return clause
    if asked:
        return None  # only "asked if/whether ..." reports what was asked
    if verb.lemma_.lower() in ("accuse", "charge"):
        return _accused_of(verb)
    if _made_clear(verb):
        return _that_clause(verb)
    head = verb.head
    if head.i == verb.i or head.pos_ not in ("VERB", "AUX"):
        return None
    opens_with_as = any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)
    if verb.dep_ == "advcl" and opens_with_as and verb.i < head.i:
        return head
    if not any(c.dep_ in SUBJECTS | {"nsubjpass", "expl"} for c in head.children):
        return None  # the words around the cue are no clause
    if verb.dep_ in ("conj", "parataxis") and head.i < verb.i and _trailing_cue(verb):
        return head
    if parenthetical_cue(verb):
        return head
    return None


def _made_clear(verb: Token) -> bool:
    """"made (it) clear that ...", "made plain that ...": a cue of reported speech."""
    return verb.lemma_.lower() == "make" and any(
        c.lower_ in ("clear", "plain") and c.pos_ == "ADJ" for c in verb.children)


def _that_clause(verb: Token) -> Token | None:
    """The that-clause with a subject of its own under a verb or its adjective ("made it clear that ...")."""
    heads = [verb, *(c for c in verb.children if c.pos_ == "ADJ")]
    for child in (c for h in heads for c in h.children):
        if child.dep_ in ("ccomp", "advcl") and child.pos_ in ("VERB", "AUX") and any(
                c.dep_ == "mark" and c.lower_ == "that" for c in child.children) and any(
                c.dep_ in SUBJECTS | {"nsubjpass", "expl"} for c in child.children):
            return child
    return None


def _same_paragraph(a: Token, b: Token) -> bool:
    """Whether no line break lies between two words (a parse may join a headline to the next paragraph)."""
    low, high = sorted((a.i, b.i))
    return not any("\n" in t.text for t in a.doc[low:high])


def _accused_of(verb: Token) -> Token | None:
    """"accused X of -ing ...": the object of "of" holding the gerund."""
    accused = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if accused is None or accused.lower_ in RELATIVE_PRONOUNS:
        return None
    of = next((c for c in [*verb.children, *accused.children] if c.dep_ == "prep" and c.lower_ == "of"), None)
    charge = next((c for c in of.children if c.dep_ in ("pcomp", "pobj")), None) if of is not None else None
    if charge is None or not any(t.tag_ == "VBG" for t in charge.subtree):
        return None
    return charge


def noun_content(noun: Token) -> Token | None:
    """The clause a cue noun reports ("the statement that ...", "his argument that
    ..."), or a hearer carries by a misparse ("notified traders that ...")."""
    for child in noun.children:
        if child.dep_ in ("acl", "ccomp", "relcl") and child.pos_ in ("VERB", "AUX"):
            marks = [c for c in child.children if c.dep_ == "mark"]
            subjects = [c for c in child.children if c.dep_ in SUBJECTS | {"nsubjpass", "expl"}]
            if subjects and [m.lower_ for m in marks] == ["that"] and child.left_edge.lower_ == "that":
                return child
    return None


def parenthetical_cue(verb: Token) -> bool:
    """"And, they said, the talks will go on": a cue set off by commas inside the clause it reports."""
    doc = verb.doc
    left, right = verb.left_edge.i, verb.right_edge.i
    comma_after = doc[right].text == "," or (right + 1 < len(doc) and doc[right + 1].text == ",")
    comma_before = doc[left].text == "," or left == verb.sent.start or doc[left - 1].text == ","
    return (
        verb.dep_ == "parataxis" and verb.head.i > right and comma_after and comma_before
        and subject_of(verb) is not None
    )


def _trailing_cue(verb: Token) -> bool:
    """", a court clerk told the Klaxon." closing the sentence it reports."""
    doc = verb.doc
    left = verb.left_edge.i
    after = doc[verb.right_edge.i + 1:verb.sent.end]
    between = doc[verb.head.i:left]
    return (
        left > 0 and doc[left - 1].text == "," and all(t.is_punct or t.is_space for t in after)
        and not any(t.dep_ == "cc" for t in between) and subject_of(verb) is not None
    )


def _in_question(art: ArticleView, token: Token) -> bool:
    """Whether the writer's sentence holding the cue is a question."""
    start, end = art.clause(token.i)
    last = next((t for t in reversed(art.doc[start:end]) if not t.is_space and t.text not in DOUBLE_MARKS), None)
    return last is not None and last.text == "?" and not art.quoted[token.i]


def _explained(verb: Token, clause: Token) -> bool:
    """"explained why ...", "described how ...": a wh-clause that reports what was
    said, unlike "asked why ..." or "whether ..."."""
    return verb.lemma_.lower() in WH_REPORTING_VERBS and clause.left_edge.lower_ in ("how", "why", "what", "when", "where")


def _yes_no(clause: Token) -> bool:
    """"asked if he was ...", "asked whether ...": a reported yes-no question (PARC counts it as reported speech)."""
    return clause.left_edge.lower_ in ("if", "whether")


def _question(clause: Token) -> bool:
    """"why ...", "whether ...", "if ...": an indirect question, not a statement."""
    first = clause.left_edge
    if first.lower_ == "that":
        return False  # the tagger sometimes calls the complementiser "that" a WDT
    return first.lower_ in ("if", "whether") or first.tag_ in ("WDT", "WP", "WP$", "WRB")


def clause_span(art: ArticleView, verb: Token, content: Token) -> tuple[int, int] | None:
    """Characters of the content clause, without "that", "according to ..." or the
    cue's own words, cut to the verb's paragraph, its part between semicolons and its
    first full stop."""
    paragraph = art.paragraph_of[verb.i]
    if content.head.lower_ == "of":  # "accused X of -ing": from X
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        words = {*(obj.subtree if obj is not None else []), *content.head.subtree}
        tokens = sorted(words, key=lambda t: t.i)
    else:
        tokens = sorted([*content.subtree, *(t for c in _second_contents(verb, content) for t in c.subtree)],
                        key=lambda t: t.i)
    excluded = {t.i for t in verb.subtree} if content.i == verb.head.i else set()
    excluded |= {t.i for c in _reporter_additions(content) for t in c.subtree}
    excluded |= {t.i for c in content.children if c.lower_ == "according" for t in c.subtree}
    if verb.lower_ == "according":  # not the clauses joined after it ("..., according to X, but ...")
        excluded |= {t.i for c in content.children if c.dep_ in ("cc", "conj") and c.i > verb.i for t in c.subtree}
    tokens = [t for t in tokens if art.paragraph_of[t.i] == paragraph and t.i not in excluded]
    tokens = _between_semicolons(tokens, verb)
    tokens = _without_dateline(tokens)
    full_stop = next((k for k, t in enumerate(tokens) if t.text == "." and not art.quoted[t.i] and k > 0), None)
    tokens = tokens[:full_stop] if full_stop is not None else tokens  # sentences the parse ran together
    while tokens and (tokens[0].dep_ in ("mark", "cc") and tokens[0].head.i == content.i or tokens[0].is_punct):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space) and tokens[-1].text not in ("”", '"', "’"):
        tokens = tokens[:-1]
    if len([t for t in tokens if t.is_alpha]) < 2:
        return None
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
    glued = GLUED_SENTENCE.search(art.text, start, end)
    end = glued.start() if glued is not None and not _inside(art.marked, glued.start()) else end
    cut = next((m for m in art.marked if m.start < end < m.end), None)
    if cut is not None:
        end = cut.end + (cut.end < len(art.text) and art.text[cut.end] in DOUBLE_MARKS)
    return start, end


def _second_contents(verb: Token, content: Token) -> list[Token]:
    """"said it released the footage, but that any footage inside could not be shown":
    a that-clause the parse joined to the cue, with its conjunction; "said he arrived late,
    realised nothing was discussed and ...": a list's next item, itself reporting a clause,
    that the parse made a second, subjectless content clause of the cue."""
    if content.head.i != verb.i or content.i < verb.i:
        return []
    clauses = [c for c in verb.children if c.dep_ == "conj" and c.i > content.i
               and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
               and any(m.dep_ in SUBJECTS | {"nsubjpass", "expl"} for m in c.children)]
    items = [c for c in verb.children if c.dep_ == "ccomp" and c.i > content.i and c.tag_ in FINITE_TAGS
             and not any(m.dep_ in SUBJECTS | {"nsubjpass", "expl", "mark"} for m in c.children)
             and verb.doc[c.i - 1].text == "," and c.left_edge.i == c.i
             and any(m.dep_ == "ccomp" for m in c.children)]
    return clauses + items + [c for c in verb.children if c.dep_ == "cc" and clauses and content.i < c.i < clauses[0].i]


def _reporter_additions(content: Token) -> list[Token]:
    """What the parse hangs on a content clause but the reporter did: a finite speech
    verb with no subject of its own ("said the talks should go on, but echoed ...",
    "said that “...” and warned ..."), with its conjunction."""
    added = []
    for child in content.rights:
        own_subject = any(c.dep_ in SUBJECTS | {"nsubjpass", "expl"} for c in child.children)
        if child.dep_ == "conj" and not own_subject and child.tag_ in FINITE_TAGS and _is_speech_verb(child):
            added += [child, *(c for c in content.children if c.dep_ == "cc" and c.i < child.i)]
        elif _continues_speech(child):
            added.append(child)
    return added


def _continues_speech(verb: Token) -> bool:
    """"warns that his administration will remain self-interested, adding: ...": "adding"
    carries on the speaker's words though the parse hangs it on the content clause."""
    return verb.dep_ == "advcl" and verb.lemma_.lower() == "add" and verb.tag_ == "VBG" and not any(
        c.dep_ in SUBJECTS for c in verb.children)


def _without_dateline(tokens: list[Token]) -> list[Token]:
    """Without a dateline before a dash ("TEGUCIGALPA — ...")."""
    for k, token in enumerate(tokens[:DATELINE_WORDS]):
        if token.text in ("—", "--", "–"):
            if all(t.is_punct or t.is_upper or t.pos_ == "PROPN" for t in tokens[:k]):
                return tokens[k + 1:]
            break
    return tokens


def _between_semicolons(tokens: list[Token], anchor: Token) -> list[Token]:
    sentence = anchor.sent
    before = [t.i for t in sentence if t.text == ";" and t.i < anchor.i]
    after = [t.i for t in sentence if t.text == ";" and t.i > anchor.i]
    low, high = (before[-1] if before else -1), (after[0] if after else len(anchor.doc))
    return [t for t in tokens if low < t.i < high]


def subject_speaker(art: ArticleView, verb: Token, guess: bool = True) -> Speaker | None:
    """The speaker a verb's subject names, when the subject is in the verb's paragraph;
    with `guess`, for a finite verb the parse left without one, the person named just
    before it."""
    subject = subject_of(verb)
    if subject is not None and _opens_subordinate_clause(subject):
        subject = None  # "As proponents struggle ..., Giffords say": a clause misparsed as the subject
    if subject is not None and art.paragraph_of[subject.i] != art.paragraph_of[verb.i]:
        # a parse joining paragraphs: the person just before the verb that took the subject
        owner = subject.head if art.paragraph_of[subject.head.i] == art.paragraph_of[verb.i] else verb
        return person_just_before(art, owner) if guess else None
    if subject is None and guess and verb.tag_ in FINITE_TAGS and not any(c.dep_ == "nsubjpass" for c in verb.children):
        return person_just_before(art, verb)
    if subject is None:
        return None
    if any(c.dep_ == "det" and c.lower_ == "no" for c in subject.children):
        return None  # "no mayor has ..."
    return speaker_from(art, subject)


def _opens_subordinate_clause(subject: Token) -> bool:
    first = subject.left_edge
    before = subject.doc[first.i - 1] if first.i > 0 else None
    return (before is not None and before.lower_ in SUBORDINATORS and before.dep_ == "prep"
            and before.head.i == subject.head.i)  # "as" the mark of the verb's own clause is right


def person_just_before(art: ArticleView, verb: Token) -> Speaker | None:
    """"“...,” the late admiral's widow, Sarah Larson, told CNN", parsed with no
    subject for "told": the first person named in the words before the verb, back
    to a quotation mark, another verb or the start of the clause, passing over a relative
    clause of a person ("Mr Cummings, who represents ..., suggested"); a person NER found but the
    actor component did not take ("Ben Carpenter") keeps no actor id."""
    start, _ = art.clause(verb.i)
    relative = {t.i for r in art.doc[start:verb.i] if r.dep_ == "relcl" and r.head.i < r.i
                and _person_at(art, r.head.i) is not None for t in r.subtree}
    people: list[Speaker] = []
    for i in range(verb.i - 1, max(start, verb.i - SUBJECT_WORDS) - 1, -1):
        token = art.doc[i]
        if i in relative:
            continue
        if art.quoted[i] or token.text in DOUBLE_MARKS or token.pos_ in ("VERB", "AUX"):
            break
        person = _person_at(art, i)
        if person is not None and all(p.start != person.start for p in people):
            people.append(person)
    if not people:
        return None
    first = people[-1]
    first.plural = len(people) > 1
    return first


def _person_at(art: ArticleView, i: int) -> Speaker | None:
    mention = art.mention_at[i]
    if mention is not None:
        if not _is_person(art.actors, mention.actor_id):
            return None
        return Speaker(mention.start, mention.end, mention.text, mention.actor_id)
    if art.doc[i].ent_type_ != "PERSON":
        return None
    entity = entity_of(art.doc[i])
    return Speaker(entity.start_char, entity.end_char, entity.text)


def outermost(indirect: list[Attributed]) -> list[Attributed]:
    """Without a clause reported inside another clause of the same speaker ("Holm
    said she thinks the plan will fail" is one indirect quote)."""
    def inside(q: Attributed, other: Attributed) -> bool:
        return other is not q and other.start <= q.start and q.end <= other.end and (
            _identity(other.speaker) == _identity(q.speaker))
    return [q for q in indirect if not any(inside(q, other) for other in indirect)]


def _mostly_quoted(art: ArticleView, q: Attributed, direct: list[bool]) -> bool:
    """Whether an indirect clause is (almost) all a direct quote already; a partial
    quote inside it is marked as well as the clause (GUIDELINES, Rulings)."""
    span = art.doc.char_span(q.start, q.end, alignment_mode="expand")
    if span is None:
        return True
    words = [t for t in span if t.is_alpha]
    quoted = sum(direct[t.i] for t in words)
    return quoted > 0 and (len(words) - quoted <= OUTSIDE_WORDS_ALLOWED or quoted >= QUOTED_SHARE * len(words))
