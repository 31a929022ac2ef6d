// press: "Copy link" under an article copies the article's address instead of following it, and says "Copied".
// Without this script, or where the browser offers no clipboard (a page not served over https), the control
// stays what the page makes it: a plain link to the article.
(() => {
  if (!navigator.clipboard) return;
  for (const link of document.querySelectorAll("a[data-press-copy]")) {
    const status = link.parentElement.querySelector(".press-share__status");
    let timer;
    link.addEventListener("click", async (event) => {
      event.preventDefault();
      try {
        await navigator.clipboard.writeText(link.href);
        status.textContent = "Copied";
      } catch {
        status.textContent = "Copy failed: the link above is the article's address";
      }
      clearTimeout(timer);
      timer = setTimeout(() => { status.textContent = ""; }, 4000);
    });
  }
})();
