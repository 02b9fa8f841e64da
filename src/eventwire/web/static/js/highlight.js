import { el } from "./dom.js";

// Text with overlapping marks (quotes hold actors and triggers, sources hold actors...):
// cut at every mark boundary and give each piece the classes of all marks covering it, so no
// nesting rules are needed. data-ids lists the marks ("t3" trigger of event 3, "e5" entity 5).
export function highlighted(text, marks) {
  const cuts = new Set([0, text.length]);
  for (const m of marks) {
    if (m.start >= 0 && m.end <= text.length && m.start < m.end) {
      cuts.add(m.start);
      cuts.add(m.end);
    }
  }
  const points = [...cuts].sort((a, b) => a - b);
  const fragment = document.createDocumentFragment();
  for (let i = 0; i + 1 < points.length; i++) {
    const [start, end] = [points[i], points[i + 1]];
    const piece = text.slice(start, end);
    const covering = marks.filter((m) => m.start <= start && m.end >= end && m.start < m.end);
    if (!covering.length) {
      fragment.appendChild(document.createTextNode(piece));
      continue;
    }
    const kinds = [...new Set(covering.map((m) => `hl-${m.kind}`))];
    const titles = covering.map((m) => m.title).filter(Boolean);
    fragment.appendChild(el("span", {
      class: kinds.join(" "),
      "data-ids": covering.map((m) => m.id).join(" "),
      title: titles.join("\n") || null,
    }, piece));
  }
  return fragment;
}

// Marks from an article's coded parts (API detail shape or contract shape alike).
export function marksOf(parts) {
  const marks = [];
  (parts.quotes || []).forEach((q, i) => marks.push({
    kind: "quote", id: `q${i}`, start: q.start, end: q.end,
    title: `quote${q.speaker ? ` — ${typeof q.speaker === "string" ? q.speaker : q.speaker.name || q.speaker.text}` : ""}`,
  }));
  (parts.sources || []).forEach((s, i) => marks.push({
    kind: "source", id: `s${i}`, start: s.start, end: s.end, title: `source: ${s.kind}`,
  }));
  (parts.entities || []).forEach((e, i) => marks.push({
    kind: "entity", id: `e${i}`, start: e.start, end: e.end,
    title: [e.name || e.text, e.country, e.sector, e.role].filter(Boolean).join(" · "),
  }));
  (parts.events || []).forEach((ev, i) => {
    const n = ev.index ?? i;
    if (ev.trigger && ev.trigger.start !== null && ev.trigger.start !== undefined) {
      marks.push({ kind: "trigger", id: `t${n}`, start: ev.trigger.start, end: ev.trigger.end,
        title: `${ev.type} trigger` });
    }
    marks.push({ kind: "ev", id: `v${n}`, start: ev.evidence.start, end: ev.evidence.end });
  });
  return marks;
}

export function legend() {
  return el("p", { class: "legend" },
    el("span", { class: "hl-entity" }, "actor"), el("span", { class: "hl-trigger" }, "event trigger"),
    el("span", { class: "hl-quote" }, "quote"), el("span", { class: "hl-source" }, "sourcing phrase"));
}
