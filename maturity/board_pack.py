"""The board pack's "maturity round" section: a signed-off round's agreed ratings beside the round before it.

Only signed-off rounds are offered: a draft's ratings are still the partnership's working, not the board's."""

from maturity.models import Round, Status
from portal.board_pack import kind, paragraph, table


def signed_off_rounds():
    return Round.objects.filter(status=Status.SIGNED_OFF).select_related("framework").order_by("-period_end", "-pk")


def round_options(today):
    return [(str(r.pk), f"{r.title} ({r.period_label})") for r in signed_off_rounds()]


@kind("maturity_round", "Maturity round", order=50, options=round_options)
def maturity_round(context):
    rounds = signed_off_rounds()
    chosen = rounds.filter(pk=context.option).first() if context.option.isdigit() else rounds.first()
    if chosen is None:
        return [paragraph("No maturity round has been signed off yet.")]
    before = (
        rounds.filter(framework__slug=chosen.framework.slug, period_end__lt=chosen.period_end)
        .exclude(pk=chosen.pk)
        .first()
    )
    earlier = dict(before.ratings.values_list("strand__key", "rating")) if before else {}
    rows = []
    for rating in chosen.ratings.select_related("strand").order_by("strand__position"):
        previous = earlier.get(rating.strand.key)
        rows.append(
            [
                rating.strand.name,
                chosen.framework.rating_label(rating.rating),
                before.framework.rating_label(previous) if previous is not None else "",
            ]
        )
    blocks = [
        paragraph(f"{chosen.title}, {chosen.period_label}, signed off {chosen.signed_off_at:%-d %B %Y}.")
        if chosen.signed_off_at
        else paragraph(f"{chosen.title}, {chosen.period_label}.")
    ]
    if chosen.summary:
        blocks.append(paragraph(chosen.summary))
    previous_heading = f"{before.title}" if before else "Previous round"
    blocks.append(table("Agreed ratings by strand", ["Strand", "This round", previous_heading], rows))
    return blocks
