"""The admin's upload form for translation files: XLIFF/PO and TMX."""

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

MB = 1024 * 1024


class ImportFileForm(forms.Form):
    """
    A file to import and a dry-run box.

    `max_size` is the cap of the parser that reads the file (exchange.py's or
    tmx.py's MAX_FILE_SIZE), which the management commands meet too: the form
    refuses an oversized upload before reading it, with the same limit, so
    the admin and the command line never disagree. The caps differ on
    purpose: an XLIFF or PO file holds one language's units (5 MB), a TMX
    file the whole memory, every language pair (20 MB).

    The file's type is decided by its content, not its name: CAT tools name
    XLIFF .xlf, .xliff, .sdlxliff or .mqxliff, and a file that is not what it
    claims is refused by the parser with a message saying why. `accept` only
    helps the browser's file picker.
    """

    file = forms.FileField()
    dry_run = forms.BooleanField(
        required=False,
        label=gettext_lazy("Dry run: check the file and show what it would do, change nothing"),
    )

    def __init__(self, *args, max_size, file_label, accept="", **kwargs):
        super().__init__(*args, **kwargs)
        self.max_size = max_size
        self.fields["file"].label = file_label
        if accept:
            self.fields["file"].widget.attrs["accept"] = accept

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > self.max_size:
            raise forms.ValidationError(
                _("The file is larger than %(size)d MB.") % {"size": self.max_size // MB}
            )
        return upload
