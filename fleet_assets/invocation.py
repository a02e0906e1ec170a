"""How to type the `fleet` command again: the program as this process was started."""

from __future__ import annotations

import shlex
import shutil
import sys
from pathlib import Path

PROGRAM = "fleet"


def program(argv0: str | None = None, cwd: Path | None = None) -> str:
    """`.venv/bin/fleet` when started from under cwd, `fleet` when that is what PATH finds."""
    given = sys.argv[0] if argv0 is None else argv0
    if not given or Path(given).name != PROGRAM:
        return PROGRAM
    path = Path(given).absolute()
    on_path = shutil.which(PROGRAM)
    if on_path is not None and Path(on_path).absolute() == path:
        return PROGRAM
    try:
        return shlex.quote(str(path.relative_to((cwd or Path.cwd()).absolute())))
    except ValueError:
        return shlex.quote(str(path))


def command_line(*arguments: str) -> str:
    """A `fleet` command an operator can paste, e.g. `.venv/bin/fleet dev`."""
    return " ".join([program(), *arguments])
