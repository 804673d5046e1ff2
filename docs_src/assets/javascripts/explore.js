// Paper Atlas: the Table and Map pages and each paper's neighbourhood graph. Loaded on every
// page, it acts only where it finds their containers. Data comes from JSON files beside the
// pages, written by the generator; nothing is fetched from outside the site.
import { setUpMap } from "./map.js";
import { setUpNeighbourhood } from "./neighbourhood.js";
import { setUpTable } from "./table.js";
import { onEveryPage } from "./shared.js";

onEveryPage(function () {
  document.querySelectorAll(".atlas-table[data-source]").forEach(setUpTable);
  document.querySelectorAll(".atlas-map[data-source]").forEach(setUpMap);
  document.querySelectorAll(".atlas-neighbourhood").forEach(setUpNeighbourhood);
});
