"""Launch failures as a learner reads them: what went wrong, in words, with a 400 or 403.

PyLTI1p3 raises one exception type with a message; the message says which check failed."""

from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

# (start of PyLTI1p3's message, status, explanation)
FAILURES = [
    ("Missing state param", 400, _("The launch did not say which sign-in it belongs to (no state).")),
    ("State not found", 403, _("This launch does not match a sign-in started from this browser (state mismatch).")),
    ("Missing id_token", 400, _("The launch carried no identity token.")),
    ("Invalid id_token", 400, _("The identity token is malformed.")),
    ("Invalid JWT format", 400, _("The identity token is malformed.")),
    ('"nonce" is empty', 400, _("The identity token has no nonce.")),
    ("Invalid Nonce", 403, _("This launch was already used or has expired (nonce). Open the link in the LMS again.")),
    ('"iss" is empty', 400, _("The identity token names no LMS (issuer).")),
    ("Registration not found", 403, _("This LMS is not registered with the course site.")),
    ("Client id not registered", 403, _("The identity token is meant for another tool (audience).")),
    ("Unable to find public key", 403, _("The identity token was not signed by a key of the registered LMS.")),
    ("JWT KID not found", 403, _("The identity token was not signed by a key of the registered LMS.")),
    ("Error during fetch URL", 403, _("The LMS's public key set could not be fetched.")),
    ("Invalid response from", 403, _("The LMS's public key set could not be read.")),
    (
        "Can't decode id_token",
        403,
        _("The identity token's signature or dates are not valid (bad signature or expired)."),
    ),
    ("deployment_id is not set", 400, _("The identity token names no deployment.")),
    ("Unable to find deployment", 403, _("This deployment of the tool is not registered with the course site.")),
    ("Could not find issuer", 400, _("The sign-in request names no LMS (issuer).")),
    ("Could not find login hint", 400, _("The sign-in request has no login hint.")),
    ("Could not find registration", 403, _("This LMS is not registered with the course site.")),
    ("Missing", 400, _("The launch is missing required information: %(detail)s.")),
    ("Must have a user", 400, _("The launch names no user.")),
    ("Incorrect version", 400, _("The launch is not an LTI 1.3 launch.")),
]
DEFAULT = (400, _("The launch is not valid: %(detail)s."))


def explain(exception):
    detail = str(exception)
    for start, status, text in FAILURES:
        if detail.startswith(start):
            return status, str(text) % {"detail": detail} if "%(detail)s" in str(text) else str(text)
    status, text = DEFAULT
    return status, str(text) % {"detail": detail}


def launch_error(request, message, status):
    return render(request, "lti/error.html", {"message": message}, status=status)
