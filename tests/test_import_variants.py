"""``diplograph import`` on the variants of the real files analysts hold.

Each variant is made at test time from the real samples in ../shared/data (a
byte-order mark, CRLF line ends, a zip or gzip download, a header row, quoted
fields, other date forms, Latin-1 bytes, a cut end) or written here after the
formats' documented layouts. The import must give the row's own values, or
one ``file:line: what is wrong`` line with exit status 1 and nothing written,
or skip the row and count it: never a traceback, a silently wrong date or a
row lost without a word. Expected values come from the rows' cells at the
positions the formats document, never from the importer's output.
"""

from __future__ import annotations

import bz2
import csv
import gzip
import io
import json
import zipfile
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from diplograph.cli import cli
from diplograph.resources import bundled_data, shipped

# GDELT 2.0 event columns (0-based), from GDELT's published header file
G_ID, G_SQLDATE, G_ACTOR1NAME, G_EVENTCODE, G_PLACE, G_DATEADDED = 0, 1, 6, 26, 52, 59


def _import(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["--data", str(bundled_data()), "import", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def _reports(folder: Path) -> dict[str, dict[str, Any]]:
    reports = yaml.safe_load((folder / "reports.yaml").read_text(encoding="utf-8"))["reports"]
    return {r["id"]: r for r in reports}


def _refused(code: int, err: str, out_dir: Path, *words: str) -> str:
    """The one error line of a refused file; nothing may have been written."""
    assert code == 1, err
    assert not out_dir.exists()
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), err
    assert "Traceback" not in err
    for w in words:
        assert w in lines[0], lines[0]
    return lines[0]


def _zip(name: str, data: bytes) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(name, data)
    return buf.getvalue()


def _iso(yyyymmdd: str) -> str:
    return f"{yyyymmdd[:4]}-{yyyymmdd[4:6]}-{yyyymmdd[6:8]}"


# -- GDELT ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def gdelt_rows(shared: Path) -> list[list[str]]:
    """The first 12 rows of a real GDELT 2.0 15-minute export, as cells."""
    raw = (shared / "data" / "gdelt" / "v2_20191024143000.export.CSV").read_bytes()
    return [line.decode("utf-8").split("\t") for line in raw.split(b"\n")[:12]]


def _gdelt_bytes(rows: list[list[str]]) -> bytes:
    return "".join("\t".join(r) + "\n" for r in rows).encode("utf-8")


def _check_gdelt(reports: dict[str, dict[str, Any]], rows: list[list[str]]) -> None:
    assert len(reports) == len(rows)
    for cells in rows:
        r = reports[f"gdelt-{cells[G_ID]}"]
        # the event's day is SQLDATE, never the batch's DATEADDED (a year later here)
        assert r["date"] == _iso(cells[G_SQLDATE]) != _iso(cells[G_DATEADDED])
        assert r["cameo"] == cells[G_EVENTCODE]
        assert r.get("place") == (cells[G_PLACE] or None)
        assert r.get("source_name") == (cells[G_ACTOR1NAME] or None)


PACKED: dict[str, tuple[str, Callable[[bytes], bytes]]] = {
    "plain": ("b.export.CSV", lambda b: b),
    "bom": ("b.export.CSV", lambda b: b"\xef\xbb\xbf" + b),
    "crlf": ("b.export.CSV", lambda b: b.replace(b"\n", b"\r\n")),
    "zip": ("20191024143000.export.CSV.zip", lambda b: _zip("20191024143000.export.CSV", b)),
    "gzip": ("b.export.CSV.gz", gzip.compress),
    "bzip2": ("b.tsv.bz2", bz2.compress),
}


@pytest.mark.parametrize("variant", sorted(PACKED))
def test_gdelt_download_forms_import_the_rows_values(
    variant: str, gdelt_rows: list[list[str]], tmp_path: Path
) -> None:
    name, pack = PACKED[variant]
    path = tmp_path / name
    path.write_bytes(pack(_gdelt_bytes(gdelt_rows)))
    code, out, err = _import("gdelt", str(path), "-o", str(tmp_path / "out"))
    assert code == 0, err
    assert f"{path}: 12 rows read, 12 imported, 0 skipped" in out
    _check_gdelt(_reports(tmp_path / "out"), gdelt_rows)


def _v2_names(shared: Path) -> list[str]:
    text = shared / "data" / "gdelt" / "GDELT_2.0_Events_Column_Labels_Header_Row_Sep2016.csv"
    return [line.split(",")[0] for line in text.read_text(encoding="utf-8").splitlines()]


def test_gdelt_with_a_header_row_tab_or_bigquery_csv_in_any_order(
    shared: Path, gdelt_rows: list[list[str]], tmp_path: Path
) -> None:
    names = _v2_names(shared)
    assert len(names) == 61 and names[G_SQLDATE] == "SQLDATE"
    tabbed = tmp_path / "with-header.tsv"
    tabbed.write_bytes("\t".join(names).encode() + b"\n" + _gdelt_bytes(gdelt_rows))
    code, out, err = _import("gdelt", str(tabbed), "-o", str(tmp_path / "tab"))
    assert code == 0, err
    assert "12 rows read, 12 imported, 0 skipped" in out  # the header is no skipped row
    _check_gdelt(_reports(tmp_path / "tab"), gdelt_rows)
    # a BigQuery export: commas, quoted cells ('Vancouver, British Columbia, Canada'),
    # columns in another order, one more column
    order = list(reversed(range(61)))
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow([*(names[i] for i in order), "extra"])
    writer.writerows([*(r[i] for i in order), "x"] for r in gdelt_rows)
    assert any("," in r[G_PLACE] for r in gdelt_rows)
    bq = tmp_path / "bq-results.csv"
    bq.write_text(buf.getvalue(), encoding="utf-8")
    code, out, err = _import("gdelt", str(bq), "-o", str(tmp_path / "bq"))
    assert code == 0, err
    assert "12 rows read, 12 imported, 0 skipped" in out
    _check_gdelt(_reports(tmp_path / "bq"), gdelt_rows)


def test_gdelt_1_with_its_published_header_names_sqldate_day(shared: Path, tmp_path: Path) -> None:
    folder = shared / "data" / "gdelt"
    header = (folder / "v1_events_column_names.tsv").read_text(encoding="utf-8").strip()
    assert header.split("\t")[1] == "day"
    lines = (folder / "v1_sample_20160728_events.tsv").read_text(encoding="utf-8").splitlines()
    rows = [line.split("\t") for line in lines[:15]]
    path = tmp_path / "v1.tsv"
    path.write_text(header + "\n" + "\n".join(lines[:15]) + "\n", encoding="utf-8")
    code, out, err = _import("gdelt", str(path), "-o", str(tmp_path / "out"))
    assert code == 0, err
    assert "15 rows read, 15 imported, 0 skipped" in out
    reports = _reports(tmp_path / "out")
    for cells in rows:  # 1.0: EventCode is column 27 too, SQLDATE column 2
        assert reports[f"gdelt-{cells[0]}"]["date"] == _iso(cells[1])
        assert reports[f"gdelt-{cells[0]}"]["cameo"] == cells[G_EVENTCODE]


def test_gdelt_sqldate_written_as_iso_is_the_same_day(
    gdelt_rows: list[list[str]], tmp_path: Path
) -> None:
    rows = [[c[0], _iso(c[1]), *c[2:]] for c in gdelt_rows]
    path = tmp_path / "iso.tsv"
    path.write_bytes(_gdelt_bytes(rows))
    code, _, err = _import("gdelt", str(path), "-o", str(tmp_path / "out"))
    assert code == 0, err
    _check_gdelt(_reports(tmp_path / "out"), gdelt_rows)


@pytest.mark.parametrize("content", [b"", b"\n\n", "header"])
def test_gdelt_file_without_rows_is_refused(
    content: bytes | str, shared: Path, tmp_path: Path
) -> None:
    path = tmp_path / "empty.export.CSV"
    data = "\t".join(_v2_names(shared)).encode() + b"\n" if content == "header" else content
    assert isinstance(data, bytes)
    path.write_bytes(data)
    code, _, err = _import("gdelt", str(path), "-o", str(tmp_path / "out"))
    _refused(code, err, tmp_path / "out", f"{path}: no rows to import")


def test_gdelt_latin1_bytes_cost_their_row_never_a_wrong_name(
    gdelt_rows: list[list[str]], tmp_path: Path
) -> None:
    data = _gdelt_bytes(gdelt_rows)
    line1 = data.split(b"\n")[0]
    place = gdelt_rows[0][G_PLACE].encode()
    bad = line1.replace(place, place.replace(b"a", b"\xe1", 1), 1)
    path = tmp_path / "latin1.tsv"
    path.write_bytes(data.replace(line1, bad, 1))
    code, out, err = _import("gdelt", str(path), "-o", str(tmp_path / "out"))
    assert code == 0, err
    assert f"{path}:1: not UTF-8 text: byte 0xe1 in column '" in err and "Geo_FullName" in err
    assert "12 rows read, 11 imported, 1 skipped" in out
    assert "skipped 1: not UTF-8 text" in out
    text = (tmp_path / "out" / "reports.yaml").read_text(encoding="utf-8")
    assert "\ufffd" not in text and f"gdelt-{gdelt_rows[0][G_ID]}" not in text
    _check_gdelt(_reports(tmp_path / "out"), gdelt_rows[1:])


def test_gdelt_cut_last_line_and_lost_leading_zero_are_counted(
    gdelt_rows: list[list[str]], tmp_path: Path
) -> None:
    rows = [list(r) for r in gdelt_rows]
    code40 = next(i for i, r in enumerate(rows) if r[G_EVENTCODE].startswith("0"))
    rows[code40][G_EVENTCODE] = rows[code40][G_EVENTCODE].lstrip("0")  # read as a number
    data = _gdelt_bytes(rows)
    # a download cut short inside a row, or inside its last cell (the URL): both counted
    for name, end in (("mid-row", data.rindex(b"\t", 0, len(data) - 400)), ("url", len(data) - 9)):
        path = tmp_path / f"{name}.export.CSV"
        path.write_bytes(data[:end])
        code, out, err = _import("gdelt", str(path), "-o", str(tmp_path / name))
        assert code == 0, err
        assert f"{path}:12: the last line has no line end" in err
        assert f"{path}:{code40 + 1}: unknown CAMEO code" in err and "leading zero" in err
        assert "12 rows read, 10 imported, 2 skipped" in out
        assert "skipped 1: last line cut short" in out
        ok = [r for i, r in enumerate(gdelt_rows) if i not in (code40, 11)]
        _check_gdelt(_reports(tmp_path / name), ok)


def test_gdelt_other_tables_are_refused_at_their_first_line(shared: Path, tmp_path: Path) -> None:
    folder = shared / "data" / "gdelt"
    mentions = folder / "v2_sample_20150218_mentions.tsv"
    code, _, err = _import("gdelt", str(mentions), "-o", str(tmp_path / "a"))
    _refused(code, err, tmp_path / "a", f"{mentions}:1: a GDELT 2.0 mentions file", "--mentions")
    gkg = folder / "v2_sample_20150218_gkg.tsv"
    code, _, err = _import("gdelt", str(gkg), "-o", str(tmp_path / "b"))
    _refused(code, err, tmp_path / "b", f"{gkg}:1:", "Global Knowledge Graph")
    events = folder / "v2_sample_20150218_events.tsv"
    code, _, err = _import(
        "gdelt", str(events), "--mentions", str(events), "-o", str(tmp_path / "c")
    )
    _refused(code, err, tmp_path / "c", f"{events}:1: a GDELT events file, not a mentions file")


def test_gdelt_mentions_in_crlf_and_zipped_add_the_same_reports(
    shared: Path, tmp_path: Path
) -> None:
    folder = shared / "data" / "gdelt"
    events = folder / "v2_sample_20150218_events.tsv"
    # the sample's mentions are each event's own article: point them at other articles
    rows = [
        line.split("\t")
        for line in (folder / "v2_sample_20150218_mentions.tsv").read_text().splitlines()
    ]
    raw = "".join(
        "\t".join([*r[:5], f"https://example.org/other/{r[0]}", *r[6:]]) + "\n" for r in rows
    ).encode()
    labels = folder / "GDELT_2.0_eventMentions_Column_Labels_Header_Row_Sep2016.tsv"
    names = [line.split("\t")[1] for line in labels.read_text().splitlines()[1:17]]
    assert names[0] == "GLOBALEVENTID" and names[5] == "MentionIdentifier"
    order = list(reversed(range(16)))  # a BigQuery export: a header, commas, any order
    bq = [[names[i] for i in order]]
    bq += [
        [(r + [""] * 16)[i] for i in order]
        for r in (line.split("\t") for line in raw.decode().splitlines())
    ]
    forms = {
        "m.mentions.CSV": raw,
        "crlf.mentions.CSV": raw.replace(b"\n", b"\r\n"),
        "m.mentions.CSV.zip": _zip("m.mentions.CSV", raw),
        "bq-mentions.csv": _csv_bytes(bq),
    }
    found = []
    for name, data in forms.items():
        (tmp_path / name).write_bytes(data)
        out = tmp_path / f"out-{name}"
        code, _, err = _import(
            "gdelt", str(events), "--mentions", str(tmp_path / name), "-o", str(out)
        )
        assert code == 0, err
        found.append(set(_reports(out)))
    assert found[0] == found[1] == found[2] == found[3]
    known = [r[0] for r in rows if f"gdelt-{r[0]}" in found[0]]
    assert len(known) > 10
    for event_id in known:  # each mention of an imported event is a report of its own
        assert any(rid.startswith(f"gdelt-{event_id}-") for rid in found[0])


# -- ICEWS ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def icews_table(shared: Path) -> tuple[list[str], list[list[str]]]:
    """The header and first 15 rows of the real ICEWS Dataverse sample."""
    lines = (shared / "data" / "diplomatic" / "icews_events_2018_sample.tab").read_text(
        encoding="utf-8"
    )
    header, *rows = [line.split("\t") for line in lines.splitlines()[:16]]
    return header, rows


def _tab(header: list[str], rows: list[list[str]]) -> bytes:
    return "".join("\t".join(r) + "\n" for r in [header, *rows]).encode("utf-8")


def _check_icews(
    reports: dict[str, dict[str, Any]],
    header: list[str],
    rows: list[list[str]],
    dates: list[str] | None = None,
) -> None:
    assert len(reports) == len(rows)
    at = {name: i for i, name in enumerate(header)}
    for n, cells in enumerate(rows):
        r = reports[f"icews-{cells[at['Event ID']]}"]
        assert r["date"] == (dates[n] if dates else cells[at["Event Date"]])
        assert r["cameo"] == cells[at["CAMEO Code"]]
        assert r["source_name"] == cells[at["Source Name"]]
        assert r["target_name"] == cells[at["Target Name"]]
        assert r["text"] == cells[at["Event Text"]]


@pytest.mark.parametrize("variant", ["bom", "crlf", "zip", "gzip"])
def test_icews_download_forms(
    variant: str, icews_table: tuple[list[str], list[list[str]]], tmp_path: Path
) -> None:
    header, rows = icews_table
    data = _tab(header, rows)
    name, packed = {
        "bom": ("events.tab", b"\xef\xbb\xbf" + data),
        "crlf": ("events.tab", data.replace(b"\n", b"\r\n")),
        "zip": ("events.2018.20190501.tab.zip", _zip("events.2018.20190501.tab", data)),
        "gzip": ("events.tab.gz", gzip.compress(data)),
    }[variant]
    (tmp_path / name).write_bytes(packed)
    code, out, err = _import("icews", str(tmp_path / name), "-o", str(tmp_path / "out"))
    assert code == 0, err
    assert "15 rows read, 15 imported, 0 skipped" in out
    _check_icews(_reports(tmp_path / "out"), header, rows)


def _csv_bytes(rows: list[list[str]], **fmt: Any) -> bytes:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n", **fmt).writerows(rows)
    return buf.getvalue().encode("utf-8")


def test_icews_layouts_reordered_extra_missing_renamed_quoted(
    icews_table: tuple[list[str], list[list[str]]], tmp_path: Path
) -> None:
    header, rows = icews_table
    order = list(reversed(range(len(header))))
    keep = [i for i, h in enumerate(header) if h not in ("City", "Latitude", "Publisher")]
    # an Event Text with the delimiter, a quote and a line break, as a quoted CSV can hold
    odd = [list(r) for r in rows]
    odd[0][header.index("Event Text")] = 'Consult, then "agree"\non a second line'
    variants = {
        "reordered.tab": _tab([header[i] for i in order], [[r[i] for i in order] for r in rows]),
        "extra.tab": _tab([*header, "Added"], [[*r, "x"] for r in rows]),
        "missing.tab": _tab([header[i] for i in keep], [[r[i] for i in keep] for r in rows]),
        "snake.tab": _tab([h.lower().replace(" ", "_") for h in header], rows),
        "quoted.tab": _csv_bytes([header, *rows], delimiter="\t", quoting=csv.QUOTE_ALL),
        "dataverse.csv": _csv_bytes([header, *odd], quoting=csv.QUOTE_NONNUMERIC),
    }
    for name, data in variants.items():
        (tmp_path / name).write_bytes(data)
        out = tmp_path / f"out-{name}"
        code, text, err = _import("icews", str(tmp_path / name), "-o", str(out))
        assert code == 0, (name, err)
        assert "15 rows read, 15 imported, 0 skipped" in text, (name, text)
        _check_icews(_reports(out), header, odd if name == "dataverse.csv" else rows)


def test_icews_dates_in_other_forms_and_slashes_only_when_the_file_tells(
    icews_table: tuple[list[str], list[list[str]]], tmp_path: Path
) -> None:
    header, rows = icews_table
    at = header.index("Event Date")
    days = [f"2018-06-{d:02d}" for d in range(11, 26)]  # days 11 to 25: some over 12

    def dated(form: Callable[[str], str], values: list[str] = days) -> bytes:
        cells = [[*r[:at], form(v), *r[at + 1 :]] for r, v in zip(rows, values, strict=True)]
        return _tab(header, cells)

    forms = {
        "compact.tab": dated(lambda d: d.replace("-", "")),
        "time.tab": dated(lambda d: d + " 00:00:00"),
        "us.tab": dated(lambda d: f"{int(d[5:7])}/{int(d[8:])}/{d[:4]}"),  # 6/11/2018
        "eu.tab": dated(lambda d: f"{int(d[8:])}/{int(d[5:7])}/{d[:4]}"),  # 11/6/2018
    }
    for name, data in forms.items():
        (tmp_path / name).write_bytes(data)
        out = tmp_path / f"out-{name}"
        code, _, err = _import("icews", str(tmp_path / name), "-o", str(out))
        assert code == 0, (name, err)
        _check_icews(_reports(out), header, rows, dates=days)
    # no day over 12 anywhere: 6/1/2018 could be either; refused row by row, never guessed
    early = [f"2018-06-{d:02d}" for d in range(1, 13)] + ["2018-06-01"] * 3
    path = tmp_path / "ambiguous.tab"
    path.write_bytes(dated(lambda d: f"{int(d[5:7])}/{int(d[8:])}/{d[:4]}", early))
    code, out, err = _import("icews", str(path), "-o", str(tmp_path / "amb"))
    assert code == 1, err  # every row refused: nothing to import, nothing written
    assert f"{path}:2: bad date: day and month cannot be told apart" in err
    assert "15 row(s) read, all skipped: 15 bad date" in err
    assert not (tmp_path / "amb").exists()
    # both orders in one file: refused whole
    mixed = [*days[:-1], "2018-06-30"]
    path = tmp_path / "mixed.tab"
    path.write_bytes(
        _tab(
            header,
            [
                [*r[:at], f"{int(v[5:7])}/{int(v[8:])}/{v[:4]}" if n else "25/6/2018", *r[at + 1 :]]
                for n, (r, v) in enumerate(zip(rows, mixed, strict=True))
            ],
        )
    )
    code, _, err = _import("icews", str(path), "-o", str(tmp_path / "mixed"))
    _refused(code, err, tmp_path / "mixed", f"{path}: dates with slashes in both orders")


def test_icews_empty_header_only_latin1_and_cut_files(
    icews_table: tuple[list[str], list[list[str]]], tmp_path: Path
) -> None:
    header, rows = icews_table
    for name, data, what in (
        ("empty.tab", b"", "an empty file"),
        ("header.tab", _tab(header, []), "only a header"),
    ):
        (tmp_path / name).write_bytes(data)
        code, _, err = _import("icews", str(tmp_path / name), "-o", str(tmp_path / name[:-4]))
        _refused(code, err, tmp_path / name[:-4], f"{tmp_path / name}: no rows to import", what)
    data = _tab(header, rows)
    city = rows[2][header.index("City")].encode()
    lines = data.split(b"\n")
    lines[3] = lines[3].replace(city, city + "\u00ef".encode("latin-1"))  # 'Hanoï' in Latin-1
    path = tmp_path / "latin1.tab"
    path.write_bytes(b"\n".join(lines)[:-50])  # and the last row cut short
    code, out, err = _import("icews", str(path), "-o", str(tmp_path / "out"))
    assert code == 0, err
    assert f"{path}:4: not UTF-8 text: byte 0xef in column 'City'" in err
    assert f"{path}:16: the last line has no line end" in err
    assert "15 rows read, 13 imported, 2 skipped" in out
    _check_icews(_reports(tmp_path / "out"), header, [rows[i] for i in range(14) if i != 2])


def test_icews14_quadruples_with_header_crlf_and_us_dates(shared: Path, tmp_path: Path) -> None:
    lines = (shared / "data" / "diplomatic" / "icews14_test.tsv").read_text().splitlines()[:40]
    rows = [line.split("\t") for line in lines]
    assert len({r[3][8:] for r in rows if int(r[3][8:]) > 12}) > 0
    us = "".join(
        "\t".join([*r[:3], f"{int(r[3][5:7])}/{int(r[3][8:])}/{r[3][:4]}"]) + "\r\n" for r in rows
    )
    path = tmp_path / "icews14_test.txt"
    path.write_text("head\trelation\ttail\ttime\r\n" + us, encoding="utf-8", newline="")
    code, out, err = _import("icews", str(path), "-o", str(tmp_path / "out"))
    assert code == 0, err
    assert "40 rows read, 40 imported, 0 skipped" in out
    by_row = {r["row"]: r for r in _reports(tmp_path / "out").values()}
    for n, cells in enumerate(rows, start=2):
        assert by_row[n]["date"] == cells[3]
        assert (by_row[n]["source_name"], by_row[n]["text"], by_row[n]["target_name"]) == (
            cells[0],
            cells[1],
            cells[2],
        )


def test_icews18_id_files_mixed_up_or_empty_are_refused(shared: Path, tmp_path: Path) -> None:
    folder = shared / "data" / "diplomatic"
    entities, relations = folder / "icews18_entity2id.tsv", folder / "icews18_relation2id.tsv"
    maps = ("--entities", str(entities), "--relations", str(relations))
    readable = folder / "icews14_test.tsv"
    code, _, err = _import("icews", str(readable), *maps, "-o", str(tmp_path / "a"))
    _refused(code, err, tmp_path / "a", f"{readable}:1: --entities and --relations are for id")
    quads = tmp_path / "valid.txt"
    quads.write_text("".join((folder / "icews18_valid.tsv").read_text().splitlines(True)[:20]))
    code, _, err = _import("icews", str(quads), "-o", str(tmp_path / "b"))
    _refused(code, err, tmp_path / "b", f"{quads}:1: id quadruples: give the maps")
    empty = tmp_path / "entity2id.txt"
    empty.write_text("")
    code, _, err = _import(
        "icews",
        str(quads),
        "--entities",
        str(empty),
        "--relations",
        str(relations),
        "-o",
        str(tmp_path / "c"),
    )
    _refused(code, err, tmp_path / "c", f"{empty}: no name<TAB>id lines in the id map")
    # separated by spaces rather than tabs: the same reports
    spaced = tmp_path / "spaced.txt"
    spaced.write_text(quads.read_text().replace("\t", " "))
    for n, f in enumerate((quads, spaced)):
        code, out, err = _import("icews", str(f), *maps, "-o", str(tmp_path / f"ok{n}"))
        assert code == 0, err
        assert "20 rows read, 20 imported, 0 skipped" in out
    assert _reports(tmp_path / "ok0").keys() == _reports(tmp_path / "ok1").keys()
    first = (folder / "icews18_valid.tsv").read_text().split("\n")[0].split("\t")
    when = date(2018, 1, 1) + timedelta(hours=int(first[3]))  # hours since 2018-01-01
    rows = _reports(tmp_path / "ok0").values()
    assert {r["date"] for r in rows if r["row"] == 1} == {when.isoformat()}


# -- PLOVER ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def plover_records(shared: Path) -> list[dict[str, Any]]:
    """Twelve dated gold-standard records with their actors as lists of objects."""
    text = (shared / "data" / "plover" / "PLOVER_GSR_CAMEO.json.txt").read_text(encoding="utf-8")
    return [
        r
        for r in json.loads(text)
        if r.get("date") and all(isinstance(r.get(k), list) for k in ("source", "target"))
    ][:12]


def _check_plover(reports: dict[str, dict[str, Any]], records: list[dict[str, Any]]) -> None:
    assert len(reports) == len(records)
    for rec in records:
        r = reports[rec["id"].lower()]
        assert (r["date"], r["plover"], r["text"]) == (rec["date"], rec["event"], rec["text"])
        assert r["source_name"] == rec["source"][0]["actorText"]


def _jsonl(records: list[dict[str, Any]]) -> bytes:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode("utf-8")


def test_plover_array_and_lines_in_their_download_forms(
    plover_records: list[dict[str, Any]], tmp_path: Path
) -> None:
    array = json.dumps(plover_records, indent=4, ensure_ascii=False).encode("utf-8")
    lines = _jsonl(plover_records)
    forms = {
        "gsr.json": array,
        "bom.json": b"\xef\xbb\xbf" + array,
        "crlf.json": array.replace(b"\n", b"\r\n"),
        "gsr.jsonl": lines,
        "crlf.jsonl": lines.replace(b"\n", b"\r\n"),
        "gsr.jsonl.gz": gzip.compress(lines),
        "gsr.json.zip": _zip("gsr.json", array),
    }
    for name, data in forms.items():
        (tmp_path / name).write_bytes(data)
        out = tmp_path / f"out-{name}"
        code, text, err = _import("plover", str(tmp_path / name), "-o", str(out))
        assert code == 0, (name, err)
        assert "12 rows read, 12 imported, 0 skipped" in text, (name, text)
        _check_plover(_reports(out), plover_records)


def test_plover_a_broken_line_costs_that_record_alone(
    plover_records: list[dict[str, Any]], tmp_path: Path
) -> None:
    lines = _jsonl(plover_records).split(b"\n")
    lines[3] = lines[3][:-20] + b"oops"  # record 4 broken; 8 follow it
    path = tmp_path / "broken.jsonl"
    path.write_bytes(b"\n".join(lines))
    code, out, err = _import("plover", str(path), "-o", str(tmp_path / "out"))
    assert code == 0, err
    assert f"{path}:4: not JSON" in err
    assert "12 rows read, 11 imported, 1 skipped" in out
    _check_plover(_reports(tmp_path / "out"), plover_records[:3] + plover_records[4:])


def test_plover_unreadable_files_are_refused(
    plover_records: list[dict[str, Any]], tmp_path: Path
) -> None:
    array = json.dumps(plover_records, indent=2).encode("utf-8")
    cases = {
        "cut.json": (array[:-300], ":", "cannot be read past it"),
        "empty.json": (b"", ": no rows to import", "no records"),
        "brackets.json": (b"[]\n", ": no rows to import", "no records"),
        "table.csv": (b"id,date,event\nX1,2019-06-30,CONSULT\n", ":1: not JSON", "JSON Lines"),
        # JSON is UTF-8 (RFC 8259): a Latin-1 file is not JSON, refused whole
        "latin1.jsonl": (
            '{"id": "x", "text": "Bogot\u00e1"}\n'.encode("latin-1"),
            ": not utf-8",
            "",
        ),
    }
    for name, (data, where, what) in cases.items():
        (tmp_path / name).write_bytes(data)
        code, _, err = _import("plover", str(tmp_path / name), "-o", str(tmp_path / name[:-5]))
        _refused(code, err, tmp_path / name[:-5], f"{tmp_path / name}{where}", what)


def test_plover_dates_codes_and_categories_written_otherwise(
    plover_records: list[dict[str, Any]], tmp_path: Path
) -> None:
    rec = plover_records[0]
    forms = {
        "a": ("20000102", "2000-01-02"),
        "b": ("2000-01-02T10:00:00Z", "2000-01-02"),
        "c": (20000102, "2000-01-02"),
        "d": ("2000-01", "2000-01"),
        "e": ("01/02/2000", None),
        "f": (None, None),
    }
    records = [
        {**rec, "id": f"v-{k}", "date": d, "event": rec["event"].lower(), "source": "USAGOV"}
        for k, (d, _) in forms.items()
    ]
    path = tmp_path / "forms.jsonl"
    path.write_bytes(_jsonl(records))
    code, out, err = _import("plover", str(path), "-o", str(tmp_path / "out"))
    assert code == 0, err
    assert "6 rows read, 4 imported, 2 skipped" in out
    assert f"{path}:5: bad date" in err and f"{path}:6: record v-f has no date" in err
    reports = _reports(tmp_path / "out")
    for k, (_, expected) in forms.items():
        if expected is not None:
            assert reports[f"v-{k}"]["date"] == expected
            assert reports[f"v-{k}"]["plover"] == rec["event"]
            assert reports[f"v-{k}"]["source_name"] == "USAGOV"


# -- CSV with a mapping (the CSIS tables) ---------------------------------------------------

MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


@pytest.fixture(scope="module")
def csis(shared: Path) -> tuple[list[str], list[list[str]]]:
    """The header and first 20 rows of the real CSIS negotiations table."""
    path = shared / "data" / "diplomatic" / "csis_us_dprk_negotiations.csv"
    header, *rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))[:21]
    return header, rows


def _csis_import(path: Path, out: Path) -> tuple[int, str, str]:
    mapping = shipped("data") / "mappings" / "csis-negotiations.yml"
    return _import("csv", str(path), "-m", str(mapping), "-o", str(out))


def _check_csis(reports: dict[str, dict[str, Any]], rows: list[list[str]]) -> None:
    """Each row's description is reported at its month (a text may recur in other months)."""
    got: dict[str, set[str]] = {}
    for r in reports.values():
        got.setdefault(r["text"], set()).add(r["date"])
    expected: dict[str, set[str]] = {}
    for month, year, *_, text in rows:
        when = f"{year.removesuffix('.0')}-{MONTHS.index(month[:3]) + 1:02d}"
        expected.setdefault(text.strip(), set()).add(when)
    assert got == expected


def test_csis_table_variants_import_the_rows_values(
    csis: tuple[list[str], list[list[str]]], tmp_path: Path
) -> None:
    header, rows = csis
    order = list(reversed(range(len(header))))
    lined = [[*r[:-1], r[-1] + '\nA second line, "quoted", with commas.'] for r in rows]
    variants = {
        "crlf.csv": (_csv_bytes([header, *rows]).replace(b"\n", b"\r\n"), rows),
        "bom.csv": (b"\xef\xbb\xbf" + _csv_bytes([header, *rows]), rows),
        "zipped.csv.zip": (_zip("negotiations.csv", _csv_bytes([header, *rows])), rows),
        "reordered.csv": (
            _csv_bytes([[header[i] for i in order], *([r[i] for i in order] for r in rows)]),
            rows,
        ),
        "extra.csv": (_csv_bytes([[*header, "Notes"], *([*r, "x"] for r in rows)]), rows),
        "spaced-header.csv": (_csv_bytes([[f" {h} " for h in header], *rows]), rows),
        "semicolons.csv": (_csv_bytes([header, *rows], delimiter=";"), rows),
        "pandas-floats.csv": (
            _csv_bytes([header, *([r[0], r[1] + ".0", *r[2:]] for r in rows)]),
            rows,
        ),
        "multiline.csv": (_csv_bytes([header, *lined]), lined),
    }
    for name, (data, expected) in variants.items():
        (tmp_path / name).write_bytes(data)
        code, out, err = _csis_import(tmp_path / name, tmp_path / f"out-{name}")
        assert code == 0, (name, err)
        assert "20 rows read, 20 imported, 0 skipped" in out, (name, out)
        _check_csis(_reports(tmp_path / f"out-{name}"), expected)


def test_csis_table_missing_a_mapped_column_is_refused(
    csis: tuple[list[str], list[list[str]]], tmp_path: Path
) -> None:
    header, rows = csis
    drop = header.index("Parties Involved")
    path = tmp_path / "no-parties.csv"
    path.write_bytes(
        _csv_bytes([[c for i, c in enumerate(r) if i != drop] for r in [header, *rows]])
    )
    code, _, err = _csis_import(path, tmp_path / "out")
    _refused(code, err, tmp_path / "out", f"{path}:1: no column 'Parties Involved'", "(got 'Month'")


def test_csis_table_cut_empty_or_latin1(
    csis: tuple[list[str], list[list[str]]], tmp_path: Path
) -> None:
    header, rows = csis
    data = _csv_bytes([header, *rows], quoting=csv.QUOTE_ALL)
    cut = tmp_path / "cut.csv"
    cut.write_bytes(data[:-40])  # a download cut inside the last row's quoted description
    code, _, err = _csis_import(cut, tmp_path / "a")
    _refused(code, err, tmp_path / "a", f"{cut}:", "a quoted field is not closed", "truncated")
    for name, content, what in (
        ("empty.csv", b"", "an empty file"),
        ("header.csv", _csv_bytes([header]), "only a header"),
    ):
        (tmp_path / name).write_bytes(content)
        code, _, err = _csis_import(tmp_path / name, tmp_path / name[:-4])
        _refused(code, err, tmp_path / name[:-4], f"{tmp_path / name}: no rows to import", what)
    rows2 = [list(r) for r in rows]
    rows2[4][-1] = rows2[4][-1] + " in Bogot\u00e1"
    latin = tmp_path / "latin1.csv"
    latin.write_bytes(_csv_bytes([header, *rows2]).decode("utf-8").encode("latin-1", "replace"))
    code, out, err = _csis_import(latin, tmp_path / "b")
    assert code == 0, err
    assert f"{latin}:6: not UTF-8 text: byte 0xe1 in column 'Description'" in err
    assert "set encoding in the mapping" in err
    assert "20 rows read, 19 imported, 1 skipped" in out
    _check_csis(_reports(tmp_path / "b"), rows[:4] + rows[5:])


def test_provocations_dates_with_a_time_or_slashes(shared: Path, tmp_path: Path) -> None:
    path = shared / "data" / "diplomatic" / "csis_north_korea_provocations_1958_present.csv"
    header, *rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))[:11]
    mapping = shipped("data") / "mappings" / "csis-provocations-1958.yml"
    timed = tmp_path / "timed.csv"
    timed.write_bytes(_csv_bytes([header, *([r[0] + " 00:00:00", *r[1:]] for r in rows)]))
    code, out, err = _import("csv", str(timed), "-m", str(mapping), "-o", str(tmp_path / "a"))
    assert code == 0, err
    assert "10 rows read, 10 imported, 0 skipped" in out
    dates = {r["text"]: r["date"] for r in _reports(tmp_path / "a").values()}
    assert all(dates[r[3].strip()] == r[0] for r in rows)
    slashed = tmp_path / "slashed.csv"
    slashed.write_bytes(
        _csv_bytes(
            [header, *([f"{int(r[0][5:7])}/{int(r[0][8:])}/{r[0][:4]}", *r[1:]] for r in rows)]
        )
    )
    code, out, err = _import("csv", str(slashed), "-m", str(mapping), "-o", str(tmp_path / "b"))
    assert code == 1, err  # every row refused: nothing to import, nothing written
    assert f"{slashed}:2: bad date: the order of day and month is not known" in err
    assert "date.formats" in err and "10 row(s) read, all skipped: 10 bad date" in err
    assert not (tmp_path / "b").exists()


# -- RDF ------------------------------------------------------------------------------------


def test_rdf_with_a_byte_order_mark_or_gzipped(tmp_path: Path) -> None:
    turtle = tmp_path / "korea.ttl"
    result = CliRunner().invoke(
        cli, ["--data", str(bundled_data()), "export", "--format", "turtle", "-o", str(turtle)]
    )
    assert result.exit_code == 0, result.output
    data = turtle.read_bytes()
    (tmp_path / "bom.ttl").write_bytes(b"\xef\xbb\xbf" + data)
    (tmp_path / "korea.ttl.gz").write_bytes(gzip.compress(data))
    outputs = []
    for name in ("korea.ttl", "bom.ttl", "korea.ttl.gz"):
        result = CliRunner().invoke(
            cli, ["import", "rdf", str(tmp_path / name), "-o", str(tmp_path / f"o-{name}")]
        )
        assert result.exit_code == 0, result.output
        outputs.append(result.stdout.split(":", 1)[1])
        assert "13 events" in outputs[-1]
    assert outputs[0] == outputs[1] == outputs[2]
    for f in (tmp_path / "o-korea.ttl").iterdir():
        assert (tmp_path / "o-bom.ttl" / f.name).read_bytes() == f.read_bytes()
        assert (tmp_path / "o-korea.ttl.gz" / f.name).read_bytes() == f.read_bytes()


def test_icews14_id_quadruples_count_hours_from_their_own_epoch(
    shared: Path, tmp_path: Path
) -> None:
    """ICEWS14 as the temporal-KG papers ship it: ids, and hours since 2014-01-01."""
    lines = (shared / "data" / "diplomatic" / "icews14_test.tsv").read_text().splitlines()[:30]
    rows = [line.split("\t") for line in lines]
    names = sorted({r[0] for r in rows} | {r[2] for r in rows})
    relations = sorted({r[1] for r in rows})
    (tmp_path / "entity2id.txt").write_text("".join(f"{n}\t{i}\n" for i, n in enumerate(names)))
    (tmp_path / "relation2id.txt").write_text(
        "".join(f"{n}\t{i}\n" for i, n in enumerate(relations))
    )
    start = date(2014, 1, 1)
    quads = "".join(
        f"{names.index(h)}\t{relations.index(r)}\t{names.index(t)}\t"
        f"{(date.fromisoformat(d) - start).days * 24}\n"
        for h, r, t, d in rows
    )
    (tmp_path / "test.txt").write_text(quads)
    maps = ["--entities", str(tmp_path / "entity2id.txt")]
    maps += ["--relations", str(tmp_path / "relation2id.txt")]
    args = [str(tmp_path / "test.txt"), *maps, "--epoch", "2014-01-01", "-o", str(tmp_path / "o")]
    code, out, err = _import("icews", *args)
    assert code == 0, err
    assert "30 rows read, 30 imported, 0 skipped" in out
    by_row = {r["row"]: r for r in _reports(tmp_path / "o").values()}
    for n, (head, _, tail, day) in enumerate(rows, start=1):
        assert (by_row[n]["date"], by_row[n]["source_name"], by_row[n]["target_name"]) == (
            day,
            head,
            tail,
        )
    readable = shared / "data" / "diplomatic" / "icews14_test.tsv"
    code, _, err = _import(
        "icews", str(readable), "--epoch", "2014-01-01", "-o", str(tmp_path / "x")
    )
    assert code == 2 and "--epoch is for id quadruples" in err and not (tmp_path / "x").exists()


def test_gdelt_actor_codes_absent_from_the_codebook_keep_their_names(
    gdelt_rows: list[list[str]], tmp_path: Path
) -> None:
    rows = [[*r[:5], "XYZGOV", "NOWHERE LAND", "XYZ", *r[8:]] for r in gdelt_rows[:5]]
    path = tmp_path / "unknown-actors.tsv"
    path.write_bytes(_gdelt_bytes(rows))
    code, out, err = _import("gdelt", str(path), "-o", str(tmp_path / "out"))
    assert code == 0, err
    assert "5 rows read, 5 imported, 0 skipped" in out
    _check_gdelt(_reports(tmp_path / "out"), rows)
    reports = _reports(tmp_path / "out").values()
    assert {r["source_name"] for r in reports} == {"NOWHERE LAND"}
    actors = yaml.safe_load((tmp_path / "out" / "actors.yaml").read_text())["actors"]
    made = {a["id"] for a in actors}
    assert {r["source_actor"] for r in reports} <= made  # a new actor, not a known one


def test_xlsx_without_a_mapped_column_or_rows_is_refused(
    csis: tuple[list[str], list[list[str]]], tmp_path: Path
) -> None:
    import openpyxl

    header, rows = csis
    for name, sheet_rows, words in (
        ("no-year.xlsx", [[c for c in r if c != r[1]] for r in [header, *rows[:3]]], "'Year'"),
        ("header.xlsx", [header], "only a header"),
        ("blank.xlsx", [], "no rows to import (got a blank first row"),
    ):
        book = openpyxl.Workbook()
        for r in sheet_rows:
            book.active.append(r)
        book.save(tmp_path / name)
        code, _, err = _csis_import(tmp_path / name, tmp_path / name[:-5])
        _refused(code, err, tmp_path / name[:-5], f"{tmp_path / name}", words)
