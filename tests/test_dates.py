"""Dates and times as editors type them: the content model's forms are read exactly, a
near miss ("10.30", "10") is an error that names the value meant, never a wrong time."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import yaml

from iq_core.dates import WhenError, parse_when, read_when
from iq_core.errors import ContentError

BERLIN = ZoneInfo("Europe/Berlin")
UTC = datetime.timezone.utc
PLUS_ONE = datetime.timezone(datetime.timedelta(hours=1))


def when(value):
    return parse_when(value, source_path="content/events/x.md", key="start",
                      timezone="Europe/Berlin", line=3)


@pytest.mark.parametrize("text, expected", [
    ("2027-01-21", datetime.date(2027, 1, 21)),
    ("2027-01-21 10:00", datetime.datetime(2027, 1, 21, 10, 0, tzinfo=BERLIN)),
    ("2027-01-21 9:00", datetime.datetime(2027, 1, 21, 9, 0, tzinfo=BERLIN)),
    ("2027-01-21T09:05:30", datetime.datetime(2027, 1, 21, 9, 5, 30, tzinfo=BERLIN)),
    ("2027-01-21T08:00:00Z", datetime.datetime(2027, 1, 21, 8, 0, tzinfo=UTC)),
    ("2027-01-21 08:00+01:00", datetime.datetime(2027, 1, 21, 8, 0, tzinfo=PLUS_ONE)),
    ("  2027-01-21 10:00  ", datetime.datetime(2027, 1, 21, 10, 0, tzinfo=BERLIN)),
])
def test_the_content_models_forms_are_read(text, expected):
    parsed = when(text)
    assert parsed == expected and type(parsed) is type(expected)
    if isinstance(expected, datetime.datetime):
        assert parsed.utcoffset() == expected.utcoffset()


@pytest.mark.parametrize("text, words, meant", [
    ("2027-01-21 11.30", "hat keinen Doppelpunkt", "2027-01-21 11:30"),
    ("2027-01-21 10,30", "hat keinen Doppelpunkt", "2027-01-21 10:30"),
    ("2027-01-21 10.00", "hat keinen Doppelpunkt", "2027-01-21 10:00"),
    ("2027-01-21 9.15", "hat keinen Doppelpunkt", "2027-01-21 09:15"),
    ("2027-01-21 10", "fehlen die Minuten", "2027-01-21 10:00"),
    ("2027-01-21T10", "fehlen die Minuten", "2027-01-21 10:00"),
    ("2027-01-21 10:30 Uhr", "gehört „Uhr“ nicht zur Uhrzeit", "2027-01-21 10:30"),
])
def test_a_time_without_colon_is_an_error_naming_the_value_meant(text, words, meant):
    with pytest.raises(ContentError) as raised:
        when(text)
    error = raised.value
    assert words in error.problem and f"„{text}“" in error.problem
    assert error.hint == f"Schreiben Sie die Uhrzeit mit Doppelpunkt: {meant}"
    assert (error.key, error.line) == ("start", 3)
    assert read_when(meant)  # the suggestion itself is accepted


@pytest.mark.parametrize("text", ["morgen", "2025-02-30 10:00", "2027-01-21 24:00",
                                  "2027-01-21 25.30", "2027-01-21 10:00:00.5", "21.01.2027"])
def test_other_wrong_values_keep_the_general_message(text):
    with pytest.raises(ContentError) as raised:
        when(text)
    assert "ist kein gültiges Datum oder gibt es nicht" in raised.value.problem
    assert raised.value.hint == "Schreiben Sie z. B. 2025-06-26 oder 2025-06-26 10:00."


def test_read_when_says_why_without_a_file():
    with pytest.raises(WhenError) as raised:
        read_when("2027-02-17 10.30")
    assert raised.value.suggestion == "2027-02-17 10:30"


def test_yamls_own_dates_and_times_still_work():
    """PyYAML's safe loader gives date and datetime objects; those pass as they are."""
    data = yaml.safe_load("a: 2027-01-21\nb: 2027-01-21 10:00:00\nc: 2027-01-21T08:00:00Z")
    assert when(data["a"]) == datetime.date(2027, 1, 21)
    assert when(data["b"]) == datetime.datetime(2027, 1, 21, 10, 0, tzinfo=BERLIN)
    assert when(data["c"]) == datetime.datetime(2027, 1, 21, 8, 0, tzinfo=UTC)


def test_a_year_out_of_range_is_reported_for_days_too():
    with pytest.raises(ContentError, match="Das Jahr 1 ist hier nicht möglich"):
        when(datetime.date(1, 1, 1))
