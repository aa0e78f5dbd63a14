"""PyLTI1p3 wired to this site: the registrations from the database, launch state in the
cache (shared by every worker), and a nonce that can be used once.

PyLTI1p3 only checks that a nonce was issued; a replayed id_token (same state, same nonce)
would pass. Here checking a nonce also deletes it: the cache's delete answers whether the
key existed, atomically, so of two requests with one nonce only the first passes."""

from pylti1p3.contrib.django import DjangoMessageLaunch, DjangoOIDCLogin
from pylti1p3.contrib.django.launch_data_storage.cache import DjangoCacheDataStorage
from pylti1p3.contrib.django.request import DjangoRequest
from pylti1p3.contrib.django.session import DjangoSessionService

from .tool_config import PlatformToolConf


class LaunchStateStorage(DjangoCacheDataStorage):
    def consume_value(self, key):
        return bool(self._get_cache().delete(self._prepare_key(key)))


class OneUseNonceSessionService(DjangoSessionService):
    def check_nonce(self, nonce):
        return self.data_storage.consume_value(self._get_key("nonce", nonce))


def _services(request):
    django_request = DjangoRequest(request)
    return django_request, OneUseNonceSessionService(request), LaunchStateStorage()


def oidc_login(request):
    django_request, session_service, storage = _services(request)
    return DjangoOIDCLogin(
        django_request, PlatformToolConf(), session_service=session_service, launch_data_storage=storage
    )


def message_launch(request):
    tool_conf = PlatformToolConf()
    django_request = DjangoRequest(request, post_only=True)
    _unused, session_service, storage = _services(request)
    return DjangoMessageLaunch(django_request, tool_conf, session_service=session_service, launch_data_storage=storage)
