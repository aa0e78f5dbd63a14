import time
import pytest
from django.core.management import call_command
from django.db import connection
from course.lessons.models import CourseHomePage, LessonPage


def test_probe(live_server):
    t = time.perf_counter()
    print("course?", CourseHomePage.objects.exists(), LessonPage.objects.count())
    s = connection.creation.serialize_db_to_string()
    print("serialize", time.perf_counter() - t, len(s))
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox","--disable-gpu","--disable-dev-shm-usage","--disable-background-networking","--disable-component-update","--disable-sync","--no-first-run"])
        print("launch", time.perf_counter() - t)
        page = b.new_page()
        page.goto(live_server.url + "/foundations/security-bargains/")
        print(page.title(), time.perf_counter() - t)
        try:
            print(LessonPage.objects.count())
        except Exception as e:
            print("ORM in playwright:", type(e), e)
        b.close()
    t = time.perf_counter()
    print(s[:300])


def test_probe2(live_server):
    print("course after flush?", CourseHomePage.objects.exists())
