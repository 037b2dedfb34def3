/*
 * The header's menu button (templates/includes/header.html).
 *
 * The button ships hidden and the menu open, so without script every link,
 * the search and the language switcher are there. Once the button shows,
 * the stylesheet folds the menu away on narrow screens while the button
 * says it is collapsed; on wide screens the button is not displayed and the
 * menu is always open. Escape closes the menu and gives focus back to the
 * button, as a disclosure should.
 */
(() => {
  const button = document.querySelector(".menu-button[aria-controls]");
  const menu = button && document.getElementById(button.getAttribute("aria-controls"));
  if (!menu) {
    return;
  }
  const setOpen = (open) => button.setAttribute("aria-expanded", String(open));
  const isOpen = () => button.getAttribute("aria-expanded") === "true";

  button.addEventListener("click", () => setOpen(!isOpen()));
  for (const element of [button, menu]) {
    element.addEventListener("keydown", (event) => {
      if (event.key === "Escape" && isOpen()) {
        setOpen(false);
        button.focus();
      }
    });
  }
  setOpen(false);
  button.hidden = false;
})();
