/* Good-practice archive: instant filtering (progressive enhancement).
 *
 * Without JavaScript the archive links to static facet pages. With it, the hidden
 * checkbox form is shown and filters the list in place. The filter state lives in the
 * URL query (?kriterium=innovativ&kriterium=nachhaltig&netzwerk=niedersachsen), so a
 * filtered view can be shared and bookmarked; opening such a URL restores the filter.
 * Criteria combine with AND (a sheet must meet every chosen criterion); several values
 * of another facet combine with OR; different facets combine with AND.
 * All work is linear in the number of sheets (one pass per change).
 */
(function () {
  "use strict";

  var FACETS = ["kriterium", "netzwerk", "zielgruppe", "thema", "foerderrunde"];
  var ALL_REQUIRED = { kriterium: true };

  var form = document.querySelector("[data-gp-filter]");
  var list = document.querySelector("[data-gp-list]");
  if (!form || !list || !window.URLSearchParams || !window.history || !history.replaceState) {
    return;
  }
  var links = document.querySelector("[data-gp-links]");
  var heading = document.querySelector("[data-gp-count]");
  var status = document.querySelector("[data-gp-status]");
  var empty = document.querySelector("[data-gp-empty]");
  var reset = form.querySelector("[data-gp-reset]");
  var boxes = Array.prototype.slice.call(form.querySelectorAll("input[type=checkbox]"));

  // Read every sheet's facet values once.
  var items = Array.prototype.slice.call(list.children).map(function (element) {
    var values = {};
    FACETS.forEach(function (facet) {
      values[facet] = (element.getAttribute("data-" + facet) || "").split(" ").filter(Boolean);
    });
    return { element: element, values: values };
  });

  function selected() {
    var chosen = {};
    FACETS.forEach(function (facet) { chosen[facet] = []; });
    boxes.forEach(function (box) {
      if (box.checked && chosen[box.name]) { chosen[box.name].push(box.value); }
    });
    return chosen;
  }

  function matchesFacet(item, facet, wanted) {
    if (!wanted.length) { return true; }
    var have = item.values[facet];
    if (ALL_REQUIRED[facet]) {
      return wanted.every(function (value) { return have.indexOf(value) !== -1; });
    }
    return wanted.some(function (value) { return have.indexOf(value) !== -1; });
  }

  function plural(count) {
    var pattern = heading.getAttribute(count === 1 ? "data-gp-one" : "data-gp-many");
    return pattern.replace("{n}", String(count));
  }

  function apply(announce) {
    var chosen = selected();
    var counts = {};
    FACETS.forEach(function (facet) { counts[facet] = {}; });
    var shown = 0;
    items.forEach(function (item) {
      // Which facets does the item fail? Counts of a facet consider all other facets.
      var failed = FACETS.filter(function (facet) { return !matchesFacet(item, facet, chosen[facet]); });
      var visible = failed.length === 0;
      item.element.hidden = !visible;
      if (visible) { shown += 1; }
      FACETS.forEach(function (facet) {
        // AND facets: an option's count is how many shown sheets also have it.
        // OR facets: how many sheets would be shown with the option added.
        var counts_here = ALL_REQUIRED[facet] ? visible :
          failed.length === 0 || (failed.length === 1 && failed[0] === facet);
        if (!counts_here) { return; }
        item.values[facet].forEach(function (value) {
          counts[facet][value] = (counts[facet][value] || 0) + 1;
        });
      });
    });
    boxes.forEach(function (box) {
      var count = box.parentNode.querySelector("[data-gp-option-count]");
      if (count) { count.textContent = "(" + (counts[box.name][box.value] || 0) + ")"; }
    });
    heading.textContent = plural(shown);
    if (empty) { empty.hidden = shown !== 0; }
    if (announce && status) {
      status.textContent = heading.getAttribute("data-gp-found").replace("{n}", plural(shown));
    }
    return chosen;
  }

  function writeQuery(chosen) {
    var params = new URLSearchParams();
    FACETS.forEach(function (facet) {
      chosen[facet].forEach(function (value) { params.append(facet, value); });
    });
    var query = params.toString();
    history.replaceState(null, "", location.pathname + (query ? "?" + query : "") + location.hash);
  }

  function readQuery() {
    var params = new URLSearchParams(location.search);
    boxes.forEach(function (box) {
      box.checked = params.getAll(box.name).indexOf(box.value) !== -1;
    });
  }

  form.hidden = false;
  if (links) { links.hidden = true; }
  readQuery();
  apply(false);

  form.addEventListener("change", function () { writeQuery(apply(true)); });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  if (reset) {
    reset.addEventListener("click", function () {
      boxes.forEach(function (box) { box.checked = false; });
      writeQuery(apply(true));
    });
  }
}());
