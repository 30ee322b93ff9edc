/* Every page of the site: Oscar's own behaviour, and form fields marked data-autosubmit (the
 * facet sidebar, the page size) that submit their form when changed. Pages keep no inline
 * script: the Content-Security-Policy allows only files like this one. */
(function () {
    "use strict";
    document.addEventListener("change", function (event) {
        var field = event.target;
        if (field.form && field.hasAttribute("data-autosubmit")) {
            field.form.submit();
        }
    });
    if (window.jQuery && window.oscar) {
        jQuery(function () { oscar.init(); });
    }
})();
