// The web editor's preview (/admin/, Decap CMS): each item looks roughly as on the site,
// with the site's own stylesheets. The exact page stays `invoke livereload`; this shows
// while typing what goes where. Uses Decap's globals CMS, h (React's createElement) and
// createClass; field names are the front-matter keys of the content model.
(function () {
  "use strict";
  var CMS = window.CMS;
  var h = window.h;
  // The theme's folder, from this script's own address (the site may live below a path).
  var theme = new URL("../", document.currentScript.src).href;

  // A few of Decap's German words in the site's words: "Anmelden" (not "Login") and the
  // workflow's columns "Zur Prüfung", "Bereit" (not "In Prüfung", "Abgeschlossen").
  var german = CMS.getLocale("de");
  if (german && german.auth && german.workflow && german.workflow.workflowList) {
    german.auth.login = "Anmelden";
    german.auth.loginWithGitHub = "Mit GitHub anmelden";
    german.auth.loginWithGitLab = "Mit GitLab anmelden";
    var columns = german.workflow.workflowList;
    columns.draftHeader = "Entwurf";
    columns.inReviewHeader = "Zur Prüfung";
    columns.readyHeader = "Bereit";
    columns.onPublishingNotReadyEntry = "Nur Beiträge in der Spalte „Bereit“ können " +
      "veröffentlicht werden. Bitte ziehen Sie die Karte in die Spalte „Bereit“.";
    // The same three words in the entry's status menu (Decap says "Zur Überprüfung" and
    // "Abgeschlossen" there).
    var toolbar = german.editor && german.editor.editorToolbar;
    if (toolbar) {
      toolbar.inReview = "Zur Prüfung";
      toolbar.ready = "Bereit";
      toolbar.statusInfoTooltipDraft = "Der Beitrag ist ein Entwurf. Wenn er fertig ist, " +
        "setzen Sie den Status auf „Zur Prüfung“: dann sieht ihn eine Kollegin oder ein Kollege durch.";
    }
    CMS.registerLocale("de", german);
  }

  ["main", "events", "good-practice", "newsletter"].forEach(function (name) {
    CMS.registerPreviewStyle(theme + "css/" + name + ".css");
  });

  function field(props, name) {
    var value = props.entry.getIn(["data", name]);
    return value && value.toJS ? value.toJS() : value;
  }

  // "2026-06-26 10:00" (local time, Europe/Berlin) as the site writes it:
  // "Freitag, 26. Juni 2026, 10:00 Uhr"; a date alone without the time.
  function germanMoment(text) {
    var match = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}))?/.exec(text || "");
    if (!match) {
      return text || "";
    }
    var day = new Date(Date.UTC(+match[1], +match[2] - 1, +match[3], 12));
    var date = new Intl.DateTimeFormat("de-DE", {weekday: "long", day: "numeric",
      month: "long", year: "numeric", timeZone: "UTC"}).format(day);
    return match[4] ? date + ", " + match[4] + ":" + match[5] + " Uhr" : date;
  }

  function page(kind, children) {
    return h("main", {id: "inhalt"}, h("div", {className: "wrap"}, h("article",
      {className: kind}, children)));
  }

  function facts(rows) {
    var items = [];
    rows.forEach(function (row) {
      if (row[1]) {
        items.push(h("dt", {key: row[0] + "-t"}, row[0]), h("dd", {key: row[0] + "-d"}, row[1]));
      }
    });
    return items.length ? h("dl", {className: "event-facts"}, items) : null;
  }

  var EventPreview = window.createClass({
    render: function () {
      var props = this.props;
      var end = field(props, "end");
      var when = germanMoment(field(props, "start")) + (end ? " bis " + germanMoment(end) : "");
      return page("event", [
        h("h1", {key: "title"}, field(props, "title")),
        field(props, "cancelled") ? h("p", {key: "cancelled", className: "event-cancelled-note"},
          h("strong", null, "Abgesagt:"), " Diese Veranstaltung findet nicht statt.") : null,
        h("div", {key: "facts"}, facts([["Termin", when], ["Format", field(props, "format")],
          ["Ort", field(props, "location")], ["Veranstalter", field(props, "organiser")]])),
        h("div", {key: "body", className: "prose"}, props.widgetFor("body"))]);
    }
  });

  var CRITERIA = [["transferable", "transferfähig"], ["innovative", "innovativ"],
    ["sustainable", "nachhaltig"], ["efficient", "effizient"]];

  var SheetPreview = window.createClass({
    render: function () {
      var props = this.props;
      var criteria = field(props, "criteria") || {};
      var met = CRITERIA.filter(function (pair) { return criteria[pair[0]]; });
      return page("gp-sheet", [
        h("header", {key: "head", className: "gp-sheet-head"},
          h("p", {className: "gp-kicker"}, "Good Practice – auf den Punkt"),
          h("h1", null, field(props, "title")),
          h("p", {className: "lead gp-subtitle"}, field(props, "subtitle"))),
        h("ul", {key: "criteria", className: "gp-criteria-list"}, met.map(function (pair) {
          var text = criteria[pair[0]];
          return h("li", {key: pair[0], className: "gp-criterion"},
            h("h3", {className: "gp-badge gp-badge-" + pair[0]}, pair[1]),
            typeof text === "string" ? h("p", {className: "gp-justification"}, text) : null);
        })),
        h("div", {key: "body", className: "gp-sheet-main prose"}, props.widgetFor("body"))]);
    }
  });

  // The issue's articles start with "## " (content model): their titles make the TOC.
  function headings(markdown) {
    return (markdown || "").split("\n").filter(function (line) {
      return /^## /.test(line);
    }).map(function (line) { return line.slice(3).trim(); });
  }

  var IssuePreview = window.createClass({
    render: function () {
      var props = this.props;
      var year = String(field(props, "year") || "");
      var title = field(props, "title") ||
        "Newsletter " + (field(props, "issue") || "") + " | " + year.slice(-2);
      var image = field(props, "image") || {};
      var asset = image.src ? props.getAsset(image.src) : null;
      return page("nl-issue", [
        h("header", {key: "head", className: "nl-masthead"},
          h("p", {className: "nl-kicker"}, "IQ Netzwerk Niedersachsen · Newsletter"),
          h("h1", null, title)),
        asset ? h("figure", {key: "image"}, h("img", {src: asset.toString(), alt: image.alt || ""}),
          image.credit ? h("figcaption", {className: "meta"}, image.credit) : null) : null,
        h("nav", {key: "toc", className: "nl-toc", "aria-label": "Inhalt dieser Ausgabe"},
          h("h2", null, "Inhalt dieser Ausgabe"),
          h("ol", null, headings(field(props, "body")).map(function (text, index) {
            return h("li", {key: index}, text);
          }))),
        h("div", {key: "body", className: "prose"}, props.widgetFor("body"))]);
    }
  });

  var PagePreview = window.createClass({
    render: function () {
      return page("page", [h("h1", {key: "title"}, field(this.props, "title")),
        h("div", {key: "body", className: "prose"}, this.props.widgetFor("body"))]);
    }
  });

  CMS.registerPreviewTemplate("termine", EventPreview);
  CMS.registerPreviewTemplate("steckbriefe", SheetPreview);
  CMS.registerPreviewTemplate("newsletter", IssuePreview);
  CMS.registerPreviewTemplate("seiten", PagePreview);

  // Everything is registered (cms-kriterium.js ran before): start Decap now
  // (cms-manual-init.js held it back).
  CMS.init();
})();
