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

// The live banner: the page shows the store as it was when rendered (its #live element holds the article
// count and ledger state then). Poll /api/status and say so when another process has stored articles or
// changed the ledgers since, so old data is never read as current. Text only (textContent), no markup.
(function () {
  "use strict";

  var POLL_MS = 3000;

  function plural(count, noun) {
    return count + " " + noun + (count === 1 ? "" : "s");
  }

  function message(status, live) {
    var added = status.stored_articles - Number(live.getAttribute("data-articles"));
    var changed = status.ledger_state !== Number(live.getAttribute("data-ledger-state"));
    if (status.ingesting) {
      return "Ingest in progress: " + plural(Math.max(added, 0), "new article") +
        " stored since this page was loaded. What you see is the store before it.";
    }
    if (added > 0) return plural(added, "new article") + " stored since this page was loaded.";
    if (changed || added < 0) return "The store has changed since this page was loaded.";
    return null;
  }

  function show(live, text, reloading) {
    live.textContent = "";
    if (!text) {
      live.hidden = true;
      return;
    }
    live.appendChild(document.createTextNode(text + " "));
    var link = document.createElement("a");
    link.href = location.href;
    link.textContent = reloading ? "Refresh (the server is loading it)" : "Refresh";
    live.appendChild(link);
    live.hidden = false;
  }

  function poll(live) {
    fetch("/api/status", { headers: { Accept: "application/json" }, cache: "no-store" })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (status) { if (status) show(live, message(status, live), status.reloading); })
      .catch(function () { /* the server is away; the page stays as it was */ })
      .then(function () { setTimeout(function () { poll(live); }, POLL_MS); });
  }

  function start() {
    var live = document.getElementById("live");
    if (live) poll(live);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
