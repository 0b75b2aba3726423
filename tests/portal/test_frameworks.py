"""The framework kit (portal/frameworks.py), tested once for every framework kind: the freeze, the loading
policy, the problems collector, the load commands' flag and the framework screens, role by role."""

import json
from datetime import date
from io import StringIO

import pytest
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from portal import frameworks
from portal.frameworks import FrameworkFileError, FrameworkInUse, FrameworkPart

# kind key -> (the load command, the shipped file the seed migration carries the same content as)
KINDS = {
    "commitments": ("load_commitments_framework", "leicester-schools-commitments.json"),
    "principles": ("load_principles", "leicester-eha-principles.json"),
    "maturity": ("load_maturity_framework", "stmm.json"),
    "pledges": ("load_pledges", "leicester-2016.json"),
    "offer-checklist": ("load_offer_checklist", "leicester-2019.json"),
    "indicators": ("load_indicator_set", "leicester-performance-book.json"),
    "objectives": ("load_objectives", "leicester-objectives.json"),
}


def use(kind_key, framework, *, school, agency, la_officer, north):
    """Record one response against a framework version, the way each feature does."""
    if kind_key == "commitments":
        from audits.models import Audit

        Audit.objects.create(organisation=school, academic_year="2025/26", framework=framework, started_by=la_officer)
    elif kind_key == "principles":
        from testdata.caseaudits import make_case_audit

        make_case_audit(
            framework,
            case_reference="EHA-10001",
            lead_agency=agency,
            locality=north,
            eha_start_date=date(2024, 1, 5),
            audit_date=date(2024, 5, 1),
            auditor=la_officer,
        )
    elif kind_key == "maturity":
        from maturity import services

        services.create_round(
            framework=framework,
            title="Round",
            period_start=date(2024, 1, 1),
            period_end=date(2024, 1, 31),
            user=la_officer,
        )
    elif kind_key == "pledges":
        from pledges.models import Signature

        Signature.objects.create(
            organisation=agency,
            pledge_set=framework,
            signatory_name="A Lead",
            signatory_role="Director",
            signed_on=date(2024, 5, 1),
        )
    elif kind_key == "indicators":
        from testdata.performance import make_return, quarter

        make_return(framework.indicators.first(), quarter("2024-25", 1), value=50, user=la_officer)
    elif kind_key == "objectives":
        from testdata.strategy import make_plan

        make_plan("2026-27", objective_set=framework)
    # The offer checklist: offers copy the words they tick, so every stored version already counts as used.


def part_models(kind):
    """Every model that is a part of this kind of framework (found, not listed: a new part is covered too)."""
    return [
        model
        for model in apps.get_models()
        if issubclass(model, FrameworkPart) and model.framework_model() is kind.model()
    ]


def parts_of(model, framework):
    return model.objects.filter(**{model.framework_path.replace(".", "__"): framework})


def text_field(model):
    return next(
        f.name for f in model._meta.concrete_fields if f.get_internal_type() in ("CharField", "TextField", "SlugField")
    )


def load_output(command, path, *args):
    out = StringIO()
    call_command(command, str(path), *args, stdout=out)
    return out.getvalue()


def file_data(kind, name):
    return json.loads((kind.examples / name).read_text(encoding="utf-8"))


def test_every_framework_kind_is_registered():
    assert {k.key for k in frameworks.kinds()} == set(KINDS)
    for kind in frameworks.kinds():
        assert part_models(kind), f"{kind.key} has no parts"


@pytest.mark.parametrize("kind_key", KINDS)
def test_a_used_framework_and_every_part_of_it_are_frozen_only_is_current_moves(
    kind_key, school, agency, la_officer, north
):
    kind = frameworks.kind(kind_key)
    model = kind.model()
    framework = model.objects.current()
    assert framework is not None, "the seed migration makes a version current"
    if model.used_by:
        # Unused, a version may still be corrected.
        assert not framework.is_in_use()
        part = parts_of(part_models(kind)[0], framework).first()
        field = text_field(type(part))
        setattr(part, field, getattr(part, field) + " ")
        part.save()
    use(kind_key, framework, school=school, agency=agency, la_officer=la_officer, north=north)
    framework = model.objects.get(pk=framework.pk)
    assert framework.is_in_use()
    before = kind.content_of(framework)

    for part_model in part_models(kind):
        part = parts_of(part_model, framework).first()
        field = text_field(part_model)
        setattr(part, field, "Changed in place")
        with pytest.raises(FrameworkInUse):
            part.save()
        with pytest.raises(FrameworkInUse):
            part_model.objects.get(pk=part.pk).delete()
        with pytest.raises(FrameworkInUse):
            parts_of(part_model, framework).update(**{field: "Changed in bulk"})
        with pytest.raises(FrameworkInUse):
            parts_of(part_model, framework).delete()
        copy = part_model.objects.get(pk=part.pk)
        copy.pk = None
        with pytest.raises(FrameworkInUse):
            copy.save()  # a new part added to a used version

    framework.title = "Renamed in place"
    with pytest.raises(FrameworkInUse):
        framework.save()
    with pytest.raises(FrameworkInUse):
        model.objects.get(pk=framework.pk).delete()
    with pytest.raises(FrameworkInUse):
        model.objects.filter(pk=framework.pk).update(title="Renamed in bulk")
    with pytest.raises(FrameworkInUse):
        model.objects.filter(pk=framework.pk).delete()
    assert kind.content_of(model.objects.get(pk=framework.pk)) == before

    # Which version is current may move, by save() or update().
    framework = model.objects.get(pk=framework.pk)
    framework.is_current = False
    framework.save()
    assert model.objects.current() is None
    model.objects.filter(pk=framework.pk).update(is_current=True)
    assert model.objects.current() == framework


@pytest.mark.parametrize("kind_key", KINDS)
def test_one_loading_policy_unchanged_new_version_created(kind_key, tmp_path, db):
    command, seeded_file = KINDS[kind_key]
    kind = frameworks.kind(kind_key)
    model = kind.model()
    seeded = model.objects.current()

    # The shipped file says what the seed migration stored: loading it changes nothing.
    output = load_output(command, kind.examples / seeded_file)
    assert f"version {seeded.version} already says this; nothing changed" in output
    assert model.objects.filter(slug=seeded.slug).count() == 1

    # Changed content is a new version; the stored one and what is current stay as they were.
    before = kind.content_of(seeded)
    data = file_data(kind, seeded_file)
    data.pop("version")
    data["title"] = data["title"] + " (revised)"
    revised = tmp_path / "revised.json"
    revised.write_text(json.dumps(data), encoding="utf-8")
    output = load_output(command, revised)
    assert "loaded as version 2; earlier versions are kept as they were" in output
    assert "The current version is unchanged." in output
    new = model.objects.latest(seeded.slug)
    assert (new.version, new.title, new.is_current) == (2, data["title"], False)
    assert model.objects.current() == seeded and kind.content_of(seeded) == before
    assert kind.content_of(new)[1] == before[1]  # same parts, new header

    # --make-current (the one flag every load command has) moves which version is current.
    data["title"] = data["title"] + " again"
    revised.write_text(json.dumps(data), encoding="utf-8")
    output = load_output(command, revised, "--make-current")
    assert "loaded as version 3" in output and "It is the current version." in output
    assert model.objects.current() == model.objects.latest(seeded.slug)
    assert model.objects.filter(is_current=True).count() == 1

    # A slug never loaded before is created as version 1 (or the version the file names).
    data["slug"] = "another-partnership"
    data["version"] = 4
    revised.write_text(json.dumps(data), encoding="utf-8")
    assert "loaded as version 4" in load_output(command, revised)
    assert model.objects.latest("another-partnership").version == 4


@pytest.mark.parametrize("kind_key", KINDS)
def test_a_named_version_with_other_content_is_refused(kind_key, tmp_path, db):
    command, seeded_file = KINDS[kind_key]
    kind = frameworks.kind(kind_key)
    data = file_data(kind, seeded_file)
    data["title"] = "Other wording under version 1"
    changed = tmp_path / "changed.json"
    changed.write_text(json.dumps(data), encoding="utf-8")
    count = kind.model().objects.count()
    with pytest.raises(CommandError, match="version: 1 of '.*' is already loaded with other content"):
        load_output(command, changed)
    assert kind.model().objects.count() == count


@pytest.mark.parametrize("kind_key", KINDS)
def test_every_shipped_example_file_is_valid(kind_key):
    kind = frameworks.kind(kind_key)
    files = sorted(kind.examples.glob("*.json"))
    assert files
    for path in files:
        checked = kind.read(path)
        assert checked.slug and checked.header["title"] and any(checked.parts.values()), path.name


@pytest.mark.parametrize("kind_key", KINDS)
def test_a_bad_file_is_refused_naming_every_place_and_loads_nothing(kind_key, tmp_path, db):
    command, _ = KINDS[kind_key]
    kind = frameworks.kind(kind_key)
    count = kind.model().objects.count()
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    with pytest.raises(CommandError, match="is not valid JSON"):
        load_output(command, broken)
    with pytest.raises(CommandError, match="Cannot read"):
        load_output(command, tmp_path / "missing.json")
    broken.write_text(json.dumps({"slug": "Not A Slug", "version": 0, "title": ""}), encoding="utf-8")
    with pytest.raises(CommandError) as refused:
        load_output(command, broken)
    message = str(refused.value)
    assert "slug: use lower-case letters, digits and hyphens" in message
    assert "version: must be a whole number, 1 or more" in message
    assert "title: required" in message
    assert kind.model().objects.count() == count


@pytest.mark.parametrize(
    "kind_key, data, problem",
    [
        ("commitments", {"commitments": []}, "commitments: required"),
        (
            "commitments",
            {"commitments": [{"title": "t", "short_title": "s", "outcomes": []}]},
            "commitments[0].outcomes: required",
        ),
        (
            "commitments",
            {
                "commitments": [
                    {"title": "t", "short_title": "s", "outcomes": [{"text": "o"}]},
                    {"title": "t", "short_title": "s", "outcomes": [{"text": ""}]},
                ]
            },
            "commitments[1].outcomes[0].text: required",
        ),
        (
            "commitments",
            {"commitments": [{"title": "t", "short_title": "s", "outcomes": [{"text": "o", "kind": "x"}]}]},
            "commitments[0].outcomes[0].kind: must be one of standard, trained_staff, offer_published",
        ),
        (
            "commitments",
            {
                "commitments": [
                    {"number": 1, "title": "t", "short_title": "s", "outcomes": [{"text": "o"}]},
                    {"number": 1, "title": "t", "short_title": "s", "outcomes": [{"text": "o"}]},
                ]
            },
            "commitments[1].number: '1' is used twice",
        ),
        (
            "commitments",
            {
                "commitments": [
                    {"title": "t", "short_title": "s", "outcomes": [{"text": "o", "suggested_actions": [""]}]}
                ]
            },
            "commitments[0].outcomes[0].suggested_actions[0]: must be non-empty text",
        ),
        (
            "principles",
            {"partnership": "X", "principles": [{"code": "a", "title": "A"}, {"code": "a", "title": "B"}]},
            "principles[1].code: 'a' is used twice",
        ),
        (
            "principles",
            {"partnership": "X", "principles": [{"code": "a", "title": "x" * 121}]},
            "principles[0].title: must be 120 characters or fewer",
        ),
        ("principles", {"partnership": 7, "principles": [{"code": "a", "title": "A"}]}, "partnership: must be text"),
        ("principles", {"partnership": "X", "principles": ["Consent"]}, "principles[0]: must be an object"),
        ("maturity", {"levels": [{"name": "Only"}], "strands": [{"name": "A"}]}, "levels: list at least 2"),
        (
            "maturity",
            {"levels": [{"name": "Same"}, {"name": "same"}], "strands": [{"name": "A"}]},
            "levels[1].name: 'same' is used twice",
        ),
        (
            "maturity",
            {"levels": [{"name": "Early/ish"}, {"name": "Late"}], "strands": [{"name": "A"}]},
            "levels[0].name: must not contain '/'",
        ),
        (
            "maturity",
            {
                "levels": [{"name": "A"}, {"name": "B"}],
                "strands": [{"name": "A", "key": "k"}, {"name": "B", "key": "k"}],
            },
            "strands[1].key: 'k' is used twice",
        ),
        (
            "pledges",
            {"introduction": "We pledge", "pledges": [{"number": 1, "title": "A"}, {"number": 1, "title": "B"}]},
            "pledges[1].number: '1' is used twice",
        ),
        (
            "pledges",
            {"introduction": "We pledge", "pledges": [{"number": 1, "title": "A", "evidence": "x"}]},
            "pledges[0].evidence: must be one of designated_lead, training",
        ),
        ("pledges", {"pledges": [{"number": 1, "title": "A"}]}, "introduction: required"),
        (
            "offer-checklist",
            {"areas": [{"slug": "a", "name": "A", "primary": ["x", 3]}]},
            "areas[0].primary[1]: must be non-empty text",
        ),
        (
            "offer-checklist",
            {"areas": [{"slug": "a", "name": "A"}, {"slug": "a", "name": "B"}]},
            "areas[1].slug: 'a' is used twice",
        ),
        ("offer-checklist", {}, "The file must list some 'areas' or 'audiences'."),
    ],
)
def test_each_problem_names_its_place_in_the_file(kind_key, data, problem):
    kind = frameworks.kind(kind_key)
    with pytest.raises(FrameworkFileError) as refused:
        kind.parse({"slug": "x", "title": "X", **data})
    assert any(found.startswith(problem) for found in refused.value.problems), refused.value.problems


@pytest.mark.parametrize("kind_key", KINDS)
def test_the_whole_file_must_be_one_object_with_a_slug(kind_key):
    kind = frameworks.kind(kind_key)
    with pytest.raises(FrameworkFileError, match="The file must hold one framework"):
        kind.parse([])
    with pytest.raises(FrameworkFileError) as refused:
        kind.parse({"title": "X"})
    assert "slug: required" in refused.value.problems


# The screens ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "role, list_status, upload_status",
    [
        ("admin_user", 200, 200),
        ("la_officer", 200, 403),
        ("board_member", 200, 403),
        ("school_lead", 403, 403),
        ("school_editor", 403, 403),
        ("agency_lead", 403, 403),
        ("no_role_user", 403, 403),
    ],
)
def test_framework_screens_role_by_role(role, list_status, upload_status, request, client_for):
    client = client_for(request.getfixturevalue(role))
    assert client.get("/frameworks/").status_code == list_status
    for kind_key in KINDS:
        framework = frameworks.kind(kind_key).model().objects.current()
        assert client.get(f"/frameworks/{kind_key}/").status_code == list_status
        assert client.get(f"/frameworks/{kind_key}/{framework.pk}/").status_code == list_status
        assert client.get(f"/frameworks/{kind_key}/upload/").status_code == upload_status
        response = client.post(f"/frameworks/{kind_key}/upload/", {"file": SimpleUploadedFile("f.json", b"[]")})
        assert response.status_code == upload_status


def test_signed_out_people_are_sent_to_sign_in(client, db):
    for path in ("/frameworks/", "/frameworks/pledges/", "/frameworks/pledges/upload/"):
        assert client.get(path).status_code == 302


def test_the_list_shows_every_framework_and_the_detail_its_parts(client_for, la_officer):
    client = client_for(la_officer)
    page = client.get("/frameworks/").content.decode()
    for heading in (
        "Schools Early Help commitments",
        "EHA principles",
        "Maturity model",
        "Partnership pledges",
        "Offer checklist",
    ):
        assert heading in page
    assert "Leicester Schools Early Help Commitments" in page and "Load a" not in page
    assert "manage.py load_pledges FILE.json [--make-current]" in page
    from caseaudits.models import Framework

    principles = Framework.objects.current()
    detail = client.get(f"/frameworks/principles/{principles.pk}/").content.decode()
    assert "Leicester Early Help Assessment principles, version 1" in detail
    assert "Written consent" in detail and "Timely reviews" in detail and "Leicester" in detail
    assert "Not used yet." in detail


def test_unknown_kinds_and_versions_are_404(client_for, admin_user):
    client = client_for(admin_user)
    assert client.get("/frameworks/nothing/").status_code == 404
    assert client.get("/frameworks/nothing/upload/").status_code == 404
    assert client.get("/frameworks/pledges/999999/").status_code == 404


def test_an_administrator_uploads_a_file_and_problems_show_beside_the_field(client_for, admin_user):
    from audits.models import Framework

    client = client_for(admin_user)
    assert "Load a" in client.get("/frameworks/").content.decode()
    bad = client.post("/frameworks/commitments/upload/", {"file": SimpleUploadedFile("f.json", b"[]")})
    assert bad.status_code == 200
    assert "The file must hold one framework" in bad.content.decode()
    kind = frameworks.kind("commitments")
    data = file_data(kind, "example-partnership.json")
    data["commitments"][1]["outcomes"][0]["text"] = ""
    upload = SimpleUploadedFile("f.json", json.dumps(data).encode())
    bad = client.post("/frameworks/commitments/upload/", {"file": upload})
    assert "commitments[1].outcomes[0].text: required" in bad.content.decode()
    assert Framework.objects.count() == 1
    good = (kind.examples / "example-partnership.json").read_bytes()
    response = client.post("/frameworks/commitments/upload/", {"file": SimpleUploadedFile("example.json", good)})
    loaded = Framework.objects.get(slug="example-borough-school-early-help-standards")
    assert response.status_code == 302 and response.url == f"/frameworks/commitments/{loaded.pk}/"
    assert not loaded.is_current  # the box was not ticked
    page = client.get(response.url).content.decode()
    assert "Example Borough school Early Help standards, version 1" in page
    assert "Example Borough school Early Help standards: loaded as version 1." in page
    again = client.post(
        "/frameworks/commitments/upload/",
        {"file": SimpleUploadedFile("example.json", good), "make_current": "on"},
    )
    assert again.status_code == 302 and Framework.objects.current() == loaded


def test_administrators_find_the_frameworks_from_their_dashboard(client_for, admin_user, la_officer):
    # The dashboard's own body (the header offers Frameworks to everyone who may read them: the LA too).
    def dashboard_body(user):
        return client_for(user).get("/dashboard/").content.decode().split('<main id="main-content"', 1)[1]

    assert 'href="/frameworks/"' in dashboard_body(admin_user)
    assert 'href="/frameworks/"' not in dashboard_body(la_officer)
