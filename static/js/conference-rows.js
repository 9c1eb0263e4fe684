/* "Show 4 more rows" on the conference form adds empty session rows in the
   page, so nothing typed is lost. Without this file the link reloads the page
   with more rows, which the page text warns about. */
(function () {
  "use strict";
  var link = document.getElementById("more-sessions");
  var template = document.getElementById("empty-session");
  var total = document.getElementById("id_session-TOTAL_FORMS");
  var max = document.getElementById("id_session-MAX_NUM_FORMS");
  var list = document.getElementById("sessions");
  if (!link || !template || !total || !list) { return; }

  link.addEventListener("click", function (event) {
    event.preventDefault();
    var count = parseInt(total.value, 10);
    var limit = max ? parseInt(max.value, 10) : 30;
    for (var added = 0; added < 4 && count < limit; added += 1, count += 1) {
      var html = template.innerHTML
        .replace(/__prefix__/g, String(count))
        .replace(/__number__/g, String(count + 1));
      list.insertAdjacentHTML("beforeend", html);
    }
    total.value = String(count);
    if (count >= limit) { link.hidden = true; }
  });
}());
