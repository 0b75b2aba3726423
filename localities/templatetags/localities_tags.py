from decimal import Decimal

from django import template

register = template.Library()


@register.filter
def money(value):
    """Pounds and pence with thousands separated: 10000 -> "£10,000.00"; below zero "-£50.00"."""
    if value is None or value == "":
        return ""
    amount = Decimal(value)
    sign = "-" if amount < 0 else ""
    return f"{sign}£{abs(amount):,.2f}"
