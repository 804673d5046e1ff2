// Paper Atlas: the Table, Map and Timeline pages, each paper's neighbourhood graph and its related
// papers' sort by date. Loaded on every
// page, it acts only where it finds their containers. Data comes from JSON files beside the
// pages, written by the generator; nothing is fetched from outside the site.
import { setUpMap } from "./map.js";
import { setUpNeighbourhood } from "./neighbourhood.js";
import { setUpDateSort } from "./sort-by-date.js";
import { setUpTable } from "./table.js";
import { onEveryPage } from "./shared.js";

onEveryPage(function () {
  document.querySelectorAll(".atlas-table[data-source]").forEach(setUpTable);
  document.querySelectorAll(".atlas-map[data-source]").forEach(setUpMap);
  document.querySelectorAll(".atlas-neighbourhood").forEach(setUpNeighbourhood);
  document.querySelectorAll("ul.atlas-related").forEach(setUpDateSort);
});
