/*
 * A live "34 / 160" under each text field with a limit
 * (renaulution/admin_limits.py marks them with data-character-count).
 * The limit shown is the soft one when the field has one (past it the
 * counter warns, the text is still accepted), else its maxlength, which the
 * browser enforces with or without this script. Characters are counted as
 * the server counts them: "é" or an emoji is one.
 */
"use strict";

function characters(text) {
  return Array.from(text).length;
}

function update(field, counter) {
  const soft = Number(field.dataset.softLimit) || null;
  const hard = field.maxLength > 0 ? field.maxLength : null;
  const limit = soft ?? hard;
  const count = characters(field.value);
  const over = soft !== null && count > soft;
  counter.textContent = `${count} / ${limit}`;
  if (over) {
    counter.append(" — ", field.dataset.softLimitMessage || "");
  }
  counter.classList.toggle("character-count--over", over);
  counter.classList.toggle("character-count--full", hard !== null && count >= hard);
}

function attach(field) {
  if (field.characterCounter || !field.id || field.closest(".empty-form")) {
    return;
  }
  const counter = document.createElement("div");
  counter.className = "character-count";
  counter.id = `${field.id}_count`;
  // Read once after typing pauses, not on every key.
  counter.setAttribute("aria-live", "polite");
  const described = field.getAttribute("aria-describedby");
  field.setAttribute("aria-describedby", described ? `${described} ${counter.id}` : counter.id);
  const row = field.parentElement;
  if (row.matches(".aligned .flex-container")) {
    // The admin's field line puts the label beside the field: the counter
    // goes under the line, aligned with the field as help texts are.
    counter.classList.add("help");
    row.insertAdjacentElement("afterend", counter);
  } else {
    field.insertAdjacentElement("afterend", counter);
  }
  field.characterCounter = counter;
  update(field, counter);
}

function attachAll(root) {
  root.querySelectorAll("[data-character-count]").forEach(attach);
}

document.addEventListener("input", (event) => {
  const field = event.target;
  if (field.characterCounter) {
    update(field, field.characterCounter);
  }
});

// A row added to an inline formset brings its own fields.
document.addEventListener("formset:added", (event) => attachAll(event.target));

if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", () => attachAll(document));
} else {
  attachAll(document);
}
