/* Paper Atlas: make pasted titles searchable.
 *
 * Material's search worker hands the query to Lunr's query parser, which reads `word:` as a
 * field name: a pasted title like "YuLan-Mini: An Open ..." throws "unrecognised field" and the
 * search shows nothing. Before a query reaches the worker, turn every colon that does not follow
 * one of the index's own fields into a space. Queries are message type 2 (QUERY) in Material.
 */
(function () {
  "use strict";
  var FIELD = /(^|\s)(title|text|tags):(?=\S)/g;
  var send = Worker.prototype.postMessage;

  function cleanQuery(query) {
    var kept = [];
    var marked = query.replace(FIELD, function (match, space, field) {
      kept.push(field);
      return space + "\u0000" + (kept.length - 1) + "\u0000";
    });
    return marked
      .replace(/:/g, " ")
      // eslint-disable-next-line no-control-regex -- NUL marks a kept field: no typed query holds one
      .replace(/\u0000(\d+)\u0000/g, function (match, n) { return kept[+n] + ":"; });
  }

  Worker.prototype.postMessage = function (message) {
    if (message && message.type === 2 && typeof message.data === "string") {
      arguments[0] = { type: message.type, data: cleanQuery(message.data) };
    }
    return send.apply(this, arguments);
  };
})();
