import * as api from "./api.js";
import { el, svg } from "./dom.js";

const W = 900, H = 340, PAD = { left: 40, right: 10, top: 20, bottom: 40 };

function step(date, by) {
  const d = new Date(`${date}T00:00:00Z`);
  if (by === "day") d.setUTCDate(d.getUTCDate() + 1);
  else if (by === "week") d.setUTCDate(d.getUTCDate() + 7);
  else if (by === "month") d.setUTCMonth(d.getUTCMonth() + 1);
  else d.setUTCFullYear(d.getUTCFullYear() + 1);
  return d.toISOString().slice(0, 10);
}

// Empty periods between the first and last event are shown as gaps, not skipped.
function filled(points, by) {
  if (!points.length) return [];
  const byPeriod = new Map(points.map((p) => [p.period, p]));
  const out = [];
  const last = points[points.length - 1].period;
  for (let p = points[0].period; p <= last && out.length < 2000; p = step(p, by)) {
    out.push(byPeriod.get(p) || { period: p, cooperation: 0, conflict: 0, events: 0 });
  }
  return out;
}

export function dyadChart(series) {
  const points = filled(series.points, series.by);
  const chart = svg("svg", { viewBox: `0 0 ${W} ${H}`, width: W, height: H, id: "dyad-chart", role: "img" });
  const max = Math.max(1, ...points.map((p) => Math.max(p.cooperation, p.conflict)));
  const mid = PAD.top + (H - PAD.top - PAD.bottom) / 2;
  const half = (H - PAD.top - PAD.bottom) / 2;
  const band = Math.min(60, (W - PAD.left - PAD.right) / Math.max(1, points.length));
  chart.append(
    svg("line", { x1: PAD.left, x2: W - PAD.right, y1: mid, y2: mid, stroke: "#999" }),
    svg("text", { x: 4, y: PAD.top + 10 }, `${max}`),
    svg("text", { x: 4, y: H - PAD.bottom }, `${max}`),
    svg("text", { x: PAD.left + 4, y: PAD.top + 10, fill: "#1f7a4d" }, "cooperation ↑"),
    svg("text", { x: PAD.left + 4, y: H - PAD.bottom - 4, fill: "#b3261e" }, "conflict ↓"));
  const labelEvery = Math.max(1, Math.ceil(points.length / 12));
  points.forEach((p, i) => {
    const x = PAD.left + i * band;
    const w = Math.max(1, band * 0.8);
    const up = (p.cooperation / max) * half;
    const down = (p.conflict / max) * half;
    chart.append(
      svg("rect", { x, y: mid - up, width: w, height: up, fill: "#1f7a4d", class: "bar-coop" },
        svg("title", {}, `${p.label || p.period}: ${p.cooperation} cooperation`)),
      svg("rect", { x, y: mid, width: w, height: down, fill: "#b3261e", class: "bar-conf" },
        svg("title", {}, `${p.label || p.period}: ${p.conflict} conflict`)));
    if (i % labelEvery === 0) {
      chart.append(svg("text", { x, y: H - PAD.bottom + 16 }, p.label || p.period));
    }
  });
  return chart;
}

export async function dyadsView(root, _args, params) {
  const facets = await api.facets();
  let a = params.get("a"), b = params.get("b");
  if (!a || !b) {
    const net = await api.get("/network", { limit: 1 });
    a = a || net.edges[0]?.source || facets.countries[0]?.value || "";
    b = b || net.edges[0]?.target || facets.countries[1]?.value || "";
  }
  const by = params.get("by") || "month";
  const pick = (name, value) => el("select", { name }, facets.countries.map((c) =>
    el("option", { value: c.value, selected: c.value === value ? "selected" : null }, `${c.value} (${c.count})`)));
  const form = el("form", { class: "filters", id: "dyad-form" },
    el("label", {}, "country A", pick("a", a)), el("label", {}, "country B", pick("b", b)),
    el("label", {}, "by", el("select", { name: "by" }, ["day", "week", "month", "year"].map((v) =>
      el("option", { value: v, selected: v === by ? "selected" : null }, v)))),
    el("button", { type: "submit" }, "Show"));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    location.hash = `#/dyads?${new URLSearchParams(new FormData(form))}`;
  });
  root.appendChild(form);
  if (!a || !b) {
    root.appendChild(el("p", {}, "No countries in the database yet."));
    return;
  }
  const series = await api.get("/dyads", { a, b, by });
  const total = series.points.reduce((n, p) => n + p.events, 0);
  root.append(el("h2", {}, `${series.actor} ↔ ${series.recipient}: ${total} event(s)`), dyadChart(series));
}
