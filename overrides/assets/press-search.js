// press search page: Pagefind's JS API with filters for publication, section and author.
// The index comes in shards (bundles.json lists them): the first is loaded, the others merged into it.
// Results are built with textContent: nothing from the index is ever parsed as HTML.
const script = document.currentScript || document.querySelector("script[data-bundle]");
const bundle = new URL(script.dataset.bundle, document.baseURI).href;
const base = new URL(script.dataset.base || ".", document.baseURI).href;
const form = document.querySelector(".press-search__form");
const input = document.getElementById("press-search-query");
const filtersBox = document.querySelector(".press-search__filters");
const statusLine = document.querySelector(".press-search__status");
const list = document.querySelector(".press-search__results");
const FILTERS = ["publication", "section", "author"];

// bundles.json is revalidated: after a deployment, a cached copy would name shards that are gone.
const { bundles } = await (await fetch(new URL("bundles.json", bundle), { cache: "no-cache" })).json();
const shards = bundles.map((name) => new URL(name, bundle).href);
const pagefind = shards.length ? await import(new URL("pagefind.js", shards[0]).href) : null;
if (pagefind) {
  const baseUrl = new URL(base).pathname;
  await pagefind.options({ baseUrl });
  // A merged shard uses the first one's WebAssembly: each costs its entry and metadata files only.
  await Promise.all(shards.slice(1).map((shard) => pagefind.mergeIndex(shard, { baseUrl })));
}

function element(tag, attrs = {}, text = "") {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  if (text) node.textContent = text;
  return node;
}

async function buildFilters(params) {
  if (!pagefind) return;
  const available = await pagefind.filters();
  for (const name of FILTERS) {
    const values = Object.keys(available[name] || {}).sort();
    if (!values.length) continue;
    const id = `press-search-filter-${name}`;
    const label = element("label", { for: id }, name[0].toUpperCase() + name.slice(1));
    const select = element("select", { id, name });
    select.append(element("option", { value: "" }, "Any"));
    for (const value of values) {
      const option = element("option", { value }, `${value} (${available[name][value]})`);
      if (params.get(name) === value) option.selected = true;
      select.append(option);
    }
    select.addEventListener("change", () => form.requestSubmit());
    filtersBox.append(label, select);
  }
  filtersBox.hidden = false;
}

async function run(params) {
  const query = (params.get("q") || "").trim();
  list.replaceChildren();
  if (!query) { statusLine.textContent = "Type a word or a phrase to search every article."; return; }
  if (!pagefind) { statusLine.textContent = "There are no articles to search yet."; return; }
  const filters = {};
  for (const name of FILTERS) if (params.get(name)) filters[name] = params.get(name);
  const search = await pagefind.search(query, { filters });
  const results = await Promise.all(search.results.slice(0, 20).map((r) => r.data()));
  statusLine.textContent = `${search.results.length} result${search.results.length === 1 ? "" : "s"} for “${query}”`;
  for (const result of results) {
    const item = element("li", { class: "press-search__result" });
    const heading = element("h2", { class: "press-card__title" });
    heading.append(element("a", { href: result.url }, result.meta.title || result.url));
    const kicker = [result.filters.publication, result.filters.section].flat().filter(Boolean).join(" / ");
    item.append(element("p", { class: "press-kicker" }, kicker), heading);
    if (result.meta.description) item.append(element("p", { class: "press-card__dek" }, result.meta.description));
    if (result.meta.date) item.append(element("p", { class: "press-byline" }, result.meta.date));
    list.append(item);
  }
}

const params = new URLSearchParams(location.search);
input.value = params.get("q") || "";
await buildFilters(params);
await run(params);
form.addEventListener("submit", async (event) => {
  event.preventDefault();
  const next = new URLSearchParams(new FormData(form));
  for (const [key, value] of [...next.entries()]) if (!value) next.delete(key);
  history.replaceState(null, "", `?${next}`);
  await run(next);
});
