"""A drawing or a photo of one, sent with a child's views: it must be a picture Pillow can read, not too
big, and it is kept only as re-encoded pixels, so nothing the camera wrote (place, time, device) is kept."""

import io
import warnings
from dataclasses import dataclass

from PIL import Image, ImageOps, UnidentifiedImageError

MAX_BYTES = 5_000_000
MAX_PIXELS = 40_000_000  # refuse a small file that unpacks into a huge picture
LONGEST_SIDE = 1600  # what is kept is scaled down to this
FORMATS = frozenset({"JPEG", "PNG", "GIF", "WEBP"})

NOT_A_PICTURE = "That file is not a picture. Choose a photo or a drawing saved as JPEG, PNG, GIF or WebP."
TOO_BIG = f"That picture is too big. Choose one smaller than {MAX_BYTES // 1_000_000} MB."


class NotAPicture(ValueError):
    pass


@dataclass(frozen=True)
class Drawing:
    data: bytes
    content_type: str


def clean(raw: bytes) -> Drawing:
    """The picture re-drawn as PNG (JPEG for photos), without any of the original file's metadata."""
    if len(raw) > MAX_BYTES:
        raise NotAPicture(TOO_BIG)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(raw)) as opened:
                if opened.format not in FORMATS or opened.width * opened.height > MAX_PIXELS:
                    raise NotAPicture(NOT_A_PICTURE if opened.format not in FORMATS else TOO_BIG)
                opened.seek(0)
                picture = ImageOps.exif_transpose(opened)  # keep it the right way up once the orientation tag is gone
                picture.load()
                photo = opened.format == "JPEG"
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        if isinstance(error, NotAPicture):
            raise
        raise NotAPicture(NOT_A_PICTURE) from None
    picture.thumbnail((LONGEST_SIDE, LONGEST_SIDE))
    # A new image holds only the pixels: no EXIF, GPS, ICC profile or text chunks come across.
    pixels = Image.new("RGB" if photo else "RGBA", picture.size)
    pixels.paste(picture.convert(pixels.mode))
    out = io.BytesIO()
    if photo:
        pixels.save(out, "JPEG", quality=85)
        return Drawing(out.getvalue(), "image/jpeg")
    pixels.save(out, "PNG", optimize=True)
    return Drawing(out.getvalue(), "image/png")
