"""
Where uploaded files are stored: MEDIA_ROOT, under names nobody can guess.

In production the web server serves /media/ straight from the disk, without
asking Django whether the image belongs to a draft. So a draft's images must
not be reachable by guessing their URL: every upload is stored in a folder
named by a random token (`press/<token>/photo.jpg`), and its renditions,
whose paths start with the original's (renaulution/images.py), inherit it.
The URL is known only from a page that shows the image, which a draft has
not. The README ("Media") says what this does not cover.
"""

import posixpath
import secrets

from django.core.files.storage import FileSystemStorage

# 96 random bits, 16 URL-safe characters: not found by trying.
TOKEN_BYTES = 12


class MediaStorage(FileSystemStorage):
    def generate_filename(self, filename):
        # Called for new uploads only (FileField.generate_filename), with the
        # field's upload_to folder in front; renditions are saved by name.
        directory, name = posixpath.split(str(filename).replace("\\", "/"))
        token = secrets.token_urlsafe(TOKEN_BYTES)
        return super().generate_filename(posixpath.join(directory, token, name))
