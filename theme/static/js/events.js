/* Termine: keep "coming" lists right between builds (progressive enhancement).
   The build marks each event with the instant it ends (data-event-end, UTC). An event
   that is over in the reader's browser leaves the list; an emptied month goes too, and
   when nothing is left the "no events" note shows. Without JavaScript the list is the
   one of the last build (rebuilt daily). */
(function () {
  "use strict";
  var now = Date.now();
  document.querySelectorAll("[data-event-list]").forEach(function (list) {
    var limit = parseInt(list.getAttribute("data-event-limit") || "0", 10);
    var shown = 0;
    list.querySelectorAll("[data-event-end]").forEach(function (item) {
      var end = Date.parse(item.getAttribute("data-event-end"));
      var over = !isNaN(end) && end <= now;
      var hide = over || (limit > 0 && shown >= limit);
      item.hidden = hide;
      if (!hide) { shown += 1; }
    });
    list.querySelectorAll("[data-event-month]").forEach(function (month) {
      month.hidden = !month.querySelector("[data-event-end]:not([hidden])");
    });
    var none = list.querySelector("[data-event-none]");
    if (none) { none.hidden = shown > 0; }
  });
}());
