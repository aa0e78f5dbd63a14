"""The tool's RSA keys: generated and rotated from the admin, published at /lti/jwks/."""

from django.db import transaction
from django.utils import timezone

from jwcrypto.jwk import JWK
from pylti1p3.registration import Registration

from .models import ToolKey

KEY_SIZE = 2048


@transaction.atomic
def rotate_keys():
    """A new current key; the previous one is retired but stays published for the grace period."""
    key = JWK.generate(kty="RSA", size=KEY_SIZE)
    public_pem = key.export_to_pem(private_key=False).decode()
    now = timezone.now()
    ToolKey.objects.select_for_update().filter(retired_at__isnull=True).update(retired_at=now)
    return ToolKey.objects.create(
        # PyLTI1p3 names a key by its thumbprint (Registration.get_kid): the same kid here.
        kid=Registration.get_jwk(public_pem)["kid"],
        private_key=key.export_to_pem(private_key=True, password=None).decode(),
        public_key=public_pem,
        created_at=now,
    )


def current_key():
    """The key to sign with, made on first use so a fresh site can answer a launch."""
    return ToolKey.objects.current() or rotate_keys()


def public_key_set():
    return {"keys": [Registration.get_jwk(key.public_key) for key in ToolKey.objects.published()]}
