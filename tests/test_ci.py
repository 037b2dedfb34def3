""".ci/audit: pip-audit in CI, which says plainly what it could and could not check."""

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.servers import free_port

AUDIT = Path(__file__).resolve().parent.parent / ".ci" / "audit"


def audit(*arguments, environment=None):
    return subprocess.run(
        [sys.executable, str(AUDIT), *arguments],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **(environment or {})},
    )


def test_an_unreachable_advisory_database_is_said_plainly_and_does_not_fail_ci():
    # A proxy nobody listens on: every request to the advisory database fails.
    proxy = f"http://127.0.0.1:{free_port()}"
    result = audit(environment={"HTTPS_PROXY": proxy, "https_proxy": proxy})
    assert result.returncode == 0, result.stdout + result.stderr
    assert "advisory database could not be reached" in result.stdout
    assert "NOT audited" in result.stdout


def report(tmp_path, dependencies):
    path = tmp_path / "report.json"
    path.write_text(json.dumps({"dependencies": dependencies, "fixes": []}))
    return str(path)


def test_a_known_vulnerability_fails_ci_and_says_what_to_bump(tmp_path):
    dependencies = [
        {"name": "django", "version": "5.2.0", "vulns": [
            {"id": "PYSEC-2026-1", "fix_versions": ["5.2.19"], "aliases": ["CVE-2026-1"],
             "description": "..."},
        ]},
        {"name": "nh3", "version": "0.3.8", "vulns": []},
    ]  # fmt: skip
    result = audit("--report", report(tmp_path, dependencies))
    assert result.returncode == 1
    assert "1 known vulnerabilities in 1 pinned packages" in result.stdout
    assert "django 5.2.0: PYSEC-2026-1 (CVE-2026-1); fixed in 5.2.19" in result.stdout


def test_a_clean_report_passes_and_counts_what_was_audited(tmp_path):
    dependencies = [
        {"name": "django", "version": "5.2.19", "vulns": []},
        {"name": "ours", "skip_reason": "Dependency not found on PyPI and could not be audited"},
    ]
    result = audit("--report", report(tmp_path, dependencies))
    assert result.returncode == 0
    assert "no known vulnerability in 1 packages; 1 could not be looked up" in result.stdout


def test_a_report_where_nothing_could_be_looked_up_is_not_called_clean(tmp_path):
    dependencies = [{"name": "django", "skip_reason": "Dependency not found on PyPI"}]
    result = audit("--report", report(tmp_path, dependencies))
    assert result.returncode == 0
    assert "NOT audited" in result.stdout
    assert "no known vulnerability" not in result.stdout
