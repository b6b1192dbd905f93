// dyad web page: shared helpers, tabs, and the "Code an article" view.
// Plain JavaScript, no dependencies, no network but this server.
"use strict";

const dyad = (window.dyad = {});

// Creates an element: el("td", {class: "x"}, "text", child, ...).
dyad.el = function (tag, attrs, ...children) {
  const e = tag.startsWith("svg:")
    ? document.createElementNS("http://www.w3.org/2000/svg", tag.slice(4))
    : document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
};

// Calls the API; resolves to the parsed JSON, or throws an Error carrying the API's message.
dyad.api = async function (method, path, body) {
  const init = { method, headers: {} };
  if (body !== undefined) {
    init.headers["content-type"] = "application/json";
    init.body = JSON.stringify(body);
  }
  const resp = await fetch(path, init);
  let data = null;
  try { data = await resp.json(); } catch (_) { /* not JSON */ }
  if (!resp.ok) {
    const msg = data && data.error ? data.error.message : resp.statusText;
    throw new Error(`${resp.status}: ${msg}`);
  }
  return data;
};

dyad.status = function (id, msg, isError) {
  const s = document.getElementById(id);
  s.textContent = msg;
  s.classList.toggle("error", !!isError);
};

dyad.actorLabel = function (a) {
  if (!a) return "";
  const code = [a.country, a.sector].filter(Boolean).join(" ");
  return a.name ? `${a.name} (${code || "?"})` : code || a.text;
};

// ---- tabs ----
function showView(name) {
  for (const t of document.querySelectorAll(".tab")) t.classList.toggle("active", t.dataset.view === name);
  for (const v of document.querySelectorAll(".view")) v.classList.toggle("hidden", v.id !== `view-${name}`);
  if (location.hash !== `#${name}`) history.replaceState(null, "", `#${name}`);
  document.dispatchEvent(new CustomEvent("dyad:view", { detail: name }));
}
for (const t of document.querySelectorAll(".tab")) t.addEventListener("click", () => showView(t.dataset.view));

// ---- byte offsets (the API's) to string indices (JavaScript's UTF-16) ----
function byteIndex(text) {
  const map = [];
  let u = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0);
    const bytes = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    for (let i = 0; i < bytes; i++) map.push(u);
    u += ch.length;
  }
  map.push(u);
  return (b) => map[Math.max(0, Math.min(b, map.length - 1))];
}

// ---- the "Code an article" view ----
const code = { text: "", ann: null, b2u: null, selected: -1 };

function spansOf(ann, b2u) {
  const spans = [];
  const add = (s, cls) => { if (s && s.end > s.start) spans.push({ start: b2u(s.start), end: b2u(s.end), cls }); };
  for (const e of ann.entities || []) add(e, "hl-actor");
  for (const t of ann.timexes || []) add(t, "hl-time");
  for (const p of ann.places || []) add(p, "hl-place");
  for (const ev of ann.events || []) add(ev.trigger, "hl-trigger");
  return spans;
}

// The evidence sentence's range in the text: the occurrence that holds the trigger.
function evidenceRange(text, ev, b2u) {
  const t = b2u(ev.trigger.start);
  if (ev.evidence) {
    let i = text.indexOf(ev.evidence);
    while (i >= 0) {
      if (i <= t && t < i + ev.evidence.length) return { start: i, end: i + ev.evidence.length };
      i = text.indexOf(ev.evidence, i + 1);
    }
  }
  return { start: t, end: b2u(ev.trigger.end) };
}

function renderDoc() {
  const doc = document.getElementById("doc");
  doc.textContent = "";
  if (!code.ann) return;
  const text = code.text;
  const spans = spansOf(code.ann, code.b2u);
  const ev = code.ann.events[code.selected];
  if (ev) {
    const r = evidenceRange(text, ev, code.b2u);
    spans.push({ ...r, cls: "ev-evidence" });
    for (const part of [ev.trigger, ev.actor, ev.recipient, ev.location]) {
      if (part && part.end > part.start) spans.push({ start: code.b2u(part.start), end: code.b2u(part.end), cls: "ev-focus" });
    }
  }
  const cuts = new Set([0, text.length]);
  for (const s of spans) { cuts.add(s.start); cuts.add(s.end); }
  const points = [...cuts].sort((a, b) => a - b);
  let first = null;
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i], b = points[i + 1];
    const cls = new Set(spans.filter((s) => s.start <= a && b <= s.end).map((s) => s.cls));
    const piece = text.slice(a, b);
    if (cls.size === 0) { doc.append(piece); continue; }
    const node = dyad.el("span", { class: [...cls].join(" ") }, piece);
    if (cls.has("ev-evidence") && !first) first = node;
    doc.append(node);
  }
  if (first) first.scrollIntoView({ block: "nearest" });
}

function renderEvents() {
  const body = document.querySelector("#events tbody");
  body.textContent = "";
  const events = code.ann ? code.ann.events : [];
  events.forEach((ev, i) => {
    const row = dyad.el("tr", {
      "data-index": i, "data-event-type": ev.event_type,
      class: i === code.selected ? "selected" : null,
      onclick: () => { code.selected = i; renderDoc(); renderEvents(); },
    },
      dyad.el("td", {}, dyad.el("b", {}, ev.event_type), ev.mode ? ` (${ev.mode})` : "", ev.negated ? " not" : "",
        dyad.el("div", { class: "code" }, `CAMEO ${ev.cameo} · ${ev.modality}`)),
      dyad.el("td", {}, dyad.actorLabel(ev.actor)),
      dyad.el("td", {}, dyad.actorLabel(ev.recipient), ev.mutual ? dyad.el("div", { class: "code" }, "mutual") : null),
      dyad.el("td", {}, ev.date, dyad.el("div", { class: "code" }, ev.date_basis)),
      dyad.el("td", {}, ev.location ? [ev.location.text,
        ev.location.name !== ev.location.text ? dyad.el("div", { class: "code" }, `${ev.location.name}, ${ev.location.country || "?"}`) : null] : ""),
      dyad.el("td", { class: `q${ev.quad_class}` }, `Q${ev.quad_class} / ${ev.goldstein}`),
      dyad.el("td", {}, ev.trigger.text));
    body.append(row);
  });
  if (code.ann && events.length === 0) {
    body.append(dyad.el("tr", {}, dyad.el("td", { colspan: 7 }, "No events found in this text.")));
  }
}

async function submitCode(e) {
  e.preventDefault();
  const text = document.getElementById("text").value;
  const date = document.getElementById("date").value;
  const title = document.getElementById("title").value.trim();
  const doc = { id: "page", date, text };
  if (title) doc.title = title;
  dyad.status("code-status", "Coding…");
  try {
    const ann = await dyad.api("POST", "/v1/annotate", doc);
    code.text = text; code.ann = ann; code.b2u = byteIndex(text); code.selected = -1;
    renderDoc(); renderEvents();
    dyad.status("code-status", `${ann.events.length} events, ${ann.entities.length} actors, ${ann.timexes.length} times, ${ann.places.length} places`);
  } catch (err) {
    dyad.status("code-status", err.message, true);
  }
}

// Upload: a .txt file fills the text; a .json/.jsonl article fills text, date and title.
async function loadFile(e) {
  const f = e.target.files[0];
  if (!f) return;
  const raw = await f.text();
  let doc = null;
  if (/\.jsonl?$/i.test(f.name)) {
    try { doc = JSON.parse(raw.split(/\r?\n/).find((l) => l.trim()) || "{}"); } catch (_) { doc = null; }
  }
  if (doc && typeof doc.text === "string") {
    document.getElementById("text").value = doc.text;
    if (doc.date) document.getElementById("date").value = String(doc.date).slice(0, 10);
    if (doc.title) document.getElementById("title").value = doc.title;
  } else {
    document.getElementById("text").value = raw;
  }
}

document.getElementById("date").value = new Date().toISOString().slice(0, 10);
document.getElementById("code-form").addEventListener("submit", submitCode);
document.getElementById("file").addEventListener("change", loadFile);
showView(location.hash === "#explore" ? "explore" : "code");
