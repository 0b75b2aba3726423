"""Benchmark: how well the case-file audits' privacy guard (caseaudits/privacy.py) holds, on its corpus.

    .venv/bin/python bench/privacy_bench.py           # the corpus in tests/caseaudits/privacy_corpus
    .venv/bin/python bench/privacy_bench.py --show    # and every miss and false alarm

Prints, for each kind of personal data, how many phrases of refuse.txt the guard caught (the catch rate),
and how many ordinary audit sentences of pass.txt it wrongly refused (the false-alarm rate). No database
is used (--database-url is accepted and ignored, for bench/run_all.py).
"""

import os
import sys
import time
from collections import defaultdict

from common import argument_parser


def parse_args():
    parser = argument_parser(__doc__, database_help="Ignored: the guard needs no database.")
    parser.add_argument("--show", action="store_true", help="List every miss and false alarm.")
    return parser.parse_args()


def main():
    args = parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")
    import django

    django.setup()
    from caseaudits.privacy import personal_data_in
    from testdata.privacy_corpus import ordinary_sentences, phrases_to_refuse

    loading = time.perf_counter()
    personal_data_in("")  # reads the shipped name and word lists once, as the first check in a process does
    loaded = time.perf_counter() - loading
    started = time.perf_counter()
    caught, total, misses = defaultdict(int), defaultdict(int), []
    for kind, phrase in phrases_to_refuse():
        total[kind] += 1
        if personal_data_in(phrase):
            caught[kind] += 1
        else:
            misses.append((kind, phrase))
    alarms = [(s, personal_data_in(s)) for s in ordinary_sentences()]
    alarms = [(s, found) for s, found in alarms if found]
    sentences = len(ordinary_sentences())
    elapsed = time.perf_counter() - started
    checked = sum(total.values()) + sentences

    print("\nCatch rate: phrases holding personal data that the guard refused")
    print(f"{'kind':<16} {'phrases':>8} {'caught':>8} {'catch%':>8}")
    for kind in sorted(total):
        print(f"{kind:<16} {total[kind]:>8} {caught[kind]:>8} {100 * caught[kind] / total[kind]:>7.1f}%")
    all_caught, all_total = sum(caught.values()), sum(total.values())
    print(f"{'all':<16} {all_total:>8} {all_caught:>8} {100 * all_caught / all_total:>7.1f}%")

    print("\nFalse-alarm rate: ordinary audit sentences the guard refused")
    print(f"{'corpus':<16} {'sentences':>9} {'alarms':>8} {'alarm%':>8}")
    print(f"{'pass.txt':<16} {sentences:>9} {len(alarms):>8} {100 * len(alarms) / sentences:>7.1f}%")

    print("\nSpeed: the guard over the whole corpus")
    print(f"{'run':<16} {'texts':>8} {'ms/text':>8}")
    print(f"{'corpus':<16} {checked:>8} {1000 * elapsed / checked:>8.2f}")
    print(f"(the name and word lists are read once per process: {1000 * loaded:.0f} ms)")

    if args.show:
        for kind, phrase in misses:
            print(f"MISS  {kind}: {phrase}")
        for sentence, found in alarms:
            print(f"ALARM {sentence}  <- {', '.join(f.words for f in found)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
