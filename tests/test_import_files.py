"""Files as datasets ship them: compressed, with a byte-order mark, columns in another order.

The importers read gzip, bzip2 and one-file zip archives as they are (known by
their first bytes, not their names); a damaged or ambiguous archive, or a file
in another encoding, is one clear error, not a traceback.
"""

from __future__ import annotations

import bz2
import gzip
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from diplograph.cli import cli
from diplograph.importers import Totals, read_gdelt, read_icews, read_plover
from diplograph.importers._rows import ImportFileError

GDELT = "v2_20191024143000.export.CSV"
ICEWS = "icews_events_2018_sample.tab"


def _ids(reports: list) -> list[str]:
    return [r.id for r in reports]


@pytest.mark.parametrize("pack", ["zip", "gz", "bz2"])
def test_a_compressed_gdelt_file_gives_the_same_reports_as_the_plain_one(
    shared: Path, tmp_path: Path, pack: str
) -> None:
    plain = shared / "data" / "gdelt" / GDELT
    data = plain.read_bytes()
    packed = tmp_path / f"{GDELT}.{pack}"
    if pack == "zip":
        with zipfile.ZipFile(packed, "w", zipfile.ZIP_DEFLATED) as z:
            z.writestr(GDELT, data)
    else:
        packed.write_bytes(gzip.compress(data) if pack == "gz" else bz2.compress(data))
    want, got = Totals("plain"), Totals("packed")
    expected = list(read_gdelt(plain, totals=want))
    reports = list(read_gdelt(packed, totals=got))
    assert _ids(reports) == _ids(expected)
    assert (got.rows, got.imported) == (want.rows, want.imported) and want.imported > 100
    # rows are still cited by their line in the file the archive holds
    assert [r.row for r in reports] == [r.row for r in expected]


def test_icews_columns_are_found_by_name_whatever_their_order_and_a_bom(
    shared: Path, tmp_path: Path
) -> None:
    plain = shared / "data" / "diplomatic" / ICEWS
    lines = plain.read_text(encoding="utf-8").splitlines()
    order = list(reversed(range(len(lines[0].split("\t")))))
    turned = ["\t".join(line.split("\t")[i] for i in order) for line in lines]
    moved = tmp_path / "events.tab.gz"
    moved.write_bytes(gzip.compress(("\ufeff" + "\n".join(turned) + "\n").encode()))
    expected = list(read_icews(plain))
    reports = list(read_icews(moved))
    assert len(reports) == len(expected) > 100
    for a, b in zip(reports, expected, strict=True):
        assert (a.id, a.date, a.cameo, a.source_name, a.target_name, a.place, a.lat) == (
            b.id,
            b.date,
            b.cameo,
            b.source_name,
            b.target_name,
            b.place,
            b.lat,
        )


def test_an_icews_file_without_a_column_it_needs_is_one_error(tmp_path: Path) -> None:
    bad = tmp_path / "events.tab"
    bad.write_text("Event ID\tEvent Date\tSource Name\n1\t2018-06-01\tKim\n", encoding="utf-8")
    with pytest.raises(ImportFileError, match=r"events.tab:1: not an ICEWS event file: no CAMEO"):
        list(read_icews(bad))


def _cli(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.output


def test_the_cli_reads_a_zipped_icews_file_and_says_which_archive_is_wrong(
    shared: Path, tmp_path: Path
) -> None:
    plain = shared / "data" / "diplomatic" / ICEWS
    packed = tmp_path / "icews.zip"
    with zipfile.ZipFile(packed, "w") as z:
        z.write(plain, ICEWS)
    code, out = _cli("import", "icews", str(packed), "-o", str(tmp_path / "out"))
    assert code == 0, out
    assert (tmp_path / "out" / "reports.yaml").is_file()
    two = tmp_path / "two.zip"
    with zipfile.ZipFile(two, "w") as z:
        z.writestr("a.tab", "x")
        z.writestr("b.tab", "y")
    code, out = _cli("import", "icews", str(two), "-o", str(tmp_path / "no"))
    assert code == 1
    assert "a zip archive to import must hold one file (got 2: a.tab, b.tab)" in out
    assert "Traceback" not in out and not (tmp_path / "no").exists()


def test_a_truncated_archive_and_a_latin_1_file_are_each_one_error(tmp_path: Path) -> None:
    cut = tmp_path / "rows.csv.gz"
    rows = "".join(f"{n}\t{n * 7919 % 10007}\t{n * n}\n" for n in range(5000)).encode()
    whole = gzip.compress(rows)
    cut.write_bytes(whole[: len(whole) // 2])
    with pytest.raises(ImportFileError, match="a damaged archive"):
        list(read_gdelt(cut))
    latin = tmp_path / "records.json"
    latin.write_bytes('[{"id": "x", "text": "Caf\u00e9"}]'.encode("latin-1"))
    with pytest.raises(ImportFileError, match=r"records.json: not utf-8 text .*b'\\xe9'"):
        list(read_plover(latin))
    code, out = _cli("import", "plover", str(latin), "-o", str(tmp_path / "out"))
    assert code == 1 and "not utf-8 text" in out and "Traceback" not in out
