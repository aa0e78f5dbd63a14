"""PyLTI1p3's view of the registered platforms: the LTIPlatform rows, one issuer possibly
with several client ids, each registration signing with the tool's current key."""

from pylti1p3.actions import Action
from pylti1p3.deployment import Deployment
from pylti1p3.registration import Registration
from pylti1p3.tool_config import ToolConfAbstract

from .keys import current_key
from .models import LTIPlatform


def registration_for(platform):
    key = current_key()
    return (
        Registration()
        .set_issuer(platform.issuer)
        .set_client_id(platform.client_id)
        .set_key_set_url(platform.key_set_url)
        .set_auth_login_url(platform.auth_login_url)
        .set_auth_token_url(platform.auth_token_url)
        .set_auth_audience(platform.auth_audience or None)
        .set_tool_private_key(key.private_key)
        .set_tool_public_key(key.public_key)
    )


class PlatformToolConf(ToolConfAbstract):
    """Reads the registrations from the database; remembers the platform it matched."""

    def __init__(self):
        self.platform = None

    def check_iss_has_one_client(self, iss):
        return False

    def check_iss_has_many_clients(self, iss):
        return True

    def _platform(self, iss, client_id):
        if self.platform and (self.platform.issuer, self.platform.client_id) == (iss, client_id):
            return self.platform
        platforms = LTIPlatform.objects.filter(issuer=iss)
        if client_id:
            platforms = platforms.filter(client_id=client_id)
        # Without a client id (an older platform's login request), only an unambiguous issuer.
        found = list(platforms[:2])
        self.platform = found[0] if len(found) == 1 else None
        return self.platform

    def find_registration_by_issuer(self, iss, *args, **kwargs):
        return self.find_registration_by_params(iss, None)

    def find_registration_by_params(self, iss, client_id, *args, **kwargs):
        platform = self._platform(iss, client_id)
        if platform is None and kwargs.get("action") == Action.MESSAGE_LAUNCH:
            # A token for a client id this issuer never registered: answer with the issuer's
            # registration, so PyLTI1p3 refuses it as the wrong audience, not an unknown LMS.
            platform = self._platform(iss, None)
        return registration_for(platform) if platform else None

    def find_deployment(self, iss, deployment_id):
        return self.find_deployment_by_params(iss, deployment_id, None)

    def find_deployment_by_params(self, iss, deployment_id, client_id, *args, **kwargs):
        platform = self._platform(iss, client_id)
        if platform and deployment_id in platform.deployment_id_list():
            return Deployment().set_deployment_id(deployment_id)
        return None
