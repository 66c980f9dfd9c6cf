from norec_site.slugs import slug_from_title


def test_norwegian_letters_are_spelled_out():
    title = "Sør-sør-samarbeid på FN-konferansen"
    assert slug_from_title(title) == "sor-sor-samarbeid-pa-fn-konferansen"


def test_ae_and_capitals():
    assert slug_from_title("Ærlege ØKONOMAR i Åfjord") == "aerlege-okonomar-i-afjord"


def test_long_titles_are_cut_without_a_trailing_hyphen():
    slug = slug_from_title("ord " * 60)
    assert len(slug) <= 80
    assert not slug.endswith("-")


def test_dashes_join_words_like_hyphens():
    slug = slug_from_title("Sør–sør og triangulært samarbeid")
    assert slug == "sor-sor-og-triangulaert-samarbeid"
