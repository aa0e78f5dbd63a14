"""django-markdownx's preview and upload endpoints: staff only, and uploads are small
real raster images; every bad upload is a 400 with a reason, never a 500."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile

import pytest
from PIL import Image

pytestmark = pytest.mark.django_db

PREVIEW, UPLOAD = "/markdownx/markdownify/", "/markdownx/upload/"
AJAX = {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"}


def png_bytes(size=(4, 4)):
    buffer = io.BytesIO()
    Image.new("RGB", size, "red").save(buffer, "PNG")
    return buffer.getvalue()


def upload(client, name, content, content_type, **headers):
    return client.post(UPLOAD, {"image": SimpleUploadedFile(name, content, content_type)}, **headers)


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.mark.parametrize("url", [PREVIEW, UPLOAD])
def test_anonymous_is_sent_to_login(client, url):
    response = client.post(url, {"content": "# Hi"})

    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


@pytest.mark.parametrize("url", [PREVIEW, UPLOAD])
def test_student_is_sent_to_login(login, learner, url):
    response = login(learner).post(url, {"content": "# Hi"})

    assert response.status_code in (302, 403)
    assert response.status_code == 403 or "/admin/login/" in response["Location"]


def test_staff_gets_a_preview(login, instructor):
    response = login(instructor).post(PREVIEW, {"content": "**bold**"})

    assert response.status_code == 200
    assert response.content.decode().strip() == "<p><strong>bold</strong></p>"


def test_preview_needs_content_and_post(login, instructor):
    client = login(instructor)

    assert client.post(PREVIEW, {}).status_code == 400
    assert client.get(PREVIEW).status_code == 405


def test_staff_uploads_a_small_png(login, instructor, media):
    response = upload(login(instructor), "map.png", png_bytes(), "image/png", **AJAX)

    assert response.status_code == 200
    code = response.json()["image_code"]
    assert code.startswith("![](/media/markdownx/") and code.endswith(".png)")
    assert len(list((media / "markdownx").iterdir())) == 1


def test_too_big_upload_is_rejected(login, instructor, media):
    big = png_bytes() + b"\0" * (2 * 1024 * 1024)

    response = upload(login(instructor), "big.png", big, "image/png", **AJAX)

    assert response.status_code == 400
    assert "file size" in response.content.decode()
    assert not (media / "markdownx").exists()


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        ("notes.txt", b"just text", "text/plain"),
        ("drawing.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "image/svg+xml"),
        ("fake.png", b"not an image at all", "image/png"),  # the browser's content type is not proof
        ("page.html", b"<html><script>alert(1)</script></html>", "image/gif"),  # GIFs are stored as uploaded
        ("real.png", png_bytes(), "image/jpeg"),  # declared type differs from the bytes
    ],
    ids=["text", "svg", "garbage-as-png", "html-as-gif", "png-as-jpeg"],
)
def test_non_image_upload_is_rejected(login, instructor, media, name, content, content_type):
    response = upload(login(instructor), name, content, content_type, **AJAX)

    assert response.status_code == 400
    assert not (media / "markdownx").exists()


def test_rejection_without_ajax_header_is_still_a_400(login, instructor, media):
    response = upload(login(instructor), "notes.txt", b"just text", "text/plain")

    assert response.status_code == 400


def test_gif_is_stored_under_its_real_extension(login, instructor, media):
    buffer = io.BytesIO()
    Image.new("P", (4, 4)).save(buffer, "GIF")

    response = upload(login(instructor), "trick.html", buffer.getvalue(), "image/gif", **AJAX)

    assert response.status_code == 200
    assert response.json()["image_code"].endswith(".gif)")
