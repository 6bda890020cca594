// Suggestions while typing in the search boxes: the WAI-ARIA 1.2 combobox pattern, list autocomplete with
// manual selection (https://www.w3.org/WAI/ARIA/apg/patterns/combobox/). Each <div class="combobox"> holds
// the search input and a polite live region (templates/search/includes/suggestions.html) whose data
// attributes give the API's address and the announcements in the page's language. This script adds the
// listbox and the behaviour, so without it the plain form works as before.
//
// Hand-written: the small npm comboboxes either bring a framework or style their own popup, and none
// offers titles that lead to a page beside terms that fill the box, which is what the API gives.
//
// Loaded as a module from the includes: it runs once however many search boxes a page has.

const MIN_CHARS = 2;
const DEBOUNCE_MS = 250;

function setUp(wrapper) {
  const input = wrapper.querySelector("input[type=search]");
  const status = wrapper.querySelector("[role=status]");
  if (!input || !input.id || !status || !window.fetch || !window.AbortController) return;
  const form = input.form;
  const texts = status.dataset;

  const listbox = document.createElement("ul");
  listbox.id = `${input.id}-suggestions`;
  listbox.className = "combobox__listbox";
  listbox.setAttribute("role", "listbox");
  listbox.setAttribute("aria-label", texts.label);
  listbox.hidden = true;
  input.after(listbox);

  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-expanded", "false");
  input.setAttribute("aria-controls", listbox.id);
  // The browser's own list of earlier entries would cover ours.
  input.setAttribute("autocomplete", "off");

  let options = [];
  let active = -1;
  let timer = null;
  let pending = null;
  let lastQuery = "";

  function announce(text) {
    status.textContent = text;
  }

  function setActive(index) {
    if (active >= 0 && options[active]) options[active].element.setAttribute("aria-selected", "false");
    active = index;
    if (active < 0) {
      input.removeAttribute("aria-activedescendant");
      return;
    }
    const element = options[active].element;
    element.setAttribute("aria-selected", "true");
    input.setAttribute("aria-activedescendant", element.id);
    element.scrollIntoView({ block: "nearest" });
  }

  function open() {
    if (!options.length) return;
    listbox.hidden = false;
    input.setAttribute("aria-expanded", "true");
  }

  function close() {
    setActive(-1);
    listbox.hidden = true;
    input.setAttribute("aria-expanded", "false");
  }

  function isOpen() {
    return !listbox.hidden;
  }

  function cancelPending() {
    clearTimeout(timer);
    if (pending) pending.abort();
    pending = null;
  }

  function optionElement(index, text, hint) {
    const element = document.createElement("li");
    element.id = `${listbox.id}-${index}`;
    element.className = "combobox__option";
    element.setAttribute("role", "option");
    element.setAttribute("aria-selected", "false");
    element.append(text);
    if (hint) {
      const span = document.createElement("span");
      span.className = "combobox__hint";
      span.textContent = ` (${hint})`;
      element.append(span);
    }
    return element;
  }

  function show(body) {
    const titles = (body.suggestions || []).map((item) => ({ text: item.title, url: item.url }));
    const terms = (body.terms || []).map((term) => ({ text: term.name, hint: term.vocabulary_label }));
    options = [...titles, ...terms].map((option, index) => ({
      ...option,
      element: optionElement(index, option.text, option.hint),
    }));
    active = -1;
    input.removeAttribute("aria-activedescendant");
    listbox.replaceChildren(...options.map((option) => option.element));
    if (!options.length) {
      close();
      announce(texts.none);
      return;
    }
    open();
    announce((options.length === 1 ? texts.one : texts.many).replace("{count}", options.length));
  }

  async function request(query) {
    cancelPending();
    const controller = new AbortController();
    pending = controller;
    const url = new URL(texts.url, window.location.href);
    url.search = new URLSearchParams({ lang: texts.lang, q: query }).toString();
    try {
      const response = await fetch(url, { signal: controller.signal, headers: { Accept: "application/json" } });
      if (!response.ok) throw new Error(`autocomplete answered ${response.status}`);
      const body = await response.json();
      if (controller.signal.aborted) return;
      show(body);
    } catch (error) {
      // A newer request took over (AbortError), or the API is out of reach: the plain search still works.
      if (!controller.signal.aborted) {
        options = [];
        listbox.replaceChildren();
        close();
      }
    } finally {
      if (pending === controller) pending = null;
    }
  }

  function typed() {
    const query = input.value.trim();
    if (query === lastQuery) return;
    lastQuery = query;
    cancelPending();
    if (query.length < MIN_CHARS) {
      options = [];
      listbox.replaceChildren();
      close();
      announce("");
      return;
    }
    timer = setTimeout(() => request(query), DEBOUNCE_MS);
  }

  function choose(index) {
    const option = options[index];
    cancelPending();
    close();
    if (option.url) {
      window.location.assign(option.url);
      return;
    }
    // A vocabulary term: searching for its name finds the items tagged with it.
    input.value = option.text;
    lastQuery = option.text;
    if (form.requestSubmit) form.requestSubmit();
    else form.submit();
  }

  input.addEventListener("input", typed);

  input.addEventListener("keydown", (event) => {
    // Keys that compose a character (an input method editor) are not commands.
    if (event.isComposing) return;
    if (event.altKey && event.key === "ArrowDown") {
      open();
      event.preventDefault();
      return;
    }
    switch (event.key) {
      case "ArrowDown":
        if (!options.length) return;
        event.preventDefault();
        if (!isOpen()) {
          open();
          setActive(0);
        } else {
          setActive(active + 1 < options.length ? active + 1 : 0);
        }
        break;
      case "ArrowUp":
        if (!options.length) return;
        event.preventDefault();
        if (!isOpen()) {
          open();
          setActive(options.length - 1);
        } else {
          setActive(active > 0 ? active - 1 : options.length - 1);
        }
        break;
      case "Enter":
        if (isOpen() && active >= 0) {
          event.preventDefault();
          choose(active);
        } else {
          cancelPending();
          close();
        }
        break;
      case "Escape":
        // Chromium's search inputs clear themselves on Escape: the first press only closes the list.
        event.preventDefault();
        if (isOpen()) {
          close();
        } else {
          cancelPending();
          input.value = "";
          lastQuery = "";
          options = [];
          listbox.replaceChildren();
          announce("");
        }
        break;
      case "Tab":
        close();
        break;
      case "ArrowLeft":
      case "ArrowRight":
      case "Home":
      case "End":
        // The caret moves in the text again, so no option is current.
        setActive(-1);
        break;
      default:
        break;
    }
  });

  // Keep the focus in the input while the mouse picks an option, then choose it.
  listbox.addEventListener("mousedown", (event) => event.preventDefault());
  listbox.addEventListener("click", (event) => {
    const element = event.target.closest("[role=option]");
    const index = options.findIndex((option) => option.element === element);
    if (index >= 0) choose(index);
  });

  input.addEventListener("blur", close);
  // Back from the browser's cache: the page may still show the list as it was left.
  window.addEventListener("pageshow", () => {
    lastQuery = input.value.trim();
    close();
  });
}

document.querySelectorAll(".combobox").forEach(setUp);
