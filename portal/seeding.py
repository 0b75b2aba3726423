"""Demo data, contributed by each app from its own `demo.py` (the core names no feature app).

A seeder is a function `(stdout=None) -> None` registered with `@demo_seeder(order)`; `seed_demo` runs
them all in order, lowest first. The order is declared beside each seeder because a feature's demo uses
the records of those before it: the partnership core (0), then offers (10), pledges (20), the schools
commitments audits (30, which read the offers), case-file audits (40) and maturity (50).
Every seeder is idempotent: running it again updates rather than duplicates.
"""

from django.utils.module_loading import autodiscover_modules

_seeders = []


def demo_seeder(order):
    def register(seed):
        if all(existing is not seed for _, existing in _seeders):
            _seeders.append((order, seed))
            _seeders.sort(key=lambda pair: pair[0])
        return seed

    return register


def demo_seeders():
    """Every installed app's seeders in their declared order (imports each app's demo.py once)."""
    autodiscover_modules("demo")
    return [seed for _, seed in _seeders]
