"""An instructor exports the class grid: the button queues it, the exports page shows it queued,
and once the worker has built it the page (its script re-reading the page, no reload) offers the
download and says so to screen readers; the file is the grid. The page's content passes axe-core's
WCAG 2.2 AA rules."""

import io

import pytest
from openpyxl import load_workbook

from course.classes.models import ClassExport, CourseClass, ExportStatus, Membership
from tests.browser.conftest import BROWSER_MARKS
from tests.browser.test_axe_wcag import AXE, WCAG_22_AA, report
from tests.mail_queue import run_worker

pytestmark = BROWSER_MARKS


@pytest.fixture
def exports_dir(settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "exports": {**settings.STORAGES["exports"], "OPTIONS": {"location": tmp_path / "exports"}},
    }
    return tmp_path / "exports"


# axe-core on one part of the page, light and dark (the admin follows the system's scheme).
RUN_AXE_ON = """([selector, tags]) => axe.run(document.querySelector(selector),
  {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]})
  .then(result => result.violations.map(v => ({
    id: v.id, help: v.help, nodes: v.nodes.map(n => n.target.join(" ")),
  })))"""


def axe_violations(page, selector):
    page.add_script_tag(path=str(AXE))  # the admin's policy allows it (script-src 'unsafe-inline')
    found = {}
    for scheme in ("light", "dark"):
        page.emulate_media(color_scheme=scheme)
        if violations := page.evaluate(RUN_AXE_ON, [selector, WCAG_22_AA]):
            found[scheme] = violations
    return found


def test_the_exports_page_shows_the_download_once_the_worker_is_done(page, sign_in, exports_dir, instructor, make_user):
    teacher, learner = instructor, make_user("ada", display_name="Ada L")
    seminar = CourseClass.objects.create(name="Thursday seminar")
    seminar.instructors.add(teacher)
    Membership.objects.create(course_class=seminar, learner=learner)
    sign_in(teacher)

    page.goto(f"/admin/classes/{seminar.pk}/grid/")
    with page.expect_navigation():
        page.get_by_role("button", name="Export XLSX").click()
    assert page.url.endswith(f"/admin/classes/{seminar.pk}/exports/")
    row = page.locator("tbody tr").first
    assert "Queued" in row.inner_text()
    assert ClassExport.objects.get().status == ExportStatus.QUEUED

    run_worker()

    download_link = row.get_by_role("link", name="Download XLSX")
    download_link.wait_for(timeout=15_000)  # the script polls every 2 s or so
    announcer = page.locator("[data-export-announcer]")
    assert "Ready" in announcer.inner_text()
    if AXE.exists():  # the page's own content (Wagtail's admin frame is Wagtail's)
        assert not (found := axe_violations(page, ".nice-padding")), report(found)
    with page.expect_download() as download:
        page.get_by_role("link", name="Download XLSX").click()
    path = download.value.path()
    assert download.value.suggested_filename.startswith(f"class-{seminar.pk}-grid-")
    with open(path, "rb") as file:
        sheet = load_workbook(io.BytesIO(file.read())).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[0][:3] == ["Username", "Name", "E-mail"]
    assert rows[1][:3] == ["ada", "Ada L", "ada@example.com"]
