"""Start Django on a throw-away SQLite database, for the benchmarks that need the ORM."""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def setup_scratch_django(name: str) -> Path:
    """Point Django at a fresh ``/tmp/<name>.sqlite3`` and set it up; returns the file's path."""
    db = Path(f"/tmp/{name}.sqlite3")
    os.environ["DATABASE_URL"] = f"sqlite:///{db}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    sys.path.insert(0, str(ROOT))
    import django

    if db.exists():
        db.unlink()
    django.setup()
    return db
