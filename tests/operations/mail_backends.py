"""E-mail backends that fail the way real mail servers do, for the queue's tests."""

import smtplib

from django.core.mail.backends.locmem import EmailBackend as LocmemBackend


class MailServerDown(LocmemBackend):
    """The server does not answer: nothing is sent, the job should be retried."""

    def open(self):
        raise ConnectionRefusedError(111, "Connection refused")

    def send_messages(self, messages):
        raise ConnectionRefusedError(111, "Connection refused")


class AddressRefused(LocmemBackend):
    """The server refuses the recipient (550): retrying cannot help."""

    def send_messages(self, messages):
        raise smtplib.SMTPRecipientsRefused({messages[0].to[0]: (550, b"5.1.1 No such user")})


class FailsAfterSending(LocmemBackend):
    """The message is accepted, then the server drops the line while the client says goodbye."""

    def close(self):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")
