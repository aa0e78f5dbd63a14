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
      // Tell the form (autosave) that the answer changed.
      list.dispatchEvent(new Event("change", { bubbles: true }));
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

  // Time limit: a clock that ticks every second (not read out), an announcer that says
  // "five minutes" and "one minute" left once each, and at zero the form submits itself.
  // The server enforces the limit either way and grades the saved answers if nothing arrives.
  function startCountdown(timer) {
    var deadline = new Date(timer.getAttribute("data-deadline")).getTime();
    var clock = timer.querySelector(".quiz__countdown");
    var announcer = timer.querySelector("[data-timer-announcer]");
    var local = timer.querySelector("[data-local-time]");
    var form = document.querySelector("form.quiz-form");
    var announced = {}, previous = null;
    if (local) {
      // The deadline in the learner's own time zone (the page says UTC without JavaScript).
      local.textContent = new Date(deadline).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", timeZoneName: "short" });
    }
    clock.hidden = false;
    function say(key, text) {
      if (announced[key]) return;
      announced[key] = true;
      announcer.textContent = text;
    }
    function tick() {
      var left = Math.max(0, Math.ceil((deadline - Date.now()) / 1000));
      var minutes = Math.floor(left / 60);
      clock.textContent = timer.getAttribute("data-left") + " " + minutes + ":" + String(left % 60).padStart(2, "0");
      // Five minutes: said when the clock passes it here (not on opening a page with less left).
      if (previous !== null && previous > 300 && left <= 300) say("five", timer.getAttribute("data-five"));
      if (left <= 60 && left > 0) say("one", timer.getAttribute("data-one"));
      previous = left;
      if (left === 0) {
        say("up", timer.getAttribute("data-up"));
        if (form && !form.hasAttribute("data-submitting")) {
          form.setAttribute("data-submitting", "");
          var submit = form.querySelector("[data-submit]");
          if (form.requestSubmit) form.requestSubmit(submit); else form.submit();
        }
        return;
      }
      // Next tick when the shown second changes (the deadline need not fall on a whole second).
      window.setTimeout(tick, ((deadline - Date.now()) % 1000) || 1000);
    }
    tick();
  }

  function readCookie(name) {
    var match = document.cookie.match(new RegExp("(?:^|; )" + name + "=([^;]*)"));
    return match ? decodeURIComponent(match[1]) : null;
  }

  // Autosave: each change posts the whole form (one small request, debounced) as the open
  // attempt's draft. The status line is polite: it never interrupts a screen reader.
  function startAutosave(form) {
    var url = form.getAttribute("data-autosave");
    var status = form.querySelector("[data-save-status]");
    var timer = null, inFlight = false, again = false, retryDelay = 2000;
    function show(text) { status.textContent = text; }
    function save() {
      timer = null;
      if (inFlight) { again = true; return; }
      inFlight = true;
      var body = new FormData(form);
      body.delete("action");
      // Signing in again in another tab rotates the CSRF token: send the cookie's current one.
      var token = readCookie("csrftoken");
      if (token) body.set("csrfmiddlewaretoken", token);
      fetch(url, { method: "POST", body: body, credentials: "same-origin", headers: { "X-Requested-With": "fetch" } })
        .then(function (response) {
          return response.json().catch(function () { return {}; }).then(function (data) {
            if (response.ok) {
              retryDelay = 2000;
              show(form.getAttribute("data-saved"));
            } else if (response.status === 400) {
              show(form.getAttribute("data-refused") + " " + (data.message || ""));
            } else if (response.status === 409 && data.url) {
              window.location.assign(data.url);
            } else {
              throw new Error("status " + response.status);
            }
          });
        })
        .catch(function () {
          show(form.getAttribute("data-retrying"));
          window.setTimeout(schedule, retryDelay);
          retryDelay = Math.min(retryDelay * 2, 30000);
        })
        .then(function () {
          inFlight = false;
          if (again) { again = false; schedule(); }
        });
    }
    function schedule(delay) {
      if (timer) window.clearTimeout(timer);
      timer = window.setTimeout(save, delay === undefined ? 600 : delay);
    }
    form.addEventListener("change", function () { schedule(300); });
    form.addEventListener("input", function (event) {
      if (event.target.type === "text" || event.target.tagName === "TEXTAREA") schedule(1200);
    });
    form.addEventListener("submit", function () { if (timer) window.clearTimeout(timer); });
  }

  // Glossary popovers: the browser opens and closes them (Escape, the Close button, a click
  // outside) and returns focus; this only moves an open one beside the "?" that opened it,
  // below the term or above it when there is no room, kept inside a phone-width viewport.
  var GAP = 6, EDGE = 8;
  function placeBeside(popover, button) {
    var spot = button.getBoundingClientRect();
    var box = popover.getBoundingClientRect();
    var left = Math.min(Math.max(EDGE, spot.left - box.width / 2), window.innerWidth - box.width - EDGE);
    var top = spot.bottom + GAP;
    if (top + box.height > window.innerHeight - EDGE && spot.top - GAP - box.height >= EDGE) {
      top = spot.top - GAP - box.height;
    }
    popover.style.left = Math.max(EDGE, left) + "px";
    popover.style.top = Math.max(EDGE, top) + "px";
  }
  function enhanceGlossaryPopover(button) {
    var popover = document.getElementById(button.getAttribute("popovertarget"));
    if (!popover || typeof popover.showPopover !== "function") return;
    function follow() { placeBeside(popover, button); }
    popover.classList.add("gloss__popover--placed");
    popover.addEventListener("toggle", function (event) {
      if (event.newState === "open") {
        follow();
        window.addEventListener("scroll", follow, { passive: true });
        window.addEventListener("resize", follow);
      } else {
        window.removeEventListener("scroll", follow);
        window.removeEventListener("resize", follow);
      }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll("[data-ordering]"), enhanceOrdering);
    Array.prototype.forEach.call(document.querySelectorAll("[data-deadline]"), startCountdown);
    Array.prototype.forEach.call(document.querySelectorAll("form[data-autosave]"), startAutosave);
    Array.prototype.forEach.call(document.querySelectorAll(".gloss__button"), enhanceGlossaryPopover);
    Array.prototype.forEach.call(document.querySelectorAll("[data-print]"), function (button) {
      button.addEventListener("click", function () { window.print(); });
    });
    var errors = document.getElementById("quiz-errors");
    if (errors) errors.focus();
  });
})();
