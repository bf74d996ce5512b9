"""Output files of the command line, written beside their targets and renamed at the end.

Each target ``OUT`` is written to a hidden temporary file in its folder
(``.OUT.<random>.part.EXT``: the extension kept, for the writers that go by it;
hidden, so that a folder read again leaves it out). :meth:`Staged.commit`
renames every one over its target when the run ends well; :meth:`Staged.discard`
removes them, so that an interrupted or failed run leaves the old files as they
were. A target that exists and is no regular file (``/dev/null``, a pipe) is
written in place: renaming over it would replace it.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat

from ._export import OutputError

__all__ = ["Staged"]


class Staged:
    """The temporary files of one run, by target, until committed or discarded."""

    def __init__(self) -> None:
        self._files: dict[str, str] = {}  # target -> temporary file

    @property
    def targets(self) -> list[str]:
        """The targets staged so far, in the order they were staged."""
        return list(self._files)

    def path(self, target: str) -> str:
        """Return the file to write instead of ``target``, created now (empty).

        Raises:
            OutputError: naming ``target``, when its folder cannot be written.
        """
        if _special(target):
            return target
        temp = _temporary_name(target)
        try:
            os.close(os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
        except OSError as error:
            raise OutputError(f"cannot write {target}: {error.strerror or error}") from None
        self._files[target] = temp
        return temp

    def commit(self) -> list[str]:
        """Rename every temporary file over its target; return the targets.

        Raises:
            OutputError: naming the target, when a rename fails (the others are removed).
        """
        done = []
        try:
            for target, temp in list(self._files.items()):
                _replace(temp, target)
                del self._files[target]
                done.append(target)
        finally:
            self.discard()
        return done

    def discard(self) -> list[str]:
        """Remove every temporary file left; return their targets, which are left as they were."""
        left = list(self._files)
        for temp in self._files.values():
            with contextlib.suppress(OSError):  # already gone: nothing else to do
                os.unlink(temp)
        self._files.clear()
        return left


def _special(target: str) -> bool:
    """Return whether ``target`` exists and is no regular file (a device, a pipe)."""
    try:
        mode = os.stat(target).st_mode
    except OSError:
        return False
    return not stat.S_ISREG(mode)


def _temporary_name(target: str) -> str:
    """Return a new hidden name beside ``target`` (through links), keeping its extension."""
    folder, name = os.path.split(os.path.realpath(target))
    extension = os.path.splitext(name)[1]
    return os.path.join(folder, f".{name}.{secrets.token_hex(6)}.part{extension}")


def _replace(temp: str, target: str) -> None:
    """Rename ``temp`` over ``target`` (through links), giving it the old file's permissions.

    Raises:
        OutputError: naming ``target``, when it cannot be replaced.
    """
    real = os.path.realpath(target)
    try:
        if os.path.exists(real):
            os.chmod(temp, stat.S_IMODE(os.stat(real).st_mode))
        os.replace(temp, real)
    except OSError as error:
        raise OutputError(f"cannot write {target}: {error.strerror or error}") from None
