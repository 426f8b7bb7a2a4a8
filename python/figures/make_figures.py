#!/usr/bin/env python3
"""The paper's Figures 1-3 and Table 1, drawn with matplotlib from lcngeom.

    PYTHONPATH=build/python python3 python/figures/make_figures.py [--out build/figures]
        [--only fig1_left,...] [--datasets N | --full] [--quick] [--seed S]

(`./run.sh figures [args]` does this after building.)  Every curve, surface,
point and label is computed by lcngeom through its Python module: surfaces
are sampled at exact rational points whose forms the library builds and
checks (discriminants, rrmps, cubic invariants, depressed quartics); the
curves of Example 6.5 are zero sets of discriminants the library computes;
critical points are lcngeom.critical_points (exact), classified as minima or
saddles by a certified second-order test (certified.py); losses are
lcngeom.square_loss / InnerProduct.distance_squared (exact, then rounded for
colouring); Table 1 is lcngeom.run_table1.  docs/figures.md shows the output.
"""
import argparse
import os
import random
import sys
import time
from fractions import Fraction as F

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

import lcngeom as L  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from certified import classify_on_cone, count_types  # noqa: E402

FIGURES = ["fig1_left", "fig1_right", "fig2_left", "fig2_right", "fig3", "table1"]
MARK = {"minimum": ("o", "#1a9641", "local minimum"), "saddle": ("^", "#fdae61", "saddle"),
        "maximum": ("v", "#7b3294", "maximum")}


def log(msg):
    print(f"make_figures: {msg}", file=sys.stderr, flush=True)


SAVE = {"dpi": 110, "formats": ("png", "svg")}


def save(fig, out, name):
    for ext in SAVE["formats"]:
        fig.savefig(os.path.join(out, f"{name}.{ext}"), dpi=SAVE["dpi"], bbox_inches="tight")
    plt.close(fig)
    log("wrote " + ", ".join(f"{name}.{ext}" for ext in SAVE["formats"]))


def rational_grid(lo, hi, n, offset=F(0)):
    """n exact rationals in [lo, hi], shifted by `offset` steps (keeps grids off special lines)."""
    step = (F(hi) - F(lo)) / (n - 1)
    return [F(lo) + (i + offset) * step for i in range(n)]


def frac(x, den=2**16):
    return F(x).limit_denominator(den)


# ------------------------------------------------------------------ Figure 1 (left)


def random_cone_data(seed):
    """Random data X (3 x 10), Y (1 x 10) with exact entries, whose unconstrained
    optimum U lies outside M_(2,2) and has four real critical points on the cone
    (the situation of Figure 1): searched deterministically from `seed`."""
    rng = random.Random(seed)
    for _ in range(500):
        X = [[F(round(rng.gauss(0, 1) * 8), 8) for _ in range(10)] for _ in range(3)]
        Y = [[F(round(rng.gauss(0, 1) * 8), 8) for _ in range(10)]]
        sigma, target, constant = L.filter_square_loss(X, Y, 3)
        if str(L.rrmp(target)) != "0|1":
            continue
        crit = L.critical_points("2", target, sigma)
        if crit.real_count == 4:
            return sigma, target, constant, crit
    raise RuntimeError("no dataset with four real critical points found")


def figure1_left(out, args):
    sigma, target, constant, crit = random_cone_data(args.seed)
    S = sigma.matrix
    u = target.coefficients
    types = count_types(crit.real_points, u, S)
    log(f"figure 1 left: U = {target}, critical points {types}")
    n_phi, n_rho = (24, 12) if args.quick else (90, 40)
    extent = [abs(float(c)) for c in u] + [abs(float(c)) for p in crit.real_points for c in p.coefficients]
    radius = frac(1.4 * max(extent), 64)
    phis = np.linspace(0, np.pi, n_phi)
    rhos = rational_grid(-radius, radius, n_rho, offset=F(1, 3))
    A = [np.zeros((n_rho, n_phi)) for _ in range(3)]  # the coordinates (A, B, C)
    loss = np.zeros((n_rho, n_phi))
    for j, phi in enumerate(phis):
        p, q = frac(np.cos(phi)), frac(np.sin(phi))
        for i, rho in enumerate(rhos):
            w = L.BinaryForm([rho * p * p, 2 * rho * p * q, rho * q * q])  # on B^2 = 4AC exactly
            for axis, c in zip(A, w.coefficients):
                axis[i, j] = float(c)
            loss[i, j] = float(sigma.distance_squared(w, target) + constant)  # ||WX - Y||^2, exact
    fig = plt.figure(figsize=(7, 6))
    ax = fig.add_subplot(projection="3d")
    norm = matplotlib.colors.LogNorm(vmin=loss.min(), vmax=loss.max())
    ax.plot_surface(A[0], A[1], A[2], facecolors=plt.cm.viridis(norm(loss)), rstride=1, cstride=1,
                    linewidth=0, antialiased=False, alpha=0.35, shade=False)
    ax.scatter(*[float(c) for c in u], color="red", s=60, depthshade=False, label="U (unconstrained optimum)")
    seen = set()
    for pt in crit.real_points:
        kind = classify_on_cone(pt, u, S)
        marker, colour, label = MARK[kind]
        ax.scatter(*[float(c) for c in pt.coefficients], marker=marker, color=colour, s=70, edgecolor="k",
                   depthshade=False, label=None if kind in seen else label)
        seen.add(kind)
    mappable = plt.cm.ScalarMappable(norm=norm, cmap="viridis")
    fig.colorbar(mappable, ax=ax, shrink=0.6, label="square loss ||WX - Y||^2 (log scale)")
    ax.set_xlabel("A")
    ax.set_ylabel("B")
    ax.set_zlabel("C")
    ax.set_title("Figure 1 (left): boundary B² = 4AC of M_(2,2)\n"
                 f"{types['minimum']} local minima, {types['saddle']} saddles (exact, certified)", fontsize=10)
    ax.legend(loc="upper left", fontsize=8)
    ax.view_init(elev=18, azim=-50)
    save(fig, out, "figure1_left")


# ------------------------------------------------------------------ Figure 1 (right)


def erode_to_core(mask):
    """A point of `mask` farthest (in grid steps) from its complement."""
    core = mask.copy()
    while True:
        inner = core.copy()
        inner[1:, :] &= core[:-1, :]
        inner[:-1, :] &= core[1:, :]
        inner[:, 1:] &= core[:, :-1]
        inner[:, :-1] &= core[:, 1:]
        inner[0, :] = inner[-1, :] = False
        inner[:, 0] = inner[:, -1] = False
        if not inner.any():
            return np.argwhere(core)[len(np.argwhere(core)) // 2]
        core = inner


def components(labels, mask):
    """4-connected components of equal labels inside mask."""
    comp = -np.ones(labels.shape[:2], dtype=int)
    count = 0
    for start in zip(*np.nonzero(mask)):
        if comp[start] >= 0:
            continue
        stack = [start]
        comp[start] = count
        while stack:
            i, j = stack.pop()
            for di, dj in ((1, 0), (-1, 0), (0, 1), (0, -1)):
                a, b = i + di, j + dj
                if 0 <= a < mask.shape[0] and 0 <= b < mask.shape[1] and mask[a, b] and comp[a, b] < 0 \
                        and labels[a, b] == labels[i, j]:
                    comp[a, b] = count
                    stack.append((a, b))
        count += 1
    return comp, count


def figure1_right(out, args):
    n = 81 if args.quick else 241
    P = L.quadric_multiplier_polynomial([[1, 0, 0], [0, 1, 0], [0, 0, 1]])  # (6.8)
    u1s = rational_grid(F(-3, 10), F(13, 10), n, offset=F(1, 7))
    u2s = rational_grid(F(-11, 10), F(11, 10), n, offset=F(1, 5))
    sextic = np.zeros((n, n))   # (6.9): Disc_l(6.8) / (u2^2 (u1 - u3)^2 (u1 + u3)^2)
    leading = np.zeros((n, n))  # u2^2 - u1 u3: the coefficient of l^4 in (6.8)
    quadric = np.zeros((n, n))  # u2^2 - 4 u1 u3: the boundary of M_(2,2)
    for i, a in enumerate(u2s):
        for j, b in enumerate(u1s):
            c = 1 - b  # the slice u3 = -u1 + 1
            quartic = P.substitute({"u1": b, "u2": a, "u3": c}).univariate("l")
            quartic += [F(0)] * (5 - len(quartic))
            disc = L.discriminant(L.BinaryForm(list(reversed(quartic))))
            sextic[i, j] = float(disc / (a * a * (b - c) ** 2 * (b + c) ** 2))
            leading[i, j] = float(quartic[4])
            quadric[i, j] = float(L.discriminant(L.BinaryForm([b, a, c])))
    U1, U2 = np.meshgrid([float(v) for v in u1s], [float(v) for v in u2s])
    fig, ax = plt.subplots(figsize=(7, 7))
    ax.contour(U1, U2, quadric, levels=[0], colors="#2c7bb6", linewidths=2)
    ax.contour(U1, U2, leading, levels=[0], colors="#d7191c", linewidths=1.5)
    ax.contour(U1, U2, sextic, levels=[0], colors="#1a9641", linewidths=1.5)
    ax.axhline(0, color="grey", lw=0.8, ls="--")   # the factor u2^2
    ax.axvline(0.5, color="grey", lw=0.8, ls="--")  # the factor (u1 - u3)^2
    # Regions outside M (quadric < 0), cut by every curve; one exact sample per region.
    signs = np.stack([np.sign(sextic), np.sign(leading), np.sign(U2), np.sign(U1 - 0.5)], axis=-1)
    key = (signs[..., 0] * 27 + signs[..., 1] * 9 + signs[..., 2] * 3 + signs[..., 3]).astype(int)
    inside = quadric < 0
    comp, count = components(key, inside)
    labelled = 0
    summary = {}
    for c in range(count):
        mask = comp == c
        if mask.sum() < (4 if args.quick else 12):
            continue
        i, j = erode_to_core(mask)
        u = [u1s[j], u2s[i], 1 - u1s[j]]
        crit = L.critical_points("2", L.BinaryForm(u))
        t = count_types(crit.real_points, u, [[F(int(r == s)) for s in range(3)] for r in range(3)])
        text = f"{t['minimum']}m {t['saddle']}s"
        summary[text] = summary.get(text, 0) + 1
        ax.plot(float(u[0]), float(u[1]), "k.", ms=3)
        dx, dy = float(u[0]) - 0.5, float(u[1])  # labels pushed away from the centre (0.5, 0)
        ax.annotate(text, (float(u[0]), float(u[1])), xytext=(14 * np.sign(dx), 9 * np.sign(dy)),
                    textcoords="offset points", fontsize=7, ha="left" if dx > 0 else "right",
                    va="bottom" if dy > 0 else "top")
        labelled += 1
    log(f"figure 1 right: {labelled} regions inside the ellipse labelled: {summary}")
    ax.set_xlabel("u1   (slice u3 = 1 - u1)")
    ax.set_ylabel("u2")
    ax.set_title("Figure 1 (right): Example 6.5, XX^T = I.  Blue: u2² = 4u1u3 (∂M);\n"
                 "red: u2² = u1u3; green: (6.9); dashed: u2 = 0, u1 = u3.  Labels: local minima (m)\n"
                 "and saddles (s) on the cone, exact critical points at a rational sample point", fontsize=9)
    ax.set_aspect("equal")
    save(fig, out, "figure1_right")


# ------------------------------------------------------------------ Figure 2


def figure2_left(out, args):
    n = 25 if args.quick else 61
    rs = rational_grid(F(-3, 2), F(3, 2), n, offset=F(0))
    B, C, D = (np.zeros((n, n)) for _ in range(3))
    for i, r in enumerate(rs):
        for j, s in enumerate(rs):
            f = L.BinaryForm.linear(1, -r) ** 2 * L.BinaryForm.linear(1, -s)  # double root r, simple root s
            assert L.discriminant(f) == 0
            _, b, c, d = f.coefficients
            B[i, j], C[i, j], D[i, j] = float(b), float(c), float(d)
    curve = []
    for r in rational_grid(F(-3, 2), F(3, 2), 4 * n):
        f = L.BinaryForm.linear(1, -r) ** 3
        inv = L.cubic_invariants(f)
        assert inv["delta1"] == inv["delta2"] == inv["delta3"] == 0 and str(L.rrmp(f)) == "3|0"
        curve.append([float(v) for v in f.coefficients[1:]])
    curve = np.array(curve)
    fig = plt.figure(figsize=(7, 6))
    ax = fig.add_subplot(projection="3d")
    ax.plot_surface(B, C, D, color="#abd9e9", alpha=0.55, linewidth=0.2, edgecolor="#2c7bb6")
    ax.plot(curve[:, 0], curve[:, 1], curve[:, 2], color="red", lw=3, label="triple root: δ1 = δ2 = δ3 = 0 (3|0)")
    for b, c, d in [(0, -2, 0), (0, 2, 0)]:  # sample points on either side, classified by the library
        f = L.BinaryForm([1, b, c, d])
        ax.scatter(b, c, d, color="k", s=20)
        ax.text(b, c, d, f"  {L.rrmp(f)} (Δ {'>' if L.discriminant(f) > 0 else '<'} 0)", fontsize=8)
    ax.set_xlabel("b")
    ax.set_ylabel("c")
    ax.set_zlabel("d")
    ax.set_title("Figure 2 (left): Δ = 0 for x³ + bx²y + cxy² + dy³ (rrmp 12|0)\n"
                 "interior of M_(2,2,2): Δ > 0 (111|0), on the side of smaller c", fontsize=10)
    ax.legend(loc="upper left", fontsize=8)
    ax.view_init(elev=20, azim=-60)
    save(fig, out, "figure2_left")


def figure2_right(out, args):
    n = 25 if args.quick else 61
    box = 2.5
    # delta = 0: depressed quartics with a double root a: (x - a y)^2 (x^2 + 2a xy + b y^2)
    As = rational_grid(F(-6, 5), F(6, 5), n)
    Bs = rational_grid(F(-3), F(3), n, offset=F(1, 3))
    P1, Q1, R1 = (np.full((n, n), np.nan) for _ in range(3))
    for i, a in enumerate(As):
        for j, b in enumerate(Bs):
            f = L.BinaryForm.linear(1, -a) ** 2 * L.BinaryForm([1, 2 * a, b])
            d = L.depressed_quartic(f)
            assert d["delta"] == 0 and f.coefficients[1] == 0
            if max(abs(d["p"]), abs(d["q"]), abs(d["r"])) <= box:
                P1[i, j], Q1[i, j], R1[i, j] = float(d["p"]), float(d["q"]), float(d["r"])
    # delta' = 8pr - 9q^2 - 2p^3 = 0 is linear in r: solved from two library evaluations
    Ps = rational_grid(F(-5, 2), F(-1, 10), n)
    Qs = rational_grid(F(-5, 2), F(5, 2), n)
    P2, Q2, R2 = (np.full((n, n), np.nan) for _ in range(3))
    for i, p in enumerate(Ps):
        for j, q in enumerate(Qs):
            d0 = L.depressed_quartic(L.BinaryForm([1, 0, p, q, 0]))["delta_prime"]
            d1 = L.depressed_quartic(L.BinaryForm([1, 0, p, q, 1]))["delta_prime"]
            r = -d0 / (d1 - d0)
            if abs(r) <= box:
                P2[i, j], Q2[i, j], R2[i, j] = float(p), float(q), float(r)
    # The regions: complement of M_(3,2,2) (no real root: 0|2, 0|11) and interior of
    # M_(2,2,2,2) (four simple real roots: 1111|0), classified exactly at grid points.
    m = 7 if args.quick else 11
    none, four = [], []
    for p in rational_grid(F(-5, 2), F(5, 2), m, offset=F(1, 5)):
        for q in rational_grid(F(-5, 2), F(5, 2), m, offset=F(1, 5)):
            for r in rational_grid(F(-5, 2), F(5, 2), m, offset=F(1, 5)):
                if str(L.rrmp(L.BinaryForm([1, 0, p, q, r]))) in ("0|2", "0|11"):
                    none.append((p, q, r))
    # the region of four real roots is small: a finer grid where it lives (p < 0)
    for p in rational_grid(F(-5, 2), F(-1, 10), 2 * m):
        for q in rational_grid(F(-3, 2), F(3, 2), 2 * m, offset=F(1, 5)):
            for r in rational_grid(F(-1), F(2), 2 * m, offset=F(1, 5)):
                if str(L.rrmp(L.BinaryForm([1, 0, p, q, r]))) == "1111|0":
                    four.append((p, q, r))
    fig = plt.figure(figsize=(7, 6))
    ax = fig.add_subplot(projection="3d")
    ax.plot_surface(P1, Q1, R1, color="#2c7bb6", alpha=0.45, linewidth=0)
    ax.plot_surface(P2, Q2, R2, color="#fdae61", alpha=0.45, linewidth=0)
    if none:
        ax.scatter(*np.array(none, dtype=float).T, color="#d7191c", s=3, alpha=0.35, label="rrmp 0|11, 0|2: complement of M_(3,2,2)")
    if four:
        ax.scatter(*np.array(four, dtype=float).T, color="#1a9641", s=4, alpha=0.8,
                   label="rrmp 1111|0: interior of M_(2,2,2,2)")
    ax.plot([], [], color="#2c7bb6", lw=6, alpha=0.5, label="δ = 0")
    ax.plot([], [], color="#fdae61", lw=6, alpha=0.5, label="δ' = 0")
    ax.set_xlabel("p")
    ax.set_ylabel("q")
    ax.set_zlabel("r")
    ax.set_xlim(-box, box)
    ax.set_ylim(-box, box)
    ax.set_zlim(-box, box)
    ax.set_title("Figure 2 (right): depressed quartic x⁴ + px²y² + qxy³ + ry⁴ (Example 3.3)", fontsize=10)
    ax.legend(loc="upper left", fontsize=7)
    ax.view_init(elev=22, azim=-55)
    save(fig, out, "figure2_right")


# ------------------------------------------------------------------ Figure 3


def figure3(out, args):
    archs = L.paper_architectures()
    n = 21 if args.quick else 61
    st = rational_grid(-2, 2, n, offset=F(1, 4))
    fig, axes = plt.subplots(2, len(archs), figsize=(3.2 * len(archs), 6.4))
    rng = random.Random(args.seed)
    for col, filters in enumerate(archs):
        X, Y, theta0 = L.table1_dataset(filters, seed=args.seed, index=0)
        Xq = [[frac(v) for v in row] for row in X]
        Yq = [[frac(v) for v in Y]]
        k = sum(filters) - len(filters) + 1
        sigma, target, _ = L.filter_square_loss(Xq, Yq, k)
        base = [[frac(v) for v in w] for w in theta0]
        d1 = [[frac(rng.gauss(0, 1), 2**10) for _ in w] for w in theta0]
        d2 = [[frac(rng.gauss(0, 1), 2**10) for _ in w] for w in theta0]
        loss = np.zeros((n, n))
        disc = np.zeros((n, n))
        for i, t in enumerate(st):
            for j, s in enumerate(st):
                theta = [[b + s * x + t * y for b, x, y in zip(bw, xw, yw)] for bw, xw, yw in zip(base, d1, d2)]
                loss[i, j] = float(L.square_loss(filters, theta, target, sigma))
                disc[i, j] = abs(float(L.discriminant(L.mu(filters, theta))))
        ext = [-2, 2, -2, 2]
        floor = np.finfo(float).tiny
        im0 = axes[0, col].imshow(np.log10(np.maximum(loss, floor)), origin="lower", extent=ext, cmap="viridis")
        axes[0, col].contour(np.linspace(-2, 2, n), np.linspace(-2, 2, n), np.log10(np.maximum(loss, floor)),
                             levels=12, colors="w", linewidths=0.4)
        im1 = axes[1, col].imshow(np.log10(np.maximum(disc, floor)), origin="lower", extent=ext, cmap="magma")
        axes[0, col].set_title(f"k = {tuple(filters)}", fontsize=10)
        fig.colorbar(im0, ax=axes[0, col], shrink=0.8)
        fig.colorbar(im1, ax=axes[1, col], shrink=0.8)
    axes[0, 0].set_ylabel("log10 loss  ||U - μ(θ)||²_XXᵀ")
    axes[1, 0].set_ylabel("log10 |Δ(π(μ(θ)))|")
    fig.suptitle("Figure 3: square loss over a random 2-D affine slice θ0 + s d1 + t d2 of parameter space "
                 "(top) and the discriminant of the end-to-end filter (bottom)", fontsize=10)
    save(fig, out, "figure3")


# ------------------------------------------------------------------ Table 1


def table1(out, args):
    datasets = 10000 if args.full else args.datasets
    t0 = time.time()
    res = L.run_table1(datasets=datasets, seed=args.seed, threads=args.threads)
    log(f"table 1: {datasets} datasets per architecture in {time.time() - t0:.1f} s")
    archs = res.architectures
    fig, axes = plt.subplots(len(archs), 1, figsize=(10, 3.0 * len(archs)))
    for ax, summary in zip(axes, archs):
        filters = summary["filters"]
        rec = res.records(filters)
        conv = rec["converged"]
        order = [str(r) for r in L.all_rrmps(sum(filters) - len(filters))]
        labels, rule, cert, counts = [], [], [], []
        targets = sorted(set(rec["target_class"][conv]), key=lambda s: order.index(s) if s in order else 99)
        for tc in targets:
            sel = conv & (rec["target_class"] == tc)
            total = sel.sum()
            sols = set(rec["rule_a"][sel]) | set(rec["certified_rrmp"][sel & rec["certified"]])
            for sol in sorted(sols, key=lambda s: order.index(s) if s in order else 99):
                labels.append(f"{tc} → {sol or 'n/a'}")
                n_rule = int((rec["rule_a"][sel] == sol).sum())
                n_cert = int(((rec["certified_rrmp"][sel] == sol) & rec["certified"][sel]).sum())
                rule.append(100.0 * n_rule / total)
                cert.append(100.0 * n_cert / total)
                counts.append((n_rule, n_cert))
        x = np.arange(len(labels))
        ax.bar(x - 0.2, rule, 0.4, label="paper's rule (tol = 1e-4)", color="#abd9e9", edgecolor="#2c7bb6")
        ax.bar(x + 0.2, cert, 0.4, label="certified (exact critical point)", color="#fdae61", edgecolor="#d7191c")
        for xi, (a, b), h in zip(x, counts, np.maximum(rule, cert)):
            # run counts over each pair; where the rule and the certificate disagree, in red
            ax.text(xi, h + 2, f"{a} / {b}", ha="center", va="bottom", fontsize=6,
                    color="#d7191c" if a != b else "#444444")
        ax.set_ylim(0, 118)
        ax.set_xticks(x)
        ax.set_xticklabels(labels, rotation=30, ha="right", fontsize=8)
        ax.set_ylabel("% of converged runs\nof the target class\n(runs: rule / certified)", fontsize=8)
        uncert = summary["certification"]["uncertified"]
        ax.set_title(f"k = {tuple(filters)}: {summary['converged']} of {summary['datasets']} runs converged, "
                     f"{summary['certification']['certified']} certified, {uncert} not", fontsize=9)
        ax.legend(fontsize=7, loc="upper left", bbox_to_anchor=(1.005, 1.0))
    fig.suptitle(f"Table 1: target rrmp → solution rrmp, gradient descent on {datasets} random datasets "
                 "per architecture (Section 7.1)", fontsize=10)
    fig.tight_layout()
    save(fig, out, "table1")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default="build/figures")
    ap.add_argument("--only", default=",".join(FIGURES), help="comma-separated subset of " + ",".join(FIGURES))
    ap.add_argument("--datasets", type=int, default=2000, help="Table 1 datasets per architecture (default 2000)")
    ap.add_argument("--full", action="store_true", help="Table 1 at the paper's scale: 10,000 datasets")
    ap.add_argument("--quick", action="store_true", help="coarse grids and 100 datasets (the test)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--threads", type=int, default=0)
    ap.add_argument("--dpi", type=int, default=110, help="PNG resolution (default 110)")
    ap.add_argument("--formats", default="png,svg", help="comma-separated output formats (default png,svg)")
    args = ap.parse_args(argv)
    SAVE["dpi"] = args.dpi
    SAVE["formats"] = tuple(f.strip() for f in args.formats.split(",") if f.strip())
    if args.quick and not args.full:
        args.datasets = min(args.datasets, 100)
    os.makedirs(args.out, exist_ok=True)
    wanted = [s.strip() for s in args.only.split(",") if s.strip()]
    for name in wanted:
        if name not in FIGURES:
            ap.error(f"unknown figure {name!r} (choose from {', '.join(FIGURES)})")
    for name in wanted:
        t0 = time.time()
        globals()[{"fig1_left": "figure1_left", "fig1_right": "figure1_right", "fig2_left": "figure2_left",
                   "fig2_right": "figure2_right", "fig3": "figure3", "table1": "table1"}[name]](args.out, args)
        log(f"{name}: {time.time() - t0:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
