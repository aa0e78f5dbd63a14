// Sends the deep-linking response back to the LMS at once (the button stays for browsers without script).
document.querySelectorAll("form[data-auto-submit]").forEach((form) => form.submit());
