"""Architectures, mu, function spaces (Theorem 4.1, Lemma 4.2, Example 4.6),
witnesses, compatibility (Example 5.6), fibers (Example 5.8) and the scale
recovery of Section 7.3."""
from fractions import Fraction

import pytest

import lcngeom as L


def random_theta(rng, filters):
    return [[Fraction(rng.randint(-5, 5), rng.randint(1, 3)) for _ in range(k)] for k in filters]


def test_architecture_basics():
    a = L.Architecture([4, 2])
    assert a.end_to_end_filter_size() == 5 and a.depth == 2 and a.even_filter_count() == 2
    b = L.Architecture([3, 2], strides=[2, 1])
    assert b.end_to_end_filter_size() == 3 + (2 - 1) * 2
    assert str(L.Architecture.parse("4,2")) == "k=(4,2)"
    with pytest.raises(L.InvalidArgument):
        L.Architecture([0, 2])


def test_theorem_4_1_filling():
    filling = {tuple(a.filters): L.is_filling(a) for a in L.stride_one_architectures(4)}
    assert filling == {(2, 2, 2, 2): False, (3, 2, 2): False, (3, 3): True, (4, 2): False, (5,): True}
    ok, reason = L.filling_verdict([2, 2])
    assert not ok and "4.1" in reason


def test_example_4_6_table():
    def table(k):
        t = L.function_space_rrmps(k)
        return [" ".join(map(str, t[key])) for key in ("function_space", "complement", "boundary")]

    assert table([2, 2]) == ["11|0 2|0", "0|1", "2|0"]
    assert table([2, 2, 2]) == ["111|0 12|0 3|0", "1|1", "12|0 3|0"]
    assert table([4, 2]) == ["1111|0 112|0 22|0 13|0 4|0 11|1 2|1", "0|2 0|11", "22|0 4|0 2|1"]
    assert table([3, 2, 2]) == table([4, 2])
    assert table([2, 2, 2, 2]) == ["1111|0 112|0 22|0 13|0 4|0", "11|1 2|1 0|2 0|11", "112|0 22|0 13|0 4|0"]


def test_mu_is_the_product_and_lands_in_the_function_space(rng):
    for filters in ([2, 2], [3, 2, 2], [4, 2], [2, 2, 2, 2]):
        for _ in range(5):
            theta = random_theta(rng, filters)
            w = L.mu(filters, theta)
            product = L.BinaryForm([1])
            for f in theta:
                product = product * L.filter_form(f)
            assert w == product
            assert L.in_function_space(filters, w)  # Lemma 4.2: mu(theta) has >= e real roots
            assert L.differential_rank(filters, theta) == _rank(L.jacobian(filters, theta))


def _rank(rows):
    import sympy

    return sympy.Matrix(rows).rank()


def test_witness_reproduces_the_form(rng):
    for _ in range(10):
        theta = random_theta(rng, [3, 2, 2])
        p = L.mu([3, 2, 2], theta)
        if p.is_zero():
            continue
        wit = L.witness([3, 2, 2], p)
        assert wit.exact and L.mu([3, 2, 2], wit.filters) == p and wit.error_squared == 0
    # an irreducible quartic with four real roots has no witness over Q for (2,2,2,2)
    p = L.BinaryForm("x^4 - 10x^2y^2 + y^4")
    assert L.exact_witness([2, 2, 2, 2], p) is None
    wit = L.witness([2, 2, 2, 2], p, precision=64)
    assert not wit.exact and 0 < wit.error_norm_bound() < Fraction(1, 2**40)
    with pytest.raises(L.DomainError):
        L.witness([2, 2], "x^2+y^2")  # outside the function space


def test_example_5_6_compatibility():
    row = {str(r): (str(p) if p else None) for r, p in L.compatibility_table([4, 2])}
    assert row["1111|0"] == "p1p2p3·p4" and row["112|0"] == "p1p2p3·p3"
    assert row["22|0"] is None and row["13|0"] is None
    assert row["11|1"] == "p1q1·p2" and row["2|1"] == "p1q1·p1"
    assert L.is_compatible("13|0", [3, 2, 2]) and not L.is_compatible("13|0", [4, 2])
    assert str(L.compatible_placement("13|0", [3, 2, 2])) == "p1p2·p2·p2"


def test_example_5_8_fibers():
    f = L.fiber([2, 2], "(x+2y)(3x-y)")
    assert len(f["classes"]) == 2 and f["component_count"] == 4
    assert L.fiber_class_count([2, 2], "(x+2y)(3x-y)") == 2
    g = L.fiber([2, 2], "(x+2y)^2")
    assert len(g["classes"]) == 1 and g["component_count"] == 2
    for c in f["classes"]:
        assert c["rational"] and L.mu([2, 2], c["exact"]) == L.BinaryForm("(x+2y)(3x-y)")
    with pytest.raises(L.DomainError):
        L.fiber([2, 2], L.BinaryForm.zero(2))


def test_section_7_3_scale_recovery():
    s = L.recover_scales([4, 2], [[1, 6, 11, 6], [4, 1]], [2, 0, 5, 0, 0])
    assert s.delta == [-177]
    (c,) = s.classes
    assert c.beta_polynomial == [-29, -177, 1]  # beta^2 - 177 beta - 29 (eq. 5.5)
    kappa2 = c.points[0].kappa[1]
    assert kappa2.defining_polynomial == [-29, 0, 177, 0, 1]  # t^4 + 177 t^2 - 29
    v = float(kappa2)
    assert v == pytest.approx((((31445**0.5) - 177) / 2) ** 0.5, rel=1e-12)
    # invariants are preserved by the recovered point (Prop. 5.13)
    assert L.layer_invariants([[1, 6, 11, 6], [4, 1]]) == [-177]
