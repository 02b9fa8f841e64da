import * as api from "./api.js";
import { fromContract, linkCards } from "./cards.js";
import { el } from "./dom.js";
import { highlighted, legend, marksOf } from "./highlight.js";

export function codeView(root) {
  const body = el("textarea", { name: "body", id: "code-input", placeholder: "Paste an English news article (text or HTML)" });
  const form = el("form", { id: "code-form" },
    el("div", { class: "filters" },
      el("label", {}, "title", el("input", { name: "title", size: 40 })),
      el("label", {}, "published", el("input", { name: "date", type: "date" })),
      el("label", {}, "input is", el("select", { name: "kind" },
        el("option", { value: "text" }, "text / Markdown"), el("option", { value: "html" }, "HTML")))),
    body, el("p", {}, el("button", { type: "submit" }, "Code this text")));
  const out = el("section", { id: "code-result" });
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const request = { [data.get("kind")]: String(data.get("body") || "") };
    if (data.get("title")) request.title = String(data.get("title"));
    if (data.get("date")) request.date = String(data.get("date"));
    out.replaceChildren(el("p", { class: "muted" }, "Coding…"));
    try {
      showCoded(out, await api.post("/code", request));
    } catch (error) {
      out.replaceChildren(el("p", { class: "error" }, `Not coded (${error.status ?? "error"}): ${error.message}`));
    }
  });
  root.append(el("h2", {}, "Code this text"),
    el("p", { class: "muted" }, "Nothing is stored: the text is coded on the server and shown here."), form, out);
}

function showCoded(out, coded) {
  const events = coded.events.map(fromContract);
  const text = el("div", { class: "article-text" });
  text.appendChild(highlighted(coded.article.text, marksOf({ ...coded, events })));
  const cards = el("div", { class: "cards" });
  out.replaceChildren(legend(), el("div", { class: "article-layout" }, text,
    el("section", {}, el("h3", {}, `${events.length} event(s)`), cards)));
  linkCards(text, cards, events);
}
