"""The detector the Mongolian-page tests rely on finds what a person would read as English."""

from tests.english import english_sentences


def test_it_finds_djangos_stock_password_rule_and_allauths_stock_greeting():
    page = "<ul><li>Your password can’t be too similar to your other personal information.</li></ul>"
    assert english_sentences(page) == ["Your password can’t be too similar to your other personal information."]
    assert english_sentences("Hello from Cascade!\n\nThank you for using Cascade!", html=False)


def test_it_reads_titles_and_what_a_screen_reader_reads_but_not_scripts_or_styles():
    assert english_sentences("<title>Reset your password</title>")
    assert english_sentences('<input placeholder="Type your e-mail address">')
    assert english_sentences('<button aria-label="Show the password">👁</button>')
    assert not english_sentences("<script>const message = 'not shown to anyone';</script><style>a b c {}</style>")
    assert not english_sentences('<input type="hidden" name="next" value="go to some page">')


def test_mongolian_with_addresses_the_brand_codes_and_latin_names_passes():
    page = (
        "<p>Cascade-д тавтай морилно уу. learner@demo.mn хаяг руу https://cascade.example.mn/a/b/ холбоос илгээлээ.</p>"
        "<p>Google Authenticator апп</p><p>Batbold Dorj</p><p>Cascade TOTP</p><p>Код: ABCD-EFGH-JKMN</p>"
    )
    assert english_sentences(page) == []


def test_a_block_boundary_ends_a_run():
    assert english_sentences("<h2>Sign in</h2><p>now</p>") == []


def test_what_the_page_marks_as_english_and_a_bracketed_gloss_are_not_untranslated():
    page = (
        '<p>Нэр: <span lang="en">Batbold Dorj <b>of the</b> Border Police</span> байна.</p>'
        "<p>Төлөвлөлт, бэлтгэл (Planning and preparation), дараа нь танилцах (Engage and explain).</p>"
    )
    assert english_sentences(page) == []
    # ...but a whole English sentence in brackets still is.
    assert english_sentences("<p>Нууц үг (Your password can’t be entirely numeric.)</p>")
    assert english_sentences('<p lang="mn">This is not marked as English.</p>')
