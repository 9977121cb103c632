// Signing out of the Wagtail admin forgets what this browser keeps for offline, as the site's own
// sign-out does (lms/static/js/offline.js): the admin's "Log out" sends a form to its logout
// address, and the page it leads to (the site's sign-in page) finishes the forgetting when it
// finds the flag this tab wrote before leaving.
(() => {
  "use strict";
  const script = document.currentScript;
  const logoutPath = script ? script.getAttribute("data-logout") : "";
  if (!logoutPath) return;
  document.addEventListener(
    "submit",
    (event) => {
      const form = event.target;
      if (!(form instanceof HTMLFormElement)) return;
      if (new URL(form.action, location.href).pathname !== logoutPath) return;
      try {
        sessionStorage.setItem("cascade-signing-out", "1");
      } catch (error) {
        // storage turned off: nothing of Cascade's was kept on this device either
      }
    },
    true
  );
})();
