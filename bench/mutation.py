"""Mutation score of each pure module against its own unit tests (mutmut 3).

    python bench/mutation.py                         every module below, one after another
    python bench/mutation.py review/markup.py ...    only these
    python bench/mutation.py --report                the table from the last runs, running nothing
    python bench/mutation.py --survivors MODULE      the diff of each surviving mutant

mutmut's shared settings are in pyproject.toml ([tool.mutmut]); this script sets, per module,
which file is mutated (only_mutate) and which tests run (the test selection). Each module
keeps its own mutmut state under .mutants/<module>/, moved to mutants/ while it runs, so
a second run re-tests the functions that changed and the mutants that survived. Mutants listed in
docs/mutation-equivalents.md (equivalent: no test can tell them from the original) are set
aside: score = killed / (mutants - equivalent). "No tests" counts as survived.

CPU-heavy: runs on demand (`make mutation`), never in CI or `make test`.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
STATE = ROOT / ".mutants"
EQUIVALENTS = ROOT / "docs" / "mutation-equivalents.md"

# The criterion hints' tests, shared by the hint modules: each module has its own file under
# tests/licenses/text/hints/, but every rule reads whole clauses through all of them.
HINT_TESTS = [
    "tests/licenses/text/test_hints.py",
    "tests/licenses/text/test_hints_structure.py",
    "tests/licenses/text/test_hints_fifth.py",
    "tests/licenses/text/hints/",
    "tests/licenses/text/test_hints_model.py",
    "-k",
    "not cost_linear_time and not any_text_gives_hints and not held_out and not labels_are_well_formed"
    " and not training_script and not drawn_by_the_sampler",
]

# the pure segmentation tests that run in seconds (test_segmentation_properties and
# test_segmentation_shared are left out: hypothesis examples and the SPDX XML files)
SEGMENTATION_TESTS = [
    "tests/licenses/text/test_segmentation.py",
    "tests/licenses/text/test_segmentation_cases.py",
    "tests/licenses/text/test_segmentation_shapes.py",
    "tests/licenses/text/test_segmentation_wide.py",
]

# the word vectors and the links by meaning, with hand-made vectors and tiny corpora
MEANING_TESTS = [
    "tests/licenses/text/test_alignment_meaning.py",
    "tests/licenses/text/test_meaning_rules.py",
    "tests/licenses/text/test_embedding_rules.py",
]

# Each pure module and its own unit tests (run with Django configured by pytest-django, as
# in `make test`, but the modules themselves never import it).
MODULES: dict[str, list[str]] = {
    "licenses/text/redline.py": [
        "tests/licenses/text/test_redline.py",
        "tests/licenses/text/test_redline_cost.py",
    ],
    "licenses/text/addresses.py": ["tests/licenses/text/test_addresses.py"],
    "review/markup.py": ["tests/review/test_markup.py"],
    "review/matrix/verdicts.py": ["tests/review/matrix/test_verdicts.py"],
    "review/mail/dates.py": ["tests/review/mail/test_dates.py"],
    "review/exports/markdown.py": [
        "tests/review/exports/test_markdown.py",
        "tests/review/test_exports.py",
        "tests/review/test_summary_export.py",
    ],
    "review/exports/html_doc.py": [
        "tests/review/exports/test_html_doc.py",
        "tests/review/test_exports.py",
        "tests/review/test_summary_export.py",
    ],
    "review/exports/csv_matrix.py": ["tests/review/test_exports.py"],
    "review/exports/data.py": [
        "tests/review/exports/test_data.py",
        "tests/review/test_exports.py",
        "tests/review/test_summary_export.py",
    ],
    "review/mail/refs.py": ["tests/review/mail/test_refs.py"],
    "search/snippets.py": ["tests/search/test_snippets.py"],
    "search/query.py": ["tests/search/test_query.py"],
    "licenses/text/reflow.py": ["tests/licenses/text/test_reflow.py"],
    "licenses/text/lines.py": ["tests/licenses/text/test_lines.py"],
    "licenses/text/headings.py": ["tests/licenses/text/test_headings.py"],
    "review/mail/quotes.py": [
        "tests/review/mail/test_quotes.py",
        "tests/review/mail/test_quotes_rules.py",
    ],
    "review/mail/stance.py": ["tests/review/mail/test_stance.py"],
    "review/mail/digest.py": ["tests/review/mail/test_digest.py"],
    "review/mail/mhonarc.py": ["tests/review/mail/test_mhonarc.py"],
    "review/mail/printed.py": ["tests/review/mail/test_printed.py"],
    "review/mail/hyperkitty.py": ["tests/review/mail/test_hyperkitty.py"],
    "review/mail/message.py": ["tests/review/mail/test_message.py"],
    "review/mail/repair.py": ["tests/review/mail/test_repair.py"],
    "review/mail/signatures.py": ["tests/review/mail/test_signatures.py"],
    "review/mail/attribution.py": [
        "tests/review/mail/test_attribution.py",
        "tests/review/mail/test_thread_authors.py",
    ],
    "review/mail/mime.py": [
        "tests/review/mail/test_mime.py",
        "tests/review/mail/test_thread_authors.py",
        "tests/review/mail/test_gzip_archives.py::test_a_gzipped_archive_reads_as_the_archive_inside",
        "tests/review/mail/test_gzip_archives.py::test_a_gzipped_archive_over_the_limit_once_unpacked_is_refused",
        "tests/review/mail/test_gzip_archives.py::test_a_damaged_gzip_file_is_refused_with_a_reason",
    ],
    # the two property tests of test_html_text are left out: a mutant of the text builder changes
    # both sides of their comparison alike, so each ran its 700 examples (about 25 s a mutant)
    "review/mail/html_text.py": [
        "tests/review/mail/test_html_to_text.py",
        "tests/review/mail/test_html_text.py::test_plain_thread_markup_reads_as_before",
    ],
    "review/mail/parse.py": [
        "tests/review/mail/test_parse.py",
        "tests/review/mail/test_parse_rules.py",
        "tests/review/mail/test_thread_authors.py",
        "tests/review/mail/test_gzip_archives.py::test_a_gzipped_archive_reads_as_the_archive_inside",
        "tests/review/mail/test_gzip_archives.py::test_a_gzipped_archive_over_the_limit_once_unpacked_is_refused",
        "tests/review/mail/test_gzip_archives.py::test_a_damaged_gzip_file_is_refused_with_a_reason",
    ],
    "review/exports/digest.py": [
        "tests/review/exports/test_digest.py",
        "tests/review/test_summary_export.py",
    ],
    # test_carryover is left out: every test there is marked django_db, so each mutant would pay
    # for the test database's migrations (about 35 s a mutant on the shared machine)
    "review/rounds/alignment.py": [
        "tests/review/rounds/test_alignment.py",
        "tests/review/rounds/test_secondary_links.py",
    ],
    # the clause-alignment engine, each module against its own pure tests
    "licenses/text/similarity.py": ["tests/licenses/text/test_similarity.py"],
    "licenses/text/fanout.py": [
        "tests/licenses/text/test_alignment_fanout.py",
        "tests/licenses/text/test_alignment_twins.py",
    ],
    "licenses/text/matching.py": [
        "tests/licenses/text/test_matching.py",
        "tests/licenses/text/test_alignment.py",
        "tests/licenses/text/test_alignment_cost.py",
        "tests/licenses/text/test_comparison_speed.py",
    ],
    "licenses/text/rescue.py": [
        "tests/licenses/text/test_rescue.py",
        "tests/licenses/text/test_alignment.py",
        "tests/licenses/text/test_alignment_cost.py",
        "tests/licenses/text/test_alignment_headings.py",
        "tests/licenses/text/test_alignment_mutual.py",
    ],
    "licenses/text/comparison.py": [
        "tests/licenses/text/test_comparison_summary.py",
        "tests/licenses/text/test_comparison_rows.py",
        "tests/licenses/text/test_comparison.py",
        "tests/licenses/text/test_alignment.py",
        "tests/licenses/text/test_alignment_fanout.py",
        "tests/licenses/text/test_alignment_headings.py",
        "tests/licenses/text/test_alignment_mutual.py",
    ],
    # the links by meaning: the word vectors (training on tiny synthetic corpora) and the rule
    # that reads them; test_views of licenses/compare is left out (it needs the test database)
    "licenses/text/embedding.py": MEANING_TESTS,
    "licenses/text/meaning.py": MEANING_TESTS,
    # the criterion hints (licenses/text/hints/). The rule tables of the criteria (redistribution.py,
    # source.py, derived.py, ...) are module-level data and mutmut mutates only functions, so only
    # the modules with functions are listed; bench/hints_reach.py checks the tables instead. -k
    # leaves out the timing tests (on a busy machine they could kill a mutant for being slow once),
    # the property test (50 examples a mutant; it only checks that hints name criteria 1 to 10,
    # which the exact tests check too) and the tests of the labelled bench data (they import
    # bench/, which mutmut does not copy)
    "licenses/text/hints/clean.py": HINT_TESTS,
    "licenses/text/hints/terms.py": HINT_TESTS,
    "licenses/text/hints/__init__.py": HINT_TESTS,
    "licenses/text/hints/structure.py": HINT_TESTS,
    "licenses/text/hints/rules.py": HINT_TESTS,
    "licenses/text/hints/model.py": HINT_TESTS,
    "licenses/text/hints/detector.py": HINT_TESTS,
    # the segmenter, each module against its own unit tests and the synthetic segmentation cases;
    # test_segmentation_shared (the 211 SPDX XML files under ../shared) and the property tests of
    # test_segmentation_properties are left out: each would read or generate hundreds of texts a mutant
    "licenses/text/numbering.py": [
        "tests/licenses/text/test_numbering.py",
        "tests/licenses/text/test_segmentation.py",
        "tests/licenses/text/test_segmentation_cases.py",
        "tests/licenses/text/test_segmentation_shapes.py",
        "tests/licenses/text/test_segmentation_wide.py",
    ],
    "licenses/text/list_ends.py": [
        "tests/licenses/text/test_list_ends.py",
        "tests/licenses/text/test_segmentation.py",
        "tests/licenses/text/test_segmentation_cases.py",
        "tests/licenses/text/test_segmentation_shapes.py",
        "tests/licenses/text/test_segmentation_wide.py",
    ],
    "licenses/text/list_gaps.py": [
        "tests/licenses/text/test_list_gaps.py",
        "tests/licenses/text/test_segmentation.py",
        "tests/licenses/text/test_segmentation_cases.py",
        "tests/licenses/text/test_segmentation_shapes.py",
        "tests/licenses/text/test_segmentation_wide.py",
    ],
    "licenses/text/assembly.py": [
        "tests/licenses/text/test_assembly.py",
        "tests/licenses/text/test_segmentation.py",
        "tests/licenses/text/test_segmentation_cases.py",
        "tests/licenses/text/test_segmentation_shapes.py",
        "tests/licenses/text/test_segmentation_wide.py",
    ],
    "licenses/text/segmentation.py": [
        "tests/licenses/text/test_segmenter.py",
        "tests/licenses/text/test_list_ends.py",
        "tests/licenses/text/test_list_gaps.py",
        "tests/licenses/text/test_segmentation.py",
        "tests/licenses/text/test_segmentation_cases.py",
        "tests/licenses/text/test_segmentation_shapes.py",
        "tests/licenses/text/test_segmentation_wide.py",
        # added 2026-12-04: the Markdown, parts, repeats and unnumbered-heading cases reach
        # segmentation.py's own functions (_excerpt_starts, _label_emphasis_closes, _runs_on)
        "tests/licenses/text/test_segmentation_markdown.py",
        "tests/licenses/text/test_parts.py",
        "tests/licenses/text/test_repeats.py",
        "tests/licenses/text/test_unnumbered.py",
        "tests/licenses/text/test_headings.py",
    ],
    # segmentation helpers (mixins of the segmenter), each against its own tests and the pure
    # segmentation files that reach it in a few seconds (none reads the SPDX XML files)
    "licenses/text/repeats.py": ["tests/licenses/text/test_repeats.py", *SEGMENTATION_TESTS],
    "licenses/text/parts.py": ["tests/licenses/text/test_parts.py", *SEGMENTATION_TESTS],
    "licenses/text/unnumbered.py": ["tests/licenses/text/test_unnumbered.py", *SEGMENTATION_TESTS],
    # search and families (pure, outside the first list of issue 21)
    "search/similarity.py": ["tests/search/test_similarity_rules.py", "tests/search/test_similarity.py"],
    "licenses/families/grouping.py": [
        "tests/licenses/families/test_grouping_rules.py",
        "tests/licenses/families/test_grouping.py",
    ],
}

KILLED = {"killed", "timeout", "caught by type check", "segfault"}


def equivalents() -> dict[str, str]:
    """Mutant name -> why it is equivalent, from docs/mutation-equivalents.md."""
    if not EQUIVALENTS.exists():
        return {}
    found = {}
    for line in EQUIVALENTS.read_text("utf-8").splitlines():
        if not line.lstrip().startswith(("-", "*")):
            continue
        names = re.findall(r"`([^`\s]+__mutmut_\d+)`", line)
        why = line.rsplit("`:", 1)[-1].strip()
        found.update(dict.fromkeys(names, why))
    return found


def _state_dir(module: str) -> Path:
    return STATE / module.removesuffix(".py").replace("/", ".")


def _statuses(module: str) -> dict[str, str] | None:
    from mutmut.stats import status_by_exit_code

    meta = _state_dir(module) / (module + ".meta")
    if not meta.exists():
        return None
    codes = json.loads(meta.read_text("utf-8"))["exit_code_by_key"]
    return {name: status_by_exit_code[code] for name, code in codes.items()}


def score(module: str) -> dict | None:
    statuses = _statuses(module)
    if statuses is None:
        return None
    equivalent = equivalents()
    total = len(statuses)
    killed = sum(s in KILLED for s in statuses.values())
    set_aside = sum(1 for name, s in statuses.items() if s not in KILLED and name in equivalent)
    survived = total - killed - set_aside
    counted = total - set_aside
    return {
        "module": module,
        "mutants": total,
        "killed": killed,
        "survived": survived,
        "equivalent": set_aside,
        "not_checked": sum(s == "not checked" for s in statuses.values()),
        "score": round(100 * killed / counted, 1) if counted else 100.0,
    }


def survivors(module: str) -> list[str]:
    statuses = _statuses(module) or {}
    equivalent = equivalents()
    return sorted(n for n, s in statuses.items() if s not in KILLED and n not in equivalent)


def _retest_survivors(meta: Path) -> None:
    """mutmut keeps a verdict until the function changes; tests added since should judge the
    survivors again. Kills stand (tests are added, not weakened; --fresh forgets them too)."""
    from mutmut.stats import status_by_exit_code

    if not meta.exists():
        return
    data = json.loads(meta.read_text("utf-8"))
    codes = data["exit_code_by_key"]
    for name, code in codes.items():
        if status_by_exit_code[code] not in KILLED:
            codes[name] = None
    meta.write_text(json.dumps(data, indent=4), "utf-8")


def run_one(module: str, children: int, fresh: bool = False) -> int:
    """mutmut run for one module, in a child process, with its own state directory."""
    work = ROOT / "mutants"
    if work.exists():
        sys.exit("mutants/ exists: another mutation run is going on, or one was cut short (remove it)")
    own = _state_dir(module)
    if own.exists() and fresh:
        shutil.rmtree(own)
    if own.exists():
        _retest_survivors(own / (module + ".meta"))
        own.rename(work)
    code = (
        "import sys\n"
        "from mutmut import configuration\n"
        "cfg = configuration.config()\n"
        f"cfg.only_mutate = [{module!r}]\n"
        f"cfg.pytest_add_cli_args_test_selection = {MODULES[module]!r}\n"
        "from mutmut.__main__ import cli\n"
        f"sys.exit(cli(['run', '--max-children', '{children}']))\n"
    )
    env = {**os.environ, "CLAUSEWISE_SHARED": str(ROOT.parent / "shared")}
    try:
        return subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, check=False).returncode
    finally:
        own.parent.mkdir(parents=True, exist_ok=True)
        if work.exists():
            work.rename(own)


def show_survivors(module: str) -> None:
    """`mutmut show` for each survivor, from a scratch directory that links to this module's
    state, so that it works while another module's run holds mutants/."""
    import tempfile

    names = survivors(module)
    print(f"## {module}: {len(names)} surviving")
    if not names:
        return
    with tempfile.TemporaryDirectory() as scratch:
        for entry in ROOT.iterdir():
            if entry.name not in {"mutants", ".mutants", ".git", ".venv"}:
                (Path(scratch) / entry.name).symlink_to(entry)
        (Path(scratch) / "mutants").symlink_to(_state_dir(module))
        for name in names:
            subprocess.run([sys.executable, "-m", "mutmut", "show", name], cwd=scratch, check=False)


def table(rows: list[dict]) -> str:
    out = ["| module | mutants | killed | survived | equivalent | score |", "|---|---:|---:|---:|---:|---:|"]
    for r in rows:
        note = f" ({r['not_checked']} not checked)" if r["not_checked"] else ""
        out.append(
            f"| `{r['module']}` | {r['mutants']} | {r['killed']} | {r['survived']}{note} | "
            f"{r['equivalent']} | {r['score']} % |"
        )
    return "\n".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("modules", nargs="*", help="module paths (default: all)")
    parser.add_argument("--report", action="store_true", help="print the table from the last runs")
    parser.add_argument("--survivors", action="store_true", help="list surviving mutants with their diffs")
    parser.add_argument("--fresh", action="store_true", help="forget earlier verdicts, test every mutant")
    parser.add_argument("--max-children", type=int, default=int(os.environ.get("MUTATION_CHILDREN", "1")))
    args = parser.parse_args()
    modules = args.modules or list(MODULES)
    unknown = [m for m in modules if m not in MODULES]
    if unknown:
        sys.exit(f"not a pure module with unit tests listed in {__file__}: {', '.join(unknown)}")
    if args.survivors:
        for module in modules:
            show_survivors(module)
        return
    if not args.report:
        for module in modules:
            print(f"== {module} against {' '.join(MODULES[module])}", flush=True)
            run_one(module, args.max_children, fresh=args.fresh)
    rows = [r for m in modules if (r := score(m))]
    print(table(rows))
    print(json.dumps(rows))


if __name__ == "__main__":
    main()
