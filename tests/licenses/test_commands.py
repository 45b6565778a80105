import json

import pytest
from django.core.management import CommandError, call_command

from licenses.models import Clause, Criterion, CriterionSet, License, LicenseVersion
from tests.factories import SAMPLE_TEXT, make_license

pytestmark = pytest.mark.django_db


def test_import_spdx_is_idempotent(capsys):
    call_command("import_spdx", "MIT", "Apache-2.0")
    licenses, versions, clauses = (
        License.objects.count(),
        LicenseVersion.objects.count(),
        Clause.objects.count(),
    )
    assert licenses == 2
    assert versions == 2
    call_command("import_spdx", "mit", "Apache-2.0")
    assert (License.objects.count(), LicenseVersion.objects.count(), Clause.objects.count()) == (
        licenses,
        versions,
        clauses,
    )
    out = capsys.readouterr().out
    assert "0 licenses and 0 versions created" in out


def test_import_spdx_sets_metadata_and_segments():
    call_command("import_spdx", "Apache-2.0")
    apache = License.objects.get(spdx_id="Apache-2.0")
    assert (apache.slug, apache.name) == ("apache", "Apache License")  # versions of Apache are one license
    assert apache.osi_status == License.OsiStatus.APPROVED
    version = apache.versions.get()
    assert version.label == "2.0"
    assert version.clauses.count() > 10
    assert version.clauses.filter(path="4(d)").exists() or version.clauses.filter(anchor="4.d").exists()


def test_import_spdx_unknown_id():
    with pytest.raises(CommandError, match="Unknown SPDX id: Nope-1.0"):
        call_command("import_spdx", "Nope-1.0")


def test_import_spdx_needs_arguments():
    with pytest.raises(CommandError, match="--osi or --all"):
        call_command("import_spdx")


def test_import_license_file(tmp_path):
    path = tmp_path / "mg.txt"
    path.write_text("1. Grant.\n\nYou may use it.\n\n2. Notice.\n\nKeep this notice.\n", encoding="utf-8")
    call_command("import_license", str(path), "--slug", "mg", "--name", "MG", "--version-label", "1.0")
    path2 = tmp_path / "mg2.txt"
    path2.write_text(
        "1. Grant.\n\nYou may use it.\n\n2. Notice.\n\nKeep this notice always.\n", encoding="utf-8"
    )
    call_command(
        "import_license",
        str(path2),
        "--slug",
        "mg",
        "--name",
        "MG",
        "--version-label",
        "2.0",
        "--previous",
        "1.0",
    )
    license = License.objects.get(slug="mg")
    v2 = license.versions.get(label="2.0")
    assert v2.previous.label == "1.0"
    assert v2.source == LicenseVersion.Source.IMPORT


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"bad \xe9 byte", "not valid UTF-8"),
        (b"text\x00with nul", "NUL"),
        (b"", "empty"),
        (b"a" * (1024 * 1024 + 10), "limit is 1 MiB"),
    ],
)
def test_import_license_failures_write_nothing(tmp_path, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(CommandError, match=message) as excinfo:
        call_command("import_license", str(path), "--slug", "bad", "--name", "Bad", "--version-label", "1")
    assert "\n" not in str(excinfo.value)
    assert not License.objects.filter(slug="bad").exists()


def test_import_license_unknown_previous_writes_nothing(tmp_path):
    path = tmp_path / "x.txt"
    path.write_text("1. Grant.\n", encoding="utf-8")
    with pytest.raises(CommandError, match="no version labelled '0.9'"):
        call_command(
            "import_license",
            str(path),
            "--slug",
            "x",
            "--name",
            "X",
            "--version-label",
            "1",
            "--previous",
            "0.9",
        )
    assert not License.objects.filter(slug="x").exists()


def test_criteria_sets_are_loaded_by_migrations():
    osd = CriterionSet.objects.get(slug="osd-1.9")
    assert list(osd.criteria.values_list("number", flat=True)) == list(range(1, 11))
    assert osd.criteria.get(number=6).title == "No Discrimination Against Fields of Endeavor"
    assert CriterionSet.objects.get(slug="dfsg-1.2").criteria.count() == 10
    assert list(CriterionSet.objects.get(slug="fsd-freedoms").criteria.values_list("number", flat=True)) == [
        0,
        1,
        2,
        3,
    ]


def test_import_criteria_adds_official_wording_and_new_sets(tmp_path):
    wording = {
        "slug": "osd-1.9",
        "criteria": [{"number": 6, "official_text": "The license must not restrict anyone (test wording)."}],
    }
    path = tmp_path / "osd.json"
    path.write_text(json.dumps(wording), encoding="utf-8")
    call_command("import_criteria", str(path))
    assert Criterion.objects.get(set__slug="osd-1.9", number=6).official_text.endswith("(test wording).")
    assert (
        Criterion.objects.get(set__slug="osd-1.9", number=6).title
        == "No Discrimination Against Fields of Endeavor"
    )

    new_set = {
        "slug": "house-rules",
        "name": "House rules",
        "short_name": "HR",
        "criteria": [{"number": 1, "key": "no-fees", "title": "No fees", "summary": "Free of charge."}],
    }
    path.write_text(json.dumps(new_set), encoding="utf-8")
    call_command("import_criteria", str(path))
    assert CriterionSet.objects.get(slug="house-rules").criteria.get().key == "no-fees"


@pytest.mark.parametrize(
    ("document", "message"),
    [
        ("[1, 2]", "JSON object"),
        ('{"criteria": []}', "needs 'slug'"),
        ('{"slug": "new-set", "criteria": [{"number": 1}]}', "needs 'name'"),
        ('{"slug": "osd-1.9", "criteria": [{"number": 99}]}', "needs 'key'"),
        ("{not json", "not valid UTF-8 JSON"),
    ],
)
def test_import_criteria_rejects_bad_files(tmp_path, document, message):
    path = tmp_path / "c.json"
    path.write_text(document, encoding="utf-8")
    before = Criterion.objects.count()
    with pytest.raises(CommandError, match=message):
        call_command("import_criteria", str(path))
    assert Criterion.objects.count() == before


@pytest.mark.django_db(transaction=True)  # commits as `make run` does, so notifications are sent
def test_load_demo_is_idempotent(settings, capsys):
    # As `make run` has it: mail to the console. The demo's made-up people get no mail.
    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    call_command("load_demo")
    out = capsys.readouterr()
    assert "Subject:" not in out.out + out.err and "Task id=" not in out.out + out.err
    from review.notify.models import Notification

    assert Notification.objects.exists()  # the bell still shows the demo's activity
    counts = (License.objects.count(), LicenseVersion.objects.count(), Clause.objects.count())
    assert counts[0] >= 38
    mpl = License.objects.get(slug="mpl")
    assert list(mpl.versions.values_list("label", flat=True)) == ["1.1", "2.0"]
    assert mpl.versions.get(label="2.0").previous.label == "1.1"
    assert list(mpl.versions.values_list("spdx_ids", flat=True)) == ["MPL-1.1", "MPL-2.0"]
    call_command("load_demo")
    assert (License.objects.count(), LicenseVersion.objects.count(), Clause.objects.count()) == counts


@pytest.mark.parametrize(
    "args, message",
    [
        (["--slug", "mg", "--version-label", "../../x"], 'may not contain "/" or "@"'),
        (["--slug", "mg", "--version-label", "1.0@2"], 'may not contain "/" or "@"'),
        (["--slug", "mg", "--version-label", ".."], "dots"),
        (["--slug", "../MG", "--version-label", "1.0"], "lower-case letters"),
        (["--slug", "Mg Two", "--version-label", "1.0"], "lower-case letters"),
    ],
)
def test_import_license_validates_like_the_web_form_and_writes_nothing(tmp_path, args, message):
    path = tmp_path / "mg.txt"
    path.write_text(SAMPLE_TEXT)
    with pytest.raises(CommandError, match=message):
        call_command("import_license", str(path), "--name", "MG", *args)
    assert not License.objects.exists()
    assert not LicenseVersion.objects.exists()


def test_the_web_form_refuses_the_same_labels():
    from licenses.forms import NewVersionForm

    for label, ok in [("2.0", True), ("draft 3", True), ("../../x", False), ("..", False), ("a@b", False)]:
        form = NewVersionForm(data={"label": label, "text": SAMPLE_TEXT}, license=make_license())
        assert form.is_valid() is ok, (label, form.errors)
