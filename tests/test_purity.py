"""The pure packages import nothing from Django: each is imported in a fresh interpreter
with Django unconfigured, and the test fails if any django module got loaded."""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

PURE_MODULES = [
    "licenses.text.segmentation",
    "licenses.text.numbering",
    "licenses.text.lines",
    "licenses.text.markdown",
    "licenses.text.headings",
    "licenses.text.addresses",
    "licenses.text.parts",
    "licenses.text.list_ends",
    "licenses.text.list_gaps",
    "licenses.text.repeats",
    "licenses.text.unnumbered",
    "licenses.text.assembly",
    "licenses.text.reflow",
    "licenses.text.html_license",
    "licenses.text.html_tokens",
    "licenses.text.scoped",
    "licenses.text.topics",
    "licenses.text.comparison",
    "licenses.text.matching",
    "licenses.text.rescue",
    "licenses.text.redline",
    "licenses.text.hints",
    "licenses.text.hints.clean",
    "licenses.text.hints.rules",
    "licenses.text.hints.rule",
    "licenses.text.hints.redistribution",
    "licenses.text.hints.source",
    "licenses.text.hints.derived",
    "licenses.text.hints.integrity",
    "licenses.text.hints.discrimination",
    "licenses.text.hints.license_reach",
    "licenses.text.hints.neutrality",
    "licenses.text.hints.structure",
    "licenses.text.hints.terms",
    "licenses.text.hints.model",
    "licenses.text.similarity",
    "licenses.families.grouping",
    "review.mail.parse",
    "review.mail.message",
    "review.mail.mime",
    "review.mail.html_text",
    "review.mail.quotes",
    "review.mail.dates",
    "review.mail.refs",
    "review.mail.stance",
    "review.mail.attribution",
    "review.mail.signatures",
    "review.mail.repair",
    "review.mail.hyperkitty",
    "review.mail.digest",
    "review.mail.printed",
    "review.exports",
    "review.exports.data",
    "review.exports.digest",
    "review.exports.markdown",
    "review.exports.html_doc",
    "review.exports.csv_matrix",
    "review.matrix.verdicts",
    "review.markup",
    "review.quotes",
    "review.clause_marks",
    "review.rounds.alignment",
    "review.notify.tokens",
    "review.notify.mentions",
    "review.notify.compose",
    "search.query",
    "search.snippets",
    "search.suggest",
    "search.similarity",
]


@pytest.mark.parametrize("module", PURE_MODULES)
def test_pure_module_imports_no_django(module):
    code = (
        "import os, sys\n"
        "os.environ.pop('DJANGO_SETTINGS_MODULE', None)\n"
        f"import {module}\n"
        "print(sorted(m for m in sys.modules if m == 'django' or m.startswith('django.')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]", f"{module} pulls in {result.stdout.strip()}"
