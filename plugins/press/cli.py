"""The ``press`` command: author and publisher tasks over the same core as the build."""

from __future__ import annotations

import argparse
import logging
import sys

from .adapters.building import build_atomically


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="press", description="North River Publications' site tools.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    build = commands.add_parser("build", help="build the site into site/, replacing it only when the build succeeds")
    build.add_argument("-f", "--config-file", default="mkdocs.yml", help="the site's configuration (default: mkdocs.yml)")
    build.add_argument("-d", "--site-dir", default=None, help="output folder (default: site/ beside the configuration)")
    build.add_argument("--no-strict", dest="strict", action="store_false", help="do not fail on warnings")
    args = parser.parse_args(argv)
    _log_like_mkdocs()
    if args.command == "build":
        return 0 if build_atomically(args.config_file, args.site_dir, strict=args.strict) else 1
    return 2


def _log_like_mkdocs() -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)


if __name__ == "__main__":
    sys.exit(main())
