/* The class exports page: while an export is queued or being prepared, re-read the page now and
   then and update the rows whose status changed, saying so to screen readers. Progressive
   enhancement only: without it, refreshing the page shows the same. */
(function () {
  "use strict";

  var region = document.querySelector("[data-class-exports]");
  if (!region || !window.fetch || !window.DOMParser) return;
  var announcer = region.querySelector("[data-export-announcer]");
  var delay = 2000;
  var giveUpAt = Date.now() + 10 * 60 * 1000; // a worker that is not running will not start by waiting

  function rows(root) {
    var found = {};
    Array.prototype.forEach.call(root.querySelectorAll("tr[data-export-status]"), function (row) {
      found[row.id] = row;
    });
    return found;
  }

  function update(html) {
    var fresh = new DOMParser().parseFromString(html, "text/html").querySelector("[data-class-exports]");
    if (!fresh) return false;
    var current = rows(region);
    var incoming = rows(fresh);
    var news = [];
    Object.keys(incoming).forEach(function (id) {
      var row = incoming[id];
      var old = current[id];
      if (!old || old.getAttribute("data-export-status") === row.getAttribute("data-export-status")) return;
      old.replaceWith(document.importNode(row, true));
      var status = row.querySelector("[data-export-status-text]");
      news.push(row.getAttribute("data-export-label") + ": " + (status ? status.textContent.replace(/\s+/g, " ").trim() : ""));
    });
    if (news.length && announcer) announcer.textContent = news.join(". ");
    return fresh.hasAttribute("data-pending");
  }

  function poll() {
    if (Date.now() > giveUpAt) return;
    window.setTimeout(function () {
      window.fetch(window.location.href, { credentials: "same-origin", headers: { Accept: "text/html" } })
        .then(function (response) {
          if (!response.ok) throw new Error(response.status);
          return response.text();
        })
        .then(function (html) {
          if (update(html)) {
            delay = Math.min(delay * 1.5, 15000);
            poll();
          } else {
            region.removeAttribute("data-pending");
          }
        })
        .catch(function () { /* leave the page as it is: a refresh still shows the truth */ });
    }, delay);
  }

  if (region.hasAttribute("data-pending")) poll();
})();
