"""The rules: a registry and the rule families, each yielding findings."""
