/* Bulk import page: poll the job's progress every second and move the bar; reload when done. */
(function () {
    "use strict";
    var box = document.getElementById("import-progress");
    if (!box || box.getAttribute("data-finished") === "true") {
        return;
    }
    var url = box.getAttribute("data-progress-url");
    var bar = box.querySelector("[data-progress-bar]");
    var status = box.querySelector("[data-import-status]");

    function show(progress) {
        bar.value = progress.percent;
        bar.textContent = progress.percent + "%";
        if (status) {
            status.textContent = progress.status_label;
        }
        box.querySelectorAll("[data-count]").forEach(function (element) {
            var value = progress[element.getAttribute("data-count")];
            if (value !== undefined) {
                element.textContent = value;
            }
        });
    }

    function poll() {
        fetch(url, {credentials: "same-origin", headers: {"Accept": "application/json"}})
            .then(function (response) {
                if (!response.ok) {
                    throw new Error("HTTP " + response.status);
                }
                return response.json();
            })
            .then(function (progress) {
                show(progress);
                if (progress.finished) {
                    window.location.reload();  // the page lists the rows that were not imported
                } else {
                    window.setTimeout(poll, 1000);
                }
            })
            .catch(function () {
                window.setTimeout(poll, 5000);  // a network hiccup: try again a little later
            });
    }

    window.setTimeout(poll, 1000);
})();
