/* Good-practice archive: filtering, sorting and pages over all sheets, loaded by
 * good-practice.js on first use (plugins/good_practice/filterindex.py describes the data).
 *
 * The compact index comes once, and for each page shown only its cards. The state lives
 * in the URL query (?kriterium=innovativ&netzwerk=niedersachsen&sortierung=titel&seite=2),
 * so a view can be shared and bookmarked. Criteria combine with AND (a sheet must meet
 * every chosen one); several values of another facet with OR; different facets with AND.
 */
(function () {
  "use strict";

  var FACETS = ["kriterium", "netzwerk", "zielgruppe", "thema", "foerderrunde"];
  var ALL_REQUIRED = { kriterium: true };
  var root = document.querySelector("[data-gp-archive]");
  var form = root.querySelector(".gp-filter-form");
  var list = root.querySelector("[data-gp-list]");
  var base = root.getAttribute("data-gp-base");
  var heading = root.querySelector("[data-gp-count]");
  var status = root.querySelector("[data-gp-status]");
  var empty = root.querySelector("[data-gp-empty]");
  var pages = root.querySelector("[data-gp-pages]");
  var active = root.querySelector("[data-gp-active]");
  var boxes = Array.prototype.slice.call(form.querySelectorAll("input[type=checkbox]"));
  var sortLinks = Array.prototype.slice.call(root.querySelectorAll("[data-gp-sort-link]"));
  var state = { sort: root.getAttribute("data-gp-sort"), page: Number(root.getAttribute("data-gp-page")) || 1 };
  var initial = { path: location.pathname, sort: state.sort, page: state.page };
  var index = null, cards = {}, rendered = false;

  function fetchJson(url) {
    return fetch(url).then(function (response) {
      if (!response.ok) { throw new Error(response.status); }
      return response.json();
    });
  }

  function loadIndex() {
    if (!index) {
      index = fetchJson(root.getAttribute("data-gp-index")).then(function (data) {
        // Each sheet's values as slugs, per facet: {kriterium: ["innovativ"], …}.
        data.items = data.steckbriefe.map(function (entry) {
          var values = {};
          data.facetten.forEach(function (facet, position) {
            values[facet] = entry[position + 1].map(function (n) { return data.werte[facet][n]; });
          });
          return { slug: entry[0], values: values };
        });
        return data;
      });
      index.catch(function () { index = null; });  // a later try fetches again
    }
    return index;
  }

  function loadCard(data, slug) {
    if (!cards[slug]) {
      cards[slug] = fetchJson(root.getAttribute("data-gp-root") + data.karte.replace("{slug}", slug));
      cards[slug].catch(function () { delete cards[slug]; });
    }
    return cards[slug];
  }

  function chosenFilters() {
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
    var test = function (value) { return have.indexOf(value) !== -1; };
    return ALL_REQUIRED[facet] ? wanted.every(test) : wanted.some(test);
  }

  // The matching positions (newest first) and each option's count: for AND facets how
  // many shown sheets also have it, for OR facets how many the option would add.
  function select(data, chosen) {
    var counts = {}, shown = [];
    FACETS.forEach(function (facet) { counts[facet] = {}; });
    data.items.forEach(function (item, position) {
      var failed = FACETS.filter(function (f) { return !matchesFacet(item, f, chosen[f]); });
      if (!failed.length) { shown.push(position); }
      FACETS.forEach(function (facet) {
        var counted = ALL_REQUIRED[facet] ? !failed.length :
          !failed.length || (failed.length === 1 && failed[0] === facet);
        if (counted) {
          item.values[facet].forEach(function (value) { counts[facet][value] = (counts[facet][value] || 0) + 1; });
        }
      });
    });
    var order = data.sortierung[state.sort], wanted = {};  // another order: the same sheets
    shown.forEach(function (position) { wanted[position] = true; });
    if (order) { shown = order.filter(function (position) { return wanted[position]; }); }
    return { positions: shown, counts: counts };
  }

  function text(element, name, values) {
    var pattern = element.getAttribute(name);
    Object.keys(values).forEach(function (key) { pattern = pattern.replace("{" + key + "}", values[key]); });
    return pattern;
  }

  function plural(count) { return text(heading, count === 1 ? "data-gp-one" : "data-gp-many", { n: count }); }

  function query(chosen, sort, page) {
    var params = new URLSearchParams();
    FACETS.forEach(function (f) { chosen[f].forEach(function (v) { params.append(f, v); }); });
    if (sort !== "neueste") { params.append("sortierung", sort); }
    if (page > 1) { params.append("seite", String(page)); }
    var search = params.toString();
    return base + (search ? "?" + search : "");
  }

  function pageLink(chosen, number, label, current) {
    var item = document.createElement("li"), link = document.createElement("a");
    link.href = query(chosen, state.sort, number);
    link.textContent = label || String(number);
    link.setAttribute("data-gp-to-page", String(number));
    if (!label) { link.setAttribute("aria-label", text(pages, "data-gp-page-label", { n: number })); }
    if (current) { link.setAttribute("aria-current", "page"); }
    item.appendChild(link);
    return item;
  }

  // The same numbered links as paging.numbered_links: first, last, two either side.
  function renderPages(chosen, total) {
    pages.hidden = total < 2;
    pages.querySelector("[data-gp-where]").textContent =
      text(pages, "data-gp-of", { n: state.page, t: total });
    var listed = pages.querySelector("[data-gp-page-list]");
    listed.textContent = "";
    if (state.page > 1) { listed.appendChild(pageLink(chosen, state.page - 1, pages.getAttribute("data-gp-previous"))); }
    var previous = 0;
    for (var number = 1; number <= total; number += 1) {
      if (number !== 1 && number !== total && Math.abs(number - state.page) > 2) { continue; }
      if (number - previous === 2) { listed.appendChild(pageLink(chosen, previous + 1)); }
      if (number - previous > 2) {  // a gap: "…", not read out
        listed.appendChild(Object.assign(document.createElement("li"), { textContent: "…" }))
          .setAttribute("aria-hidden", "true");
      }
      listed.appendChild(pageLink(chosen, number, null, number === state.page));
      previous = number;
    }
    if (state.page < total) { listed.appendChild(pageLink(chosen, state.page + 1, pages.getAttribute("data-gp-next"))); }
  }

  function renderCounts(counts) {
    boxes.forEach(function (box) {
      box.parentNode.querySelector("[data-gp-option-count]").textContent = "(" + (counts[box.name][box.value] || 0) + ")";
    });
  }

  // What follows the choice at once: „Filter (2 aktiv)“, sort links, folded options.
  function renderChoice(chosen) {
    var number = FACETS.reduce(function (sum, facet) { return sum + chosen[facet].length; }, 0);
    active.textContent = number ? text(active, "data-gp-some", { n: number }) : active.getAttribute("data-gp-none");
    boxes.forEach(function (box) {
      var more = box.closest("[data-gp-more]");
      if (box.checked && more) { more.open = true; }  // a chosen option is never folded away
    });
    sortLinks.forEach(function (link) {
      var slug = link.getAttribute("data-gp-sort-link");
      link.href = query(chosen, slug, 1);
      if (slug === state.sort) { link.setAttribute("aria-current", "true"); } else { link.removeAttribute("aria-current"); }
    });
  }

  // Show what the state asks for: count, cards of the page, page links, option counts.
  function render(announce, focus) {
    var chosen = chosenFilters();
    renderChoice(chosen);
    list.setAttribute("aria-busy", "true");
    return loadIndex().then(function (data) {
      var result = select(data, chosen);
      var size = data.seitengroesse, total = Math.max(1, Math.ceil(result.positions.length / size));
      var asked = state.page;
      state.page = Math.min(Math.max(1, state.page), total);
      if (state.page !== asked) { history.replaceState(null, "", query(chosen, state.sort, state.page)); }
      var slugs = result.positions.slice((state.page - 1) * size, state.page * size)
        .map(function (position) { return data.items[position].slug; });
      return Promise.all(slugs.map(function (slug) { return loadCard(data, slug); })).then(function (html) {
        list.innerHTML = html.join("");
        heading.textContent = plural(result.positions.length);
        empty.hidden = result.positions.length !== 0;
        renderCounts(result.counts);
        rendered = true;
        renderPages(chosen, total);
        if (announce) { status.textContent = text(heading, "data-gp-found", { n: plural(result.positions.length) }); }
        if (focus) { heading.focus(); }
        list.removeAttribute("aria-busy");
      });
    }).catch(function () {  // offline or a file missing: say so, keep what is shown
      list.removeAttribute("aria-busy");
      status.textContent = root.getAttribute("data-gp-error");
    });
  }

  function readQuery() {
    var params = new URLSearchParams(location.search);
    boxes.forEach(function (box) { box.checked = params.getAll(box.name).indexOf(box.value) !== -1; });
    if (params.has("sortierung")) { state.sort = params.get("sortierung"); }
    if (params.has("seite")) { state.page = Number(params.get("seite")) || 1; }
  }

  // A new view in the URL: another page of the same list is a step the back button undoes ("push");
  // another filter or order replaces the entry and starts at page 1.
  function show(how, page) {
    state.page = page || 1;
    history[how === "push" ? "pushState" : "replaceState"](null, "", query(chosenFilters(), state.sort, state.page));
    render(how !== "push", how === "push");
  }

  // The change that woke this script (good-practice.js) is shown like every later one.
  if (root.getAttribute("data-gp-wake") === "query") {
    readQuery();
    render(false, false);
  } else {
    show("replace");
  }
  form.addEventListener("change", function () { show("replace"); });
  form.querySelector("[data-gp-reset]").addEventListener("click", function () {
    boxes.forEach(function (box) { box.checked = false; });
    show("replace");
  });
  // Page links the script made, and, once the list is the script's, the sort links:
  // shown without reloading. The static pages' own links load those pages.
  root.addEventListener("click", function (event) {
    var link = event.target.closest(rendered ? "[data-gp-to-page], [data-gp-sort-link]" : "[data-gp-to-page]");
    if (!link || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) { return; }
    event.preventDefault();
    if (link.hasAttribute("data-gp-sort-link")) {
      state.sort = link.getAttribute("data-gp-sort-link");
      show("replace");
    } else {
      show("push", Number(link.getAttribute("data-gp-to-page")));
    }
  });
  window.addEventListener("popstate", function () {
    var here = location.pathname === initial.path;
    state.sort = here ? initial.sort : "neueste";
    state.page = here ? initial.page : 1;
    readQuery();
    render(false, false);
  });
}());
