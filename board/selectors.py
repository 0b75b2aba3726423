"""Reads for the board's meetings and packs.

`pack_sections` is the one read of a pack, for the meeting page, the print document, the workbook and
`build_board_pack` alike: an issued pack is its snapshot (the freeze), a pack in preparation is built live.
"""

from portal.board_pack import PackContext, get_kind, paragraph
from portal.memo import one_read

from .models import Meeting


def meetings():
    return Meeting.objects.select_related("issued_by").order_by("-date", "-pk")


def previous_meeting(before):
    """The last meeting held before the day `before` (whose decisions the next pack reports)."""
    return Meeting.objects.filter(date__lt=before).order_by("-date", "-pk").first()


def next_meeting(today):
    return Meeting.objects.filter(date__gte=today).order_by("date", "pk").first()


def latest_issued():
    return Meeting.objects.filter(issued_at__isnull=False).order_by("-date", "-pk").first()


def issued_with_localities():
    """Issued packs with locality sections frozen, latest first."""
    return Meeting.objects.filter(issued_at__isnull=False).exclude(locality_snapshot={}).order_by("-date", "-pk")


def section_title(section):
    kind = get_kind(section.kind)
    return section.title or (kind.title if kind else section.kind)


def build_section(section, meeting, today):
    """One section's blocks, live."""
    kind = get_kind(section.kind)
    if kind is None:  # a kind whose feature is not installed (yet): say so rather than fail
        return [paragraph("This section is not available in this portal.")]
    option = section.text if section.kind == "paper" else section.option
    return kind.build(PackContext(today=today, meeting_date=meeting.date, option=option))


def build_pack(meeting, today):
    """Every section's blocks as they stand today: what issuing stores."""
    with one_read():  # sections ask the same selectors (the overview's and the case-file report's reads)
        return [
            {"key": s.kind, "title": section_title(s), "blocks": build_section(s, meeting, today)}
            for s in meeting.sections.all()
        ]


LOCALITY_KIND = "locality_reports"


def build_locality_sections(meeting, today):
    """{locality slug: {"title", "blocks"}} for a pack with a locality reports section: what its chairs read."""
    kind = get_kind(LOCALITY_KIND)
    if kind is None or kind.options is None or not meeting.sections.filter(kind=LOCALITY_KIND).exists():
        return {}
    with one_read():
        return {
            value: {"title": f"{kind.title}: {label}", "blocks": kind.build(PackContext(today, meeting.date, value))}
            for value, label in kind.options(today)
            if value
        }


def pack_sections(meeting, today):
    return meeting.snapshot if meeting.is_issued else build_pack(meeting, today)
