"""Chapter 8's dates: many written formats, one ISO answer."""

from __future__ import annotations

import datetime

import pytest

from experiments.datasets.dates import ALL_FORMATS, BOOK_FORMATS, MONTHS, WEEKDAYS, date_pairs, dates_dataset


def parse(text: str) -> datetime.date:
    """An independent reading of every format the generator writes."""
    text = text.strip().lower()
    months = {m.lower(): i + 1 for i, m in enumerate(MONTHS)} | {m[:3].lower(): i + 1 for i, m in enumerate(MONTHS)}
    if "/" in text:
        m, d, y = (int(p) for p in text.split("/"))
        return datetime.date(1900 + y if y >= 70 else 2000 + y, m, d)
    if "." in text:
        y, m, d = (int(p) for p in text.split("."))
        return datetime.date(y, m, d)
    parts = text.replace(",", "").split()
    if parts[0] in (w.lower() for w in WEEKDAYS):
        day = datetime.date(int(parts[3]), months[parts[1]], int(parts[2]))
        assert WEEKDAYS[day.weekday()].lower() == parts[0], text
        return day
    if parts[0].isdigit():
        return datetime.date(int(parts[2]), months[parts[1]], int(parts[0]))
    return datetime.date(int(parts[2]), months[parts[0]], int(parts[1]))


@pytest.fixture(scope="module")
def pairs():
    return date_pairs(5_000, seed=0)


def test_every_question_means_its_answer(pairs):
    for question, answer in pairs:
        assert len(question) == 29 and len(answer) == 11
        assert "_" + parse(question).isoformat() == answer


def test_formats_and_cases_all_occur(pairs):
    questions = [q.strip() for q, _ in pairs]
    assert any(q.isupper() for q in questions) and any(q.islower() and q[0].isalpha() for q in questions)
    assert any("/" in q for q in questions) and any(q[:4].isdigit() and "." in q for q in questions)
    assert any(q.split()[0].rstrip(",").lower() in {w.lower() for w in WEEKDAYS} for q in questions)
    years = [int(a[1:5]) for _, a in pairs]
    assert min(years) == 1970 and max(years) == 2017


def test_book_formats_only():
    for question, answer in date_pairs(500, seed=1, formats=BOOK_FORMATS):
        assert "." not in question and "_" + parse(question).isoformat() == answer
    assert set(BOOK_FORMATS) < set(ALL_FORMATS)


def test_book_sizes_and_vocabulary():
    data = dates_dataset()
    assert data.x_train.shape == (45_000, 29) and data.t_train.shape == (45_000, 11)
    assert data.x_test.shape == (5_000, 29)
    assert data.decode(data.t_test[0])[0] == "_" and data.decode(data.t_test[0])[5] == "-"
    assert 50 <= data.vocab_size <= 70


def test_seeded():
    assert date_pairs(20, seed=3) == date_pairs(20, seed=3) != date_pairs(20, seed=4)
