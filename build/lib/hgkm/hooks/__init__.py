"""Build mechanics inside Sphinx: collected warnings, the build guard, incremental builds, speed."""
