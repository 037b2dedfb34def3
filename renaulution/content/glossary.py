"""
The glossary shipped with the site: the names and phrases the shipped
content uses, as translators should render them (translations.glossary
checks every translation against them).
"""


def keep(text, note=""):
    """A name written the same in every language."""
    return {"text": text, "do_not_translate": True, "note": note, "translations": {}}


def term(text, note="", **translations):
    """A phrase with its preferred translation per language."""
    return {"text": text, "do_not_translate": False, "note": note, "translations": translations}


GLOSSARY = [
    keep("Renaulution", "The strategic plan's name, never translated."),
    keep("ElectriCity", "Renault's electric vehicle hub in northern France."),
    keep("Ampere", "Renault Group's electric vehicle and software company: no accent."),
    keep("Renault 5 Turbo 3E", "Model name."),
    keep("Scenic E-Tech Electric", "Model name."),
    keep("Bigster", "Dacia model name."),
    keep("LFP", "Lithium iron phosphate battery chemistry."),
    keep("Cell2Pack", "Battery architecture name."),
    keep("Prime Video", "The streaming service."),
    keep("Breath Film", "Production company."),
    keep("GIGN", "The French gendarmerie's intervention group."),
    term("Car of the Year", "The award.", fr="Voiture de l'année", it="Auto dell'Anno"),
    term(
        "Anatomy of a Comeback",
        "The series' title on Prime Video in each language.",
        fr="Anatomie d'un come-back",
        it="Anatomia di un come-back",
    ),
    term(
        "Renault Group",
        'French writes "le groupe Renault"; Italian keeps the English name.',
        fr="groupe Renault",
        it="Renault Group",
    ),
]
