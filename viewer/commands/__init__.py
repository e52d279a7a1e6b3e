"""One module per command-line subcommand; each has ``add_arguments`` and ``run``."""
