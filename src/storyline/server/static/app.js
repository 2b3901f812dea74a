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

  // What the banner says, and whether a refresh would show more (the server has loaded the new data).
  function banner(status, live) {
    var articles = Number(live.getAttribute("data-articles"));
    var ledgerState = Number(live.getAttribute("data-ledger-state"));
    var added = status.stored_articles - articles;
    var loaded = status.shown_articles !== articles || status.shown_ledger_state !== ledgerState;
    var text = null;
    if (status.ingesting) {
      text = "Ingest in progress: " + plural(Math.max(added, 0), "new article") +
        " stored since this page was loaded; this page shows the store before it.";
    } else if (added > 0) {
      text = plural(added, "new article") + " stored since this page was loaded.";
    } else if (added < 0 || status.ledger_state !== ledgerState) {
      text = "The store has changed since this page was loaded.";
    }
    return { text: text, loaded: loaded, ingesting: status.ingesting };
  }

  function show(live, said) {
    live.textContent = "";
    if (!said.text) {
      live.hidden = true;
      return;
    }
    live.appendChild(document.createTextNode(said.text + " "));
    if (said.loaded) {
      var link = document.createElement("a");
      link.href = location.href;
      link.textContent = "Refresh";
      live.appendChild(link);
    } else if (!said.ingesting) {
      live.appendChild(document.createTextNode("The server is loading it…"));
    }
    live.hidden = false;
  }

  function poll(live) {
    fetch("/api/status", { headers: { Accept: "application/json" }, cache: "no-store" })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (status) { if (status) show(live, banner(status, live)); })
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
