// kg viewer: search, ego networks, paths and every edge's statements, over the JSON API of
// `kg serve`. No library and nothing fetched from elsewhere: a small force layout in SVG.
// The view lives in the URL's hash (#entity=isis&expand=sdf&type=attack&edge=r12), so a view can
// be shared; edge ids are those of `kg edge`.
"use strict";

const RELATIONS = ["attack", "kill", "accuse", "condemn", "threaten", "demand", "support", "cooperate", "capture", "detain"];
const MODALITIES = ["asserted", "alleged", "hypothetical"];
const RELATION_COLORS = {
  attack: "#d32f2f", kill: "#7b1fa2", accuse: "#f57c00", condemn: "#ffa000", threaten: "#e64a19",
  demand: "#5d4037", support: "#388e3c", cooperate: "#00897b", capture: "#1976d2", detain: "#455a64",
};
const KIND_COLORS = {
  state: "#1e88e5", military: "#3949ab", government_body: "#5e35b1", armed_group: "#e53935",
  person: "#fb8c00", organization: "#43a047", location: "#8d6e63",
};

const $ = (id) => document.getElementById(id);
const SVG_NS = "http://www.w3.org/2000/svg";

// MARK: - State in the URL

const FILTER_KEYS = ["type", "modality", "since", "until", "min_documents"];
let state = {};

function readHash() {
  const params = new URLSearchParams(location.hash.replace(/^#/, ""));
  const s = {};
  for (const [k, v] of params) if (v !== "") s[k] = v;
  return s;
}

function writeHash(next) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(next)) if (v !== undefined && v !== null && v !== "") params.set(k, v);
  const hash = "#" + params.toString();
  if (hash !== location.hash) location.hash = hash;
  else route();
}

function filterState() {
  const f = {};
  for (const k of FILTER_KEYS) if (state[k]) f[k] = state[k];
  return f;
}

function filterQuery() {
  const params = new URLSearchParams(filterState());
  return params.toString();
}

// MARK: - API

// The shape of the answers this page reads (keys in camelCase, as `kg … --json` writes them);
// the server writes its own as `schemaVersion` in every answer.
const API_SCHEMA_VERSION = 2;

async function api(path) {
  const response = await fetch(path, { headers: { Accept: "application/json" } });
  const body = await response.json();
  if (!response.ok) {
    const error = new Error(body.error ? body.error.message : response.statusText);
    error.suggestions = body.error ? body.error.suggestions : [];
    throw error;
  }
  if (body.schemaVersion !== API_SCHEMA_VERSION) {
    throw new Error(`the server answers in schema ${body.schemaVersion}, this page reads ${API_SCHEMA_VERSION}: reload the page, or use the kg that served it.`);
  }
  return body.answer;
}

const enc = encodeURIComponent;

// MARK: - Helpers

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "class") e.className = v;
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v);
  }
  for (const c of children) if (c !== null && c !== undefined) e.append(c);
  return e;
}

function svg(tag, attrs = {}) {
  const e = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  return e;
}

function setStatus(text, isError = false, suggestions = []) {
  const s = $("status");
  s.className = isError ? "error" : "";
  s.replaceChildren(text || "");
  if (suggestions && suggestions.length) {
    s.append(" ");
    for (const name of suggestions) {
      s.append(el("button", { class: "suggestion", onclick: () => go({ search: name }) }, name), " ");
    }
  }
}

/// Navigates to a new view, keeping the filters.
function go(view) {
  writeHash(Object.assign(filterState(), view));
}

// MARK: - Filters panel

function buildFilters() {
  const types = $("filter-types");
  for (const r of RELATIONS) {
    types.append(el("label", {}, el("input", { type: "checkbox", value: r, "data-kind": "type" }), " ",
      el("span", { class: "swatch", style: `background:${RELATION_COLORS[r]}` }), " ", r));
  }
  const modalities = $("filter-modalities");
  for (const m of MODALITIES) {
    modalities.append(el("label", {}, el("input", { type: "checkbox", value: m, "data-kind": "modality" }), " ", m));
  }
  const legend = $("legend");
  legend.append(el("h3", {}, "Actors"));
  for (const [kind, color] of Object.entries(KIND_COLORS)) {
    legend.append(el("div", { class: "legend-row" }, el("span", { class: "dot", style: `background:${color}` }), kind.replace("_", " ")));
  }
  legend.append(el("div", { class: "muted" }, "solid: asserted · dashed: alleged · dotted: hypothetical"));
  $("filter-apply").addEventListener("click", () => {
    const next = Object.assign({}, state);
    const checked = (kind) => [...document.querySelectorAll(`input[data-kind=${kind}]:checked`)].map((i) => i.value).join(",");
    next.type = checked("type");
    next.modality = checked("modality");
    next.since = $("filter-since").value.trim();
    next.until = $("filter-until").value.trim();
    const min = parseInt($("filter-min").value, 10);
    next.min_documents = min > 0 ? String(min) : "";
    writeHash(next);
  });
  $("filter-clear").addEventListener("click", () => {
    const next = Object.assign({}, state);
    for (const k of FILTER_KEYS) delete next[k];
    writeHash(next);
  });
}

function showFilters() {
  const types = (state.type || "").split(",");
  const modalities = (state.modality || "").split(",");
  for (const input of document.querySelectorAll("input[data-kind=type]")) input.checked = types.includes(input.value);
  for (const input of document.querySelectorAll("input[data-kind=modality]")) input.checked = modalities.includes(input.value);
  $("filter-since").value = state.since || "";
  $("filter-until").value = state.until || "";
  $("filter-min").value = state.min_documents || "0";
}

// MARK: - Graph model and drawing

const graph = { nodes: new Map(), edges: new Map(), center: null, expanded: new Set(), selected: null };
const view = { x: 0, y: 0, k: 1 };

/// A number in [0, 1) from an entity id (FNV-1a), so that one graph is always laid out alike.
function idHash(id) {
  let h = 2166136261;
  for (let i = 0; i < id.length; i++) { h ^= id.charCodeAt(i); h = Math.imul(h, 16777619); }
  return (h >>> 0) / 4294967296;
}

function addNode(ref, near) {
  let node = graph.nodes.get(ref.id);
  if (!node) {
    const angle = idHash(ref.id) * 2 * Math.PI;
    const base = near || { x: 0, y: 0 };
    node = { id: ref.id, name: ref.name, type: ref.type, x: base.x + 60 * Math.cos(angle), y: base.y + 60 * Math.sin(angle), vx: 0, vy: 0 };
    graph.nodes.set(ref.id, node);
  }
  return node;
}

function addEdge(summary) {
  if (!graph.edges.has(summary.id)) {
    graph.edges.set(summary.id, {
      id: summary.id, source: summary.source.id, target: summary.target.id, type: summary.type,
      modality: summary.modality, documents: summary.documents, statements: summary.statements, quote: summary.quote,
      sourceName: summary.source.name, targetName: summary.target.name,
    });
  }
}

function clearGraph() {
  graph.nodes.clear();
  graph.edges.clear();
  graph.expanded.clear();
  graph.center = null;
}

/// A force layout: every pair repels, edges pull their ends together, and a weak pull keeps
/// the drawing centred. `pinned` nodes do not move.
function layout(iterations = 300, pinned = new Set()) {
  const nodes = [...graph.nodes.values()];
  const links = [...graph.edges.values()].map((e) => [graph.nodes.get(e.source), graph.nodes.get(e.target)]).filter(([a, b]) => a && b && a !== b);
  const spring = 150;
  for (let i = 0; i < iterations; i++) {
    const cooling = 1 - i / iterations;
    for (let a = 0; a < nodes.length; a++) {
      for (let b = a + 1; b < nodes.length; b++) {
        const p = nodes[a], q = nodes[b];
        let dx = p.x - q.x, dy = p.y - q.y;
        let d2 = dx * dx + dy * dy;
        if (d2 < 0.01) { dx = idHash(p.id) - 0.5; dy = idHash(q.id) - 0.5; d2 = dx * dx + dy * dy + 0.01; }
        const f = Math.min(20000 / d2, 60);
        const d = Math.sqrt(d2);
        p.vx += (dx / d) * f; p.vy += (dy / d) * f;
        q.vx -= (dx / d) * f; q.vy -= (dy / d) * f;
      }
    }
    for (const [p, q] of links) {
      const dx = q.x - p.x, dy = q.y - p.y;
      const d = Math.sqrt(dx * dx + dy * dy) || 1;
      const f = (d - spring) * 0.05;
      p.vx += (dx / d) * f; p.vy += (dy / d) * f;
      q.vx -= (dx / d) * f; q.vy -= (dy / d) * f;
    }
    for (const n of nodes) {
      n.vx -= n.x * 0.01; n.vy -= n.y * 0.01;
      if (pinned.has(n.id)) { n.vx = 0; n.vy = 0; continue; }
      n.x += Math.max(-30, Math.min(30, n.vx)) * cooling;
      n.y += Math.max(-30, Math.min(30, n.vy)) * cooling;
      n.vx *= 0.5; n.vy *= 0.5;
    }
  }
}

function fitView() {
  const box = $("graph").getBoundingClientRect();
  const nodes = [...graph.nodes.values()];
  if (!nodes.length) { view.x = box.width / 2; view.y = box.height / 2; view.k = 1; applyView(); return; }
  const xs = nodes.map((n) => n.x), ys = nodes.map((n) => n.y);
  // Labels run to the right of their node: leave room for them.
  const minX = Math.min(...xs) - 40, maxX = Math.max(...xs) + 170, minY = Math.min(...ys) - 40, maxY = Math.max(...ys) + 40;
  view.k = Math.min(1.6, Math.min(box.width / (maxX - minX), box.height / (maxY - minY)));
  view.x = box.width / 2 - view.k * (minX + maxX) / 2;
  view.y = box.height / 2 - view.k * (minY + maxY) / 2;
  applyView();
}

function applyView() {
  $("viewport").setAttribute("transform", `translate(${view.x},${view.y}) scale(${view.k})`);
}

function ensureMarkers() {
  const defs = $("markers");
  if (defs.childNodes.length) return;
  for (const [r, color] of Object.entries(RELATION_COLORS)) {
    const marker = svg("marker", { id: `arrow-${r}`, viewBox: "0 0 10 10", refX: "10", refY: "5", markerWidth: "12", markerHeight: "12", markerUnits: "userSpaceOnUse", orient: "auto-start-reverse" });
    marker.append(svg("path", { d: "M0,0 L10,5 L0,10 z", fill: color }));
    defs.append(marker);
  }
}

const NODE_RADIUS = 9;

/// The curve of an edge: straight when alone, bowed apart when several join the same pair.
function edgeGeometry(e, offset) {
  const p = graph.nodes.get(e.source), q = graph.nodes.get(e.target);
  const dx = q.x - p.x, dy = q.y - p.y;
  const d = Math.sqrt(dx * dx + dy * dy) || 1;
  const ux = dx / d, uy = dy / d;
  const sx = p.x + ux * NODE_RADIUS, sy = p.y + uy * NODE_RADIUS;
  const tx = q.x - ux * (NODE_RADIUS + 2), ty = q.y - uy * (NODE_RADIUS + 2);
  const mx = (sx + tx) / 2 - uy * offset, my = (sy + ty) / 2 + ux * offset;
  return { d: `M${sx},${sy} Q${mx},${my} ${tx},${ty}`, lx: (sx + tx) / 2 - uy * offset * 0.5, ly: (sy + ty) / 2 + ux * offset * 0.5 };
}

function edgeOffsets() {
  const groups = new Map();
  for (const e of graph.edges.values()) {
    const key = [e.source, e.target].sort().join("\u0000");
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(e);
  }
  const offsets = new Map();
  for (const list of groups.values()) {
    list.forEach((e, i) => {
      const sign = e.source < e.target ? 1 : -1;
      offsets.set(e.id, list.length === 1 ? 0 : sign * (i - (list.length - 1) / 2) * 28);
    });
  }
  return offsets;
}

function draw() {
  ensureMarkers();
  const edgesLayer = $("edges"), nodesLayer = $("nodes");
  // Relation names on every edge only while there are few; otherwise on hover and selection.
  $("graph").classList.toggle("few", graph.edges.size <= 12);
  edgesLayer.replaceChildren();
  nodesLayer.replaceChildren();
  const offsets = edgeOffsets();
  for (const e of graph.edges.values()) {
    if (!graph.nodes.has(e.source) || !graph.nodes.has(e.target)) continue;
    const g = svg("g", { class: `edge ${e.modality}${graph.selected === e.id ? " selected" : ""}`, "data-edge": e.id });
    const geo = edgeGeometry(e, offsets.get(e.id) || 0);
    const color = RELATION_COLORS[e.type] || "#999";
    g.append(svg("path", { class: "line", d: geo.d, stroke: color, "marker-end": `url(#arrow-${e.type})` }));
    g.append(svg("path", { class: "hit", d: geo.d }));
    const label = svg("text", { x: geo.lx, y: geo.ly - 3, "text-anchor": "middle" });
    label.textContent = e.type;
    g.append(label);
    g.addEventListener("mouseenter", (ev) => { g.classList.add("hover"); showTooltip(ev, edgeTooltip(e)); });
    g.addEventListener("mousemove", (ev) => moveTooltip(ev));
    g.addEventListener("mouseleave", () => { g.classList.remove("hover"); hideTooltip(); });
    g.addEventListener("click", (ev) => { ev.stopPropagation(); writeHash(Object.assign({}, state, { edge: e.id })); });
    edgesLayer.append(g);
  }
  for (const n of graph.nodes.values()) {
    const classes = ["node"];
    if (n.id === graph.center) classes.push("center");
    if (graph.expanded.has(n.id)) classes.push("expanded");
    const g = svg("g", { class: classes.join(" "), transform: `translate(${n.x},${n.y})`, "data-node": n.id });
    g.append(svg("circle", { r: NODE_RADIUS, fill: KIND_COLORS[n.type] || "#999" }));
    const label = svg("text", { x: NODE_RADIUS + 4, y: 4 });
    label.textContent = n.name;
    g.append(label);
    g.addEventListener("mouseenter", (ev) => showTooltip(ev, `${n.name} (${n.type.replace("_", " ")}) — click to expand, double-click to centre`));
    g.addEventListener("mousemove", (ev) => moveTooltip(ev));
    g.addEventListener("mouseleave", hideTooltip);
    g.addEventListener("pointerdown", (ev) => startNodeDrag(ev, n));
    g.addEventListener("click", (ev) => { ev.stopPropagation(); if (!n.dragged) { showNode(n); expandNode(n.id); } });
    g.addEventListener("dblclick", (ev) => { ev.stopPropagation(); go({ entity: n.id }); });
    nodesLayer.append(g);
  }
}

/// The clicked node, with the ways to go on from it (a double-click may be lost to the redraw
/// of an expansion, so these are buttons too).
function showNode(n) {
  $("node").replaceChildren(
    el("strong", {}, n.name), el("span", { class: "muted" }, ` ${n.type.replace("_", " ")} · ${n.id} `),
    el("button", { class: "link", onclick: () => go({ entity: n.id }) }, "open"), " · ",
    el("button", { class: "link", onclick: () => { $("path-from").value = n.name; $("path-to").focus(); } }, "path from"), " · ",
    el("button", { class: "link", onclick: () => { $("path-to").value = n.name; $("path-from").focus(); } }, "path to"));
}

function edgeTooltip(e) {
  return `${e.sourceName} ${e.type} ${e.targetName} · ${e.modality} · ${e.documents} document${e.documents === 1 ? "" : "s"}, ${e.statements} statement${e.statements === 1 ? "" : "s"} · ${e.id}`;
}

function showTooltip(ev, text) {
  const t = $("tooltip");
  t.textContent = text;
  t.hidden = false;
  moveTooltip(ev);
}

function moveTooltip(ev) {
  const box = $("canvas").getBoundingClientRect();
  const t = $("tooltip");
  t.style.left = `${ev.clientX - box.left + 12}px`;
  t.style.top = `${ev.clientY - box.top + 12}px`;
}

function hideTooltip() { $("tooltip").hidden = true; }

// MARK: - Pan, zoom and drag

let drag = null;

function startNodeDrag(ev, node) {
  ev.stopPropagation();
  node.dragged = false;
  drag = { node, x: ev.clientX, y: ev.clientY };
}

function setupPanZoom() {
  const area = $("graph");
  area.addEventListener("pointerdown", (ev) => {
    if (drag) return;
    drag = { pan: true, x: ev.clientX, y: ev.clientY, vx: view.x, vy: view.y };
    area.classList.add("panning");
  });
  window.addEventListener("pointermove", (ev) => {
    if (!drag) return;
    if (drag.pan) {
      view.x = drag.vx + ev.clientX - drag.x;
      view.y = drag.vy + ev.clientY - drag.y;
      applyView();
    } else {
      const dx = (ev.clientX - drag.x) / view.k, dy = (ev.clientY - drag.y) / view.k;
      if (Math.abs(dx) + Math.abs(dy) > 2) drag.node.dragged = true;
      drag.node.x += dx; drag.node.y += dy;
      drag.x = ev.clientX; drag.y = ev.clientY;
      draw();
    }
  });
  window.addEventListener("pointerup", () => { drag = null; area.classList.remove("panning"); });
  area.addEventListener("wheel", (ev) => {
    ev.preventDefault();
    const box = area.getBoundingClientRect();
    const px = ev.clientX - box.left, py = ev.clientY - box.top;
    const factor = Math.exp(-ev.deltaY * 0.0015);
    const k = Math.max(0.1, Math.min(6, view.k * factor));
    view.x = px - (px - view.x) * (k / view.k);
    view.y = py - (py - view.y) * (k / view.k);
    view.k = k;
    applyView();
  }, { passive: false });
}

// MARK: - Views

async function showSearch(text) {
  const results = $("results");
  results.replaceChildren(el("h2", {}, `Search: ${text}`));
  const answer = await api(`/api/entities?match=${enc(text)}&limit=50`);
  if (!answer.entities.length) {
    results.append(el("p", {}, `No entity matches '${text}'.`));
    if (answer.suggestions.length) {
      const p = el("p", {}, "Did you mean ");
      answer.suggestions.forEach((name, i) => {
        if (i) p.append(i === answer.suggestions.length - 1 ? " or " : ", ");
        p.append(el("button", { class: "suggestion", onclick: () => go({ search: name }) }, name));
      });
      p.append("?");
      results.append(p);
    }
    return;
  }
  results.append(el("p", { class: "muted" }, `${answer.total} found${answer.total > answer.entities.length ? `, first ${answer.entities.length} shown` : ""}`));
  for (const e of answer.entities) {
    const aliases = e.aliases.length ? ` — also ${e.aliases.slice(0, 4).join(", ")}` : "";
    results.append(el("button", { class: "result", "data-entity": e.id, onclick: () => go({ entity: e.id }) },
      `${e.name}`, el("span", { class: "muted" }, ` ${e.type.replace("_", " ")} · ${e.outgoing} out, ${e.incoming} in${aliases}`)));
  }
}

async function loadNeighbors(id) {
  const q = filterQuery();
  const answer = await api(`/api/neighbors/${enc(id)}${q ? "?" + q : ""}`);
  const center = addNode(answer.entity);
  for (const entry of answer.neighbors) {
    addNode(entry.neighbor, center);
    addEdge(entry.edge);
  }
  graph.expanded.add(answer.entity.id);
  return answer;
}

async function showEntity(id) {
  clearGraph();
  const detail = await api(`/api/entities/${enc(id)}`);
  const e = detail.entity;
  graph.center = e.id;
  addNode({ id: e.id, name: e.name, type: e.type }).x = 0;
  const expand = (state.expand || "").split(",").filter(Boolean);
  const answer = await loadNeighbors(e.id);
  for (const other of expand) {
    if (other !== e.id) {
      try { await loadNeighbors(other); } catch (error) { setStatus(error.message, true); }
    }
  }
  layout(400, new Set());
  fitView();
  draw();
  const panel = $("entity");
  panel.replaceChildren(
    el("h2", {}, e.name),
    el("div", { class: "muted" }, `${e.type.replace("_", " ")} · id ${e.id}${e.partOf ? ` · part of ${detail.partOf ? detail.partOf.name : e.partOf}` : ""}`));
  if (e.aliases.length) panel.append(el("div", { class: "muted" }, `also: ${e.aliases.join(", ")}`));
  panel.append(el("div", { class: "muted" }, `${e.outgoing} edges out, ${e.incoming} in; ${answer.neighbors.length} shown with these filters`));
  panel.append(el("button", { class: "link", onclick: () => { $("path-from").value = e.name; $("path-to").focus(); } }, "path from here…"));
  const list = el("ul", { id: "edge-list" });
  for (const entry of answer.neighbors) {
    const s = entry.edge;
    list.append(el("li", {}, el("button", { class: "link", "data-edge": s.id, onclick: () => writeHash(Object.assign({}, state, { edge: s.id })) },
      `${s.source.name} ${s.type} ${s.target.name}`), el("span", { class: "muted" }, ` ${s.modality} · ${s.documents} doc · ${s.id}`)));
  }
  panel.append(el("h3", {}, "Edges"), list);
  setStatus(`${graph.nodes.size} actors, ${graph.edges.size} edges`);
}

async function expandNode(id) {
  if (graph.expanded.has(id) || !state.entity) return;
  const expand = (state.expand || "").split(",").filter(Boolean);
  expand.push(id);
  // Expanding keeps the layout: new nodes settle around the fixed old ones.
  const pinned = new Set(graph.nodes.keys());
  try {
    await loadNeighbors(id);
  } catch (error) {
    setStatus(error.message, true, error.suggestions);
    return;
  }
  layout(200, pinned);
  fitView();
  draw();
  state.expand = expand.join(",");
  suppressNextRoute = true;
  writeHash(state);
  setStatus(`${graph.nodes.size} actors, ${graph.edges.size} edges`);
}

async function showPath(from, to) {
  clearGraph();
  const params = new URLSearchParams(filterState());
  params.set("from", from);
  params.set("to", to);
  if (state.undirected === "1") params.set("undirected", "true");
  const answer = await api(`/api/path?${params.toString()}`);
  graph.center = answer.from.id;
  answer.paths.forEach((path, p) => {
    path.entities.forEach((ref, i) => {
      const node = addNode(ref);
      if (!node.placed) { node.x = i * 200; node.y = (p - (answer.paths.length - 1) / 2) * 90; node.placed = true; }
    });
    for (const hop of path.hops) for (const edge of hop.edges) addEdge(edge);
  });
  fitView();
  draw();
  const panel = $("paths");
  panel.replaceChildren(el("h2", {}, `Paths: ${answer.from.name} → ${answer.to.name}`),
    el("div", { class: "muted" }, `${answer.paths.length} ${answer.mode} path${answer.paths.length === 1 ? "" : "s"}${answer.undirected ? ", undirected" : ""}${answer.truncated ? " (more exist)" : ""}`));
  answer.paths.forEach((path, p) => {
    const table = el("table", { class: "hops" });
    for (const hop of path.hops) {
      const cell = el("td");
      for (const edge of hop.edges) {
        cell.append(el("button", { class: "link", "data-edge": edge.id, onclick: () => writeHash(Object.assign({}, state, { edge: edge.id })) },
          `${edge.source.name} ${edge.type} ${edge.target.name}`), el("span", { class: "muted" }, ` ${edge.modality} · ${edge.id}`), el("br"));
      }
      table.append(el("tr", {}, el("td", {}, `${hop.from.name} → ${hop.to.name}`), cell));
    }
    panel.append(el("h3", {}, `Path ${p + 1} (${path.length} hop${path.length === 1 ? "" : "s"})`), table);
  });
  setStatus(`${graph.nodes.size} actors, ${graph.edges.size} edges`);
}

/// The quote with the source and target marked, from the code-point offsets of the marks.
function markedQuote(statement, edge) {
  const chars = Array.from(statement.quote);
  const block = el("blockquote", { class: "quote" });
  let i = 0;
  const marks = [...statement.marks].sort((a, b) => a.start - b.start);
  for (const m of marks) {
    const start = m.start - statement.start, end = m.end - statement.start;
    if (start < i || end > chars.length || start >= end) continue;
    block.append(chars.slice(i, start).join(""));
    const role = m.entity === edge.source.id ? "source" : "target";
    block.append(el("mark", { class: role, title: role }, chars.slice(start, end).join("")));
    i = end;
  }
  block.append(chars.slice(i).join(""));
  return block;
}

async function showEdge(id) {
  graph.selected = id;
  for (const g of document.querySelectorAll(".edge")) {
    g.classList.toggle("selected", g.dataset.edge === id);
    if (g.dataset.edge === id) g.parentNode.append(g);  // drawn on top of the others
  }
  $("details").scrollTop = 0;
  const panel = $("evidence");
  panel.replaceChildren(el("p", { class: "muted" }, `Loading ${id}…`));
  let answer;
  try {
    answer = await api(`/api/edges/${enc(id)}`);
  } catch (error) {
    panel.replaceChildren(el("p", { class: "error-box" }, error.message));
    return;
  }
  const e = answer.edge;
  panel.replaceChildren(
    el("h2", {}, el("mark", { class: "source" }, e.source.name), ` ${e.type} `, el("mark", { class: "target" }, e.target.name)),
    el("div", { class: "muted" }, `${e.id} · ${e.modality}${e.assertedBy ? ` by ${e.assertedBy}` : ""} · ${e.documents} document${e.documents === 1 ? "" : "s"}, ${e.statements} statement${e.statements === 1 ? "" : "s"}`),
    el("button", { class: "link", onclick: () => { const next = Object.assign({}, state); delete next.edge; writeHash(next); } }, "close"));
  for (const s of answer.statements) {
    const meta = el("div", { class: "meta" },
      el("strong", {}, s.title || s.document), s.outlet ? ` — ${s.outlet}` : "", s.date ? `, ${s.date}` : "", el("br"),
      `${s.modality}`, s.claimant ? ` (claimed by ${s.claimant.name})` : "", " · rule ", el("code", { class: "rule" }, s.rule),
      ` · sentence ${s.sentence} · ${s.document}`);
    panel.append(el("div", { class: "statement" }, markedQuote(s, e), meta));
  }
}

// MARK: - Routing

let suppressNextRoute = false;
let routeToken = 0;

async function route() {
  if (suppressNextRoute) { suppressNextRoute = false; return; }
  const previous = state;
  state = readHash();
  const token = ++routeToken;
  showFilters();
  $("search").value = state.search || $("search").value;
  if (state.from) $("path-from").value = state.from;
  if (state.to) $("path-to").value = state.to;
  const sameGraph = ["entity", "expand", "from", "to", "undirected", "search", ...FILTER_KEYS].every((k) => previous[k] === state[k]);
  try {
    if (!sameGraph) {
      for (const id of ["results", "node", "entity", "paths"]) $(id).replaceChildren();
      graph.selected = null;
      if (state.entity) {
        setStatus("Loading…");
        await showEntity(state.entity);
      } else if (state.from && state.to) {
        setStatus("Finding paths…");
        await showPath(state.from, state.to);
      } else {
        clearGraph();
        draw();
        if (state.search) {
          setStatus("");
          await showSearch(state.search);
        } else {
          setStatus("Search an actor to start, or ask for a path.");
        }
      }
    }
    if (token !== routeToken) return;
    if (state.edge) await showEdge(state.edge);
    else { $("evidence").replaceChildren(); graph.selected = null; }
  } catch (error) {
    if (token === routeToken) setStatus(error.message, true, error.suggestions);
  }
  document.body.dataset.ready = String(token);
}

function setupForms() {
  $("search-form").addEventListener("submit", (ev) => {
    ev.preventDefault();
    const text = $("search").value.trim();
    if (text) go({ search: text });
  });
  $("path-form").addEventListener("submit", (ev) => {
    ev.preventDefault();
    const from = $("path-from").value.trim(), to = $("path-to").value.trim();
    if (from && to) go({ from, to, undirected: $("path-undirected").checked ? "1" : "" });
  });
}

buildFilters();
setupForms();
setupPanZoom();
window.addEventListener("hashchange", route);
window.addEventListener("resize", () => fitView());
route();
