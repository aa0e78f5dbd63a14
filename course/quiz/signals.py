from django.dispatch import Signal

# Sent inside the grading transaction, once per attempt: kwargs attempt.
attempt_graded = Signal()
