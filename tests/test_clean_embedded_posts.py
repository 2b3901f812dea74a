from storyline.stages.clean.embedded_posts import unwrap_embedded_posts


def test_signed_post_keeps_its_body_and_signature_without_markup() -> None:
    text = (
        'Intro.\n\n<tweet id="1" author="@jdoe" datetime="2016-09-01">Hats on at the rally. '
        "— Jane Doe (@jdoe) September 1, 2016</tweet>.\n\nMore."
    )
    assert unwrap_embedded_posts(text) == (
        "Intro.\n\nHats on at the rally. — Jane Doe (@jdoe) September 1, 2016.\n\nMore."
    )


def test_unsigned_post_is_signed_with_its_author_handle() -> None:
    text = '<post author="realJoe" timestamp="1">We will win big</post>'
    assert unwrap_embedded_posts(text) == "We will win big — @realJoe"


def test_post_without_author_loses_its_markup_only() -> None:
    assert unwrap_embedded_posts('<tweet tweet_id="9">clinton speaking</tweet>') == "clinton speaking"


def test_author_attribute_is_read_as_a_handle_only() -> None:
    text = '<tweet author="@x<script>">Body</tweet>'
    assert "author" not in unwrap_embedded_posts('<tweet author="@a_b">Body</tweet>')
    assert unwrap_embedded_posts(text) == text  # not a well-formed block: left as it is


def test_other_markup_without_author_is_left_alone() -> None:
    assert unwrap_embedded_posts("a <b>bold</b> word") == "a <b>bold</b> word"


def test_long_input_stays_fast() -> None:
    text = "<tweet author=" + "a" * 100_000
    assert unwrap_embedded_posts(text) == text
