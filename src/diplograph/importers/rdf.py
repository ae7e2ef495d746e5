"""Import RDF into a YAML data folder: parse, check every reference, write the records.

Examples
--------
>>> import tempfile
>>> from diplograph import load, bundled_data
>>> from diplograph.rdf.io import to_rdf
>>> text = to_rdf(load(bundled_data()), format="nquads")
>>> with tempfile.TemporaryDirectory() as tmp:
...     kg, written = import_rdf(text.encode(), Path(tmp) / "data", format="nquads")
...     load(Path(tmp) / "data") == kg
True
"""

from __future__ import annotations

import errno
from pathlib import Path

from ..errors import RDFError
from ..kg import KnowledgeGraph

__all__ = ["import_rdf", "read_rdf_records"]


_BOM = b"\xef\xbb\xbf"
_PACKED = (".gz", ".bz2", ".zip")


def _read(path: Path) -> tuple[bytes, Path]:
    """The bytes of an RDF file, unpacked when gzip, bzip2 or a one-file zip (``korea.ttl.gz``),
    and the name its format is told by (``korea.ttl``)."""
    from ._rows import ImportFileError, open_binary

    try:
        with open_binary(path) as fh:
            data = fh.read()
    except ImportFileError as exc:
        raise RDFError(str(exc)) from None
    plain = path.with_suffix("") if path.suffix.casefold() in _PACKED else path
    return data, plain


def read_rdf_records(
    source: Path | str | bytes, *, format: str | None = None, where: str | None = None
) -> KnowledgeGraph:
    """The records in an RDF file (or its bytes), every record they name among them.

    Parameters
    ----------
    source
        A file path, or the RDF itself as bytes.
    format
        ``turtle``, ``ntriples``, ``nquads``, ``trig`` or ``jsonld``. Default:
        from the file's extension; bytes need it.
    where
        The name of the input in error messages. Default: the path, or
        ``<bytes>``.

    Raises
    ------
    RDFError
        When the RDF does not parse, its resources do not make valid records,
        or a record names one that is not in the input.
    """
    from .._files import file_problem
    from ..rdf.io import guess_format, parse_rdf

    if isinstance(source, bytes):
        if format is None:
            raise RDFError("RDF given as bytes needs a format (got none)")
        name = where or "<bytes>"
        kg = parse_rdf(source.removeprefix(_BOM), format=format, where=name)
    else:
        path = Path(source)
        name = where or str(path)
        why = file_problem(path)
        if why is not None:  # checked before opening: a FIFO would block
            raise RDFError(f"{name}: cannot be read: {why}")
        data, plain = _read(path)
        kg = parse_rdf(data.removeprefix(_BOM), format=format or guess_format(plain), where=name)
    dangling = kg.dangling()
    if dangling:
        more = f" (and {len(dangling) - 1} more)" if len(dangling) > 1 else ""
        raise RDFError(f"{name}: a record names one that is not in the file: {dangling[0]}{more}")
    return kg


def import_rdf(
    source: Path | str | bytes,
    output: Path | str,
    *,
    format: str | None = None,
    force: bool = False,
    where: str | None = None,
) -> tuple[KnowledgeGraph, list[Path]]:
    """Read the records of an RDF file (see :func:`read_rdf_records`) and write them as YAML.

    ``output`` is the data folder to write, created when missing. A folder
    that already holds YAML files is refused unless ``force`` is true (its
    other files would load beside the new ones): that raises
    :class:`FileExistsError` naming the folder. Returns the records and the
    files written.
    """
    from ..load import dump

    kg = read_rdf_records(source, format=format, where=where)
    folder = Path(output)
    if folder.is_dir() and any(folder.glob("*.yaml")) and not force:
        message = "the folder already holds YAML files, which would load beside the new ones"
        raise FileExistsError(errno.EEXIST, f"{message} (got force=False)", str(folder))
    return kg, dump(kg, folder)
