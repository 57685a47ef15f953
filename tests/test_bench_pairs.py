"""bench.pairs reads an event's gold sentences as an answer's evidence: made-up events, no store."""

from bench.pairs import HELD_OUT, dev_files, found_relation


def _event(first: str, second: str, second_day: str = "2019-03-03") -> dict:
    return {
        "id": "made-up",
        "label": "conflict",
        "values": [
            {"docno": "a", "outlet": "Outlet A", "published": "2019-03-03T10:00:00", "sentence": first},
            {"docno": "b", "outlet": "Outlet B", "published": f"{second_day}T12:00:00", "sentence": second},
        ],
    }


def test_two_outlets_figures_of_one_day_are_a_conflict_and_one_figure_is_none():
    assert found_relation(_event("قتل 12 شخصا في انهيار جسر للمشاة.", "قتل 19 شخصا في انهيار جسر للمشاة.")) == "conflict"
    assert found_relation(_event("قتل 12 شخصا في انهيار جسر للمشاة.", "قتل 12 شخصا في انهيار جسر للمشاة.")) == "none"
    assert (
        found_relation(_event("قتل 12 شخصا في انهيار جسر للمشاة.", "ارتفع عدد قتلى انهيار الجسر إلى 19 قتيلا.", "2019-03-05")) == "update"
    )


def test_the_held_out_sets_are_never_read_by_default():
    assert dev_files() and not {p.name for p in dev_files()} & set(HELD_OUT)
