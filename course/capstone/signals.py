from django.dispatch import Signal

# Sent inside the transaction that stores a learner's submitted capstone answers: kwarg learner.
# Progress listens (the capstone can complete the course); capstone need not know about progress.
capstone_submitted = Signal()
