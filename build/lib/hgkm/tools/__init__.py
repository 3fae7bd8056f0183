"""Outside Sphinx: the command line, builds in a subprocess, reports, a new plan, a pull request's diff."""
