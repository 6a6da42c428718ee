/* disclint HTML report: file switcher, filters, jump-to-finding and popovers.
   Only the page's own elements are moved or cloned; no text is parsed as HTML. */
(function () {
  "use strict";
  var pop = document.getElementById("popover");
  var pinned = false;
  var popMark = null;
  var hideTimer = 0;

  function sections() { return Array.prototype.slice.call(document.querySelectorAll("section.file")); }
  function fileOf(el) { var s = el.closest("section.file"); return s ? s.getAttribute("data-file") : null; }
  function sectionFor(file) { return document.getElementById("file-" + file); }

  function showFile(file) {
    var target = sectionFor(file);
    if (!target) return null;
    sections().forEach(function (s) { s.hidden = s !== target; });
    document.querySelectorAll(".file-tab").forEach(function (tab) {
      if (tab.getAttribute("data-file") === String(file)) tab.setAttribute("aria-current", "true");
      else tab.removeAttribute("aria-current");
    });
    closePopover();
    return target;
  }

  // ---- filters
  function state(section) {
    var on = { sev: {}, cat: {} };
    section.querySelectorAll("input[data-filter]").forEach(function (box) {
      on[box.getAttribute("data-filter")][box.value] = box.checked;
    });
    return on;
  }
  function meta(section) {
    if (!section._meta) {
      var m = {};
      section.querySelectorAll("a.item").forEach(function (a) {
        m[a.getAttribute("data-target")] = { sev: a.getAttribute("data-sev"), cat: a.getAttribute("data-cat") };
      });
      section._meta = m;
    }
    return section._meta;
  }
  var RANK = { error: 3, warning: 2, info: 1 };
  function visible(section, numbers) {
    var on = state(section), m = meta(section);
    return numbers.filter(function (n) {
      var f = m[n];
      return f && on.sev[f.sev] !== false && on.cat[f.cat] !== false;
    });
  }
  function applyFilters(section) {
    var on = state(section);
    section.querySelectorAll("a.item").forEach(function (a) {
      var show = on.sev[a.getAttribute("data-sev")] !== false && on.cat[a.getAttribute("data-cat")] !== false;
      a.parentNode.hidden = !show;
    });
    section.querySelectorAll("section.group").forEach(function (g) {
      var shown = g.querySelectorAll("li:not([hidden])").length;
      var count = g.querySelector(".count");
      var total = count.getAttribute("data-total");
      count.textContent = shown === Number(total) ? total : shown + "/" + total;
      g.hidden = shown === 0;
    });
    var m = meta(section);
    section.querySelectorAll("mark.hl").forEach(function (mark) {
      var vis = visible(section, numbersOf(mark));
      mark.classList.toggle("off", vis.length === 0);
      if (vis.length) {
        var best = vis.reduce(function (a, n) { return RANK[m[n].sev] > RANK[m[a].sev] ? n : a; }, vis[0]);
        ["error", "warning", "info"].forEach(function (s) { mark.classList.toggle("sev-" + s, s === m[best].sev); });
        mark.classList.toggle("multi", vis.length > 1);
      }
    });
    closePopover();
  }
  function numbersOf(mark) { return (mark.getAttribute("data-f") || "").split(" ").filter(Boolean); }

  // ---- popover
  function openPopover(mark, numbers, pin) {
    var section = mark.closest("section.file");
    var file = fileOf(mark);
    var shown = visible(section, numbers);
    if (!shown.length) return;
    clearTimeout(hideTimer);
    pop.textContent = "";
    shown.forEach(function (n) {
      var d = document.getElementById("d" + file + "-" + n);
      if (d) { var copy = d.cloneNode(true); copy.removeAttribute("id"); pop.appendChild(copy); }
    });
    pinned = !!pin;
    popMark = mark;
    setActive(pinned ? section.querySelectorAll(shown.map(function (n) {
      return 'mark.hl[data-f~="' + n + '"]';
    }).join(",")) : []);
    pop.hidden = false;
    place();
  }
  // Every piece of the pinned findings is outlined: a finding that runs over a printed line
  // break or a table cell is drawn as several marks.
  var activeMarks = [];
  function setActive(marks) {
    activeMarks.forEach(function (m) { m.classList.remove("active"); });
    activeMarks = Array.prototype.slice.call(marks);
    activeMarks.forEach(function (m) { m.classList.add("active"); });
  }
  function place() {
    if (!popMark || pop.hidden) return;
    var rects = popMark.getClientRects();
    var r = rects.length ? rects[0] : popMark.getBoundingClientRect();
    var w = pop.offsetWidth, h = pop.offsetHeight, vw = window.innerWidth, vh = window.innerHeight;
    var left = Math.max(12, Math.min(r.left, vw - w - 12));
    var top = r.bottom + 8;
    if (top + h > vh - 8 && r.top - h - 8 > 8) top = r.top - h - 8;
    pop.style.left = left + "px";
    pop.style.top = Math.max(8, top) + "px";
  }
  function closePopover() {
    pop.hidden = true;
    pinned = false;
    setActive([]);
    popMark = null;
  }

  // ---- jumping to a finding
  function jump(file, n) {
    var section = showFile(file);
    if (!section) return;
    var mark = section.querySelector('mark.hl[data-f~="' + n + '"]');
    var target = mark || document.getElementById("f" + file + "-" + n);
    if (!target) return;
    target.scrollIntoView({ block: "center", inline: "nearest" });
    section.querySelectorAll("a.item.current").forEach(function (a) { a.classList.remove("current"); });
    var item = section.querySelector('a.item[data-target="' + n + '"]');
    if (item) {
      item.classList.add("current");
      if (item.scrollIntoViewIfNeeded) item.scrollIntoViewIfNeeded(false);
    }
    if (mark) {
      mark.classList.remove("flash");
      void mark.offsetWidth;
      mark.classList.add("flash");
      openPopover(mark, [String(n)], true);
    }
    if (history.replaceState) history.replaceState(null, "", "#f" + file + "-" + n);
  }

  document.addEventListener("click", function (ev) {
    var el = ev.target;
    if (!(el instanceof Element)) return;
    var link = el.closest("a.item, a.jump");
    if (link) {
      ev.preventDefault();
      jump(fileOf(link), link.getAttribute("data-target"));
      return;
    }
    var tab = el.closest("a.file-tab");
    if (tab) {
      ev.preventDefault();
      showFile(tab.getAttribute("data-file"));
      if (history.replaceState) history.replaceState(null, "", "#file-" + tab.getAttribute("data-file"));
      window.scrollTo(0, 0);
      return;
    }
    var mark = el.closest("mark.hl");
    if (mark && !mark.classList.contains("off")) {
      openPopover(mark, numbersOf(mark), true);
      return;
    }
    if (!el.closest("#popover")) closePopover();
  });
  document.addEventListener("change", function (ev) {
    var el = ev.target;
    if (el instanceof Element && el.matches("input[data-filter]")) applyFilters(el.closest("section.file"));
  });
  document.addEventListener("mouseover", function (ev) {
    var el = ev.target;
    if (!(el instanceof Element)) return;
    if (el.closest("#popover")) { clearTimeout(hideTimer); return; }
    var mark = el.closest("mark.hl");
    if (mark && !pinned && !mark.classList.contains("off")) openPopover(mark, numbersOf(mark), false);
  });
  document.addEventListener("mouseout", function (ev) {
    var el = ev.target;
    if (!(el instanceof Element) || pinned) return;
    if (el.closest("mark.hl") || el.closest("#popover")) {
      clearTimeout(hideTimer);
      hideTimer = setTimeout(function () { if (!pinned) closePopover(); }, 250);
    }
  });
  document.addEventListener("keydown", function (ev) { if (ev.key === "Escape") closePopover(); });
  window.addEventListener("resize", place);
  window.addEventListener("scroll", place, { passive: true });

  // Native tooltips would cover the popover; the script shows the details instead.
  document.querySelectorAll("mark.hl[title]").forEach(function (mark) { mark.removeAttribute("title"); });
  document.documentElement.classList.add("js");

  function fromHash() {
    var hash = decodeURIComponent(location.hash || "");
    var m = /^#f(\d+)-(\d+)$/.exec(hash);
    if (m) { jump(m[1], m[2]); return; }
    m = /^#file-(\d+)$/.exec(hash);
    if (m) showFile(m[1]);
  }
  window.addEventListener("hashchange", fromHash);
  fromHash();
})();
