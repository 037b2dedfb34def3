"""
The content shipped with the site, loaded by `manage.py load_renaulution`.

- `data`: the texts and facts, in English, French and Italian, written in our
  own words from the press articles in the design's seed documents;
- `images`: the pictures, drawn with Pillow;
- `loader`: `load_content()`, which creates what is missing and never touches
  what already exists.
"""
