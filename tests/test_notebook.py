"""The walkthrough notebook runs top to bottom against the shipped dataset."""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbclient import NotebookClient

NOTEBOOK = Path(__file__).resolve().parent.parent / "notebooks" / "walkthrough.ipynb"


def test_notebook_is_committed_without_outputs() -> None:
    nb = nbformat.read(NOTEBOOK, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None


def test_walkthrough_runs_top_to_bottom(tmp_path: Path) -> None:
    nb = nbformat.read(NOTEBOOK, as_version=4)
    NotebookClient(
        nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}
    ).execute()
    outputs = {
        i: "".join(
            o.get("text", "") + str(o.get("data", {}).get("text/plain", "")) for o in c.outputs
        )
        for i, c in enumerate(nb.cells)
        if c.cell_type == "code"
    }
    text = "\n".join(outputs.values())
    assert "1st 2018-06-12 Trump-Kim summit in Singapore" in text
    assert "3rd 2019-06-30 Trump-Kim meeting at Panmunjom" in text
    assert "accompanying" in text
    assert "Inter-Korean relations have been at a lull since the Hanoi summit" in text
    assert "2019-05" in text and "MONTH" in text
    assert any("image/png" in o.get("data", {}) for c in nb.cells for o in c.get("outputs", []))
    assert (tmp_path / "out" / "korea.ttl").stat().st_size > 0
    assert text.rstrip().endswith("True")  # the Turtle reads back into equal records
