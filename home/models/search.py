"""What the directory search reads: everyday words the LA maps to the directory's words, and the index.

The index is the published offers' words by stem (home/search_index.py writes it when an offer is
published, unpublished or its organisation renamed); the search (home/search.py) ranks offers from it with
the same arithmetic on SQLite and PostgreSQL, so a result's place never depends on the database.
"""

from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel, HelpPanel
from wagtail.snippets.models import register_snippet

from home import words as wording


def _phrases(text: str) -> list[str]:
    """Comma- or line-separated phrases, each as its lower-case words."""
    return [" ".join(wording.words(part)) for part in text.replace("\n", ",").split(",") if wording.words(part)]


class Synonym(models.Model):
    """Everyday words a family types, and the words the directory's offers use for the same help."""

    everyday_words = models.TextField(
        help_text="What people type, separated by commas. For example: grief, grieving, loss of a parent."
    )
    directory_words = models.TextField(
        help_text="What offers call it, separated by commas. A search for any everyday word also finds these. "
        "For example: bereavement."
    )

    panels = [
        HelpPanel(
            content="A search for any of the everyday words also finds offers that use the directory's words. "
            "Results with the words typed come first."
        ),
        FieldPanel("everyday_words"),
        FieldPanel("directory_words"),
    ]

    class Meta:
        verbose_name = "search synonym"
        ordering = ["everyday_words"]

    def __str__(self):
        return f"{self.everyday_words} → {self.directory_words}"

    def clean(self):
        problems = {
            name: "Enter at least one word (letters or numbers), separating several with commas."
            for name in ("everyday_words", "directory_words")
            if not _phrases(getattr(self, name))
        }
        if problems:
            raise ValidationError(problems)

    def everyday(self) -> list[str]:
        return _phrases(self.everyday_words)

    def meanings(self) -> list[str]:
        return _phrases(self.directory_words)


register_snippet(Synonym)


class SearchTerm(models.Model):
    """One stem of one published offer, with its weight (where it appears, and how often)."""

    page = models.ForeignKey("home.OfferPage", on_delete=models.CASCADE, related_name="+")
    stem = models.CharField(max_length=wording.MAX_WORD)
    weight = models.FloatField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["stem", "page"], name="home_searchterm_stem_page")]


class SearchWord(models.Model):
    """A word the published offers use, as written: the vocabulary "Did you mean ...?" chooses from."""

    word = models.CharField(max_length=wording.MAX_WORD, unique=True)
    stem = models.CharField(max_length=wording.MAX_WORD, db_index=True)
