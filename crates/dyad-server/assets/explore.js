// dyad web page: the "Explore" view. Every number comes from a server-side
// aggregate and every list is paginated, so the page stays small at 10M events.
"use strict";

(function () {
  const { el, api, status } = window.dyad;
  const Q_NAMES = ["", "verbal cooperation", "material cooperation", "verbal conflict", "material conflict"];
  const state = { loaded: false, world: null, listQuery: null, cursor: null };

  const $ = (id) => document.getElementById(id);
  const svg = (tag, attrs, ...kids) => el(`svg:${tag}`, attrs, ...kids);
  const qs = (o) => Object.entries(o).filter(([, v]) => v !== "" && v !== null && v !== undefined)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join("&");

  function period() {
    const from = $("from").value, to = $("to").value;
    return { from: from ? `${from}-01` : "", to: to ? lastDay(to) : "" };
  }
  function lastDay(month) {
    const [y, m] = month.split("-").map(Number);
    const d = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return `${month}-${String(d).padStart(2, "0")}`;
  }
  function addMonths(month, n) {
    const [y, m] = month.split("-").map(Number);
    const t = y * 12 + (m - 1) + n;
    return `${Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, "0")}`;
  }
  function pair() { return { actor: $("actor-a").value, recipient: $("actor-b").value }; }

  async function init() {
    state.loaded = true;
    status("explore-status", "Loading actors…");
    try {
      // Default period: the 24 months up to where 99% of the store's events lie
      // (a stray far-future or far-past date does not stretch the chart).
      const months = (await api("GET", "/v1/aggregates?by=month")).rows;
      const total = months.reduce((s, r) => s + r.count, 0);
      let acc = 0, end = null;
      for (const r of months) { acc += r.count; if (!end && acc >= 0.99 * total) end = r.period; }
      if (end && !$("to").value) {
        $("to").value = end;
        $("from").value = addMonths(end, -23);
      }
      const p = period();
      const [actors, dyads] = await Promise.all([
        api("GET", `/v1/aggregates?${qs({ group: "actor", limit: 300 })}`),
        // The same question as refresh()'s network, so the server answers it once (cached).
        api("GET", `/v1/aggregates?${qs({ group: "dyad", limit: 40, ...p })}`),
      ]);
      const codes = actors.rows.filter((r) => r.key && r.key !== "?");
      for (const sel of [$("actor-a"), $("actor-b")]) {
        sel.textContent = "";
        for (const a of codes) sel.append(el("option", { value: a.key }, `${a.key} (${a.count})`));
      }
      if (codes.length === 0) { status("explore-status", "The store is empty: ingest articles first."); return; }
      const top = dyads.rows.map(splitDyad).find((d) => d && d.a !== d.b);
      if (top) { setSelect("actor-a", top.a); setSelect("actor-b", top.b); }
      else if (codes.length > 1) $("actor-b").selectedIndex = 1;
      await refresh();
    } catch (err) {
      status("explore-status", err.message, true);
    }
  }
  // "RUS-UKR" into {a, b}; null when a side is unknown.
  function splitDyad(row) {
    const [a, b] = (row.key || "").split("-");
    return a && b && a !== "?" && b !== "?" ? { a, b, row } : null;
  }
  function setSelect(id, code) {
    const sel = $(id);
    if (![...sel.options].some((o) => o.value === code)) sel.append(el("option", { value: code }, code));
    sel.value = code;
  }

  async function refresh(e) {
    if (e) e.preventDefault();
    const { actor, recipient } = pair();
    const p = period();
    status("explore-status", "Loading…");
    try {
      const [series, dyads, places] = await Promise.all([
        api("GET", `/v1/aggregates?${qs({ by: "month", dyad: `${actor}-${recipient}`, ...p })}`),
        api("GET", `/v1/aggregates?${qs({ group: "dyad", limit: 40, ...p })}`),
        api("GET", `/v1/aggregates?${qs({ group: "admin1", limit: 2000, ...p })}`),
      ]);
      let rows = series.rows, bucket = "month";
      if (rows.length && monthsBetween(rows[0].period, rows[rows.length - 1].period).length > 120) {
        rows = (await api("GET", `/v1/aggregates?${qs({ by: "year", dyad: `${actor}-${recipient}`, ...p })}`)).rows;
        bucket = "year";
      }
      drawChart(rows, bucket);
      drawNetwork(dyads.rows.map(splitDyad).filter((d) => d && d.a !== d.b).slice(0, 25));
      await drawMap(places.rows.filter((r) => r.lat !== undefined && r.lon !== undefined));
      const n = series.rows.reduce((s, g) => s + g.count, 0);
      status("explore-status", `${n} events between ${actor} and ${recipient}`);
      listEvents({ dyad: `${actor}-${recipient}`, ...p }, `Events between ${actor} and ${recipient}`);
    } catch (err) {
      status("explore-status", err.message, true);
    }
  }

  // ---- monthly series: stacked bars per quad class, Goldstein mean as a line ----
  function monthsBetween(a, b) {
    const out = [];
    let [y, m] = a.split("-").map(Number);
    const [y2, m2] = b.split("-").map(Number);
    while ((y < y2 || (y === y2 && m <= m2)) && out.length < 1200) {
      out.push(`${y}-${String(m).padStart(2, "0")}`);
      m += 1; if (m > 12) { m = 1; y += 1; }
    }
    return out;
  }

  function yearsBetween(a, b) {
    const out = [];
    for (let y = Number(a); y <= Number(b) && out.length < 1200; y++) out.push(String(y));
    return out;
  }

  function drawChart(groups, bucket) {
    const box = $("chart");
    box.textContent = "";
    $("chart-caption").textContent = `${bucket === "year" ? "Yearly" : "Monthly"} events per quad class, and the Goldstein mean`;
    if (!groups.length) { box.append(el("div", { class: "empty" }, "No events for this pair in this period.")); return; }
    const byKey = new Map(groups.map((g) => [g.period, g]));
    const keys = groups.map((g) => g.period).sort();
    // The axis spans the chosen period (or the data, where no bound is set).
    const f = $("from").value, t = $("to").value;
    const lo = bucket === "year" ? (f ? f.slice(0, 4) : keys[0]) : (f || keys[0]);
    const hi = bucket === "year" ? (t ? t.slice(0, 4) : keys[keys.length - 1]) : (t || keys[keys.length - 1]);
    const first = lo < keys[0] ? lo : keys[0], last = hi > keys[keys.length - 1] ? hi : keys[keys.length - 1];
    const months = bucket === "year" ? yearsBetween(first, last) : monthsBetween(first, last);
    const W = 960, H = 280, L = 40, R = 40, T = 12, B = 36;
    const max = Math.max(1, ...groups.map((g) => g.count));
    const bw = (W - L - R) / months.length;
    const y = (v) => T + (H - T - B) * (1 - v / max);
    const yg = (g) => T + (H - T - B) * (1 - (g + 10) / 20);
    const root = svg("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "monthly series" });
    const axis = svg("g", { class: "axis" });
    for (const t of [0, max / 2, max]) {
      axis.append(svg("line", { x1: L, x2: W - R, y1: y(t), y2: y(t) }),
        svg("text", { x: L - 4, y: y(t) + 3, "text-anchor": "end" }, Math.round(t)));
    }
    for (const g of [-10, 0, 10]) axis.append(svg("text", { x: W - R + 4, y: yg(g) + 3 }, g));
    const step = Math.max(1, Math.ceil(months.length / 12));
    months.forEach((m, i) => {
      if (i % step === 0) axis.append(svg("text", { x: L + i * bw + bw / 2, y: H - B + 14, "text-anchor": "middle" }, m));
    });
    root.append(axis);
    const line = [];
    months.forEach((m, i) => {
      const g = byKey.get(m);
      const x = L + i * bw;
      if (g) {
        let acc = 0;
        [g.quad1, g.quad2, g.quad3, g.quad4].forEach((n, q) => {
          if (!n) return;
          root.append(svg("rect", { class: `bar q${q + 1}`, x: x + bw * 0.1, width: Math.max(1, bw * 0.8),
            y: y(acc + n), height: y(acc) - y(acc + n), fill: `var(--q${q + 1})` },
          svg("title", {}, `${m}: ${n} ${Q_NAMES[q + 1]}`)));
          acc += n;
        });
        line.push(`${x + bw / 2},${yg(g.goldstein_mean)}`);
      }
      const hit = svg("rect", { class: "month-hit", "data-month": m, x, y: T, width: bw, height: H - T - B,
        onclick: () => {
          for (const h of root.querySelectorAll(".month-hit")) h.classList.remove("selected");
          hit.classList.add("selected");
          const { actor, recipient } = pair();
          listEvents({ dyad: `${actor}-${recipient}`, from: m, to: m }, `Events between ${actor} and ${recipient} in ${m}`);
        } },
      svg("title", {}, g ? `${m}: ${g.count} events, Goldstein mean ${g.goldstein_mean.toFixed(2)}` : `${m}: no events`));
      root.append(hit);
    });
    if (line.length > 1) root.append(svg("polyline", { class: "goldstein", points: line.join(" "), fill: "none", stroke: "#1d2330", "stroke-width": 1.5 }));
    for (const p of line) { const [cx, cy] = p.split(","); root.append(svg("circle", { cx, cy, r: 2.5, fill: "#1d2330" })); }
    const legend = svg("g", { class: "axis" });
    [1, 2, 3, 4].forEach((q, i) => legend.append(
      svg("rect", { x: L + i * 150, y: H - 12, width: 10, height: 10, fill: `var(--q${q})` }),
      svg("text", { x: L + i * 150 + 14, y: H - 3 }, Q_NAMES[q])));
    legend.append(svg("line", { x1: L + 610, x2: L + 630, y1: H - 7, y2: H - 7, stroke: "#1d2330", "stroke-width": 1.5 }),
      svg("text", { x: L + 634, y: H - 3 }, "Goldstein mean (right axis)"));
    root.append(legend);
    box.append(root);
  }

  // ---- the events behind a point: paginated ----
  async function listEvents(query, title) {
    state.listQuery = query; state.cursor = null;
    $("list-title").textContent = title;
    $("event-list").textContent = "";
    await more();
  }
  async function more() {
    const q = { ...state.listQuery, limit: 20 };
    if (state.cursor) q.cursor = state.cursor;
    try {
      const page = await api("GET", `/v1/events?${qs(q)}`);
      for (const ev of page.items) $("event-list").append(eventItem(ev));
      if (!page.items.length && !state.cursor) $("event-list").append(el("li", {}, "No events."));
      state.cursor = page.next_cursor;
      $("more").classList.toggle("hidden", !state.cursor);
    } catch (err) {
      status("explore-status", err.message, true);
    }
  }
  function party(p) {
    if (!p) return "?";
    const code = [p.country, p.sector].filter(Boolean).join(" ");
    return p.name ? `${p.name} (${code || "?"})` : code || "?";
  }
  // One stored event: its codes, then each report with its evidence and source.
  function eventItem(ev) {
    const reports = (ev.mentions || []).slice(0, 3).map((m) => {
      const ix = m.evidence.indexOf(m.trigger.text);
      const evidence = ix < 0 ? [m.evidence]
        : [m.evidence.slice(0, ix), el("b", {}, m.trigger.text), m.evidence.slice(ix + m.trigger.text.length)];
      const where = m.url ? el("a", { href: m.url, rel: "noreferrer", target: "_blank" }, m.source || m.doc_id) : (m.source || m.doc_id);
      return el("div", { class: "report" },
        el("div", { class: "evidence" }, "“", evidence, "”"),
        el("div", { class: "meta" }, where, m.doc_date ? ` · published ${m.doc_date}` : "", ` · ${m.doc_id}`));
    });
    const extra = ev.num_mentions > 3 ? el("div", { class: "meta" }, `… and ${ev.num_mentions - 3} more reports`) : null;
    return el("li", { "data-event-id": ev.id },
      el("div", {}, el("b", { class: `q${ev.quad_class}` }, ev.event_type), " ",
        party(ev.actor), " → ", party(ev.recipient), ` · ${ev.date}`,
        ev.location ? ` · ${ev.location.name}` : "",
        el("span", { class: "meta" }, ` · ${ev.num_mentions} reports, ${ev.num_sources} sources · Goldstein ${ev.goldstein}`)),
      reports, extra);
  }

  // ---- network of the most active dyads ----
  function drawNetwork(groups) {
    const box = $("network");
    box.textContent = "";
    if (!groups.length) { box.append(el("div", { class: "empty" }, "No dyads in this period.")); return; }
    const W = 460, H = 360, cx = W / 2, cy = H / 2, rad = Math.min(W, H) / 2 - 40;
    const names = [...new Set(groups.flatMap((g) => [g.a, g.b]))];
    const pos = new Map(names.map((n, i) => {
      const a = (2 * Math.PI * i) / names.length - Math.PI / 2;
      return [n, [cx + rad * Math.cos(a), cy + rad * Math.sin(a)]];
    }));
    const max = Math.max(...groups.map((d) => d.row.count));
    const root = svg("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "dyad network" });
    for (const d of groups) {
      const g = { ...d.row, actor: d.a, recipient: d.b };
      const [x1, y1] = pos.get(g.actor), [x2, y2] = pos.get(g.recipient);
      const gm = g.goldstein_mean ?? 0;
      const color = gm >= 0 ? `rgba(46,134,222,${0.35 + 0.6 * Math.min(1, gm / 5)})` : `rgba(192,57,43,${0.35 + 0.6 * Math.min(1, -gm / 5)})`;
      root.append(svg("line", { class: "edge", x1, y1, x2, y2, stroke: color, "stroke-width": 1 + 7 * (g.count / max),
        onclick: () => { setSelect("actor-a", g.actor); setSelect("actor-b", g.recipient); refresh(); } },
      svg("title", {}, `${g.actor} → ${g.recipient}: ${g.count} events, Goldstein mean ${gm.toFixed(2)}`)));
    }
    for (const n of names) {
      const [x, y] = pos.get(n);
      const outside = x < cx ? "end" : "start";
      root.append(svg("g", { class: "node" }, svg("circle", { cx: x, cy: y, r: 4 }),
        svg("text", { x: x + (x < cx ? -7 : 7), y: y + 4, "text-anchor": outside }, n)));
    }
    box.append(root);
  }

  // ---- map: embedded world outline (equirectangular) and event locations ----
  // One dot per first-level division (COUNTRY/ADMIN1, or COUNTRY/? for events
  // placed only at country level), at the mean position of its events: the
  // server sums them in its place roll-up, so no event is sampled or sent.
  async function drawMap(groups) {
    if (!state.world) state.world = await (await fetch("/assets/world.json")).json();
    const box = $("map");
    box.textContent = "";
    const W = 720, H = 360;
    const px = (lon) => ((lon + 180) / 360) * W, py = (lat) => ((90 - lat) / 180) * H;
    const root = svg("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "map of event locations" });
    root.append(svg("rect", { x: 0, y: 0, width: W, height: H, fill: "#f2f6fb" }));
    const land = svg("g", { class: "land" });
    for (const line of state.world.lines) {
      let pts = [];
      for (let i = 0; i + 1 < line.length; i += 2) {
        if (pts.length && Math.abs(line[i] - line[i - 2]) > 180) { land.append(svg("polyline", { points: pts.join(" ") })); pts = []; }
        pts.push(`${px(line[i]).toFixed(1)},${py(line[i + 1]).toFixed(1)}`);
      }
      if (pts.length > 1) land.append(svg("polyline", { points: pts.join(" ") }));
    }
    root.append(land);
    const max = Math.max(1, ...groups.map((g) => g.count));
    for (const g of groups) {
      root.append(svg("circle", { class: "dot", cx: px(g.lon), cy: py(g.lat), r: 2 + 8 * Math.sqrt(g.count / max) },
        svg("title", {}, `${placeName(g.key)}: ${g.count} events, Goldstein mean ${g.goldstein_mean.toFixed(2)}`)));
    }
    box.append(root);
    const total = groups.reduce((s, g) => s + g.count, 0);
    box.append(el("div", { class: "meta" }, `${total} located events in ${groups.length} regions`));
  }
  // "CHN/Beijing" -> "Beijing, CHN"; "CHN/?" -> "CHN".
  function placeName(key) {
    const [c, a] = (key || "?/?").split("/");
    return a && a !== "?" ? `${a}, ${c}` : c;
  }

  $("explore-form").addEventListener("submit", refresh);
  $("more").addEventListener("click", more);
  document.addEventListener("dyad:view", (e) => { if (e.detail === "explore" && !state.loaded) init(); });
  if (location.hash === "#explore") init();
})();
