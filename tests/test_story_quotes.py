"""Quotes of one statement grouped across articles; citations counted per article."""

from newsprism.records import ArticleAnalysis, Attribution, Quote
from newsprism.story.citations import citations_of
from newsprism.story.quotes import group_quotes, same_statement


def quote(qid: str, text: str, speaker_id: str | None = "ana-ferrer", group_id: str | None = None, **extra) -> Quote:
    return Quote(qid, qid.split(":")[0], text, "Ferrer", speaker_id, "said", "direct", 0, len(text),
                 group_id=group_id, **extra)


LONG = "This is an act of aggression against working people, and the whole region is watching what happens next."
CUT = "an act of aggression against working people"
RETRANSLATED = "It is an aggressive act against working people and the entire region watches"
OTHER = "We will take the case to the international court if the fishermen are not home by Friday."


def test_same_speaker_same_words_cut_differently_is_one_statement():
    assert same_statement(quote("a:q0", LONG), quote("b:q0", CUT))
    assert same_statement(quote("a:q0", LONG), quote("c:q0", RETRANSLATED))


def test_different_statements_or_speakers_stay_apart():
    assert not same_statement(quote("a:q0", LONG), quote("b:q0", OTHER))
    assert not same_statement(quote("a:q0", LONG), quote("b:q0", CUT, speaker_id="someone-else"))


def test_quotes_without_a_speaker_actor_group_only_when_nearly_identical():
    a = quote("a:q0", LONG, speaker_id=None)
    assert same_statement(a, quote("b:q0", LONG.replace("next", "now"), speaker_id=None))
    assert not same_statement(a, quote("b:q0", CUT, speaker_id=None))


def test_group_ids_across_batches_and_bridging_merges_stored_groups():
    first, _ = group_quotes([quote("a:q0", LONG), quote("b:q0", OTHER)])
    assert first == {"a:q0": "a:q0", "b:q0": "b:q0"}
    stored = [quote("a:q0", LONG, group_id="a:q0"), quote("b:q0", OTHER, group_id="b:q0")]
    bridge = quote("c:q0", CUT + ". " + OTHER)
    new, regrouped = group_quotes([bridge, quote("d:q0", "Nothing in common with anything said before today.")],
                                  stored)
    assert new["c:q0"] == "a:q0" and new["d:q0"] == "d:q0"
    assert regrouped == {"b:q0": "a:q0"}


def test_citations_count_sources_by_actor():
    def attribution(i: int, source: str, source_id: str | None) -> Attribution:
        return Attribution(f"x:a{i}", "x", source, source_id, "media", "text", 0, 4)
    analysis = ArticleAnalysis("x", attributions=[
        attribution(0, "the Guardian", "the-guardian"), attribution(1, "The Guardian", "the-guardian"),
        attribution(2, "Guardian", "the-guardian"), attribution(3, "officials", None), attribution(4, "Officials", None),
    ])
    rows = [(c.cited_id, c.count) for c in citations_of(analysis)]
    assert rows == [("the-guardian", 3), (None, 2)]


def test_a_short_cut_of_a_longer_quote_joins_its_group():
    long = quote("a:q0", "All countries need to act together. We have not seen them do anything for now, she said.")
    short = quote("b:q0", "We have not seen them do anything for now")
    assert same_statement(long, short)
    new, _ = group_quotes([short], [quote("a:q0", long.text, group_id="a:q0")])
    assert new == {"b:q0": "a:q0"}
