/* The site's search: runs a query against the lunr index built at build time
   (search/index.js sets window.SITE_SEARCH) and lists the sections found. Nothing fetched: works
   from file:// as from a server. ?q=word in the address searches on load. Every text shown
   is set as text (textContent), never as markup. */
(function () {
  "use strict";
  var form = document.getElementById("site-search");
  if (!form || !window.lunr || !window.SITE_SEARCH) { return; }
  var root = form.getAttribute("data-root") || "";
  var input = document.getElementById("site-search-q");
  var out = document.getElementById("site-search-results");
  var data = window.SITE_SEARCH;
  var index = window.lunr.Index.load(data.index);
  var LIMIT = 20;

  function search(q) {
    var tries = [q, q.split(/\s+/).map(function (w) { return w + "*"; }).join(" ")];
    for (var i = 0; i < tries.length; i++) {
      try {
        var hits = index.search(tries[i]);
        if (hits.length) { return hits; }
      } catch (e) { /* a query lunr cannot parse: try the next form */ }
    }
    var plain = q.replace(/[^\p{L}\p{N}\s]/gu, " ").trim();
    if (plain && plain !== q) { try { return index.search(plain); } catch (e) { return []; } }
    return [];
  }

  function run() {
    var q = input.value.trim();
    while (out.firstChild) { out.removeChild(out.firstChild); }
    if (!q) { return; }
    var hits = search(q);
    var status = document.createElement("p");
    status.className = "search-status";
    status.textContent = hits.length === 0 ? "Nothing found for \u201c" + q + "\u201d." :
      hits.length + (hits.length === 1 ? " section" : " sections") + " found" +
      (hits.length > LIMIT ? " (the first " + LIMIT + " shown)" : "") + ".";
    out.appendChild(status);
    var list = document.createElement("ol");
    hits.slice(0, LIMIT).forEach(function (hit) {
      var doc = data.docs[hit.ref];
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = root + doc.url;
      link.textContent = doc.title + (doc.title !== doc.page ? " \u2014 " + doc.page : "");
      var snippet = document.createElement("span");
      snippet.className = "search-snippet";
      snippet.textContent = " " + doc.text.slice(0, 160) + (doc.text.length > 160 ? "\u2026" : "");
      item.appendChild(link);
      item.appendChild(snippet);
      list.appendChild(item);
    });
    if (hits.length) { out.appendChild(list); }
  }

  form.addEventListener("submit", function (e) { e.preventDefault(); run(); });
  input.addEventListener("input", run);
  var given = new URLSearchParams(window.location.search).get("q");
  if (given) { input.value = given; run(); }
})();
