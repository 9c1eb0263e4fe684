/* Credit helpers on the new-event form: show the fields a kind needs and work
   out the credits as the person types. The server does the same on Save, so
   the form works without this file. */
(function () {
  "use strict";
  var form = document.querySelector("form[data-credit-helper]");
  var kind = form && form.querySelector("#id_kind");
  var value = form && form.querySelector("#id_credit_value");
  if (!kind || !value) { return; }
  var only = {
    topic: "presenting", workshop_hours: "presenting",
    semester_credits: "college course", quarter_credits: "college course"
  };
  var output = document.createElement("p");
  output.className = "form-text fw-semibold";
  output.setAttribute("aria-live", "polite");
  value.parentNode.appendChild(output);

  function number(name) {
    var input = form.querySelector("#id_" + name);
    var parsed = parseFloat(input && input.value);
    return isNaN(parsed) || parsed <= 0 ? null : parsed;
  }

  function workOut() {
    var semester = number("semester_credits");
    var quarter = number("quarter_credits");
    var hours = number("workshop_hours");
    var text = "";
    var credits = null;
    if (kind.value === "college course" && semester && !quarter) {
      credits = semester * 4;
      text = semester + " semester credits × 4 = " + credits + " CE credits.";
    } else if (kind.value === "college course" && quarter && !semester) {
      credits = quarter * 2;
      text = quarter + " quarter credits × 2 = " + credits + " CE credits.";
    } else if (kind.value === "presenting" && hours) {
      credits = hours * 2;
      text = "A " + hours + "-hour workshop presented × 2 = " + credits + " CE credits.";
    }
    if (credits !== null) { value.value = credits; }
    output.textContent = text;
  }

  function showFields() {
    Object.keys(only).forEach(function (name) {
      var wrapper = form.querySelector("#div_id_" + name);
      var input = form.querySelector("#id_" + name);
      var keep = input && (input.value || input.classList.contains("is-invalid"));
      if (wrapper) { wrapper.hidden = kind.value !== only[name] && !keep; }
    });
    workOut();
  }

  kind.addEventListener("change", showFields);
  form.addEventListener("input", workOut);
  showFields();
}());
