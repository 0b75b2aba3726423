"""Where a postcode is, and how far apart two places are.

A geocoder has one method, `locate(postcode) -> (latitude, longitude) | None`. The one shipped here,
`OfflineGeocoder`, reads a small table of postcode-district centres (home/data/postcode_districts.csv):
no network, so a parent's search never waits on another service and tests never need one. Offers are
located when they are saved (published); a search only locates the postcode the parent typed. A district
is a few kilometres across, so distances are "about" (said so on the page).

An adapter for a postcode API can replace it later by setting `GEOCODER`; it must keep the same method.
"""

import csv
import math
import re
from functools import cache
from pathlib import Path

DISTRICTS = Path(__file__).parent / "data" / "postcode_districts.csv"
EARTH_RADIUS_MILES = 3958.8
METRES_PER_MILE = 1609.344

# A UK postcode: the outward code (area letters, district digits, maybe a letter) and, optionally, the
# inward code (a digit and two letters). "LE1 5WW", "le15ww" and the district alone, "LE4", all read.
_POSTCODE = re.compile(r"^([A-Z]{1,2}[0-9][0-9A-Z]?)\s*([0-9][A-Z]{2})?$")


def normalise(text: str) -> str | None:
    """The postcode in capitals with one space ("LE1 5WW", or "LE4" for a district), None if it is not one."""
    match = _POSTCODE.match(" ".join((text or "").upper().split()))
    if not match:
        return None
    outward, inward = match.groups()
    return f"{outward} {inward}" if inward else outward


def district(postcode: str) -> str:
    return postcode.split(" ")[0]


class OfflineGeocoder:
    """Postcodes located by the centre of their district, from the table shipped with the portal."""

    def __init__(self, path=DISTRICTS):
        with open(path, newline="", encoding="utf-8") as handle:
            rows = csv.DictReader(line for line in handle if not line.startswith("#"))
            self.centres = {row["district"]: (float(row["latitude"]), float(row["longitude"])) for row in rows}

    def locate(self, postcode: str):
        normal = normalise(postcode)
        return self.centres.get(district(normal)) if normal else None

    def covers(self) -> str:
        """The districts the table knows, for a message: "LE1 to LE19, LE65, LE67"."""
        areas = {}
        for name in self.centres:
            letters = name.rstrip("0123456789")
            areas.setdefault(letters, []).append(int(name[len(letters) :]))
        parts = []
        for letters, numbers in areas.items():
            numbers.sort()
            run = [n for i, n in enumerate(numbers) if n == numbers[0] + i]
            parts.append(f"{letters}{run[0]} to {letters}{run[-1]}" if len(run) > 1 else f"{letters}{run[0]}")
            parts += [f"{letters}{n}" for n in numbers[len(run) :]]
        return ", ".join(parts)


GEOCODER = None  # another geocoder with `locate(postcode)`; None uses the offline table


@cache
def _offline():
    return OfflineGeocoder()


def geocoder():
    return GEOCODER or _offline()


def haversine_miles(a, b) -> float:
    """Great-circle distance between two (latitude, longitude) points in degrees, in miles."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_MILES * math.asin(math.sqrt(h))


def distance_label(miles: float) -> str:
    """How far, in words: "under half a mile", "about 1.2 miles", "about 14 miles" (a district's centre is
    only near the address)."""
    if miles < 0.5:
        return "under half a mile"
    if miles < 10:
        return f"about {miles:.1f} miles"
    return f"about {round(miles)} miles"
