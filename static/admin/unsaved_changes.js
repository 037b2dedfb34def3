// Asks before leaving an admin change form whose fields were edited and not
// saved. Submitting the form (any save button) leaves without asking.
"use strict";
(function () {
  const form = document.querySelector("#content-main form[method='post']");
  if (!form) {
    return;
  }
  let dirty = false;
  const markDirty = (event) => {
    if (event.target && event.target.form === form) {
      dirty = true;
    }
  };
  form.addEventListener("input", markDirty);
  form.addEventListener("change", markDirty);
  // The rich-text editor edits a contenteditable element, not a form field.
  form.addEventListener("keydown", (event) => {
    if (event.target && event.target.isContentEditable) {
      dirty = true;
    }
  });
  form.addEventListener("submit", () => {
    dirty = false;
  });
  window.addEventListener("beforeunload", (event) => {
    if (dirty) {
      event.preventDefault();
      event.returnValue = "";
    }
  });
})();
