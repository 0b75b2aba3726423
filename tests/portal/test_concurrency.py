"""Two people editing the same record: the second save is refused and keeps what they typed."""

import pytest

from portal.concurrency import StaleEditError
from portal.models import Organisation


def contact_form(version, phone):
    return {
        "address": "1 School Lane",
        "postcode": "LE1 1AA",
        "phone": phone,
        "email": "",
        "website": "",
        "version": version,
    }


def test_second_save_from_a_stale_copy_is_refused(client_for, school, school_lead, school_editor):
    url = f"/organisations/{school.slug}/contact/"
    start = school.version
    first = client_for(school_lead).post(url, contact_form(start, "0116 111 1111"))
    assert first.status_code == 302
    second = client_for(school_editor).post(url, contact_form(start, "0116 222 2222"))
    content = second.content.decode()
    assert second.status_code == 200
    assert "Someone else saved changes to this record after you opened it" in content
    assert 'value="0116 222 2222"' in content  # what the second person typed is kept
    school.refresh_from_db()
    assert school.phone == "0116 111 1111"
    assert school.version == start + 1


def test_saving_from_the_current_version_succeeds_and_says_so(client_for, school, school_lead):
    response = client_for(school_lead).post(
        f"/organisations/{school.slug}/contact/", contact_form(school.version, "0116 333 3333"), follow=True
    )
    assert "Contact details saved." in response.content.decode()
    school.refresh_from_db()
    assert school.phone == "0116 333 3333"


def test_invalid_input_is_shown_beside_the_field_and_kept(client_for, school, school_lead):
    data = contact_form(school.version, "0116")
    data["email"] = "not an email"
    content = client_for(school_lead).post(f"/organisations/{school.slug}/contact/", data).content.decode()
    assert "There is a problem" in content
    assert 'href="#id_email"' in content
    assert 'id="id_email_error"' in content
    assert 'value="not an email"' in content


@pytest.mark.django_db
def test_model_level_version_check():
    org = Organisation.objects.create(name="X", kind="agency")
    copy_a, copy_b = Organisation.objects.get(pk=org.pk), Organisation.objects.get(pk=org.pk)
    copy_a._expected_version = copy_a.version
    copy_a.phone = "1"
    copy_a.save()
    copy_b._expected_version = copy_b.version
    copy_b.phone = "2"
    with pytest.raises(StaleEditError):
        copy_b.save()
    org.refresh_from_db()
    assert (org.phone, org.version) == ("1", 2)


@pytest.mark.django_db
def test_plain_saves_still_move_the_version_on():
    org = Organisation.objects.create(name="X", kind="agency")
    org.save()
    org.save()
    org.refresh_from_db()
    assert org.version == 3


def test_a_record_someone_created_after_the_form_was_opened_is_not_overwritten(
    client_for, agency, agency_lead, agency_editor
):
    """The form for a record that does not exist yet carries version 0, which no stored record has: saving it
    after someone else created the record is refused like any stale edit (it used to overwrite theirs)."""
    from pledges.models import DesignatedLead
    from tests.audits.helpers import form_data

    url = f"/pledges/organisations/{agency.slug}/designated-lead/"
    lead, editor = client_for(agency_lead), client_for(agency_editor)
    lead_form = form_data(lead.get(url).content.decode())
    editor_form = form_data(editor.get(url).content.decode())
    assert lead_form["version"] == editor_form["version"] == "0"
    editor_form.update(name="Saved first", role="DSL", email="first@fag.example")
    assert editor.post(url, editor_form).status_code == 302
    lead_form.update(name="Typed second", role="DSL", email="second@fag.example")
    response = lead.post(url, lead_form)
    content = response.content.decode()
    assert response.status_code == 200 and "Someone else saved changes to this record after you opened it" in content
    assert 'value="Typed second"' in content
    assert DesignatedLead.objects.get(organisation=agency).name == "Saved first"
