"""Binary forms, invariants, factorization, real roots and number conversions
(the mathematics of tests/forms and tests/arith, smaller), with SymPy as an
independent reference where it can answer."""
from fractions import Fraction

import pytest
import sympy

import lcngeom as L
from conftest import random_coefficients

x, y, t = sympy.symbols("x y t")


def to_sympy(p):
    """The form as a SymPy expression in x, y (coefficient order a_0 x^n + ... + a_n y^n)."""
    n = p.degree
    return sum(sympy.Rational(c.numerator, c.denominator) * x ** (n - i) * y**i for i, c in enumerate(p.coefficients))


def dehomogenized(p):
    n = p.degree
    return sympy.Poly([sympy.Rational(c.numerator, c.denominator) for c in p.coefficients], t)


# ---------------------------------------------------------------- conversions


def test_exact_numbers_in_and_out():
    p = L.BinaryForm([1, Fraction(-3, 4), "0.125", 2**100])
    assert p.coefficients == [1, Fraction(-3, 4), Fraction(1, 8), 2**100]
    assert all(isinstance(c, Fraction) for c in p.coefficients)
    assert p.degree == 3 and len(p) == 4 and p[1] == Fraction(-3, 4)
    # a float is not an exact input
    with pytest.raises(TypeError):
        L.BinaryForm([1.5, 2])
    big = L.discriminant(L.BinaryForm([2**80 + 1, 0, -(3**60)]))
    assert big == 4 * (2**80 + 1) * 3**60


def test_parse_and_repr_round_trip():
    p = L.BinaryForm("(x-y)^2*(x^2+7xy+y^2)/5")
    assert p.coefficients == [Fraction(1, 5), 1, Fraction(-12, 5), 1, Fraction(1, 5)]  # (x^4+5x^3y-12x^2y^2+5xy^3+y^4)/5
    assert p.to_coefficient_string() == "1/5,1,-12/5,1,1/5"
    assert eval(repr(p), {"BinaryForm": L.BinaryForm}) == p
    assert L.BinaryForm(str(p)) == p
    assert L.BinaryForm("2,0,5,0,2") == L.BinaryForm([2, 0, 5, 0, 2])
    assert hash(L.BinaryForm("x^2-y^2")) == hash(L.BinaryForm([1, 0, -1]))


def test_arithmetic_matches_sympy(rng):
    for _ in range(20):
        f = L.BinaryForm(random_coefficients(rng, rng.randint(0, 4)))
        g = L.BinaryForm(random_coefficients(rng, rng.randint(0, 4)))
        assert sympy.expand(to_sympy(f * g) - to_sympy(f) * to_sympy(g)) == 0
        c = Fraction(rng.randint(-9, 9), rng.randint(1, 9))
        assert (c * f).coefficients == [c * a for a in f.coefficients]
        assert f.evaluate(3, -2) == to_sympy(f).subs({x: 3, y: -2})


# ---------------------------------------------------------------- invariants


def test_discriminant_multiplicativity(rng):
    # Disc(fg) = Disc(f) Disc(g) Res(f, g)^2 (invariants.hpp), leading zeros included
    for _ in range(40):
        f = L.BinaryForm(random_coefficients(rng, rng.randint(1, 4)))
        g = L.BinaryForm(random_coefficients(rng, rng.randint(1, 4)))
        if rng.random() < 0.3:
            f = f * L.BinaryForm("y")  # a root at (1:0)
        assert L.discriminant(f * g) == L.discriminant(f) * L.discriminant(g) * L.resultant(f, g) ** 2
        m, n = f.degree, g.degree
        assert L.resultant(g, f) == (-1) ** (m * n) * L.resultant(f, g)
        assert L.resultant(f, g) == L.resultant_sylvester(f, g)


def test_discriminant_and_resultant_against_sympy(rng):
    for _ in range(25):
        f = L.BinaryForm(random_coefficients(rng, rng.randint(2, 5), nonzero_lead=True))
        g = L.BinaryForm(random_coefficients(rng, rng.randint(1, 4), nonzero_lead=True))
        assert L.discriminant(f) == sympy.discriminant(dehomogenized(f))
        assert L.resultant(f, g) == sympy.resultant(dehomogenized(f), dehomogenized(g))


def test_paper_discriminant_formulas(rng):
    # Example 3.3: b^2 - 4ac and the cubic discriminant
    for _ in range(10):
        a, b, c, d = random_coefficients(rng, 3)
        assert L.discriminant(L.BinaryForm([a, b, c])) == b * b - 4 * a * c
        cubic = L.BinaryForm([a, b, c, d])
        disc = b * b * c * c - 4 * a * c**3 - 4 * b**3 * d - 27 * a * a * d * d + 18 * a * b * c * d
        inv = L.cubic_invariants(cubic)
        assert L.discriminant(cubic) == disc == inv["disc"]
        assert (inv["delta1"], inv["delta2"], inv["delta3"]) == (3 * a * c - b * b, 9 * a * d - b * c, 3 * b * d - c * c)


def test_depressed_quartic(rng):
    for _ in range(10):
        f = L.BinaryForm(random_coefficients(rng, 4, nonzero_lead=True))
        q = L.depressed_quartic(f)
        p_, q_, r_ = q["p"], q["q"], q["r"]
        delta = 256 * r_**3 - 128 * p_**2 * r_**2 + 144 * p_ * q_**2 * r_ + 16 * p_**4 * r_ - 27 * q_**4 - 4 * p_**3 * q_**2
        assert q["delta"] == delta == L.discriminant(f) / f[0] ** 6
        assert q["delta_prime"] == 8 * p_ * r_ - 9 * q_**2 - 2 * p_**3


# ---------------------------------------------------------------- factorization


def test_factor_against_sympy(rng):
    for _ in range(20):
        # planted: products of small random factors, some repeated, maybe y^m
        p = L.BinaryForm([rng.randint(1, 3)])
        for _ in range(rng.randint(1, 4)):
            q = L.BinaryForm([rng.randint(-4, 4) or 1 for _ in range(rng.randint(2, 3))])
            p = p * q ** rng.randint(1, 2)
        f = L.factor(p)
        product = L.BinaryForm([f["unit"]])
        for form, e in f["factors"]:
            product = product * form**e
        assert product == p
        _, sym = sympy.factor_list(to_sympy(p))
        ours = sorted((form.degree, e) for form, e in f["factors"])
        theirs = sorted((sympy.Poly(g, x, y).total_degree(), e) for g, e in sym)
        assert ours == theirs
        assert L.is_squarefree(p) == all(e == 1 for _, e in f["factors"])


# ---------------------------------------------------------------- real roots


def test_real_roots_against_sympy(rng):
    for _ in range(20):
        f = L.BinaryForm(random_coefficients(rng, rng.randint(1, 6), nonzero_lead=True))
        if f.is_zero() or dehomogenized(f).degree() < 1:
            continue
        roots = L.real_roots(f)
        exact = sympy.Poly(dehomogenized(f)).real_roots()  # with multiplicity
        distinct = sorted(set(exact))
        assert len(roots) == len(distinct) == L.count_real_roots(f)
        for r, s in zip(roots, distinct):
            assert r.lo <= s <= r.hi
            assert r.multiplicity == exact.count(s)
            assert float(r) == pytest.approx(float(s), rel=1e-12, abs=1e-12)


def test_root_at_infinity_and_refinement():
    roots = L.real_roots(L.BinaryForm("y^2*(x^2-2y^2)"))
    assert [r.at_infinity for r in roots] == [False, False, True]
    assert roots[2].multiplicity == 2 and float(roots[2]) == float("inf")
    r = roots[1]
    r.refine(200)
    assert r.hi - r.lo <= Fraction(1, 2**200)
    assert r.lo**2 < 2 < r.hi**2
    assert r.to_decimal(30) == "1.41421356237309504880168872421"


def test_lazy_defining_polynomial():
    # (t^4 - 5t + 1)(t^2 - 3): no rational root, isolated in one piece; the
    # irreducible factor of each root is found on the first request only.
    roots = L.real_roots(L.BinaryForm([1, 0, -3, -5, 1, 15, -3]))
    assert len(roots) == 4
    assert not any(r.has_defining_polynomial for r in roots)
    assert all(r.squarefree_polynomial == [-3, 15, 1, -5, -3, 0, 1] for r in roots)
    roots[0].refine(100)
    assert roots[0].to_decimal(10) == "-1.732050808"
    assert not roots[0].has_defining_polynomial
    assert [len(r.defining_polynomial) - 1 for r in roots] == [2, 4, 4, 2]
    assert roots[0].defining_polynomial == [-3, 0, 1]
    assert all(r.has_defining_polynomial for r in roots)


def test_algebraic_real():
    s = L.real_roots(L.BinaryForm([1, 0, -2]))[1].to_algebraic()
    assert s.minimal_polynomial == [-2, 0, 1] and s.degree == 2 and not s.is_rational
    assert float(s) == 2**0.5
    assert Fraction(141, 100) < s < Fraction(142, 100)
    assert s > 1 and s != 2 and -s < 0
    assert L.evaluate_polynomial([0, 0, 1], s) == 2  # exact: sqrt(2)^2 = 2
    s.refine(100)
    assert s.hi - s.lo <= Fraction(1, 2**100) and s.lo < s.hi
    with pytest.raises(L.DomainError):
        s.rational()
    assert L.AlgebraicReal(Fraction(3, 7)).rational() == Fraction(3, 7)


def test_real_factorization_balls_contain_roots():
    unit, factors = L.real_factorization(L.BinaryForm("(x^2-2y^2)(x^2+xy+y^2)"))
    linear = [f for f in factors if f["degree"] == 1]
    assert len(linear) == 2 and unit == 1
    for f, root in zip(linear, [-(2**0.5), 2**0.5]):
        ball = f["coefficients"][1]  # x - r y
        assert ball.lo <= Fraction(-root) <= ball.hi or abs(float(ball) + root) < 1e-30
    assert [f["degree"] for f in factors] == [1, 1, 2]


# ---------------------------------------------------------------- errors


def test_typed_exceptions():
    with pytest.raises(L.ParseError) as e:
        L.BinaryForm("x^2+")
    assert e.value.position == 4 and isinstance(e.value, ValueError) and isinstance(e.value, L.InvalidArgument)
    with pytest.raises(L.InvalidArgument):
        L.BinaryForm([])
    with pytest.raises(L.DomainError) as d:
        L.discriminant(L.BinaryForm("x")) and L.real_roots(L.BinaryForm.zero(3))
    assert isinstance(d.value, ValueError) and isinstance(d.value, L.Error)
    with pytest.raises(L.InvalidArgument):
        L.BinaryForm("x") + L.BinaryForm("x^2")
    assert issubclass(L.NotSupported, NotImplementedError)


def test_hash_and_pickle_consistency():
    import pickle

    p = L.BinaryForm("(x-y)^2*(x^2+7xy+y^2)/5")
    assert pickle.loads(pickle.dumps(p)) == p
    two = L.evaluate_polynomial([0, 0, 1], L.real_roots(L.BinaryForm([1, 0, -2]))[1].to_algebraic())
    assert two == Fraction(2) and hash(two) == hash(Fraction(2))
    s1 = L.real_roots(L.BinaryForm([1, 0, -2]))[1].to_algebraic()
    s2 = L.real_roots(L.BinaryForm([2, 0, -4]))[1].to_algebraic()
    assert s1 == s2 and hash(s1) == hash(s2) and len({s1, s2, -s1}) == 2
