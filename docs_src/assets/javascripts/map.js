// Paper Atlas: the Map page, every paper a dot at the position the generator laid out. The data
// comes from the JSON file the container names (map.json); the map library, Cytoscape.js, is
// vendored in assets/vendor/ and loaded only on this page.
import { element, loadJson, paperUrl, showFailure, siteUrl } from "./shared.js";

// The map is drawn from its first chunk of papers, then grows a chunk per task, so the page
// stays responsive however large the collection (no single long task adds everything).
var MAP_CHUNK = 1500;

var cytoscapeLoading = null;

function loadCytoscape() {
  if (window.cytoscape) return Promise.resolve(window.cytoscape);
  if (!cytoscapeLoading) {
    cytoscapeLoading = new Promise(function (resolve, reject) {
      var script = element("script", { src: siteUrl("assets/vendor/cytoscape/cytoscape.min.js") });
      script.onload = function () { resolve(window.cytoscape); };
      script.onerror = function () { reject(new Error("cannot load the map library")); };
      document.head.appendChild(script);
    });
  }
  return cytoscapeLoading;
}

export function setUpMap(container) {
  if (container.dataset.ready) return;
  container.dataset.ready = "loading";
  var started = performance.now();
  Promise.all([loadCytoscape(), loadJson(container.dataset.source)]).then(function (loaded) {
    var data = container.dataset.layout === "timeline" ? timeline(loaded[1], container) : loaded[1];
    if (!data.nodes.length) {
      container.replaceChildren(element("p", { class: "atlas-empty" }, "No paper of this collection has a date: there is no timeline to draw."));
      container.dataset.nodes = "0";
      container.dataset.ready = container.dataset.complete = "true";
      return;
    }
    var elements = mapElements(data);
    var cy = newMap(loaded[0], container, elements.slice(0, MAP_CHUNK), data.nodes.length > 2000);
    showTitles(cy, container);
    keepLabelsReadable(cy);
    steer(cy, container);
    fitAll(cy, container, data.nodes, data.ticks ? BAND_LABEL_WIDTH + 10 : 0);
    drawLegend(data.topics);
    cy.one("render", function () {
      container.dataset.renderMs = String(Math.round(performance.now() - started));
      container.dataset.readyAt = String(Math.round(performance.now()));
      container.dataset.ready = "true";
      setTimeout(function () { addInChunks(cy, container, elements, Math.min(MAP_CHUNK, elements.length)); }, 0);
    });
    window.atlasMap = cy; // for the browser tests
  }).catch(function (error) { showFailure(container, "The map", error); });
}

// Cytoscape's elements: a node per paper, coloured and shaped by its topic, with a halo of that
// colour (the halos of a topic's papers make its region); a label per topic where most of its
// papers are; then the edges.
function mapElements(data) {
  var elements = data.nodes.map(function (node) {
    var topic = data.topics[node[3]];
    return {
      group: "nodes",
      classes: "paper",
      data: {
        id: node[0], label: node[1], title: node[2], date: node[6] || "",
        colour: topic ? topic.colour : "#888",
        shape: topic ? topic.shape || "ellipse" : "ellipse",
      },
      position: { x: node[4], y: node[5] },
    };
  });
  data.topics.forEach(function (topic, i) {
    if (typeof topic.x !== "number") return;
    elements.push({
      group: "nodes",
      classes: topic.side ? "topic-label band-label" : "topic-label",
      selectable: false,
      grabbable: false,
      data: { id: "topic-label-" + i, label: topic.label },
      position: { x: topic.x, y: topic.y },
    });
  });
  (data.ticks || []).forEach(function (tick, i) {
    elements.push({
      group: "nodes", classes: "topic-label tick", selectable: false, grabbable: false,
      data: { id: "tick-" + i, label: tick.label }, position: { x: tick.x, y: tick.y },
    });
  });
  data.edges.forEach(function (edge, i) {
    elements.push({ group: "edges", data: { id: "e" + i, source: data.nodes[edge[0]][0], target: data.nodes[edge[1]][0], kind: edge[2] } });
  });
  return elements;
}

// The timeline: the same papers over time. x is the date, y the main topic's band (topics in
// the map's order, each paper at its rank by map height inside the band), so a line of work
// reads from left to right. Papers without a date are left out, and the page says how many.
var BAND = 120, TICKS = 10;

function day(date) {
  var parts = date.split("-").map(Number);
  return Date.UTC(parts[0], (parts[1] || 1) - 1, parts[2] || 1) / 86400000;
}

function timeline(data, container) {
  var kept = [], index = {};
  data.nodes.forEach(function (node, i) {
    if (/^\d{4}/.test(node[6] || "")) { index[i] = kept.length; kept.push(node); }
  });
  var note = document.querySelector(".atlas-timeline-note");
  if (note) note.textContent = kept.length + " of " + data.nodes.length + " papers have a date and are shown.";
  container.dataset.dated = String(kept.length);
  var days = kept.map(function (node) { return day(node[6]); });
  var first = Math.min.apply(null, days.concat([Infinity])), last = Math.max.apply(null, days.concat([-Infinity]));
  var byTopic = {};
  kept.forEach(function (node, i) { (byTopic[node[3]] = byTopic[node[3]] || []).push(i); });
  // One and a half times as wide as the bands are tall (the page's shape), whatever the span of the dates.
  var scale = 1.5 * data.topics.length * BAND / Math.max(last - first, 1);
  var nodes = kept.map(function (node) { return node.slice(); });
  Object.keys(byTopic).forEach(function (topic) {
    var members = byTopic[topic].sort(function (a, b) { return kept[a][5] - kept[b][5] || a - b; });
    members.forEach(function (i, rank) {
      nodes[i][4] = (days[i] - first) * scale;
      nodes[i][5] = topic * BAND + (rank + 0.5) / members.length * BAND * 0.8;
    });
  });
  var topics = data.topics.map(function (topic, i) {
    return Object.assign({}, topic, byTopic[i] ? { x: -20, y: i * BAND + BAND * 0.4, side: "left" } : { x: undefined });
  });
  var ticks = [];
  if (isFinite(first)) {
    var from = new Date(first * 86400000).getUTCFullYear(), to = new Date(last * 86400000).getUTCFullYear();
    var step = Math.max(1, Math.ceil((to - from + 1) / TICKS));
    for (var year = from; year <= to; year += step) {
      ticks.push({ label: String(year), x: Math.max(0, (day(year + "") - first) * scale), y: -40 });
    }
  }
  var edges = data.edges.filter(function (edge) { return edge[0] in index && edge[1] in index; })
    .map(function (edge) { return [index[edge[0]], index[edge[1]], edge[2]]; });
  return { topics: topics, nodes: nodes, edges: edges, ticks: ticks };
}

// The theme's text and background colours, for topic labels legible in light and dark mode.
function themeColours(container) {
  var style = window.getComputedStyle(container);
  return { text: style.color || "#000", background: style.backgroundColor || "#fff" };
}

function newMap(cytoscape, container, elements, large) {
  var theme = themeColours(container);
  return cytoscape({
    container: container,
    elements: elements,
    layout: { name: "preset" },
    minZoom: 0.02,
    maxZoom: 8,
    hideEdgesOnViewport: large,
    textureOnViewport: large,
    pixelRatio: large ? 1 : "auto",
    style: [
      {
        selector: "node.paper",
        style: {
          "background-color": "data(colour)", shape: "data(shape)", width: 8, height: 8, "border-width": 0,
          "underlay-color": "data(colour)", "underlay-padding": 7, "underlay-opacity": 0.14, "underlay-shape": "ellipse",
        },
      },
      {
        selector: "node.topic-label",
        style: {
          label: "data(label)", width: 1, height: 1, "background-opacity": 0, events: "no", "z-index": 10,
          "font-size": LABEL_PIXELS, "font-weight": "bold", color: theme.text, "text-valign": "center", "text-halign": "center",
          "text-outline-color": theme.background, "text-outline-width": 2,
          "text-wrap": "wrap", "text-max-width": LABEL_WIDTH,
        },
      },
      // Each paper's most related paper and its mentions are drawn; every other related link shows
      // while one of its papers is hovered.
      { selector: "edge", style: { width: 0.6, "line-color": "#9e9e9e", opacity: 0.5, "curve-style": "haystack" } },
      { selector: "edge[kind = 0]", style: { display: "none" } },
      { selector: "edge[kind = 0].shown", style: { display: "element", opacity: 0.8 } },
      { selector: "edge[kind = 1]", style: { width: 1.2, "line-color": "#616161", opacity: 0.9 } },
      { selector: "node.paper.hover", style: { width: 14, height: 14 } },
      { selector: "node.band-label", style: { "text-halign": "left", "text-justification": "right" } },
    ],
  });
}

// Topic labels keep one size on screen at any zoom: the map's own text would shrink to nothing
// when the whole collection is in view, and cover the papers when zoomed in.
var LABEL_PIXELS = 13, LABEL_WIDTH = 150, BAND_LABEL_WIDTH = 190;

function keepLabelsReadable(cy) {
  function resize() {
    var zoom = cy.zoom();
    cy.nodes(".topic-label").style({
      "font-size": LABEL_PIXELS / zoom, "text-outline-width": 2 / zoom, "text-max-width": LABEL_WIDTH / zoom,
    });
    cy.nodes(".band-label").style({ "font-size": (LABEL_PIXELS - 2) / zoom, "text-max-width": BAND_LABEL_WIDTH / zoom });
  }
  cy.on("zoom", resize);
  cy.on("add", "node.topic-label", resize);
  resize();
}

// A paper's title in a tip over its dot; a click on the dot opens the paper.
function showTitles(cy, container) {
  var tip = element("div", { class: "atlas-tip", role: "status" });
  tip.hidden = true; // shown on hover only: an empty tip is a black box below the map
  container.appendChild(tip);
  cy.on("mouseover", "node.paper", function (event) {
    var node = event.target, point = node.renderedPosition();
    node.addClass("hover");
    node.connectedEdges().addClass("shown");
    tip.textContent = node.data("title");
    tip.style.left = point.x + 12 + "px";
    tip.style.top = point.y + 12 + "px";
    tip.hidden = false;
    container.style.cursor = "pointer";
  });
  cy.on("mouseout", "node.paper", function (event) {
    event.target.removeClass("hover");
    event.target.connectedEdges().removeClass("shown");
    tip.hidden = true;
    container.style.cursor = "";
  });
  cy.on("tap", "node.paper", function (event) { window.location.href = paperUrl(event.target.id()); });
}

// The wheel scrolls the page, as everywhere else on it; with Ctrl (or Cmd) held, it zooms the
// map. Cytoscape listens on the container in the capture phase, so the wheel is stopped one
// level up, before it gets there (not prevented: the page still scrolls). The arrow keys pan,
// + and - zoom.
function steer(cy, container) {
  container.parentNode.addEventListener("wheel", function (event) {
    if (container.contains(event.target) && !event.ctrlKey && !event.metaKey) event.stopPropagation();
  }, { capture: true });
  container.addEventListener("keydown", function (event) {
    var step = 60, moves = { ArrowLeft: [step, 0], ArrowRight: [-step, 0], ArrowUp: [0, step], ArrowDown: [0, -step] };
    if (moves[event.key]) {
      cy.panBy({ x: moves[event.key][0], y: moves[event.key][1] });
    } else if (event.key === "+" || event.key === "=" || event.key === "-") {
      var factor = event.key === "-" ? 1 / 1.25 : 1.25;
      cy.zoom({ level: cy.zoom() * factor, renderedPosition: { x: container.clientWidth / 2, y: container.clientHeight / 2 } });
    } else {
      return;
    }
    event.preventDefault();
  });
}

// Add the elements from `added` on, a chunk per task, then say on the container that all are in.
function addInChunks(cy, container, elements, added) {
  if (added >= elements.length) {
    container.dataset.nodes = String(cy.nodes(".paper").length);
    container.dataset.edges = String(cy.edges().length);
    container.dataset.complete = "true";
    return;
  }
  cy.add(elements.slice(added, added + MAP_CHUNK));
  setTimeout(function () { addInChunks(cy, container, elements, added + MAP_CHUNK); }, 0);
}

function drawLegend(topics) {
  var legend = document.querySelector(".atlas-map-legend");
  if (!legend) return;
  var list = element("ul", {});
  topics.forEach(function (topic) {
    var item = element("li", {});
    var swatch = element("span", { class: "atlas-swatch atlas-shape-" + (topic.shape || "ellipse"), "aria-hidden": "true" });
    swatch.style.backgroundColor = topic.colour;
    item.appendChild(swatch);
    item.appendChild(document.createTextNode(topic.label));
    list.appendChild(item);
  });
  legend.replaceChildren(list);
}

// Fit the whole collection in view from the positions alone, before every paper is added.
function fitAll(cy, container, nodes, left) {
  var minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
  nodes.forEach(function (node) {
    minX = Math.min(minX, node[4]); maxX = Math.max(maxX, node[4]);
    minY = Math.min(minY, node[5]); maxY = Math.max(maxY, node[5]);
  });
  if (!isFinite(minX)) return;
  // `left` pixels are kept free at the left, for the timeline's band labels.
  var width = container.clientWidth - (left || 0), height = container.clientHeight, margin = 20;
  var zoom = Math.min((width - 2 * margin) / Math.max(maxX - minX, 1), (height - 2 * margin) / Math.max(maxY - minY, 1));
  zoom = Math.max(cy.minZoom(), Math.min(cy.maxZoom(), zoom));
  var x = (left || 0) + width / 2 - zoom * (minX + maxX) / 2;
  cy.viewport({ zoom: zoom, pan: { x: x, y: height / 2 - zoom * (minY + maxY) / 2 } });
}
