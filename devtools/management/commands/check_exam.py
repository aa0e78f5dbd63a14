import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from devtools.exam import check_exam

SHOWN_PROBLEMS = 20


class Command(BaseCommand):
    help = "Exam day: every learner has exactly one graded attempt holding the answers they last gave."

    def add_arguments(self, parser):
        parser.add_argument("--plan", required=True)
        parser.add_argument("--results", required=True, help="the locustfile's JSON of each learner's answers")
        parser.add_argument("--json", help="also write the counts and problems here")

    def handle(self, *args, **options):
        plan = json.loads(Path(options["plan"]).read_text(encoding="utf-8"))
        results_file = Path(options["results"])
        results = json.loads(results_file.read_text(encoding="utf-8")) if results_file.exists() else {}
        counts, problems = check_exam(plan, results)
        if options["json"]:
            Path(options["json"]).write_text(json.dumps({"counts": counts, "problems": problems}), encoding="utf-8")
        for name, value in counts.items():
            self.stdout.write(f"{name:>17}: {value}")
        for problem in problems[:SHOWN_PROBLEMS]:
            self.stdout.write(f"  {problem}")
        if problems:
            more = f" ({len(problems) - SHOWN_PROBLEMS} more)" if len(problems) > SHOWN_PROBLEMS else ""
            raise CommandError(f"{len(problems)} problems{more}")
        self.stdout.write(self.style.SUCCESS("Every learner: one graded attempt, every answer stored."))
