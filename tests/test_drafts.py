"""Drafts and hidden pages: shown with a banner in the preview, nowhere in a public build."""

DRAFT = "---\ntitle: Geheimer Entwurf\nstatus: draft\n---\nEntwurfswort Zitronenfalter\n"
HIDDEN = "---\ntitle: Versteckte Seite\nstatus: hidden\n---\nVerstecktwort Kohlweißling\n"
PUBLISHED = "---\ntitle: Sichtbar\n---\nText\n"


def all_text(folder):
    return "".join(p.read_text(encoding="utf-8", errors="replace")
                   for p in folder.rglob("*") if p.is_file())


def test_public_build_writes_no_draft_or_hidden_page(fixture_site):
    output = fixture_site({"pages/entwurf.md": DRAFT, "pages/versteckt.md": HIDDEN,
                           "pages/sichtbar.md": PUBLISHED}, public=True)
    assert (output / "sichtbar" / "index.html").exists()
    text = all_text(output)
    for word in ["Zitronenfalter", "Kohlweißling", "Geheimer Entwurf", "Versteckte Seite"]:
        assert word not in text
    assert not (output / "entwurf").exists() and not (output / "drafts").exists()


def test_preview_shows_draft_with_banner(fixture_site):
    output = fixture_site({"pages/entwurf.md": DRAFT})
    page = (output / "entwurf" / "geheimer-entwurf" / "index.html").read_text(encoding="utf-8")
    assert "Zitronenfalter" in page
    assert "nur in der Vorschau sichtbar" in page
    assert '<meta name="robots" content="noindex">' in page
