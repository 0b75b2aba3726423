"""Requests too large or with too many fields get a clear page, not a bare error (issue 8).

Django refuses a form body over DATA_UPLOAD_MAX_MEMORY_SIZE and one with more than
DATA_UPLOAD_MAX_NUMBER_FIELDS fields before any view runs; templates/400.html explains what happened.
"""

import pytest
from django.conf import settings

from maturity.models import Round

EXPLANATION = "What was sent was too large or had too many parts, so nothing was saved."


@pytest.mark.parametrize("abuse", ["too many fields", "body too large"], ids=["fields", "body"])
def test_an_oversized_request_gets_the_explained_400_page_and_saves_nothing(client_for, la_officer, abuse):
    if abuse == "too many fields":
        data = {f"field{n}": "x" for n in range(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1)}
    else:
        data = {"title": "x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)}
    data.update({"period_start": "2024-01-01", "period_end": "2024-01-31"})
    response = client_for(la_officer).post("/maturity/rounds/new/", data)
    assert response.status_code == 400
    page = response.content.decode()
    assert "<h1>The form could not be read</h1>" in page and EXPLANATION in page
    assert 'href="/dashboard/"' in page, "the page should offer a way on"
    assert not Round.objects.exists()
