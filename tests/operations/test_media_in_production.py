"""Uploaded images are served with DEBUG off (as in production): an image uploaded through
the editor opens for every visitor. Only raster images under MEDIA_ROOT; documents keep
going through /documents/ (which checks their privacy), and nothing else is served."""

import re

import pytest

from tests.lessons.test_markdownx_endpoints import AJAX, png_bytes, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def media(settings, tmp_path):
    assert settings.DEBUG is False
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def test_an_image_uploaded_in_the_editor_is_served_to_visitors(login, instructor, client, media):
    code = upload(login(instructor), "map.png", png_bytes(), "image/png", **AJAX).json()["image_code"]
    url = re.fullmatch(r"!\[\]\((.+)\)", code).group(1)
    client.post("/accounts/logout/")

    response = client.get(url)

    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert b"".join(response.streaming_content) == png_bytes()
    assert "max-age=86400" in response["Cache-Control"]


def test_an_unchanged_image_answers_304(client, media):
    (media / "a.png").write_bytes(png_bytes())
    first = client.get("/media/a.png")

    again = client.get("/media/a.png", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])

    assert again.status_code == 304


@pytest.mark.parametrize(
    "path",
    ["page.html", "drawing.svg", "notes.txt", "documents/secret.png", "../outside.png", "folder/", "missing.png"],
)
def test_anything_but_an_existing_image_is_not_found(client, media, path):
    (media / "page.html").write_text("<script>alert(1)</script>")
    (media / "drawing.svg").write_text("<svg><script>alert(1)</script></svg>")
    (media / "notes.txt").write_text("notes")
    (media / "documents").mkdir()
    (media / "documents" / "secret.png").write_bytes(png_bytes())
    (media / "folder").mkdir()
    (media.parent / "outside.png").write_bytes(png_bytes())

    assert client.get(f"/media/{path}").status_code == 404
