"""Article metadata read off the text (``vectorstore.metadata``): wire datelines in the forms agencies file them."""

from __future__ import annotations

import pytest

from vectorstore.metadata import find_outlet, resolve_metadata


@pytest.mark.parametrize(
    "text,outlet",
    [
        # a dateline with neither city nor date: the agency, in brackets and followed by a dash, opens the first line
        ("Fourteen killed in Canada\n\n(AFP) - Fourteen people were killed", "AFP"),
        ("عنوان\n\n(أ ف ب) - قتل 14 شخصا", "أ ف ب"),
        ("(Interfax) - Nineteen people were killed", "Interfax"),  # any agency, not a list of known ones
        # not datelines: a caption's lower-case word, no dash after the brackets, a long bracketed phrase
        ("(left) - the minister at the signing", None),
        ("(AFP) Fourteen people were killed", None),
        ("(The New York Times Company Limited) - a note", None),
    ],
)
def test_a_bare_agency_opening_the_story_is_its_outlet(text, outlet):
    assert find_outlet(text) == outlet


def test_a_bare_agency_dateline_gives_no_date():
    """ "(AFP) -" names the outlet only: the article's date stays unknown rather than guessed."""
    fields, inferred = resolve_metadata("Title\n\n(AFP) - Fourteen people were killed on Friday.", {})
    assert fields["outlet"] == "AFP" and "outlet" in inferred
    assert "published" not in fields
