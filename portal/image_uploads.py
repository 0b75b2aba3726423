"""Images uploaded to the CMS library are read in full before they are accepted.

Wagtail checks an upload's format and size, but a file that starts like a PNG and then breaks (a chunk
length past the end of the file, corrupt pixel data) made Pillow raise while Wagtail measured it, and the
upload answered 500. Here the whole image is decoded once, and anything Pillow cannot read becomes a
message beside the file field (settings: WAGTAILIMAGES_IMAGE_FORM_BASE).
"""

import struct
import zlib

from django.core.exceptions import ValidationError
from PIL import Image as PILImage
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

UNREADABLE = (
    "The file could not be read as an image: it may be damaged. Save it again from an image editor and upload it again."
)

# What Pillow and its decoders raise on a damaged file (SyntaxError is Pillow's "not a valid PNG").
_BROKEN = (OSError, SyntaxError, ValueError, EOFError, IndexError, TypeError, struct.error, zlib.error)


class WholeImageField(WagtailImageField):
    def to_python(self, data):
        try:
            file = super().to_python(data)
        except ValidationError:
            raise
        except _BROKEN as problem:
            raise ValidationError(UNREADABLE, code="invalid_image") from problem
        if file is not None and getattr(file.image, "format_name", "") != "svg":
            self._decode_fully(file)
        return file

    @staticmethod
    def _decode_fully(file):
        try:
            file.seek(0)
            with PILImage.open(file) as image:
                image.load()
        except (*_BROKEN, PILImage.DecompressionBombError) as problem:
            raise ValidationError(UNREADABLE, code="invalid_image") from problem
        finally:
            file.seek(0)


class ImageForm(BaseImageForm):
    """Wagtail's image form with the file field reading the whole image (a declared field wins over the
    one Wagtail's form factory makes)."""

    file = WholeImageField(label="File")
