// The header's menu. Loaded in <head>, without defer, so that the "js" class is on <html> before
// the page is drawn: the stylesheet folds the menu behind its button on a narrow screen only
// then, and nothing moves. Without this script the menu stays open and everything still works.
document.documentElement.classList.add("js");

document.addEventListener("DOMContentLoaded", () => {
  const header = document.querySelector(".site-header");
  const button = header && header.querySelector(".menu-toggle");
  if (!button) {
    return;
  }
  const setOpen = (open) => {
    button.setAttribute("aria-expanded", String(open));
    header.classList.toggle("menu-open", open);
  };
  button.addEventListener("click", () => setOpen(button.getAttribute("aria-expanded") !== "true"));

  // Escape closes an open dropdown (or else the menu) and puts focus back on what opened it.
  document.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") {
      return;
    }
    const dropdown = header.querySelector("details[open]");
    if (dropdown) {
      dropdown.open = false;
      dropdown.querySelector("summary").focus();
    } else if (button.getAttribute("aria-expanded") === "true") {
      setOpen(false);
      button.focus();
    }
  });

  // A click or a focus elsewhere closes a dropdown, as with any menu.
  const closeOutside = (event) => {
    header.querySelectorAll("details[open]").forEach((dropdown) => {
      if (!dropdown.contains(event.target)) {
        dropdown.open = false;
      }
    });
  };
  document.addEventListener("click", closeOutside);
  document.addEventListener("focusin", closeOutside);
});
