// Progressive enhancement only: every page works without this file.
// When a link lands on a claim (/articles/ID#claim-…), mark every fragment of that claim (a claim crossed
// by another is split into several <mark>s), focus it for keyboard and screen-reader users, and keep it
// in view. Browsers match :target on the first fragment only; this marks the whole sentence.
(function () {
  "use strict";

  function claimIdFromHash() {
    if (!location.hash || location.hash.length < 2) return null;
    try {
      return decodeURIComponent(location.hash.slice(1));
    } catch (error) {
      return null;
    }
  }

  function markTarget() {
    document.querySelectorAll("mark.is-target").forEach(function (mark) {
      mark.classList.remove("is-target");
    });
    var id = claimIdFromHash();
    if (!id || id.indexOf("claim-") !== 0) return;
    var first = document.getElementById(id);
    if (!first) return;
    first.classList.add("is-target");
    document.querySelectorAll("mark[data-claim]").forEach(function (mark) {
      if (mark.getAttribute("data-claim") === id) mark.classList.add("is-target");
    });
    first.focus({ preventScroll: true });
    first.scrollIntoView({ block: "center" });
  }

  window.addEventListener("hashchange", markTarget);
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", markTarget);
  } else {
    markTarget();
  }
})();
