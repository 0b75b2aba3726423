"""StreamField blocks of the public site.

The offer's provision is stored as text, block by block: what an editor ticked from the suggested
checklist is copied in as words, so a later revision of the checklist never changes a past offer.
"""

from wagtail import blocks


class HelpRouteBlock(blocks.StructBlock):
    """One way in to help on the home page: a heading, a sentence and a link."""

    heading = blocks.CharBlock(max_length=80)
    text = blocks.TextBlock(max_length=400)
    link_text = blocks.CharBlock(max_length=80, required=False)
    link_url = blocks.CharBlock(
        max_length=300, required=False, help_text="A page on this site such as /offers/, or a full web address."
    )

    class Meta:
        icon = "help"
        template = "home/blocks/help_route.html"


DAYS = [
    ("MO", "Monday"),
    ("TU", "Tuesday"),
    ("WE", "Wednesday"),
    ("TH", "Thursday"),
    ("FR", "Friday"),
    ("SA", "Saturday"),
    ("SU", "Sunday"),
]


class OpeningTimesBlock(blocks.StructBlock):
    """Days with the same hours; published to the Open Referral feed as a weekly schedule."""

    days = blocks.MultipleChoiceBlock(choices=DAYS, help_text="The days these hours apply to.")
    opens_at = blocks.TimeBlock()
    closes_at = blocks.TimeBlock()
    notes = blocks.CharBlock(max_length=200, required=False, help_text="For example: term time only.")

    class Meta:
        icon = "time"
        label = "Opening hours"


def _item_list(label):
    return blocks.ListBlock(blocks.CharBlock(max_length=300), label=label, default=[])


class AreaProvisionBlock(blocks.StructBlock):
    """A school's provision in one of the offer areas (Attendance, Transition, SEMH...)."""

    section = blocks.CharBlock(max_length=60, help_text="The checklist area's short name.")
    name = blocks.CharBlock(max_length=120)
    primary = _item_list("Primary provision")
    secondary = _item_list("Secondary provision")
    outcomes = _item_list("Measurable outcomes")

    class Meta:
        icon = "list-ul"
        label = "Offer area"


class AudienceBlock(blocks.StructBlock):
    """How one audience (children and young people, parents and carers, staff) gets help."""

    section = blocks.CharBlock(max_length=60)
    name = blocks.CharBlock(max_length=120)
    routes = _item_list("How they find out")
    key_staff = _item_list("Who they can talk to")

    class Meta:
        icon = "group"
        label = "Audience"
