(function () {
  "use strict";
  var views = Array.prototype.slice.call(document.querySelectorAll("section.view"));

  function flash(id) {
    document.querySelectorAll(".flash").forEach(function (el) { el.classList.remove("flash"); });
    document.querySelectorAll("[data-covers]").forEach(function (el) {
      if (el.getAttribute("data-covers").split(" ").indexOf(id) >= 0) { el.classList.add("flash"); }
    });
  }

  // The report file holds every view; the hash says which one to show (the app serves one per page).
  function route() {
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id ? document.getElementById(id) : null;
    if (views.length > 1) {
      var view = (target && target.closest("section.view")) || document.getElementById("overview") || views[0];
      views.forEach(function (v) { v.hidden = v !== view; });
    }
    if (target && !target.matches("section.view")) {
      target.scrollIntoView({ block: "center" });
      flash(id);
    } else if (views.length > 1) {
      window.scrollTo(0, 0);
    }
  }
  window.addEventListener("hashchange", route);
  route();

  document.querySelectorAll("[role=tablist]").forEach(function (list) {
    var tabs = Array.prototype.slice.call(list.querySelectorAll("[role=tab]"));
    function select(tab) {
      tabs.forEach(function (t) {
        var on = t === tab;
        t.setAttribute("aria-selected", on ? "true" : "false");
        document.getElementById(t.getAttribute("aria-controls")).hidden = !on;
      });
    }
    tabs.forEach(function (tab, i) {
      tab.addEventListener("click", function () { select(tab); });
      tab.addEventListener("keydown", function (event) {
        var step = event.key === "ArrowRight" ? 1 : event.key === "ArrowLeft" ? -1 : 0;
        if (step) { var next = tabs[(i + step + tabs.length) % tabs.length]; next.focus(); select(next); }
      });
    });
    select(tabs[0]);
  });

  function showEvidence(mark) {
    var story = mark.closest(".story");
    var panel = story.querySelector(".evidence");
    story.querySelectorAll("button.mark[aria-pressed=true]").forEach(function (m) { m.setAttribute("aria-pressed", "false"); });
    mark.setAttribute("aria-pressed", "true");
    panel.querySelector(".who").textContent = mark.dataset.outlet + " " + mark.dataset.stance +
      (mark.dataset.source ? " (credits it to " + mark.dataset.source + ")" : "") +
      (mark.dataset.value ? " — gives the figure " + mark.dataset.value : "") + ":";
    panel.querySelector("blockquote").textContent = mark.dataset.text;
    panel.querySelector(".claim").textContent = "Claim: " + mark.closest("tr").querySelector(".summary").textContent;
    var row = mark.closest("tr");
    var holder = story.querySelector("tr.evidence-row");
    if (!holder) {
      holder = document.createElement("tr");
      holder.className = "evidence-row";
      holder.appendChild(document.createElement("td"));
    }
    holder.firstChild.colSpan = row.children.length;
    holder.firstChild.appendChild(panel);
    row.after(holder);
    holder.hidden = false;
    var link = panel.querySelector("a");
    link.href = mark.dataset.href;
    link.hidden = false;
  }
  document.addEventListener("click", function (event) {
    var mark = event.target.closest("button.mark");
    if (mark) { showEvidence(mark); }
  });

  document.querySelectorAll(".claim-filters").forEach(function (form) {
    var table = document.getElementById(form.getAttribute("data-table"));
    function apply() {
      var shown = {};
      form.querySelectorAll("input[type=checkbox]").forEach(function (box) { shown[box.value] = box.checked; });
      var words = form.querySelector("input[type=search]").value.toLowerCase();
      var open = table.querySelector("tr.evidence-row");
      if (open) { open.hidden = true; }
      table.querySelectorAll("tbody tr[data-claim]").forEach(function (row) {
        var text = row.querySelector(".summary").textContent.toLowerCase();
        row.hidden = !shown[row.dataset.status] || (words && text.indexOf(words) < 0);
      });
    }
    form.addEventListener("input", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
  });

  document.querySelectorAll(".row-filter").forEach(function (input) {
    var table = document.getElementById(input.getAttribute("data-table"));
    input.addEventListener("input", function () {
      var words = input.value.toLowerCase();
      table.querySelectorAll("tbody tr").forEach(function (row) {
        row.hidden = words && row.textContent.toLowerCase().indexOf(words) < 0;
      });
    });
  });

  document.querySelectorAll(".kind-toggles input").forEach(function (box) {
    box.addEventListener("change", function () {
      box.closest("section").querySelector(".article-text").classList.toggle("hide-" + box.value, !box.checked);
    });
  });
})();
