// Paper Atlas: the Table and Map pages and each paper's neighbourhood graph. Loaded on every
// page, it acts only where it finds their containers. Data comes from JSON files beside the
// pages, written by the generator; the map's library is vendored in assets/vendor/. Nothing is
// fetched from outside the site, and every text from the data goes into the page as text
// (textContent), never as HTML.
(function () {
  "use strict";

  var ROWS_PER_PAGE = 100;
  // The map is drawn from its first chunk of papers, then grows a chunk per task, so the page
  // stays responsive however large the collection (no single long task adds everything).
  var MAP_CHUNK = 1500;

  function siteBase() {
    var config = document.getElementById("__config");
    var base = config ? JSON.parse(config.textContent).base : ".";
    return new URL(base.replace(/\/?$/, "/"), window.location.href);
  }

  function paperUrl(slug) {
    return new URL("papers/" + encodeURIComponent(slug) + "/", siteBase()).href;
  }

  function element(tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      node.setAttribute(name, attributes[name]);
    });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function loadJson(container) {
    return fetch(new URL(container.dataset.source, window.location.href)).then(function (response) {
      if (!response.ok) throw new Error("cannot load " + container.dataset.source + ": " + response.status);
      return response.json();
    });
  }

  // ---- Table -------------------------------------------------------------------------------

  function setUpTable(container) {
    if (container.dataset.ready) return;
    container.dataset.ready = "loading";
    var started = performance.now();
    loadJson(container).then(function (data) {
      var rows = data.rows.map(function (row) {
        var record = {};
        data.columns.forEach(function (name, i) { record[name] = row[i]; });
        record.topicLabels = record.topics.map(function (i) { return data.topics[i]; });
        record.text = (record.title + " " + record.short_name).toLowerCase();
        return record;
      });
      buildTable(container, data, rows);
      container.dataset.renderMs = String(Math.round(performance.now() - started));
      container.dataset.readyAt = String(Math.round(performance.now()));
      container.dataset.ready = "true";
    });
  }

  function options(select, label, values) {
    select.appendChild(element("option", { value: "" }, label));
    values.forEach(function (value) { select.appendChild(element("option", { value: value }, value)); });
  }

  function distinct(rows, key) {
    var seen = {};
    rows.forEach(function (row) { row[key].forEach(function (value) { seen[value] = true; }); });
    return Object.keys(seen).sort(function (a, b) { return a.localeCompare(b); });
  }

  function buildTable(container, data, rows) {
    var state = { sort: "title", reverse: false, page: 0, shown: [] };
    var controls = element("div", { class: "atlas-controls" });
    var search = element("input", { type: "search", placeholder: "Filter by title or short name", "aria-label": "Filter by title or short name" });
    var topic = element("select", { "aria-label": "Topic" });
    options(topic, "All topics", data.topics.slice().sort(function (a, b) { return a.localeCompare(b); }));
    var model = element("select", { "aria-label": "Model family" });
    options(model, "All model families", distinct(rows, "models"));
    var benchmark = element("select", { "aria-label": "Benchmark" });
    options(benchmark, "All benchmarks", distinct(rows, "benchmarks"));
    var codeLabel = element("label", {});
    var code = element("input", { type: "checkbox" });
    codeLabel.appendChild(code);
    codeLabel.appendChild(document.createTextNode(" with code"));
    [search, topic, model, benchmark, codeLabel].forEach(function (c) { controls.appendChild(c); });
    // The reading list (reading-list.js): a star per row, and an export of the rows as filtered.
    var readingList = window.atlasReadingList;
    if (readingList) {
      controls.appendChild(readingList.exportButtons(function () {
        return state.shown.map(function (row) { return row.slug; });
      }, "table"));
    }
    var count = element("p", { class: "atlas-count", "aria-live": "polite" });
    var scroller = element("div", { class: "atlas-scroll" });
    var table = element("table", {});
    var head = element("tr", {});
    var columns = [
      ["title", "Title"], ["short_name", "Short name"], ["topicLabels", "Topics"], ["date", "Date"],
      ["code", "Code"], ["models", "Models"], ["benchmarks", "Benchmarks"],
    ];
    columns.forEach(function (column) {
      var cell = element("th", { scope: "col", "aria-sort": "none" });
      var button = element("button", { type: "button", "data-sort": column[0] }, column[1]);
      button.addEventListener("click", function () {
        state.reverse = state.sort === column[0] ? !state.reverse : false;
        state.sort = column[0];
        state.page = 0;
        render();
      });
      cell.appendChild(button);
      head.appendChild(cell);
    });
    if (readingList) head.appendChild(element("th", { scope: "col", class: "atlas-star-cell" }, "My list"));
    var thead = element("thead", {});
    thead.appendChild(head);
    var tbody = element("tbody", {});
    table.appendChild(thead);
    table.appendChild(tbody);
    scroller.appendChild(table);
    var pager = element("div", { class: "atlas-pager" });
    var previous = element("button", { type: "button" }, "Previous");
    var next = element("button", { type: "button" }, "Next");
    var where = element("span", {});
    [previous, where, next].forEach(function (c) { pager.appendChild(c); });
    previous.addEventListener("click", function () { state.page -= 1; render(); });
    next.addEventListener("click", function () { state.page += 1; render(); });
    [search, topic, model, benchmark, code].forEach(function (input) {
      input.addEventListener(input === search ? "input" : "change", function () { state.page = 0; render(); });
    });
    container.replaceChildren(controls, count, scroller, pager);

    function key(row) {
      var value = row[state.sort];
      return Array.isArray(value) ? value.join(", ") : String(value || "");
    }

    function render() {
      var words = search.value.toLowerCase().split(/\s+/).filter(Boolean);
      var shown = rows.filter(function (row) {
        return words.every(function (w) { return row.text.indexOf(w) >= 0; }) &&
          (!topic.value || row.topicLabels.indexOf(topic.value) >= 0) &&
          (!model.value || row.models.indexOf(model.value) >= 0) &&
          (!benchmark.value || row.benchmarks.indexOf(benchmark.value) >= 0) &&
          (!code.checked || row.code);
      });
      shown.sort(function (a, b) {
        var ka = key(a), kb = key(b);
        if (!ka !== !kb) return ka ? -1 : 1; // empty values last, whichever the direction
        var order = ka.localeCompare(kb) || a.title.localeCompare(b.title);
        return state.reverse ? -order : order;
      });
      state.shown = shown;
      var pages = Math.max(1, Math.ceil(shown.length / ROWS_PER_PAGE));
      state.page = Math.min(Math.max(state.page, 0), pages - 1);
      count.textContent = shown.length + " of " + rows.length + " papers";
      where.textContent = "page " + (state.page + 1) + " of " + pages;
      previous.disabled = state.page === 0;
      next.disabled = state.page >= pages - 1;
      head.querySelectorAll("th[aria-sort]").forEach(function (th, i) {
        th.setAttribute("aria-sort", columns[i][0] === state.sort ? (state.reverse ? "descending" : "ascending") : "none");
      });
      var fragment = document.createDocumentFragment();
      shown.slice(state.page * ROWS_PER_PAGE, (state.page + 1) * ROWS_PER_PAGE).forEach(function (row) {
        var tr = element("tr", {});
        var title = element("td", {});
        title.appendChild(element("a", { href: paperUrl(row.slug) }, row.title));
        tr.appendChild(title);
        tr.appendChild(element("td", {}, row.short_name));
        tr.appendChild(element("td", {}, row.topicLabels.join(", ")));
        tr.appendChild(element("td", {}, row.date));
        var codeCell = element("td", {});
        if (/^https?:\/\//.test(row.code)) codeCell.appendChild(element("a", { href: row.code }, "code"));
        tr.appendChild(codeCell);
        tr.appendChild(element("td", {}, row.models.join(", ")));
        tr.appendChild(element("td", {}, row.benchmarks.join(", ")));
        if (readingList) {
          var starCell = element("td", { class: "atlas-star-cell" });
          starCell.appendChild(readingList.star(row.slug, row.title, true));
          tr.appendChild(starCell);
        }
        fragment.appendChild(tr);
      });
      tbody.replaceChildren(fragment);
    }
    render();
  }

  // ---- Map ---------------------------------------------------------------------------------

  var cytoscapeLoading = null;

  function loadCytoscape() {
    if (window.cytoscape) return Promise.resolve(window.cytoscape);
    if (!cytoscapeLoading) {
      cytoscapeLoading = new Promise(function (resolve, reject) {
        var script = element("script", { src: new URL("assets/vendor/cytoscape/cytoscape.min.js", siteBase()).href });
        script.onload = function () { resolve(window.cytoscape); };
        script.onerror = function () { reject(new Error("cannot load the map library")); };
        document.head.appendChild(script);
      });
    }
    return cytoscapeLoading;
  }

  function setUpMap(container) {
    if (container.dataset.ready) return;
    container.dataset.ready = "loading";
    var started = performance.now();
    Promise.all([loadCytoscape(), loadJson(container)]).then(function (loaded) {
      var cytoscape = loaded[0], data = loaded[1];
      var large = data.nodes.length > 2000;
      var elements = data.nodes.map(function (node) {
        return {
          group: "nodes",
          data: {
            id: node[0], label: node[1], title: node[2],
            colour: data.topics[node[3]] ? data.topics[node[3]].colour : "#888",
            shape: data.topics[node[3]] ? data.topics[node[3]].shape || "ellipse" : "ellipse",
          },
          position: { x: node[4], y: node[5] },
        };
      });
      data.edges.forEach(function (edge, i) {
        elements.push({ group: "edges", data: { id: "e" + i, source: data.nodes[edge[0]][0], target: data.nodes[edge[1]][0], kind: edge[2] } });
      });
      var cy = cytoscape({
        container: container,
        elements: elements.slice(0, MAP_CHUNK),
        layout: { name: "preset" },
        minZoom: 0.02,
        maxZoom: 8,
        hideEdgesOnViewport: large,
        textureOnViewport: large,
        pixelRatio: large ? 1 : "auto",
        style: [
          { selector: "node", style: { "background-color": "data(colour)", shape: "data(shape)", width: 8, height: 8, "border-width": 0 } },
          { selector: "edge", style: { width: 0.6, "line-color": "#9e9e9e", opacity: 0.5, "curve-style": "haystack" } },
          { selector: "edge[kind = 1]", style: { width: 1.2, "line-color": "#616161", opacity: 0.9 } },
          { selector: "node.hover", style: { width: 14, height: 14 } },
        ],
      });
      var tip = element("div", { class: "atlas-tip", role: "status" });
      tip.hidden = true; // shown on hover only: an empty tip is a black box below the map
      container.appendChild(tip);
      // The wheel scrolls the page, as everywhere else on it; with Ctrl (or Cmd) held, it zooms the
      // map. Cytoscape listens on the container in the capture phase, so the wheel is stopped one
      // level up, before it gets there (not prevented: the page still scrolls).
      container.parentNode.addEventListener("wheel", function (event) {
        if (container.contains(event.target) && !event.ctrlKey && !event.metaKey) event.stopPropagation();
      }, { capture: true });
      cy.on("mouseover", "node", function (event) {
        var node = event.target, point = node.renderedPosition();
        node.addClass("hover");
        tip.textContent = node.data("title");
        tip.style.left = point.x + 12 + "px";
        tip.style.top = point.y + 12 + "px";
        tip.hidden = false;
        container.style.cursor = "pointer";
      });
      cy.on("mouseout", "node", function (event) {
        event.target.removeClass("hover");
        tip.hidden = true;
        container.style.cursor = "";
      });
      cy.on("tap", "node", function (event) { window.location.href = paperUrl(event.target.id()); });
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
      fitAll(cy, container, data.nodes);
      var added = Math.min(MAP_CHUNK, elements.length);
      function addChunk() {
        if (added >= elements.length) {
          container.dataset.nodes = String(cy.nodes().length);
          container.dataset.edges = String(cy.edges().length);
          container.dataset.complete = "true";
          return;
        }
        cy.add(elements.slice(added, added + MAP_CHUNK));
        added += MAP_CHUNK;
        setTimeout(addChunk, 0);
      }
      var legend = document.querySelector(".atlas-map-legend");
      if (legend) {
        var list = element("ul", {});
        data.topics.forEach(function (topic) {
          var item = element("li", {});
          var swatch = element("span", { class: "atlas-swatch atlas-shape-" + (topic.shape || "ellipse"), "aria-hidden": "true" });
          swatch.style.backgroundColor = topic.colour;
          item.appendChild(swatch);
          item.appendChild(document.createTextNode(topic.label));
          list.appendChild(item);
        });
        legend.replaceChildren(list);
      }
      cy.one("render", function () {
        container.dataset.renderMs = String(Math.round(performance.now() - started));
        container.dataset.readyAt = String(Math.round(performance.now()));
        container.dataset.ready = "true";
        setTimeout(addChunk, 0);
      });
      window.atlasMap = cy; // for the browser tests
    });
  }

  // Fit the whole collection in view from the positions alone, before every paper is added.
  function fitAll(cy, container, nodes) {
    var minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
    nodes.forEach(function (node) {
      minX = Math.min(minX, node[4]); maxX = Math.max(maxX, node[4]);
      minY = Math.min(minY, node[5]); maxY = Math.max(maxY, node[5]);
    });
    if (!isFinite(minX)) return;
    var width = container.clientWidth, height = container.clientHeight, margin = 20;
    var zoom = Math.min((width - 2 * margin) / Math.max(maxX - minX, 1), (height - 2 * margin) / Math.max(maxY - minY, 1));
    zoom = Math.max(cy.minZoom(), Math.min(cy.maxZoom(), zoom));
    cy.viewport({ zoom: zoom, pan: { x: width / 2 - zoom * (minX + maxX) / 2, y: height / 2 - zoom * (minY + maxY) / 2 } });
  }

  // ---- Neighbourhood -------------------------------------------------------------------------
  // Drawn from the page's own lists: the related papers (dashed lines) and the first few mentions
  // either way (solid lines). Nodes are ordinary HTML links over SVG lines: Material's instant
  // navigation rewrites every link of a page and fails on SVG links.

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

  // A node shows the paper's short name: the lists write it after the title in brackets when the
  // title does not hold it ("Title (ProX)"), or the title starts with it ("MT-Ladder: ...").
  function nodeLabel(title) {
    var bracketed = /\(([^()]{1,40})\)$/.exec(title);
    if (bracketed) return shortened(bracketed[1]);
    var prefix = /^([^:]{1,40}):\s/.exec(title);
    return shortened(prefix ? prefix[1] : title);
  }

  function setUpNeighbourhood(container) {
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
      var node = element("a", { class: "atlas-hood-node atlas-" + other.kind, href: other.a.getAttribute("href"), title: name }, nodeLabel(name));
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

  function setUp() {
    document.querySelectorAll(".atlas-table[data-source]").forEach(setUpTable);
    document.querySelectorAll(".atlas-map[data-source]").forEach(setUpMap);
    document.querySelectorAll(".atlas-neighbourhood").forEach(setUpNeighbourhood);
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setUp); // Material's instant navigation: run on every page shown
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
