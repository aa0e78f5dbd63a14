import json
import secrets
from pathlib import Path

from django.core.management.base import BaseCommand

from devtools.exam import prepare_exam


class Command(BaseCommand):
    help = "Exam day: N learner accounts and the timed module quiz; writes the plan the locustfile follows."

    def add_arguments(self, parser):
        parser.add_argument("--learners", type=int, default=2000)
        parser.add_argument("--seconds", type=int, default=480, help="mean time a learner spends answering")
        parser.add_argument("--plan", required=True, help="JSON file to write")

    def handle(self, *args, **options):
        plan = prepare_exam(options["learners"], options["seconds"], secrets.token_urlsafe(16))
        Path(options["plan"]).write_text(json.dumps(plan), encoding="utf-8")
        self.stdout.write(
            f"{len(plan['learners'])} learners; quiz {plan['quiz_url']} ({plan['questions']} questions, "
            f"{plan['time_limit_minutes']} minutes); plan in {options['plan']}"
        )
