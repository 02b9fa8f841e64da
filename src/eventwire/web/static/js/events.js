import * as api from "./api.js";
import { badge, el, who } from "./dom.js";

const FIELDS = ["q", "actor", "recipient", "country", "type", "quad_class", "since", "until", "outlet"];
const PAGE = 50;

function input(name, label, value, attrs) {
  return el("label", {}, label, el("input", { name, value: value || "", ...attrs }));
}

function select(name, label, value, options) {
  return el("label", {}, label, el("select", { name },
    el("option", { value: "" }, "any"),
    options.map(([v, text]) => el("option", { value: v, selected: v === value ? "selected" : null }, text))));
}

export async function eventsView(root, _args, params) {
  const facets = await api.facets();
  const form = el("form", { class: "filters", id: "event-filters" },
    input("q", "search", params.get("q"), { type: "search", placeholder: "words in evidence or title" }),
    input("actor", "actor", params.get("actor"), { size: 4, placeholder: "ISO3" }),
    input("recipient", "recipient", params.get("recipient"), { size: 4, placeholder: "ISO3" }),
    input("country", "country", params.get("country"), { size: 4, placeholder: "ISO3" }),
    select("type", "type", params.get("type"), facets.types.map((t) => [t.value, `${t.value} (${t.count})`])),
    select("quad_class", "quad class", params.get("quad_class"), [
      ["1", "verbal cooperation"], ["2", "material cooperation"], ["3", "verbal conflict"], ["4", "material conflict"]]),
    input("since", "since", params.get("since"), { type: "date" }),
    input("until", "until", params.get("until"), { type: "date" }),
    select("outlet", "outlet", params.get("outlet"), facets.outlets.map((o) => [o.value, o.value])),
    el("label", {}, "all", el("input", { type: "checkbox", name: "all", checked: params.get("all") ? "checked" : null })),
    el("button", { type: "submit" }, "Filter"));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const next = new URLSearchParams();
    const data = new FormData(form);
    for (const name of FIELDS) {
      const value = String(data.get(name) || "").trim();
      if (value) next.set(name, value);
    }
    if (data.get("all")) next.set("all", "true");
    location.hash = `#/events?${next}`;
  });
  root.appendChild(form);

  const offset = Number(params.get("offset") || 0);
  const query = Object.fromEntries(FIELDS.map((f) => [f, params.get(f)]));
  query.all = params.get("all") ? "true" : "";
  let page;
  try {
    page = await api.get("/events", { ...query, limit: PAGE, offset });
  } catch (error) {
    root.appendChild(el("p", { class: "error" }, `Cannot list events: ${error.message}`));
    return;
  }
  const rows = page.items.map((e) => el("tr", {
    "data-article": e.article_id, "data-event": e.event_index,
    onclick: () => { location.hash = `#/article/${encodeURIComponent(e.article_id)}?event=${e.event_index}`; },
  },
  el("td", {}, e.date_start || `(${e.published || "?"})`),
  el("td", {}, badge(e.type, e.quad_class), e.asserted ? null : el("span", { class: "muted" }, " (not asserted)")),
  el("td", {}, who(e.actor_countries, e.actor_names)),
  el("td", {}, who(e.recipient_countries, e.recipient_names)),
  el("td", {}, e.location_name || ""),
  el("td", {}, e.attribution_kind || "outlet"),
  el("td", {}, e.evidence)));
  const pager = el("div", { class: "pager" },
    el("span", { id: "event-total" }, `${page.total} event(s)`),
    offset > 0 ? el("button", { onclick: () => move(params, offset - PAGE) }, "← newer") : null,
    offset + PAGE < page.total ? el("button", { onclick: () => move(params, offset + PAGE) }, "older →") : null,
    page.total ? el("span", { class: "muted" }, `${offset + 1}–${Math.min(offset + PAGE, page.total)}`) : null);
  root.append(pager, el("table", { id: "events-table" },
    el("thead", {}, el("tr", {}, ["date", "type", "actor", "recipient", "place", "on whose word", "evidence"].map((h) => el("th", {}, h)))),
    el("tbody", {}, rows)));
}

function move(params, offset) {
  const next = new URLSearchParams(params);
  next.set("offset", String(Math.max(0, offset)));
  location.hash = `#/events?${next}`;
}

export async function articlesView(root, _args, params) {
  const form = el("form", { class: "filters" },
    input("q", "search", params.get("q"), { type: "search", placeholder: "words in title or text" }),
    el("button", { type: "submit" }, "Search"));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const q = String(new FormData(form).get("q") || "").trim();
    location.hash = q ? `#/articles?q=${encodeURIComponent(q)}` : "#/articles";
  });
  const page = await api.get("/articles", { q: params.get("q"), limit: 100 });
  root.append(form, el("p", {}, `${page.total} article(s)`), el("table", { id: "articles-table" },
    el("thead", {}, el("tr", {}, ["published", "title", "outlet", "events"].map((h) => el("th", {}, h)))),
    el("tbody", {}, page.items.map((a) => el("tr", {
      onclick: () => { location.hash = `#/article/${encodeURIComponent(a.id)}`; },
    }, el("td", {}, a.published || ""), el("td", {}, a.title || a.id), el("td", {}, a.outlet || ""),
    el("td", {}, String(a.events)))))));
}
