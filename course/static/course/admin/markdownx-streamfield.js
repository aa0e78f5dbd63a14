/*
 * django-markdownx starts its editors once, on DOMContentLoaded. Wagtail renders
 * StreamField blocks with JavaScript, both at load and whenever an editor adds a
 * block, so those editors would get no live preview. This watches the page for
 * editors that markdownx has not started yet and re-runs markdownx's own
 * initialiser (its bundle starts every editor without `data-markdownx-init`).
 */
(function () {
  "use strict";
  var pending = false;

  function markdownxSrc() {
    var tag = document.querySelector('script[src*="markdownx/js/markdownx"]');
    return tag && tag.src;
  }
  function uninitialised() {
    return document.querySelectorAll(".markdownx .markdownx-editor:not([data-markdownx-init])");
  }

  function start() {
    pending = false;
    var src = markdownxSrc();
    if (!src || !uninitialised().length) return;
    var script = document.createElement("script");
    script.src = src;
    script.onload = function () { script.remove(); };
    document.head.appendChild(script);
  }

  function schedule() {
    if (pending) return;
    pending = true;
    window.setTimeout(start, 50);
  }

  new MutationObserver(schedule).observe(document.documentElement, { childList: true, subtree: true });
  document.addEventListener("DOMContentLoaded", schedule);
})();
