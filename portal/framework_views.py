"""The one set of framework screens, for every framework kind (portal/frameworks.py): the versions of each
framework, one version read-only, and the upload of a file as a new version.

LA officers, board members and administrators read frameworks (the wording audits, rounds and signatures
are judged against); only administrators load them.
"""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.html import format_html, format_html_join

from portal import frameworks, permissions
from portal.permissions.frameworks import can_load_frameworks, can_read_frameworks


def _kind_or_404(key):
    kind = frameworks.kind(key)
    if kind is None:
        raise Http404("No such framework.")
    return kind


def _versions(kind):
    """Every stored version of a kind, newest first, each with `response_count` (None: responses copy words)."""
    model = kind.model()
    versions = list(model.objects.order_by("slug", "-version"))
    for version in versions:
        version.response_count = version.count_responses()
    return versions


def parts_html(value):
    """A version's parts as nested lists, read-only: objects as term/description lists, lists in order."""
    if isinstance(value, dict):
        rows = format_html_join(
            "",
            "<div><dt>{}</dt><dd>{}</dd></div>",
            (
                (key.replace("_", " ").capitalize(), parts_html(item))
                for key, item in value.items()
                if item not in ("", [])
            ),
        )
        return format_html('<dl class="summary-list">{}</dl>', rows)
    if isinstance(value, list):
        return format_html("<ol>{}</ol>", format_html_join("", "<li>{}</li>", ((parts_html(item),) for item in value)))
    if isinstance(value, bool):
        return "yes" if value else "no"
    return value


@login_required
def framework_list(request, kind_key=None):
    permissions.require(can_read_frameworks(request.user))
    chosen = [_kind_or_404(kind_key)] if kind_key else frameworks.kinds()
    sections = [
        {"kind": kind, "versions": _versions(kind), "examples": sorted(p.name for p in kind.examples.glob("*.json"))}
        for kind in chosen
    ]
    return render(
        request,
        "portal/frameworks/list.html",
        {"sections": sections, "one_kind": kind_key is not None, "can_load": can_load_frameworks(request.user)},
    )


@login_required
def framework_detail(request, kind_key, pk):
    permissions.require(can_read_frameworks(request.user))
    kind = _kind_or_404(kind_key)
    framework = get_object_or_404(kind.model(), pk=pk)
    header, parts = kind.content_of(framework)
    return render(
        request,
        "portal/frameworks/detail.html",
        {
            "kind": kind,
            "framework": framework,
            "header": {k: v for k, v in header.items() if k not in {"title", "source", "description"} and v},
            "parts": parts_html(parts),  # safe HTML: format_html escapes every value
            "in_use": framework.is_in_use(),
            "summary": kind.summary(framework),
        },
    )


class FrameworkUploadForm(forms.Form):
    file = forms.FileField(
        label="Framework file", help_text="A JSON file in the format of the example files listed on the previous page."
    )
    make_current = forms.BooleanField(
        label="Make it the current version",
        required=False,
        help_text="New responses use the current version; past ones keep the version they used.",
    )

    def __init__(self, *args, kind, **kwargs):
        super().__init__(*args, **kwargs)
        self.kind = kind

    def clean_file(self):
        try:
            return self.kind.read(self.cleaned_data["file"])
        except frameworks.FrameworkFileError as problem:
            raise forms.ValidationError(problem.problems) from None


@login_required
def framework_upload(request, kind_key):
    permissions.require(can_load_frameworks(request.user))
    kind = _kind_or_404(kind_key)
    posted = request.method == "POST"
    form = FrameworkUploadForm(request.POST if posted else None, request.FILES if posted else None, kind=kind)
    if posted and form.is_valid():
        try:
            result = frameworks.load(kind, form.cleaned_data["file"], make_current=form.cleaned_data["make_current"])
        except frameworks.FrameworkFileError as problem:
            for message in problem.problems:
                form.add_error("file", message)
        else:
            messages.success(request, str(result))
            return redirect(reverse("framework_detail", args=[kind.key, result.framework.pk]))
    return render(request, "portal/frameworks/upload.html", {"kind": kind, "form": form})
