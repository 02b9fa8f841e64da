import * as api from "./api.js";
import { el, svg } from "./dom.js";

const W = 960, H = 480;
const project = ([lon, lat]) => [((lon + 180) / 360) * W, ((90 - lat) / 180) * H];

// TopoJSON arcs are quantized and delta-encoded; a negative index ~i means arc i reversed.
function decodeArcs(topology) {
  const [sx, sy] = topology.transform.scale, [tx, ty] = topology.transform.translate;
  return topology.arcs.map((arc) => {
    let x = 0, y = 0;
    return arc.map(([dx, dy]) => { x += dx; y += dy; return [x * sx + tx, y * sy + ty]; });
  });
}

function ringPath(ring, arcs) {
  const points = [];
  for (const index of ring) {
    const arc = index < 0 ? arcs[~index].slice().reverse() : arcs[index];
    points.push(...(points.length ? arc.slice(1) : arc));
  }
  // A ring crossing the antimeridian would draw a line across the whole map: lift the pen.
  let d = "";
  points.forEach((p, i) => {
    const jump = i === 0 || Math.abs(p[0] - points[i - 1][0]) > 180;
    d += `${jump ? "M" : "L"}${project(p).map((v) => v.toFixed(1)).join(",")}`;
  });
  return d;
}

export function landPath(topology) {
  const arcs = decodeArcs(topology);
  const parts = [];
  for (const geometry of topology.objects.land.geometries) {
    const polygons = geometry.type === "Polygon" ? [geometry.arcs] : geometry.arcs;
    for (const polygon of polygons) for (const ring of polygon) parts.push(ringPath(ring, arcs));
  }
  return parts.join("");
}

let landPromise = null;
function land() {
  landPromise = landPromise || fetch("/static/vendor/world-atlas/land-110m.json").then((r) => r.json());
  return landPromise;
}

export function mapChart(points, topology) {
  const chart = svg("svg", { viewBox: `0 0 ${W} ${H}`, width: W, height: H, id: "map-chart" });
  const lines = [];
  for (let lon = -180; lon <= 180; lon += 30) lines.push(`M${project([lon, 90])}L${project([lon, -90])}`);
  for (let lat = -60; lat <= 60; lat += 30) lines.push(`M${project([-180, lat])}L${project([180, lat])}`);
  chart.appendChild(svg("path", { d: lines.join(""), class: "graticule" }));
  if (topology) chart.appendChild(svg("path", { d: landPath(topology), class: "land" }));
  const max = Math.max(1, ...points.map((p) => p.events));
  for (const p of points) {
    const [x, y] = project([p.lon, p.lat]);
    const fill = p.cooperation > p.conflict ? "#1f7a4d" : p.conflict > p.cooperation ? "#b3261e" : "#666";
    chart.appendChild(svg("circle", {
      cx: x, cy: y, r: 4 + (10 * Math.sqrt(p.events)) / Math.sqrt(max), fill, "fill-opacity": 0.7,
      stroke: "#fff", class: "place",
    }, svg("title", {}, `${p.name || "?"}${p.country ? `, ${p.country}` : ""}: ${p.events} event(s), ${p.cooperation} cooperation, ${p.conflict} conflict`)));
  }
  return chart;
}

export async function mapView(root) {
  const [points, topology] = await Promise.all([api.get("/places", { limit: 500 }), land().catch(() => null)]);
  root.append(el("h2", {}, `Where events happened (${points.length} place(s))`),
    el("p", { class: "muted" }, "Dot size: number of events; green mostly cooperation, red mostly conflict."),
    mapChart(points, topology));
}
