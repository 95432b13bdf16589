#!/usr/bin/env bash
# cli_notebooks.sh — executes every notebook in notebooks/ with nbclient (Debian's Python 3
# kernel) against the disrupt under test; fails when a cell raises. Outputs are not saved.
# Usage: cli_notebooks.sh DISRUPT_BIN SOURCE_DIR
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
src=$(cd "$2" && pwd)
tmp=$(mktemp -d /tmp/disrupt-notebooks-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
export DISRUPT_BIN=$bin DISRUPT_SOURCE_DIR=$src FIGURES_DIR=$tmp
export PYDEVD_DISABLE_FILE_VALIDATION=1   # the kernel's debugger notes are not our output
fails=0 passes=0
for nb in "$src"/notebooks/*.ipynb; do
    if /usr/bin/python3 - "$nb" "$src/notebooks" 2> "$tmp/stderr" <<'PY'
import sys
import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

path, cwd = sys.argv[1], sys.argv[2]
nb = nbformat.read(path, as_version=4)
client = NotebookClient(nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": cwd}})
try:
    client.execute()
except CellExecutionError as e:
    print(f"{path}: a cell failed:\n{e}", file=sys.stderr)
    sys.exit(1)
cells = [c for c in nb.cells if c.cell_type == "code"]
if not cells or any(c.get("execution_count") is None for c in cells):
    print(f"{path}: not every code cell ran", file=sys.stderr)
    sys.exit(1)
PY
    then passes=$((passes + 1))
    else
        fails=$((fails + 1))
        echo "FAIL: $(basename "$nb")"
        grep -v -e 'Debugger warning' -e 'frozen modules' -e 'Xfrozen_modules' "$tmp/stderr"
    fi
done
echo "cli_notebooks: $passes passed, $fails failed"
test "$passes" -ge 3 -a "$fails" -eq 0
