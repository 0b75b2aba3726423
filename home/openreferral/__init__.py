"""The Open Referral UK feed (HSDS 3.0, UK profile) of published Early Help offers, at /api/openreferral/.

Each published offer page is one service, provided by its organisation. The offer areas are a taxonomy.
Ids are UUIDs that never change: a service is its page's translation key, and everything else is derived
from that (or from the organisation / area) with uuid5. Only published content is ever served.
"""
