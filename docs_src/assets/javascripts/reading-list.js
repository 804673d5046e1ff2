// Paper Atlas: a reading list that needs no server. A star on each paper page and table row keeps
// the paper in this browser's own storage (localStorage); the "My list" page shows the list,
// exports it (and any list page its papers) as BibTeX or RIS cut from the site's own papers.bib
// and papers.ris, and suggests "more like my list" from compact paper vectors the generator
// writes (explore/vectors.json, loaded only there). Nothing leaves the browser; every text from
// the data goes into the page as text (textContent), never as HTML.
import { element, loadJson, onEveryPage, paperUrl, siteUrl } from "./shared.js";

var KEY = "paper-atlas:reading-list";
var SUGGESTIONS = 10;
var listeners = [];

// ---- The list, in localStorage ------------------------------------------------------------

export function load() {
  try {
    var value = JSON.parse(window.localStorage.getItem(KEY) || "[]");
    return Array.isArray(value)
      ? value.filter(function (item) { return item && typeof item.slug === "string" && typeof item.title === "string"; })
      : [];
  } catch {
    return []; // storage disabled, or a value this script did not write
  }
}

function save(list) {
  try {
    window.localStorage.setItem(KEY, JSON.stringify(list));
  } catch {
    // storage full or disabled: the star still shows the state of this page
  }
  listeners.forEach(function (listener) { listener(list); });
}

function has(slug) {
  return load().some(function (item) { return item.slug === slug; });
}

function toggle(slug, title) {
  var list = load();
  var kept = list.filter(function (item) { return item.slug !== slug; });
  if (kept.length === list.length) kept.push({ slug: slug, title: title });
  save(kept);
}

function showStar(button) {
  var on = has(button.dataset.slug);
  button.setAttribute("aria-pressed", on ? "true" : "false");
  if (button.dataset.compact) {
    button.textContent = on ? "★" : "☆";
    button.setAttribute("aria-label", (on ? "In my list: " : "Add to my list: ") + button.dataset.title);
  } else {
    button.textContent = on ? "★ In my list" : "☆ Add to my list";
  }
  button.title = on ? "Remove from my reading list" : "Keep in my reading list (this browser only)";
}

// A star button for a paper; clicking it adds the paper to the list or takes it out. A compact
// star (for table rows) is the symbol alone, its label saying which paper it keeps.
export function star(slug, title, compact) {
  var button = element("button", { type: "button", class: "atlas-star", "data-slug": slug });
  button.dataset.title = title;
  if (compact) button.dataset.compact = "true";
  showStar(button);
  button.addEventListener("click", function () {
    toggle(slug, button.dataset.title);
    showStar(button);
  });
  return button;
}

// ---- Exports: entries cut from the site's own files ---------------------------------------

function fetchText(path) {
  return fetch(siteUrl(path)).then(function (response) {
    if (!response.ok) throw new Error("cannot load " + path + ": " + response.status);
    return response.text();
  });
}

var FORMATS = {
  bib: {
    file: "papers.bib", type: "application/x-bibtex",
    split: function (text) { return text.split(/\n(?=@)/); },
    key: function (entry) { var m = /^@\w+\{([^,\n]+),/.exec(entry.trim()); return m ? m[1] : ""; },
    join: function (entries) { return entries.map(function (e) { return e.trim() + "\n"; }).join("\n"); },
  },
  ris: {
    file: "papers.ris", type: "application/x-research-info-systems",
    split: function (text) { return text.split(/^ER {2}-.*$/m).filter(function (e) { return e.trim(); }); },
    key: function (entry) { var m = /^ID {2}- (.*)$/m.exec(entry); return m ? m[1].trim() : ""; },
    join: function (entries) { return entries.map(function (e) { return e.trim() + "\nER  - \n"; }).join("\n"); },
  },
};

// Return the entries of `slugs` in a format ("bib" or "ris"), in the order of `slugs`.
export function entriesOf(slugs, format) {
  var spec = FORMATS[format];
  return fetchText(spec.file).then(function (text) {
    var byKey = {};
    spec.split(text).forEach(function (entry) { byKey[spec.key(entry)] = entry; });
    return spec.join(slugs.filter(function (s) { return byKey[s]; }).map(function (s) { return byKey[s]; }));
  });
}

function download(slugs, format, name, status) {
  if (status) status.textContent = "Preparing " + name + "…";
  return entriesOf(slugs, format).then(function (text) {
    var link = element("a", { download: name });
    link.href = URL.createObjectURL(new Blob([text], { type: FORMATS[format].type }));
    // Clicked detached from the page: in it, Material's instant navigation would take the click.
    link.click();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
    if (status) status.textContent = slugs.length + (slugs.length === 1 ? " paper" : " papers") + " exported as " + name + ".";
    return text;
  }).catch(function (error) {
    if (status) status.textContent = "Export failed: " + error.message;
  });
}

// Buttons that export the papers `slugsOf()` returns when clicked, as BibTeX and as RIS.
export function exportButtons(slugsOf, stem) {
  var box = element("div", { class: "atlas-export-buttons" });
  var status = element("span", { class: "atlas-export-status", "aria-live": "polite" });
  [["bib", "BibTeX"], ["ris", "RIS"]].forEach(function (pair) {
    var button = element("button", { type: "button", "data-format": pair[0] }, "Export " + pair[1]);
    button.addEventListener("click", function () {
      var slugs = slugsOf();
      if (!slugs.length) { status.textContent = "Nothing to export."; return; }
      download(slugs, pair[0], stem + "." + pair[0], status);
    });
    box.appendChild(button);
  });
  box.appendChild(status);
  return box;
}

// ---- More like my list ---------------------------------------------------------------------

function decode(base64) {
  var bytes = atob(base64), vector = new Float32Array(bytes.length);
  for (var i = 0; i < bytes.length; i += 1) {
    var b = bytes.charCodeAt(i);
    vector[i] = b > 127 ? b - 256 : b;
  }
  return vector;
}

function suggestions(data, list) {
  var mine = {}, centre = new Float32Array(data.dims), vectors = {};
  list.forEach(function (item) { mine[item.slug] = true; });
  data.papers.forEach(function (row) {
    var vector = decode(row[2]);
    vectors[row[0]] = vector;
    if (mine[row[0]]) for (var i = 0; i < vector.length; i += 1) centre[i] += vector[i];
  });
  var scored = [];
  data.papers.forEach(function (row) {
    if (mine[row[0]]) return;
    var vector = vectors[row[0]], dot = 0;
    for (var i = 0; i < vector.length; i += 1) dot += vector[i] * centre[i];
    scored.push([dot, row[0], row[1]]);
  });
  scored.sort(function (a, b) { return b[0] - a[0] || (a[1] < b[1] ? -1 : 1); });
  return scored.slice(0, SUGGESTIONS);
}

// ---- Pages ---------------------------------------------------------------------------------

function paperItem(slug, title, extra) {
  var item = element("li", { "data-slug": slug });
  item.appendChild(element("a", { href: paperUrl(slug) }, title));
  item.appendChild(document.createTextNode(" "));
  item.appendChild(extra);
  return item;
}

function setUpListPage(container) {
  if (container.dataset.ready) return;
  container.dataset.ready = "true";
  var count = element("p", { class: "atlas-count", "aria-live": "polite" });
  var items = element("ul", { class: "atlas-list-items" });
  var exports = exportButtons(function () { return load().map(function (i) { return i.slug; }); }, "my-list");
  var moreHeading = element("h2", { id: "more-like-my-list" }, "More like my list");
  var more = element("ul", { class: "atlas-suggestions" });
  var moreStatus = element("p", { class: "atlas-suggestions-status" });
  container.replaceChildren(count, exports, items, moreHeading, moreStatus, more);
  var vectors = null;

  function render(list) {
    count.textContent = list.length
      ? list.length + (list.length === 1 ? " paper" : " papers") + " in your list, kept in this browser only."
      : "Your list is empty: star a paper on its page or in the Table to keep it here.";
    items.replaceChildren.apply(items, list.map(function (entry) {
      var remove = element("button", { type: "button", class: "atlas-remove" }, "Remove");
      remove.addEventListener("click", function () { toggle(entry.slug, entry.title); });
      return paperItem(entry.slug, entry.title, remove);
    }));
    if (!list.length) {
      moreStatus.textContent = "Star papers to see more like them.";
      more.replaceChildren();
      return;
    }
    var shown = function (data) {
      moreStatus.textContent = "";
      more.replaceChildren.apply(more, suggestions(data, list).map(function (row) {
        return paperItem(row[1], row[2], star(row[1], row[2]));
      }));
    };
    if (vectors) { shown(vectors); return; }
    moreStatus.textContent = "Loading…";
    loadJson(container.dataset.vectors).then(function (data) { vectors = data; shown(data); }).catch(function (error) {
      moreStatus.textContent = "Suggestions unavailable: " + error.message;
    });
  }

  listeners.push(render);
  render(load());
}

function setUpStar(container) {
  if (container.dataset.ready) return;
  container.dataset.ready = "true";
  var heading = document.querySelector("article h1");
  var title = heading ? heading.textContent.replace(/¶\s*$/, "").trim() : container.dataset.slug;
  container.replaceChildren(star(container.dataset.slug, title));
}

// A list page (a topic, a hub): export the papers it lists, as linked from its list items.
function setUpListExport(container) {
  if (container.dataset.ready) return;
  container.dataset.ready = "true";
  container.replaceChildren(exportButtons(function () {
    var slugs = [];
    document.querySelectorAll("article li > a[href*='papers/']").forEach(function (a) {
      var m = /papers\/([^/]+)\/?(?:#.*)?$/.exec(a.getAttribute("href"));
      if (m && slugs.indexOf(m[1]) < 0) slugs.push(decodeURIComponent(m[1]));
    });
    return slugs;
  }, container.dataset.stem || "papers"));
}

function setUp() {
  listeners = [];
  document.querySelectorAll(".atlas-star-slot[data-slug]").forEach(setUpStar);
  document.querySelectorAll(".atlas-reading-list[data-vectors]").forEach(setUpListPage);
  document.querySelectorAll(".atlas-list-export").forEach(setUpListExport);
}

window.atlasReadingList = { star: star, exportButtons: exportButtons, load: load, entriesOf: entriesOf }; // for the browser tests

onEveryPage(setUp);
