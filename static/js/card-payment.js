/* Card payment page: Stripe's Payment Element for the milestone's PaymentIntent.
 * The page gives the keys and the return address as JSON (json_script); on success Stripe
 * sends the browser to the return address, and the payment counts only when Stripe's signed
 * webhook confirms it. */
(function () {
    function read(id) { return JSON.parse(document.getElementById(id).textContent); }
    var form = document.getElementById("card-payment-form");
    var button = document.getElementById("card-payment-submit");
    var message = document.getElementById("card-payment-message");
    var stripe = Stripe(read("stripe-publishable-key"));
    var elements = stripe.elements({clientSecret: read("stripe-client-secret"), locale: "auto"});
    var paymentElement = elements.create("payment");
    paymentElement.on("ready", function () { button.disabled = false; });
    paymentElement.mount("#payment-element");
    form.addEventListener("submit", function (event) {
        event.preventDefault();
        button.disabled = true;
        message.classList.add("d-none");
        // On success Stripe sends the browser to return_url; the payment counts only when
        // Stripe's signed webhook confirms it.
        stripe.confirmPayment({elements: elements, confirmParams: {return_url: read("stripe-return-url")}})
            .then(function (result) {
                if (result.error) {
                    message.textContent = result.error.message;
                    message.classList.remove("d-none");
                    button.disabled = false;
                }
            });
    });
})();
