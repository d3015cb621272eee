// The preview reloads the page when the site has changed (a save, a fix, a new error).
(function () {
  "use strict";
  var script = document.currentScript;
  var stand = script && script.getAttribute("data-stand");
  var events = new EventSource("/__vorschau/stand");
  events.onmessage = function (event) {
    if (event.data !== stand) {
      events.close();
      window.location.reload();
    }
  };
  var close = document.getElementById("iq-vorschau-fehler-ausblenden");
  if (close) {
    close.addEventListener("click", function () {
      document.getElementById("iq-vorschau-fehler").hidden = true;
    });
  }
})();
