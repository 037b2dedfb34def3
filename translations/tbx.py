"""
The glossary as a TBX file (TermBase eXchange, ISO 30042, the TBX-Basic
dialect CAT tools read): one <termEntry> per term, one <langSet> per
language that writes it, a do-not-translate term noted as such.
"""

from django.conf import settings
from lxml import etree

from .glossary import expression

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def glossary_tbx(terms):
    """The TBX document (bytes) of `terms` (dicts from `glossary.terms()`)."""
    root = etree.Element("martif", type="TBX-Basic")
    root.set(XML_LANG, settings.LANGUAGE_CODE)
    header = etree.SubElement(root, "martifHeader")
    description = etree.SubElement(etree.SubElement(header, "fileDesc"), "sourceDesc")
    etree.SubElement(description, "p").text = "Renaulution glossary"
    body = etree.SubElement(etree.SubElement(root, "text"), "body")
    for number, term in enumerate(terms, 1):
        entry = etree.SubElement(body, "termEntry", id=f"term-{number}")
        if term["do_not_translate"]:
            note = etree.SubElement(entry, "descrip", type="definition")
            note.text = "Do not translate."
        for code, _name in settings.LANGUAGES:
            text = expression(term, code)
            if not text:
                continue
            lang_set = etree.SubElement(entry, "langSet")
            lang_set.set(XML_LANG, code)
            tig = etree.SubElement(lang_set, "tig")
            etree.SubElement(tig, "term").text = text
            if term["do_not_translate"]:
                status = etree.SubElement(tig, "termNote", type="administrativeStatus")
                status.text = "preferredTerm-admn-sts"
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
