"""`press new` and `press import` on a fixture site: what they write, what they refuse, what they say."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from press.adapters.project import Project
from press.cli import main
from press.core.content.validate import PLACEHOLDER_DESCRIPTION

from ..unit.test_importer import CASES, fill_in
from .builder import article, base_config, make_fixture


def config() -> dict:
    config = base_config()
    press = config["plugins"][0]["press/articles"]
    press["ctas"] = {"briefing": {"heading": "The Briefing", "action": "https://lists.example.com/briefing"}}
    press["publications"]["vera2"]["cta"] = "briefing"
    return config


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    make_fixture(tmp_path, {"vera2/posts/2025/fine.md": article("Fine")}, config())
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(capsys: pytest.CaptureFixture, *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


NEW = ("new", "Courts weigh: the new rule?", "--pub", "vera2", "--section", "courts", "--author", "dana-okafor",
       "--tags", "courts, appeals,courts", "--date", "2025-11-20")


def test_new_writes_a_draft_that_checks_clean(site: Path, capsys: pytest.CaptureFixture) -> None:
    assert run(capsys, *NEW) == (0, "wrote content/vera2/posts/2025/courts-weigh-the-new-rule.md\n"
                                    "preview: http://127.0.0.1:8000/vera2/2025/11/courts-weigh-the-new-rule/ (with `make serve` running)\n", "")
    text = (site / "content/vera2/posts/2025/courts-weigh-the-new-rule.md").read_text()
    assert text.splitlines()[:9] == [
        "---",
        'title: "Courts weigh: the new rule?"',
        f'description: "{PLACEHOLDER_DESCRIPTION}"',
        "date: 2025-11-20",
        "authors: [dana-okafor]",
        "categories: [Courts]",
        "tags: [courts, appeals]",
        "cta: briefing  # the publication's default; another id from mkdocs.yml, or false for none",
        "draft: true  # `make serve` shows it, `make site` leaves it out: remove this line to publish",
    ]
    assert "# further_reading:" in text
    assert run(capsys, "check")[0] == 0


def test_a_published_skeleton_is_caught_by_check(site: Path, capsys: pytest.CaptureFixture) -> None:
    run(capsys, *NEW)
    path = site / "content/vera2/posts/2025/courts-weigh-the-new-rule.md"
    path.write_text(re.sub(r"draft: true.*\n", "", path.read_text()))
    status, out, _ = run(capsys, "check")
    assert status == 1
    assert out.splitlines()[0] == "content/vera2/posts/2025/courts-weigh-the-new-rule.md:3: description: is still the placeholder that press new wrote"


def test_new_refuses_to_overwrite(site: Path, capsys: pytest.CaptureFixture) -> None:
    run(capsys, *NEW)
    path = site / "content/vera2/posts/2025/courts-weigh-the-new-rule.md"
    path.write_text("mine")
    assert run(capsys, *NEW) == (1, "", "press: content/vera2/posts/2025/courts-weigh-the-new-rule.md already exists: nothing written "
                                        "(choose another title or --output, or delete the file)\n")
    assert path.read_text() == "mine"


def test_new_dates_today_in_the_site_time_zone(site: Path, capsys: pytest.CaptureFixture, monkeypatch) -> None:
    # The command reads the clock through Project.today (in the site's zone); pin it, so midnight cannot race the test.
    today = dt.date(2026, 1, 5)
    monkeypatch.setattr(Project, "today", lambda self: today)
    status, out, _ = run(capsys, "new", "Notes from the road", "--pub", "dispatch", "--author", "jt-mercer")
    assert status == 0
    path = site / f"content/dispatch/posts/{today:%Y}/notes-from-the-road.md"
    assert f"date: {today.isoformat()}\n" in path.read_text()
    assert "# cta: <id>" in path.read_text()  # Dispatch has no default call to action in this site
    assert f"/dispatch/{today:%Y}/{today:%m}/notes-from-the-road/" in out


@pytest.mark.parametrize("args, error", [
    (["--pub", "vera3"], "unknown publication 'vera3'\n  hint: did you mean 'vera2'? known publications: dispatch, vera2"),
    (["--pub", "vera2", "--section", "Court", "--author", "jt-mercer"],
     "'Court' is not a section of Vera2\n  hint: did you mean 'Courts'? known sections of Vera2: Courts, Politics"),
    (["--pub", "vera2", "--author", "jt-mercer"],
     "a Vera2 article needs a section: pass --section\n  hint: sections of Vera2: Politics, Courts"),
    (["--pub", "dispatch"], "who wrote it? pass --author\n  hint: known authors: dana-okafor, jt-mercer (defined in content/authors.yml)"),
    (["--pub", "dispatch", "--author", "jt-mercr"],
     "unknown author 'jt-mercr'\n  hint: did you mean 'jt-mercer'? known authors: dana-okafor, jt-mercer (defined in content/authors.yml)"),
])
def test_new_says_what_to_pass_instead(site: Path, capsys: pytest.CaptureFixture, args: list[str], error: str) -> None:
    assert run(capsys, "new", "A title", *args) == (2, "", f"press new: error: {error}\n")
    assert not list((site / "content").rglob("a-title.md"))


def test_the_only_author_is_the_default(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture) -> None:
    make_fixture(tmp_path, {}, config())
    (tmp_path / "content/authors.yml").write_text("authors:\n  jt-mercer:\n    name: J.T. Mercer\n")
    monkeypatch.chdir(tmp_path)
    assert run(capsys, "new", "Alone", "--pub", "dispatch", "--date", "2025-11-02")[0] == 0
    assert "authors: [jt-mercer]\n" in (tmp_path / "content/dispatch/posts/2025/alone.md").read_text()


def test_a_bad_date_is_a_usage_error(site: Path, capsys: pytest.CaptureFixture) -> None:
    with pytest.raises(SystemExit) as exit:
        main(["new", "x", "--pub", "dispatch", "--date", "2025-13-01"])
    assert exit.value.code == 2
    assert "argument --date: expected a date like 2025-11-28, got '2025-13-01'" in capsys.readouterr().err


# -- import ---------------------------------------------------------------------------------

IMPORT = ("import", str(CASES / "eviction-orders.txt"), "--pub", "vera2", "--section", "Courts", "--author", "dana-okafor",
          "--date", "2025-11-24", "--tags", "courts,housing")
WRITTEN = "content/vera2/posts/2025/state-courts-test-the-limits-of-emergency-eviction-orders.md"


def test_import_writes_the_article_and_its_checklist(site: Path, capsys: pytest.CaptureFixture) -> None:
    status, out, err = run(capsys, *IMPORT)
    assert (status, err) == (0, "")
    lines = out.splitlines()
    assert lines[:4] == [
        f"wrote {WRITTEN}",
        "preview: http://127.0.0.1:8000/vera2/2025/11/state-courts-test-the-limits-of-emergency-eviction-orders/ (with `make serve` running)",
        "",
        "to do before `press check` passes (6):",
    ]
    assert lines[4] == (f"  [ ] {WRITTEN}:12: further_reading[0].url: the address of Associated Press – "
                        "“Courts in three states weigh pauses on evictions as shelters fill”")
    assert lines[9].startswith(f"  [ ] {WRITTEN}:40: citation: '@nj-spotlight-news' stands for the chip 'NJ Spotlight News'")
    assert lines[10:12] == ["", "to review (3):"]


def test_check_reports_the_imported_to_do_list_until_it_is_done(site: Path, capsys: pytest.CaptureFixture) -> None:
    out = run(capsys, *IMPORT)[1]
    todo = [line.removeprefix("  [ ] ") for line in out.splitlines() if line.startswith(f"  [ ] {WRITTEN}:")]
    status, report, _ = run(capsys, "check")
    assert status == 1
    reported = [line for line in report.splitlines() if line.startswith(WRITTEN)]
    assert [r.split(": ")[0:2] for r in reported] == [t.split(": ")[0:2] for t in todo if ": citation: " not in t]
    path = site / WRITTEN
    path.write_text(fill_in(path.read_text(), tuple(t.removeprefix(f"{WRITTEN}:") for t in todo)))
    assert run(capsys, "check") == (0, "press check: no problems (2 articles checked)\n", "")


def test_import_html_to_a_chosen_path(site: Path, capsys: pytest.CaptureFixture) -> None:
    status, out, _ = run(capsys, "import", str(CASES / "groundwater-rights.html"), "-o", "content/vera2/posts/2025/water.md",
                         "--section", "Politics", "--author", "jt-mercer")
    assert status == 0
    assert out.splitlines()[:2] == ["wrote content/vera2/posts/2025/water.md",
                                    "preview: http://127.0.0.1:8000/vera2/2025/09/water/ (with `make serve` running)"]
    assert "    url: https://www.azwater.gov/ama\n" in (site / "content/vera2/posts/2025/water.md").read_text()


def test_import_refuses_to_overwrite_and_needs_a_publication(site: Path, capsys: pytest.CaptureFixture) -> None:
    run(capsys, *IMPORT)
    assert run(capsys, *IMPORT)[0] == 1
    assert run(capsys, "import", str(CASES / "library-hours.txt")) == (
        2, "", "press import: error: which publication? pass --pub\n  hint: publications: dispatch, vera2\n")
    assert run(capsys, "import", "missing.txt", "--pub", "dispatch", "--author", "jt-mercer") == (
        2, "", "press import: error: missing.txt: no such file\n  hint: give the path of a .txt or .html file, or - to read standard input\n")


@pytest.mark.parametrize("command, expected", [
    ([], ["build", "check", "new", "import", "exit status: 0 when done"]),
    (["check"], ["--format {text,json,github}", "PATH", "--config-file"]),
    (["new"], ["--pub ID", "--section NAME", "--author ID", "--tags A,B", "--date YYYY-MM-DD", "example: press new"]),
    (["import"], ["--output PATH", "--from {text,html}", "Connect with the Author", "example: press import",
                  "--wxr FILE", "--ghost FILE", "--map FILE", "example: press import --wxr export.xml --map map.yml"]),
    (["build"], ["--site-dir", "--no-strict"]),
])
def test_every_command_explains_itself(command: list[str], expected: list[str], capsys: pytest.CaptureFixture) -> None:
    with pytest.raises(SystemExit) as exit:
        main(command + ["--help"])
    assert exit.value.code == 0
    out = " ".join(capsys.readouterr().out.split())
    for text in expected:
        assert text in out
