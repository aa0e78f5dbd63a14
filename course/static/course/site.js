/* Progressive enhancement only: every page works without this file. */
(function () {
  "use strict";

  // Ordering questions: "Move up/down" buttons keep the position selects in step.
  function enhanceOrdering(list) {
    var items = Array.prototype.slice.call(list.querySelectorAll(".ordering__item"));
    function renumber() {
      Array.prototype.forEach.call(list.querySelectorAll(".ordering__item"), function (item, index) {
        item.querySelector("select").value = String(index + 1);
      });
    }
    items.forEach(function (item) {
      var text = item.querySelector(".ordering__text").textContent.trim();
      var moves = document.createElement("span");
      moves.className = "ordering__moves";
      [["up", "↑", "Move up: "], ["down", "↓", "Move down: "]].forEach(function (spec) {
        var button = document.createElement("button");
        button.type = "button";
        button.textContent = spec[1];
        button.setAttribute("aria-label", spec[2] + text);
        button.addEventListener("click", function () {
          var sibling = spec[0] === "up" ? item.previousElementSibling : item.nextElementSibling;
          if (!sibling) return;
          if (spec[0] === "up") list.insertBefore(item, sibling); else list.insertBefore(sibling, item);
          renumber();
          button.focus();
        });
        moves.appendChild(button);
      });
      item.appendChild(moves);
    });
    list.addEventListener("change", function (event) {
      if (event.target.tagName !== "SELECT") return;
      // Reorder the list to match the numbers chosen, when they form a full ranking.
      var current = Array.prototype.slice.call(list.querySelectorAll(".ordering__item"));
      var values = current.map(function (item) { return parseInt(item.querySelector("select").value, 10); });
      if (values.some(isNaN)) return;
      current.slice().sort(function (a, b) {
        return parseInt(a.querySelector("select").value, 10) - parseInt(b.querySelector("select").value, 10);
      }).forEach(function (item) { list.appendChild(item); });
      // Moving an element drops its focus: give it back, so keyboard users keep their place.
      if (document.activeElement !== event.target) event.target.focus();
    });
  }

  // Time limit: a live countdown; the server enforces the limit either way.
  function startCountdown(timer) {
    var deadline = new Date(timer.getAttribute("data-deadline")).getTime();
    var output = timer.querySelector(".quiz__countdown");
    var lastAnnounced = null;
    function tick() {
      var left = Math.max(0, Math.round((deadline - Date.now()) / 1000));
      var minutes = Math.floor(left / 60);
      var text = left > 0 ? "Time left: " + minutes + " min " + String(left % 60).padStart(2, "0") + " s" : "Time is up: submit now.";
      // Announce once a minute (and at the end), not every second.
      if (minutes !== lastAnnounced || left === 0) { output.textContent = text; lastAnnounced = minutes; }
      if (left > 0) window.setTimeout(tick, 1000);
    }
    tick();
  }

  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll("[data-ordering]"), enhanceOrdering);
    Array.prototype.forEach.call(document.querySelectorAll("[data-deadline]"), startCountdown);
    Array.prototype.forEach.call(document.querySelectorAll("[data-print]"), function (button) {
      button.addEventListener("click", function () { window.print(); });
    });
    var errors = document.getElementById("quiz-errors");
    if (errors) errors.focus();
  });
})();
