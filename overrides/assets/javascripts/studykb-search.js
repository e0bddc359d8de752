/* studykb: the site search in Material's search box, answered by Pagefind.
 *
 * Pagefind's bundle (pagefind/pagefind.js, built after the site by scripts/studykb/search.py)
 * is loaded from this site when the search box is first used, never on page load: a page
 * that is only read fetches nothing for search. A search then fetches the index chunks
 * of the words typed and a fragment per result shown. Results are written with Material's
 * classes, so they look like Material's own; every text in them is set as text.
 */
(function () {
  "use strict";
  var root = document.querySelector("[data-studykb-search]");
  var toggle = document.getElementById("__search");
  if (!root || !toggle) return;
  var input = root.querySelector(".md-search__input");
  var form = root.querySelector(".md-search__form");
  var meta = root.querySelector(".md-search-result__meta");
  var list = root.querySelector(".md-search-result__list");
  var scrollwrap = root.querySelector(".md-search__scrollwrap");
  var words = JSON.parse(root.getAttribute("data-translations"));
  var PAGE = 10, SECTIONS = 3;

  /* The site's root, from Material's config on the page first loaded (base is relative:
   * "." or "../.."); instant navigation keeps this script, so it is worked out once. */
  var config = JSON.parse(document.getElementById("__config").textContent);
  var siteRoot = new URL(config.base.replace(/\/?$/, "/"), location.href);
  var pagefind = null;
  var boosts = [];  // the values of the `boost` filter: pages whose front matter says `search: boost:`
  var shown = { results: [], count: 0, query: "" };
  /* Under `mkdocs serve` only: a file saying which rebuild the pages and the index are of,
   * {"built": n, "indexed": m}. The index of a rebuild is written in the background while
   * the page reloads; until it is there, results say so, and then the new one is loaded. */
  var state = root.getAttribute("data-studykb-state");
  var stateUrl = state ? new URL(state, location.href).href : null;
  var loadedIndex = null, behind = false;

  function freshness() {
    if (!stateUrl) return Promise.resolve(null);
    return fetch(stateUrl, { cache: "no-store" })
      .then(function (response) { return response.ok ? response.json() : null; })
      .catch(function () { return null; });
  }

  function ready() {
    return freshness().then(function (now) {
      behind = !!now && now.indexed < now.built;
      return load(now ? now.indexed : null);
    });
  }

  /* One Pagefind at a time: loading a newer index waits for the old one to be torn down,
   * and every search asked for meanwhile waits for the new one. */
  function load(version) {
    if (pagefind && version !== null && version !== loadedIndex) {
      var previous = pagefind;  // an index written since this one was loaded
      loadedIndex = version;
      pagefind = previous.then(function (api) { return api.destroy(); }, function () { return null; })
        .then(function () { return start(version); });
    } else if (!pagefind) {
      loadedIndex = version;
      pagefind = start(version);
    }
    return pagefind;
  }

  function start(version) {
    var started = import(new URL("pagefind/pagefind.js", siteRoot).href).then(function (api) {
      var options = { baseUrl: siteRoot.pathname, excerptLength: 24 };
      if (version !== null) options.metaCacheTag = String(version);
      return api.options(options)
        .then(function () { return api.init(); })
        .then(function () { return api.filters(); })
        .then(function (filters) {
          boosts = Object.keys(filters.boost || {});
          root.setAttribute("data-studykb-search-ready", "");
          return api;
        });
    });
    started.catch(function () { say(words.unavailable); });
    return started;
  }

  function say(text) { meta.textContent = text; }

  function countText(count) {
    if (count === 0) return words.none;
    if (count === 1) return words.one;
    return words.other.replace("#", String(count));
  }

  /* Pagefind's excerpt is HTML with <mark> around the words found: only its text and
   * its marks are kept. */
  function excerpt(html) {
    var p = document.createElement("p");
    var parsed = new DOMParser().parseFromString("<body>" + html, "text/html").body;
    parsed.childNodes.forEach(function (node) {
      if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        p.appendChild(mark);
      } else {
        p.appendChild(document.createTextNode(node.textContent));
      }
    });
    return p;
  }

  function article(heading, title, text, documentLevel) {
    var node = document.createElement("article");
    node.className = "md-search-result__article md-typeset" + (documentLevel ? " md-search-result__article--document" : "");
    if (documentLevel) {
      var icon = document.createElement("div");
      icon.className = "md-search-result__icon md-icon";
      node.appendChild(icon);
    }
    var h = document.createElement(heading);
    h.textContent = title;
    node.appendChild(h);
    node.appendChild(excerpt(text));
    return node;
  }

  function link(url, child) {
    var a = document.createElement("a");
    a.href = url;
    a.className = "md-search-result__link";
    a.tabIndex = -1;
    a.appendChild(child);
    return a;
  }

  function item(data) {
    var li = document.createElement("li");
    li.className = "md-search-result__item";
    li.appendChild(link(data.url, article("h1", data.meta.title || data.url, data.excerpt, true)));
    (data.sub_results || []).filter(function (sub) { return sub.url !== data.url && sub.anchor; })
      .slice(0, SECTIONS).forEach(function (sub) {
        li.appendChild(link(sub.url, article("h2", sub.title, sub.excerpt, false)));
      });
    return li;
  }

  /* Material's `search: boost:` as it ranked: a boosted page's score is multiplied by its
   * boost. Which results are boosted is asked of Pagefind with the same words, filtered by
   * each boost value: the index chunks are already loaded, so this costs no download. */
  function boosted(api, query, found) {
    return Promise.all(boosts.map(function (value) {
      return api.search(query, { filters: { boost: value } });
    })).then(function (lists) {
      var factor = {};
      lists.forEach(function (list, i) {
        list.results.forEach(function (result) { factor[result.id] = Number(boosts[i]); });
      });
      var score = function (result) { return result.score * (factor[result.id] || 1); };
      found.results.sort(function (a, b) { return score(b) - score(a); });
      return found;
    });
  }

  function showMore() {
    var next = shown.results.slice(list.children.length, list.children.length + PAGE);
    if (!next.length) return Promise.resolve();
    var query = shown.query;
    return Promise.all(next.map(function (result) { return result.data(); })).then(function (data) {
      if (query !== shown.query) return;
      data.forEach(function (d) { list.appendChild(item(d)); });
    });
  }

  function search() {
    var query = input.value.trim();
    if (!query) {
      shown = { results: [], count: 0, query: "" };
      list.textContent = "";
      say(words.placeholder);
      return;
    }
    ready().then(function (api) {
      return api.debouncedSearch(query, {}, 120).then(function (found) { return found && boosted(api, query, found); });
    }).then(function (found) {
      if (!found || input.value.trim() !== query) return;  // a later keystroke superseded it
      shown = { results: found.results, count: found.results.length, query: query };
      list.textContent = "";
      return showMore().then(function () {
        if (shown.query === query) {
          say(countText(shown.count) + (behind ? " " + words.behind : ""));
          root.setAttribute("data-studykb-searched", query);
        }
      });
    });
  }

  function open() {
    if (!toggle.checked) toggle.checked = true;
    ready();
  }

  function close() {
    toggle.checked = false;
    input.blur();
  }

  function typing(target) {
    return target instanceof HTMLElement &&
      (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  }

  function move(step) {
    var links = Array.prototype.slice.call(list.querySelectorAll(".md-search-result__link"));
    if (!links.length) return;
    var at = links.indexOf(document.activeElement);
    var next = at + step < 0 ? -1 : Math.min(links.length - 1, at + step);
    (next < 0 ? input : links[next]).focus();
  }

  input.addEventListener("focus", open);
  input.addEventListener("input", search);
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var first = list.querySelector(".md-search-result__link");
    if (first) { close(); first.click(); }
  });
  form.addEventListener("reset", function () { setTimeout(function () { search(); input.focus(); }, 0); });
  toggle.addEventListener("change", function () { if (toggle.checked) input.focus(); else input.blur(); });
  list.addEventListener("click", function (event) {
    if (event.target instanceof Element && event.target.closest(".md-search-result__link")) close();
  });
  scrollwrap.addEventListener("scroll", function () {
    if (scrollwrap.scrollTop + scrollwrap.clientHeight >= scrollwrap.scrollHeight - 16) showMore();
  });
  document.addEventListener("keydown", function (event) {
    if (event.metaKey || event.ctrlKey || event.altKey) return;
    if (toggle.checked && root.contains(document.activeElement)) {
      if (event.key === "Escape") { close(); event.preventDefault(); }
      else if (event.key === "ArrowDown") { move(1); event.preventDefault(); }
      else if (event.key === "ArrowUp") { move(-1); event.preventDefault(); }
      return;
    }
    if (!typing(event.target) && (event.key === "/" || event.key === "s" || event.key === "f")) {
      event.preventDefault();
      input.focus();
      input.select();
    }
  }, true);
})();
