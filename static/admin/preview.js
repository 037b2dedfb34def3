/*
 * The change form's Preview buttons (templates/admin/preview/buttons.html):
 * post the form as it is now, unsaved, to the preview address of a
 * language, into a new tab. The form is not submitted as a save: no
 * submit event, so nothing that watches saves (the unsaved-changes
 * warning) takes it for one; its address and target are put back at once.
 * Chosen files are not sent: a preview uploads nothing and shows the
 * stored image (renaulution/preview.py).
 */
"use strict";

document.addEventListener("click", (event) => {
  const button = event.target.closest("button[data-preview-url]");
  if (!button || !button.form) {
    return;
  }
  event.preventDefault();
  const form = button.form;
  const action = form.getAttribute("action");
  const target = form.getAttribute("target");
  const files = Array.from(form.querySelectorAll('input[type="file"]:not(:disabled)'));
  files.forEach((input) => {
    input.disabled = true;
  });
  form.setAttribute("action", button.dataset.previewUrl);
  form.setAttribute("target", "_blank");
  try {
    // The prototype's submit: a field named "submit" cannot hide it.
    HTMLFormElement.prototype.submit.call(form);
  } finally {
    files.forEach((input) => {
      input.disabled = false;
    });
    if (action === null) {
      form.removeAttribute("action");
    } else {
      form.setAttribute("action", action);
    }
    if (target === null) {
      form.removeAttribute("target");
    } else {
      form.setAttribute("target", target);
    }
  }
});
