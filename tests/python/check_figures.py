#!/usr/bin/env python3
"""ctest "figures": python/figures/make_figures.py --quick draws every figure,
and each PNG and SVG exists and is not blank.  Exits 77 (ctest SKIP) if
matplotlib is not installed."""
import os
import subprocess
import sys

try:
    import matplotlib.image
    import numpy as np
except ImportError:
    print("matplotlib/numpy not installed (Debian python3-matplotlib): skipped")
    sys.exit(77)

NAMES = ["figure1_left", "figure1_right", "figure2_left", "figure2_right", "figure3", "table1"]


def main():
    out = sys.argv[1]
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    for name in NAMES:
        for ext in ("png", "svg"):
            path = os.path.join(out, f"{name}.{ext}")
            if os.path.exists(path):
                os.remove(path)
    subprocess.run([sys.executable, os.path.join(root, "python", "figures", "make_figures.py"), "--quick",
                    "--out", out], check=True)
    failures = []
    for name in NAMES:
        png, svg = os.path.join(out, f"{name}.png"), os.path.join(out, f"{name}.svg")
        if not os.path.exists(png) or not os.path.exists(svg):
            failures.append(f"{name}: missing")
            continue
        img = matplotlib.image.imread(png)[..., :3]
        ink = (img.min(axis=-1) < 0.9).mean()  # share of pixels that are not (near) white
        distinct = len(np.unique((img.reshape(-1, 3) * 255).astype(np.uint8), axis=0))
        if img.shape[0] < 200 or img.shape[1] < 200 or ink < 0.02 or distinct < 16:
            failures.append(f"{name}.png looks blank: {img.shape}, ink {ink:.3f}, {distinct} colours")
        with open(svg, encoding="utf-8") as f:
            text = f.read()
        if text.count("<path") < 20 or len(text) < 10000:
            failures.append(f"{name}.svg looks blank: {len(text)} bytes, {text.count('<path')} paths")
        print(f"{name}: png {img.shape[1]}x{img.shape[0]}, ink {ink:.2f}, {distinct} colours; svg {len(text)} bytes")
    for f in failures:
        print("FAIL", f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
