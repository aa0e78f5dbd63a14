"""Production settings for the load test, with one change: a fast password hasher.

Django's PBKDF2 takes 0.8-1.6 s of CPU per sign-in on this 2-core machine, so 200
sign-ins alone would need minutes of CPU and the test would measure nothing but
password hashing. docs/performance.md reports that cost separately.
"""

from course.settings.production import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
