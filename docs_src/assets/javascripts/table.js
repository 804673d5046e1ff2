// Paper Atlas: the Table page, every paper as a row, sorted and filtered in the browser. The rows
// come from the JSON file the container names (table.json, written by the generator).
import { element, loadJson, paperUrl, showFailure } from "./shared.js";
import { exportButtons, star } from "./reading-list.js";

var ROWS_PER_PAGE = 100;

export function setUpTable(container) {
  if (container.dataset.ready) return;
  container.dataset.ready = "loading";
  var started = performance.now();
  loadJson(container.dataset.source).then(function (data) {
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
  }).catch(function (error) { showFailure(container, "The table", error); });
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

var COLUMNS = [
  ["title", "Title"], ["short_name", "Short name"], ["topicLabels", "Topics"], ["date", "Date"],
  ["code", "Code"], ["models", "Models"], ["benchmarks", "Benchmarks"], ["datasets", "Datasets"],
];

// The filters above the table: words of the title or short name, topic, model, benchmark, dataset
// (a corpus or training set, not evaluated on), code.
function filters(data, rows) {
  var search = element("input", { type: "search", placeholder: "Filter by title or short name", "aria-label": "Filter by title or short name" });
  var topic = element("select", { "aria-label": "Topic" });
  options(topic, "All topics", data.topics.slice().sort(function (a, b) { return a.localeCompare(b); }));
  var model = element("select", { "aria-label": "Model family" });
  options(model, "All model families", distinct(rows, "models"));
  var benchmark = element("select", { "aria-label": "Benchmark" });
  options(benchmark, "All benchmarks", distinct(rows, "benchmarks"));
  var dataset = element("select", { "aria-label": "Dataset" });
  options(dataset, "All datasets", distinct(rows, "datasets"));
  var codeLabel = element("label", {});
  var code = element("input", { type: "checkbox" });
  codeLabel.appendChild(code);
  codeLabel.appendChild(document.createTextNode(" with code"));
  return {
    inputs: [search, topic, model, benchmark, dataset, code],
    nodes: [search, topic, model, benchmark, dataset, codeLabel],
    // A test of whether a row passes the filters as they are set now.
    matcher: function () {
      var words = search.value.toLowerCase().split(/\s+/).filter(Boolean);
      return function (row) {
        return words.every(function (w) { return row.text.indexOf(w) >= 0; }) &&
          (!topic.value || row.topicLabels.indexOf(topic.value) >= 0) &&
          (!model.value || row.models.indexOf(model.value) >= 0) &&
          (!benchmark.value || row.benchmarks.indexOf(benchmark.value) >= 0) &&
          (!dataset.value || row.datasets.indexOf(dataset.value) >= 0) &&
          (!code.checked || row.code);
      };
    },
  };
}

// Order rows by a column, empty values last whichever the direction, then by title.
function byColumn(sort, reverse) {
  function key(row) {
    var value = row[sort];
    return Array.isArray(value) ? value.join(", ") : String(value || "");
  }
  return function (a, b) {
    var ka = key(a), kb = key(b);
    if (!ka !== !kb) return ka ? -1 : 1;
    var order = ka.localeCompare(kb) || a.title.localeCompare(b.title);
    return reverse ? -order : order;
  };
}

function tableRow(row) {
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
  tr.appendChild(element("td", {}, row.datasets.join(", ")));
  var starCell = element("td", { class: "atlas-star-cell" });
  starCell.appendChild(star(row.slug, row.title, true));
  tr.appendChild(starCell);
  return tr;
}

function buildTable(container, data, rows) {
  var state = { sort: "title", reverse: false, page: 0, shown: [] };
  var filter = filters(data, rows);
  var controls = element("div", { class: "atlas-controls" });
  filter.nodes.forEach(function (c) { controls.appendChild(c); });
  // The reading list (reading-list.js): a star per row, and an export of the rows as filtered.
  controls.appendChild(exportButtons(function () {
    return state.shown.map(function (row) { return row.slug; });
  }, "table"));
  var count = element("p", { class: "atlas-count", "aria-live": "polite" });
  var scroller = element("div", { class: "atlas-scroll" });
  var table = element("table", {});
  var head = element("tr", {});
  COLUMNS.forEach(function (column) {
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
  head.appendChild(element("th", { scope: "col", class: "atlas-star-cell" }, "My list"));
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
  filter.inputs.forEach(function (input, i) {
    input.addEventListener(i === 0 ? "input" : "change", function () { state.page = 0; render(); });
  });
  container.replaceChildren(controls, count, scroller, pager);

  function render() {
    var shown = rows.filter(filter.matcher());
    shown.sort(byColumn(state.sort, state.reverse));
    state.shown = shown;
    var pages = Math.max(1, Math.ceil(shown.length / ROWS_PER_PAGE));
    state.page = Math.min(Math.max(state.page, 0), pages - 1);
    count.textContent = shown.length + " of " + rows.length + " papers";
    where.textContent = "page " + (state.page + 1) + " of " + pages;
    previous.disabled = state.page === 0;
    next.disabled = state.page >= pages - 1;
    head.querySelectorAll("th[aria-sort]").forEach(function (th, i) {
      th.setAttribute("aria-sort", COLUMNS[i][0] === state.sort ? (state.reverse ? "descending" : "ascending") : "none");
    });
    var fragment = document.createDocumentFragment();
    shown.slice(state.page * ROWS_PER_PAGE, (state.page + 1) * ROWS_PER_PAGE).forEach(function (row) {
      fragment.appendChild(tableRow(row));
    });
    tbody.replaceChildren(fragment);
  }
  render();
}
