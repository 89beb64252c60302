/*
 * corrigenda correction notices — include on an article page:
 *
 *   <script src="https://DESK/static/publish/notices.js" data-desk="https://DESK"
 *           data-position="top" defer></script>
 *
 * Fetches the article's dated correction notices from the desk
 * (DESK/corrections/embed/notices?url=…) and puts them at the top or bottom of the
 * article, in the outlet's language. An article without notices gets nothing.
 *
 * Optional attributes: data-position ("top", the default, or "bottom"),
 * data-lang ("de" or "en"; default: the outlet's language), data-article-selector
 * (default: "article", else "main", else the page body), data-url (the article's
 * address; default: <link rel="canonical">, else the page address without its
 * #fragment). No dependencies, no cookies, no storage, no inline code or styles:
 * the notices come as plain HTML with class names for the outlet's own CSS.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  if (!script || !window.fetch || !window.DOMParser) return;
  var desk = (script.getAttribute("data-desk") || new URL(script.src).origin).replace(/\/+$/, "");
  var position = script.getAttribute("data-position") === "bottom" ? "bottom" : "top";
  var language = (script.getAttribute("data-lang") || "").slice(0, 2).toLowerCase();

  function container() {
    var selector = script.getAttribute("data-article-selector");
    return (
      (selector && document.querySelector(selector)) ||
      document.querySelector("article") ||
      document.querySelector("main") ||
      document.body
    );
  }

  function articleUrl() {
    var given = script.getAttribute("data-url");
    var canonical = document.querySelector('link[rel="canonical"]');
    var url = new URL(given || (canonical && canonical.href) || location.href, location.href);
    url.hash = "";
    return url.href;
  }

  function insert(html) {
    if (!html || !html.trim()) return;
    // Parsed as an inert document: nothing in it runs, and only the notices are taken.
    var parsed = new DOMParser().parseFromString(html, "text/html");
    var notices = parsed.querySelector(".corrigenda-notices");
    var target = container();
    if (!notices || !target) return;
    var node = document.importNode(notices, true);
    if (position === "top") {
      target.insertBefore(node, target.firstChild);
    } else {
      target.appendChild(node);
    }
  }

  var query = "url=" + encodeURIComponent(articleUrl());
  if (language) query += "&lang=" + encodeURIComponent(language);
  window
    .fetch(desk + "/corrections/embed/notices?" + query, { credentials: "omit", mode: "cors" })
    .then(function (response) {
      return response.ok ? response.text() : "";
    })
    .then(insert)
    .catch(function () {
      // The desk is unreachable: the article shows without its notices, not broken.
    });
})();
