"""`citydx schedule`: install, show or remove the nightly `citydx run`."""

from __future__ import annotations

import argparse
from pathlib import Path

from citydx.commands.common import add_db_option

ORDER = 6


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "schedule", help="安排夜间运行 install the nightly run (crontab)",
        description="Install a crontab entry for the current user that runs `citydx run` every "
                    "night under flock (never two at once), logging to --log-dir and keeping "
                    "the newest --keep-logs logs. --print shows the entry and a systemd timer "
                    "instead; --remove takes the entry away. Example: citydx schedule --at 02:30",
    )
    add_db_option(parser)
    parser.add_argument("--at", default="02:30", metavar="HH:MM",
                        help="每晚运行时间 time of the nightly run (default 02:30)")
    parser.add_argument("--out", type=Path, default=Path("out/runs"), metavar="DIR",
                        help="运行输出目录 folder for the runs' folders (default out/runs)")
    parser.add_argument("--log-dir", type=Path, default=Path("logs"), metavar="DIR",
                        help="日志目录 log folder (default logs)")
    parser.add_argument("--keep-logs", type=int, metavar="N",
                        help="保留日志数 logs kept (default: rules/pipeline.yaml keep_logs)")
    action = parser.add_mutually_exclusive_group()
    action.add_argument("--print", action="store_true", dest="show",
                        help="只显示，不安装 show what would be installed (crontab line and a "
                             "systemd timer alternative)")
    action.add_argument("--remove", action="store_true", help="移除 remove the nightly run")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from citydx.paths import default_db_path
    from pipeline import schedule
    from pipeline.settings import load_pipeline_settings

    if args.remove:
        removed = schedule.remove()
        print(f"已移除 removed {removed} 条 crontab entry(ies)" if removed
              else "没有可移除的夜间运行 no nightly run was installed")
        return 0
    hour, minute = schedule.parse_at(args.at)
    keep = args.keep_logs if args.keep_logs is not None else load_pipeline_settings().keep_logs
    if keep < 1:
        from citydx.commands.run import RunOptionError

        raise RunOptionError("--keep-logs 必须至少为 1 must be 1 or more")
    root = Path.cwd()
    job = schedule.Job(hour, minute, root, _absolute(args.db or default_db_path(), root),
                       _absolute(args.out, root), _absolute(args.log_dir, root), keep)
    if args.show:
        print("# crontab（crontab -e）:")
        print(schedule.cron_line(job))
        for name, text in schedule.systemd_units(job).items():
            print(f"\n# systemd 替代方案 alternative: ~/.config/systemd/user/{name}")
            print(text, end="")
        print("\n# 启用 enable: systemctl --user daemon-reload && "
              "systemctl --user enable --now citydx-nightly.timer")
        return 0
    line, replaced = schedule.install(job)
    print(("已更新 updated" if replaced else "已安装 installed") + f" crontab: {line}")
    return 0


def _absolute(path: Path, root: Path) -> Path:
    return path if path.is_absolute() else root / path
