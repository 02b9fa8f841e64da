// Thin fetch wrappers: the API lives on the page's own origin.
export class ApiError extends Error {
  constructor(status, detail) {
    super(typeof detail === "string" ? detail : JSON.stringify(detail));
    this.status = status;
  }
}

async function parse(response) {
  const body = await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(response.status, body?.detail ?? response.statusText);
  return body;
}

export async function get(path, params) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params || {})) {
    if (value !== "" && value !== null && value !== undefined && value !== false) query.set(key, value);
  }
  const qs = query.toString();
  return parse(await fetch(qs ? `${path}?${qs}` : path, { headers: { Accept: "application/json" } }));
}

export async function post(path, body) {
  return parse(await fetch(path, {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify(body),
  }));
}

let facetsPromise = null;
export function facets() {
  facetsPromise = facetsPromise || get("/facets");
  return facetsPromise;
}
