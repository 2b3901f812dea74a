"""The brief as pandas DataFrames (the ``pandas`` extra), and the message a user gets without pandas."""

from __future__ import annotations

import sys

import pytest
from report_sample import build_brief

from storyline.report.frames import CLAIM_COLUMNS, ENTITY_COLUMNS, POSITION_COLUMNS


def test_frames_name_the_extra_when_pandas_is_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)  # makes `import pandas` raise ImportError
    brief = build_brief()
    for make_frame in (brief.claims_frame, brief.entities_frame, brief.questions_frame):
        with pytest.raises(ImportError, match=r"storyline\[pandas\]"):
            make_frame()


def test_claims_frame_has_one_row_per_claim() -> None:
    pytest.importorskip("pandas")
    brief = build_brief()
    frame = brief.claims_frame()
    assert tuple(frame.columns) == CLAIM_COLUMNS
    assert list(frame["claim"]) == [claim.id for claim in brief.claims]
    c1 = frame.set_index("claim").loc["c1"]
    assert (c1["speaker_name"], c1["outlet"], c1["quantities"]) == (
        "National Intelligence Service",
        "Baltic <Ledger>",
        (12000.0,),
    )
    assert c1["questions"] == ("q-troops",)
    assert frame.set_index("claim").loc["c3", "modality"] == "denied"


def test_entities_frame_counts_mentions_and_articles() -> None:
    pytest.importorskip("pandas")
    frame = build_brief().entities_frame()
    assert tuple(frame.columns) == ENTITY_COLUMNS
    nis = frame.set_index("entity").loc["nis"]
    assert (nis["name"], nis["mentions"], nis["articles"]) == ("National Intelligence Service", 2, 2)


def test_questions_frame_has_one_row_per_position() -> None:
    pytest.importorskip("pandas")
    brief = build_brief()
    frame = brief.questions_frame()
    assert tuple(frame.columns) == POSITION_COLUMNS
    assert len(frame) == sum(len(q.positions) for story in brief.stories for q in story.questions)
    troops = frame[frame["question_id"] == "q-troops"]
    assert list(troops["value"]) == [12000.0, 10000.0]
    assert list(troops["position"]) == [1, 2]
    hoax = frame[frame["question_id"] == "q-hoax"].iloc[0]
    # Moscow names no entity: an unresolved speaker text, not an id
    assert (hoax["stance"], hoax["speakers"], hoax["speaker_texts"]) == ("deny", (), ("Moscow",))
    assert hoax["speaker_names"] == ("Moscow",)
