import * as api from "./api.js";
import { fromItem, linkCards } from "./cards.js";
import { el } from "./dom.js";
import { highlighted, legend, marksOf } from "./highlight.js";

export async function articleView(root, [id], params) {
  const a = await api.get(`/articles/${encodeURIComponent(id)}`);
  const events = a.event_items.map(fromItem);
  const text = el("div", { class: "article-text", id: "article-text" });
  text.appendChild(highlighted(a.text, marksOf({ ...a, events })));
  const cards = el("div", { class: "cards", id: "event-cards" });
  const meta = [a.published, a.outlet, a.byline].filter(Boolean).join(" · ");
  root.append(
    el("h2", { id: "article-title" }, a.title || a.id),
    el("p", { class: "muted" }, meta, a.url ? [" · ", el("a", { href: safeUrl(a.url), rel: "noopener noreferrer" }, "source")] : null),
    legend(),
    el("div", { class: "article-layout" }, text,
      el("section", {}, el("h3", {}, `${events.length} event(s)`), cards)));
  const select = linkCards(text, cards, events);
  const wanted = events.find((ev) => String(ev.index) === params.get("event"));
  if (wanted) select(wanted);
}

// Only web links become hrefs: a javascript: URL in an article's metadata stays inert.
function safeUrl(url) {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : "#";
  } catch {
    return "#";
  }
}
