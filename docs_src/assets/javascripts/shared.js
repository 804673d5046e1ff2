// Paper Atlas: what the site's scripts share. Every text from the data goes into the page as
// text (textContent), never as HTML, and nothing is fetched from outside the site.

// The site's root URL, from Material's page config: the site may be served below a path.
export function siteBase() {
  var config = document.getElementById("__config");
  var base = config ? JSON.parse(config.textContent).base : ".";
  return new URL(base.replace(/\/?$/, "/"), window.location.href);
}

export function siteUrl(path) {
  return new URL(path, siteBase()).href;
}

export function paperUrl(slug) {
  return siteUrl("papers/" + encodeURIComponent(slug) + "/");
}

// A new element with attributes set, and its text when given.
export function element(tag, attributes, text) {
  var node = document.createElement(tag);
  Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, attributes[name]); });
  if (text !== undefined) node.textContent = text;
  return node;
}

// The JSON at a path relative to this page; rejects when it cannot be loaded.
export function loadJson(path) {
  return fetch(new URL(path, window.location.href)).then(function (response) {
    if (!response.ok) throw new Error("cannot load " + path + ": " + response.status);
    return response.json();
  });
}

// Say in the page, in place of a container's content, that it could not be shown, and why; and
// in the console, where a bug in the drawing would otherwise have gone.
export function showFailure(container, what, error) {
  console.error(error);
  container.replaceChildren(element("p", { class: "atlas-failure", role: "alert" }, what + " could not be shown: " + error.message));
  container.dataset.ready = "failed";
}

// Run `setUp` on the page now shown, and again on each page Material's instant navigation shows.
export function onEveryPage(setUp) {
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setUp);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
}
