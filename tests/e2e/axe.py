"""axe-core inside the browser journeys.

The script is the ``axe.min.js`` that the ``axe-playwright-python`` package ships (pinned in
requirements-dev.txt); it is read from disk and evaluated in the page, never fetched. The page's
Content-Security-Policy does not apply to script evaluated by the test driver.
"""

from __future__ import annotations

import json
from pathlib import Path

from axe_playwright_python.base import AXE_FILE_PATH
from playwright.sync_api import Page

AXE_SCRIPT = Path(AXE_FILE_PATH).read_text(encoding="utf-8")
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
FAILING = {"serious", "critical"}


def axe_violations(page: Page, *, impacts: set[str] = FAILING) -> list[dict]:
    """Run axe (WCAG 2.1 A and AA rules) on the page as it is now; return the violations of
    the given impacts, each as ``{"id", "impact", "help", "targets"}``."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(AXE_SCRIPT)
    options = {"runOnly": {"type": "tag", "values": WCAG_21_AA}, "resultTypes": ["violations"]}
    results = page.evaluate(f"() => axe.run(document, {json.dumps(options)})")
    return [
        {
            "id": v["id"],
            "impact": v["impact"],
            "help": v["help"],
            "targets": [
                {"target": n["target"], "summary": (n.get("failureSummary") or "")[:300]} for n in v["nodes"]
            ],
        }
        for v in results["violations"]
        if v["impact"] in impacts
    ]


def describe(where: str, violations: list[dict]) -> list[str]:
    """One line per violation, with up to three of the elements it was found on."""
    lines = []
    for v in violations:
        shown = "; ".join(
            f"{' '.join(map(str, n['target']))} ({n['summary'].splitlines()[-1].strip() if n['summary'] else ''})"
            for n in v["targets"][:3]
        )
        lines.append(f"{where}: {v['impact']} {v['id']} ×{len(v['targets'])}: {shown}")
    return lines
