"""Property tests for every parser on arbitrary text: no exception, and every offset slices the text.

The properties live in ``fuzz/properties.py``; here each runs a few dozen examples so CI stays fast. The
long runs (minutes per parser) are ``fuzz/fuzz_*.py``, outside CI.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings

from fuzz import properties

# Modest: spaCy parses every example; the long runs in fuzz/ do the volume.
FEW = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FEW
@given(properties.any_text)
def test_clean_keeps_only_input_lines_and_fragments_slice(text):
    properties.check_clean(text)


@FEW
@given(properties.any_text)
def test_quantities_slice_the_text(text):
    properties.check_quantities(text)


@FEW
@given(properties.any_text, properties.published)
def test_time_expressions_slice_the_text(text, published_on):
    properties.check_dates(text, published_on)


@FEW
@given(properties.any_text, properties.published)
def test_claims_and_mentions_slice_the_text(text, published_on):
    properties.check_claims(text, published_on)


@settings(max_examples=150, deadline=None)
@given(properties.ingest_bytes)
def test_every_ingest_format_reads_any_bytes(case):
    properties.check_ingest(case)


def test_the_properties_can_fail():
    """A property that cannot fail proves nothing: a span that does not slice the text must be caught."""
    try:
        properties._assert_slices("abc", [(0, 2, "ac")], "probe")
    except AssertionError:
        return
    raise AssertionError("_assert_slices accepted a wrong surface string")
