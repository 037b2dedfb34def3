/*
 * The translator's form: the "Machine translation" button beside a field
 * (templates/admin/translations/_machine.html) asks the site's endpoint
 * (translations/machine_views.py) for a suggestion and shows it, marked as
 * machine output, with an Insert button that translation_memory.js handles
 * like a memory match. Nothing reaches the field, or the database, unless
 * the translator inserts it and saves the form.
 */
"use strict";

function csrfToken(button) {
  const input = button.form?.querySelector("input[name=csrfmiddlewaretoken]")
    ?? document.querySelector("input[name=csrfmiddlewaretoken]");
  return input ? input.value : "";
}

function showError(box, message) {
  const note = document.createElement("p");
  note.className = "errornote machine-error";
  note.textContent = message;
  box.replaceChildren(note);
}

function showSuggestion(box, button, answer) {
  const label = document.createElement("p");
  label.className = "translation-source__label machine-label";
  label.textContent = answer.label;
  const text = document.createElement("p");
  text.className = "machine-target";
  text.lang = answer.language;
  text.textContent = answer.text;
  const insert = document.createElement("button");
  insert.type = "button";
  insert.className = "button memory-insert machine-insert";
  insert.textContent = button.dataset.machineInsert;
  insert.dataset.memoryTarget = button.dataset.machineTarget;
  insert.dataset.memoryRich = answer.rich ? "1" : "0";
  insert.dataset.memoryText = answer.text;
  insert.dataset.memoryHtml = answer.html;
  box.replaceChildren(label, text, insert);
}

async function suggest(button) {
  const box = button.parentElement.querySelector(".machine-suggestion");
  button.disabled = true;
  box.textContent = button.dataset.machineBusy;
  try {
    const response = await fetch(button.dataset.machineUrl, {
      method: "POST",
      headers: { "X-CSRFToken": csrfToken(button), Accept: "application/json" },
      credentials: "same-origin",
    });
    const answer = await response.json().catch(() => ({}));
    if (response.ok && typeof answer.text === "string") {
      showSuggestion(box, button, answer);
    } else {
      showError(box, answer.error || button.dataset.machineFailed);
    }
  } catch {
    showError(box, button.dataset.machineFailed);
  } finally {
    button.disabled = false;
  }
}

document.addEventListener("click", (event) => {
  const button = event.target.closest("button[data-machine-url]");
  if (button) {
    event.preventDefault();
    suggest(button);
  }
});
