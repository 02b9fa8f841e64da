import * as api from "./api.js";
import { el, svg } from "./dom.js";

const SIZE = 640;

function colour(edge) {
  if (edge.cooperation > edge.conflict) return "#1f7a4d";
  if (edge.conflict > edge.cooperation) return "#b3261e";
  return "#999";
}

// Circular layout: with at most a few hundred country nodes it is readable, stable between
// reloads, and needs no iterative simulation.
export function networkChart(net) {
  const chart = svg("svg", { viewBox: `0 0 ${SIZE} ${SIZE}`, width: SIZE, height: SIZE, id: "network-chart" });
  const r = SIZE / 2 - 60;
  const pos = new Map(net.nodes.map((n, i) => {
    const angle = (2 * Math.PI * i) / Math.max(1, net.nodes.length) - Math.PI / 2;
    return [n.id, [SIZE / 2 + r * Math.cos(angle), SIZE / 2 + r * Math.sin(angle)]];
  }));
  const maxEdge = Math.max(1, ...net.edges.map((e) => e.events));
  for (const e of net.edges) {
    const [x1, y1] = pos.get(e.source), [x2, y2] = pos.get(e.target);
    chart.appendChild(svg("line", {
      x1, y1, x2, y2, stroke: colour(e), "stroke-width": 1 + (5 * e.events) / maxEdge, "stroke-opacity": 0.75,
      class: "edge", "data-pair": `${e.source}-${e.target}`,
    }, svg("title", {}, `${e.source} – ${e.target}: ${e.events} event(s), ${e.cooperation} cooperation, ${e.conflict} conflict`)));
  }
  const maxNode = Math.max(1, ...net.nodes.map((n) => n.events));
  for (const n of net.nodes) {
    const [x, y] = pos.get(n.id);
    const link = svg("a", { href: `#/events?country=${encodeURIComponent(n.id)}` },
      svg("circle", { cx: x, cy: y, r: 5 + (10 * n.events) / maxNode, fill: "#20232a", class: "node" },
        svg("title", {}, `${n.id}: ${n.events} event(s)`)),
      svg("text", { x: x + (x < SIZE / 2 ? -14 : 14), y: y + 4, "text-anchor": x < SIZE / 2 ? "end" : "start" }, n.id));
    chart.appendChild(link);
  }
  return chart;
}

export async function networkView(root) {
  const net = await api.get("/network", { limit: 150 });
  root.append(el("h2", {}, `Who interacts with whom (${net.edges.length} pair(s))`),
    el("p", { class: "muted" }, "Edge colour: green mostly cooperation, red mostly conflict; width: number of events. Click a country for its events."));
  if (!net.nodes.length) {
    root.appendChild(el("p", {}, "No actor–recipient pairs in the database yet."));
    return;
  }
  root.appendChild(networkChart(net));
}
