"""One module per CLI verb: each has ORDER (its place in --help) and `register(subparsers)`,
which sets `func` on its parser. `common` holds the options several verbs share."""
