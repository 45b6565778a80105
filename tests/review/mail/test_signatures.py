"""review.mail.signatures on its own: what ends a message but is not its words."""

from __future__ import annotations

import pytest

from review.mail.signatures import _TRAILING_SPACE, clean_body, cut_footer_text, signed_name

WORDS = "I read 2.2(b) as a field-of-use restriction; that fails OSD 6."
MAILMAN = (
    "_______________________________________________\n"
    "License-review mailing list\n"
    "License-review@lists.example.org\n"
    "http://lists.example.org/mailman/listinfo/license-review\n"
)


# ---- tidying --------------------------------------------------------------------------------


def test_line_ends_are_unified_and_trailing_spaces_dropped() -> None:
    text = "First line. \r\nSecond\u00a0\rThird\u200b\t\n"
    assert clean_body(text) == "First line.\nSecond\nThird"


def test_runs_of_blank_lines_become_one_blank_line() -> None:
    assert clean_body("\n\nOne.\n\n\n\nTwo.\n\n\n") == "One.\n\nTwo."


def test_a_plain_message_is_left_as_written() -> None:
    text = "I agree with Ana.\n\nBut 4.1 needs a second look:\n- the notice\n- the patent grant"
    assert clean_body(text) == text


# ---- list footers ---------------------------------------------------------------------------


def test_a_mailman_footer_is_cut() -> None:
    assert clean_body(f"{WORDS}\n\n{MAILMAN}") == WORDS


def test_a_rule_without_list_words_under_it_is_kept() -> None:
    text = f"{WORDS}\n\n______________________________\nA note on the history of 2.2:\nit came from v1."
    assert clean_body(text) == text


def test_list_words_under_a_rule_count_only_within_six_lines() -> None:
    far = "\n".join(f"line {i}" for i in range(6))
    assert (
        clean_body(f"{WORDS}\n__________\n{far}\nmailing list") == f"{WORDS}\n__________\n{far}\nmailing list"
    )
    near = "\n".join(f"line {i}" for i in range(5))
    assert clean_body(f"{WORDS}\n__________\n{near}\nmailing list") == WORDS


def test_a_short_rule_is_not_a_footer() -> None:
    text = f"{WORDS}\n_________\nLicense-review mailing list"
    assert clean_body(text) == text


def test_the_first_footer_rule_with_list_words_is_the_one_cut() -> None:
    text = f"{WORDS}\n__________\nplain aside\n\n\n\n\n\n\n\nmore words\n{MAILMAN}"
    assert cut_footer_text(text) == f"{WORDS}\n__________\nplain aside\n\n\n\n\n\n\n\nmore words\n"


@pytest.mark.parametrize(
    "footer",
    [
        "-------------- next part --------------\nAn HTML attachment was scrubbed...",
        "-------------- section suivante --------------\nUne pièce jointe HTML a été nettoyée...",
        "------------ próxima parte ------------\nSe ha borrado un adjunto en formato HTML...",
        "-------------- nächster Teil --------------\nEin Dateianhang mit HTML-Daten wurde abgetrennt...",
        "You received this message because you are subscribed to the Google Groups group.",
        "YOU RECEIVED THIS MESSAGE BECAUSE YOU ARE SUBSCRIBED TO the list.",
    ],
)
def test_attachment_notes_and_group_footers_are_cut_without_more_evidence(footer: str) -> None:
    assert clean_body(f"{WORDS}\n\n{footer}\n") == WORDS
    assert cut_footer_text(f"{WORDS}\n{footer}") == f"{WORDS}\n"


def test_a_footer_start_counts_only_at_the_start_of_a_line() -> None:
    text = f"{WORDS} As the footer says, You received this message because you are subscribed to it."
    assert cut_footer_text(text) == text


def test_wrapping_leftovers_of_a_footer_are_dropped_when_there_was_a_footer() -> None:
    text = f"ssarily\n\n{WORDS}\n\norg>\nexample.org>"
    assert clean_body(text, list_footer=True) == WORDS
    assert clean_body(text) == text


def test_fragments_are_only_short_tokens_or_address_tails() -> None:
    text = f"{WORDS}\nThis is a sentence."
    assert clean_body(text, list_footer=True) == text
    assert clean_body(f"{WORDS}\nwww.example.com", list_footer=True) == WORDS
    assert clean_body(f"{WORDS}\nabcdefghijklmnop", list_footer=True) == f"{WORDS}\nabcdefghijklmnop"


def test_a_leading_fragment_goes_and_the_rest_stays_whole() -> None:
    assert clean_body(f"org>\n{WORDS}", list_footer=True) == WORDS
    assert clean_body(f"org>\n{WORDS}\nSecond line.", list_footer=True) == f"{WORDS}\nSecond line."
    assert clean_body("org>", list_footer=True) == ""


# ---- "-- " signature blocks -----------------------------------------------------------------


def test_a_dash_signature_block_is_cut() -> None:
    text = f"{WORDS}\n\n-- \nJosé Ramírez, Example Foundation\nhttps://example.net"
    assert clean_body(text) == WORDS


def test_a_signature_block_may_hold_twelve_lines_but_not_thirteen() -> None:
    twelve = "\n".join(f"Sig line {i}" for i in range(12))
    assert clean_body(f"{WORDS}\n-- \n{twelve}") == WORDS
    thirteen = "\n".join(f"Sig line {i}" for i in range(13))
    assert clean_body(f"{WORDS}\n-- \n{thirteen}") == f"{WORDS}\n--\n{thirteen}"


def test_the_topmost_dash_line_within_reach_is_where_the_block_starts() -> None:
    text = f"{WORDS}\n-- \nJosé\n-- \nExample Foundation"
    assert clean_body(text) == WORDS


def test_a_message_that_is_only_a_signature_keeps_it() -> None:
    assert clean_body("-- \nJosé Ramírez\nExample Foundation") == "--\nJosé Ramírez\nExample Foundation"


def test_two_dashes_inside_a_line_are_not_a_signature() -> None:
    text = f"{WORDS}\n-- and another thing\nsee 4.1"
    assert clean_body(text) == text


# ---- mobile and client sign-offs ------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Sent from my iPhone",
        "Sent from my Samsung Galaxy smartphone.",
        "Von meinem iPhone gesendet",
        "Envoyé de mon iPad",
        "Enviado desde mi móvil",
        "Inviato da iPhone",
        "Get Outlook for Android",
        "Sent from Mail for Windows",
        "Sent from Yahoo Mail on Android",
        "Sent with BlackBerry Work",
        "Gesendet von meinem Handy",
    ],
)
def test_a_mobile_sign_off_is_cut(line: str) -> None:
    assert clean_body(f"{WORDS}\n\n{line}") == WORDS


@pytest.mark.parametrize(
    "line",
    [
        "Sent from the office, where 2.2 was also discussed",
        "Sent from home",  # no client named
        "I am sending this from my iPhone while travelling, so forgive the typos in 2.2",
    ],
)
def test_a_line_that_names_no_client_is_not_a_mobile_sign_off(line: str) -> None:
    assert clean_body(f"{WORDS}\n\n{line}") == f"{WORDS}\n\n{line}"


def test_a_mobile_line_that_is_the_whole_message_stays() -> None:
    assert clean_body("Sent from my iPhone") == "Sent from my iPhone"


# ---- closings and names ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "sign_off",
    [
        "Thanks,\nRoman",
        "Best regards,\nAda Lovelace",
        "Many thanks in advance!\nPamela",
        "Kind regards,\nAda Lovelace\nExample Foundation",
        "Grüße,\nJörg",
        "Thank you so much,\nTom Quill",
    ],
)
def test_a_closing_with_a_name_under_it_is_cut(sign_off: str) -> None:
    assert clean_body(f"{WORDS}\n\n{sign_off}") == WORDS


@pytest.mark.parametrize("line", ["-roman", "– Ana", "~Lev", "-Lev."])
def test_a_dashed_name_on_the_last_line_is_cut(line: str) -> None:
    assert clean_body(f"{WORDS}\n{line}") == WORDS


@pytest.mark.parametrize("closing", ["Cheers,", "Thanks!", "Best regards,"])
def test_a_closing_above_a_dashed_name_goes_with_it(closing: str) -> None:
    assert clean_body(f"{WORDS}\n\n{closing}\n-Lev") == WORDS
    assert clean_body(f"{WORDS}\n\n{closing}\n~ Lev") == WORDS


def test_a_dashed_last_item_of_a_list_is_not_a_signature() -> None:
    text = "Two changes are needed:\n- the notice\n-patents"
    assert clean_body(text) == text
    bullets = "Two changes are needed:\n* the notice\n-patents"
    assert clean_body(bullets) == bullets


def test_a_closing_followed_by_sentences_is_not_a_sign_off() -> None:
    text = f"{WORDS}\n\nThanks,\nand please look at 4.1 again before Friday."
    assert clean_body(text) == text


def test_a_closing_with_long_lines_under_it_is_kept() -> None:
    text = f"{WORDS}\nThanks,\nAda Lovelace, Chair of the Example Foundation board"
    assert clean_body(text) == text


def test_three_name_lines_need_the_sender_to_be_cut() -> None:
    text = f"{WORDS}\nRegards,\nAda\nExample Foundation\nAda Lovelace"
    assert clean_body(text) == text
    assert clean_body(text, author_name="Ada Lovelace") == WORDS


def test_a_closing_under_which_the_sender_signs_is_cut_even_with_a_non_name_line() -> None:
    text = f"{WORDS}\nRegards,\n+1 555 0100 / A. Lovelace"
    assert clean_body(text) == text
    assert clean_body(text, author_email="lovelace@example.org") == WORDS


def test_a_closing_more_than_three_lines_up_is_not_seen() -> None:
    text = f"{WORDS}\nRegards,\nAda\nExample\nFoundation\nBoard"
    assert clean_body(text) == text


def test_a_message_that_is_only_a_closing_keeps_it() -> None:
    assert clean_body("Thanks,\nRoman") == "Thanks,\nRoman"


def test_a_closing_is_a_whole_line() -> None:
    text = f"{WORDS}\nThanks for the patch to 4.1,\nRoman"
    assert clean_body(text) == text


# ---- short blocks under "---" ---------------------------------------------------------------


def test_a_short_block_under_dashes_is_cut() -> None:
    assert clean_body(f"{WORDS}\n---\nAda Lovelace\nExample Foundation") == WORDS
    assert clean_body(f"{WORDS}\n\u2014\u2014\nAda") == WORDS


def test_a_block_under_dashes_with_sentences_is_kept() -> None:
    text = f"{WORDS}\n---\nP.S. See also 4.1."
    assert clean_body(text) == text
    question = f"{WORDS}\n---\nDid anyone ask the steward"
    assert clean_body(question + "?") == question + "?"


def test_a_long_block_under_dashes_needs_the_sender() -> None:
    text = f"{WORDS}\n---\nChair\nExample Foundation\n+1 555 0100"
    assert clean_body(text) == text
    block = f"{WORDS}\n---\nExample Foundation\nChair: Ada Lovelace\n+1 555 0100"
    assert clean_body(block) == block
    assert clean_body(block, author_name="Ada Lovelace") == WORDS


def test_only_the_lowest_dashes_line_is_considered() -> None:
    text = f"{WORDS}\n---\nAda\n---\nA long line under the second rule that is a sentence."
    assert clean_body(text) == text


def test_a_line_over_sixty_characters_under_dashes_is_kept() -> None:
    long = "Example Foundation, 1 Long Street, Some Town, Some Country 12345"
    text = f"{WORDS}\n---\n{long}"
    assert clean_body(text) == text


def test_a_message_that_is_only_a_dashed_block_keeps_it() -> None:
    assert clean_body("---\nAda") == "---\nAda"


# ---- a block that opens with the sender's name ----------------------------------------------


def test_the_senders_name_block_is_cut() -> None:
    text = f"{WORDS}\n\nAda Lovelace\nChair, Example Foundation\n+1 555 0100"
    assert clean_body(text) == text
    assert clean_body(text, author_name="Ada Lovelace") == WORDS


def test_the_closing_just_above_the_senders_block_goes_with_it() -> None:
    text = f"{WORDS}\n\nWith best regards,\n\nAda Lovelace\nChair, Example Foundation\n+1 555 0100"
    assert clean_body(text, author_name="Ada Lovelace") == WORDS


@pytest.mark.parametrize(
    ("short", "name"), [("Pam", "Pamela Chestek"), ("Chris", "Christopher Vale"), ("Rob.", "Robert Ng")]
)
def test_the_short_form_of_the_senders_name_alone_is_a_sign_off(short: str, name: str) -> None:
    text = f"{WORDS}\n\n{short}"
    assert clean_body(text, author_name=name) == WORDS
    assert clean_body(text) == text  # without the sender it says nothing


def test_a_word_that_only_starts_like_the_senders_name_is_not_cut() -> None:
    # two letters, or a word the name does not start with
    for last in ("Pa", "Pamphlets", "Agreed"):
        text = f"{WORDS}\n\n{last}"
        assert clean_body(text, author_name="Pamela Chestek") == text


def test_the_senders_address_names_them_too() -> None:
    text = f"{WORDS}\n\nA. Lovelace\nExample Foundation\n+1 555 0100"
    assert clean_body(text, author_email="ada.lovelace@example.org") == WORDS


def test_a_sentence_under_the_senders_name_keeps_the_block() -> None:
    text = f"{WORDS}\n\nAda\nhas also looked at 4.1 and agrees."
    assert clean_body(text, author_name="Ada Lovelace") == text


def test_the_sender_named_in_the_first_line_is_not_a_signature() -> None:
    text = "Ada\nExample Foundation\n+1 555 0100"
    assert clean_body(text, author_name="Ada Lovelace") == text


def test_short_name_words_and_address_bits_do_not_name_the_sender() -> None:
    for first in ("Jo", "A"):
        text = f"{WORDS}\n\n{first}\nExample Foundation\n+1 555 0100"
        assert clean_body(text, author_name="A Lovelace", author_email="jo@example.org") == text


# ---- stacking and long messages -------------------------------------------------------------


def test_stacked_sign_offs_are_all_cut() -> None:
    text = f"{WORDS}\n\nThanks,\nRoman\n\n-Lev.\n\nSent from my iPhone"
    assert clean_body(text) == WORDS


def test_only_the_end_of_a_long_message_is_read_and_the_rest_is_kept_whole() -> None:
    body = "\n".join(f"Paragraph {i} about clause 2.{i}." for i in range(300))
    assert clean_body(f"{body}\n\nThanks,\nRoman") == body
    assert clean_body(body) == body


def test_a_long_message_whose_tail_is_a_signature_keeps_its_head() -> None:
    head = "\n".join(f"Paragraph {i} about clause 2.{i}." for i in range(250))
    tail = "\n".join(f"Sig line {i}" for i in range(5))
    assert clean_body(f"{head}\n-- \n{tail}") == head


def test_a_long_message_of_two_hundred_lines_is_read_whole() -> None:
    body = "\n".join(f"Paragraph {i}." for i in range(199))
    assert clean_body(f"{body}\nThanks,\nRoman") == body
    assert clean_body(f"Thanks,\nRoman\n{body}") == f"Thanks,\nRoman\n{body}"


# ---- the signed name ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (f"{WORDS}\n\nRegards,\nSam Reviewer", "Sam Reviewer"),
        (f"{WORDS}\n-Lev", "Lev"),
        (f"{WORDS}\n– Ana.", "Ana"),
        (f"{WORDS}\n\nThanks,\nRoman.\n\n", "Roman"),
        (f"{WORDS}\n~ Ortiz", "Ortiz"),
    ],
)
def test_the_name_a_message_is_signed_with(text: str, name: str) -> None:
    assert signed_name(text) == name


@pytest.mark.parametrize(
    "text",
    [
        "",
        "\n\n",
        WORDS,
        f"{WORDS}\nRoman",  # a name with no closing above it
        f"{WORDS}\nThanks,\nthe licensor",  # not a name
        f"{WORDS}\nThanks,\nI",
        f"{WORDS}\n-the end",
        "Roman",
    ],
)
def test_no_signed_name(text: str) -> None:
    assert signed_name(text) == ""


def test_a_signed_name_is_at_most_forty_characters() -> None:
    forty = "Ab" + "c" * 36 + " D"
    assert len(forty) == 40
    assert signed_name(f"{WORDS}\n-{forty}") == forty
    assert signed_name(f"{WORDS}\n-{forty}e") == ""


# ---- edges of the rules ---------------------------------------------------------------------

NAME_40 = "Augusta Ada-King-Noel Lovelace-Byronsons"
ADDRESS_60 = "Example Foundation, 1 Long Street, Some Town, Country 123456"
BLOCK = "Example Foundation\n+1 555 0100"


def test_edges_are_measured_as_the_rules_say() -> None:
    assert (len(NAME_40), len(ADDRESS_60)) == (40, 60)


def test_lines_of_only_wide_spaces_are_blank_lines() -> None:
    assert clean_body(f"{WORDS}\n\u3000\n\u3000\n\u3000\nSee you Friday") == f"{WORDS}\n\nSee you Friday"


def test_a_second_dash_line_at_the_very_end_does_not_move_the_cut() -> None:
    assert clean_body(f"{WORDS}\n-- \nJosé Ramírez\n-- ") == WORDS
    assert clean_body(f"{WORDS}\n-- \nJosé Ramírez\nExample Foundation\nhttps://example.net\n-- ") == WORDS


def test_a_name_under_a_closing_may_be_forty_characters() -> None:
    assert clean_body(f"{WORDS}\nThanks,\n{NAME_40}") == WORDS
    assert clean_body(f"{WORDS}\nThanks,\n{NAME_40}s") == f"{WORDS}\nThanks,\n{NAME_40}s"


def test_a_closing_four_lines_up_counts_only_three_lines_up() -> None:
    three = f"{WORDS}\nRegards,\nExample Foundation\n+1 555 0100\nA. Lovelace, Chair"
    assert clean_body(three, author_name="Ada Lovelace") == WORDS
    four = f"{WORDS}\nRegards,\nExample Foundation\n1 Long Street\n+1 555 0100\nA. Lovelace, Chair"
    assert clean_body(four, author_name="Ada Lovelace") == four


def test_the_sender_must_sign_the_last_line_under_a_closing() -> None:
    # the closing starts a sentence that names the sender; it is not a sign-off
    text = f"{WORDS}\nThanks,\nmy co-author Ada Lovelace\nwill answer on 4.1"
    assert clean_body(text, author_name="Ada Lovelace") == text


def test_a_dashed_line_under_an_indented_list_is_an_item_not_a_signature() -> None:
    text = "Two changes are needed:\n  - keep the notice\n-patents"
    assert clean_body(text) == text


def test_a_dashed_line_under_a_one_item_list_is_an_item() -> None:
    assert clean_body("- keep the notice\n-patents") == "- keep the notice\n-patents"


def test_a_block_of_sixty_character_lines_under_dashes_is_cut() -> None:
    assert clean_body(f"{WORDS}\n---\n{ADDRESS_60}") == WORDS
    assert clean_body(f"{WORDS}\n---\n{ADDRESS_60}7") == f"{WORDS}\n---\n{ADDRESS_60}7"


def test_a_dashes_line_more_than_fifteen_lines_up_is_not_seen() -> None:
    lines = "\n".join(f"Office {i}" for i in range(14))
    text = f"{WORDS}\n---\n{lines}\nChair: Ada Lovelace"
    assert clean_body(text, author_name="Ada Lovelace") == text
    near = "\n".join(f"Office {i}" for i in range(13))
    assert clean_body(f"{WORDS}\n---\n{near}\nChair: Ada Lovelace", author_name="Ada Lovelace") == WORDS


def test_the_senders_name_line_may_be_forty_characters() -> None:
    assert clean_body(f"{WORDS}\n\n{NAME_40}\n{BLOCK}", author_name="Ada Lovelace") == WORDS
    longer = f"{WORDS}\n\n{NAME_40}s\n{BLOCK}"
    assert clean_body(longer, author_name="Ada Lovelace") == longer


def test_lines_under_the_senders_name_may_be_sixty_characters() -> None:
    assert clean_body(f"{WORDS}\n\nAda Lovelace\n{ADDRESS_60}", author_name="Ada Lovelace") == WORDS
    longer = f"{WORDS}\n\nAda Lovelace\n{ADDRESS_60}7"
    assert clean_body(longer, author_name="Ada Lovelace") == longer


def test_a_question_under_the_senders_name_keeps_the_block() -> None:
    text = f"{WORDS}\n\nAda\nDid anyone ask the steward about 4.1?"
    assert clean_body(text, author_name="Ada Lovelace") == text


def test_the_senders_name_more_than_four_lines_up_is_not_a_signature() -> None:
    text = f"{WORDS}\n\nAda Lovelace\nChair\nExample Foundation\n1 Long Street\n+1 555 0100"
    assert clean_body(text, author_name="Ada Lovelace") == text


def test_a_closing_opening_the_message_stays_when_the_sender_signs_it() -> None:
    text = f"Thanks!\n\n{WORDS}\n\nAda Lovelace"
    assert clean_body(text, author_name="Ada Lovelace") == f"Thanks!\n\n{WORDS}"


def test_the_closing_right_above_a_short_senders_block_goes_with_it() -> None:
    text = f"{WORDS}\nRegards,\nAda Lovelace\nExample Foundation"
    assert clean_body(text, author_name="Ada Lovelace") == WORDS


def test_a_closing_three_lines_above_the_senders_name_stays() -> None:
    text = f"{WORDS}\nThanks,\nwe can talk on Friday\nabout the notice\nAda Lovelace\n{BLOCK}"
    expected = f"{WORDS}\nThanks,\nwe can talk on Friday\nabout the notice"
    assert clean_body(text, author_name="Ada Lovelace") == expected


def test_a_long_line_between_a_closing_and_the_senders_name_stops_the_search() -> None:
    near = f"{WORDS}\nThanks,\n{ADDRESS_60}\nAda Lovelace\n{BLOCK}"
    assert clean_body(near, author_name="Ada Lovelace") == WORDS
    far = f"{WORDS}\nThanks,\n{ADDRESS_60}7\nAda Lovelace\n{BLOCK}"
    assert clean_body(far, author_name="Ada Lovelace") == f"{WORDS}\nThanks,\n{ADDRESS_60}7"


def test_a_message_that_is_only_a_closing_and_the_senders_block_keeps_it() -> None:
    text = "Regards,\nAda Lovelace\nExample Foundation"
    assert clean_body(text, author_name="Ada Lovelace") == text


def test_the_name_and_the_address_both_name_the_sender() -> None:
    text = f"{WORDS}\n\nAda Lovelace\n{BLOCK}"
    assert clean_body(text, author_name="Ada Lovelace", author_email="al@example.org") == WORDS
    assert clean_body(text, author_email="Ada.Lovelace@example.org") == WORDS
    assert clean_body(f"{WORDS}\n\nAda\n{BLOCK}", author_email="ada@example.org") == WORDS
    assert clean_body(f"{WORDS}\n\nBo\n{BLOCK}", author_name="Bo Chen") == WORDS


def test_a_message_of_exactly_two_hundred_lines_is_read_whole() -> None:
    body = "\n".join(f"Paragraph {i}." for i in range(198))
    assert clean_body(f"{body}\nThanks,\nRoman") == body
    spaced = "- keep the notice" + "\n" * 199 + "-patents"
    assert spaced.count("\n") == 199
    assert clean_body(spaced) == "- keep the notice\n\n-patents"


def test_a_nul_line_in_the_text_is_kept_as_written() -> None:
    assert clean_body(f"\u0000\n{WORDS}") == f"\u0000\n{WORDS}"


def test_leading_fragments_go_one_line_at_a_time() -> None:
    text = f"\n\nssarily\n\norg>\nexample.org>\n{WORDS}\nSecond line.\nThird line."
    assert clean_body(text, list_footer=True) == f"{WORDS}\nSecond line.\nThird line."


def test_dropping_fragments_keeps_the_words_of_the_first_line() -> None:
    assert clean_body("X.Org's licence allows it.\nSee 4.1.", list_footer=True) == (
        "X.Org's licence allows it.\nSee 4.1."
    )
    assert clean_body("org>\nXFree86 did the same.\nSee 4.1.", list_footer=True) == (
        "XFree86 did the same.\nSee 4.1."
    )


def test_a_signed_name_is_read_from_the_end_of_a_long_message() -> None:
    body = "\n".join(f"Paragraph {i} about clause 2.{i}." for i in range(30))
    assert signed_name(f"{body}\n\nRegards,\nSam Reviewer") == "Sam Reviewer"


def test_a_signed_name_after_many_blank_lines() -> None:
    assert signed_name("Thanks,\nRoman" + "\n" * 20) == "Roman"


def test_a_pasted_reply_of_only_a_closing_and_a_name_is_signed() -> None:
    assert signed_name("Thanks,\nRoman") == "Roman"


@pytest.mark.parametrize(("text", "name"), [("-Xavier", "Xavier"), ("Cheers,\nMAX", "MAX")])
def test_a_signed_name_keeps_all_its_letters(text: str, name: str) -> None:
    assert signed_name(f"{WORDS}\n{text}") == name


def test_trailing_space_is_every_white_space_but_the_line_break_and_the_zero_width_space():
    every = {chr(c) for c in range(0x110000) if chr(c).isspace()} - {"\n"}
    assert set(_TRAILING_SPACE) == every | {"\u200b"}
    assert clean_body("words\u3000\u200b \nmore\u2028\t") == "words\nmore"
