/* Good-practice archive and facet pages: what every visit needs, kept small (the page
 * weight budget counts it). The filtering itself is in good-practice-filter.js, loaded
 * on first use like the search's bundle.
 *
 * - On phones the filters sit closed behind one button („Filter (2 aktiv)“), results
 *   first; on wide screens they are an open sidebar.
 * - On the archive, the links of the no-JS filters become a form of checkboxes. The
 *   first change (or a URL with a filter query) loads good-practice-filter.js, which from
 *   then on filters, sorts and pages over all sheets.
 */
(function () {
  "use strict";

  var root = document.querySelector("[data-gp-archive]");
  if (!root) { return; }
  var panel = root.querySelector("[data-gp-panel]");
  var wide = window.matchMedia && window.matchMedia("(min-width: 60rem)");

  function fitPanel() {
    if (!panel || !wide) { return; }
    panel.open = wide.matches;
    panel.toggleAttribute("data-gp-wide", wide.matches);
  }
  fitPanel();
  if (wide && wide.addEventListener) { wide.addEventListener("change", fitPanel); }

  var links = root.querySelector("[data-gp-links]");
  if (!links || !root.querySelector("[data-gp-list]") || !window.fetch ||
      !window.URLSearchParams || !history.pushState) {
    return;
  }

  function element(name, attributes, content) {
    var made = document.createElement(name);
    Object.keys(attributes || {}).forEach(function (key) { made.setAttribute(key, attributes[key]); });
    if (content) { made.textContent = content; }
    return made;
  }

  // One checkbox for a facet link (<p class="gp-link"><a data-gp-value>Label</a> (n)</p>).
  function checkbox(paragraph, facet, hint) {
    var link = paragraph.querySelector("a"), id = "gp-" + facet + "-" + link.getAttribute("data-gp-value");
    var option = element("div", { "class": "gp-option" });
    var box = element("input", { type: "checkbox", id: id, name: facet, value: link.getAttribute("data-gp-value") });
    if (hint) { box.setAttribute("aria-describedby", hint); }
    var label = element("label", { "for": id }, link.textContent + " ");
    label.appendChild(element("span", { "class": "gp-count", "data-gp-option-count": "" },
                              paragraph.querySelector(".gp-count").textContent));
    option.appendChild(box);
    option.appendChild(label);
    return option;
  }

  // The filter form, made from the links of the no-JS filters, which it replaces: one
  // fieldset per facet, folded options („Alle … anzeigen“) folded the same way.
  function buildForm(nav) {
    var made = element("form", { "class": "gp-filter-form", "aria-labelledby": "gp-filter-titel" });
    Array.prototype.forEach.call(nav.querySelectorAll("[data-gp-facet]"), function (group) {
      var facet = group.getAttribute("data-gp-facet"), hint = null;
      if (!group.querySelector(".gp-link")) { return; }
      var fieldset = element("fieldset");
      fieldset.appendChild(element("legend", {}, group.querySelector("h3").textContent));
      if (group.hasAttribute("data-gp-hint")) {
        hint = "gp-hint-" + facet;
        fieldset.appendChild(element("p", { "class": "gp-hint", id: hint }, group.getAttribute("data-gp-hint")));
      }
      Array.prototype.forEach.call(group.children, function (child) {
        if (child.matches(".gp-link")) { fieldset.appendChild(checkbox(child, facet, hint)); }
        if (child.matches("[data-gp-more]")) {
          var more = element("details", { "class": child.className, "data-gp-more": "" });
          more.appendChild(child.querySelector("summary").cloneNode(true));
          Array.prototype.forEach.call(child.querySelectorAll(".gp-link"), function (paragraph) {
            more.appendChild(checkbox(paragraph, facet, hint));
          });
          fieldset.appendChild(more);
        }
      });
      made.appendChild(fieldset);
    });
    var reset = element("p");
    reset.appendChild(element("button", { type: "button", "class": "button gp-reset", "data-gp-reset": "" },
                              nav.getAttribute("data-gp-reset-label")));
    made.appendChild(reset);
    nav.parentNode.replaceChild(made, nav);
    return made;
  }

  var form = buildForm(links);

  // The filter script, once; it reads why it came from data-gp-wake ("query": show the
  // URL's view; "change": the reader has just chosen).
  function wake(reason) {
    if (root.hasAttribute("data-gp-wake")) { return; }
    root.setAttribute("data-gp-wake", reason);
    var script = document.createElement("script");
    script.src = root.getAttribute("data-gp-script");
    document.body.appendChild(script);
  }

  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.addEventListener("change", function () { wake("change"); });
  form.querySelector("[data-gp-reset]").addEventListener("click", function () {
    Array.prototype.forEach.call(form.elements, function (box) { box.checked = false; });
    wake("change");
  });
  if (location.search) { wake("query"); }
}());
