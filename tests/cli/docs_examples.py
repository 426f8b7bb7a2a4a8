"""Runs the command examples of README.md and docs/*.md as printed.

usage: docs_examples.py LCNGEOM ROOT

In fenced ```sh blocks:
  $ COMMAND             a shell command; the lines after it, up to the next
                        command or the end of the block, are its expected
                        stdout (compared line by line; a line "..." matches any
                        number of lines)
  lcngeom ARGS          a command whose output is not shown (also
  build/bin/lcngeom ... with a trailing "# comment"): only its exit status
                        is checked
Every command must exit 0; `lcngeom` and `build/bin/lcngeom` run the binary
under test.  Commands run with bash in an empty scratch directory.  Other
lines (./run.sh, cmake, ...) are not run.
"""
import os
import pathlib
import re
import subprocess
import sys
import tempfile

PROGRAM = re.compile(r"^(build/bin/)?lcngeom(\s|$)")


def examples(path):
    """Yields (line number, command, expected lines or None)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    i = 0
    while i < len(lines):
        if lines[i].strip() != "```sh":
            i += 1
            continue
        i += 1
        block = []
        while i < len(lines) and lines[i].strip() != "```":
            block.append((i + 1, lines[i]))
            i += 1
        j = 0
        while j < len(block):
            number, line = block[j]
            j += 1
            if line.startswith("$ "):
                expected = []
                while j < len(block) and not block[j][1].startswith("$ ") and not PROGRAM.match(block[j][1]):
                    expected.append(block[j][1])
                    j += 1
                yield number, line[2:], expected
            elif PROGRAM.match(line):
                yield number, line, None


def matches(expected, got):
    if not expected:
        return not got
    if expected[0] == "...":
        return any(matches(expected[1:], got[k:]) for k in range(len(got) + 1))
    return bool(got) and expected[0].rstrip() == got[0].rstrip() and matches(expected[1:], got[1:])


def main():
    binary, root = os.path.abspath(sys.argv[1]), pathlib.Path(sys.argv[2])
    docs = [root / "README.md"] + sorted((root / "docs").glob("*.md"))
    prelude = f'lcngeom() {{ "{binary}" "$@"; }}\n'
    failures = count = 0
    with tempfile.TemporaryDirectory() as scratch:
        for doc in docs:
            for number, command, expected in examples(doc):
                count += 1
                script = prelude + re.sub(r"(^|[|;&(]\s*)build/bin/lcngeom\b", r"\1lcngeom", command)
                run = subprocess.run(["bash", "-c", script], cwd=scratch, capture_output=True, text=True, timeout=600)
                got = run.stdout.splitlines()
                where = f"{doc.relative_to(root)}:{number}: {command}"
                if run.returncode != 0:
                    print(f"FAIL {where}\n  exit {run.returncode}: {run.stderr.strip()[:500]}")
                    failures += 1
                elif expected is not None and not matches(expected, got):
                    print(f"FAIL {where}\n  want: " + "\n        ".join(expected) + "\n  got:  " + "\n        ".join(got))
                    failures += 1
    print(f"{count} documented commands run, {failures} failed")
    return 1 if failures or count == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
