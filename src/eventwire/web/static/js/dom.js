// DOM helpers. Every string from the API or the user goes in as a text node or an attribute
// value set through the DOM, never through innerHTML, so article text cannot become markup.
const SVG_NS = "http://www.w3.org/2000/svg";

function fill(node, attrs, children) {
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith("on") && typeof value === "function") {
      node.addEventListener(key.slice(2), value);
    } else {
      node.setAttribute(key, String(value));
    }
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function el(tag, attrs, ...children) {
  return fill(document.createElement(tag), attrs, children);
}

export function svg(tag, attrs, ...children) {
  return fill(document.createElementNS(SVG_NS, tag), attrs, children);
}

export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

export function quadClass(q) {
  return q === 1 || q === 2 ? "coop" : q === 3 || q === 4 ? "conf" : "";
}

export function badge(type, quad) {
  return el("span", { class: `badge q${quad || 0}`, title: `quad class ${quad ?? "unknown"}` }, type);
}

export function who(countries, names) {
  const codes = (countries || []).join(",");
  const label = (names || []).join("; ");
  return [codes, label].filter(Boolean).join(" ") || "—";
}
