"""The fixes the browser journeys needed in the Wagtail admin are on its pages (home/wagtail_hooks.py).

The journeys in tests/browser/ check them with axe in a real browser; these tests pin that the stylesheet
is on every admin page and the script on the page editor, and what each one fixes.
"""

import pytest
from django.contrib.staticfiles import finders

from home import services

pytestmark = pytest.mark.django_db


def test_every_admin_page_has_the_contrast_fix(client_for, la_officer, offer_index):
    response = client_for(la_officer).get("/admin/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<link rel="stylesheet" href="/static/home/admin-accessibility.css">' in html
    css = open(finders.find("home/admin-accessibility.css")).read()
    # Wagtail's success green (#1d8768) gives white text 4.45:1; the replacement gives 5.26:1.
    assert ".messages .success {\n  background-color: #1a7a5e;" in css


def test_the_page_editor_names_the_editing_session_buttons(client_for, school_editor, school, offer_index):
    page, _ = services.start_offer(school, school_editor)
    html = client_for(school_editor).get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert '<script src="/static/home/admin-accessibility.js"></script>' in html
    script = open(finders.find("home/admin-accessibility.js")).read()
    assert "button.w-editing-sessions__session:not([aria-label])" in script and "aria-label" in script
