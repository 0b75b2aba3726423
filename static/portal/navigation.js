// The header's Menu button on a phone. Without this script the sections simply stack, all visible: this
// only folds them away behind a button, which keeps working by keyboard (Enter, Space, Escape).
(function () {
  var toggle = document.querySelector(".site-nav__toggle");
  var list = document.getElementById("site-nav-list");
  if (!toggle || !list) return;
  toggle.hidden = false;
  list.classList.add("site-nav__list--collapsible");
  function setOpen(open) {
    toggle.setAttribute("aria-expanded", String(open));
    list.classList.toggle("site-nav__list--open", open);
  }
  toggle.addEventListener("click", function () {
    setOpen(toggle.getAttribute("aria-expanded") !== "true");
  });
  list.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      setOpen(false);
      toggle.focus();
    }
  });
})();
