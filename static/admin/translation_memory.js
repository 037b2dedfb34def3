/*
 * The translator's form: an "Insert" button beside a translation memory
 * match (templates/admin/translations/_memory.html) puts the match's
 * translation into its field. Where the translator left the cursor, when
 * they have been in the field; else at the end, after a space. Rich text
 * goes into its editor (django-prose-editor announces each one with a
 * "prose-editor:ready" event), keeping the match's bold, italic and links.
 */
"use strict";

const editors = new Map();
const visited = new WeakSet();

document.addEventListener("prose-editor:ready", (event) => {
  const { editor, textarea } = event.detail;
  editors.set(textarea, editor);
  editor.on("focus", () => visited.add(editor));
});

document.addEventListener("focusin", (event) => {
  if (event.target.matches("input, textarea")) {
    visited.add(event.target);
  }
});

function insertRich(textarea, html) {
  const editor = editors.get(textarea);
  if (!editor) {
    insertPlain(textarea, html);
    return;
  }
  if (visited.has(editor)) {
    editor.chain().focus().insertContent(html).run();
  } else {
    editor.chain().focus("end").insertContent(editor.isEmpty ? html : ` ${html}`).run();
    visited.add(editor);
  }
}

function insertPlain(field, text) {
  if (visited.has(field) && typeof field.selectionStart === "number") {
    field.setRangeText(text, field.selectionStart, field.selectionEnd, "end");
  } else {
    field.value = field.value.trim() ? `${field.value.trimEnd()} ${text}` : text;
  }
  visited.add(field);
  field.focus();
  field.dispatchEvent(new Event("input", { bubbles: true }));
  field.dispatchEvent(new Event("change", { bubbles: true }));
}

document.addEventListener("click", (event) => {
  const button = event.target.closest("button[data-memory-target]");
  if (!button) {
    return;
  }
  event.preventDefault();
  const field = document.getElementById(button.dataset.memoryTarget);
  if (!field) {
    return;
  }
  if (button.dataset.memoryRich === "1") {
    insertRich(field, button.dataset.memoryHtml);
  } else {
    insertPlain(field, button.dataset.memoryText);
  }
});
