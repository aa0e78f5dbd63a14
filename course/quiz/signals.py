from django.dispatch import Signal

# Sent inside the grading transaction, once per attempt: kwargs attempt and responses
# (the Response rows just written, each with its question).
attempt_graded = Signal()
