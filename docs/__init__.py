"""The project's documents, and the script that takes the README's screenshots
(:mod:`docs.screenshots`)."""
