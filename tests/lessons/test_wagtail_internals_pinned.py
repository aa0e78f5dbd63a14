"""The caches lean on two Wagtail names outside its documented API
(course/lessons/site_lookup.py says why). These tests fail when a Wagtail upgrade
changes them, and show that the site cache keeps hosts apart."""

from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from wagtail.models import Site
from wagtail.models.sites import get_site_for_hostname

import pytest

pytestmark = pytest.mark.django_db


def test_find_for_request_takes_the_site_set_on_the_request_without_a_query():
    request = RequestFactory().get("/")
    marker = Site(site_name="set by the middleware")
    request._wagtail_site = marker
    with CaptureQueriesContext(connection) as queries:
        assert Site.find_for_request(request) is marker
    assert not queries.captured_queries


def test_get_site_for_hostname_finds_a_site_by_host_and_port(home):
    site = Site.objects.get()
    assert get_site_for_hostname(site.hostname, site.port) == site
    Site.objects.update(is_default_site=False)  # no fallback: an unknown host finds nothing
    with pytest.raises(Site.DoesNotExist):
        get_site_for_hostname("nowhere.invalid", 80)


def test_each_host_gets_its_own_site_from_the_cache(client, home):
    default = Site.objects.get()
    other = Site.objects.create(hostname="127.0.0.1", port=80, root_page=home, site_name="The other host")
    assert default.hostname != other.hostname

    by_other = client.get("/", HTTP_HOST="127.0.0.1").wsgi_request._wagtail_site
    by_default = client.get("/", HTTP_HOST=default.hostname).wsgi_request._wagtail_site
    again_by_other = client.get("/", HTTP_HOST="127.0.0.1").wsgi_request._wagtail_site

    assert by_other.pk == again_by_other.pk == other.pk
    assert by_default.pk == default.pk
