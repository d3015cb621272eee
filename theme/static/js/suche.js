// Search page: Pagefind (self-hosted index) with filters and sorting.
// Query, filters and sorting live in the URL, so a search can be shared and bookmarked.
const root = document.getElementById("suche");
const form = root.querySelector("form");
const term = form.elements.q;
const sorting = form.elements.sortierung;
const filterBox = document.getElementById("suche-filter");
const status = document.getElementById("suche-status");
const list = document.getElementById("suche-treffer");

// Filter names as the templates write them (data-pagefind-filter), in display order.
const FILTERS = ["Typ", "Kriterium", "Landesnetzwerk", "Format", "Jahr"];
// A fact sheet must meet every chosen criterion; for the other filters any chosen value will do.
const MATCH_ALL = new Set(["Kriterium"]);
const MAX_RESULTS = 50;

const bundleUrl = new URL(root.dataset.pagefind, window.location.href);
let pagefind;
try {
  pagefind = await import(bundleUrl.href);
} catch {
  status.textContent = "Die Suche ist im Moment nicht verfügbar. Bitte nutzen Sie die Übersichten im Menü.";
  throw new Error("Pagefind-Index fehlt");
}
await pagefind.options({
  baseUrl: bundleUrl.pathname.replace(/pagefind\/pagefind\.js$/, ""),
  excerptLength: 24,
});

const param = (name) => name.toLowerCase();

function readUrl() {
  const params = new URLSearchParams(window.location.search);
  term.value = params.get("q") || "";
  sorting.value = params.get("sortierung") === "datum" ? "datum" : "relevanz";
  return Object.fromEntries(FILTERS.map((name) => [name, params.getAll(param(name))]));
}

function writeUrl(selected) {
  const params = new URLSearchParams();
  if (term.value.trim()) params.set("q", term.value.trim());
  for (const name of FILTERS) for (const value of selected[name]) params.append(param(name), value);
  if (sorting.value === "datum") params.set("sortierung", "datum");
  const query = params.toString();
  window.history.replaceState(null, "", query ? `?${query}` : window.location.pathname);
}

function selectedFilters() {
  const selected = Object.fromEntries(FILTERS.map((name) => [name, []]));
  for (const box of filterBox.querySelectorAll("input[type=checkbox]:checked")) {
    selected[box.name].push(box.value);
  }
  return selected;
}

async function buildFilters(selected) {
  const available = await pagefind.filters();
  filterBox.replaceChildren();
  for (const name of FILTERS) {
    const values = Object.keys(available[name] || {}).sort((a, b) => a.localeCompare(b, "de"));
    if (!values.length) continue;
    const fieldset = document.createElement("fieldset");
    const legend = document.createElement("legend");
    legend.textContent = name;
    fieldset.append(legend);
    values.forEach((value, index) => {
      const id = `filter-${param(name)}-${index}`;
      const box = Object.assign(document.createElement("input"), { type: "checkbox", id, name, value });
      box.checked = selected[name].includes(value);
      const label = document.createElement("label");
      label.htmlFor = id;
      label.dataset.value = value;
      label.textContent = value;
      const wrapper = document.createElement("div");
      wrapper.className = "filter-option";
      wrapper.append(box, label);
      fieldset.append(wrapper);
    });
    filterBox.append(fieldset);
  }
  filterBox.hidden = !filterBox.children.length;
}

function updateCounts(counts) {
  for (const label of filterBox.querySelectorAll("label[data-value]")) {
    const name = label.previousElementSibling.name;
    const count = counts?.[name]?.[label.dataset.value] ?? 0;
    label.textContent = `${label.dataset.value} (${count})`;
  }
}

// A page's matching sections (Pagefind's sub-results: the heading and its anchor), at
// most this many per page: those with the most hits, in the page's order.
const MAX_SECTIONS = 3;

function matchingSections(data) {
  const title = data.meta.title || data.url;
  const seen = new Set([title]);
  // Not the page's top (its own link says that), nor a heading shown already: screen
  // readers list links by their text, and two equal ones would say nothing apart.
  const sections = (data.sub_results || []).filter((sub) => {
    if (sub.url === data.url || !sub.url.includes("#") || seen.has(sub.title)) return false;
    seen.add(sub.title);
    return true;
  });
  const best = new Set(
    [...sections].sort((a, b) => b.locations.length - a.locations.length).slice(0, MAX_SECTIONS),
  );
  return sections.filter((sub) => best.has(sub));
}

function excerptParagraph(html) {
  const excerpt = document.createElement("p");
  excerpt.innerHTML = html; // Pagefind escapes page text; only <mark> is markup.
  return excerpt;
}

function sectionList(title, sections) {
  const label = document.createElement("p");
  label.className = "search-sections-label";
  label.textContent = "Passende Abschnitte:";
  const list = document.createElement("ul");
  list.className = "search-sections";
  for (const sub of sections) {
    const item = document.createElement("li");
    const link = Object.assign(document.createElement("a"), { href: sub.url });
    link.textContent = sub.title;
    // The page's name, for screen readers only: "Fazit" alone could be any page's.
    const context = document.createElement("span");
    context.className = "visually-hidden";
    context.textContent = ` – Abschnitt von „${title}“`;
    link.append(context);
    item.append(link, excerptParagraph(sub.excerpt));
    list.append(item);
  }
  return [label, list];
}

function resultItem(data) {
  const item = document.createElement("li");
  const heading = document.createElement("h2");
  const link = Object.assign(document.createElement("a"), { href: data.url });
  const title = data.meta.title || data.url;
  link.textContent = title;
  heading.append(link);
  const info = document.createElement("p");
  info.className = "meta";
  info.textContent = [data.filters?.Typ?.[0], data.meta.datum].filter(Boolean).join(" · ");
  item.append(heading, info);
  const sections = matchingSections(data);
  // With sections shown, the page's own excerpt is the hit at its top, if any: the rest
  // would repeat a section's excerpt.
  const top = (data.sub_results || []).find((sub) => sub.url === data.url);
  const excerpt = sections.length ? top?.excerpt : data.excerpt;
  if (excerpt) item.append(excerptParagraph(excerpt));
  if (sections.length) item.append(...sectionList(title, sections));
  return item;
}

let latest = 0;
async function run() {
  const run_id = ++latest;
  const selected = selectedFilters();
  writeUrl(selected);
  const query = term.value.trim();
  const filters = {};
  for (const name of FILTERS) {
    if (selected[name].length) filters[name] = { [MATCH_ALL.has(name) ? "all" : "any"]: selected[name] };
  }
  if (!query && !Object.keys(filters).length) {
    list.replaceChildren();
    updateCounts(await pagefind.filters());
    status.textContent = "Bitte geben Sie einen Suchbegriff ein oder wählen Sie einen Filter.";
    return;
  }
  const options = { filters };
  if (sorting.value === "datum") options.sort = { datum: "desc" };
  const search = await pagefind.search(query || null, options);
  const data = await Promise.all(search.results.slice(0, MAX_RESULTS).map((r) => r.data()));
  if (run_id !== latest) return; // a newer search has started meanwhile
  list.replaceChildren(...data.map(resultItem));
  updateCounts(search.filters);
  const count = search.results.length;
  const what = count === 1 ? "1 Treffer" : `${count} Treffer`;
  status.textContent = query ? `${what} für „${query}“.` : `${what}.`;
  if (count > MAX_RESULTS) status.textContent += ` Angezeigt werden die ersten ${MAX_RESULTS}.`;
}

let pending;
term.addEventListener("input", () => {
  clearTimeout(pending);
  pending = setTimeout(run, 250);
});
form.addEventListener("submit", (event) => {
  event.preventDefault();
  run();
});
filterBox.addEventListener("change", run);
sorting.addEventListener("change", run);

await buildFilters(readUrl());
await run();
