"""The cluster's production settings plus devtools, for the exam-day commands that prepare the
accounts and check the results (`prepare_exam`, `check_exam`). The nodes never load it."""

from course.settings.production import *  # noqa: F403

INSTALLED_APPS = [*INSTALLED_APPS, "devtools"]  # noqa: F405
