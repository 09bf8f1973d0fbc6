"""The `citydx` command: a thin layer over the stage packages, one verb per stage."""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys

import citydx.commands
from citydx import __version__
from citydx.errors import CitydxError


def _command_modules() -> list:
    """Every verb module in citydx.commands, ordered by its ORDER (its place in --help).

    Verb modules import their stage's heavy libraries inside their run function, so that
    `citydx --help` stays fast.
    """
    modules = [
        importlib.import_module(f"citydx.commands.{info.name}")
        for info in pkgutil.iter_modules(citydx.commands.__path__)
        if info.name != "common"
    ]
    return sorted(modules, key=lambda m: (getattr(m, "ORDER", 100), m.__name__))


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="citydx",
        description="城市全域数字化转型评估：采集、抽取证据、评分、报告 "
                    "(crawl, extract evidence, score, report).",
    )
    parser.add_argument("--version", action="version", version=f"citydx {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in _command_modules():
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except CitydxError as exc:
        print(f"错误 error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("已中断 interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
