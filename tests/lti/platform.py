"""The LMS side of the tests: lti1p3platform (an LTI 1.3 platform from PyPI, not written
here) signs the launches, and a small WSGI server on a free port serves what the tool fetches
over HTTP: the platform's key set, its token endpoint, grade (AGS) and roster (NRPS) services.

The server thread touches no database: everything it answers from is in memory here."""

import json
import threading
import typing as t
from urllib.parse import parse_qsl, urlsplit
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from jwcrypto.jwk import JWK
from lti1p3platform.ltiplatform import LTI1P3PlatformConfAbstract
from lti1p3platform.membership import Context
from lti1p3platform.message_launch import LTIAdvantageMessageLaunchAbstract
from lti1p3platform.registration import Registration
from lti1p3platform.request import Request
from lti1p3platform.service_connector import AssignmentsGradesService, NamesRoleProvisioningService

ISSUER = "https://lms.example.test"
CLIENT_ID = "tool-client-1"
DEPLOYMENT_ID = "deployment-1"
MEMBERSHIP = "http://purl.imsglobal.org/vocab/lis/v2/membership#"
LEARNER = [MEMBERSHIP + "Learner"]
INSTRUCTOR = [MEMBERSHIP + "Instructor"]


def new_private_key():
    return JWK.generate(kty="RSA", size=2048).export_to_pem(private_key=True, password=None).decode()


class PlatformRequest(Request):
    def build_metadata(self, request):
        return {
            "method": request.get("method", "GET"),
            "form_data": request.get("form", {}),
            "get_data": request.get("query", {}),
            "headers": request.get("headers", {}),
            "content_type": request.get("content_type"),
            "path": request.get("path", "/"),
            "json": request.get("json"),
        }


class PlatformConf(LTI1P3PlatformConfAbstract):
    def init_platform_config(self, registration=None, **kwargs):
        self._registration = registration

    def get_registration_by_params(self, **kwargs):
        return self._registration


class Launch(LTIAdvantageMessageLaunchAbstract):
    def render_launch_form(self, launch_data, **kwargs):
        return launch_data


class Gradebook(AssignmentsGradesService):
    """The LMS's gradebook: line items and the scores posted to them, in memory."""

    def __init__(self, request, platform_config, lms):
        super().__init__(request, platform_config, lms.url("/lineitems"), None, True, True, True)
        self.lms = lms

    def find_lineitems(self, page=1, limit=None, line_item_id=None, resource_link_id=None, resource_id=None, tag=None):
        items = [item for item in self.lms.line_items.values() if not tag or item.get("tag") == tag]
        return {"content": items, "has_next": False, "next": None}

    def find_lineitem(self, line_item_id):
        return self.lms.line_items[line_item_id]

    def create_lineitem(self, creation_data):
        item_id = self.lms.url(f"/lineitems/{len(self.lms.line_items) + 1}")
        self.lms.line_items[item_id] = {**creation_data, "id": item_id}
        return self.lms.line_items[item_id]

    def update_lineitem(self, update_data):
        self.lms.line_items[update_data["id"]].update(update_data)
        return self.lms.line_items[update_data["id"]]

    def delete_lineitem(self, line_item_id):
        self.lms.line_items.pop(line_item_id)

    def update_score(self, line_item_id, score):
        from lti1p3platform.score import UpdateScoreStatus

        if self.lms.fail_next_scores > 0:
            self.lms.fail_next_scores -= 1
            from lti1p3platform.exceptions import LtiServiceException

            raise LtiServiceException("the gradebook is busy", 503)
        self.lms.scores.append((line_item_id, score))
        return UpdateScoreStatus.SUCCESS

    def get_results(self, line_item_id, page=1, limit=None, user_id=None):
        latest = {}
        for item_id, score in self.lms.scores:
            if item_id == line_item_id:
                latest[score["userId"]] = {"userId": score["userId"], "resultScore": score["scoreGiven"]}
        return {"content": list(latest.values()), "has_next": False, "next": None}


class Roster(NamesRoleProvisioningService):
    def __init__(self, request, platform_config, lms):
        super().__init__(request, platform_config, lms.url("/memberships"))
        self.lms = lms

    def get_member_data_page(self, page=1, limit=None, role=None, since=None):
        return {"content": list(self.lms.members), "has_next": False, "next": None}

    def get_context_by_id(self):
        return Context(id="course-101", label="HIST101", title="Alliances 101")


class QuietHandler(WSGIRequestHandler):
    def log_message(self, *args):
        pass


class TestLMS:
    """One LMS: its key, its registration of the tool, and its HTTP services."""

    __test__ = False  # not a test class

    def __init__(self, tool_key_set):
        self.private_key = new_private_key()
        self.public_key = JWK.from_pem(self.private_key.encode()).export_to_pem().decode()
        self.line_items: dict[str, dict] = {}
        self.scores: list[tuple[str, dict]] = []
        self.members: list[dict] = []
        self.fail_next_scores = 0
        self.token_requests = 0
        self.server: WSGIServer = make_server("127.0.0.1", 0, self.wsgi, handler_class=QuietHandler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        self.registration = (
            Registration()
            .set_iss(ISSUER)
            .set_client_id(CLIENT_ID)
            .set_deployment_id(DEPLOYMENT_ID)
            .set_oidc_login_url("http://testserver/lti/login/")
            .set_launch_url("http://testserver/lti/launch/")
            .set_deeplink_launch_url("http://testserver/lti/launch/")
            .set_platform_private_key(self.private_key)
            .set_platform_public_key(self.public_key)
            .set_tool_key_set(tool_key_set)
        )
        self.conf = PlatformConf(registration=self.registration)

    def url(self, path):
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}{path}"

    def stop(self):
        self.server.shutdown()
        self.server.server_close()

    # --- what the tool fetches over HTTP -------------------------------------------------

    def wsgi(self, environ, start_response):
        path = environ["PATH_INFO"]
        method = environ["REQUEST_METHOD"]
        length = int(environ.get("CONTENT_LENGTH") or 0)
        body = environ["wsgi.input"].read(length).decode() if length else ""
        query = dict(parse_qsl(environ.get("QUERY_STRING", "")))
        headers = {"Authorization": environ.get("HTTP_AUTHORIZATION", "")}
        if path == "/jwks":
            return self._answer(start_response, 200, self.conf.get_jwks())
        if path == "/token" and method == "POST":
            self.token_requests += 1
            return self._answer(start_response, 200, self.conf.get_access_token(dict(parse_qsl(body))))
        content_type = environ.get("CONTENT_TYPE", "")
        request = PlatformRequest(
            {
                "method": method,
                "query": query,
                "headers": headers,
                "content_type": content_type,
                "path": path,
                "json": json.loads(body) if body and "json" in content_type else None,
            }
        )
        response = self._service(request, path, method)
        return self._answer(start_response, response.code, response.result, response.media_type)

    def _service(self, request, path, method):
        if path == "/memberships":
            return Roster(request, self.conf, self).handle_get_members()
        gradebook = Gradebook(request, self.conf, self)
        if path == "/lineitems":
            return gradebook.handle_create_lineitem() if method == "POST" else gradebook.handle_get_lineitems()
        item_id = self.url(path.rsplit("/", 1)[0])
        if path.endswith("/scores"):
            return gradebook.handle_update_score(item_id)
        if path.endswith("/results"):
            return gradebook.handle_get_results(item_id)
        return gradebook.handle_get_lineitem(self.url(path))

    @staticmethod
    def _answer(start_response, code, result, media_type="application/json"):
        headers = [("Content-Type", media_type)]
        if isinstance(result, dict) and "has_next" in result:
            # The library's page of line items or results goes out as the spec's JSON array,
            # the next page (if any) in a Link header.
            if result.get("next"):
                headers.append(("Link", f'<{result["next"]}>; rel="next"'))
            result = result["content"]
        payload = json.dumps(result if result is not None else {}).encode()
        start_response(f"{code} X", [*headers, ("Content-Length", str(len(payload)))])
        return [payload]

    # --- launches ---------------------------------------------------------------------------

    def launch_message(self, oidc_redirect: str, *, sub, roles, context_id="course-101", custom=None,
                       resource_link_id="link-1", name="Ada Lovelace", email="ada@lms.example.test",
                       ags=False, nrps=False, deep_link=False, expires_in=300) -> dict[str, t.Any]:  # fmt: skip
        """The platform's answer to the tool's OIDC redirect: {"id_token", "state", "launch_url"}."""
        query = dict(parse_qsl(urlsplit(oidc_redirect).query))
        launch = Launch(PlatformRequest({"query": query}), self.conf)
        launch.set_user_data(sub, roles, full_name=name, email_address=email)
        launch.set_resource_link_claim(resource_link_id, title="Course link")
        if context_id:
            launch.set_launch_context_claim(context_id, context_title="Alliances 101", context_label="HIST101")
        if custom:
            launch.set_custom_parameters_claim(custom)
        if ags:
            launch.set_ags(self.url("/lineitems"), ags if isinstance(ags, str) else None)
        if nrps:
            launch.set_nrps(self.url("/memberships"))
        if deep_link:
            launch.set_dl(self.url("/deep-link-return"), title="Pick", accept_types={"ltiResourceLink"})
        launch.set_id_token_expiration(expires_in)
        return launch.lti_launch()

    def sign(self, claims: dict) -> str:
        """A token signed by this platform's key (for tokens altered after the library built them)."""
        return self.registration.platform_encode_and_sign(dict(claims))
