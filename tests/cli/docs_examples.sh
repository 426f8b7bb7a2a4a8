#!/usr/bin/env bash
# The command examples of README.md and docs/*.md run as printed (exit 0, and
# the shown output where a block shows it): see docs_examples.py for the syntax.
set -u
exec python3 "$(dirname "$0")/docs_examples.py" "${1:?usage: docs_examples.sh path/to/lcngeom}" "$(dirname "$0")/../.."
