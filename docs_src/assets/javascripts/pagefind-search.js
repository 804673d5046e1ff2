/* Paper Atlas: Material's search dialog, answered by Pagefind (see generator/site_search.py).
 *
 * A web worker that speaks the messages of Material's own search worker: SETUP (0) is answered
 * with READY (1) at once, without loading anything; each QUERY (2) with a RESULT (3) listing the
 * best pages, each as Material's result list draws them. Pagefind (the site's pagefind/ folder)
 * is loaded at the first query, and each query loads only the index chunks of its words and the
 * fragments of the pages listed, whatever the size of the collection.
 */
(function () {
  "use strict";
  /** Pages listed per query: Pagefind loads one fragment for each. */
  var LISTED = 20;
  /** Pagefind's ranking, its defaults but for a stronger preference for whole words over longer
   * words they begin ("SEA" finds the SEA paper before R1-Searcher); see benchmarks/SEARCH.md. */
  var RANKING = { termSimilarity: 6.0 };
  // This file is assets/javascripts/pagefind-search.js in the site.
  var base = new URL("../../", self.location.href);
  var language = "en";
  var pagefind = null;
  var waiting = null;
  var busy = false;

  function load() {
    if (pagefind === null) {
      pagefind = import(new URL("pagefind/pagefind.js", base).href).then(function (module) {
        // Result URLs under the site's own path, wherever it is served from.
        return module.options({ baseUrl: base.pathname, ranking: RANKING })
          .then(function () { return module.init(language); })
          .then(function () { return module; });
      });
    }
    return pagefind;
  }

  function escapeHTML(text) {
    return String(text)
      .replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  }

  /** Return the words of `query` as Material's results name them (all found: Pagefind lists
   * only pages that hold every word). */
  function terms(query) {
    var found = {};
    query.toLowerCase().split(/[\s:]+/).forEach(function (word) {
      if (word) found[word] = true;
    });
    return found;
  }

  /** Return a page's address relative to the site, as Material's result list expects it. */
  function relative(url) {
    var page = new URL(url, base).href;
    return page.indexOf(base.href) === 0 ? page.slice(base.href.length) : page;
  }

  function item(data, score, found) {
    return [{
      location: relative(data.url),
      title: escapeHTML(data.meta.title || data.url),
      text: data.excerpt,
      score: score,
      terms: found,
    }];
  }

  function answer(query) {
    if (!query.trim()) return Promise.resolve({ items: [] });
    return load().then(function (module) {
      // Pagefind's index joins the parts of a word around "^" ("X^2-Gaussian" is x2gaussian); its
      // query reading splits them, and found nothing.
      return module.search(query.replace(/\^/g, ""));
    }).then(function (search) {
      var best = search.results.slice(0, LISTED);
      return Promise.all(best.map(function (result) { return result.data(); })).then(function (pages) {
        var found = terms(query);
        return {
          items: pages.map(function (data, i) { return item(data, best[i].score, found); }),
        };
      });
    });
  }

  /* Answer the latest query only: one typed letter by letter sends one query a key. */
  function next() {
    if (busy || waiting === null) return;
    var query = waiting;
    waiting = null;
    busy = true;
    answer(query).then(function (result) {
      if (waiting === null) self.postMessage({ type: 3, data: result });
    }, function (error) {
      console.error("Paper Atlas search:", error);
      if (waiting === null) self.postMessage({ type: 3, data: { items: [] } });
    }).then(function () {
      busy = false;
      next();
    });
  }

  self.addEventListener("message", function (event) {
    var message = event.data;
    if (message.type === 0) {
      var lang = message.data && message.data.config && message.data.config.lang;
      if (lang && lang.length) language = lang[0];
      self.postMessage({ type: 1 });
    } else if (message.type === 2) {
      waiting = String(message.data);
      next();
    }
  });
})();
