"""The behavioural suite on SQLite, the embedded default, in a subprocess of its own.

`make test` runs on PostgreSQL; this test runs tests/search/test_behaviour.py again with
DATABASE_URL=sqlite:// (an in-memory database). ``--nomigrations`` builds the tables from
the models in a second instead of replaying ~320 migrations; the suite seeds the reference
data and synonyms it needs itself (tests/search/conftest.py).
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_the_behavioural_suite_passes_on_sqlite():
    env = {
        key: value for key, value in os.environ.items() if key not in ("ELASTICSEARCH_URL", "SEARCH_BACKEND")
    }
    env.update(DATABASE_URL="sqlite://", SEARCH_SUITE_EXPECTED_VENDOR="sqlite")
    command = [sys.executable, "-m", "pytest", "tests/search/test_behaviour.py", "--nomigrations"]
    command += ["-p", "no:cacheprovider", "-q", "-p", "no:logging"]

    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)

    summary = result.stdout.strip().splitlines()[-1] if result.stdout.strip() else ""
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert " passed" in summary and "failed" not in summary
