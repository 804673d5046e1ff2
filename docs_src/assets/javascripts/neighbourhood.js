// Paper Atlas: each paper's neighbourhood graph, drawn from the page's own lists: the related
// papers (dashed lines) and the first few mentions either way (solid lines). Nodes are ordinary
// HTML links over SVG lines: Material's instant navigation rewrites every link of a page and
// fails on SVG links.
import { element } from "./shared.js";

var SVG = "http://www.w3.org/2000/svg";

function listAfter(headingId) {
  var heading = document.getElementById(headingId);
  var node = heading ? heading.nextElementSibling : null;
  while (node && node.tagName !== "UL" && !/^H[1-6]$/.test(node.tagName)) node = node.nextElementSibling;
  return node && node.tagName === "UL" ? Array.prototype.slice.call(node.querySelectorAll(":scope > li > a:first-child")) : [];
}

function shortened(name) {
  return name.length <= 28 ? name : name.slice(0, 27) + "\u2026";
}

// A node shows the paper's short name, which the generator writes on the link as
// data-short-name, or else the link's text, the paper's title.
function nodeLabel(link) {
  return shortened(link.dataset.shortName || link.textContent);
}

export function setUpNeighbourhood(container) {
  if (container.dataset.ready === "true") return;
  var others = new Map();
  listAfter("related-papers").forEach(function (a) { if (!others.has(a.href)) others.set(a.href, { a: a, kind: "related" }); });
  listAfter("mentions").concat(listAfter("mentioned-by")).slice(0, Number(container.dataset.mentions || 5)).forEach(function (a) {
    others.set(a.href, { a: a, kind: "mention" });
  });
  var width = 640, height = 300, cx = width / 2, cy = height / 2, number = 0;
  var svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("class", "atlas-hood-lines");
  svg.setAttribute("viewBox", "0 0 " + width + " " + height);
  svg.setAttribute("aria-hidden", "true");
  container.appendChild(svg);
  others.forEach(function (other) {
    var angle = 2 * Math.PI * number / others.size - Math.PI / 2;
    var x = cx + Math.cos(angle) * 240, y = cy + Math.sin(angle) * 110;
    number += 1;
    var line = document.createElementNS(SVG, "line");
    [["x1", cx], ["y1", cy], ["x2", Math.round(x)], ["y2", Math.round(y)], ["class", "atlas-edge"]].forEach(function (pair) {
      line.setAttribute(pair[0], pair[1]);
    });
    if (other.kind === "related") line.setAttribute("stroke-dasharray", "5 4");
    svg.appendChild(line);
    var name = other.a.textContent;
    var node = element("a", { class: "atlas-hood-node atlas-" + other.kind, href: other.a.getAttribute("href"), title: name }, nodeLabel(other.a));
    node.style.left = (100 * x / width).toFixed(1) + "%";
    node.style.top = (100 * y / height).toFixed(1) + "%";
    container.appendChild(node);
  });
  var self = element("span", { class: "atlas-hood-node atlas-self" }, container.dataset.self || "");
  self.style.left = "50%";
  self.style.top = "50%";
  container.appendChild(self);
  container.dataset.ready = "true";
}
