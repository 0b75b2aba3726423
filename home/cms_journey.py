"""The CMS as one step of the portal's journey: after an offer is saved, submitted or moderated, the person
is back in the portal, told in the portal's words what happened and what happens next.

Wagtail would leave an editor on its page explorer saying "Page 'X' has been updated"; its dashboard's
Approve button says nothing at all. For offer pages only:
- `after_offer_edited` (Wagtail's `after_edit_page` hook, registered in home/wagtail_hooks.py) runs after
  every save, submission, publication and workflow action in the editor: it replaces Wagtail's
  confirmation with ours and redirects to the portal dashboard;
- `ModerationFromTheCMSDashboard` (middleware) does the same for an approval or a send-back made from the
  CMS dashboard's "Awaiting your review" panel, which Wagtail gives no hook.
The editor's autosave (a JSON request) is left alone: the person is still typing.
"""

import json

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from wagtail.admin.modal_workflow import render_modal_workflow
from wagtail.models import TaskState

from home.models import OfferPage

# What happened, in the words an editor or an officer uses; {title} is the offer page's title.
CONFIRMATIONS = {
    "submit": (
        "{title}: submitted to the Early Help team for approval. You'll get an email when it is published, "
        "or if they ask for changes."
    ),
    "save": (
        "{title}: your changes are saved as a draft. Nothing is public until you submit it to the Early Help "
        "team for approval and they approve it."
    ),
    "save_live": (
        "{title}: your changes are saved as a draft. The published offer stays as it is until you submit "
        "the changes to the Early Help team and they approve them."
    ),
    "approve": "{title}: approved and published. It is now in the public directory, and its editors have been emailed.",
    "reject": "{title}: sent back to its editors with your comment. They have been emailed and can resubmit it.",
    "publish": "{title}: published. It is now in the public directory.",
    "cancel": "{title}: submission withdrawn. It is a draft again and the Early Help team will not review it.",
}


def editor_action(post) -> str:
    """Which of CONFIRMATIONS the editor's form did, from the button pressed (the names Wagtail's form uses)."""
    if post.get("action-publish"):
        return "publish"
    if post.get("action-submit") or post.get("action-restart-workflow"):
        return "submit"
    if post.get("action-workflow-action"):
        name = post.get("workflow-action-name")
        return name if name in ("approve", "reject") else "save"
    if post.get("action-cancel-workflow"):
        return "cancel"
    return "save"


def confirm(request, page, action):
    """Replace Wagtail's success message for this request with the portal's, keeping any other message."""
    storage = messages.get_messages(request)
    kept = [message for message in storage if message.level != messages.SUCCESS]  # iterating empties the store
    for message in kept:
        messages.add_message(request, message.level, message.message, extra_tags=message.extra_tags)
    if action == "save" and page.live:
        action = "save_live"
    messages.success(request, CONFIRMATIONS[action].format(title=page.title))


def back_to_the_portal():
    return reverse("dashboard")


def after_offer_edited(request, page):
    if not isinstance(page.specific_deferred, OfferPage):
        return None
    if not request.accepts("text/html"):
        return None  # the editor's autosave (as Wagtail tells it): it expects the editor's JSON, not a page
    confirm(request, page, editor_action(request.POST))
    return redirect(back_to_the_portal())


class ModerationFromTheCMSDashboard:
    """An offer approved or sent back from the CMS dashboard: say so, and return to the portal."""

    VIEW = "wagtailadmin_pages:workflow_action"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        match = getattr(request, "resolver_match", None)
        if request.method != "POST" or match is None or match.view_name != self.VIEW:
            return response
        action = match.kwargs.get("action_name")
        page = OfferPage.objects.filter(pk=match.kwargs.get("page_id")).first()
        task_state = TaskState.objects.filter(pk=match.kwargs.get("task_state_id")).first()
        if page is None or task_state is None or action not in ("approve", "reject"):
            return response
        if task_state.status == TaskState.STATUS_IN_PROGRESS:
            return response  # nothing was done: the modal shows its form's errors
        confirm(request, page, action)
        if request.headers.get("x-requested-with") == "XMLHttpRequest":
            try:
                answer = json.loads(response.content)
            except ValueError:
                return response
            if answer.get("step") != "success":
                return response
            return render_modal_workflow(request, "", None, {}, json_data={**answer, "redirect": back_to_the_portal()})
        return redirect(back_to_the_portal())
