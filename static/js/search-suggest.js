/* Search-box suggestions: products, suppliers and categories while a buyer types.
 * Enhances any input with data-suggest-url; without JavaScript the box still submits the search.
 * Keyboard: ↓/↑ move through the list, Enter opens the highlighted entry, Escape closes. */
(function () {
    "use strict";
    var script = document.currentScript;
    var stylesheet = script && script.src.replace(/js\/search-suggest\.js(\?.*)?$/, "css/search.css");

    function ensureStyles() {
        if (!stylesheet || document.querySelector('link[href="' + stylesheet + '"]')) return;
        var link = document.createElement("link");
        link.rel = "stylesheet";
        link.href = stylesheet;
        document.head.appendChild(link);
    }

    function debounce(fn, wait) {
        var timer;
        return function () {
            var args = arguments;
            clearTimeout(timer);
            timer = setTimeout(function () { fn.apply(null, args); }, wait);
        };
    }

    function enhance(input, index) {
        var menu = document.createElement("div");
        var listId = "search-suggest-" + index;
        var active = -1;
        var controller = null;
        menu.className = "search-suggest-menu";
        menu.id = listId;
        menu.setAttribute("role", "listbox");
        menu.hidden = true;
        input.parentNode.classList.add("search-suggest");
        input.parentNode.appendChild(menu);
        input.setAttribute("role", "combobox");
        input.setAttribute("aria-autocomplete", "list");
        input.setAttribute("aria-expanded", "false");
        input.setAttribute("aria-controls", listId);

        function items() { return menu.querySelectorAll(".search-suggest-item"); }

        function close() {
            menu.hidden = true;
            active = -1;
            input.setAttribute("aria-expanded", "false");
            input.removeAttribute("aria-activedescendant");
        }

        function highlight(position) {
            var all = items();
            if (!all.length) return;
            active = (position + all.length) % all.length;
            for (var i = 0; i < all.length; i++) all[i].setAttribute("aria-selected", i === active ? "true" : "false");
            input.setAttribute("aria-activedescendant", all[active].id);
        }

        function group(title, entries, label, note) {
            if (!entries.length) return;
            var heading = document.createElement("div");
            heading.className = "search-suggest-group";
            heading.textContent = title;
            menu.appendChild(heading);
            entries.forEach(function (entry) {
                var link = document.createElement("a");
                link.className = "search-suggest-item";
                link.id = listId + "-" + items().length;
                link.href = entry.url;
                link.setAttribute("role", "option");
                link.textContent = label(entry);
                if (note && note(entry)) {
                    var small = document.createElement("span");
                    small.className = "search-suggest-note";
                    small.textContent = note(entry);
                    link.appendChild(small);
                }
                menu.appendChild(link);
            });
        }

        function show(data) {
            menu.textContent = "";
            active = -1;
            var labels = data.labels || {};
            group(labels.products || "Products", data.products, function (e) { return e.title; });
            group(labels.suppliers || "Suppliers", data.suppliers, function (e) { return e.name; }, function (e) { return e.location; });
            group(labels.categories || "Categories", data.categories, function (e) { return e.name; });
            if (items().length) {
                menu.hidden = false;
                input.setAttribute("aria-expanded", "true");
            } else {
                close();
            }
        }

        var fetchSuggestions = debounce(function (text) {
            if (controller) controller.abort();
            if (text.length < 2) { close(); return; }
            controller = window.AbortController ? new AbortController() : null;
            var url = input.getAttribute("data-suggest-url") + "?q=" + encodeURIComponent(text) +
                "&lang=" + encodeURIComponent(document.documentElement.lang || "en");
            fetch(url, { headers: { Accept: "application/json" }, signal: controller && controller.signal })
                .then(function (response) { return response.ok ? response.json() : null; })
                .then(function (data) { if (data && input.value.trim() === text) show(data); })
                .catch(function () { /* a failed suggestion never stops the search itself */ });
        }, 180);

        input.addEventListener("input", function () { fetchSuggestions(input.value.trim()); });
        input.addEventListener("keydown", function (event) {
            if (menu.hidden) return;
            if (event.key === "ArrowDown") { event.preventDefault(); highlight(active + 1); }
            else if (event.key === "ArrowUp") { event.preventDefault(); highlight(active - 1); }
            else if (event.key === "Escape") { close(); }
            else if (event.key === "Enter" && active >= 0) { event.preventDefault(); window.location.href = items()[active].href; }
        });
        input.addEventListener("blur", function () { setTimeout(close, 150); });
    }

    function init() {
        var inputs = document.querySelectorAll("input[data-suggest-url]");
        if (!inputs.length || !window.fetch) return;
        ensureStyles();
        for (var i = 0; i < inputs.length; i++) enhance(inputs[i], i);
    }

    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
    else init();
})();
