/*
 * rapport: the little JavaScript the pages use. Every page works without
 * it; this only makes the people search answer as you type. Results are
 * built with DOM calls and textContent, never HTML strings, so a name is
 * always shown as text.
 */
(function () {
  "use strict";

  function personItem(hit) {
    var li = document.createElement("li");
    var a = document.createElement("a");
    a.href = "/people/" + encodeURIComponent(String(hit.person_id));
    a.textContent = hit.name || "";
    li.appendChild(a);
    var extra = [hit.title, hit.org_name].filter(function (s) {
      return s;
    }).join(", ");
    if (extra) {
      var span = document.createElement("span");
      span.className = "why";
      span.textContent = " " + extra;
      li.appendChild(document.createTextNode(" "));
      li.appendChild(span);
    }
    return li;
  }

  function setupSearch() {
    var form = document.getElementById("people-search");
    var input = document.getElementById("q");
    var list = document.getElementById("people-results");
    var status = document.getElementById("people-status");
    if (!form || !input || !list || !status || !window.fetch) return;
    var original = list.cloneNode(true);
    var originalStatus = status.textContent;
    var timer = null;
    var seq = 0;

    function restore() {
      list.replaceChildren.apply(list,
        Array.prototype.slice.call(original.cloneNode(true).childNodes));
      status.textContent = originalStatus;
    }

    function run() {
      var q = input.value.trim();
      var mine = ++seq;
      if (!q) {
        restore();
        return;
      }
      fetch("/api/v1/search?limit=20&q=" + encodeURIComponent(q), {
        headers: { Accept: "application/json" }
      }).then(function (resp) {
        if (!resp.ok) throw new Error("search failed: " + resp.status);
        return resp.json();
      }).then(function (body) {
        if (mine !== seq) return;
        var items = body.items || [];
        list.replaceChildren.apply(list, items.map(personItem));
        status.textContent = items.length +
          (items.length === 1 ? " person matches" : " people match") +
          " \u201c" + q + "\u201d.";
      }).catch(function () {
        if (mine !== seq) return;
        status.textContent = "Search is not answering; press Show to " +
          "search without it.";
      });
    }

    input.addEventListener("input", function () {
      if (timer) clearTimeout(timer);
      timer = setTimeout(run, 150);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setupSearch);
  } else {
    setupSearch();
  }
})();
