"""The ``press`` command: author and publisher tasks over the same core as the build.

Each subcommand parses its arguments, calls one module and prints the result;
the work is done in ``press.core`` (scaffold, importer, report) and
``press.adapters`` (project, building).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import logging
import sys
from pathlib import Path, PurePosixPath
from typing import Callable, Iterator, TextIO

from .adapters import engine
from .adapters.building import build_atomically, repository_of
from .adapters.progress import TerminalProgress
from .adapters.project import Project, ProjectError, load_project, require_config
from .core.authoring import report
from .core.authoring.archive import plan_archive
from .core.authoring.archive_map import read_map
from .core.authoring.archive_read import read_ghost, read_wxr
from .core.authoring.importer import import_article
from .core.authoring.scaffold import Refused, new_article, place
from .core.content.problems import plural
from .core.urls import article_path, article_publication, article_url

EXIT_CODES = """\
exit status: 0 when done (check: no problems), 1 when check found problems, a file would be
overwritten or a post of an export could not be imported, 2 for a wrong command line or a
configuration that cannot be loaded."""


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    talk = args.command == "build" and not args.quiet  # `press build` says what it did unless --quiet
    with _logging_like_the_engine(logging.INFO if talk else logging.WARNING):
        try:
            return int(args.run(args))
        except (ProjectError, Refused) as exc:
            message, hint = (exc.message, exc.hint) if isinstance(exc, Refused) else (str(exc), "")
            print(f"press {args.command}: error: {message}" + (f"\n  hint: {hint}" if hint else ""), file=sys.stderr)
            return 2
        except KeyboardInterrupt:
            left = "; the site folder is left as it was" if args.command == "build" else ""
            print(f"press {args.command}: interrupted{left}", file=sys.stderr)
            return 130


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="press", description="North River Publications' site tools.", epilog=EXIT_CODES,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"press (on {engine.NAME} {engine.VERSION})")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, run: Callable[[argparse.Namespace], int], summary: str, description: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=summary, description=description, epilog=EXIT_CODES,
                                  formatter_class=argparse.RawDescriptionHelpFormatter)
        sub.set_defaults(run=run, quiet=False)
        sub.add_argument("-f", "--config-file", default="mkdocs.yml", metavar="PATH", help="the site's configuration (default: mkdocs.yml)")
        return sub

    build = command("build", _build, "build the site into site/, replacing it only when the build succeeds",
                    "Build the site with --strict into a temporary folder and swap it into site/ on success.")
    build.add_argument("-d", "--site-dir", default=None, help="output folder (default: site/ beside the configuration)")
    build.add_argument("--no-strict", dest="strict", action="store_false", help="do not fail on warnings")
    build.add_argument("-q", "--quiet", action="store_true", help="print only warnings and errors: no progress, no summary")
    build.add_argument("--profile", metavar="FILE", help="write the time of each step and of each plugin handler to FILE (JSON)")
    build.add_argument("--drafts", action="store_true",
                       help="a preview for review: show drafts and scheduled articles, marked as `make serve` marks them "
                            "(refused into site/, the folder that deploys: give it -d DIR)")

    check = command("check", _check, "report every content problem without building",
                    "Validate all content as a build does (front matter, authors, sections, citations, links, reading\n"
                    "lists) without rendering, and print every problem: path:line: field: message, then a hint.\n"
                    "Warnings count too: `make site` builds with --strict. Scheduled articles are listed with the\n"
                    "time they go live (the first deploy after it).")
    check.add_argument("paths", nargs="*", metavar="PATH", help="print only the problems of these files or folders (all content is still checked)")
    check.add_argument("--format", choices=("text", "json", "github"), default="text",
                       help="text (default); json: a list of {path, line, column, field, message, hint, severity} for editors "
                            "and CI; github: GitHub Actions workflow commands, so problems show on the pull request's diff")

    new = command("new", _new, "write the skeleton of a new article",
                  "Write content/<pub>/posts/<year>/<slug>.md: a draft with complete front matter that `make serve`\n"
                  "previews at once and `make site` leaves out until you remove `draft: true`.\n\n"
                  'example: press new "Courts weigh the new rule" --pub vera2 --section Courts --author dana-okafor')
    new.add_argument("title", help="the headline; the file name (slug) is made from it")
    _placement_options(new)

    imp = command("import", _import, "turn an article published elsewhere into one of ours",
                  "Read plain text (as copied from a web page) or HTML and write a Markdown article: title, headings,\n"
                  "paragraphs, the Further Reading as further_reading sources, source chips such as 'Reuters+1' as\n"
                  "[@reuters] citations; everything from 'Connect with the Author' on is left out. What it cannot\n"
                  "know (URLs plain text lacks, chips naming no listed source) is printed as a checklist, with the\n"
                  "images to download and what an article cannot hold (embeds, forms, scripts).\n\n"
                  "With --wxr or --ghost it imports a whole WordPress or Ghost export instead, placing each post as the\n"
                  "mapping file says (--map); old URLs become redirect_from. It never overwrites a file, and lists every\n"
                  "problem with the post's id at the end.\n\n"
                  "example: press import article.txt --pub vera2 --section 'Global Affairs' --author jt-mercer\n"
                  "example: press import --wxr export.xml --map map.yml")
    imp.add_argument("file", nargs="?", help="the article: a .txt or .html file, or - for standard input")
    archive = imp.add_mutually_exclusive_group()
    archive.add_argument("--wxr", metavar="FILE", help="a WordPress export (Tools > Export: a .xml file)")
    archive.add_argument("--ghost", metavar="FILE", help="a Ghost export (Settings > Import/Export: a .json file)")
    imp.add_argument("--map", metavar="FILE", help="with --wxr or --ghost: which publication, section and author each post gets (YAML)")
    imp.add_argument("-o", "--output", metavar="PATH", help="where to write it (default: content/<pub>/posts/<year>/<slug>.md)")
    imp.add_argument("--from", dest="input_format", choices=("text", "html"), help="the input's format (default: detected)")
    _placement_options(imp, required=False)
    return parser


def _placement_options(sub: argparse.ArgumentParser, required: bool = True) -> None:
    sub.add_argument("--pub", required=required, metavar="ID", help="the publication, such as vera2 or dispatch" +
                     ("" if required else " (default: the one of --output)"))
    sub.add_argument("--section", metavar="NAME", help="the section (required when the publication requires one, as Vera2 does)")
    sub.add_argument("--author", metavar="ID", help="author id(s) from content/authors.yml, comma-separated (default: the only author)")
    sub.add_argument("--tags", default="", metavar="A,B", help="comma-separated tags")
    sub.add_argument("--date", type=_date, metavar="YYYY-MM-DD", help="the publication date (default: " +
                     ("today in the site's time zone)" if required else "the one the page gives, else today)"))


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date like 2025-11-28, got {text!r}") from None


def _tags(text: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(t.strip() for t in text.split(",") if t.strip()))


# -- commands -------------------------------------------------------------------------------

def _build(args: argparse.Namespace) -> int:
    require_config(args.config_file)  # a missing configuration is a wrong command line: 2, as for the other commands
    if args.quiet or not sys.stderr.isatty():  # CI logs and tests get the log lines only
        return 0 if build_atomically(args.config_file, args.site_dir, strict=args.strict, profile=args.profile,
                                     drafts=args.drafts) else 1
    with TerminalProgress(sys.stderr) as progress:
        built = build_atomically(args.config_file, args.site_dir, strict=args.strict, progress=progress, profile=args.profile,
                                 drafts=args.drafts)
    return 0 if built else 1


def _check(args: argparse.Namespace) -> int:
    project = load_project(args.config_file)
    scopes = [_scope(project, path) for path in args.paths]
    site, articles = project.load()
    everything = report.problems(site.errors, site.warnings, project.prefix)
    shown = report.within(everything, scopes) if scopes else everything
    waiting = report.scheduled(site.hidden.values(), project.plugin.options().now, project.plugin.timezone, project.prefix)
    waiting = report.scheduled_within(waiting, scopes) if scopes else waiting
    line = report.summary(shown, everything, articles, scoped=bool(scopes))
    if args.format == "json":
        sys.stdout.write(report.as_json(shown))
        print(line, file=sys.stderr)
    elif args.format == "github":
        sys.stdout.write(report.as_github(shown, waiting, repo_prefix=_in_repository(project.root)))
        print(line)
    else:
        sys.stdout.write(report.as_text(shown, waiting))
        print(line)
    return 1 if shown else 0


def _in_repository(root: Path) -> str:
    """The folder of mkdocs.yml as a path from the root of its git repository ("" at the root or outside one).

    GitHub places an annotation by a path from the repository's root, and problems name files from `root`.
    """
    top = repository_of(root)
    inside = root.relative_to(top).as_posix() if top is not None else "."
    return "" if inside == "." else inside


def _scope(project: Project, path: str) -> PurePosixPath:
    """A PATH argument as a path relative to the folder of mkdocs.yml, as problems name their files."""
    where = Path(path).resolve()
    if not where.exists():
        raise ProjectError(f"{path}: no such file or folder")
    try:
        return PurePosixPath(where.relative_to(project.root).as_posix())
    except ValueError:
        raise ProjectError(f"{path} is outside the site (the folder of {Path(project.config.config_file_path).name})") from None


def _new(args: argparse.Namespace) -> int:
    project = load_project(args.config_file)
    placement = place(args.pub, args.section, args.author, project.publications, project.authors())
    article = new_article(args.title, placement, args.date or project.today(), _tags(args.tags), project.rules())
    return _write(project, project.docs_dir / article.path, article.text, article.url, sys.stdout)


def _import(args: argparse.Namespace) -> int:
    if args.wxr or args.ghost:
        return _import_archive(args)
    if args.file is None or args.map:
        raise Refused("give one article to import, or a whole export with --wxr or --ghost and --map",
                      "press import article.html --pub vera2 ..., or press import --wxr export.xml --map map.yml")
    project = load_project(args.config_file)
    output = Path(args.output).resolve() if args.output else None
    pub = args.pub or (output and _publication_of(project, output))
    placement = place(pub, args.section, args.author, project.publications, project.authors())
    raw = sys.stdin.read() if args.file == "-" else _read(Path(args.file))
    html = None if args.input_format is None else args.input_format == "html"
    imported = import_article(raw, placement, today=project.today(), date=args.date, tags=_tags(args.tags), html=html)
    pub_id = placement.publication.id
    target = output or project.docs_dir / article_path(pub_id, imported.date, imported.slug)
    url = article_url(pub_id, imported.date, target.stem) if _publication_of(project, target) == pub_id else None
    status = _write(project, target, imported.text, url, sys.stdout)
    if status == 0:
        _checklist(_shown(project, target), imported.todo, imported.review, sys.stdout)
    return status


def _import_archive(args: argparse.Namespace) -> int:
    if args.file or args.output or args.pub or args.section or args.author or args.tags or args.date:
        raise Refused("an export is placed by its mapping file, not by a file, --output, --pub, --section, --author, --tags or --date",
                      "say in the mapping file where each category goes (see 'Importing an archive' in README.md)")
    if not args.map:
        raise Refused("which publication, section and author does each post get? pass --map FILE",
                      "see 'Importing an archive' in README.md for the mapping file")
    project = load_project(args.config_file)
    mapping = read_map(_read(Path(args.map), "the mapping file (YAML)"), args.map, project.publications, project.authors())
    if args.wxr:
        archive = read_wxr(_bytes(Path(args.wxr), "the WordPress export (.xml)"))
    else:
        archive = read_ghost(_read(Path(args.ghost), "the Ghost export (.json)"), mapping.site_url, mapping.permalink,
                             project.rules().timezone)
    plan = plan_archive(archive, mapping, project.rules(), project.today())
    problems, out = list(plan.problems), sys.stdout
    review: list[str] = []
    written = 0
    for planned in plan.articles:
        target = project.docs_dir / planned.path
        shown = _shown(project, target)
        if target.exists():
            problems.append(f"{planned.where}: {shown} already exists: not overwritten (delete it to import this post again)")
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        with open(target, "x", encoding="utf-8", newline="\n") as file:
            file.write(planned.text)
        print(f"wrote {shown} ({planned.where}{', a draft' if planned.draft else ''})", file=out)
        written += 1
        review += [f"{shown}: {note}" for note in planned.review]
    if plan.unredirected:
        review.append(f"old URLs with a query, which a static host answers with its home page ({len(plan.unredirected)}): "
                      "redirect them in the host's own rules if links to them matter: " + ", ".join(plan.unredirected))
    for title, lines, stream in (("to review", review, out), ("left out", plan.left_out, out), ("problems", problems, sys.stderr)):
        if lines:
            print(f"\n{title} ({len(lines)}):", file=stream)
            for line in lines:
                print(f"  [ ] {line}" if stream is out and title == "to review" else f"  {line}", file=stream)
    print(f"\npress import: {plural(written, 'article')} written, {len(plan.left_out)} left out, "
          f"{plural(len(problems), 'problem')}", file=out)
    return 1 if problems else 0


def _read(path: Path, what: str = "a .txt or .html file, or - to read standard input") -> str:
    try:
        return _bytes(path, what).decode("utf-8-sig")
    except UnicodeDecodeError:
        raise Refused(f"{path}: not UTF-8 text", "save the file as UTF-8 (or pipe it through iconv) and import it again") from None


def _bytes(path: Path, what: str) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise Refused(f"{path}: no such file", f"give the path of {what}") from None


def _publication_of(project: Project, path: Path) -> str | None:
    """``content/vera2/posts/...`` -> ``vera2``."""
    try:
        rel = path.resolve().relative_to(project.docs_dir.resolve()).as_posix()
    except ValueError:
        return None
    return article_publication(rel, project.publications)


def _write(project: Project, target: Path, text: str, url: str | None, out: TextIO) -> int:
    shown = _shown(project, target)
    if target.exists():
        print(f"press: {shown} already exists: nothing written (choose another title or --output, or delete the file)", file=sys.stderr)
        return 1
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target, "x", encoding="utf-8", newline="\n") as file:
        file.write(text)
    print(f"wrote {shown}", file=out)
    if url is not None:
        print(f"preview: {project.preview_url(url)} (with `make serve` running)", file=out)
    return 0


def _shown(project: Project, path: Path) -> str:
    try:
        return path.resolve().relative_to(project.root).as_posix()
    except ValueError:
        return str(path)


def _checklist(path: str, todo: tuple[str, ...], review: tuple[str, ...], out: TextIO) -> None:
    if todo:
        print(f"\nto do before `press check` passes ({len(todo)}):", file=out)
        for item in todo:
            print(f"  [ ] {path}:{item}", file=out)
    if review:
        print(f"\nto review ({len(review)}):", file=out)
        for item in review:
            print(f"  [ ] {item}", file=out)


@contextlib.contextmanager
def _logging_like_the_engine(level: int) -> Iterator[None]:
    """Engine and plugin messages as MkDocs prints them (`properdocs.*` hangs `mkdocs.*` under it), for one command.

    The logger is left as it was found: main() also runs inside other programs (the tests), whose logging is theirs.
    """
    logger = logging.getLogger(engine.NAME)
    previous = logger.level
    handler = _Stderr()
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    logger.setLevel(level)
    logger.addHandler(handler)
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.setLevel(previous)


class _Stderr(logging.StreamHandler):  # type: ignore[type-arg]
    """Writes to sys.stderr as it is when a message comes (tests capture it, main() runs many times)."""

    @property  # type: ignore[override]
    def stream(self) -> TextIO:
        return sys.stderr

    @stream.setter
    def stream(self, value: TextIO) -> None:
        pass


if __name__ == "__main__":
    sys.exit(main())
