/*
 * The translator's form: an "Insert" button beside a translation memory
 * match (templates/admin/translations/_memory.html) puts the match's
 * translation into its field: where the translator left the cursor when
 * they have been in the field, else at the end; after a space when the text
 * before has none. Rich text
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

// A space between the text before the cursor and what comes, unless there is one.
function spaced(before, text) {
  return before && !/\s$/.test(before) ? ` ${text}` : text;
}

function insertRich(textarea, html) {
  const editor = editors.get(textarea);
  if (!editor) {
    insertPlain(textarea, html);
    return;
  }
  // Back to where the translator left the cursor, or to the end the first time.
  editor.commands.focus(visited.has(editor) ? null : "end");
  visited.add(editor);
  const { from } = editor.state.selection;
  const before = editor.state.doc.textBetween(Math.max(0, from - 1), from, " ", " ");
  editor
    .chain()
    .insertContent(spaced(before, html), { parseOptions: { preserveWhitespace: true } })
    .focus()
    .run();
}

function insertPlain(field, text) {
  if (!visited.has(field) || typeof field.selectionStart !== "number") {
    field.setSelectionRange?.(field.value.length, field.value.length);
  }
  const start = field.selectionStart ?? field.value.length;
  const end = field.selectionEnd ?? start;
  field.setRangeText(spaced(field.value.slice(0, start), text), start, end, "end");
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
