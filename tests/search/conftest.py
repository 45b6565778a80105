import pytest

from tests.factories import make_license, make_version


@pytest.fixture
def index_on_commit(django_capture_on_commit_callbacks):
    """Run the commit hooks that index a new version's clauses (tests run inside one transaction)."""

    def run(make, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return make(*args, **kwargs)

    return run


@pytest.fixture
def sample(index_on_commit):
    """A licensed, indexed sample version (tests.factories.SAMPLE_TEXT)."""
    license = make_license(name="Sample Model License", slug="sample-model", spdx_id="SML-1.0")
    return index_on_commit(make_version, license, label="1.0")
