#!/usr/bin/env python3
"""Doxygen input filter for include/lcngeom/*.hpp (docs/Doxyfile FILTER_PATTERNS).

Every public header opens with a plain `//` comment, "// lcngeom/<name>.hpp --
<summary>", followed by the header's mathematical overview (conventions,
equations, examples).  This filter hands that block to Doxygen as the file's
documentation (`///` lines ending in \\file), without touching the sources.
Lines are only rewritten, never added or removed, so warnings keep the
headers' line numbers."""
import re
import sys

with open(sys.argv[1], encoding="utf-8") as f:
    lines = f.read().split("\n")
top = 0
while top < len(lines) and re.match(r"//(?!/)", lines[top]):
    top += 1

def is_code(text):
    """An example or a displayed formula: indented by two or more spaces."""
    return re.match(r"   \S", text) is not None or re.match(r"  \S", text) is not None


if top > 0:
    texts = [line[2:] for line in lines[:top]]
    texts[0] = re.sub(r"^ lcngeom/\w+\.hpp -- ", " ", texts[0])
    for i, text in enumerate(texts):
        code = is_code(text)
        if not code:
            # "#parts" would be an explicit link request in Doxygen.
            text = re.sub(r"(?<![\w`])#(?=\w)", r"\\#", text)
        # A run of indented lines is verbatim (\code on the line before it,
        # \endcode at the end of its last line: no line is added).
        if code and (i == 0 or not is_code(texts[i - 1])) and i > 0:
            texts[i - 1] += " \\code"
        if code and (i + 1 == len(texts) or not is_code(texts[i + 1])):
            text += " \\endcode"
        texts[i] = text
    for i, text in enumerate(texts):
        lines[i] = "///" + text
    lines[top - 1] += " \\file"
sys.stdout.write("\n".join(lines))
