"""Certified decisions the figures need beyond lcngeom's own answers.

The figures classify the exact critical points of the square loss on the
cone B^2 = 4AC (the boundary of M_(2,2), Example 6.5) as local minima or
saddles of the loss restricted to the cone.  The points come exactly from
lcngeom.critical_points (coordinates are AlgebraicReals); the second-order
test is evaluated in interval arithmetic over Fractions on their isolating
intervals, refined until every sign is decided, so each verdict is certified
(never a floating-point guess).
"""
from fractions import Fraction


class Interval:
    """A closed interval [lo, hi] with Fraction ends; operations enclose the exact result."""

    __slots__ = ("lo", "hi")

    def __init__(self, lo, hi=None):
        self.lo = Fraction(lo)
        self.hi = Fraction(lo if hi is None else hi)

    @staticmethod
    def _wrap(v):
        return v if isinstance(v, Interval) else Interval(v)

    def __add__(self, o):
        o = Interval._wrap(o)
        return Interval(self.lo + o.lo, self.hi + o.hi)

    __radd__ = __add__

    def __neg__(self):
        return Interval(-self.hi, -self.lo)

    def __sub__(self, o):
        return self + (-Interval._wrap(o))

    def __rsub__(self, o):
        return Interval._wrap(o) - self

    def __mul__(self, o):
        o = Interval._wrap(o)
        p = (self.lo * o.lo, self.lo * o.hi, self.hi * o.lo, self.hi * o.hi)
        return Interval(min(p), max(p))

    __rmul__ = __mul__

    def __truediv__(self, o):
        o = Interval._wrap(o)
        if o.lo <= 0 <= o.hi:
            raise ZeroDivisionError("interval divisor contains 0")
        return self * Interval(1 / o.hi, 1 / o.lo)

    def sign(self):
        """-1, 0 (undecided: the interval contains 0) or 1."""
        return 1 if self.lo > 0 else -1 if self.hi < 0 else 0

    def magnitude(self):
        return max(abs(self.lo), abs(self.hi))


# The cone g(A, B, C) = B^2 - 4AC: gradient (-4C, 2B, -4A), constant Hessian.
_HESS_G = [[0, 0, -4], [0, 2, 0], [-4, 0, 0]]


def _tangent_hessian(w, u, sigma):
    """2x2 matrix of the Lagrangian's Hessian on the cone's tangent plane at w.

    Loss l(w) = (w - u)^T S (w - u); at a critical point 2 S (w - u) = nu grad g(w)
    (eq. 6.5).  The Lagrangian's Hessian is 2 S - nu Hess g; restricted to
    grad g^perp, it decides minimum (positive definite) vs saddle (indefinite).
    """
    n = [-4 * w[2], 2 * w[1], -4 * w[0]]
    k = max(range(3), key=lambda i: float(n[i].magnitude()))
    grad_l = [2 * sum((sigma[i][j] * (w[j] - u[j]) for j in range(3)), Interval(0)) for i in range(3)]
    nu = grad_l[k] / n[k]
    H = [[2 * sigma[i][j] - nu * _HESS_G[i][j] for j in range(3)] for i in range(3)]
    others = [i for i in range(3) if i != k]
    V = []
    for i in others:  # v_i = e_i - (n_i / n_k) e_k is tangent: n . v_i = 0
        v = [Interval(0)] * 3
        v[i] = Interval(1)
        v[k] = -(n[i] / n[k])
        V.append(v)

    def quad(a, b):
        return sum((a[i] * sum((H[i][j] * b[j] for j in range(3)), Interval(0)) for i in range(3)), Interval(0))

    return [[quad(V[0], V[0]), quad(V[0], V[1])], [quad(V[1], V[0]), quad(V[1], V[1])]]


def classify_on_cone(point, u, sigma, max_bits=4096):
    """'minimum', 'saddle' or 'maximum' of l restricted to the cone at a real critical point.

    point: a lcngeom.RealCriticalPoint of critical_points('2', u, Sigma) (degree 2);
    u: the target's coefficients (Fractions); sigma: 3x3 Fractions.
    """
    bits = 64
    while bits <= max_bits:
        w = []
        for c in point.coefficients:
            c.refine(bits)
            w.append(Interval(c.lo, c.hi))
        try:
            G = _tangent_hessian(w, [Fraction(a) for a in u], sigma)
            det = G[0][0] * G[1][1] - G[0][1] * G[1][0]
            s_det, s_11 = det.sign(), G[0][0].sign()
            if s_det < 0:
                return "saddle"
            if s_det > 0 and s_11 != 0:
                return "minimum" if s_11 > 0 else "maximum"
        except ZeroDivisionError:
            pass
        bits *= 2
    raise ArithmeticError("degenerate critical point: second-order test undecided at %d bits" % max_bits)


def count_types(points, u, sigma):
    counts = {"minimum": 0, "saddle": 0, "maximum": 0}
    for p in points:
        counts[classify_on_cone(p, u, sigma)] += 1
    return counts
