"""Shared fixtures of the Python suite (tests/python).

Random tests draw from `rng`, seeded like the C++ suite (tests/support): the
seed is LCNGEOM_TEST_SEED when set, else drawn at start-up; it is printed in
the report header so that a failure can be replayed with
LCNGEOM_TEST_SEED=<seed> python3 -m pytest tests/python.
"""
import os
import random
from fractions import Fraction

import pytest

_env = os.environ.get("LCNGEOM_TEST_SEED", "")
SEED = int(_env) if _env.strip() else random.SystemRandom().randrange(2**32)


def pytest_report_header(config):
    return f"lcngeom test seed: {SEED} (set LCNGEOM_TEST_SEED to replay)"


@pytest.fixture
def rng(request):
    # One stream per test, derived from the seed and the test's name, so that
    # a test's inputs do not depend on which other tests ran.
    return random.Random(f"{SEED}:{request.node.nodeid}")


def random_fraction(rng, bound=20, den=6):
    return Fraction(rng.randint(-bound, bound), rng.randint(1, den))


def random_coefficients(rng, degree, bound=20, den=6, nonzero_lead=False):
    c = [random_fraction(rng, bound, den) for _ in range(degree + 1)]
    if nonzero_lead and c[0] == 0:
        c[0] = Fraction(1)
    return c
