import re
from pathlib import Path

import pytest

from newsprism.ingest.plaintext import load_rules, parse_plaintext

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"

HEADLINE = "Harbour council approves new desalination plant"
STANDFIRST = "The plant will supply the northern districts after three dry summers"
PARA_1 = (
    "The harbour council voted on Tuesday to build a desalination plant for the northern "
    "districts, which have run short of water for three summers in a row. Officials said "
    "the plant would open within two years."
)
PARA_2 = (
    "The mayor called the vote a turning point and thanked residents for their patience, "
    "while opposition members questioned the cost of the project and asked for an audit."
)
PARA_3 = (
    "Construction is expected to begin in the spring, once the environmental review is "
    "complete and the last permits have been signed by the regional authority."
)


def page(*lines: str) -> str:
    return "\n\n".join(lines)


def paragraphs(result) -> list[str]:
    return result.text.split("\n\n")


# --- headline, standfirst ---------------------------------------------------------------


def test_first_line_is_title_and_standfirst_stays_in_body():
    result = parse_plaintext(page(HEADLINE, STANDFIRST, PARA_1, PARA_2))
    assert result.title == HEADLINE
    assert paragraphs(result) == [STANDFIRST, PARA_1, PARA_2]


def test_no_headline_when_text_opens_with_prose():
    result = parse_plaintext(page(PARA_1, PARA_2))
    assert result.title is None
    assert paragraphs(result) == [PARA_1, PARA_2]


def test_duplicated_headline_kept_once_as_title():
    result = parse_plaintext(page(HEADLINE, HEADLINE, PARA_1))
    assert result.title == HEADLINE
    assert paragraphs(result) == [PARA_1]


def test_date_line_above_headline():
    result = parse_plaintext(page("Wednesday, 3 March, 2021", HEADLINE, PARA_1))
    assert result.title == HEADLINE
    assert result.published == "2021-03-03"
    assert paragraphs(result) == [PARA_1]


def test_breadcrumb_last_step_is_title():
    crumb = f"Home / Regional news / {HEADLINE}"
    result = parse_plaintext(page(crumb, HEADLINE, PARA_1))
    assert result.title == HEADLINE
    assert paragraphs(result) == [PARA_1]


def test_breadcrumb_without_home_step_found_by_repeated_headline():
    crumb = f"World » Europe » {HEADLINE}"
    result = parse_plaintext(page(crumb, HEADLINE, PARA_1))
    assert result.title == HEADLINE
    assert paragraphs(result) == [PARA_1]


def test_breadcrumb_ending_in_a_section_is_not_a_title():
    result = parse_plaintext(page("Home > World > Asia", HEADLINE, PARA_1))
    assert result.title == HEADLINE
    assert paragraphs(result) == [PARA_1]


def test_section_label_above_headline_is_dropped_not_a_byline():
    result = parse_plaintext(page("Middle East", HEADLINE, PARA_1))
    assert result.title == HEADLINE
    assert result.authors == []
    assert paragraphs(result) == [PARA_1]


def test_share_prompt_gives_title_and_goes():
    result = parse_plaintext(page(PARA_1, PARA_2, f"Share this story: {HEADLINE}"))
    assert result.title == HEADLINE
    assert paragraphs(result) == [PARA_1, PARA_2]


def test_site_suffix_split_from_title():
    result = parse_plaintext(page(f"{HEADLINE} | The Coastal Herald", PARA_1))
    assert result.title == HEADLINE
    assert result.outlet == "The Coastal Herald"


# --- bylines ----------------------------------------------------------------------------


def test_lone_name_above_date_line_is_byline():
    lines = [HEADLINE, STANDFIRST, "Maria Okafor", "Monday 2 August 2021 09:30 BST", PARA_1]
    result = parse_plaintext(page(*lines))
    assert result.authors == ["Maria Okafor"]
    assert result.published == "2021-08-02T09:30:00+01:00"
    assert paragraphs(result) == [STANDFIRST, PARA_1]


def test_time_without_zone_gives_date_only():
    result = parse_plaintext(page(HEADLINE, "2 August 2021 09:30", PARA_1))
    assert result.published == "2021-08-02"


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("By: Tomasz Wren", ["Tomasz Wren"]),
        ("By Lena Hart and Omar al-Sayed", ["Lena Hart", "Omar al-Sayed"]),
        ("By Lena Hart, Chief Political Correspondent", ["Lena Hart"]),
        ("By Lena Hart in Lisbon", ["Lena Hart"]),
        ("Written by Pieter van der Berg", ["Pieter van der Berg"]),
    ],
)
def test_explicit_bylines(line, authors):
    result = parse_plaintext(page(HEADLINE, line, PARA_1))
    assert result.authors == authors
    assert paragraphs(result) == [PARA_1]


def test_byline_and_date_on_one_line():
    result = parse_plaintext(page(HEADLINE, "Lena Hart | Updated 5 May 2020", PARA_1))
    assert (result.authors, result.published) == (["Lena Hart"], "2020-05-05")


def test_posted_on_date_by_name():
    result = parse_plaintext(page(HEADLINE, "Posted on May 5, 2020 by Lena Hart", PARA_1))
    assert (result.authors, result.published) == (["Lena Hart"], "2020-05-05")


def test_byline_after_the_article():
    credit = "Reporting by Lena Hart; Editing by Ian Cole"
    result = parse_plaintext(page(HEADLINE, PARA_1, PARA_2, credit))
    assert result.authors == ["Lena Hart"]
    assert paragraphs(result) == [PARA_1, PARA_2]


def test_sentence_starting_with_by_is_not_a_byline():
    sentence = "By the end of the year the plant should be running."
    result = parse_plaintext(page(HEADLINE, sentence, PARA_1))
    assert result.authors == []
    assert paragraphs(result) == [sentence, PARA_1]


def test_name_shaped_subheading_inside_body_is_not_a_byline():
    result = parse_plaintext(page(HEADLINE, PARA_1, PARA_2, "Costs Questioned", PARA_3))
    assert result.authors == []
    assert "Costs Questioned" in paragraphs(result)


def test_relative_age_line_is_not_a_date():
    result = parse_plaintext(page(HEADLINE, "3 hours ago", PARA_1))
    assert result.published is None
    assert paragraphs(result) == [PARA_1]


# --- outlets ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "outlet"),
    [
        ("Source: Lakeside Gazette", "Lakeside Gazette"),
        ("More from Lakeside Gazette", "Lakeside Gazette"),
        ("© 2021 Lakeside Gazette. All rights reserved.", "Lakeside Gazette"),
        ("Copyright 2019 by Lakeside Media Group", "Lakeside Media Group"),
        ("This article first appeared on Lakeside Gazette.", "Lakeside Gazette"),
        ("Follow other Gazette readers and see their replies", "Gazette"),
        ("Lakeside Gazette staff", "Lakeside Gazette"),
        ("COPYRIGHT 2018 LAKESIDE.COM", "LAKESIDE.COM"),
    ],
)
def test_outlet_cues(line, outlet):
    result = parse_plaintext(page(HEADLINE, PARA_1, PARA_2, line))
    assert result.outlet == outlet
    assert paragraphs(result) == [PARA_1, PARA_2]


def test_ordinary_sentences_are_not_outlet_cues():
    lines = [HEADLINE, PARA_1, "He later spoke to City Hall staff.", "More from the mayor below:"]
    result = parse_plaintext(page(*lines))
    assert result.outlet is None
    assert "He later spoke to City Hall staff." in paragraphs(result)


def test_more_from_a_section_is_not_an_outlet():
    assert parse_plaintext(page(HEADLINE, PARA_1, PARA_2, "More from Politics")).outlet is None


# --- furniture --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "[Photo by Ana Ruiz / Getty Images]",
        "Photograph: Ana Ruiz/Reuters",
        "Image copyright AFP Image caption Residents queue for water",
        "(Ana Ruiz/AP Photo)",
        "Join the conversation",
        "Leave a comment",
        "Please let us know if you're having problems with commenting.",
        "Comments are closed.",
        "Please log in to continue",
        "Thank you for subscribing",
        "Please refresh your browser to be logged in",
        "We use cookies to give you the best experience.",
        "Accept all cookies",
        "Sign up for our daily newsletter",
        "Share on Facebook",
        "Facebook Twitter WhatsApp Email",
        "Follow us on Twitter",
        "Advertisement",
        "Story continues below advertisement",
        "* * *",
    ],
)
def test_furniture_lines_dropped(line):
    result = parse_plaintext(page(HEADLINE, PARA_1, line, PARA_2, PARA_3))
    assert paragraphs(result) == [PARA_1, PARA_2, PARA_3]


def test_duplicated_caption_dropped_entirely():
    caption = "Residents queue at a water truck in the northern districts"
    result = parse_plaintext(page(HEADLINE, caption, caption, PARA_1, PARA_2))
    assert paragraphs(result) == [PARA_1, PARA_2]


def test_repeated_paragraph_keeps_first_copy():
    result = parse_plaintext(page(HEADLINE, PARA_1, PARA_2, PARA_1, PARA_3))
    assert paragraphs(result) == [PARA_1, PARA_2, PARA_3]


def test_related_block_at_the_end_is_cut():
    teasers = ["Drought: what the new rules mean for you", "Ten ways to save water at home"]
    result = parse_plaintext(page(HEADLINE, PARA_1, PARA_2, PARA_3, "Related", *teasers))
    assert paragraphs(result) == [PARA_1, PARA_2, PARA_3]


def test_read_more_link_before_a_paragraph_only_drops_the_marker():
    result = parse_plaintext(page(HEADLINE, PARA_1, PARA_2, "Read more", PARA_3))
    assert paragraphs(result) == [PARA_1, PARA_2, PARA_3]


def test_foreign_language_tail_dropped_but_quote_inside_kept():
    quote = "«El agua es de todos y para todos», dijo el alcalde en su discurso del martes."
    spanish_teasers = [
        "El consejo aprobó la nueva planta para los distritos del norte, según los funcionarios.",
        "Los vecinos celebraron la decisión tras tres veranos de escasez de agua en la región.",
    ]
    arabic_teaser = "وافق المجلس على بناء محطة جديدة لتحلية المياه في المناطق الشمالية"
    result = parse_plaintext(
        page(HEADLINE, PARA_1, quote, PARA_2, *spanish_teasers, arabic_teaser)
    )
    assert paragraphs(result) == [PARA_1, quote, PARA_2]


def test_hard_wrapped_paragraphs_rejoined():
    wrapped = "\n".join(re.findall(r".{1,68}(?:\s|$)", PARA_1)).replace(" \n", "\n")
    wrapped_2 = "\n".join(re.findall(r".{1,68}(?:\s|$)", PARA_2)).replace(" \n", "\n")
    result = parse_plaintext(page(HEADLINE, "By Lena Hart", wrapped, wrapped_2))
    assert result.authors == ["Lena Hart"]
    assert [" ".join(p.split()) for p in paragraphs(result)] == [PARA_1, PARA_2]


def test_whitespace_collapsed_and_empty_input():
    result = parse_plaintext(page(HEADLINE, PARA_1.replace(" ", "\u00a0 ", 3)))
    assert paragraphs(result) == [PARA_1]
    empty = parse_plaintext("  \n\n ")
    assert (empty.text, empty.title, empty.authors, empty.outlet) == ("", None, [], None)


# --- the rules file ---------------------------------------------------------------------


def test_user_rules_file(tmp_path):
    rules_file = tmp_path / "rules.txt"
    rules_file.write_text("# house style\ndrop: ^download the harbour app\n", encoding="utf-8")
    text = page(HEADLINE, PARA_1, "Download the Harbour app today", PARA_2)
    assert "Download the Harbour app today" in parse_plaintext(text).text
    assert paragraphs(parse_plaintext(text, load_rules(rules_file))) == [PARA_1, PARA_2]


@pytest.mark.parametrize(
    ("line", "message"),
    [("shout: ^hello", "kind"), ("outlet: ^Source: (.+)", "(?P<outlet>")],
)
def test_rules_file_errors_name_the_line(tmp_path, line, message):
    rules_file = tmp_path / "rules.txt"
    rules_file.write_text(f"# comment\n\n{line}\n", encoding="utf-8")
    with pytest.raises(ValueError, match=re.escape("rules.txt:3")) as error:
        load_rules(rules_file)
    assert message in str(error.value)


# --- the five seed articles -------------------------------------------------------------

needs_seeds = pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds not present")

# Which non-empty line of each seed file is the headline (read by a person).
HEADLINE_LINE = {"000": 0, "001": 0, "002": 0, "003": 1, "004": 1}


def seed(prefix: str) -> list[str]:
    path = next(SEEDS.glob(f"{prefix}_*.txt"))
    return [" ".join(line.split()) for line in path.read_text(encoding="utf-8").splitlines()]


def seed_result(prefix: str):
    path = next(SEEDS.glob(f"{prefix}_*.txt"))
    return parse_plaintext(path.read_text(encoding="utf-8"))


def non_empty(lines: list[str]) -> list[str]:
    return [line for line in lines if line]


@needs_seeds
@pytest.mark.parametrize("prefix", sorted(HEADLINE_LINE))
def test_seed_titles_are_the_headline_lines(prefix):
    headline = non_empty(seed(prefix))[HEADLINE_LINE[prefix]]
    result = seed_result(prefix)
    assert result.title == headline
    assert paragraphs(result)[0] != headline


@needs_seeds
@pytest.mark.parametrize("prefix", sorted(HEADLINE_LINE))
def test_seed_bodies_keep_every_paragraph_and_lose_furniture(prefix):
    lines = non_empty(seed(prefix))
    body = seed_result(prefix).text
    for line in lines:
        if len(line.split()) >= 25:  # an article paragraph by any reading
            assert " ".join(line.split()[:8]) in body
    prompts = re.compile(
        r"^(share this|more from|join |leave a reply|please |thank you for|\[photo|check also)",
        re.IGNORECASE,
    )
    for line in lines:
        if prompts.match(line):
            assert line not in body
    assert not re.search(r"[\u0600-\u06FF]", body)  # every seed is in English


@needs_seeds
def test_seed_with_british_dateline_and_lone_byline():
    lines = non_empty(seed("001"))
    dateline = next(i for i, line in enumerate(lines) if "2014" in line and len(line) < 40)
    result = seed_result("001")
    assert result.published.startswith("2014-06-14")
    assert result.authors == [lines[dateline - 1]]
    standfirst = lines[1]
    assert paragraphs(result)[0] == standfirst
    captions = [line for line in lines if lines.count(line) > 1]
    assert captions and not any(caption in result.text for caption in captions)


@needs_seeds
def test_seed_with_by_colon_byline():
    byline = next(line for line in seed("003") if line.startswith("By:"))
    assert seed_result("003").authors == [byline.removeprefix("By:").strip()]


@needs_seeds
@pytest.mark.parametrize(("prefix", "cue"), [("000", "More from "), ("004", "Source: ")])
def test_seed_outlets(prefix, cue):
    line = next(line for line in seed(prefix) if line.startswith(cue))
    assert seed_result(prefix).outlet == line.removeprefix(cue).strip()
