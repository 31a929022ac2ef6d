"""Every page's output file (empty) and folder made ahead of MkDocs, in a helper process on the other core.

Each page is ``<folder>/index.html`` in a folder of its own, and MkDocs makes the folder and the
file as it writes the page, from the rendering process. On ext4 a ``mkdir`` or a file's creation
cost 0.1 to 0.2 ms here, so a site of 14,000 pages spent 5 s of its one rendering thread in them.
A thread would not help (it takes the interpreter lock back after every call); a process does: it
is started once every output path is claimed (``press/articles`` ``on_env``), makes the folders
and files in the order MkDocs writes the pages, and is waited for when every page is written.
MkDocs then only fills files that exist. Either may come first for a page: the helper never
truncates a file, and MkDocs opens with truncation.

Only paths the build has claimed (`press.core.urls.Outputs`) are made, so they are inside the
site folder. A page MkDocs did not write (it skips an empty page) would be left as an empty
file, so `finish` removes those, and their folders when empty. If the helper fails, the build
is the same, only slower.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from pathlib import Path
from typing import Iterable

from mkdocs.plugins import get_plugin_logger

log = get_plugin_logger(__name__)
# The helper's whole program: the page paths arrive NUL-separated on its input, in the order to make them.
PROGRAM = """\
import os, sys
made = set()
failed = 0
for path in sys.stdin.buffer.read().split(b"\\0"):
    try:
        folder = os.path.dirname(path)
        if folder not in made:
            os.makedirs(folder, exist_ok=True)
            made.add(folder)
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
    except FileExistsError:
        pass
    except OSError:
        failed = 1
sys.exit(failed)
"""


class PagesAhead:
    """One build's helper process; `start` once the paths are claimed, `finish` once every page is written."""

    def __init__(self) -> None:
        self.process: subprocess.Popen[bytes] | None = None
        self.targets: list[str] = []

    def start(self, targets: Iterable[Path]) -> None:
        """Make `targets` (absolute page paths inside the site folder) and their folders in the background."""
        self.stop()
        self.targets = [str(target) for target in targets]
        if not self.targets:
            return
        try:
            # -I -S: nothing from the environment or site-packages; the helper needs only os and sys.
            self.process = subprocess.Popen([sys.executable, "-I", "-S", "-c", PROGRAM], stdin=subprocess.PIPE,
                                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            assert self.process.stdin is not None
            self.process.stdin.write(b"\0".join(map(os.fsencode, self.targets)))
            self.process.stdin.close()
        except OSError as exc:  # MkDocs makes them itself
            log.debug(f"page files are made as pages are written: {exc}")
            self.stop()

    def finish(self) -> None:
        """Wait for the helper, then remove what it made for pages MkDocs did not write (it skips an empty page)."""
        if self.process is None:
            return
        if self.process.wait() != 0:
            log.debug(f"the page file helper exited with {self.process.returncode}; MkDocs made what it missed")
        self.process = None
        for target in self.targets:
            with contextlib.suppress(OSError):  # gone, never made, or a folder with other files
                if os.stat(target).st_size == 0:
                    os.unlink(target)
                    os.rmdir(os.path.dirname(target))
        self.targets = []

    def stop(self) -> None:
        """A failed build: the site folder is about to be removed, so the helper ends now."""
        if self.process is not None:
            self.process.kill()
            self.process.wait()
            self.process = None
        self.targets = []
