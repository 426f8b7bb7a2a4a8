"""Critical points on multiple root loci (Section 7.3 value by value), ED
degrees (Examples 6.7, 6.9, [27, Thm 5.1]), the minimum on the function space,
Example 6.5's multiplier polynomial (6.8) and its discriminant (6.9), and the
parameter classification of Section 5.1."""
from fractions import Fraction as F

import pytest
import sympy

import lcngeom as L

U = L.BinaryForm([2, 0, 5, 0, 2])  # Section 7.3: (x^2 + 2y^2)(2x^2 + y^2)


def forms(*coefficient_lists):
    return sorted((L.BinaryForm(c) for c in coefficient_lists), key=lambda p: [float(a) for a in p.coefficients])


def sort_forms(ps):
    return sorted(ps, key=lambda p: [float(a) for a in p.coefficients])


@pytest.mark.parametrize(
    "lam, complex_count, real_count, rational",
    [
        ("2,1,1", 10, 4, [[F(1, 5), F(9, 5), F(16, 5), F(9, 5), F(1, 5)], [F(1, 5), F(-9, 5), F(16, 5), F(-9, 5), F(1, 5)],
                          [0, 0, 5, 0, 2], [2, 0, 5, 0, 0]]),
        ("3,1", 12, 4, []),
        ("2,2", 13, 5, [[-1, 0, 2, 0, -1], [0, 0, 5, 0, 0], [F(7, 3), 0, F(14, 3), 0, F(7, 3)]]),
        ("4", 10, 4, [[0, 0, 0, 0, 2], [2, 0, 0, 0, 0], [F(17, 35), F(68, 35), F(102, 35), F(68, 35), F(17, 35)],
                      [F(17, 35), F(-68, 35), F(102, 35), F(-68, 35), F(17, 35)]]),
    ],
)
def test_section_7_3_critical_points(lam, complex_count, real_count, rational):
    c = L.critical_points(lam, U)
    assert c.complex_count == complex_count and c.real_count == real_count
    assert sort_forms(c.rational_points) == forms(*rational)
    sigma = L.InnerProduct.euclidean(4)
    distances = [p.distance_squared for p in c.real_points]
    assert all(a <= b for a, b in zip(distances, distances[1:]))  # sorted exactly
    for p in c.real_points:
        assert L.Partition(lam) == p.rrmp.partition()
        if p.exact is not None:
            assert p.distance_squared == sigma.distance_squared(p.exact, U)
            assert L.is_critical_on_locus(p.exact, U, sigma)


def test_critical_points_are_critical_for_random_targets(rng):
    sigma = L.InnerProduct.euclidean(3)
    for _ in range(3):
        # Nonzero coefficients: some targets with a zero coefficient are special
        # (e.g. -2x^3 - y^3: 5 critical points; 12 of 3000 draws from [-9, 9]),
        # none of 3000 draws without one was.
        u = L.BinaryForm([F(rng.choice((-1, 1)) * rng.randint(1, 9), rng.randint(1, 4)) for _ in range(4)])
        c = L.critical_points("2,1", u)
        assert c.complex_count == 7  # ED degree of the cubic discriminant: 3(k-1) - 2
        for p in c.real_points:
            coeffs = [float(a) for a in p.coefficients]
            w = L.BinaryForm([F(a) for a in coeffs])  # the float point is near the exact one
            assert float(p.distance_squared) == pytest.approx(float(sigma.distance_squared(w, u)), rel=1e-9, abs=1e-9)


def test_ed_degrees_example_6_7_and_6_9():
    generic = {str(L.Partition(l)): L.ed_degree(l)["ed_degree"] for l in ["2,1,1", "2,2", "3,1", "4"]}
    assert generic == {"(2,1,1)": 10, "(2,2)": 13, "(3,1)": 12, "(4)": 10}
    special = {str(L.Partition(l)): L.ed_degree(l, "bombieri")["ed_degree"] for l in ["2,1,1", "2,2", "3,1", "4"]}
    assert special == {"(2,1,1)": 4, "(2,2)": 7, "(3,1)": 4, "(4)": 4}
    # [27, Theorem 5.1]: (alpha, 1, ..., 1) has ED degree (2 alpha - 1) n - 2 (alpha - 1)^2
    for n, alpha in [(5, 2), (5, 3), (6, 2)]:
        lam = [alpha] + [1] * (n - alpha)
        assert L.ed_degree(lam)["ed_degree"] == (2 * alpha - 1) * n - 2 * (alpha - 1) ** 2
        assert L.ed_degree(lam, "bombieri")["ed_degree"] == n
    assert L.porteous_number("2,2") == 13
    table = {str(l): d for l, d in L.ed_degree_table(4)}
    assert table == {"(1,1,1,1)": 1, "(2,1,1)": 10, "(2,2)": 13, "(3,1)": 12, "(4)": 10}
    assert L.ed_degree_out_of_reach("2,2") is None and "coordinates" in L.ed_degree_out_of_reach("2,2,2,2,1,1,1")


def test_minimum_on_function_space_section_7_3():
    m = L.minimum_on_function_space([4, 2], U)
    assert m.complete and m.value == 4 and m.target_position == "complement"
    assert sort_forms([c["exact"] for c in m.minimisers]) == forms([0, 0, 5, 0, 2], [2, 0, 5, 0, 0])
    assert m.compare(4) == 0 and m.compare(F(39, 10)) == 1
    # degree 4: every locus by resultants over Q, so completeness is proven
    assert m.completeness_proven and m.lifted == [] and m.lifting_primes == 0
    # the minimiser is a global minimum in parameter space too (Section 5.1)
    c = L.classify_parameter([4, 2], [[2, 0, 5, 0], [1, 0]], U)
    assert c["critical"] and c["pure"] and c["global_minimum"] == "yes" and c["position"] == "boundary"
    assert c["global_minimum_proven"]


EQ_6_8 = ("(u2^2 - u1*u3)*l^4 + (-u1^2 - 4*u1*u3 - u3^2)*l^3 + (-4*u1^2 - 2*u2^2 - 5*u1*u3 - 4*u3^2)*l^2"
          " + (-4*u1^2 - 4*u1*u3 - 4*u3^2)*l + (u2^2 - 4*u1*u3)")
EQ_6_9 = ("32*u1^6 + 435*u1^4*u2^2 + 384*u1^2*u2^4 + 256*u2^6 - 240*u1^5*u3 - 960*u1^3*u2^2*u3 - 960*u1*u2^4*u3"
          " + 696*u1^4*u3^2 + 1098*u1^2*u2^2*u3^2 + 384*u2^4*u3^2 - 980*u1^3*u3^3 - 960*u1*u2^2*u3^3"
          " + 696*u1^2*u3^4 + 435*u2^2*u3^4 - 240*u1*u3^5 + 32*u3^6")


def test_example_6_5_multiplier_polynomial(rng):
    names = ["u1", "u2", "u3", "l"]
    p = L.quadric_multiplier_polynomial([[1, 0, 0], [0, 1, 0], [0, 0, 1]])
    # (6.7) with XX^T = I is (6.8) up to the sign convention of the adjugate
    q = L.MPoly(names, EQ_6_8)
    assert p.variables == names
    points = [[F(rng.randint(-9, 9), rng.randint(1, 3)) for _ in range(4)] for _ in range(12)]
    signs = {p.evaluate(v) / q.evaluate(v) for v in points if q.evaluate(v) != 0}
    assert signs in ({1}, {-1})
    u1, u2, u3 = sympy.symbols("u1 u2 u3")
    sextic = sympy.sympify(EQ_6_9.replace("^", "**"))
    ratios = set()
    for _ in range(5):
        u = [F(rng.randint(-20, 20), rng.randint(1, 5)) for _ in range(3)]
        if u[1] == 0 or u[0] == u[2] or u[0] == -u[2] or u[1] ** 2 == u[0] * u[2]:
            continue
        quartic = p.substitute({"u1": u[0], "u2": u[1], "u3": u[2]}).univariate("l")
        disc = L.discriminant(L.BinaryForm(list(reversed(quartic))))
        squares = u[1] ** 2 * (u[0] - u[2]) ** 2 * (u[0] + u[2]) ** 2
        value = sextic.subs({u1: u[0], u2: u[1], u3: u[2]})
        ratios.add(disc / squares / F(int(value.p), int(value.q)))
    assert len(ratios) == 1  # the discriminant is a constant times u2^2 (u1-u3)^2 (u1+u3)^2 (6.9)


def test_example_5_10_spurious_critical_points():
    r = L.linear_factor_critical_points([2, 3], "(x+y)(x^2+y^2/10)")
    assert r["complex_count"] == 10 and r["global_count"] == 3 and r["global_real"] == 1
    assert r["spurious_count"] == 7 and r["spurious_real"] == 3
    for p in r["points"]:
        if p["real"] and p["global"]:
            assert p["loss"] == 0


def test_hessian_inertia_at_a_rational_minimum():
    # theta = (x - y, x + y) reaches the target exactly: a global minimum whose Hessian
    # is positive semidefinite with the one-dimensional scaling direction as kernel
    theta = [[1, -1], [1, 1]]
    c = L.classify_parameter([2, 2], theta, "x^2-y^2")
    assert c["critical"] and c["global_minimum"] == "yes" and c["local_minimum"] == "yes"
    assert L.inertia(L.square_loss_hessian([2, 2], theta, "x^2-y^2")) == (3, 0, 1)
    assert L.square_loss([2, 2], theta, "x^2") == 1  # ||(1,0,-1) - (1,0,0)||^2
def test_not_supported_is_not_implemented_error():
    with pytest.raises(NotImplementedError):
        L.critical_points("2,2,2,2,2", "x^10+y^10+x^3y^7")  # 5 root coordinates in one cell (issue 11)
    with pytest.raises(L.InvalidArgument):
        L.critical_points("2,1", U)  # degree mismatch
