from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from markdownx.forms import ImageForm
from PIL import Image

# Declared content type -> the format Pillow must find in the bytes, and the stored extension.
IMAGE_FORMATS = {
    "image/jpeg": ("JPEG", "jpg"),
    "image/png": ("PNG", "png"),
    "image/gif": ("GIF", "gif"),
    "image/webp": ("WEBP", "webp"),
}
MAX_PIXELS = 40_000_000  # the resize decodes the whole image: bound the memory it takes


class MarkdownImageForm(ImageForm):
    """markdownx's upload form, made strict.

    markdownx trusts the browser's content type and the uploaded file name, and stores
    GIFs as uploaded, so any bytes (HTML, SVG) could be served from media under any
    extension. Here the bytes must decode as an image of the declared type, and the
    stored file is named after that type.
    """

    def clean(self):
        upload = super().clean()  # content type allowlist and size limit
        expected, extension = IMAGE_FORMATS.get(upload.content_type, (None, None))
        try:
            with Image.open(upload) as image:
                if image.width * image.height > MAX_PIXELS:
                    raise ValidationError(_("The image is too large: at most 40 megapixels."))
                image.load()
                found = image.format
        except ValidationError:
            raise
        except (OSError, SyntaxError, ValueError, Image.DecompressionBombError) as error:
            raise ValidationError(_("The file is not a readable image.")) from error
        finally:
            upload.seek(0)
        if found != expected:
            raise ValidationError(_("The file is not a %(type)s image.") % {"type": expected or upload.content_type})
        upload.name = f"image.{extension}"
        return upload
