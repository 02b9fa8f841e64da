import { badge, el, quadClass, who } from "./dom.js";

// One event shape for cards, from a stored event (flat API item) or a coded one (contract).
export function fromItem(e) {
  return {
    index: e.event_index, type: e.type, mode: e.mode, quad: e.quad_class, asserted: e.asserted,
    aux: e.aux || [], actor: who(e.actor_countries, e.actor_names),
    recipient: who(e.recipient_countries, e.recipient_names),
    date: e.date_start ? (e.date_end && e.date_end !== e.date_start
      ? `${e.date_start} – ${e.date_end}` : e.date_start) + (e.date_precision ? ` (${e.date_precision})` : "") : null,
    place: e.location_name ? `${e.location_name}${e.location_country ? `, ${e.location_country}` : ""}` : null,
    attribution: e.attribution_kind ? `${e.attribution_kind}${e.attribution_text ? `: ${e.attribution_text}` : ""}` : "outlet",
    evidence: { text: e.evidence, start: e.evidence_start, end: e.evidence_end },
    trigger: e.trigger_start === null ? null : { text: e.trigger, start: e.trigger_start, end: e.trigger_end },
    cameo: e.cameo, goldstein: e.goldstein,
  };
}

function side(entities) {
  const countries = [...new Set(entities.map((a) => a.country).filter(Boolean))];
  return who(countries, entities.map((a) => a.name || a.text));
}

export function fromContract(e, index) {
  const d = e.date;
  return {
    index, type: e.type, mode: e.mode, quad: e.quad_class, asserted: e.asserted, aux: e.aux || [],
    actor: side(e.actor || []), recipient: side(e.recipient || []),
    date: d ? `${d.start}${d.end !== d.start ? ` – ${d.end}` : ""} (${d.precision})` : null,
    place: e.location ? `${e.location.name}${e.location.country ? `, ${e.location.country}` : ""}` : null,
    attribution: e.attribution ? `${e.attribution.kind}: ${e.attribution.text}` : "outlet",
    evidence: e.evidence, trigger: e.trigger, cameo: e.cameo, goldstein: e.goldstein,
  };
}

export function card(ev, onSelect) {
  const row = (label, value) => (value === null || value === undefined || value === ""
    ? [] : [el("dt", {}, label), el("dd", {}, String(value))]);
  return el("article", {
    class: `card ${quadClass(ev.quad)}`, "data-event": ev.index, tabindex: "0",
    onclick: () => onSelect(ev),
  },
  el("div", {}, badge(ev.type, ev.quad), " ", ev.mode ? el("span", { class: "muted" }, ev.mode) : null,
    ev.asserted ? null : el("span", { class: "unasserted" }, ` not asserted (${ev.aux.join(", ")})`)),
  el("div", {}, el("strong", {}, ev.actor), " → ", el("strong", {}, ev.recipient)),
  el("dl", {},
    row("date", ev.date), row("place", ev.place), row("on whose word", ev.attribution),
    row("trigger", ev.trigger?.text), row("CAMEO", ev.cameo), row("Goldstein", ev.goldstein),
    row("evidence", ev.evidence.text)));
}

// Cards beside highlighted text: selecting a card outlines its evidence in the text.
export function linkCards(textNode, cardsNode, events) {
  const select = (ev) => {
    for (const node of textNode.querySelectorAll(".hl-evidence")) node.classList.remove("hl-evidence");
    for (const node of cardsNode.querySelectorAll(".card.selected")) node.classList.remove("selected");
    const pieces = textNode.querySelectorAll(`[data-ids~="v${ev.index}"]`);
    for (const node of pieces) node.classList.add("hl-evidence");
    cardsNode.querySelector(`[data-event="${ev.index}"]`)?.classList.add("selected");
    pieces[0]?.scrollIntoView({ block: "center", behavior: "smooth" });
  };
  for (const ev of events) cardsNode.appendChild(card(ev, select));
  return select;
}
