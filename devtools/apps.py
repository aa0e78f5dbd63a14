from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DevtoolsConfig(AppConfig):
    """Development and demo tooling: demo accounts, synthetic learners, report timings.

    Installed only by the dev and test settings (never in production); `make run`
    uses its commands. It may import every app of `course`; nothing in `course`
    imports it (the import contracts in pyproject.toml)."""

    name = "devtools"
    label = "devtools"
    verbose_name = _("Development tools")
