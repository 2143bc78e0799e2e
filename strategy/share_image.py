"""The site-wide default share image (1200 × 630), drawn by the project, no photo rights."""

import io

from PIL import Image, ImageDraw, ImageFont

WIDTH, HEIGHT = 1200, 630
BLUE, DARK_BLUE, GREEN, WHITE = "#00558c", "#003b63", "#2e7d4f", "#ffffff"
# The three pillars' colours (climate, social, democracy), as on the site.
PILLAR_COLOURS = ["#00738a", "#b3541e", "#3f51b5"]


def build_share_image() -> bytes:
    """A PNG with the site's name on Vejle blue and the pillars' colours; the same every time."""
    image = Image.new("RGB", (WIDTH, HEIGHT), BLUE)
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, HEIGHT - 150, WIDTH, HEIGHT], fill=DARK_BLUE)
    for index, colour in enumerate(PILLAR_COLOURS):
        left = 80 + index * 120
        draw.rectangle([left, 120, left + 96, 136], fill=colour)
    draw.rectangle([80 + 3 * 120, 120, 80 + 3 * 120 + 96, 136], fill=GREEN)
    draw.text((80, 180), "Resiliente Vejle", font=ImageFont.load_default(size=110), fill=WHITE)
    draw.text((80, 530), "Vejle Kommune", font=ImageFont.load_default(size=48), fill=WHITE)
    output = io.BytesIO()
    image.save(output, format="PNG", optimize=True)
    return output.getvalue()
