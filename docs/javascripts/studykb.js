/* studykb in the reader's browser: recall practice scheduled with FSRS, the home page's
 * "due today" count and "days since the last session". Everything stays in this browser
 * (localStorage); nothing is sent anywhere. The home page's "this week" is counted here too,
 * from the minutes per day the page carries: the built page never names today. Card texts are
 * cloned from the page's own elements, never parsed from strings. */
(function () {
  "use strict";
  var STORE = "studykb-recall-v1";
  var DAY = 86400000;

  /* FSRS-4.5 (the published formulas and default parameters of the open spaced
   * repetition scheduler): stability S in days, difficulty D in 1..10, grades 1..4. */
  var W = [0.4872, 1.4003, 3.7145, 13.8206, 5.1618, 1.2298, 0.8975, 0.031, 1.6474, 0.1367,
           1.0461, 2.1072, 0.0793, 0.3246, 1.587, 0.2272, 2.8755];
  var DECAY = -0.5, FACTOR = 19 / 81, RETENTION = 0.9;

  /* What the script says, in the site's language: the element's (or an ancestor's)
   * data-studykb-words (written by the build from data/ui.yml on a site that is not in
   * English), else the English given here. A count's words may be {one, other}. */
  function say(el, key, english, values) {
    var holder = el && el.closest("[data-studykb-words]"), said = null;
    try { said = holder ? JSON.parse(holder.getAttribute("data-studykb-words"))[key] : null; } catch (e) { said = null; }
    var n = values && values.n;
    var template = !said ? english : typeof said === "object" ? (n === 1 ? said.one : said.other) : said;
    return String(template).replace(/\{(\w+)\}/g, function (m, name) {
      return values && name in values ? String(values[name]) : m;
    });
  }

  function clamp(x, lo, hi) { return Math.min(hi, Math.max(lo, x)); }
  function retrievability(days, s) { return Math.pow(1 + FACTOR * days / s, DECAY); }
  function interval(s) {
    return Math.max(1, Math.round(s / FACTOR * (Math.pow(RETENTION, 1 / DECAY) - 1)));
  }
  function initialDifficulty(g) { return clamp(W[4] - (g - 3) * W[5], 1, 10); }

  function review(card, grade, now) {
    if (!card) {
      var s0 = W[grade - 1];
      return { s: s0, d: initialDifficulty(grade), last: now, due: now + (grade === 1 ? 0 : interval(s0)) * DAY,
               reps: 1, lapses: grade === 1 ? 1 : 0 };
    }
    var elapsed = Math.max(0, (now - card.last) / DAY);
    var r = retrievability(elapsed, card.s);
    var d = card.d - W[6] * (grade - 3);
    d = clamp(W[7] * initialDifficulty(3) + (1 - W[7]) * d, 1, 10);
    var s;
    if (grade === 1) {
      s = W[11] * Math.pow(d, -W[12]) * (Math.pow(card.s + 1, W[13]) - 1) * Math.exp(W[14] * (1 - r));
    } else {
      s = card.s * (Math.exp(W[8]) * (11 - d) * Math.pow(card.s, -W[9]) * (Math.exp(W[10] * (1 - r)) - 1)
                    * (grade === 2 ? W[15] : 1) * (grade === 4 ? W[16] : 1) + 1);
    }
    return { s: s, d: d, last: now, due: now + (grade === 1 ? 0 : interval(s)) * DAY,
             reps: card.reps + 1, lapses: card.lapses + (grade === 1 ? 1 : 0) };
  }

  function load() {
    try { return JSON.parse(localStorage.getItem(STORE)) || {}; } catch (e) { return {}; }
  }
  function save(state) {
    try { localStorage.setItem(STORE, JSON.stringify(state)); } catch (e) { /* private mode */ }
  }
  function isDue(card, now) { return !card || card.due <= now; }

  function clone(into, from) {
    into.replaceChildren();
    if (from) { from.childNodes.forEach(function (n) { into.appendChild(n.cloneNode(true)); }); }
  }

  function practice(root) {
    var cards = Array.prototype.slice.call(document.querySelectorAll("details[data-card]"));
    if (!cards.length) { return; }
    var status = root.querySelector("[data-practice-status]");
    var front = root.querySelector("[data-practice-front]");
    var back = root.querySelector("[data-practice-back]");
    var show = root.querySelector("[data-practice-show]");
    var grades = root.querySelector("[data-practice-grades]");
    var current = null;

    function queue() {
      var state = load(), now = Date.now();
      return cards.filter(function (c) { return isDue(state[c.id], now); }).sort(function (a, b) {
        var sa = state[a.id], sb = state[b.id];
        var wa = a.hasAttribute("data-watch") ? 0 : 1, wb = b.hasAttribute("data-watch") ? 0 : 1;
        return (sa ? 0 : 1) - (sb ? 0 : 1) || wa - wb || (sa && sb ? sa.due - sb.due : 0);
      });
    }
    function next() {
      var due = queue();
      current = due[0] || null;
      back.hidden = true;
      grades.hidden = true;
      if (!current) {
        status.textContent = say(root, "nothing_due", "Nothing is due. Come back tomorrow, or read any card below.");
        front.replaceChildren();
        show.hidden = true;
        return;
      }
      status.textContent = say(root, "cards_due", (due.length === 1 ? "{n} card" : "{n} cards") +
                               " due. Recall the answer, then show it.", { n: due.length });
      clone(front, current.querySelector("summary"));
      clone(back, current.querySelector("[data-card-answer]"));
      show.hidden = false;
      show.focus({ preventScroll: true });
    }
    function reveal() {
      if (!current) { return; }
      back.hidden = false;
      show.hidden = true;
      grades.hidden = false;
      grades.querySelector("button[data-grade='3']").focus({ preventScroll: true });
    }
    function grade(g) {
      if (!current || grades.hidden) { return; }
      var state = load();
      state[current.id] = review(state[current.id], g, Date.now());
      save(state);
      next();
    }
    show.addEventListener("click", reveal);
    grades.querySelectorAll("button[data-grade]").forEach(function (b) {
      b.addEventListener("click", function () { grade(Number(b.getAttribute("data-grade"))); });
    });
    root.addEventListener("keydown", function (e) {
      if (e.key === " " || e.key === "Enter") {
        if (!show.hidden) { e.preventDefault(); reveal(); }
      } else if (/^[1-4]$/.test(e.key)) {
        e.preventDefault(); grade(Number(e.key));
      }
    });
    root.hidden = false;
    next();
  }

  function dueCount(el) {
    var ids = (el.getAttribute("data-studykb-due") || "").split(" ").filter(Boolean);
    var state = load(), now = Date.now();
    el.textContent = String(ids.filter(function (id) { return isDue(state[id], now); }).length);
    var label = document.querySelector("[data-studykb-due-label]");
    if (label) { label.textContent = say(el, "due_today", "due today"); }
  }

  function since(el) {
    var day = Date.parse(el.getAttribute("data-studykb-since") + "T00:00:00");
    if (isNaN(day)) { return; }
    var today = new Date(); today.setHours(0, 0, 0, 0);
    var n = Math.round((today.getTime() - day) / DAY);
    el.textContent = n <= 0 ? say(el, "today", " (today)") : n === 1 ? say(el, "yesterday", " (yesterday)")
      : say(el, "days_ago", " ({n} days ago)", { n: n });
  }

  function thisWeek(el) {
    var today = new Date(); today.setHours(0, 0, 0, 0);
    var monday = today.getTime() - ((today.getDay() + 6) % 7) * DAY;
    var total = 0;
    (el.getAttribute("data-studykb-days") || "").split(" ").filter(Boolean).forEach(function (entry) {
      var parts = entry.split("="), day = Date.parse(parts[0] + "T00:00:00");
      if (day >= monday && day <= today.getTime()) { total += Number(parts[1]) || 0; }
    });
    var hours = Math.floor(total / 60), rest = total % 60;
    var padded = (rest < 10 ? "0" : "") + rest;
    el.textContent = hours ? say(el, "hours_minutes", "{h} h {m} min", { h: hours, m: padded })
      : say(el, "minutes_only", "{m} min", { m: total });
    var label = document.querySelector("[data-studykb-week-label]");
    if (label) { label.textContent = say(el, "this_week", "this week"); }
  }

  function init() {
    var root = document.querySelector("[data-practice]");
    if (root) { practice(root); }
    document.querySelectorAll("[data-studykb-due]").forEach(dueCount);
    document.querySelectorAll("[data-studykb-since]").forEach(since);
    document.querySelectorAll("[data-studykb-days]").forEach(thisWeek);
  }

  window.studykbFsrs = { review: review, retrievability: retrievability, interval: interval };
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);  /* Material's instant navigation swaps pages in place */
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
