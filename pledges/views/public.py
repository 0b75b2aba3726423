"""The public list of signatories: who signed the partnership pledges, and what they said. No login.

It shows the signatory's name and role as signed, never the designated lead's contact details.
"""

from django.shortcuts import render

from pledges import selectors


def signatories(request):
    pledge_set = selectors.current_pledge_set()
    return render(
        request,
        "pledges/signatories.html",
        {
            "pledge_set": pledge_set,
            "pledges": list(pledge_set.pledges.all()) if pledge_set else [],
            "signatures": selectors.signatories(),
        },
    )
