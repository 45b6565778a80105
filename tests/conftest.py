import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# Property tests judge behaviour, not speed: on a shared CI machine one slow example (a GC
# pause, a busy core) must not fail them with DeadlineExceeded or a too-slow health check.
# Speed is measured by the benches under bench/.
settings.register_profile("clausewise", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("clausewise")

# Playwright's sync API runs an event loop in the test thread; Django's ORM
# refuses to run there unless told the test owns that thread.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

# Beside the checkout; CLAUSEWISE_SHARED when the tests run from a copy (mutmut's mutants/).
SHARED = Path(os.environ.get("CLAUSEWISE_SHARED") or Path(__file__).resolve().parents[2] / "shared")
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")


@pytest.fixture(scope="session")
def shared_data() -> Path:
    data = SHARED / "data"
    if not data.is_dir():
        pytest.skip("../shared/data is absent (reference data lives beside the checkout)")
    return data


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is not installed (CI installs Debian's chromium)")
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


FAST_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _fast_password_hashing(request, settings):
    """Argon2 costs ~50 ms a hash, on every log-in of every test; only its own tests need it."""
    if not request.node.get_closest_marker("production_hashers"):
        settings.PASSWORD_HASHERS = FAST_HASHERS


@pytest.fixture(autouse=True)
def _no_kept_pages_between_tests():
    """This process's copies of kept pages (config.recent) outlive a test's cache.clear(): a test
    starts without any, like a server that has just started."""
    from config import recent

    recent.pages.clear()


@pytest.fixture(autouse=True)
def _no_axes_lockouts_between_tests(settings):
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 5


@pytest.fixture(autouse=True)
def _reference_data_in_transactional_tests(request):
    """Give transactional tests (browser journeys) the rows that data migrations load.

    Django flushes every table after a transactional test, including the
    criterion sets and role groups the migrations created, so a later journey
    would find no OSD. Loading them again is idempotent.
    """
    marker = request.node.get_closest_marker("django_db")
    transactional = bool(marker and marker.kwargs.get("transaction")) or "live_server" in request.fixturenames
    if transactional:
        request.getfixturevalue("transactional_db")
    elif marker is not None or "db" in request.fixturenames:
        # A test in a transaction after a transactional one (the run's order is pytest-django's,
        # and plugins can move tests) finds the flushed tables: give it the rows back too.
        request.getfixturevalue("db")
    else:
        return
    from tests.factories import ensure_reference_data

    ensure_reference_data()


@pytest.fixture
def rate_window(monkeypatch):
    """One window of every rate limit for the whole test: the comment limit (review.ratelimit),
    the API's (api.ratelimit) and the log-in throttle (accounts.throttle) count in clock minutes
    or five minutes, and requests that straddle a window's end would be counted in two."""
    import types

    from accounts import throttle
    from api import ratelimit as api_ratelimit
    from review import ratelimit

    clock = types.SimpleNamespace(time=lambda: 1_800_000_030.0)  # 30 s into a minute and a window
    for module in (ratelimit, api_ratelimit, throttle):
        monkeypatch.setattr(module, "time", clock)
