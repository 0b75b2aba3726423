"""Pages of the audit tool (the wizard is in audits/wizard.py).

Every view fetches through `portal.permissions.commitments`: another school's audit is a 404; a person who
may read a record but not change it gets a 403.
"""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from audits import exports, selectors, services
from audits.forms import (
    ActionForm,
    CommentForm,
    CommitmentForm,
    OfferVisitForm,
    StartAuditForm,
)
from audits.models import Action, Audit, OfferVisit
from home import selectors as offers
from portal import permissions
from portal.concurrency import VersionedUpdateView, save_unless_stale
from portal.exports import export_response
from portal.models import Locality, Organisation
from portal.periods import academic_year, academic_year_label
from portal.permissions import commitments as can
from portal.rag import Rag
from portal.xlsx import xlsx_response

CITY_PAGE_SIZE = 100


def current_year():
    return academic_year(timezone.localdate())


def recent_years(count=4):
    start = int(current_year()[:4])
    return [academic_year_label(start - n) for n in range(count)]


def _visible_audit(request, pk):
    return get_object_or_404(
        can.visible_audits(
            request.user, Audit.objects.select_related("organisation", "framework", "submitted_by", "started_by")
        ),
        pk=pk,
    )


def _visible_school(request, slug):
    """A school whose audits area the person may open (its own people, LA officers, the board)."""
    school = get_object_or_404(Organisation.objects.schools(), slug=slug)
    if not can.can_open_school(request.user, school):
        raise Http404
    return school


@login_required
def index(request):
    """The way in: the city-wide view for the LA and the board; a school's people go to their school."""
    if can.can_view_city(request.user):
        return redirect("audits:city")
    schools = selectors.member_school_audits(request.user, current_year(), timezone.localdate())
    if not schools:
        raise Http404("You are not a member of a school.")
    if len(schools) == 1:
        return redirect("audits:school", slug=schools[0][0].slug)
    return render(request, "audits/index.html", {"schools": schools, "year": current_year()})


@login_required
def school(request, slug):
    school = _visible_school(request, slug)
    year = current_year()
    audits = selectors.school_audits(request.user, school, timezone.localdate())
    return render(
        request,
        "audits/school.html",
        {
            "school": school,
            "audits": audits,
            "year": year,
            "has_this_year": any(a.academic_year == year for a in audits),
            "can_start": can.can_start_audit(request.user, school),
            "visits": selectors.school_visits(request.user, school),
            "can_record_visit": can.can_record_visit(request.user),
            "offer_status": offers.offer_statuses([school.pk])[school.pk],
        },
    )


@login_required
def start(request, slug):
    school = _visible_school(request, slug)
    permissions.require(can.can_start_audit(request.user, school))
    year = current_year()
    existing = Audit.objects.filter(organisation=school, academic_year=year).first()
    if existing:
        return redirect("audits:detail", pk=existing.pk)
    previous = services.previous_audit(school, year)
    form = StartAuditForm(request.POST if request.method == "POST" else None, previous=previous)
    if request.method == "POST" and form.is_valid():
        try:
            audit = services.start_audit(
                school, year, request.user, carry_forward=form.cleaned_data.get("carry_forward", False)
            )
        except services.AuditExists:
            audit = Audit.objects.get(organisation=school, academic_year=year)
        except services.NoFramework as problem:
            messages.error(request, str(problem))
            return redirect("audits:school", slug=school.slug)
        messages.success(
            request, f"Your {year} audit has started. Work through each commitment, then check and submit."
        )
        return redirect("audits:wizard_resume", pk=audit.pk)
    return render(request, "audits/start.html", {"school": school, "year": year, "form": form, "previous": previous})


def _detail_page(request, audit, comment_form=None):
    can_comment = can.can_comment_on_audit(request.user, audit)
    return render(
        request,
        "audits/detail.html",
        {
            "detail": selectors.audit_detail(audit, timezone.localdate()),
            "audit": audit,
            "can_edit": can.can_edit_audit(request.user, audit),
            "can_submit": can.can_submit_audit(request.user, audit),
            "can_comment": can_comment,
            "comment_form": (comment_form or CommentForm(audit=audit)) if can_comment else None,
            "visits": selectors.school_visits(request.user, audit.organisation),
        },
    )


@login_required
def detail(request, pk):
    return _detail_page(request, _visible_audit(request, pk))


@login_required
@require_POST
def comment(request, pk):
    audit = _visible_audit(request, pk)
    permissions.require(can.can_comment_on_audit(request.user, audit))
    form = CommentForm(request.POST, audit=audit)
    if form.is_valid():
        services.add_comment(audit, request.user, form.cleaned_data["commitment"], form.cleaned_data["text"])
        messages.success(request, "Your comment has been added.")
        return redirect(reverse("audits:detail", args=[audit.pk]) + "#comments")
    return _detail_page(request, audit, form)


@login_required
def edit_commitment(request, pk, number):
    """The direct edit view: update one commitment through the year (after submission too)."""
    audit = _visible_audit(request, pk)
    permissions.require(can.can_edit_audit(request.user, audit))
    commitment = get_object_or_404(audit.framework.commitments.prefetch_related("outcomes"), number=number)
    offer_status = offers.offer_statuses([audit.organisation_id])[audit.organisation_id]
    form = CommitmentForm(
        audit, commitment, offer_status=offer_status, data=request.POST if request.method == "POST" else None
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.save_commitment(form, request.user)
        except services.SectionChanged as changed:
            form.mark_stale(changed.rows)
        else:
            messages.success(request, f"Commitment {commitment.number} saved.")
            if "add_another" in request.POST:
                return redirect(reverse("audits:edit_commitment", args=[audit.pk, number]) + "#new-action")
            return redirect(reverse("audits:detail", args=[audit.pk]) + f"#commitment-{number}")
    return render(
        request,
        "audits/edit_commitment.html",
        {"audit": audit, "commitment": commitment, "form": form, "offer_status": offer_status},
    )


class ActionEdit(LoginRequiredMixin, VersionedUpdateView):
    """One action on its own page: the quick RAG update through the year, with the action's RAG history."""

    form_class = ActionForm
    template_name = "audits/action_form.html"
    pk_url_kwarg = "action_pk"

    def get_queryset(self):
        actions = Action.objects.filter(audit_id=self.kwargs["pk"])
        return can.visible_audit_parts(self.request.user, actions).select_related(
            "audit__organisation", "commitment", "outcome"
        )

    def get_object(self, queryset=None):
        action = super().get_object(queryset)
        permissions.require(can.can_edit_audit(self.request.user, action.audit))
        return action

    def form_valid(self, form):
        if not save_unless_stale(form, lambda: services.update_action(form, self.request.user)):
            return self.form_invalid(form)
        messages.success(self.request, "Action saved.")
        anchor = f"#commitment-{self.object.commitment.number}"
        return redirect(reverse("audits:detail", args=[self.object.audit_id]) + anchor)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["audit"] = self.object.audit
        context["history"] = self.object.rag_changes.select_related("changed_by")
        return context


@login_required
def export_action_plan(request, pk):
    audit = _visible_audit(request, pk)
    report = exports.action_plan_workbook(selectors.audit_detail(audit, timezone.localdate()))
    slug = audit.organisation.slug[:60]
    return xlsx_response(report, f"action-plan-{slug}-{audit.academic_year.replace('/', '-')}.xlsx")


class CityFilterForm(forms.Form):
    year = forms.ChoiceField(label="Academic year", required=False)
    locality = forms.ModelChoiceField(
        queryset=Locality.objects.all(), required=False, to_field_name="slug", empty_label="All localities"
    )
    phase = forms.ChoiceField(choices=[("", "All phases")] + list(Organisation.Phase.choices), required=False)
    status = forms.ChoiceField(
        label="Audit status",
        choices=[("", "Any status"), ("not_started", "Not started")] + list(Audit.Status.choices),
        required=False,
    )
    rag = forms.ChoiceField(
        label="Overall RAG rating", choices=[("", "Any rating")] + list(Rag.choices), required=False
    )
    overdue = forms.BooleanField(label="Only schools with overdue actions", required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [(y, y) for y in recent_years()]


def _city_view(request):
    permissions.require(
        can.can_view_city(request.user), "Only local-authority officers and the board see every school."
    )
    form = CityFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    year = filters.get("year") or current_year()
    view = selectors.city_view(
        request.user,
        year,
        timezone.localdate(),
        locality=filters.get("locality"),
        phase=filters.get("phase", ""),
        rag=filters.get("rag", ""),
        overdue=filters.get("overdue", False),
        status=filters.get("status", ""),
    )
    return form, view


@login_required
def city(request):
    form, view = _city_view(request)
    page = Paginator(view.rows, CITY_PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "audits/city.html",
        {
            "form": form,
            "view": view,
            "page": page,
            "query": query.urlencode(),
            "can_record_visit": can.can_record_visit(request.user),
            "sees_unsubmitted": can.can_see_unsubmitted_detail(request.user),
        },
    )


def build_city_export(request):
    """The city matrix as a workbook (in the request, or on a worker for a large one: portal.exports)."""
    _, view = _city_view(request)
    report = exports.city_matrix_workbook(view)
    return report, f"schools-commitments-{view.academic_year.replace('/', '-')}.xlsx"


@login_required
def city_export(request):
    permissions.require(
        can.can_view_city(request.user), "Only local-authority officers and the board see every school."
    )
    rows = Organisation.objects.schools().active().count()  # at most: the filters only narrow it
    return export_response(request, rows=rows, build=build_city_export, label="Schools' commitments export")


@login_required
def visits(request):
    """Offer quality visits: every visit for LA officers; a school's own visits for its people."""
    if not can.can_list_visits(request.user):
        raise Http404
    queryset = can.visible_visits(request.user, OfferVisit.objects.all()).select_related("organisation", "officer")
    return render(
        request,
        "audits/visits.html",
        {"visits": queryset, "can_record_visit": can.can_record_visit(request.user), "count": queryset.count()},
    )


@login_required
def visit_new(request):
    permissions.require(
        can.can_record_visit(request.user), "Only local-authority officers record offer quality visits."
    )
    initial = {"officer": request.user.pk, "visited_on": timezone.localdate()}
    school_slug = request.GET.get("school")
    if school_slug:
        initial["organisation"] = Organisation.objects.schools().filter(slug=school_slug).first()
    form = OfferVisitForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        visit = form.save(commit=False)
        visit.recorded_by = request.user
        visit.save()
        messages.success(request, f"Visit to {visit.organisation} recorded.")
        return redirect("audits:visit_detail", pk=visit.pk)
    return render(request, "audits/visit_form.html", {"form": form, "visit": None})


@login_required
def visit_detail(request, pk):
    visits = OfferVisit.objects.select_related("organisation", "officer")
    visit = get_object_or_404(can.visible_visits(request.user, visits), pk=pk)
    return render(request, "audits/visit_detail.html", {"visit": visit, "can_edit": can.can_record_visit(request.user)})


class VisitEdit(LoginRequiredMixin, VersionedUpdateView):
    form_class = OfferVisitForm
    template_name = "audits/visit_form.html"
    context_object_name = "visit"
    success_message = "Visit saved."

    def get_queryset(self):
        return can.visible_visits(self.request.user, OfferVisit.objects.all())

    def get_object(self, queryset=None):
        visit = super().get_object(queryset)
        permissions.require(can.can_record_visit(self.request.user))
        return visit

    def get_success_url(self):
        return reverse("audits:visit_detail", args=[self.object.pk])
