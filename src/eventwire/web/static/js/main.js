import * as api from "./api.js";
import { articleView } from "./article.js";
import { codeView } from "./code.js";
import { clear, el } from "./dom.js";
import { dyadsView } from "./dyads.js";
import { articlesView, eventsView } from "./events.js";
import { mapView } from "./map.js";
import { networkView } from "./network.js";

// Hash routes: #/view/arg?query — the state of every view is in the URL, so it can be shared.
const VIEWS = {
  events: eventsView, articles: articlesView, article: articleView, dyads: dyadsView,
  network: networkView, map: mapView, code: codeView,
};

async function route() {
  const hash = location.hash.replace(/^#\/?/, "") || "events";
  const [path, query = ""] = hash.split("?");
  const [name, ...args] = path.split("/").map(decodeURIComponent);
  const view = VIEWS[name] || eventsView;
  const root = clear(document.getElementById("view"));
  for (const link of document.querySelectorAll("nav a")) {
    link.classList.toggle("active", link.dataset.view === name);
  }
  document.body.dataset.view = name;
  document.body.dataset.ready = "";
  try {
    await view(root, args, new URLSearchParams(query));
  } catch (error) {
    root.appendChild(el("p", { class: "error" }, `Could not load this view: ${error.message}`));
  } finally {
    // Tests and screenshots wait for this: the view has finished drawing.
    document.body.dataset.ready = name;
  }
}

window.addEventListener("hashchange", route);
window.addEventListener("DOMContentLoaded", async () => {
  route();
  try {
    const f = await api.facets();
    document.getElementById("totals").textContent = `${f.articles} articles · ${f.events} events`;
  } catch {
    // The totals are decoration; the view shows its own errors.
  }
});
