// As-you-type suggestions: ask /api/suggest, show links to the device pages.
(function () {
  const input = document.getElementById("search");
  const list = document.getElementById("suggestions");
  let pending = 0;
  input.addEventListener("input", async () => {
    const q = input.value.trim();
    const ticket = ++pending;
    if (!q) { list.replaceChildren(); return; }
    const response = await fetch("/api/suggest?q=" + encodeURIComponent(q));
    if (!response.ok || ticket !== pending) return;
    const items = await response.json();
    list.replaceChildren(...items.map((item) => {
      const li = document.createElement("li");
      const a = document.createElement("a");
      a.href = "/devices/" + encodeURIComponent(item.id);
      a.textContent = item.name;
      li.appendChild(a);
      return li;
    }));
  });
  input.form.addEventListener("submit", (event) => {
    const first = list.querySelector("a");
    event.preventDefault();
    if (first) window.location.href = first.href;
  });
})();
