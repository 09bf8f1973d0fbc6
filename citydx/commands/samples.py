"""`citydx samples`: the bundled offline sample portals, for seeing the crawler work offline."""

from __future__ import annotations

import argparse

from citydx.errors import SamplePortError

ORDER = 15


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "samples", help="离线样例门户 offline sample government portals (serve, list)",
        description="The bundled sample portals (crawler/samples/). `citydx samples serve` runs "
                    "them as an HTTP server and forward proxy on 127.0.0.1; point the crawler "
                    "at it with proxy=http://127.0.0.1:PORT. `citydx samples list` shows the "
                    "sites and their list URLs.",
    )
    actions = parser.add_subparsers(dest="samples_action", metavar="ACTION", required=True)
    serve = actions.add_parser("serve", help="启动样例门户与代理 serve the portals and proxy")
    serve.add_argument("--port", type=int, default=8765,
                       help="监听端口 port on 127.0.0.1 (default 8765; 0 = any free port)")
    serve.add_argument("--verbose", action="store_true", help="逐条打印请求 log every request")
    serve.set_defaults(func=run_serve)
    listing = actions.add_parser("list", help="列出样例站点 list the sample sites")
    listing.set_defaults(func=run_list)


def run_list(args: argparse.Namespace) -> int:
    from crawler.samples.sites import SITES

    print("城市 city\t类型 family\t文档 docs\t默认情形 scenario\t列表页 list URL")
    for site in SITES:
        print(f"{site.city}\t{site.family}\t{site.n_docs}\t{site.default_scenario}\t"
              f"{site.list_url}")
    return 0


def run_serve(args: argparse.Namespace) -> int:
    from crawler.samples.server import SampleServer

    server = SampleServer(port=args.port)
    server.verbose = args.verbose
    try:
        server.start()
    except OSError as exc:
        raise SamplePortError(args.port, exc.strerror or str(exc)) from None
    print(f"样例门户代理已启动 sample portals proxy: {server.proxy_url}", flush=True)
    print(f"例 e.g. curl -x {server.proxy_url} http://www.hangzhou.gov.cn/robots.txt", flush=True)
    print("按 Ctrl-C 停止 press Ctrl-C to stop", flush=True)
    try:
        server.serve_forever()
    finally:
        server.stop()
    return 0
