import pytest
from tests.importer.conftest import load, site_counts
pytestmark = pytest.mark.django_db

def test_p(content_tree):
    print(site_counts())
    print(load(content_tree))
    print(site_counts())
    print(load(content_tree))
