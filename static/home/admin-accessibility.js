/* Names the "who else is here" avatar buttons of Wagtail's editing-sessions list (page editor).
 *
 * For someone merely viewing the page, Wagtail 8 draws a button whose only text is its tooltip, which
 * the tooltip controller moves out of the button, so the button has no accessible name and a screen
 * reader announces just "button" (WCAG 4.1.2; axe: button-name). The list is re-rendered as people come
 * and go, so each button is named, from its tooltip's text, as it appears.
 */
(function () {
  "use strict";
  var UNNAMED = "button.w-editing-sessions__session:not([aria-label])";

  function tooltip(button) {
    // Before the tooltip controller connects the text is inside the button; after, it is the tooltip's content.
    var content = button.querySelector(".w-editing-sessions__popup") || (button._tippy && button._tippy.props.content);
    return content && content.querySelector ? content : null;
  }

  function nameSessionButtons() {
    document.querySelectorAll(UNNAMED).forEach(function (button) {
      var content = tooltip(button);
      var who = content && content.querySelector(".w-editing-sessions__name");
      if (!who) return;
      var state = content.lastElementChild ? content.lastElementChild.textContent.trim() : "";
      button.setAttribute("aria-label", who.textContent.trim() + (state ? ": " + state : ""));
    });
  }

  new MutationObserver(function () {
    nameSessionButtons();
    Promise.resolve().then(nameSessionButtons); // once the tooltip controllers have connected too
  }).observe(document.documentElement, { childList: true, subtree: true });
  document.addEventListener("DOMContentLoaded", nameSessionButtons);
})();

/* Lets the keyboard reach the page editor's minimap (its list of the form's sections) when it scrolls.
 *
 * With many sections (a school's seven offer areas and more) Wagtail 8's minimap list scrolls, but while the
 * minimap is collapsed its links leave the tab order, so a keyboard user cannot scroll it (WCAG 2.1.1;
 * axe: scrollable-region-focusable). The list itself is made focusable and named, as it appears.
 */
(function () {
  "use strict";
  var LIST = ".w-minimap__list:not([tabindex])";

  function focusableMinimap() {
    document.querySelectorAll(LIST).forEach(function (list) {
      list.setAttribute("tabindex", "0");
      if (!list.hasAttribute("aria-label")) list.setAttribute("aria-label", "Sections of this form");
    });
  }

  new MutationObserver(focusableMinimap).observe(document.documentElement, { childList: true, subtree: true });
  document.addEventListener("DOMContentLoaded", focusableMinimap);
})();
