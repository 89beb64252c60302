/*
 * corrigenda report button — include on an article page:
 *
 *   <script src="https://DESK/static/reports/widget.js" data-desk="https://DESK"
 *           data-lang="de" defer></script>
 *
 * When the reader selects text inside the article, a small "Fehler melden" /
 * "Report an error" link appears beside the selection. It opens the desk's report
 * form in a new tab with the article's address, the selected passage and about 32
 * characters on either side of it filled in.
 *
 * Optional attributes: data-article-selector (default: "article", else "main"),
 * data-url (the article's address; default: <link rel="canonical">, else the page
 * address without its #fragment). No dependencies, no cookies, no storage, no
 * inline code or styles (styles are set through the CSSOM, which a Content
 * Security Policy allows).
 */
(function () {
  "use strict";

  var script = document.currentScript;
  if (!script) return;
  var CONTEXT = 32;
  var MAX_PASSAGE = 2000;
  var LABELS = {
    de: { text: "Fehler melden", title: "Einen Fehler in der markierten Stelle melden" },
    en: { text: "Report an error", title: "Report an error in the selected passage" },
  };
  var desk = (script.getAttribute("data-desk") || new URL(script.src).origin).replace(/\/+$/, "");
  var language = (
    script.getAttribute("data-lang") || document.documentElement.lang || navigator.language || "en"
  ).slice(0, 2).toLowerCase();
  var label = LABELS[language] || LABELS.en;
  var host = null;
  var link = null;
  var dismissed = false; // Esc hides the button until the selection changes

  function container() {
    var selector = script.getAttribute("data-article-selector");
    return (
      (selector && document.querySelector(selector)) ||
      document.querySelector("article") ||
      document.querySelector("main")
    );
  }

  function articleUrl() {
    var given = script.getAttribute("data-url");
    var canonical = document.querySelector('link[rel="canonical"]');
    var url = new URL(given || (canonical && canonical.href) || location.href, location.href);
    url.hash = "";
    return url.href;
  }

  function squeeze(text) {
    return text.replace(/\s+/g, " ");
  }

  // The text between the start of `root` and a boundary point, or between the point
  // and the end of `root`: where the selection's context words come from.
  function textAround(root, node, offset, before) {
    var range = document.createRange();
    range.selectNodeContents(root);
    if (before) range.setEnd(node, offset);
    else range.setStart(node, offset);
    return squeeze(range.toString());
  }

  function build() {
    host = document.createElement("span");
    host.setAttribute("data-corrigenda-report", "");
    var root = host.attachShadow ? host.attachShadow({ mode: "open" }) : host;
    link = document.createElement("a");
    link.textContent = label.text;
    link.title = label.title;
    link.target = "_blank";
    link.rel = "noopener";
    link.lang = LABELS[language] ? language : "en";
    Object.assign(host.style, { position: "absolute", zIndex: "2147483000", display: "none" });
    Object.assign(link.style, {
      display: "inline-block",
      font: "600 14px/1.2 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
      padding: "7px 12px",
      borderRadius: "6px",
      background: "#a3261d",
      color: "#ffffff",
      textDecoration: "none",
      boxShadow: "0 2px 8px rgba(0, 0, 0, 0.25)",
      outlineOffset: "2px",
      whiteSpace: "nowrap",
    });
    link.addEventListener("focus", function () {
      link.style.outline = "3px solid #1c1d21";
    });
    link.addEventListener("blur", function () {
      link.style.outline = "none";
      setTimeout(update, 0);
    });
    // Pressing the button must not clear the selection before the click lands.
    link.addEventListener("mousedown", function (event) {
      event.preventDefault();
    });
    link.addEventListener("keydown", function (event) {
      if (event.key === "Escape") dismiss();
    });
    root.appendChild(link);
  }

  function hide() {
    if (host) host.style.display = "none";
  }

  function dismiss() {
    dismissed = true;
    hide();
  }

  function show(selection, article) {
    var range = selection.getRangeAt(0);
    var passage = squeeze(selection.toString()).trim();
    var prefix = textAround(article, range.startContainer, range.startOffset, true);
    var suffix = textAround(article, range.endContainer, range.endOffset, false);
    var params = new URLSearchParams({
      url: articleUrl(),
      passage: passage,
      prefix: prefix.slice(-CONTEXT),
      suffix: suffix.slice(0, CONTEXT),
      via: "button",
    });
    if (!host) build();
    link.href = desk + "/report/?" + params.toString();
    // Right after the block that holds the end of the selection, so that Tab from
    // the selection reaches it; positioned under the selection's last line.
    var block = range.endContainer.nodeType === 1 ? range.endContainer : range.endContainer.parentNode;
    while (block.parentNode && block.parentNode !== article && block !== article) block = block.parentNode;
    if (block === article) article.appendChild(host);
    else if (host.previousSibling !== block) block.parentNode.insertBefore(host, block.nextSibling);
    host.style.display = "block";
    var rects = range.getClientRects();
    var last = rects.length ? rects[rects.length - 1] : range.getBoundingClientRect();
    var origin = (host.offsetParent || document.body).getBoundingClientRect();
    var maxLeft = Math.max(0, document.documentElement.clientWidth - link.offsetWidth - 8);
    host.style.left = Math.max(0, Math.min(last.left, maxLeft) - origin.left) + "px";
    host.style.top = last.bottom - origin.top + 6 + "px";
  }

  function update() {
    var selection = document.getSelection();
    var article = container();
    if (host && host.contains(document.activeElement)) return;
    if (host && host.shadowRoot && host.shadowRoot.activeElement) return;
    if (dismissed || !selection || !article || selection.isCollapsed || !selection.rangeCount) {
      return hide();
    }
    var range = selection.getRangeAt(0);
    var text = selection.toString().trim();
    if (
      text.length < 2 ||
      text.length > MAX_PASSAGE ||
      !article.contains(range.commonAncestorContainer) ||
      (host && host.contains(range.commonAncestorContainer))
    ) {
      return hide();
    }
    show(selection, article);
  }

  var pending = 0;
  function later() {
    clearTimeout(pending);
    pending = setTimeout(update, 150);
  }

  // The first Tab after a selection goes to the button, wherever the browser would
  // otherwise start (a selection does not move the keyboard focus).
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Tab" || event.shiftKey || !host || host.style.display === "none") return;
    var active = document.activeElement;
    if (host.contains(active) || (active && active !== document.body && !container().contains(active))) return;
    event.preventDefault();
    link.focus();
  });
  document.addEventListener("selectionchange", function () {
    dismissed = false;
    later();
  });
  document.addEventListener("mouseup", later);
  document.addEventListener("keyup", function (event) {
    if (event.key === "Escape") dismiss();
    else later();
  });
  window.addEventListener("resize", later);
})();
