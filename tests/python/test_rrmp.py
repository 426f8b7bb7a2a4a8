"""rrmp (Definition 3.2, Example 3.3), partitions and multiple root loci
(Definition 3.1, eq. 5.3): planted patterns and an independent SymPy rrmp."""
from fractions import Fraction

import pytest
import sympy

import lcngeom as L
from test_forms import to_sympy, x, y


def sympy_rrmp(p):
    """rrmp from SymPy alone: factor over Q, count real roots of each factor."""
    rho, gamma = [], []
    _, factors = sympy.factor_list(to_sympy(p))
    for g, e in factors:
        poly = sympy.Poly(g, x, y)
        d = poly.total_degree()
        if d == 0:
            continue
        affine = sympy.Poly(g.subs(y, 1), x)
        real = len(set(affine.real_roots())) if affine.degree() > 0 else 0
        real += d - max(affine.degree(), 0)  # roots at (1:0)
        rho += [e] * real
        gamma += [e] * ((d - real) // 2)
    side = lambda v: "".join(map(str, sorted(v))) or "0"
    return f"{side(rho)}|{side(gamma)}"


def test_paper_order_example_3_3():
    assert [str(r) for r in L.all_rrmps(2)] == ["11|0", "2|0", "0|1"]
    assert [str(r) for r in L.all_rrmps(3)] == ["111|0", "12|0", "3|0", "1|1"]
    assert [str(r) for r in L.all_rrmps(4)] == ["1111|0", "112|0", "22|0", "13|0", "4|0", "11|1", "2|1", "0|2", "0|11"]
    assert L.rrmp_count(4) == 9
    assert [L.rrmp_count(n) for n in range(1, 7)] == [len(L.all_rrmps(n)) for n in range(1, 7)]


def test_readme_line():
    assert str(L.rrmp("2x^4+5x^2y^2+2y^4")) == "0|11"
    assert L.rrmp("(x-y)^2*(x^2+7xy+y^2)/5") == "112|0"


def test_planted_patterns(rng):
    for _ in range(40):
        p = L.BinaryForm([rng.choice([1, -2, Fraction(3, 5)])])
        rho, gamma = [], []
        roots = rng.sample(range(-30, 30), 4)
        for r in roots[: rng.randint(0, 3)]:
            m = rng.randint(1, 3)
            p = p * L.BinaryForm([1, -Fraction(r, 7)]) ** m
            rho.append(m)
        for b in rng.sample(range(-5, 6), rng.randint(0, 2)):
            c = Fraction(b * b, 4) + rng.randint(1, 5)  # b^2 < 4c: a complex pair
            m = rng.randint(1, 2)
            p = p * L.BinaryForm([1, b, c]) ** m
            gamma.append(m)
        if rng.random() < 0.3:
            p = p * L.BinaryForm("y")  # the root (1:0)
            rho.append(1)
        expected = L.Rrmp(rho, gamma)
        assert L.rrmp(p) == expected == L.rrmp_general(p)
        assert L.root_pattern(p) == expected.partition()
        assert L.in_locus(p, expected.partition())


def test_rrmp_against_sympy(rng):
    for _ in range(30):
        p = L.BinaryForm([rng.randint(-6, 6) for _ in range(rng.randint(2, 7))])
        if p.is_zero():
            continue
        assert str(L.rrmp(p)) == sympy_rrmp(p)


def test_partitions_and_loci():
    assert [str(l) for l in L.partitions(4)] == ["(1,1,1,1)", "(2,1,1)", "(2,2)", "(3,1)", "(4)"]
    assert L.partition_count(10) == 42
    assert L.is_coarsening("4", "2,2") and L.is_coarsening("2,2", "2,1,1") and not L.is_coarsening("3,1", "2,2")
    assert L.splitting_count("2,2", "2,1,1") == 2
    # footnote 2 (Kurmann): singular iff lambda arises from mu in two ways or by an unequal split
    assert not L.is_smooth_point("(x-y)^4", "3,1")  # (4) -> (3,1): unequal sizes
    assert not L.is_smooth_point("x^2*y^2", "2,1,1")  # (2,2) -> (2,1,1) in two ways
    assert L.is_smooth_point("(x-y)^4", "2,2")  # (4) -> (2,2): one way, equal sizes
    assert L.is_smooth_point("x^2*y^2", "2,2")
    # eq. (5.3): the tangent space of Delta_lambda at p has dimension r + 1
    basis = L.tangent_space("(x-y)^2*(x+y)^2")
    assert len(basis) == 3 and all(b.degree == 4 for b in basis)
    g = L.tangent_generator("(x-y)^2*(x+y)^2")
    assert all(L.divides(g, b) for b in basis)


def test_locus_membership_is_coarsening(rng):
    for _ in range(20):
        p = L.BinaryForm([rng.randint(-3, 3) for _ in range(5)])
        if p.is_zero():
            continue
        mu = L.root_pattern(p)
        for lam in L.partitions(4):
            assert L.in_locus(p, lam) == L.is_coarsening(mu, lam)


def test_errors():
    with pytest.raises(L.ParseError):
        L.Rrmp("11|x")
    with pytest.raises(L.InvalidArgument):
        L.Partition([2, 0])
    with pytest.raises(L.DomainError):
        L.rrmp(L.BinaryForm.zero(2))
    with pytest.raises(L.InvalidArgument):
        L.in_locus("x^2", "2,1")


def test_readme_command_line():
    # the exact line README.md shows, run by the interpreter the suite runs on
    import os
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-c", "import lcngeom; print(lcngeom.rrmp('2x^4+5x^2y^2+2y^4'))"],
                         env=dict(os.environ), capture_output=True, text=True, check=True)
    assert out.stdout == "0|11\n"
