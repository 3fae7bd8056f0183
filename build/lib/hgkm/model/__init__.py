"""What the knowledge base is about: needs, findings, coverage, the metamodel. Imports nothing above it."""
