"""Board meetings: the list, scheduling, the agenda, the pack (assembled, previewed, issued, printed,
downloaded) and the decisions recorded at the meeting. Who may do what is portal.permissions.board."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.views.decorators.http import require_POST

from localities.models import LocalityPartnership
from maturity import selectors as maturity_selectors
from portal import permissions
from portal.concurrency import save_unless_stale
from portal.exports import export_response
from portal.permissions import board as can
from portal.permissions import strategy as strategy_can
from strategy import selectors as strategy_selectors
from strategy.forms import ActionForm

from . import selectors, services
from .forms import AgendaItemForm, FollowUpForm, MeetingForm, SectionForm
from .models import Meeting
from .pack_xlsx import build_pack_workbook, pack_status


def _meeting(request, pk, *, manage=False):
    permissions.require(can.can_manage_meetings(request.user) if manage else can.can_view_meetings(request.user))
    return get_object_or_404(Meeting, pk=pk)


def _posted(request):
    return request.POST if request.method == "POST" else None


@login_required
def meeting_list(request):
    permissions.require(can.can_view_meetings(request.user))
    # Every meeting is listed, the next one included; its pack opens only once issued (can_view_pack).
    meetings = selectors.meetings()
    return render(
        request,
        "board/meeting_list.html",
        {"meetings": meetings, "can_manage": can.can_manage_meetings(request.user)},
    )


@login_required
def meeting_edit(request, pk=None):
    permissions.require(can.can_manage_meetings(request.user))
    meeting = get_object_or_404(Meeting, pk=pk) if pk else Meeting()
    form = MeetingForm(_posted(request), instance=meeting)
    if request.method == "POST" and form.is_valid():
        if save_unless_stale(form, lambda: services.save_meeting(form, request.user)):
            messages.success(request, "Meeting saved.")
            return redirect("board:meeting", pk=form.instance.pk)
    return render(request, "board/meeting_form.html", {"form": form, "meeting": meeting})


@login_required
def meeting_detail(request, pk):
    meeting = _meeting(request, pk)
    manage = can.can_manage_meetings(request.user)
    # The board sees the next meeting's date and agenda; its pack in preparation is the LA officers' draft.
    pack_visible = can.can_view_pack(request.user, meeting)
    return render(
        request,
        "board/meeting_detail.html",
        {
            "meeting": meeting,
            "can_manage": manage,
            "pack_visible": pack_visible,
            "sections": [(s, selectors.section_title(s)) for s in meeting.sections.all()] if pack_visible else [],
            "follow_ups": meeting.follow_ups.all() if pack_visible else [],
            "status": pack_status(meeting),
            "section_form": SectionForm(today=timezone.localdate()) if manage and not meeting.is_issued else None,
        },
    )


def _form_page(request, meeting, form, heading, save, success):
    if request.method == "POST" and form.is_valid():
        save(form)
        messages.success(request, success)
        return redirect("board:meeting", pk=meeting.pk)
    return render(request, "board/meeting_item_form.html", {"form": form, "meeting": meeting, "heading": heading})


@login_required
def agenda_add(request, pk):
    meeting = _meeting(request, pk, manage=True)
    return _form_page(
        request,
        meeting,
        AgendaItemForm(_posted(request)),
        "Add an agenda item",
        lambda form: services.add_agenda_item(form, meeting),
        "Agenda item added.",
    )


@login_required
def follow_up_add(request, pk):
    meeting = _meeting(request, pk, manage=True)
    return _form_page(
        request,
        meeting,
        FollowUpForm(_posted(request)),
        "Record a decision or action",
        lambda form: services.record_follow_up(form, meeting),
        "Decision or action recorded: it appears in the next meeting's pack.",
    )


@login_required
def section_add(request, pk):
    meeting = _meeting(request, pk, manage=True)
    form = SectionForm(_posted(request), today=timezone.localdate())
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.add_section(meeting, data["kind"], option=data["option"], title=data["title"], text=data["text"])
        except services.PackIssued as refused:
            messages.error(request, str(refused))
        else:
            messages.success(request, "Section added to the pack.")
        return redirect("board:meeting", pk=meeting.pk)
    return render(
        request, "board/meeting_item_form.html", {"form": form, "meeting": meeting, "heading": "Add a pack section"}
    )


@login_required
@require_POST
def section_remove(request, pk, section_pk):
    meeting = _meeting(request, pk, manage=True)
    section = get_object_or_404(meeting.sections, pk=section_pk)
    try:
        services.remove_section(meeting, section)
    except services.PackIssued as refused:
        messages.error(request, str(refused))
    else:
        messages.success(request, "Section removed from the pack.")
    return redirect("board:meeting", pk=meeting.pk)


@login_required
@require_POST
def pack_issue(request, pk):
    meeting = _meeting(request, pk, manage=True)
    try:
        services.issue_pack(meeting, request.user)
    except services.PackIssued as refused:
        messages.error(request, str(refused))
    else:
        messages.success(request, "Pack issued: it is now frozen and the board can read it.")
    return redirect("board:meeting", pk=meeting.pk)


def _readable_pack(request, pk):
    meeting = _meeting(request, pk)
    if not can.can_view_pack(request.user, meeting):
        raise Http404
    return meeting


def render_pack(meeting, request=None):
    """The print document as HTML (for the page and for build_board_pack)."""
    context = {
        "meeting": meeting,
        "sections": selectors.pack_sections(meeting, timezone.localdate()),
        "status": pack_status(meeting),
    }
    return render_to_string("board/pack_print.html", context, request=request)


@login_required
def pack_print(request, pk):
    return HttpResponse(render_pack(_readable_pack(request, pk), request))


@login_required
def pack_xlsx(request, pk):
    meeting = _readable_pack(request, pk)
    return export_response(
        request, rows=0, build=build_pack_workbook, label="Board pack", kwargs={"meeting_id": meeting.pk}
    )


@login_required
def pack_locality(request, pk, slug):
    """One locality's frozen report from an issued pack, for its chair (and the pack's readers)."""
    meeting = get_object_or_404(Meeting, pk=pk)
    partnership = get_object_or_404(LocalityPartnership.objects.select_related("locality"), locality__slug=slug)
    if not can.can_view_locality_section(request.user, meeting, partnership):
        raise Http404
    section = meeting.locality_snapshot.get(slug)
    if section is None:
        raise Http404
    context = {"meeting": meeting, "sections": [section], "status": pack_status(meeting), "locality_only": True}
    return render(request, "board/pack_print.html", context)


@login_required
def follow_up_to_action(request, pk, follow_up_pk):
    """Make a meeting's action an action of the current strategy plan, through strategy's form and service."""
    meeting = _meeting(request, pk, manage=True)
    permissions.require(strategy_can.can_manage_plans(request.user))
    follow_up = get_object_or_404(meeting.follow_ups, pk=follow_up_pk, strategy_action__isnull=True)
    plan = strategy_selectors.current_plan(timezone.localdate())
    if plan is None:
        messages.error(request, "There is no strategy action plan for this year yet: start one first.")
        return redirect("board:meeting", pk=meeting.pk)
    form = ActionForm(
        _posted(request),
        initial={"description": follow_up.text, "due_date": follow_up.due_date},
        plan=plan,
        recommendations=maturity_selectors.recommendations_for(request.user),
    )
    return _form_page(
        request,
        meeting,
        form,
        "Make this a strategy action",
        lambda form: services.make_strategy_action(form, follow_up, plan=plan, by=request.user),
        "The action is now in the strategy action plan.",
    )
