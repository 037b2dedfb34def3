/*
 * The segment view (templates/admin/translations/segments.html): the count
 * of translated segments and its bar follow the boxes as the translator
 * types or inserts a memory match, and so does the whole document's. The
 * server counts the same way: a box with text in it is a translated segment
 * (translations/progress.py).
 */
"use strict";

function updateProgress() {
  const boxes = document.querySelectorAll(".segment-form textarea");
  let filled = 0;
  for (const box of boxes) {
    if (box.value.replace(/<[^>]*>/g, "").trim()) {
      filled += 1;
    }
  }
  for (const number of document.querySelectorAll("[data-segments-filled]")) {
    number.textContent = String(filled);
  }
  for (const bar of document.querySelectorAll("[data-segments-progress]")) {
    bar.value = filled;
    bar.textContent = `${filled} / ${boxes.length}`;
  }
  // The document: its other fields as the server counted them, plus the boxes.
  for (const number of document.querySelectorAll("[data-document-done]")) {
    const done = Number(number.dataset.others) + filled;
    number.textContent = String(done);
    for (const bar of document.querySelectorAll("[data-document-progress]")) {
      bar.value = done;
    }
  }
}

document.addEventListener("input", (event) => {
  if (event.target.matches(".segment-form textarea")) {
    updateProgress();
  }
});
document.addEventListener("change", (event) => {
  if (event.target.matches(".segment-form textarea")) {
    updateProgress();
  }
});
