// claimtrack report: filter claims by speaker, source and flag kind. Plain JavaScript, no
// network. A claim is shown when it passes all three filters; marks whose claims are all hidden
// fade to plain text, and an article with no claim shown is hidden while a filter is on.
(function () {
  "use strict";
  var speaker = document.getElementById("filter-speaker");
  var source = document.getElementById("filter-source");
  var flag = document.getElementById("filter-flag");
  var count = document.getElementById("filter-count");
  if (!speaker || !source || !flag) return;

  function passes(card) {
    var d = card.dataset;
    var flags = d.flags ? d.flags.split(" ") : [];
    if (speaker.value && d.speaker !== speaker.value) return false;
    if (source.value && d.source !== source.value) return false;
    if (flag.value === "*") return flags.length > 0;
    if (flag.value === "-") return flags.length === 0;
    return !flag.value || flags.indexOf(flag.value) >= 0;
  }

  function apply() {
    var shown = {};
    var cards = document.querySelectorAll(".claim-card");
    var n = 0;
    cards.forEach(function (card) {
      var ok = passes(card);
      card.hidden = !ok;
      if (ok) { shown[card.dataset.claim] = true; n += 1; }
    });
    document.querySelectorAll(".text [data-claims]").forEach(function (el) {
      var on = el.dataset.claims.split(" ").some(function (id) { return shown[id]; });
      el.classList.toggle("off", !on);
    });
    var any = Boolean(speaker.value || source.value || flag.value);
    document.querySelectorAll("article.article").forEach(function (article) {
      var id = article.dataset.source;
      var has = article.querySelector(".claim-card:not([hidden])") !== null;
      article.hidden = (source.value && id !== source.value) || (any && !has);
    });
    document.querySelectorAll(".speaker-row").forEach(function (row) {
      row.classList.toggle("selected", row.dataset.speaker === speaker.value);
    });
    if (count) count.textContent = any ? n + " of " + cards.length + " claims shown" : "";
  }

  document.getElementById("filters").addEventListener("submit", function (event) {
    event.preventDefault();
  });
  [speaker, source, flag].forEach(function (select) { select.addEventListener("change", apply); });
  document.getElementById("filter-reset").addEventListener("click", function () {
    speaker.value = ""; source.value = ""; flag.value = ""; apply();
  });
  document.querySelectorAll(".only-speaker").forEach(function (button) {
    button.addEventListener("click", function () {
      speaker.value = button.dataset.speaker; apply();
      document.getElementById("articles").scrollIntoView();
    });
  });
  apply();
})();
