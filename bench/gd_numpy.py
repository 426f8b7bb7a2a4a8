#!/usr/bin/env python3
"""Batched numpy implementation of the gradient-descent protocol of Sections
7.1 (Table 1) and 7.2 (Table 2): the baseline of bench/bench_gd.cpp.

The same protocol as `lcngeom gd table1|table2` (step 0.01, stop at
||grad L||^2 <= 1e-14, at most 15,000 updates, the true gradient of
||W X - Y||^2 resp. ||w - U||^2_Sigma), vectorised over datasets the way one
would write it in numpy: all runs of an architecture advance together, the
filters are (runs x k_l) arrays, convolutions are loops over the (tiny)
filter sizes, finished runs are dropped from the active set.  Rule (a)
(Section 7.1) is vectorised too: companion-matrix eigenvalues of every factor
filter (closed forms for degrees 1 and 2), pairwise tolerance tests and a
transitive closure by boolean matrix products.

Input: the datasets written by bench_gd (raw float64 files + a JSON index), so
both implementations run on identical data.  Output: one JSON object with the
wall and CPU time of descent + rule (a) and, per run, status, iterations and
the rule-(a) rrmp, which bench_gd compares with its own.

Usage: gd_numpy.py INDEX.json   (run by bench_gd; python3-numpy from Debian)
"""
import json
import sys
import time

import numpy as np

DBL_MAX = np.finfo(np.float64).max


def conv(a, b):
    """Row-wise polynomial product of (n, ka) and (n, kb) coefficient arrays."""
    n, ka = a.shape
    kb = b.shape[1]
    out = np.zeros((n, ka + kb - 1))
    for i in range(ka):
        out[:, i:i + kb] += a[:, i:i + 1] * b
    return out


def corr(G, P):
    """g[j] = sum_n G[j + n] P[n]: the gradient of one filter (Prop. A.2)."""
    n, k = G.shape
    m = P.shape[1]
    g = np.zeros((n, k - m + 1))
    for t in range(m):
        g += G[:, t:t + k - m + 1] * P[:, t:t + 1]
    return g


def descend(S, c, thetas, step, tol, maxit, gscale=2.0):
    """Gradient descent on (w - u)^T S (w - u) (S w - c form) for every run.
    S: (n, k, k), c: (n, k), thetas: list of (n, k_l).  Returns the final
    filters, status (0 converged, 1 not converged, 2 diverged), iterations."""
    n = S.shape[0]
    L = len(thetas)
    final = [t.copy() for t in thetas]
    status = np.ones(n, dtype=np.int8)
    iters = np.zeros(n, dtype=np.int64)
    act = np.arange(n)
    cur = [t.copy() for t in thetas]
    Sa, ca = S, c
    with np.errstate(all="ignore"):
        for it in range(maxit + 1):
            wbar = cur[0]
            for l in range(1, L):
                wbar = conv(wbar, cur[l])
            G = gscale * (np.einsum("nij,nj->ni", Sa, wbar) - ca)
            grads = []
            for i in range(L):
                P = None
                for j in range(L):
                    if j != i:
                        P = cur[j] if P is None else conv(P, cur[j])
                if P is None:
                    P = np.ones((len(act), 1))
                grads.append(corr(G, P))
            g2 = sum((g * g).sum(axis=1) for g in grads)
            conv_ = g2 <= tol
            div = ~(g2 <= DBL_MAX)
            stop = conv_ | div | (it >= maxit)
            if stop.any():
                idx = act[stop]
                status[idx] = np.where(conv_[stop], 0, np.where(div[stop], 2, 1))
                iters[idx] = it
                for l in range(L):
                    final[l][idx] = cur[l][stop]
                keep = ~stop
                act = act[keep]
                if len(act) == 0:
                    break
                cur = [t[keep] for t in cur]
                grads = [g[keep] for g in grads]
                Sa, ca = Sa[keep], ca[keep]
            cur = [t - step * g for t, g in zip(cur, grads)]
    return final, status, iters


def roots(w):
    """Roots (t : 1) of w_0 t^d + ... + w_d for every row; inf for w_0 = 0."""
    n, k = w.shape
    d = k - 1
    if d == 1:
        with np.errstate(all="ignore"):
            r = (-w[:, 1] / w[:, 0]).astype(complex)[:, None]
    elif d == 2:
        a, b, c = w[:, 0].astype(complex), w[:, 1].astype(complex), w[:, 2].astype(complex)
        s = np.sqrt(b * b - 4 * a * c)
        sign = np.where(b.real >= 0, 1.0, -1.0)
        q = -(b + sign * s) / 2
        with np.errstate(all="ignore"):
            r = np.stack([q / a, c / q], axis=1)
        r[np.abs(q) == 0] = 0
    else:
        comp = np.zeros((n, d, d))
        with np.errstate(all="ignore"):
            comp[:, 0, :] = -w[:, 1:] / w[:, :1]
        comp[:, np.arange(1, d), np.arange(0, d - 1)] = 1
        ok = np.isfinite(comp).all(axis=(1, 2))
        r = np.full((n, d), np.inf + 0j)
        r[ok] = np.linalg.eigvals(comp[ok])
    r[w[:, 0] == 0, :] = np.inf
    return r


def rule_a(thetas, tol=1e-4):
    """Rule (a) of Section 7.1 for every run: a key (sorted real multiplicities,
    sorted complex-pair multiplicities) as a string, e.g. '112|0'."""
    R = np.concatenate([roots(t) for t in thetas], axis=1)  # (n, m)
    n, m = R.shape
    inf = ~np.isfinite(R)
    mod = np.where(inf, 0.0, np.abs(np.where(inf, 0, R)))
    with np.errstate(all="ignore"):
        dist = np.abs(R[:, :, None] - R[:, None, :])
        same = dist <= tol * np.maximum(mod[:, :, None], mod[:, None, :])
    same |= inf[:, :, None] & inf[:, None, :]
    same |= np.eye(m, dtype=bool)[None]
    reach = same.copy()
    for _ in range(m):  # transitive closure
        reach = (reach.astype(np.uint8) @ same.astype(np.uint8)) > 0
    real = inf | (np.abs(np.where(inf, 0, R).imag) <= tol * mod)
    upper = ~inf & (np.where(inf, 0, R).imag > 0)
    first = np.argmax(reach, axis=2)  # representative: smallest index in the component
    is_rep = first == np.arange(m)[None]
    size = reach.sum(axis=2)
    comp_real = (reach & real[:, None, :]).any(axis=2)
    comp_upper = (reach & upper[:, None, :]).any(axis=2)
    rho = np.where(is_rep & comp_real, size, 0)
    gam = np.where(is_rep & ~comp_real & comp_upper, size, 0)
    rho.sort(axis=1)
    gam.sort(axis=1)
    out = []
    for a, b in zip(rho, gam):
        ra = "".join(str(x) for x in a if x) or "0"
        gb = "".join(str(x) for x in b if x) or "0"
        out.append(ra + "|" + gb)
    return out


def distinct_count(sols, tol=1e-4):
    """Table 2's rule: the number of components of |w_i - w_j| <= tol max(max|w|, 1)."""
    if len(sols) == 0:
        return 0
    W = np.asarray(sols)
    scale = np.maximum(np.abs(W).max(axis=0), 1.0)
    same = (np.abs(W[:, None, :] - W[None, :, :]) <= tol * scale).all(axis=2)
    reach = same
    for _ in range(len(W)):
        nxt = (reach.astype(np.uint8) @ same.astype(np.uint8)) > 0
        if (nxt == reach).all():
            break
        reach = nxt
    return int((np.argmax(reach, axis=1) == np.arange(len(W))).sum())


def main():
    index = json.load(open(sys.argv[1]))
    out = {"table": index["table"], "architectures": []}
    wall0, cpu0 = time.perf_counter(), time.process_time()
    for a in index["architectures"]:
        ks = a["filters"]
        k = sum(ks) - len(ks) + 1
        P = sum(ks)
        th0 = np.fromfile(a["theta0"], dtype=np.float64).reshape(-1, P)
        off = np.cumsum([0] + ks)
        thetas = [th0[:, off[i]:off[i + 1]] for i in range(len(ks))]
        if index["table"] == 1:
            N = a["samples"]
            X = np.fromfile(a["x"], dtype=np.float64).reshape(-1, k, N)
            Y = np.fromfile(a["y"], dtype=np.float64).reshape(-1, N)
            S = np.einsum("nit,njt->nij", X, X)
            c = np.einsum("nit,nt->ni", X, Y)
        else:
            U = np.fromfile(a["u"], dtype=np.float64).reshape(-1, k)  # one row per run
            sig = np.array(a["sigma_diag"])
            S = np.broadcast_to(np.diag(sig), (U.shape[0], k, k)).copy()
            c = U * sig
        final, status, iters = descend(S, c, thetas, index["step"], index["tolerance"], index["max_iterations"])
        rules = rule_a(final)
        entry = {"filters": ks, "status": status.tolist(), "iterations": iters.tolist(), "rule_a": rules}
        if index["table"] == 2:
            inits = a["inits"]
            wbar = final[0]
            for l in range(1, len(final)):
                wbar = conv(wbar, final[l])
            counts = []
            for t in range(0, len(status), inits):
                sel = status[t:t + inits] == 0
                counts.append(distinct_count(wbar[t:t + inits][sel]))
            entry["distinct"] = counts
        out["architectures"].append(entry)
    out["wall_seconds"] = time.perf_counter() - wall0
    out["cpu_seconds"] = time.process_time() - cpu0
    out["numpy"] = np.__version__
    json.dump(out, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
