"""The HTML sanitiser's allow-list: formatting stays, anything that runs, loads or styles goes."""

import pytest

from marketplace.core.html import clean_html, html_to_text
from tests.factories.xss import CLEANED, CORPUS, FORBIDDEN, FORMATTING, PAYLOADS


@pytest.mark.parametrize("payload", PAYLOADS)
def test_no_payload_survives(payload):
    cleaned = clean_html(payload).lower()

    assert [marker for marker in FORBIDDEN if marker in cleaned] == []


def test_the_corpus_keeps_its_formatting_and_text_only():
    assert clean_html(CORPUS) == CLEANED
    assert clean_html(CLEANED) == CLEANED  # idempotent: stored text cleaned again is unchanged


@pytest.mark.parametrize(
    ("markup", "cleaned"),
    [
        (
            '<a href="mailto:sales@example.com">Mail</a>',
            '<a href="mailto:sales@example.com" rel="nofollow noopener">Mail</a>',
        ),
        ('<a href="/catalog/">Ours</a>', '<a href="/catalog/" rel="nofollow noopener">Ours</a>'),
        ('<a href="ftp://example.com/x">FTP</a>', '<a rel="nofollow noopener">FTP</a>'),
        (
            '<a href="https://example.com" target="_blank" rel="opener">New tab</a>',
            '<a href="https://example.com" rel="nofollow noopener">New tab</a>',
        ),
        (
            "<table><tr><th>Purity</th><td>99.85%</td></tr></table>",
            "<table><tbody><tr><th>Purity</th><td>99.85%</td></tr></tbody></table>",
        ),
        ("<h1>Big</h1><h2>Less</h2><h3>Heading</h3>", "BigLess<h3>Heading</h3>"),
        ('<p class="lead" title="t" lang="en">Text</p>', "<p>Text</p>"),
        ("Plain text & 5 < 6\nnext line", "Plain text &amp; 5 &lt; 6\nnext line"),
        ("", ""),
    ],
)
def test_what_the_allow_list_keeps(markup, cleaned):
    assert clean_html(markup) == cleaned


def test_search_reads_the_words_of_the_markup():
    assert html_to_text(FORMATTING).split() == [
        "Grade", "AA", "99.85%", "methanol,", "low", "water", ".", "ISO", "tank", "Drums", "SDS",
    ]  # fmt: skip
    assert html_to_text("Plain text & 5 < 6\nnext line") == "Plain text & 5 < 6\nnext line"
