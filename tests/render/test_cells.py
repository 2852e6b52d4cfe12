"""Terminal cell widths (``render.cells``): wide characters take two cells, what is drawn
on another character none, and ``NARROW`` holds only characters of one cell."""

from __future__ import annotations

import re
import sys

import pytest

from diffreader.render.cells import NARROW, cells, char_cells, char_widths, splits
from diffreader.render.escape import UNSAFE


def test_every_narrow_character_is_one_cell_and_prints() -> None:
    narrow = re.compile(NARROW)
    unsafe = re.compile(UNSAFE)
    wrong = [
        f"U+{code:04X}"
        for code in range(sys.maxunicode + 1)
        if narrow.match(chr(code))
        and (char_cells(chr(code)) != 1 or unsafe.match(chr(code)) or chr(code).isspace())
        and chr(code) != " "
    ]
    assert not wrong


@pytest.mark.parametrize(
    ("text", "width"),
    [
        ("plain words", 11),
        ("新闻报道", 8),  # CJK ideographs
        ("カタカナ", 8),
        ("한국어", 6),  # Hangul syllables
        ("\u1100\u1161", 2),  # a Hangul syllable of conjoining jamo: the vowel draws on
        ("ＡＢ１", 6),  # fullwidth forms
        ("cafe\u0301", 4),  # a combining acute accent
        ("か\u3099", 2),  # a combining voiced sound mark
        ("4\u200b0", 2),  # a zero-width space
        ("\u00ad", 1),  # a soft hyphen: terminals draw it
        ("\U0001f600", 2),  # an emoji
        ("\U0001f44d\U0001f3fd", 4),  # with a skin tone: counted as tmux 3.3 draws it
        ("\U0001f1eb\U0001f1f7", 2),  # a flag: two regional indicators
        ("\u2764\ufe0f", 1),
        ("“quoted” — ▲ ␛", 14),
    ],
)
def test_cells(text: str, width: int) -> None:
    assert cells(text) == width == sum(char_widths(text))


def test_a_line_never_ends_inside_a_cluster() -> None:
    text = "e\u0301\U0001f44d\U0001f3fd\U0001f1eb\U0001f1f7\U0001f469\u200d\u2695\ufe0f中"
    widths = char_widths(text)
    cuts = [at for at in range(1, len(text)) if splits(text, widths, at)]
    assert [text[a:b] for a, b in zip([0, *cuts], [*cuts, len(text)], strict=True)] == [
        "e\u0301",
        "\U0001f44d\U0001f3fd",
        "\U0001f1eb\U0001f1f7",
        "\U0001f469\u200d\u2695\ufe0f",
        "中",
    ]
