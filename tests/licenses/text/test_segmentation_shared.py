"""Segmentation checked against files in ../shared: SPDX XML markup and the ModelGo 2.0 texts."""

import importlib.util
import re
from pathlib import Path

import pytest

from licenses.sources import spdx_text
from licenses.text.segmentation import segment

SHARED = Path(__file__).resolve().parents[4] / "shared" / "data"
XML_DIR = SHARED / "spdx-license-xml" / "src"
MODELGO = SHARED / "modelgo" / "V2"
BENCH = Path(__file__).resolve().parents[3] / "bench" / "segmentation.py"

needs_xml = pytest.mark.skipif(not XML_DIR.is_dir(), reason="../shared/data/spdx-license-xml is absent")
needs_modelgo = pytest.mark.skipif(not MODELGO.is_dir(), reason="../shared/data/modelgo/V2 is absent")


def _bench():
    spec = importlib.util.spec_from_file_location("bench_segmentation", BENCH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@needs_xml
@pytest.mark.parametrize(
    "spdx_id",
    ["Apache-2.0", "GPL-2.0-only", "MPL-2.0", "EPL-2.0", "ODbL-1.0", "CC0-1.0", "Python-2.0", "AFL-3.0"],
)
def test_paths_equal_the_spdx_markup(spdx_id):
    bench = _bench()
    truth = bench.truth_paths(XML_DIR / f"{spdx_id}.xml", lenient=True)
    found = bench.found_paths(spdx_text(spdx_id))
    # a text holding several agreements (Python-2.0) prefixes the later ones: "beopen.com...1" cites "1"
    assert len(found) == len(truth)
    assert all(bench._match(f, t) for f, t in zip(found, truth, strict=True)), (found, truth)


@needs_xml
def test_cc_by_paths_end_with_the_markup_paths():
    bench = _bench()
    truth = bench.truth_paths(XML_DIR / "CC-BY-4.0.xml", lenient=True)
    found = [p for p in bench.found_paths(spdx_text("CC-BY-4.0")) if not re.fullmatch(r"section\.\d+", p)]
    assert len(found) == len(truth)
    assert all(f == t or f.endswith("." + t) for f, t in zip(found, truth, strict=True))


def _modelgo_texts():
    return sorted(MODELGO.glob("MG*.txt")) if MODELGO.is_dir() else []


def _printed_paths(text: str) -> list[str]:
    """The paths a reader derives from the ModelGo layout: "2." > "2.1" > "(a)" > "(i)", one per line."""
    out, top, sub, letter = [], "", "", ""
    for m in re.finditer(r"^(\d+\.\d+|\d+\.|\([a-z]+\))\t", text, re.M):
        label = m.group(1)
        if label.endswith("."):
            top, sub, letter = label[:-1], "", ""
            out.append(top)
        elif "." in label:
            sub, letter = label, ""
            out.append(sub)
        elif letter and re.fullmatch(r"\([ivx]+\)", label) and label != f"({chr(ord(letter[1]) + 1)})":
            out.append(f"{sub or top}{letter}{label}")
        else:
            letter = label
            out.append(f"{sub or top}{letter}")
    return out


@needs_modelgo
@pytest.mark.parametrize("path", _modelgo_texts(), ids=lambda p: p.stem)
def test_modelgo_paths_are_exact(path):
    text = path.read_text(encoding="utf-8")
    segs = segment(text)
    expected = _printed_paths(text)
    assert "2.1(a)(i)" in expected and len(expected) >= 10
    assert [s.path for s in segs if s.label] == expected
    by_path = {s.path: s for s in segs}
    assert by_path["1"].heading == "DEFINITIONS"
    assert by_path["2"].heading == "LICENSE RIGHTS"
    assert by_path["2.1"].heading == "Grant of Rights"
    assert by_path["2.1(a)(i)"].text.startswith("make, have made")
    assert by_path["1.def-licensor"].text.startswith('"Licensor" means')
    assert segs[0].path == "preamble" and segs[0].text.startswith("ModelGo")


@needs_modelgo
def test_modelgo_rai_use_restrictions_have_exact_paths():
    segs = segment((MODELGO / "MG-BY-RAI-2.0.txt").read_text(encoding="utf-8"))
    paths = [s.path for s in segs if s.label]
    assert paths[paths.index("2.2(b)") : paths.index("2.2(b)") + 4] == [
        "2.2(b)",
        "2.2(b)(i)",
        "2.2(b)(ii)",
        "2.2(b)(iii)",
    ]
    assert "2.2(b)(xiv)" in paths
