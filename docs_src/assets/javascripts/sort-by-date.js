// Paper Atlas: a paper page's related papers, sortable by date. The list comes in the order of
// relevance; a button puts it in the order the papers appeared (oldest first) and back. Papers
// without a date go last. Without JavaScript the list stays as it is.
import { element } from "./shared.js";

// Undated papers sort last.
function dateKey(item) {
  return item.dataset.date || "9999";
}

export function setUpDateSort(list) {
  if (list.dataset.sortable) return;
  var items = Array.prototype.slice.call(list.children);
  if (!items.some(function (item) { return item.dataset.date; })) return;
  list.dataset.sortable = "relevance";
  var button = element("button", { type: "button", class: "atlas-sort md-button", "aria-pressed": "false" });
  button.textContent = "Sort by date";
  button.addEventListener("click", function () {
    var byDate = list.dataset.sortable === "relevance";
    var order = byDate ? items.slice().sort(function (a, b) { return dateKey(a).localeCompare(dateKey(b)); }) : items;
    order.forEach(function (item) {
      var date = item.querySelector(".atlas-date");
      if (byDate && !date && item.dataset.date) {
        date = element("span", { class: "atlas-date" });
        date.textContent = " (" + item.dataset.date + ")";
        item.appendChild(date); // after the link, which the neighbourhood graph finds first
      }
      if (date) date.hidden = !byDate;
      list.appendChild(item);
    });
    list.dataset.sortable = byDate ? "date" : "relevance";
    button.textContent = byDate ? "Sort by relevance" : "Sort by date";
    button.setAttribute("aria-pressed", String(byDate));
  });
  list.parentNode.insertBefore(button, list);
}
