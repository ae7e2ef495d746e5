"""Atomic writes: a file (or a folder) is written beside its target, then renamed over it.

A failure part-way (a full disk, an exception in the writer, an interrupt)
leaves the previous file as it was and no temporary file behind. Missing parent
folders are created. The file gets the usual permissions (0666 less the umask),
not the private ones of a temporary file. A process killed outright (SIGKILL)
cannot clean up: its temporary file stays, named ``.NAME.PID.*.tmp``, and the
next write beside it removes it once that process is gone. Error messages name
the target, never the temporary file.

:func:`atomic_folder` does the same for a whole folder: it is written as a
sibling, then swapped with the old one, so a reader sees the old folder or the
new one, never a mix. :func:`refuse_overwrite` keeps an output from landing on
an input.

>>> import tempfile, pathlib
>>> target = pathlib.Path(tempfile.mkdtemp()) / "new" / "a.txt"
>>> with atomic_write(target, text=True) as fh:
...     _ = fh.write("hello")
>>> target.read_text()
'hello'
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager
from pathlib import Path
from typing import IO, Any, Literal, overload

from .errors import DiplographError

__all__ = ["atomic_folder", "atomic_path", "atomic_write", "refuse_overwrite"]


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextlib.contextmanager
def atomic_path(path: Path | str) -> Iterator[Path]:
    """A temporary path beside ``path``, renamed to ``path`` when the block ends without error.

    For writers that want a file name rather than an open file.
    """
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    folder.mkdir(parents=True, exist_ok=True)
    _remove_leftovers(folder, target.name)
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.{os.getpid()}.", suffix=".tmp")
    os.close(fd)
    try:
        yield Path(tmp)
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, target)
    except BaseException as e:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        _name_target(e, tmp, target)
        raise


def _name_target(e: BaseException, tmp: Path | str, target: Path) -> None:
    """Make an OSError about the temporary file (or a file in it) name the target instead."""
    if not isinstance(e, OSError):
        return
    for attr in ("filename", "filename2"):
        name = getattr(e, attr, None)
        if isinstance(name, str) and name.startswith(str(tmp)):
            setattr(e, attr, str(target) + name[len(str(tmp)) :])


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _remove_leftovers(folder: Path, name: str) -> None:
    """Remove the temporary files and folders of writes to ``name`` whose process died."""
    pattern = re.compile(rf"\.{re.escape(name)}\.(\d+)\.(?:old\.)?[^/]*\.tmp")
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        m = pattern.fullmatch(entry.name)
        if m is None or _alive(int(m.group(1))):
            continue
        path = Path(entry.path)
        if ".old." in entry.name and not (folder / name).exists():
            # killed between the two renames of a swap: the old folder is the one to keep
            with contextlib.suppress(OSError):
                os.rename(path / "x", folder / name)
        if entry.is_dir(follow_symlinks=False):
            shutil.rmtree(path, ignore_errors=True)
        else:
            with contextlib.suppress(OSError):
                path.unlink()


_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one step (Linux renameat2); False where the system cannot."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p]
    renameat2.argtypes += [ctypes.c_uint]
    result = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    if result == 0:
        return True
    err = ctypes.get_errno()
    if err in {errno.ENOSYS, errno.EINVAL, errno.ENOTSUP}:
        return False
    raise OSError(err, os.strerror(err), str(b))


@contextlib.contextmanager
def atomic_folder(path: Path | str, *, keep: Callable[[str], bool] | None = None) -> Iterator[Path]:
    """A new folder beside ``path`` that replaces it, as a whole, when the block ends without error.

    Entries of the old folder for which ``keep(name)`` is true are carried
    over (as hard links where possible) unless the block wrote the same name.
    A failure leaves the old folder untouched; a kill leaves it untouched too,
    or already replaced, and the next write removes what the kill left.

    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "out"
    >>> with atomic_folder(target) as tmp:
    ...     _ = (tmp / "a.txt").write_text("new")
    >>> sorted(p.name for p in target.iterdir())
    ['a.txt']
    """
    target = Path(os.path.abspath(path))
    if target.is_symlink():
        target = target.resolve()
    parent = target.parent
    parent.mkdir(parents=True, exist_ok=True)
    _remove_leftovers(parent, target.name)
    prefix = f".{target.name}.{os.getpid()}."
    tmp = Path(tempfile.mkdtemp(dir=parent, prefix=prefix, suffix=".tmp"))
    try:
        yield tmp
        old_exists = target.is_dir()
        if old_exists and keep is not None:
            _carry_over(target, tmp, keep)
        os.chmod(tmp, target.stat().st_mode & 0o7777 if old_exists else 0o777 & ~_umask())
        if not old_exists:
            os.rename(tmp, target)
        elif _exchange(tmp, target):
            shutil.rmtree(tmp, ignore_errors=True)
        else:
            old = Path(tempfile.mkdtemp(dir=parent, prefix=prefix + "old.", suffix=".tmp"))
            os.rename(target, old / "x")
            os.rename(tmp, target)
            shutil.rmtree(old, ignore_errors=True)
    except BaseException as e:
        shutil.rmtree(tmp, ignore_errors=True)
        _name_target(e, tmp, target)
        raise


def _carry_over(old: Path, new: Path, keep: Callable[[str], bool]) -> None:
    for entry in os.scandir(old):
        dest = new / entry.name
        if not keep(entry.name) or dest.exists() or dest.is_symlink():
            continue
        if entry.is_symlink():
            os.symlink(os.readlink(entry.path), dest)
        elif entry.is_dir():
            shutil.copytree(entry.path, dest, symlinks=True, copy_function=_link_or_copy)
        else:
            _link_or_copy(entry.path, dest)


def _link_or_copy(src: str, dst: str | Path) -> None:
    try:
        os.link(src, dst)
    except OSError:
        shutil.copy2(src, dst)


def refuse_overwrite(output: Path | str, inputs: Iterable[Path | str], *, force: bool) -> None:
    """Refuse to write ``output`` onto a file being read or into a folder being read.

    >>> import tempfile, pathlib
    >>> data = pathlib.Path(tempfile.mkdtemp())
    >>> refuse_overwrite(data / "events.yaml", [data], force=False)
    Traceback (most recent call last):
    ...
    diplograph.errors.DiplographError: .../events.yaml is inside the data folder ... that this \
command reads; writing there would change the data: choose another path, or pass --force
    >>> refuse_overwrite(data / "events.yaml", [data], force=True)
    """
    if force:
        return
    out = Path(output).resolve()
    for given in inputs:
        src = Path(given).resolve()
        if out == src:
            raise DiplographError(
                f"{output} is a file this command reads; writing it would destroy the input: "
                "choose another path, or pass --force"
            )
        if src.is_dir() and src in out.parents:
            raise DiplographError(
                f"{output} is inside the data folder {given} that this command reads; writing "
                "there would change the data: choose another path, or pass --force"
            )


@overload
def atomic_write(path: Path | str, *, text: Literal[True]) -> AbstractContextManager[IO[str]]: ...
@overload
def atomic_write(
    path: Path | str, *, text: Literal[False] = ...
) -> AbstractContextManager[IO[bytes]]: ...


def atomic_write(path: Path | str, *, text: bool = False) -> Any:
    """Open a temporary file beside ``path`` for writing; it replaces ``path`` on success.

    ``text=True`` gives a UTF-8 text file with ``\\n`` line ends, else a binary one.
    """
    return _atomic_write(path, text)


@contextlib.contextmanager
def _atomic_write(path: Path | str, text: bool) -> Iterator[IO[Any]]:
    with atomic_path(path) as tmp:
        if text:
            with open(tmp, "w", encoding="utf-8", newline="\n") as fh:
                yield fh
        else:
            with open(tmp, "wb") as fh:
                yield fh
