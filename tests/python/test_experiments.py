"""Gradient descent (Section 7.1, Appendix A) and a small Table 1 run: the
per-run numpy records agree with the summaries and with the mathematics
(mu(theta) is the polynomial product, rule (a) vs certified (b),
Corollary 5.5)."""
import numpy as np
import pytest

import lcngeom as L


def test_dataset_streams_are_reproducible():
    x1, y1, t1 = L.table1_dataset([2, 2, 2], seed=7, index=3)
    x2, y2, t2 = L.table1_dataset([2, 2, 2], seed=7, index=3)
    assert x1.shape == (4, 10) and y1.shape == (10,) and [w.shape for w in t1] == [(2,), (2,), (2,)]
    assert np.array_equal(x1, x2) and np.array_equal(y1, y2) and all(np.array_equal(a, b) for a, b in zip(t1, t2))
    x3, _, _ = L.table1_dataset([2, 2, 2], seed=7, index=4)
    assert not np.array_equal(x1, x3)


def test_descend_reaches_a_critical_point():
    sigma = np.eye(3).tolist()
    u = [1.0, 3.0, 1.0]  # x^2 + 3xy + y^2 has two real roots: inside M_(2,2)
    r = L.descend(sigma, u, [[0.5, 0.2], [0.3, -0.4]], history=True)
    assert r["status"] == "converged" and r["gradient_norm2"] <= 1e-14
    assert np.allclose(r["wbar"], np.convolve(r["theta"][0], r["theta"][1]))
    assert r["loss"] == pytest.approx(0, abs=1e-12)
    h = r["gradient_norm2_history"]
    assert len(h) == r["iterations"] + 1 and h[-1] <= 1e-14
    with pytest.raises(L.InvalidArgument):
        L.descend(sigma, u, [[0.5, 0.2]], step=-1)


def test_small_table1_records():
    filters = [2, 2, 2]
    res = L.run_table1([filters], datasets=24, seed=3, threads=2)
    (summary,) = res.architectures
    rec = res.records(filters)
    n = len(rec["dataset"])
    assert n == 24 == summary["datasets"] == res.record_count
    assert rec["converged"].sum() == summary["converged"]
    assert rec["wbar"].shape == (n, 4) and rec["theta"].shape == (n, 6)
    for theta, wbar in zip(rec["theta"], rec["wbar"]):
        w = np.convolve(np.convolve(theta[0:2], theta[2:4]), theta[4:6])
        assert np.allclose(w, wbar, rtol=1e-12, atol=1e-12)
    conv = rec["converged"]
    assert (rec["loss"][conv] >= -1e-12).all()
    certified = rec["certified"] & conv
    assert certified.sum() >= 0.9 * conv.sum()
    # Corollary 5.5: every certified limit has an rrmp compatible with the architecture
    assert rec["compatible"][certified].all()
    for r in rec["certified_rrmp"][certified]:
        assert L.rrmp_in_function_space(filters, r)
    # targets: 111|0 inside M, 1|1 outside (Example 4.6)
    assert set(rec["target_class"]) <= {"111|0", "1|1", "12|0", "3|0"}
    tally = summary["certification"]
    assert tally["agree"] + tally["disagree"] == tally["certified"] == certified.sum()
