"""Certificate codes are unguessable: at least 128 random bits, and unique."""

from django.db import IntegrityError, transaction

import pytest

from course.progress.models import Certificate, new_certificate_code


def test_a_code_carries_at_least_128_bits():
    code = new_certificate_code()
    assert len(bytes.fromhex(code)) * 8 >= 128


def test_codes_do_not_repeat():
    codes = {new_certificate_code() for _ in range(2000)}
    assert len(codes) == 2000


def test_codes_are_not_sequential_or_derived_from_the_learner():
    first, second = new_certificate_code(), new_certificate_code()
    assert int(second, 16) - int(first, 16) not in (-1, 0, 1)


@pytest.mark.django_db
def test_an_issued_certificate_gets_a_fresh_code(learner, other_learner):
    first = Certificate.objects.create(learner=learner)
    second = Certificate.objects.create(learner=other_learner)
    assert len(bytes.fromhex(first.code)) * 8 >= 128
    assert first.code != second.code


@pytest.mark.django_db
def test_the_database_refuses_a_duplicate_code(learner, other_learner):
    first = Certificate.objects.create(learner=learner)
    with pytest.raises(IntegrityError), transaction.atomic():
        Certificate.objects.create(learner=other_learner, code=first.code)


@pytest.mark.django_db
def test_a_learner_can_hold_only_one_certificate(learner):
    Certificate.objects.create(learner=learner)
    with pytest.raises(IntegrityError), transaction.atomic():
        Certificate.objects.create(learner=learner)
