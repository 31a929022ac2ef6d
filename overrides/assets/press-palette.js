// press: the light/dark toggle of Material's header, without Material's script bundle.
// The bundle also treats every <link rel="alternate"> (our feed autodiscovery links) as a
// language alternate and downloads sitemap.xml beside each one on every page view; our pages
// use nothing else of it, so it is left out and this does the one job they need.
// Same storage as Material's (__md_get/__md_set, defined in the page head), so a reader's choice carries over.
(() => {
  const form = document.querySelector("[data-md-component=palette]");
  if (!form) return;
  const inputs = [...form.querySelectorAll("input[name=__palette]")];
  const color = (input) => ({
    media: input.getAttribute("data-md-color-media"),
    scheme: input.getAttribute("data-md-color-scheme"),
    primary: input.getAttribute("data-md-color-primary"),
    accent: input.getAttribute("data-md-color-accent"),
  });
  const apply = (input) => {
    input.checked = true;
    for (const [key, value] of Object.entries(color(input))) document.body.setAttribute(`data-md-color-${key}`, value);
    // Each input is followed by the label that switches to the next palette: show only the active one's.
    for (const other of inputs) {
      const label = other.nextElementSibling;
      if (label instanceof HTMLLabelElement) label.hidden = other !== input;
    }
  };
  const stored = __md_get("__palette");
  const preferred = inputs.findIndex((input) => matchMedia(input.getAttribute("data-md-color-media")).matches);
  const index = stored && Number.isInteger(stored.index) ? stored.index : preferred;
  apply(inputs[Math.max(0, Math.min(index, inputs.length - 1))]);
  form.addEventListener("change", (event) => {
    const input = event.target;
    apply(input);
    __md_set("__palette", { index: inputs.indexOf(input), color: color(input) });
  });
})();
